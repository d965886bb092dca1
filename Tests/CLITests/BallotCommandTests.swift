import Foundation
import XCTest

/// Ballots end to end: the integrity errors with their messages and exit codes, exports from
/// KoboToolbox and ODK read with no editing, the XLSForm loaded by pyxform and openpyxl, and the
/// agreement in the JSON output checked against an independent computation.
final class BallotCommandTests: XCTestCase {
  var root: URL!

  override func setUpWithError() throws {
    root = try CLIRunner.temporaryDirectory()
  }

  override func tearDownWithError() throws {
    if let root { try? FileManager.default.removeItem(at: root) }
  }

  static var fixtures: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/ballots")
  }

  func write(_ name: String, _ text: String) throws -> String {
    let url = root.appendingPathComponent(name)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  func prioritize(_ extra: [String]) throws -> CLIResult {
    try CLIRunner.run(["prioritize", "--situation", "none"] + extra)
  }

  /// A program on PATH, or a skip naming how to install it (CI does, through `make test-tools`).
  func python(withModules modules: [String]) throws -> URL {
    let url = try CLIRunner.program("python3", install: "install Python 3")
    let check = try CLIRunner.run(["-c", "import " + modules.joined(separator: ", ")], executable: url)
    guard check.status == 0 else {
      throw XCTSkip("python3 lacks \(modules.joined(separator: ", ")); run 'make test-tools' (CI does).")
    }
    return url
  }

  // MARK: integrity, end to end

  func testNoScoresIsADataErrorThatNamesTheFiles() throws {
    let empty = try write("empty.csv", "standard,score\n")
    let result = try prioritize(["--ballot", empty])
    XCTAssertEqual(result.status, 65)
    XCTAssertTrue(result.stderr.contains("the ballots hold no score (read 1 file: \(empty))"), result.stderr)
    XCTAssertTrue(result.stderr.contains("[no-scores]"), result.stderr)
    XCTAssertEqual(result.stdout, "", "nothing is recommended from nothing")
  }

  func testTheSameFileTwiceAndTheSameParticipantTwiceAreRefused() throws {
    let a = try write("a.csv", "participant,standard,score\nAmina,1,5\n")
    let copy = try write("copy.csv", "participant,standard,score\nAmina,1,5\n")
    let twice = try prioritize(["--ballot", a, "--ballot", copy])
    XCTAssertEqual(twice.status, 65)
    XCTAssertTrue(twice.stderr.contains("\(copy): this file has the same content as \(a)"), twice.stderr)
    let again = try write("b.csv", "participant,standard,score\nAMINA,2,3\n")
    let named = try prioritize(["--ballot", a, "--ballot", again])
    XCTAssertEqual(named.status, 65)
    XCTAssertTrue(named.stderr.contains("\(again):2: participant 'AMINA' already has a ballot at \(a):2"), named.stderr)
    XCTAssertTrue(named.stderr.contains("[duplicate-participant]"), named.stderr)
    let allowed = try prioritize(["--ballot", a, "--ballot", again, "--allow-duplicate-participants"])
    XCTAssertEqual(allowed.status, 0, allowed.stderr)
    XCTAssertTrue(allowed.stdout.contains("[unscored-recommended]"), "unscored standards are flagged")
  }

  func testTheSameStandardTwiceInABallotIsRefusedWithBothLines() throws {
    let ballot = try write("b.csv", "standard,score\n1,5\n1,2\n")
    let result = try prioritize(["--ballot", ballot])
    XCTAssertEqual(result.status, 65)
    XCTAssertTrue(result.stderr.contains("\(ballot):3: standard 1 is scored twice in this ballot (also on line 2)"))
  }

  func testAWorkbookRenamedCSVIsNamed() throws {
    let form = root.appendingPathComponent("form.xlsx").path
    XCTAssertEqual(try CLIRunner.run(["ballot", "--format", "xlsform", "-o", form]).status, 0)
    let renamed = root.appendingPathComponent("export.csv").path
    try FileManager.default.copyItem(atPath: form, toPath: renamed)
    let result = try prioritize(["--ballot", renamed])
    XCTAssertEqual(result.status, 65)
    XCTAssertTrue(result.stderr.contains("is a spreadsheet workbook (.xlsx or .ods), not a CSV file"), result.stderr)
  }

  // MARK: exports of the form

  func testKoboToolboxAndODKExportsAreReadWithNoEditing() throws {
    for name in ["kobo-xml-values.csv", "kobo-labels.csv", "odk-central.csv"] {
      let path = Self.fixtures.appendingPathComponent(name).path
      let result = try prioritize(["--ballot", path, "--format", "json"])
      XCTAssertEqual(result.status, 0, "\(name): \(result.stderr)")
      let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
      let ballots = try XCTUnwrap(json["ballots"] as? [String: Any], name)
      XCTAssertEqual(ballots["participants"] as? [String], ["Amina K.", "Jean B.", "Lucía M."], name)
      let files = try XCTUnwrap(ballots["files"] as? [[String: Any]])
      XCTAssertEqual(files.first?["layout"] as? String, "wide", name)
      let comments = try XCTUnwrap(ballots["comments"] as? [[String: Any]])
      XCTAssertEqual(comments.count, 3, name)
      let ranking = try XCTUnwrap(json["ranking"] as? [[String: Any]])
      let first = try XCTUnwrap(ranking.first { $0["standard"] as? Int == 13 })
      XCTAssertEqual(first["scores"] as? [Double], [4, 5, 5], name)
      let text = try CLIRunner.run(
        ["prioritize", "--situation", "none", "--ballot", path], environment: ["COLUMNS": "200"])
      XCTAssertTrue(text.stdout.contains("one row per participant (a KoboToolbox or ODK export)"), name)
    }
  }

  func testTheXLSFormLoadsInPyxformAndOpenpyxlAndItsExportComesBack() throws {
    let python = try python(withModules: ["pyxform", "openpyxl"])
    let form = root.appendingPathComponent("ballot.xlsx").path
    let made = try CLIRunner.run(["ballot", "--format", "xlsform", "-o", form])
    XCTAssertEqual(made.status, 0, made.stderr)
    let again = root.appendingPathComponent("again.xlsx").path
    XCTAssertEqual(try CLIRunner.run(["ballot", "--format", "xlsform", "-o", again]).status, 0)
    XCTAssertEqual(
      FileManager.default.contents(atPath: form), FileManager.default.contents(atPath: again), "same bytes")
    // openpyxl reads the sheets back, and the export an information manager downloads is made from
    // the survey's own names (group/question, semicolons, KoboToolbox's metadata columns).
    let export = root.appendingPathComponent("export.csv").path
    let script = """
      import csv, sys, openpyxl
      from pyxform.xls2xform import convert
      wb = openpyxl.load_workbook(sys.argv[1])
      assert wb.sheetnames == ["survey", "choices", "settings"], wb.sheetnames
      survey = [[c.value for c in row] for row in wb["survey"].iter_rows()]
      head = survey[0]
      assert head[:2] == ["type", "name"] and "hxl" in head, head
      languages = [h for h in head if h.startswith("label::")]
      assert languages == ["label::English (en)", "label::Français (fr)", "label::Español (es)",
                           "label::العربية (ar)"], languages
      settings = {k: v for k, v in zip(*[[c.value for c in r] for r in wb["settings"].iter_rows()])}
      assert settings["form_id"] == "cpms_ballot", settings
      assert settings["default_language"] == "English (en)", settings
      scores = [r for r in survey[1:] if r[0] and r[0].startswith("select_one")]
      assert len(scores) == 28, len(scores)
      choices = [[c.value for c in r] for r in wb["choices"].iter_rows()][1:]
      assert [c[1] for c in choices] == ["0", "1", "2", "3", "4", "5", "not_scored"], choices
      result = convert(xlsform=sys.argv[1])
      assert "<h:title>CPMS priority standards ballot</h:title>" in result.xform, result.xform[:300]
      assert 'lang="Français (fr)"' in result.xform and 'lang="العربية (ar)"' in result.xform
      group, columns = None, ["_id", "participant"]
      for row in survey[1:]:
          if row[0] == "begin_group": group = row[1]
          elif row[0] == "end_group": group = None
          elif row[0] and (row[0].startswith("select_one") or row[1].startswith("comment_")):
              columns.append(group + "/" + row[1])
      columns += ["_uuid", "_submission_time", "__version__", "_index"]
      with open(sys.argv[2], "w", newline="", encoding="utf-8") as f:
          w = csv.writer(f, delimiter=";")
          w.writerow(columns)
          for i, name in enumerate(["Amina", "Jean"]):
              values = [str(i + 1), name]
              for c in columns[2:-4]:
                  values.append("" if "comment_" in c else ("not_scored" if c.endswith("_28") else str((i + len(c)) % 6)))
              w.writerow(values + ["u%d" % i, "2026-10-14", "v1", str(i + 1)])
      print("ok")
      """
    let run = try CLIRunner.run(["-c", script, form, export], executable: python)
    XCTAssertEqual(run.status, 0, run.stderr)
    XCTAssertEqual(run.stdout, "ok\n", run.stderr)
    let result = try prioritize(["--ballot", export, "--format", "json"])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertTrue(result.stdout.contains(#""participants" : ["#) || result.stdout.contains(#""participants": ["#))
    XCTAssertTrue(result.stdout.contains("\"Amina\""), result.stdout)
  }

  func testAnXLSFormNeedsAnOutputFile() throws {
    let result = try CLIRunner.run(["ballot", "--format", "xlsform"])
    XCTAssertEqual(result.status, 64)
    XCTAssertTrue(result.stderr.contains("give the file to write with -o FILE.xlsx"), result.stderr)
  }

  // MARK: agreement, checked independently

  /// Kendall's W and each standard's median and spread from the JSON output, recomputed by a Python
  /// implementation written from the textbook formula (average ranks for ties, T correction).
  func testAgreementMatchesAnIndependentComputation() throws {
    let python = try python(withModules: ["statistics", "json"])
    var paths: [String] = []
    var state: UInt64 = 20_261_130
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    for person in 0..<5 {
      var rows = "participant,standard,score\n"
      for standard in 1...28 { rows += "p\(person),\(standard),\(Double(next(11)) / 2)\n" }
      paths.append(try write("p\(person).csv", rows))
    }
    let result = try prioritize(paths.flatMap { ["--ballot", $0] } + ["--format", "json"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let output = try write("out.json", result.stdout)
    let script = """
      import csv, json, statistics, sys
      out = json.load(open(sys.argv[1]))
      tables = []
      for path in sys.argv[2:]:
          rows = list(csv.DictReader(open(path)))
          tables.append([float(r["score"]) for r in sorted(rows, key=lambda r: int(r["standard"]))])
      def ranks(values):
          order = sorted(range(len(values)), key=lambda i: -values[i])
          r, t, i = [0.0] * len(values), 0, 0
          while i < len(order):
              j = i
              while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]: j += 1
              for k in range(i, j + 1): r[order[k]] = (i + j + 2) / 2
              t += (j - i + 1) ** 3 - (j - i + 1); i = j + 1
          return r, t
      m, n = len(tables), 28
      totals, ties = [0.0] * n, 0
      for row in tables:
          r, t = ranks(row); ties += t
          totals = [a + b for a, b in zip(totals, r)]
      mean = sum(totals) / n
      s = sum((x - mean) ** 2 for x in totals)
      w = 12 * s / (m * m * (n ** 3 - n) - m * ties)
      assert abs(out["ballots"]["agreement"]["kendallW"] - w) < 1e-9, (out["ballots"]["agreement"], w)
      for entry in out["ranking"]:
          column = [row[entry["standard"] - 1] for row in tables]
          assert abs(entry["spread"]["median"] - statistics.median(column)) < 1e-9
          assert abs(entry["spread"]["standardDeviation"] - statistics.pstdev(column)) < 1e-9
          assert entry["spread"]["toDiscuss"] == (max(column) >= 4 and min(column) <= 1)
      print("W", round(w, 4))
      """
    let check = try CLIRunner.run(["-c", script, output] + paths, executable: python)
    XCTAssertEqual(check.status, 0, check.stderr)
    XCTAssertTrue(check.stdout.hasPrefix("W "), check.stdout)
  }
}
