import CPMSCore
import Foundation
import TestSupport
import XCTest

/// The JSON outputs are a documented interface (docs/json-output.md): each command's output, run through the
/// binary, must match its schema in Data/schema/, whose objects allow no key the documentation does not list.
final class JSONOutputSchemaTests: XCTestCase {
  static var examples: String { CLIRunner.packageRoot.appendingPathComponent("Data/examples").path }

  /// Runs cpms and checks its standard output against `schema`; returns the output.
  @discardableResult
  func assertMatches(
    _ schema: String, _ arguments: [String], status: Int32 = 0, in directory: URL? = nil,
    file: StaticString = #filePath, line: UInt = #line
  ) throws -> SourceJSON {
    let result = try CLIRunner.run(arguments, in: directory)
    XCTAssertEqual(result.status, status, "cpms \(arguments): \(result.stderr)", file: file, line: line)
    let text = try XCTUnwrap(Catalog.schema(named: schema), "no schema \(schema)", file: file, line: line)
    let checker = MiniSchema(try SourceJSONParser.parse(Array(text.utf8)))
    let output = try SourceJSONParser.parse(Array(result.stdout.utf8))
    XCTAssertEqual(checker.errors(output), [], "cpms \(arguments) against \(schema)", file: file, line: line)
    XCTAssertEqual(checker.unsupported, [], "keywords the test's interpreter does not handle", file: file, line: line)
    return output
  }

  func testValidateOutput() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cpms-json-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data("not json".utf8).write(to: folder.appendingPathComponent("broken.json"))
    try Data(#"{ "cpms": "workshop/1", "situation": "none", "select": [1, 2, 7, 14] }"#.utf8)
      .write(to: folder.appendingPathComponent("workshop.json"))
    let output = try assertMatches(
      "validate-output", ["validate", "--format", "json", Self.examples, folder.path], status: 1)
    let files = try XCTUnwrap(output["files"]?.elements)
    let broken = try XCTUnwrap(files.first { $0["path"]?.stringValue?.hasSuffix("broken.json") ?? false })
    XCTAssertEqual(broken["kind"]?.value, .null, "an unknown kind is null, not left out")
    let workshop = try XCTUnwrap(files.first { $0["path"]?.stringValue?.hasSuffix("/workshop.json") ?? false })
    XCTAssertEqual(workshop["kind"]?.stringValue, "workshop/1")
  }

  func testPrioritizeOutput() throws {
    try assertMatches(
      "prioritize-output", ["prioritize", "--workshop", Self.examples + "/workshop.json", "--format", "json"])
    // A checked selection with findings about single standards (which carry "standard").
    let output = try assertMatches(
      "prioritize-output",
      [
        "prioritize", "--situation", "plan", "--select", "1,2,7,8,14,15", "--contextualized", "13", "--plan-standards",
        "1,2,7,8,14", "--format", "json",
      ])
    XCTAssertFalse(try XCTUnwrap(output["findings"]?.elements).isEmpty)
    // One ballot: no agreement to measure (a note instead of W).
    let one = try assertMatches(
      "prioritize-output",
      ["prioritize", "--situation", "none", "--ballot", Self.examples + "/ballots/amina.csv", "--format", "json"])
    XCTAssertNotNil(one["ballots"]?["agreement"]?["note"])
  }

  func testShowListAndSearchOutputs() throws {
    try assertMatches("show-output", ["show", "1", "--format", "json"])
    try assertMatches(
      "show-output", ["show", "13", "--context", Self.examples + "/contextualization.json", "--format", "json"])
    try assertMatches(
      "show-output", ["show", "18", "--context", Self.examples + "/contextualization.json", "--format", "json"])
    try assertMatches("list-output", ["list", "--format", "json"])
    try assertMatches(
      "list-output",
      ["list", "--pillar", "2", "--context", Self.examples + "/contextualization.json", "--format", "json"])
    try assertMatches("search-output", ["search", "case", "management", "--format", "json"])
    try assertMatches("search-output", ["search", "zzzz-nothing", "--format", "json"])
  }

  /// The output schemas are what the documentation describes: every field of every output is in docs/json-output.md.
  func testEveryDocumentedFieldIsInTheReference() throws {
    let reference = try String(
      contentsOf: CLIRunner.packageRoot.appendingPathComponent("docs/json-output.md"), encoding: .utf8)
    for name in ["validate-output", "prioritize-output", "show-output", "list-output", "search-output"] {
      let schema = try SourceJSONParser.parse(Array(try XCTUnwrap(Catalog.schema(named: name)).utf8))
      var stack = [schema]
      while let node = stack.popLast() {
        for member in node.members ?? [] {
          if member.key == "properties" {
            for property in member.value.members ?? [] {
              XCTAssertTrue(reference.contains("`\(property.key)`"), "\(name): `\(property.key)` is not documented")
            }
          }
          stack.append(member.value)
        }
        stack.append(contentsOf: node.elements ?? [])
      }
    }
  }
}
