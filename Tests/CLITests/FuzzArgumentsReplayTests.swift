import CPMSArguments
import Foundation
import FuzzHarness
import XCTest

@testable import cpms

/// Replays the argument fuzz target's seed corpus and saved regressions (Tests/Fuzz) against the real
/// command specs, through the same harness the libFuzzer target runs.
final class FuzzArgumentsReplayTests: XCTestCase {
  func testArgumentsCorpusAndRegressions() throws {
    let specs = CPMSCommandLine.commands.map { $0.spec }
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fuzz")
    var replayed = 0
    for kind in ["Corpus", "Regressions"] {
      let directory = root.appendingPathComponent(kind).appendingPathComponent("FuzzArguments")
      let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
      for name in names.sorted() {
        let bytes = Array(try Data(contentsOf: directory.appendingPathComponent(name)))
        let outcome = FuzzHarness.arguments(
          bytes, specs: specs, findCommand: { name throws(CLIError) in _ = try CPMSCommandLine.find(name) })
        XCTAssertEqual(outcome.problems, [], "\(kind)/\(name)")
        replayed += 1
      }
    }
    XCTAssertGreaterThan(replayed, 0, "no seed corpus for FuzzArguments")
  }
}
