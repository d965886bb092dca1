import Foundation
import FuzzHarness
import XCTest

@testable import CPMSCore

/// Replays the fuzz targets' seed corpus and saved regressions (Tests/Fuzz) through the same harness the
/// libFuzzer targets run, so plain `swift test` keeps every past finding fixed without a fuzzer. No input
/// may break an invariant; a regression, an input that once crashed, must also be rejected with a
/// diagnosed error rather than accepted.
final class FuzzReplayTests: XCTestCase {
  func testValidateCorpusAndRegressions() throws {
    try FuzzInputs.replay("FuzzValidate", FuzzHarness.validate)
  }

  func testWorkshopCorpusAndRegressions() throws {
    try FuzzInputs.replay("FuzzWorkshop", FuzzHarness.workshop)
  }

  func testBallotCorpusAndRegressions() throws {
    try FuzzInputs.replay("FuzzBallot", FuzzHarness.ballot)
  }

  func testMonitoringCorpusAndRegressions() throws {
    try FuzzInputs.replay("FuzzMonitoring", FuzzHarness.monitoring)
  }

  /// The first finding (FuzzWorkshop): a workshop whose "context" named a workshop file, itself here,
  /// was validated as a workshop again, following its context again, until the stack overflowed.
  func testWorkshopNamingItselfAsContextIsAnError() {
    let bytes = Array(#"{"cpms": "workshop/1", "situation": "none", "context": "w.json"}"#.utf8)
    let (report, workshop) = FileValidator.workshop(
      bytes, path: "ws/w.json", catalog: FuzzHarness.catalog, readFile: { _, _ in .success(bytes) })
    XCTAssertNil(workshop)
    XCTAssertEqual(report.diagnostics.map(\.rule), ["context-file"])
    XCTAssertEqual(
      report.diagnostics.first?.message,
      "The context file 'ws/w.json' is not valid (it is not a contextualization file); run 'cpms validate ws/w.json'.")
  }

  /// The second finding (FuzzValidate): a number target beyond `Int.max`, written as a number or as
  /// text, passed the checks and then crashed `show` and `pack` when it was formatted. It is now refused
  /// where it is written.
  func testHugeTargetsAreRefusedWhereWritten() throws {
    for (name, column) in [("huge-number-target.json", 115), ("huge-text-target.json", 116)] {
      let input = try XCTUnwrap(try FuzzInputs.files("Regressions", "FuzzValidate").first { $0.name.hasSuffix(name) })
      let (report, context) = FileValidator.contextualization(
        input.bytes, path: name, catalog: FuzzHarness.catalog, readFile: { _, _ in .failure(.missing) })
      XCTAssertNil(context, name)
      XCTAssertEqual(report.diagnostics.map(\.rule), ["target"], name)
      XCTAssertEqual(report.diagnostics.first?.location?.column, column, name)
    }
  }
}

/// The files of Tests/Fuzz/Corpus/<target> and Tests/Fuzz/Regressions/<target>.
enum FuzzInputs {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fuzz")

  static func files(_ kind: String, _ target: String) throws -> [(name: String, bytes: [UInt8])] {
    let directory = folder.appendingPathComponent(kind).appendingPathComponent(target)
    guard FileManager.default.fileExists(atPath: directory.path) else { return [] }
    return try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted().map { name in
      (name: "\(kind)/\(target)/\(name)", bytes: Array(try Data(contentsOf: directory.appendingPathComponent(name))))
    }
  }

  static func replay(
    _ target: String, _ run: ([UInt8]) -> FuzzHarness.Outcome, file: StaticString = #filePath, line: UInt = #line
  ) throws {
    let seeds = try files("Corpus", target)
    XCTAssertFalse(seeds.isEmpty, "no seed corpus for \(target)", file: file, line: line)
    for input in seeds {
      XCTAssertEqual(run(input.bytes).problems, [], input.name, file: file, line: line)
    }
    for input in try files("Regressions", target) {
      let outcome = run(input.bytes)
      XCTAssertEqual(outcome.problems, [], input.name, file: file, line: line)
      XCTAssertFalse(outcome.accepted, "\(input.name) was accepted", file: file, line: line)
    }
  }
}
