import Foundation
import XCTest

/// Help, version, errors and exit codes as swift-argument-parser tools behave.
final class CommandLineConventionsTests: XCTestCase {
  /// Runs cpms and checks what every run must keep: no crash report on stderr.
  func cpms(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> CLIResult {
    let result = try CLIRunner.run(arguments)
    for marker in ["Fatal error", "Stack dump"] {
      XCTAssertFalse(result.stderr.contains(marker), "cpms \(arguments): \(result.stderr)", file: file, line: line)
    }
    return result
  }

  func cpms(_ arguments: String..., file: StaticString = #filePath, line: UInt = #line) throws -> CLIResult {
    try cpms(arguments, file: file, line: line)
  }

  /// Asserts a usage error: exit 64, nothing on stdout, an "Error: " message with the given fragments.
  @discardableResult
  func assertUsageError(
    _ arguments: [String], mentioning fragments: [String] = [], file: StaticString = #filePath, line: UInt = #line
  ) throws -> CLIResult {
    let result = try cpms(arguments, file: file, line: line)
    XCTAssertEqual(result.status, 64, "cpms \(arguments): \(result.stderr)", file: file, line: line)
    XCTAssertEqual(result.stdout, "", "cpms \(arguments)", file: file, line: line)
    XCTAssertTrue(result.stderr.hasPrefix("Error: "), "cpms \(arguments): \(result.stderr)", file: file, line: line)
    XCTAssertTrue(result.stderr.contains("\nUsage: "), "cpms \(arguments): \(result.stderr)", file: file, line: line)
    for fragment in fragments {
      XCTAssertTrue(
        result.stderr.contains(fragment), "cpms \(arguments): no \(fragment) in \(result.stderr)", file: file,
        line: line)
    }
    return result
  }

  // MARK: help

  func testRootHelpInEveryForm() throws {
    var texts: [String] = []
    for arguments in [["--help"], ["-h"], ["help"], []] {
      let result = try cpms(arguments)
      XCTAssertEqual(result.status, 0, "cpms \(arguments)")
      XCTAssertEqual(result.stderr, "", "cpms \(arguments)")
      for section in ["OVERVIEW:", "USAGE:", "OPTIONS:", "SUBCOMMANDS:"] {
        XCTAssertTrue(result.stdout.contains(section), "cpms \(arguments): no \(section)")
      }
      for command in ["list", "show", "principles", "search"] {
        XCTAssertTrue(result.stdout.contains("  \(command) "), "cpms \(arguments): no \(command)")
      }
      texts.append(result.stdout)
    }
    XCTAssertEqual(Set(texts).count, 1, "the four forms of root help differ")
  }

  func testSubcommandHelpInEveryForm() throws {
    var texts: [String] = []
    for arguments in [["help", "show"], ["show", "--help"], ["show", "-h"]] {
      let result = try cpms(arguments)
      XCTAssertEqual(result.status, 0, "cpms \(arguments)")
      XCTAssertEqual(result.stderr, "", "cpms \(arguments)")
      for section in ["OVERVIEW:", "USAGE:", "ARGUMENTS:", "OPTIONS:", "<standard>", "--format"] {
        XCTAssertTrue(result.stdout.contains(section), "cpms \(arguments): no \(section)")
      }
      XCTAssertFalse(result.stdout.contains("SUBCOMMANDS:"))
      texts.append(result.stdout)
    }
    XCTAssertEqual(texts[1], texts[0], "show --help differs from help show")
    XCTAssertEqual(texts[2], texts[0], "show -h differs from help show")
  }

  // MARK: version

  func testVersionIsABareSemanticVersion() throws {
    for arguments in [["--version"], ["show", "--version"]] {
      let result = try cpms(arguments)
      XCTAssertEqual(result.status, 0, "cpms \(arguments)")
      XCTAssertEqual(result.stderr, "", "cpms \(arguments)")
      XCTAssertNotNil(
        result.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression),
        "cpms \(arguments) printed \(result.stdout.debugDescription)")
    }
  }

  // MARK: usage errors

  func testUnknownCommandSuggestsTheClosest() throws {
    let result = try assertUsageError(["lsit"])
    let lines = result.stderr.split(separator: "\n").map(String.init)
    XCTAssertEqual(lines.first, "Error: Unknown command 'lsit'. Did you mean 'list'?")
    XCTAssertTrue(lines.count > 1 && lines[1].hasPrefix("Usage: "), result.stderr)
    XCTAssertTrue(result.stderr.contains("See 'cpms --help'"), result.stderr)
  }

  func testUnknownOptionSuggestsTheClosest() throws {
    try assertUsageError(["list", "--fromat", "json"], mentioning: ["'--fromat'", "Did you mean '--format'?"])
  }

  func testBadFormatNamesTheAllowedValues() throws {
    try assertUsageError(["list", "--format", "xml"], mentioning: ["'xml'", "'text'", "'json'", "'markdown'"])
  }

  func testInlineOptionValueWorksLikeASeparateOne() throws {
    for command in [["list"], ["show", "18"], ["principles"]] {
      let inline = try cpms(command + ["--format=json"])
      let separate = try cpms(command + ["--format", "json"])
      XCTAssertEqual(inline.status, 0, "\(command): \(inline.stderr)")
      XCTAssertEqual(inline.stdout, separate.stdout, "\(command)")
      XCTAssertTrue(inline.stdout.hasPrefix("[") || inline.stdout.hasPrefix("{"), "\(command): not JSON")
    }
  }

  func testShowRefusesNumbersOutsideOneToTwentyEight() throws {
    for value in ["29", "0", "abc", "-5", "18.5"] {
      try assertUsageError(["show", value])
    }
    try assertUsageError(["show", "29"], mentioning: ["'29'", "1 to 28"])
  }

  func testShowWithoutArgument() throws {
    try assertUsageError(["show"], mentioning: ["Missing expected argument '<standard>'"])
  }

  func testShowWithTwoArguments() throws {
    try assertUsageError(["show", "1", "2"], mentioning: ["Unexpected argument", "'2'"])
  }

  func testListRefusesPillarFive() throws {
    try assertUsageError(["list", "--pillar", "5"], mentioning: ["'5'"])
    try assertUsageError(["list", "--pillar", "0"])
  }

  func testDoubleDashEndsOptions() throws {
    let result = try cpms("search", "--", "-x")
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(result.stderr, "")
    XCTAssertTrue(result.stdout.contains("\"-x\""), result.stdout)
    let withoutDash = try cpms("search", "-x")
    XCTAssertEqual(withoutDash.status, 64, "without --, -x is an unknown option")
  }
}
