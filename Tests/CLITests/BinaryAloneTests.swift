import Foundation
import XCTest

/// The binary carries the CPMS data: copied alone to an empty folder it still works.
final class BinaryAloneTests: XCTestCase {
  /// A copy of the binary, alone in a fresh temporary folder that is removed after the test.
  func lonelyBinary() throws -> URL {
    let source = CLIRunner.binary
    XCTAssertTrue(FileManager.default.isExecutableFile(atPath: source.path), "no binary at \(source.path)")
    let folder = try CLIRunner.temporaryDirectory()
    addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
    let copy = folder.appendingPathComponent("cpms")
    try FileManager.default.copyItem(at: source, to: copy)
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["cpms"])
    return copy
  }

  /// Runs the copy from its own folder with an environment of PATH and COLUMNS only.
  func runAlone(_ binary: URL, _ arguments: [String]) throws -> CLIResult {
    let folder = binary.deletingLastPathComponent()
    let result = try CLIRunner.run(
      ["-i", "PATH=/usr/bin:/bin", "COLUMNS=80", binary.path] + arguments, in: folder,
      executable: URL(fileURLWithPath: "/usr/bin/env"))
    for marker in ["Fatal error", "Stack dump"] {
      XCTAssertFalse(result.stderr.contains(marker), "cpms \(arguments): \(result.stderr)")
    }
    return result
  }

  func testShowWorksFromAnEmptyFolder() throws {
    let binary = try lonelyBinary()
    let result = try runAlone(binary, ["show", "18"])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(result.stderr, "")
    for expected in ["STANDARD 18", "case management", "18.1.7", "key actions", "core indicators", "summary"] {
      XCTAssertTrue(result.stdout.lowercased().contains(expected.lowercased()), "missing \(expected)")
    }
    XCTAssertEqual(result.stdout, try CLIRunner.run(["show", "18"]).stdout, "the lone copy prints something else")
  }

  func testListJSONWorksFromAnEmptyFolder() throws {
    let binary = try lonelyBinary()
    let result = try runAlone(binary, ["list", "--format", "json"])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(result.stderr, "")
    let rows = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]], result.stdout)
    XCTAssertEqual(rows.compactMap { $0["number"] as? Int }, Array(1...28))
    XCTAssertEqual(result.stdout, try CLIRunner.run(["list", "--format", "json"]).stdout)
    XCTAssertEqual(
      try FileManager.default.contentsOfDirectory(atPath: binary.deletingLastPathComponent().path), ["cpms"],
      "cpms wrote files where it ran")
  }

  func testNoResourceBundleBesideTheBinary() throws {
    let folder = CLIRunner.binary.deletingLastPathComponent()
    let entries = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    XCTAssertTrue(entries.contains(CLIRunner.binary.lastPathComponent), "\(folder.path) holds no binary")
    let bundles = entries.filter { $0.hasSuffix(".resources") || ($0.hasPrefix("cpms_") && $0.hasSuffix(".bundle")) }
    XCTAssertEqual(bundles, [], "the data must be compiled in, not shipped as a resource bundle")
  }
}
