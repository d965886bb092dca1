import Foundation
import XCTest

@testable import CPMSCore

/// The library's defences against hostile input, at the level of the functions that hold them (the
/// end-to-end cases, with real files and processes, are in CLITests/HostileInputTests).
final class HostileInputUnitTests: XCTestCase {
  static var catalog: Catalog { ValidationFixture.catalog }

  func validate(_ text: String) -> ValidationReport { ValidationFixture.validate(text) }

  static func context(standards: String) -> String {
    #"{"cpms": "contextualization/1", "context": {"name": "x"}, "standards": [\#(standards)]}"#
  }

  // MARK: quoting user text in messages

  func testExcerptShortensAndShowsInvisibleCharacters() {
    XCTAssertEqual(Excerpt.of("18.2"), "18.2")
    XCTAssertEqual(Excerpt.of("Protección de la niñez 漢字"), "Protección de la niñez 漢字")
    XCTAssertEqual(Excerpt.of(String(repeating: "x", count: 81)), String(repeating: "x", count: 80) + "…")
    XCTAssertEqual(Excerpt.of(String(repeating: "x", count: 80)), String(repeating: "x", count: 80))
    XCTAssertEqual(Excerpt.of("abcdef", limit: 3), "abc…")
    XCTAssertEqual(Excerpt.of("a\u{0}b\u{1B}[2J\u{7F}\u{85}"), "a<NUL>b<escape>[2J<U+007F><U+0085>")
    XCTAssertEqual(Excerpt.of("line\nbreak\ttab\r"), "line<line break>break<tab>tab<carriage return>")
    XCTAssertEqual(
      Excerpt.of("\u{202E}txt.exe\u{200B}\u{FEFF}\u{2028}"),
      "<U+202E>txt.exe<zero-width space><byte order mark><U+2028>")
    // The cost follows the limit, not the text: a 10 MB text is cut at once.
    let huge = String(repeating: "é", count: 10_000_000)
    XCTAssertEqual(Excerpt.of(huge).count, 81)
  }

  func testSyntaxErrorsQuoteKeysWithoutTheirControlCharacters() {
    // The key holds an escaped terminal escape sequence; the message about the unfinished object
    // quotes the key, and must show the escape instead of sending it to the terminal.
    let report = validate(#"{"cpms": "contextualization/1", "a\u001b[2Jb" "#)
    let message = report.diagnostics.first?.message ?? ""
    XCTAssertEqual(report.diagnostics.first?.rule, "json-syntax")
    XCTAssertTrue(message.contains(#""a<escape>[2Jb""#), message)
    XCTAssertFalse(message.unicodeScalars.contains("\u{1B}"), message)
  }

  func testControlCharactersInFileTextAreFound() {
    let clean = [
      "", "plain", "exactly8", "sixteen bytes ok", "Line one\nline two\twith a tab", "Niños y niñas — “quotes” ’",
      "العربية", String(repeating: "a", count: 1_000), "Windows\r\nline break", "ends with\r\n",
      "isolate \u{2067}العربية\u{2069} and \u{2066}\u{2068}x\u{2069}\u{2069}",
    ]
    for text in clean { XCTAssertNil(FileGrammar.firstForbiddenCharacter(in: text), text.debugDescription) }
    let cases: [(String, UInt32)] = [
      ("\u{0}", 0), ("1234567\u{0}", 0), ("12345678\u{1}", 1), ("123456789012345\u{1B}", 0x1B),
      ("carriage\rreturn", 0x0D), ("ends with a carriage return\r", 0x0D), ("two\r\r\n", 0x0D),
      ("line feed first\n\r", 0x0D), ("delete\u{7F}", 0x7F), ("next line\u{85}", 0x85), ("é\u{9F}", 0x9F),
      ("override \u{202E}gnp.exe", 0x202E), ("embedding \u{202A}x", 0x202A), ("vertical tab\u{B}", 0x0B),
      (String(repeating: "a", count: 999) + "\u{8}", 8),
    ]
    for (text, code) in cases {
      XCTAssertEqual(FileGrammar.firstForbiddenCharacter(in: text)?.value, code, text.debugDescription)
    }
  }

  func testEscapedControlCharactersInAFileAreRefused() {
    let report = validate(Self.context(standards: #"{"number": 13, "rationale": "Because\u0000 \u001b[2J"}"#))
    XCTAssertEqual(report.diagnostics.map(\.rule), ["control-character"])
    XCTAssertTrue(report.diagnostics[0].message.contains("U+0000"), report.diagnostics[0].message)
    XCTAssertTrue(report.diagnostics[0].message.contains("<NUL>"), report.diagnostics[0].message)
    XCTAssertTrue(validate(Self.context(standards: #"{"number": 13, "rationale": "Line\nline\tend"}"#)).valid)
  }

  func testLongValuesAreQuotedShortly() {
    let long = String(repeating: "k", count: 1_000_000)
    let report = validate(Self.context(standards: #"{"number": 13, "\#(long)": 1, "title": "\#(long)"}"#))
    XCTAssertEqual(report.diagnostics.map(\.rule), ["unknown-key"])
    XCTAssertLessThan(report.diagnostics[0].message.utf8.count, 400, report.diagnostics[0].message)
    let language = validate(
      #"{"cpms": "contextualization/1", "context": {"name": "x", "language": "\#(long)"}, "standards": [{"number": 1}]}"#
    )
    XCTAssertEqual(language.diagnostics.map(\.rule), ["language-tag"])
    XCTAssertLessThan(language.diagnostics[0].message.utf8.count, 400)
    XCTAssertNil(Suggestion.closest(long, among: ["title"]), "no suggestion for a megabyte")
  }

  func testEditDistanceWithALimitSkipsFarApartLengths() {
    XCTAssertEqual(EditDistance.between("kitten", "sitting"), 3)
    XCTAssertEqual(EditDistance.between("kitten", "sitting", limit: 3), 3)
    XCTAssertEqual(EditDistance.between("", "abc", limit: 1), 3)
    let long = String(repeating: "x", count: 1_000_000)
    XCTAssertGreaterThan(EditDistance.between(long, "title", limit: 3), 3)
  }

  // MARK: numbers

  func testEnormousNumbersAreNamedAndRefused() {
    let digits = String(repeating: "9", count: 400)
    for value in ["1e999999", digits, "1e16", "1000000000000001", "-1"] {
      let report = validate(
        Self.context(standards: #"{"number": 13, "indicators": [{"id": "13.1", "target": \#(value)}]}"#))
      XCTAssertEqual(report.diagnostics.map(\.rule), ["target"], value)
      XCTAssertTrue(report.diagnostics.first?.message.contains("out of range") ?? false, value)
      let text = validate(
        Self.context(standards: #"{"number": 13, "indicators": [{"id": "13.1", "target": "\#(value)"}]}"#))
      XCTAssertEqual(text.diagnostics.map(\.rule), ["target"], value)
    }
    for value in ["0", "-0", "1e-400", "1000000000000000", "12.5"] {
      let report = validate(
        Self.context(standards: #"{"number": 13, "indicators": [{"id": "13.1", "target": \#(value)}]}"#))
      XCTAssertTrue(report.valid, "\(value): \(report.diagnostics)")
    }
    let number = validate(Self.context(standards: #"{"number": \#(digits)}"#))
    XCTAssertEqual(number.diagnostics.map(\.rule), ["type"])
    XCTAssertTrue(number.diagnostics[0].message.contains("found the number 9999"), number.diagnostics[0].message)
    XCTAssertLessThan(number.diagnostics[0].message.count, 200)
    let list = { (text: String) throws(Diagnostic) in try StandardList.parse(text) }
    XCTAssertThrowsError(try list("1,\(digits)")) { error in
      XCTAssertLessThan(String(describing: error).count, 300)
    }
  }

  // MARK: limits

  func testTooManyFindingsStopAtTheLimitWithACount() {
    let keys = (1...5_000).map { #""unknown\#($0)": 1"# }.joined(separator: ", ")
    let report = validate(Self.context(standards: #"{"number": 13, \#(keys)}"#))
    XCTAssertEqual(report.diagnostics.count, Checker.maxDiagnostics + 1)
    XCTAssertFalse(report.valid)
    let last = report.diagnostics.last
    XCTAssertEqual(last?.rule, "too-many-findings")
    XCTAssertTrue(last?.message.hasPrefix("4000 more findings are not shown") ?? false, last?.message ?? "")
    XCTAssertTrue(report.diagnostics.dropLast().allSatisfy { $0.rule == "unknown-key" })
  }

  func testTheParserStopsAtTheValueLimit() throws {
    let bytes = Array("[1, [2, 3], {\"a\": 4}]".utf8)
    XCTAssertNoThrow(try SourceJSONParser.parse(bytes, maxValues: 7))
    XCTAssertThrowsError(try SourceJSONParser.parse(bytes, maxValues: 6)) { error in
      let error = error as? Diagnostic
      XCTAssertEqual(error?.rule, "too-many-values")
      XCTAssertEqual(error?.location?.column, 19, "at the value past the limit")
      XCTAssertTrue(error?.message.contains("more than 6 values") ?? false, error?.message ?? "")
    }
    XCTAssertEqual(SourceJSONParser.defaultMaxValues, 4_000_000)
  }

  func testBallotLimits() {
    func error(_ bytes: [UInt8]) -> Diagnostic? {
      do {
        _ = try BallotFile.parse(csv: bytes, source: "b.csv")
        return nil
      } catch {
        return error
      }
    }
    let header = Array("standard,score,comment\n".utf8)
    let tooLarge = error(header + [UInt8](repeating: UInt8(ascii: "x"), count: Ballot.maxFileSize))
    XCTAssertEqual(tooLarge?.description, "b.csv: " + (tooLarge?.message ?? ""))
    XCTAssertTrue(tooLarge?.message.contains("larger than 8 MB") ?? false, "\(String(describing: tooLarge))")
    let lines = error(header + [UInt8](repeating: 0x0D, count: Ballot.maxLines))
    XCTAssertTrue(lines?.message.contains("more than 100000 lines") ?? false, "\(String(describing: lines))")
    XCTAssertNil(error(header + Array((0..<10_000).map { "\($0 % 28 + 1),3,\n" }.joined().utf8)))
    let cell = error(header + Array(("1," + String(repeating: "5", count: 1_000_000) + ",\n").utf8))
    XCTAssertEqual(cell?.location?.line, 2)
    XCTAssertLessThan(cell?.message.count ?? .max, 300)
    let latin1 = error(header + Array("1,3,ok\n2,4,d".utf8) + [0xE9] + Array("j\u{E0}\n".utf8))
    XCTAssertEqual(latin1?.location?.line, 3)
    XCTAssertTrue(latin1?.message.contains("CSV UTF-8") ?? false)
    let utf16 = error([0xFF, 0xFE] + Array("standard".utf8).flatMap { [$0, 0] })
    XCTAssertTrue(utf16?.message.contains("UTF-16") ?? false, "\(String(describing: utf16))")
  }
}
