import CPMSArguments
import CPMSCore
import XCTest

/// The argument parser on its own, in process: every way of writing an option, and every usage error
/// with its exact message (the binary's tests check the same errors as a user sees them).
final class ArgumentParsingTests: XCTestCase {
  static let spec = CommandSpec(
    name: "demo", abstract: "A command for the parser's tests.",
    arguments: [ArgumentSpec(name: "paths", help: "Files.", repeating: true, required: false)],
    options: [
      .format(["text", "json"]),
      OptionSpec(long: "output", short: "o", valueName: "file", help: "Where to write."),
      OptionSpec(long: "ballot", valueName: "file", help: "A ballot.", repeatable: true),
      OptionSpec(long: "force", help: "Overwrite."),
      OptionSpec(long: "size", valueName: "n", help: "A number."),
    ])

  func parsed(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> ParsedArguments {
    guard case .run(let parsed) = try ArgumentParsing.parse(arguments, spec: Self.spec) else {
      XCTFail("not a run", file: file, line: line)
      throw CLIError.failure("not a run", .failure)
    }
    return parsed
  }

  func usageError(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) -> String? {
    do {
      _ = try ArgumentParsing.parse(arguments, spec: Self.spec)
      XCTFail("\(arguments) parsed", file: file, line: line)
      return nil
    } catch {
      guard case .usage(let message, let spec) = error else {
        XCTFail("not a usage error: \(error)", file: file, line: line)
        return nil
      }
      XCTAssertEqual(spec.name, "demo", file: file, line: line)
      XCTAssertEqual(error.exitCode, .usage, file: file, line: line)
      return message
    }
  }

  func testEveryWayOfGivingAValue() throws {
    XCTAssertEqual(try parsed(["--output", "a.csv"]).value("output"), "a.csv")
    XCTAssertEqual(try parsed(["--output=a.csv"]).value("output"), "a.csv")
    XCTAssertEqual(try parsed(["-o", "a.csv"]).value("output"), "a.csv")
    XCTAssertEqual(try parsed(["-oa.csv"]).value("output"), "a.csv")
    XCTAssertEqual(try parsed(["--output", "-"]).value("output"), "-", "'-' is a value (stdin or stdout)")
    XCTAssertEqual(try parsed(["--size", "-0"]).value("size"), "-0", "a negative number is a value")
    XCTAssertEqual(try parsed(["--output", "a", "--output", "b"]).value("output"), "b", "the last one wins")
  }

  func testRepeatableOptionsFlagsAndPositionals() throws {
    let result = try parsed(["x.json", "--ballot", "a.csv", "--force", "--ballot", "b.csv", "--", "--not-an-option"])
    XCTAssertEqual(result.all("ballot"), ["a.csv", "b.csv"])
    XCTAssertTrue(result.flag("force"))
    XCTAssertEqual(result.positionals, ["x.json", "--not-an-option"])
  }

  func testHelpAndVersionWinWhereverTheyAre() throws {
    guard case .help = try ArgumentParsing.parse(["x", "--help"], spec: Self.spec) else { return XCTFail("help") }
    guard case .help = try ArgumentParsing.parse(["-h"], spec: Self.spec) else { return XCTFail("-h") }
    guard case .version = try ArgumentParsing.parse(["--version"], spec: Self.spec) else { return XCTFail("version") }
  }

  func testUsageErrorsSayWhatIsWrongAndSuggest() {
    XCTAssertEqual(usageError(["--fromat", "json"]), "Unknown option '--fromat'. Did you mean '--format'?")
    XCTAssertEqual(usageError(["-x"]), "Unknown option '-x'. Did you mean '-h'?")
    XCTAssertEqual(usageError(["--zzzzzzzz"]), "Unknown option '--zzzzzzzz'.")
    XCTAssertEqual(usageError(["--output"]), "Missing value for '--output <file>'.")
    XCTAssertEqual(usageError(["--force=yes"]), "The option '--force' takes no value.")
    XCTAssertEqual(
      usageError(["--format", "jsno"]),
      "The value 'jsno' is invalid for '--format <format>'. Please provide one of 'text' or 'json'. Did you mean 'json'?"
    )
  }

  func testQuotedUserTextNamesInvisibleCharactersInWords() {
    XCTAssertEqual(usageError(["--a\tb"]), "Unknown option '--a<tab>b'.")
    XCTAssertEqual(usageError(["--\u{1B}[2J"]), "Unknown option '--<escape>[2J'.")
  }

  func testSuggestionsFollowOneRule() {
    XCTAssertEqual(Suggestion.closest("valdate", among: ["validate", "list"]), "validate")
    XCTAssertEqual(Suggestion.closest("titel", among: ["title", "statement"]), "title")
    XCTAssertEqual(Suggestion.closest("Title", among: ["title"]), "title", "a difference of case is suggested")
    XCTAssertNil(Suggestion.closest("title", among: ["title"]), "an exact match is not a typo")
    XCTAssertNil(Suggestion.closest("x", among: ["list", "show"]), "a short word does not match everything")
    XCTAssertNil(Suggestion.closest("de", among: ["en", "fr", "es", "ar"]), "replacing every letter is not a typo")
    XCTAssertEqual(Suggestion.closest("fe", among: ["en", "fr", "es", "ar"]), "fr", "one letter off")
    XCTAssertEqual(Suggestion.closest("lst", among: ["list", "last"]), "last", "ties go to the first alphabetically")
  }
}
