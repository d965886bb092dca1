import CPMSArguments
import FuzzDriver
import FuzzHarness

@testable import cpms

// libFuzzer target: FuzzHarness.arguments on each input, against the real command specs.

/// The specs of every command, read once (a static: the fuzz function is not isolated to the main actor).
enum Commands {
  static let specs = CPMSCommandLine.commands.map { $0.spec }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzArguments(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let outcome = FuzzHarness.arguments(
    Array(UnsafeBufferPointer(start: data, count: size)), specs: Commands.specs,
    findCommand: { name throws(CLIError) in _ = try CPMSCommandLine.find(name) })
  precondition(outcome.problems.isEmpty, outcome.problems.joined(separator: "; "))
  return 0
}

FuzzDriver.run(fuzzArguments)
