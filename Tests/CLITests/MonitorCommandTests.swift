import Foundation
import XCTest

/// End to end: `cpms monitor template|report` and `cpms validate` on monitoring sheets, as an
/// information manager runs them round after round; libhxl checks the HXL cpms writes when installed.
final class MonitorCommandTests: XCTestCase {
  // MARK: helpers

  static let folder = "Data/examples/monitoring/"
  static let rounds = [
    "round1-children-first-network.csv", "round1-hope-relief.csv", "round1-social-welfare-office.csv",
    "round2-children-first-network.csv", "round2-hope-relief.csv", "round2-social-welfare-office.csv",
  ].map { folder + $0 }
  static var dataArguments: [String] { rounds.flatMap { ["--data", $0] } }
  static let workshop = ["--workshop", "Data/examples/workshop.json"]

  func cpms(_ arguments: [String], stdin: Data? = nil) throws -> CLIResult {
    try CLIRunner.run(arguments, stdin: stdin, in: CLIRunner.packageRoot)
  }

  func write(_ text: String, named name: String, in folder: URL) throws -> String {
    let url = folder.appendingPathComponent(name)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  static let badSheet = """
    indicator_id,period_start,period_end,organisation,location_code,numerator,denominator
    18.1,2026-01-01,2026-03-31,A,L1,60,50
    18.1,2026-01-01,2026-03-31,B,L2,30,50

    """

  /// The path to a program on PATH, or a skip naming how to install it (libhxl's by default).
  func tool(_ name: String, install: String = "'pip install libhxl' (Tests/setup.sh does)") throws -> String {
    for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
      let path = "\(folder)/\(name)"
      if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    throw XCTSkip("\(name) is not installed; \(install) to run this test.")
  }

  func run(_ path: String, _ arguments: [String]) throws -> CLIResult {
    try CLIRunner.run(arguments, executable: URL(fileURLWithPath: path))
  }

  // MARK: the round trip

  func testDemoReportIsCompleteAndAddsUpThePartnersFigures() throws {
    let result = try cpms(["monitor", "report"] + Self.workshop + Self.dataArguments)
    XCTAssertEqual(result.status, 0, result.stderr)
    // 18.1 in round 1: 90+27 (CFN) + 1+2 (Hope Relief) + 30+15 (Social Welfare) over 100+30+2+4+45+20.
    XCTAssertTrue(
      result.stdout.contains("1 January 2026 to 31 March 2026: 82.1% (165/201), not met; 6 units"), result.stdout)
    XCTAssertTrue(result.stdout.contains("Missing: Hope Relief in NP03"), result.stdout)
    XCTAssertTrue(result.stdout.contains("[not-in-selection]"), result.stdout)
    XCTAssertTrue(result.stdout.contains("Target 90% (context)"), result.stdout)
    XCTAssertTrue(result.stdout.contains("Errors: 0. Warnings: 5. The figures are consistent."), result.stdout)
  }

  /// The report speaks the output's language (decimals too); figures, ids and rule names stay.
  func testReportInFrench() throws {
    let result = try cpms(["monitor", "report", "--lang", "fr"] + Self.workshop + Self.dataArguments)
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertTrue(
      result.stdout.contains("du 1er janvier 2026 au 31 mars 2026 : 82,1\u{00A0}% (165/201), non atteinte ; 6"),
      result.stdout)
    XCTAssertTrue(result.stdout.contains("Manquent : Hope Relief à NP03"), result.stdout)
    XCTAssertTrue(result.stdout.contains("[not-in-selection]"), result.stdout)
    XCTAssertTrue(result.stdout.contains("Erreurs : 0. Avertissements : 5. Les chiffres sont cohérents."))
  }

  func testJSONReportIsStable() throws {
    let result = try cpms(["monitor", "report", "--format", "json"] + Self.workshop + Self.dataArguments)
    XCTAssertEqual(result.status, 0, result.stderr)
    let again = try cpms(["monitor", "report", "--format", "json"] + Self.workshop + Self.dataArguments)
    XCTAssertEqual(result.stdout, again.stdout)
    let root = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    XCTAssertEqual(root["cpms"] as? String, "monitoring-report/1")
    XCTAssertEqual(root["consistent"] as? Bool, true)
    XCTAssertEqual((root["periods"] as? [Any])?.count, 2)
    let indicators = try XCTUnwrap(root["indicators"] as? [[String: Any]])
    let caseManagement = try XCTUnwrap(indicators.first { $0["id"] as? String == "18.1" })
    let periods = try XCTUnwrap(caseManagement["periods"] as? [[String: Any]])
    XCTAssertEqual(periods[1]["numerator"] as? Int, 236)
    XCTAssertEqual(periods[1]["denominator"] as? Int, 264)
    XCTAssertEqual(periods[1]["percentage"] as? Double, 89.4)
    XCTAssertEqual(periods[1]["trend"] as? String, "up")
    XCTAssertEqual(periods[1]["status"] as? String, "not met")
  }

  /// The demo's percentages recomputed by a small Python program from the raw sheets (its own CSV
  /// reading, HXL row or header names, sums of numerators and denominators per indicator and period),
  /// compared with the JSON report.
  func testJSONTotalsMatchAnIndependentPythonComputation() throws {
    let python = try tool("python3", install: "install Python 3")
    let result = try cpms(["monitor", "report", "--format", "json"] + Self.workshop + Self.rounds)
    XCTAssertEqual(result.status, 0, result.stderr)
    let script = """
      import csv, io, json, sys
      sums = {}
      for path in sys.argv[1:]:
          text = open(path, encoding="utf-8-sig").read()
          rows = list(csv.reader(io.StringIO(text), delimiter=";" if text.count(";") > text.count(",") else ","))
          names = rows[0]
          if rows[1][0].startswith("#"):
              names = [{"#indicator+code": "indicator_id", "#date+start": "period_start", "#date+end": "period_end",
                        "#indicator+num+numerator": "numerator", "#indicator+num+denominator": "denominator"}
                       .get(tag, name) for tag, name in zip(rows[1], rows[0])]
              rows = rows[1:]
          for row in rows[1:]:
              cell = dict(zip(names, row))
              if cell.get("indicator_id", "").startswith("15.") or not cell.get("denominator"):
                  continue
              key = (cell["indicator_id"], cell["period_start"])
              n, d = sums.get(key, (0, 0))
              sums[key] = (n + int(cell["numerator"]), d + int(cell["denominator"]))
      print(json.dumps({f"{k[0]} {k[1]}": [n, d, round(n * 100 / d, 1)] for k, (n, d) in sorted(sums.items())}))
      """
    let computed = try CLIRunner.run(
      ["-c", script] + Self.rounds.map { CLIRunner.packageRoot.appendingPathComponent($0).path },
      executable: URL(fileURLWithPath: python))
    XCTAssertEqual(computed.status, 0, computed.stderr)
    let expected = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(computed.stdout.utf8)) as? [String: [Double]])
    XCTAssertGreaterThan(expected.count, 10)
    let root = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    var found: [String: [Double]] = [:]
    for indicator in try XCTUnwrap(root["indicators"] as? [[String: Any]]) {
      for period in try XCTUnwrap(indicator["periods"] as? [[String: Any]]) {
        guard let numerator = period["numerator"] as? Int, let denominator = period["denominator"] as? Int else {
          continue
        }
        let key = "\(indicator["id"] as? String ?? "?") \(period["start"] as? String ?? "?")"
        found[key] = [Double(numerator), Double(denominator), try XCTUnwrap(period["percentage"] as? Double)]
      }
    }
    XCTAssertEqual(found, expected)
  }

  func testMarkdownAndCSVReports() throws {
    let markdown = try cpms(["monitor", "report", "--format", "markdown"] + Self.workshop + Self.dataArguments)
    XCTAssertEqual(markdown.status, 0, markdown.stderr)
    XCTAssertTrue(markdown.stdout.hasPrefix("# CPMS monitoring report"), markdown.stdout)
    XCTAssertTrue(markdown.stdout.contains("| Indicator | Text | Period |"), markdown.stdout)
    let csv = try cpms(
      ["monitor", "report", "--format", "csv", "--delimiter", "semicolon"] + Self.workshop + Self.dataArguments)
    XCTAssertEqual(csv.status, 0, csv.stderr)
    let lines = csv.stdout.split(separator: "\n")
    XCTAssertTrue(lines[0].hasPrefix("standard;indicator_id;official_id;"), String(lines[0]))
    XCTAssertTrue(lines[1].hasPrefix("#meta+standard;#indicator+code;"), String(lines[1]))
    XCTAssertTrue(csv.stderr.contains("warning: "), "findings go to stderr with CSV: \(csv.stderr)")
  }

  func testTemplateFromTheWorkshopWithUnitsAndPeriod() throws {
    let result = try cpms(
      ["monitor", "template"] + Self.workshop + [
        "--units", Self.folder + "units.csv", "--period-start", "2026-07-01", "--period-end", "2026-09-30",
      ])
    XCTAssertEqual(result.status, 0, result.stderr)
    let lines = result.stdout.split(separator: "\n")
    // 21 indicators of the six selected standards (with the context's 13.L1) × 6 units, after 2 header rows.
    XCTAssertEqual(lines.count, 2 + 21 * 6)
    XCTAssertTrue(lines[2].hasPrefix("1.1,1.2.2,"), String(lines[2]))
    XCTAssertTrue(lines[2].contains(",yes-no,2026-07-01,2026-09-30,adm2,NP01,Riverside,Children First Network,"))
  }

  func testFilledTemplateRoundTrip() throws {
    let folder = try CLIRunner.temporaryDirectory()
    let sheet = folder.appendingPathComponent("sheet.csv").path
    let made = try cpms(
      [
        "monitor", "template", "--select", "18", "--period-start", "2026-01-01", "--period-end", "2026-03-31", "-o",
        sheet,
      ])
    XCTAssertEqual(made.status, 0, made.stderr)
    // Fill 18.1's row: organisation, location and the two figures.
    var lines = try String(contentsOfFile: sheet, encoding: .utf8).split(separator: "\n").map(String.init)
    var cells = lines[2].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    cells[7] = "L1"
    cells[9] = "Org"
    cells[10] = "9"
    cells[11] = "10"
    lines[2] = cells.joined(separator: ",")
    try (lines.joined(separator: "\n") + "\n").write(toFile: sheet, atomically: true, encoding: .utf8)
    let report = try cpms(["monitor", "report", "--select", "18", sheet])
    XCTAssertEqual(report.status, 0, report.stdout + report.stderr)
    XCTAssertTrue(report.stdout.contains("90.0% (9/10), met; 1 unit"), report.stdout)
    let again = try cpms(["monitor", "template", "--select", "18", "-o", sheet])
    XCTAssertEqual(again.status, 73)
    XCTAssertTrue(again.stderr.contains("--force"), again.stderr)
  }

  // MARK: bad input

  func testInconsistentFiguresExitOneWithFileAndLine() throws {
    let folder = try CLIRunner.temporaryDirectory()
    let path = try write(Self.badSheet, named: "partner.csv", in: folder)
    let result = try CLIRunner.run(
      ["monitor", "report", "--select", "18", "--data", path], environment: ["COLUMNS": "1000"],
      in: CLIRunner.packageRoot)
    XCTAssertEqual(result.status, 1)
    XCTAssertTrue(result.stdout.contains("\(path):2:6: error: The numerator (60)"), result.stdout)
    XCTAssertTrue(result.stdout.contains("60.0% (30/50)"), "the other row still counts: \(result.stdout)")
  }

  func testMalformedFileExits65AndWritesNothing() throws {
    let folder = try CLIRunner.temporaryDirectory()
    let path = try write("name,score\nx,1\n", named: "ballot.csv", in: folder)
    let output = folder.appendingPathComponent("report.txt").path
    let result = try cpms(["monitor", "report", "--data", path, "-o", output])
    XCTAssertEqual(result.status, 65)
    XCTAssertTrue(result.stderr.contains("missing-column"), result.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: output))
  }

  func testBadUnitsFileExits65() throws {
    let folder = try CLIRunner.temporaryDirectory()
    let path = try write("name,place\nA,B\n", named: "units.csv", in: folder)
    let result = try cpms(["monitor", "template", "--select", "18", "--units", path])
    XCTAssertEqual(result.status, 65)
    XCTAssertTrue(result.stderr.contains("needs an organisation or a location_code column"), result.stderr)
    XCTAssertEqual(result.stdout, "")
  }

  func testMissingDataFileExits66() throws {
    let result = try cpms(["monitor", "report", "--data", "no-such-file.csv"])
    XCTAssertEqual(result.status, 66)
    XCTAssertTrue(result.stderr.contains("no-such-file.csv"), result.stderr)
  }

  func testUsageErrors() throws {
    for (arguments, mention) in [
      (["monitor"], "<action>"), (["monitor", "tempalte"], "Did you mean 'template'?"),
      (["monitor", "report"], "No data"), (["monitor", "template", "--data", "x.csv"], "'--data' applies to"),
      (["monitor", "report", "--data", "x.csv", "--units", "u.csv"], "'--units' applies to"),
      (["monitor", "template", "--period-start", "2026-13-01"], "YYYY-MM-DD"),
      (["monitor", "template", "--period-start", "2026-02-01", "--period-end", "2026-01-01"], "ends"),
      (["monitor", "template", "extra.csv"], "reads no data files"),
    ] {
      let result = try cpms(arguments)
      XCTAssertEqual(result.status, 64, "\(arguments): \(result.stderr)")
      XCTAssertTrue(result.stderr.contains(mention), "\(arguments): \(result.stderr)")
    }
  }

  // MARK: validate

  func testValidateChecksMonitoringSheets() throws {
    let clean = try cpms(["validate", "--context", "Data/examples/contextualization.json", "Data/examples"])
    XCTAssertEqual(clean.status, 0, clean.stdout)
    XCTAssertTrue(clean.stdout.contains("14 files checked: 14 valid"), clean.stdout)
    let folder = try CLIRunner.temporaryDirectory()
    let path = try write(Self.badSheet, named: "partner.csv", in: folder)
    let text = try cpms(["validate", path])
    XCTAssertEqual(text.status, 1)
    XCTAssertTrue(text.stdout.contains("\(path):2:6: error: ") && text.stdout.contains("[numerator-above-denominator]"))
    let github = try cpms(["validate", "--format", "github", path])
    XCTAssertTrue(github.stdout.contains("line=2,col=6,title=numerator-above-denominator::"), github.stdout)
    let json = try cpms(["validate", "--format", "json", "-"], stdin: Data(Self.badSheet.utf8))
    XCTAssertTrue(json.stdout.contains("\"kind\" : \"monitoring-sheet/csv\""), json.stdout)
  }

  // MARK: libhxl

  func testLibHXLValidatesTheTemplateAndTheCSVReport() throws {
    let hxlvalidate = try tool("hxlvalidate")
    let folder = try CLIRunner.temporaryDirectory()
    let template = folder.appendingPathComponent("template.csv").path
    let report = folder.appendingPathComponent("report.csv").path
    XCTAssertEqual(
      try cpms(["monitor", "template"] + Self.workshop + ["--units", Self.folder + "units.csv", "-o", template]).status,
      0)
    XCTAssertEqual(
      try cpms(["monitor", "report", "--format", "csv", "-o", report] + Self.workshop + Self.dataArguments).status, 0)
    // The example sheets with an HXL row (the Social Welfare Office's have none, as a plain spreadsheet export).
    let tagged = Self.rounds.filter { !$0.contains("social-welfare") }
    for path in [template, report] + tagged.map({ CLIRunner.packageRoot.appendingPathComponent($0).path }) {
      let result = try run(hxlvalidate, [path])
      XCTAssertEqual(result.status, 0, "\(path):\n\(result.stdout)\(result.stderr)")
      XCTAssertTrue(result.stdout.contains("0 error(s)"), "\(path):\n\(result.stdout)")
    }
  }

  func testTemplateAsExcelWorkbook() throws {
    let folder = try CLIRunner.temporaryDirectory()
    let workbook = folder.appendingPathComponent("sheet.xlsx").path
    let made = try cpms(
      [
        "monitor", "template", "--select", "18", "--units", Self.folder + "units.csv", "--format", "xlsx", "-o",
        workbook,
      ])
    XCTAssertEqual(made.status, 0, made.stderr)
    let bytes = try Data(contentsOf: URL(fileURLWithPath: workbook))
    XCTAssertEqual(Array(bytes.prefix(4)), [0x50, 0x4B, 0x03, 0x04], "a ZIP archive")
    // A workbook sent back unconverted is refused with the way to convert it.
    let report = try cpms(["monitor", "report", workbook])
    XCTAssertEqual(report.status, 65)
    XCTAssertTrue(report.stderr.contains("save the sheet as 'CSV UTF-8'"), report.stderr)
    let toStdout = try cpms(["monitor", "template", "--format", "xlsx"])
    XCTAssertEqual(toStdout.status, 64)
    if let hxlvalidate = try? tool("hxlvalidate") {
      let result = try run(hxlvalidate, [workbook])
      XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
      XCTAssertTrue(result.stdout.contains("0 error(s), 0 warnings"), result.stdout)
    }
  }

  func testLibHXLReadsTheTemplate() throws {
    _ = try tool("hxlvalidate")
    let folder = try CLIRunner.temporaryDirectory()
    let template = folder.appendingPathComponent("template.csv").path
    XCTAssertEqual(
      try cpms(["monitor", "template", "--select", "6,18", "--units", Self.folder + "units.csv", "-o", template])
        .status, 0)
    let script = """
      import sys, hxl
      data = hxl.data(sys.argv[1], hxl.InputOptions(allow_local=True))
      rows = list(data)
      print(len(rows), rows[0].get('#indicator+code'), rows[0].get('#org+name'), rows[0].get('#loc+code'))
      print(' '.join(column.display_tag for column in data.columns[:3]))
      """
    let result = try run("/usr/bin/env", ["python3", "-c", script, template])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(
      result.stdout,
      "42 6.1 Children First Network NP01\n#indicator+code #indicator+code+official #indicator+name\n")
  }
}
