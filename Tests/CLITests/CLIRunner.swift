import Foundation
import XCTest

/// Runs the built `cpms` binary as a process, the way a user or a script does.
struct CLIResult {
  var stdout: String
  var stderr: String
  var status: Int32
  /// Set when the run was killed for taking longer than the runner's timeout (a hang).
  var timedOut = false
}

enum CLIRunner {
  /// The binary under test: `CPMS_BINARY` when set, else the one beside the test bundle.
  static var binary: URL {
    if let path = ProcessInfo.processInfo.environment["CPMS_BINARY"] { return URL(fileURLWithPath: path) }
    let beside = Bundle.main.bundleURL.appendingPathComponent("cpms")
    if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
    return packageRoot.appendingPathComponent(".build/debug/cpms")
  }

  static var packageRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  }

  /// Runs cpms with a fixed width and the given stdin; never depends on the caller's terminal. A run
  /// still going after `timeout` seconds (far beyond any real one) is killed and marked `timedOut`, so
  /// a hang fails its test instead of stalling the whole suite.
  static func run(
    _ arguments: [String], stdin: Data? = nil, environment extra: [String: String] = [:],
    in directory: URL? = nil, executable: URL? = nil, timeout: TimeInterval = 300
  ) throws -> CLIResult {
    let process = Process()
    process.executableURL = executable ?? binary
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment["COLUMNS"] = "80"
    environment.removeValue(forKey: "SOURCE_DATE_EPOCH")
    // The output's language comes from these; the tests' expectations are English unless they say.
    for key in ["LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"] { environment.removeValue(forKey: key) }
    for (key, value) in extra { environment[key] = value }
    process.environment = environment
    if let directory { process.currentDirectoryURL = directory }
    let output = Pipe()
    let error = Pipe()
    let input = Pipe()
    process.standardOutput = output
    process.standardError = error
    process.standardInput = input
    try process.run()
    let processID = process.processIdentifier
    let finished = SharedFlag()
    let timedOut = SharedFlag()
    let watchdog = Thread {
      let deadline = Date(timeIntervalSinceNow: timeout)
      while !finished.isSet && Date() < deadline { usleep(5_000) }
      if !finished.isSet {
        timedOut.set()
        kill(processID, SIGKILL)
      }
    }
    watchdog.start()
    // Read both pipes concurrently so a large output never blocks the child.
    nonisolated(unsafe) var errorData = Data()
    let reader = Thread { errorData = error.fileHandleForReading.readDataToEndOfFile() }
    reader.start()
    if let stdin { input.fileHandleForWriting.write(stdin) }
    try input.fileHandleForWriting.close()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    finished.set()
    while !reader.isFinished || !watchdog.isFinished { usleep(1000) }
    return CLIResult(
      stdout: String(decoding: outputData, as: UTF8.self), stderr: String(decoding: errorData, as: UTF8.self),
      status: process.terminationStatus, timedOut: timedOut.isSet)
  }

  /// A fresh empty folder under the system's temporary directory.
  /// A program found on PATH, for tests that read cpms's output with the tools people use; a missing
  /// one skips the test with how to install it (`make test-tools` does, and CI runs it).
  static func program(_ name: String, install: String) throws -> URL {
    for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
      let url = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
      if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    throw XCTSkip("\(name) is not installed; \(install) to run this test ('make test-tools' does, and CI runs it).")
  }

  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("cpms-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}

/// A flag set on one thread and read on another.
final class SharedFlag: @unchecked Sendable {
  private let lock = NSLock()
  private var value = false

  var isSet: Bool { lock.withLock { value } }

  func set() { lock.withLock { value = true } }
}
