import Foundation
import XCTest

/// `cpms validate`, `cpms schema` and `--context`, run through the built binary the way CI pipelines and
/// coordinators do.
final class ValidateCommandTests: XCTestCase {
  // MARK: helpers

  static let validContext = """
    {
      "cpms": "contextualization/1",
      "context": { "name": "Test", "language": "fr" },
      "standards": [{ "number": 18, "indicators": [{ "id": "18.2", "target": "80%" }] }]
    }

    """

  /// One error: the unknown key "indicaters" at line 5, column 21.
  static let invalidContext = """
    {
      "cpms": "contextualization/1",
      "context": { "name": "Test" },
      "standards": [
        { "number": 18, "indicaters": [] }
      ]
    }

    """

  static let exampleContext = "Data/examples/contextualization.json"

  /// Runs cpms and checks what every run must keep: no crash report on stderr.
  func cpms(
    _ arguments: [String], stdin: Data? = nil, in directory: URL? = nil, file: StaticString = #filePath,
    line: UInt = #line
  ) throws -> CLIResult {
    let result = try CLIRunner.run(arguments, stdin: stdin, in: directory)
    for marker in ["Fatal error", "Stack dump"] {
      XCTAssertFalse(result.stderr.contains(marker), "cpms \(arguments): \(result.stderr)", file: file, line: line)
    }
    return result
  }

  /// Runs cpms from the package root, so Data/examples/... paths work as in the README.
  func cpmsAtRoot(_ arguments: String..., file: StaticString = #filePath, line: UInt = #line) throws -> CLIResult {
    try cpms(arguments, in: CLIRunner.packageRoot, file: file, line: line)
  }

  /// Writes `files` (relative path → contents) under a fresh temporary folder and returns the folder.
  func folder(_ files: [String: [UInt8]]) throws -> URL {
    let root = try CLIRunner.temporaryDirectory()
    addTeardownBlock { try? FileManager.default.removeItem(at: root) }
    for (path, bytes) in files {
      let url = root.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(bytes).write(to: url)
    }
    return root
  }

  static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

  /// Text with every run of whitespace made one space, so wrapped output can be searched for phrases.
  static func flattened(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  static func lines(_ text: String) -> [String] {
    text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  // MARK: validating folders

  func testFolderWithOneValidAndOneInvalidFile() throws {
    let root = try folder([
      "contexts/ok.json": Self.bytes(Self.validContext),
      "contexts/nested/deeper/bad.json": Self.bytes(Self.invalidContext),
      "contexts/nested/notes.txt": Self.bytes("not JSON, not checked"),
    ])
    let result = try cpms(["validate", "contexts/"], in: root)
    XCTAssertEqual(result.status, 1, result.stdout + result.stderr)
    let lines = Self.lines(result.stdout)
    let finding = lines.first { $0.hasPrefix("contexts/nested/deeper/bad.json:5:21: error: ") }
    XCTAssertNotNil(finding, "no finding at bad.json:5:21 in:\n\(result.stdout)")
    XCTAssertTrue(finding?.hasSuffix(" [unknown-key]") ?? false, finding ?? "")
    XCTAssertTrue(finding?.contains("Unknown key \"indicaters\"") ?? false, finding ?? "")
    let pattern = try NSRegularExpression(pattern: #"^[^:]+:[0-9]+:[0-9]+: (error|warning): .+ \[[a-z0-9-]+\]$"#)
    let findingLines = lines.filter { $0.hasPrefix("contexts/") }
    XCTAssertEqual(findingLines.count, 1, result.stdout)
    for line in findingLines {
      XCTAssertNotNil(pattern.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)), line)
    }
    XCTAssertFalse(result.stdout.contains("ok.json"), "the valid file has findings:\n\(result.stdout)")
    XCTAssertTrue(result.stdout.contains("2 files checked: 1 valid, 1 invalid"), result.stdout)
  }

  func testFolderOfValidFilesExitsZero() throws {
    let root = try folder([
      "contexts/a.json": Self.bytes(Self.validContext),
      "contexts/sub/b.json": Self.bytes(Self.validContext),
    ])
    let result = try cpms(["validate", "contexts"], in: root)
    XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
    XCTAssertTrue(result.stdout.contains("2 files checked: 2 valid, 0 invalid"), result.stdout)
  }

  func testJSONFormat() throws {
    let root = try folder([
      "contexts/ok.json": Self.bytes(Self.validContext),
      "contexts/nested/bad.json": Self.bytes(Self.invalidContext),
    ])
    let result = try cpms(["validate", "--format", "json", "contexts"], in: root)
    XCTAssertEqual(result.status, 1, result.stderr)
    let object = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], result.stdout)
    let files = try XCTUnwrap(object["files"] as? [[String: Any]], result.stdout)
    XCTAssertEqual(files.count, 2)
    var byPath: [String: [String: Any]] = [:]
    for file in files {
      let path = try XCTUnwrap(file["path"] as? String)
      XCTAssertNotNil(file["valid"] as? Bool, "\(path) has no valid flag")
      let findings = try XCTUnwrap(file["findings"] as? [[String: Any]], "\(path) has no findings list")
      for finding in findings {
        XCTAssertNotNil(finding["line"] as? Int, "\(finding)")
        XCTAssertNotNil(finding["column"] as? Int, "\(finding)")
        XCTAssertNotNil(finding["rule"] as? String, "\(finding)")
        XCTAssertNotNil(finding["message"] as? String, "\(finding)")
        XCTAssertNotNil(finding["severity"] as? String, "\(finding)")
      }
      byPath[path] = file
    }
    XCTAssertEqual(Set(byPath.keys), ["contexts/ok.json", "contexts/nested/bad.json"])
    XCTAssertEqual(byPath["contexts/ok.json"]?["valid"] as? Bool, true)
    XCTAssertEqual((byPath["contexts/ok.json"]?["findings"] as? [Any])?.count, 0)
    XCTAssertEqual(byPath["contexts/nested/bad.json"]?["valid"] as? Bool, false)
    let finding = try XCTUnwrap((byPath["contexts/nested/bad.json"]?["findings"] as? [[String: Any]])?.first)
    XCTAssertEqual(finding["line"] as? Int, 5)
    XCTAssertEqual(finding["column"] as? Int, 21)
    XCTAssertEqual(finding["rule"] as? String, "unknown-key")
    XCTAssertEqual(finding["severity"] as? String, "error")
    XCTAssertTrue((finding["message"] as? String)?.contains("Did you mean \"indicators\"") ?? false, "\(finding)")
  }

  func testGitHubFormatEscapesPercentAndNewline() throws {
    // A target message quotes '120%' and "80%"; the unknown key holds a newline (written \n in JSON).
    let text = """
      {
        "cpms": "contextualization/1",
        "context": { "name": "Test" },
        "standards": [
          { "number": 18, "bad\\nkey": 1, "indicators": [{ "id": "18.1", "target": "120%" }] }
        ]
      }
      """
    let root = try folder(["contexts/bad.json": Self.bytes(text)])
    let result = try cpms(["validate", "--format", "github", "contexts"], in: root)
    XCTAssertEqual(result.status, 1, result.stderr)
    let lines = Self.lines(result.stdout).filter { !$0.isEmpty }
    let annotations = lines.filter { $0.hasPrefix("::") }
    XCTAssertEqual(annotations.count, 2, "a message broke the annotation over several lines:\n\(result.stdout)")
    XCTAssertEqual(lines.count, 3, "two annotations and the summary expected:\n\(result.stdout)")
    for line in annotations {
      XCTAssertTrue(line.hasPrefix("::error file="), line)
      XCTAssertTrue(line.contains("line=5"), line)
      XCTAssertTrue(line.contains("col="), line)
    }
    let target = try XCTUnwrap(annotations.first { $0.contains("title=target") }, result.stdout)
    XCTAssertTrue(target.contains("'120%25'"), target)
    XCTAssertTrue(target.contains("80%25"), target)
    XCTAssertFalse(target.contains("120%'"), "an unescaped % reached the annotation: \(target)")
    let key = try XCTUnwrap(annotations.first { $0.contains("title=unknown-key") }, result.stdout)
    // The line break in the key is shown as an escape, so it cannot break the annotation either way.
    XCTAssertTrue(key.contains("bad<line break>key"), key)
  }

  // MARK: inputs and usage

  func testDashReadsStandardInput() throws {
    let valid = try cpms(["validate", "-"], stdin: Data(Self.validContext.utf8))
    XCTAssertEqual(valid.status, 0, valid.stdout + valid.stderr)
    XCTAssertTrue(valid.stdout.contains("1 file checked: 1 valid, 0 invalid"), valid.stdout)
    let invalid = try cpms(["validate", "-"], stdin: Data(Self.invalidContext.utf8))
    XCTAssertEqual(invalid.status, 1, invalid.stderr)
    XCTAssertTrue(invalid.stdout.hasPrefix("<stdin>:5:21: error: "), invalid.stdout)
  }

  func testNonexistentPathIsAFindingAndAMissingInput() throws {
    let root = try folder([:])
    let result = try cpms(["validate", "missing.json"], in: root)
    XCTAssertEqual(result.status, 66, result.stderr)
    XCTAssertTrue(result.stdout.hasPrefix("missing.json:1:1: error: "), result.stdout)
    XCTAssertTrue(result.stdout.contains("1 file checked: 0 valid, 1 invalid"), result.stdout)
    XCTAssertEqual(result.stderr, "Error: The file 'missing.json' does not exist; check the path.\n")
  }

  func testUsageErrorsExit64() throws {
    let none = try cpms(["validate"])
    XCTAssertEqual(none.status, 64, none.stdout)
    XCTAssertFalse(none.stderr.isEmpty)
    let root = try folder(["a.json": Self.bytes(Self.validContext)])
    let xml = try cpms(["validate", "--format", "xml", "a.json"], in: root)
    XCTAssertEqual(xml.status, 64, xml.stdout)
    XCTAssertTrue(xml.stderr.contains("xml"), xml.stderr)
    XCTAssertEqual(xml.stdout, "")
  }

  func testExampleFolderIsValid() throws {
    // The two cpms files and the six monitoring sheets, whose local indicator 13.L1 the context adds.
    let result = try cpmsAtRoot("validate", "--context", Self.exampleContext, "Data/examples")
    XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
    XCTAssertTrue(result.stdout.contains("14 files checked: 14 valid, 0 invalid"), result.stdout)
  }

  func testWindowsNotepadFileWithBOMAndCRLF() throws {
    func notepad(_ text: String) -> [UInt8] {
      [0xEF, 0xBB, 0xBF] + Self.bytes(text.replacingOccurrences(of: "\n", with: "\r\n"))
    }
    let root = try folder(["valid.json": notepad(Self.validContext), "invalid.json": notepad(Self.invalidContext)])
    let valid = try cpms(["validate", "valid.json"], in: root)
    XCTAssertEqual(valid.status, 0, valid.stdout + valid.stderr)
    let invalid = try cpms(["validate", "invalid.json"], in: root)
    XCTAssertEqual(invalid.status, 1, invalid.stderr)
    XCTAssertTrue(invalid.stdout.hasPrefix("invalid.json:5:21: error: "), invalid.stdout)
  }

  // MARK: schema

  func testSchemaCommand() throws {
    for name in ["contextualization", "workshop"] {
      let result = try cpms(["schema", name])
      XCTAssertEqual(result.status, 0, result.stderr)
      let object = try XCTUnwrap(
        try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], result.stdout)
      XCTAssertTrue((object["$schema"] as? String)?.contains("2020-12") ?? false, "\(object["$schema"] ?? "none")")
    }
    let unknown = try cpms(["schema", "foo"])
    XCTAssertEqual(unknown.status, 64, unknown.stdout)
    XCTAssertEqual(unknown.stdout, "")
  }

  // MARK: --context

  func testShowWithContext() throws {
    let result = try cpmsAtRoot("show", "18", "--context", Self.exampleContext)
    XCTAssertEqual(result.status, 0, result.stderr)
    let text = Self.flattened(result.stdout)
    let heading = try XCTUnwrap(Self.lines(result.stdout).first).lowercased()
    XCTAssertTrue(heading.contains("case management for children at risk [contextualized]"), heading)
    XCTAssertTrue(
      text.contains("18.2.12 Hold a monthly case conference in each district with social welfare officers"), text)
    XCTAssertTrue(
      text.contains(
        "Definition: Caseworkers whose active caseload is within the ratio agreed by the case management working group."
      ), text)
    let global = Self.flattened(try cpmsAtRoot("show", "18").stdout)
    XCTAssertFalse(global.contains("[contextualized]"), global)
    XCTAssertFalse(global.contains("18.2.12"), global)
  }

  func testListWithContextMarksTheContextualizedStandards() throws {
    let result = try cpmsAtRoot("list", "--context", Self.exampleContext)
    XCTAssertEqual(result.status, 0, result.stderr)
    let marked = Self.lines(result.stdout).compactMap { line -> Int? in
      guard line.hasSuffix("[contextualized]"), line.hasPrefix("  ") else { return nil }
      return Int(line.drop { $0 == " " }.prefix { $0.isNumber })
    }
    XCTAssertEqual(marked, [1, 13, 18, 23], result.stdout)
  }

  func testSearchWithContextFindsTheAddedAction() throws {
    let result = try cpmsAtRoot("search", "case conference", "--context", Self.exampleContext)
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertTrue(result.stdout.contains("18.2.12"), result.stdout)
    let global = try cpmsAtRoot("search", "case conference")
    XCTAssertFalse(global.stdout.contains("18.2.12"), global.stdout)
  }

  func testPrioritizeWithContextIsContextualized() throws {
    let complying = try cpmsAtRoot("prioritize", "--select", "13,18,23,1", "--context", Self.exampleContext)
    XCTAssertEqual(complying.status, 0, complying.stdout + complying.stderr)
    XCTAssertTrue(complying.stdout.contains("contextualized"), complying.stdout)
    let leavingOut = try cpmsAtRoot("prioritize", "--select", "1,2,3,4", "--context", Self.exampleContext)
    XCTAssertEqual(leavingOut.status, 1, leavingOut.stderr)
    XCTAssertTrue(leavingOut.stdout.contains("contextualized-selected"), leavingOut.stdout)
    // Without the context there is no situation to infer.
    let withoutContext = try cpmsAtRoot("prioritize", "--select", "13,18,23,1")
    XCTAssertEqual(withoutContext.status, 64, withoutContext.stdout)
  }

  func testInvalidContextFileIsRefused() throws {
    let root = try folder(["bad.json": Self.bytes(Self.invalidContext)])
    let result = try cpms(["show", "18", "--context", "bad.json"], in: root)
    XCTAssertEqual(result.status, 65, result.stdout)
    XCTAssertEqual(result.stdout, "")
    XCTAssertTrue(result.stderr.contains("bad.json:5:21: error: "), result.stderr)
    XCTAssertTrue(result.stderr.contains("[unknown-key]"), result.stderr)
  }
}
