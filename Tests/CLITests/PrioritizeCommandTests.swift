import Foundation
import XCTest

/// End to end: `cpms prioritize` and `cpms ballot` as a coordinator runs them.
final class PrioritizeCommandTests: XCTestCase {
  // MARK: helpers

  static let exampleBallots = [
    "Data/examples/ballots/amina.csv", "Data/examples/ballots/jean-fr-excel.csv", "Data/examples/ballots/lucia.csv",
  ]
  static var ballotArguments: [String] { exampleBallots.flatMap { ["--ballot", $0] } }

  /// Runs cpms from the package root, so the example paths resolve.
  func cpms(_ arguments: [String], stdin: Data? = nil) throws -> CLIResult {
    try CLIRunner.run(arguments, stdin: stdin, in: CLIRunner.packageRoot)
  }

  func prioritize(_ arguments: [String], stdin: Data? = nil) throws -> CLIResult {
    try cpms(["prioritize"] + arguments, stdin: stdin)
  }

  struct Output: Decodable {
    struct Finding: Decodable {
      var severity: String
      var rule: String
      var message: String
    }
    struct Entry: Decodable {
      var standard: Int
      var mean: Double?
      var ballots: Int
    }
    struct Selected: Decodable {
      var standard: Int
      var pillar: Int
    }
    var situation: String
    var compliant: Bool
    var size: Int?
    var selection: [Int]
    var selected: [Selected]
    var findings: [Finding]
    var ranking: [Entry]?
  }

  func decode(_ result: CLIResult, file: StaticString = #filePath, line: UInt = #line) throws -> Output {
    do {
      return try JSONDecoder().decode(Output.self, from: Data(result.stdout.utf8))
    } catch {
      XCTFail("not the expected JSON (\(error)):\n\(result.stdout)\n\(result.stderr)", file: file, line: line)
      throw error
    }
  }

  func object(_ result: CLIResult) throws -> [String: Any] {
    try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
  }

  func assertUsage(
    _ result: CLIResult, mentions text: String? = nil, file: StaticString = #filePath, line: UInt = #line
  ) {
    XCTAssertEqual(result.status, 64, "stdout: \(result.stdout)\nstderr: \(result.stderr)", file: file, line: line)
    XCTAssertTrue(result.stderr.contains("Error:"), result.stderr, file: file, line: line)
    if let text { XCTAssertTrue(result.stderr.contains(text), result.stderr, file: file, line: line) }
  }

  func temporaryFile(_ name: String, _ contents: String) throws -> URL {
    let url = try CLIRunner.temporaryDirectory().appendingPathComponent(name)
    try Data(contents.utf8).write(to: url)
    return url
  }

  // MARK: checking a selection

  func testCompliantSelectionExitsZero() throws {
    let result = try prioritize(["--situation", "none", "--select", "1,7,14,21"])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertTrue(result.stdout.contains("COMPLIES with the rule (4 standards)"), result.stdout)
  }

  func testNonCompliantSelectionExitsOneWithErrorFindings() throws {
    let result = try prioritize(["--situation", "none", "--select", "1,2,3"])
    XCTAssertEqual(result.status, 1, result.stderr)
    XCTAssertTrue(result.stdout.contains("DOES NOT COMPLY"), result.stdout)
    XCTAssertTrue(result.stdout.contains("ERROR [size-4-to-10]"), result.stdout)
    XCTAssertTrue(result.stdout.contains("ERROR [one-per-pillar]"), result.stdout)
    let json = try decode(try prioritize(["--situation", "none", "--select", "1,2,3", "--format", "json"]))
    XCTAssertFalse(json.compliant)
    XCTAssertEqual(
      Set(json.findings.filter { $0.severity == "error" }.map(\.rule)), ["size-4-to-10", "one-per-pillar"])
  }

  func testSelectAcceptsRanges() throws {
    let result = try prioritize(["--situation", "none", "--select", "1-3,7,14,21", "--format", "json"])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(try decode(result).selection, [1, 2, 3, 7, 14, 21])
  }

  func testUsageErrors() throws {
    assertUsage(try prioritize(["--situation", "none", "--select", "29"]), mentions: "29")
    assertUsage(try prioritize(["--situation", "none", "--select", "1,1,7,14,21"]), mentions: "twice")
    assertUsage(try prioritize(["--select", "1,7,14,21"]), mentions: "--situation")
    assertUsage(try prioritize(["--situation", "plan"]))
    assertUsage(
      try prioritize([
        "--situation", "contextualized", "--contextualized", "5", "--select", "1,7,14,21", "--except", "5:maybe",
      ]), mentions: "5:maybe")
  }

  // MARK: workshops and ballots

  func testBundledWorkshopExampleComplies() throws {
    let result = try prioritize(["--workshop", "Data/examples/workshop.json"])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertTrue(result.stdout.contains("COMPLIES with the rule (6 standards)"), result.stdout)
    let json = try decode(try prioritize(["--workshop", "Data/examples/workshop.json", "--format", "json"]))
    XCTAssertEqual(json.situation, "contextualized")
    XCTAssertTrue(json.compliant)
    XCTAssertEqual(json.selection.count, 6)
    XCTAssertTrue(Set([13, 18, 23]).isSubset(of: json.selection), "\(json.selection)")
  }

  func testExampleBallotsRecommendSixCoveringFourPillars() throws {
    let result = try prioritize(["--situation", "none", "--format", "json"] + Self.ballotArguments)
    XCTAssertEqual(result.status, 0, result.stderr)
    let json = try decode(result)
    XCTAssertTrue(json.compliant)
    XCTAssertEqual(json.size, 6)
    XCTAssertEqual(json.selection.count, 6)
    XCTAssertEqual(Set(json.selected.map(\.pillar)), [1, 2, 3, 4])
    let ranking = try XCTUnwrap(json.ranking)
    XCTAssertEqual(ranking.count, 28)
    // Jean left standard 20 unscored: two scores for it, three for the others.
    XCTAssertEqual(ranking.first { $0.standard == 20 }?.ballots, 2)
    XCTAssertEqual(ranking.first { $0.standard == 9 }?.mean, 4.5)
  }

  func testJSONShape() throws {
    let checked = try prioritize([
      "--situation", "plan", "--select", "1,2,7,8,14,15", "--contextualized", "13", "--plan-standards", "1,2,7,8,14",
      "--format", "json",
    ])
    XCTAssertEqual(checked.status, 0, checked.stderr)
    XCTAssertNotNil(
      checked.stdout.range(of: #""compliant" ?: ?(true|false)"#, options: .regularExpression), checked.stdout)
    let json = try decode(checked)
    XCTAssertEqual(json.situation, "plan")
    XCTAssertTrue(json.compliant)
    XCTAssertEqual(json.selection, [1, 2, 7, 8, 14, 15])
    XCTAssertEqual(Set(json.findings.map(\.rule)), ["one-per-pillar", "contextualized-selected", "in-response-plan"])
    for finding in json.findings {
      XCTAssertTrue(["error", "warning", "note"].contains(finding.severity), finding.severity)
      XCTAssertFalse(finding.message.isEmpty)
    }
    let raw = try object(checked)
    for key in ["situation", "compliant", "selection", "findings"] { XCTAssertNotNil(raw[key], key) }
    XCTAssertNil(raw["ranking"], "no ballots, no ranking")

    let unordered = try decode(try prioritize(["--situation", "none", "--select", "21,14,7,1", "--format", "json"]))
    XCTAssertEqual(unordered.selection, [1, 7, 14, 21])

    let ranked = try prioritize(["--situation", "none", "--format", "json"] + Self.ballotArguments)
    let recommendation = try decode(ranked)
    XCTAssertEqual(recommendation.selection, recommendation.selection.sorted())
    let entries = try XCTUnwrap(try object(ranked)["ranking"] as? [[String: Any]])
    XCTAssertEqual(entries.count, 28)
    for entry in entries {
      XCTAssertTrue(entry["standard"] is Int || entry["standard"] is NSNumber, "\(entry)")
      XCTAssertNotNil(entry["mean"], "\(entry)")
      XCTAssertNotNil(entry["ballots"], "\(entry)")
    }
  }

  func testMarkdownFormat() throws {
    let result = try prioritize(["--situation", "none", "--select", "1,7,14,21", "--format", "markdown"])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertTrue(result.stdout.hasPrefix("## Priority standards"), String(result.stdout.prefix(80)))
  }

  func testSameInputGivesIdenticalBytes() throws {
    for format in ["json", "text"] {
      let arguments = ["--situation", "none", "--format", format] + Self.ballotArguments
      let first = try prioritize(arguments)
      let second = try prioritize(arguments)
      XCTAssertEqual(first.status, 0, first.stderr)
      XCTAssertFalse(first.stdout.isEmpty)
      XCTAssertEqual(first.stdout, second.stdout, format)
    }
  }

  func testMalformedBallotNamesFileAndLine() throws {
    let url = try temporaryFile("bad.csv", "standard,score\n1,4\n2,3\n3,9\n")
    let result = try prioritize(["--situation", "none", "--ballot", url.path])
    XCTAssertEqual(result.status, 65, result.stderr)
    XCTAssertTrue(result.stderr.contains("\(url.path):4:"), result.stderr)
    XCTAssertTrue(result.stdout.isEmpty, result.stdout)
  }

  func testMissingBallotFile() throws {
    let missing = try CLIRunner.temporaryDirectory().appendingPathComponent("absent.csv").path
    let result = try prioritize(["--situation", "none", "--ballot", missing])
    XCTAssertEqual(result.status, 66, result.stderr)
    XCTAssertTrue(result.stderr.contains(missing), result.stderr)
  }

  func testBallotFromStdin() throws {
    let bytes = try Data(contentsOf: CLIRunner.packageRoot.appendingPathComponent(Self.exampleBallots[0]))
    let fromStdin = try prioritize(["--situation", "none", "--ballot", "-", "--format", "json"], stdin: bytes)
    XCTAssertEqual(fromStdin.status, 0, fromStdin.stderr)
    let fromFile = try prioritize(["--situation", "none", "--ballot", Self.exampleBallots[0], "--format", "json"])
    XCTAssertEqual(try decode(fromStdin).selection, try decode(fromFile).selection)
    XCTAssertEqual(try decode(fromStdin).ranking?.first { $0.standard == 1 }?.ballots, 1)
    let bad = try prioritize(["--situation", "none", "--ballot", "-"], stdin: Data("standard,score\nx,1\n".utf8))
    XCTAssertEqual(bad.status, 65)
    XCTAssertTrue(bad.stderr.contains("<stdin>:2:"), bad.stderr)
  }

  func testFlagsOverrideTheWorkshopFile() throws {
    let base = try decode(try prioritize(["--workshop", "Data/examples/workshop.json", "--format", "json"]))
    XCTAssertEqual(base.selection.count, 6)
    let result = try prioritize(["--workshop", "Data/examples/workshop.json", "--size", "4", "--format", "json"])
    let json = try decode(result)
    XCTAssertEqual(json.size, 4)
    XCTAssertEqual(json.selection.count, 4)
    XCTAssertEqual(json.situation, "contextualized")
    let situation = try decode(
      try prioritize(["--workshop", "Data/examples/workshop.json", "--situation", "plan", "--format", "json"]))
    XCTAssertEqual(situation.situation, "plan")
  }

  func testTextLinesFitEightyColumns() throws {
    let runs: [[String]] = [
      ["--workshop", "Data/examples/workshop.json"],
      ["--situation", "none"] + Self.ballotArguments,
      ["--situation", "none", "--select", "1,2,3"],
      [
        "--situation", "contextualized", "--contextualized", "13,18,23", "--select", "1,7,13,14,21", "--except",
        "23:principle-5",
      ],
    ]
    for arguments in runs {
      let result = try prioritize(arguments)
      XCTAssertFalse(result.stdout.isEmpty, "\(arguments)")
      for line in result.stdout.split(separator: "\n", omittingEmptySubsequences: false) where line.count > 80 {
        XCTFail("\(arguments): \(line.count) columns: \(line)")
      }
    }
  }

  // MARK: cpms ballot

  func testBallotPrintsTheTemplate() throws {
    let result = try cpms(["ballot"])
    XCTAssertEqual(result.status, 0, result.stderr)
    // "\r\n" is one Character in Swift, so split on any newline.
    let lines = result.stdout.split(whereSeparator: \.isNewline).map(String.init)
    let header = try XCTUnwrap(lines.first).lowercased().split(separator: ",").map(String.init)
    XCTAssertTrue(header.contains("standard") && header.contains("score"), "\(header)")
    let numbers = lines.dropFirst().compactMap { Int($0.split(separator: ",", maxSplits: 1).first ?? "") }
    XCTAssertEqual(numbers, Array(1...28))
  }

  func testBallotWritesAFileAndOverwritesOnlyWithForce() throws {
    let url = try CLIRunner.temporaryDirectory().appendingPathComponent("ballot.csv")
    let first = try cpms(["ballot", "--delimiter", "semicolon", "-o", url.path])
    XCTAssertEqual(first.status, 0, first.stderr)
    let written = try String(contentsOf: url, encoding: .utf8)
    XCTAssertTrue(written.hasPrefix("standard;pillar;title;score"), String(written.prefix(80)))
    XCTAssertEqual(written.components(separatedBy: "\r\n").filter { Int($0.prefix { $0 != ";" }) != nil }.count, 28)

    try Data("keep me\n".utf8).write(to: url)
    let refused = try cpms(["ballot", "--delimiter", "semicolon", "-o", url.path])
    XCTAssertEqual(refused.status, 73, refused.stderr)
    XCTAssertTrue(refused.stderr.contains("--force"), refused.stderr)
    XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "keep me\n")

    let forced = try cpms(["ballot", "--delimiter", "semicolon", "-o", url.path, "--force"])
    XCTAssertEqual(forced.status, 0, forced.stderr)
    XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), written)
  }
}
