import Foundation
import XCTest

/// The monitoring outputs and the charts in French, Spanish and Arabic, as a coordinator running the
/// workshop in that language meets them: no English sentence of cpms's own, dates written for people
/// (machine outputs keep YYYY-MM-DD), and Arabic laid out right to left.
final class OutputLanguageTests: XCTestCase {
  static let workshop = ["--workshop", "Data/examples/workshop.json"]
  static let rounds = ["round1", "round2"].flatMap { round in
    ["children-first-network", "hope-relief", "social-welfare-office"].map {
      "Data/examples/monitoring/\(round)-\($0).csv"
    }
  }

  func cpms(_ arguments: [String]) throws -> CLIResult {
    try CLIRunner.run(arguments, in: CLIRunner.packageRoot)
  }

  /// The English texts of the chart and monitoring keys with three words or more, as patterns where
  /// each `{n}` stands for any value.
  static let englishSentences: [(key: String, pattern: String)] = {
    var found: [(String, String)] = []
    let folder = CLIRunner.packageRoot.appendingPathComponent("Data/i18n/interface")
    for name in ["charts.json", "monitoring.json"] {
      guard let data = try? Data(contentsOf: folder.appendingPathComponent(name)),
        let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
        let texts = root["texts"] as? [String: [String: String]]
      else { continue }
      for (key, byLanguage) in texts.sorted(by: { $0.key < $1.key }) {
        guard let english = byLanguage["en"] else { continue }
        let words = english.replacing(/\{[0-9]\}/, with: "").split(whereSeparator: \.isWhitespace)
        guard words.count >= 3 else { continue }
        // A value at either end adds nothing to the match and only slows it.
        let inner = english.trimmingPrefix(/(\{[0-9]\})+/).replacing(/(\{[0-9]\})+$/, with: "")
        let parts = inner.split(separator: /\{[0-9]\}/, omittingEmptySubsequences: false).map {
          NSRegularExpression.escapedPattern(for: String($0))
        }
        found.append((key, parts.joined(separator: ".{1,120}?")))
      }
    }
    return found
  }()

  /// The text a reader sees: tags removed, entities and runs of white space (line wrapping) folded.
  func visible(_ output: String) -> String {
    output.replacing(/<[^>]*>/, with: " ").replacing("&#39;", with: "'").replacing("&quot;", with: "\"")
      .replacing("&amp;", with: "&").replacing(/\s+/, with: " ")
  }

  func assertNoEnglish(_ output: String, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertGreaterThan(Self.englishSentences.count, 40, "the patterns were read", file: file, line: line)
    let text = visible(output)
    let whole = NSRange(text.startIndex..., in: text)
    for (key, pattern) in Self.englishSentences {
      let regex = try? NSRegularExpression(pattern: pattern)
      guard regex?.firstMatch(in: text, range: whole) != nil || regex == nil else { continue }
      XCTFail("\(what) has the English of \(key)", file: file, line: line)
    }
  }

  func testSweepTheMonitoringReportAndItsChartsSpeakEachLanguage() throws {
    // The patterns find English where it is: the English report matches many of them.
    let english = visible(try cpms(["monitor", "report", "--format", "html"] + Self.workshop + Self.rounds).stdout)
    let whole = NSRange(english.startIndex..., in: english)
    let matched = Self.englishSentences.filter {
      (try? NSRegularExpression(pattern: $0.pattern))?.firstMatch(in: english, range: whole) != nil
    }
    XCTAssertGreaterThan(matched.count, 10, matched.map(\.key).joined(separator: ", "))
    for language in ["fr", "es", "ar"] {
      let report = Self.workshop + Self.rounds + ["--lang", language]
      for format in ["text", "html", "svg"] {
        let result = try cpms(["monitor", "report", "--format", format] + report)
        XCTAssertEqual(result.status, 0, result.stderr)
        assertNoEnglish(result.stdout, "\(language) \(format) report")
      }
      let pillars = try cpms([
        "prioritize", "--select", "1,2,3,14", "--situation", "none", "--format", "svg", "--lang", language,
      ])
      XCTAssertEqual(pillars.status, 1, pillars.stderr)
      assertNoEnglish(pillars.stdout, "\(language) pillar chart")
      XCTAssertTrue(pillars.stdout.contains(#"xml:lang="\#(language)""#))
    }
  }

  func testArabicReadsRightToLeft() throws {
    let html = try cpms(["monitor", "report", "--format", "html", "--lang", "ar"] + Self.workshop + Self.rounds)
    XCTAssertTrue(html.stdout.contains(#"<html lang="ar" dir="rtl">"#))
    XCTAssertTrue(
      html.stdout.contains("<bdi>Northern Province flood response (example)</bdi>"), "a Latin name isolated")
    XCTAssertTrue(html.stdout.contains("@bottom-left"), "the page number on the side a right-to-left page ends")
    let svg = try cpms(["monitor", "report", "--format", "svg", "--lang", "ar"] + Self.workshop + Self.rounds)
    XCTAssertTrue(svg.stdout.contains(#"xml:lang="ar" direction="rtl""#))
    // The first indicator's label starts at the right, and its bars end there.
    XCTAssertTrue(svg.stdout.contains(#"<text x="948" y="64" font-weight="bold">"#), svg.stdout)
    let bar = try XCTUnwrap(svg.stdout.firstMatch(of: /<rect class="bar" x="([0-9.]+)" y="[0-9]+" width="([0-9.]+)"/))
    XCTAssertEqual((Double(bar.1) ?? 0) + (Double(bar.2) ?? 0), 600, accuracy: 0.1, "bars grow leftwards from x 600")
    let english = try cpms(["monitor", "report", "--format", "svg"] + Self.workshop + Self.rounds)
    XCTAssertFalse(english.stdout.contains("direction="))
    XCTAssertFalse(english.stdout.contains("xml:lang="), "English charts keep their bytes")
  }

  func testDatesAreForPeopleInReportsAndYYYYMMDDInTheCSV() throws {
    let text = try cpms(["monitor", "report", "--lang", "fr"] + Self.workshop + Self.rounds)
    XCTAssertTrue(visible(text.stdout).contains("du 1er janvier 2026 au 31 mars 2026"), text.stdout)
    XCTAssertFalse(text.stdout.contains("2026-01-01"), text.stdout)
    let html = try cpms(["monitor", "report", "--format", "html", "--lang", "fr"] + Self.workshop + Self.rounds)
    XCTAssertTrue(html.stdout.contains("du 1er janvier 2026 au 31 mars 2026"))
    XCTAssertFalse(html.stdout.contains("2026-01-01"))
    let spanish = try cpms(["monitor", "report", "--format", "svg", "--lang", "es"] + Self.workshop + Self.rounds)
    XCTAssertTrue(spanish.stdout.contains("del 1 de enero de 2026 al 31 de marzo de 2026"))
    let csv = try cpms(["monitor", "report", "--format", "csv", "--lang", "fr"] + Self.workshop + Self.rounds)
    XCTAssertTrue(csv.stdout.contains("2026-01-01"))
    XCTAssertFalse(csv.stdout.contains("janvier"))
    XCTAssertTrue(csv.stdout.hasPrefix("standard;indicator_id;"), "column names stay: \(csv.stdout.prefix(80))")
    let json = try cpms(["monitor", "report", "--format", "json", "--lang", "ar"] + Self.workshop + Self.rounds)
    XCTAssertTrue(json.stdout.contains(#""start" : "2026-01-01""#), String(json.stdout.prefix(400)))
  }

  func testCountsAgreeWithTheirNouns() throws {
    let french = try cpms(["monitor", "report", "--lang", "fr"] + Self.workshop + Self.rounds)
    let text = visible(french.stdout)
    XCTAssertTrue(text.contains("non (oui : 1 sur 2 unités)"), text)
    XCTAssertFalse(text.contains("1 unités"), text)
  }

  func testSheetFindingsAndCommandMessagesSpeakTheLanguage() throws {
    let root = try CLIRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let sheet = root.appendingPathComponent("sheet.csv")
    try "indicator_id,period_start,period_end,organisation,numerator,denominator\n18.1,2026-01-01,2026-03-31,A,12,10\n"
      .write(to: sheet, atomically: true, encoding: .utf8)
    let french = try cpms(["monitor", "report", "--select", "18", "--lang", "fr", sheet.path])
    let findings = visible(french.stdout)
    XCTAssertTrue(findings.contains("erreur : Le numérateur (12) dépasse le dénominateur (10) pour 18.1"), findings)
    let noColumn = root.appendingPathComponent("no-end.csv")
    try "indicator_id,period_start\n18.1,2026-01-01\n".write(to: noColumn, atomically: true, encoding: .utf8)
    let spanish = try cpms(["monitor", "report", "--lang", "es", noColumn.path])
    XCTAssertEqual(spanish.status, 65, spanish.stderr)
    XCTAssertTrue(spanish.stderr.contains("La hoja no tiene la columna period_end (#date+end)"), spanish.stderr)
    XCTAssertTrue(spanish.stderr.contains("No se puede leer 1 archivo de datos"), spanish.stderr)
    let arabic = try cpms(["monitor", "report", "--lang", "ar"])
    XCTAssertEqual(arabic.status, 64)
    XCTAssertTrue(arabic.stderr.contains("لا بيانات"), arabic.stderr)
    let order = try cpms(
      ["monitor", "template", "--lang", "fr", "--period-start", "2026-03-01", "--period-end", "2026-01-31"])
    XCTAssertTrue(order.stderr.contains("La période se termine (31 janvier 2026) avant de commencer (1er mars 2026)."))
  }
}
