import CPMSArguments
import CPMSCore
import Synchronization
import XCTest

@testable import cpms

/// The command line run in process with a fake environment: files in memory, output captured. Proves
/// the path from arguments to output without launching the binary, and that one reader serves every
/// way a file is named.
final class CommandDispatchTests: XCTestCase {
  /// What a run wrote and returned.
  struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  final class Capture: Sendable {
    let stdout = Mutex("")
    let stderr = Mutex("")
  }

  static let ballot = "standard,score\n1,5\n7,4\n14,5\n21,3\n18,5\n2,4\n"

  func run(_ arguments: [String], files: [String: String] = [:]) -> Run {
    let capture = Capture()
    let environment = Environment(
      variables: ["COLUMNS": "80"],
      write: { text in capture.stdout.withLock { $0 += text } },
      writeError: { text in capture.stderr.withLock { $0 += text } },
      readFile: { path, _ in
        guard let text = files[path] else { return .failure(.missing) }
        return .success(Array(text.utf8))
      })
    let status = CPMSCommandLine.main(arguments, environment: environment)
    return Run(
      status: status, stdout: capture.stdout.withLock { $0 }, stderr: capture.stderr.withLock { $0 })
  }

  func testABallotGoesFromArgumentsToTheRanking() {
    let result = run(["prioritize", "--situation", "none", "--ballot", "a.csv"], files: ["a.csv": Self.ballot])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertTrue(result.stdout.contains("RANKING FROM THE BALLOTS"), result.stdout)
    XCTAssertTrue(result.stdout.contains("Best ranked standard of Pillar 1"), result.stdout)
  }

  /// The same missing ballot, named on the command line or inside a workshop file: the same words and
  /// the same exit status (66), because both are read by the one reader.
  func testAMissingBallotIsTheSameErrorWhereverItIsNamed() {
    let direct = run(["prioritize", "--situation", "none", "--ballot", "gone.csv"])
    XCTAssertEqual(direct.status, 66)
    XCTAssertEqual(direct.stderr, "Error: The ballot 'gone.csv' does not exist; check the path.\n")
    let workshop = #"{"cpms": "workshop/1", "situation": "none", "ballots": ["gone.csv"]}"#
    let named = run(["prioritize", "--workshop", "w.json"], files: ["w.json": workshop])
    XCTAssertEqual(named.status, 66, named.stderr)
    XCTAssertTrue(
      named.stderr.contains("w.json:1:57: error: The ballot 'gone.csv' does not exist; check the path."), named.stderr)
  }

  func testAMalformedBallotIsADataErrorWithItsLine() {
    let result = run(
      ["prioritize", "--situation", "none", "--ballot", "b.csv"], files: ["b.csv": "standard,score\n1,9\n"])
    XCTAssertEqual(result.status, 65)
    XCTAssertTrue(result.stderr.hasPrefix("Error: b.csv:2: score '9' for standard 1"), result.stderr)
  }

  /// A request the rules cannot evaluate is worded in flags on the command line and in keys in a file.
  func testRequestProblemsAreWordedForWhereTheyWereWritten() {
    let flags = run(["prioritize", "--situation", "none", "--select", "1,7,14,21", "--plan-standards", "1"])
    XCTAssertEqual(flags.status, 64)
    XCTAssertTrue(flags.stderr.contains("--plan-standards applies only"), flags.stderr)
    let file = """
      {"cpms": "workshop/1", "situation": "none", "select": [1, 7, 14, 21],
       "planStandards": [1]}
      """
    let keys = run(["validate", "w.json"], files: ["w.json": file])
    XCTAssertEqual(keys.status, 1)
    XCTAssertTrue(keys.stdout.contains("w.json:2:2: error: \"planStandards\" applies only"), keys.stdout)
    XCTAssertFalse(keys.stdout.contains("--"), "a JSON author is told keys, not flags: \(keys.stdout)")
  }

  func testFormatsAreTypedAndEveryOneRenders() {
    for format in OutputFormat.allCases {
      let result = run(["show", "18", "--format", format.rawValue])
      XCTAssertEqual(result.status, 0, "\(format): \(result.stderr)")
      XCTAssertFalse(result.stdout.isEmpty, "\(format)")
    }
    for reporter in ValidationReporter.allCases {
      let result = run(["validate", "--format", reporter.rawValue, "missing.json"])
      XCTAssertEqual(result.status, 66, "\(reporter)")
    }
    let github = run(["show", "18", "--format", "github"])
    XCTAssertEqual(github.status, 64)
    XCTAssertTrue(github.stderr.contains("Please provide one of 'text', 'json' or 'markdown'"), github.stderr)
  }

  func testHelpHelpAndSchemaArgument() {
    let help = run(["help", "help"])
    XCTAssertEqual(help.status, 0)
    XCTAssertTrue(help.stdout.contains("USAGE: cpms help [<subcommand>]"), help.stdout)
    let schema = run(["schema", "nope"])
    XCTAssertEqual(schema.status, 64)
    XCTAssertTrue(schema.stderr.contains("is invalid for '<name>'"), schema.stderr)
  }

  func testPackQuietWritesNothingToStandardOutput() throws {
    let folder = try CLIRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("pack.md").path
    let result = run(
      [
        "pack", "--situation", "none", "--select", "1,7,14,21", "--single-file", "-o", path, "--quiet", "--date",
        "2026-01-15",
      ])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(result.stdout, "")
    XCTAssertTrue(FileManager.default.fileExists(atPath: path))
  }
}
