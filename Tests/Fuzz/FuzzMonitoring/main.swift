import FuzzDriver
import FuzzHarness

// libFuzzer target: FuzzHarness.monitoring on each input (see there for what it covers).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMonitoring(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let outcome = FuzzHarness.monitoring(Array(UnsafeBufferPointer(start: data, count: size)))
  precondition(outcome.problems.isEmpty, outcome.problems.joined(separator: "; "))
  return 0
}

FuzzDriver.run(fuzzMonitoring)
