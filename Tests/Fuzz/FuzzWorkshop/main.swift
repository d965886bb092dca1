import FuzzDriver
import FuzzHarness

// libFuzzer target: FuzzHarness.workshop on each input (see there for what it covers).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWorkshop(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let outcome = FuzzHarness.workshop(Array(UnsafeBufferPointer(start: data, count: size)))
  precondition(outcome.problems.isEmpty, outcome.problems.joined(separator: "; "))
  return 0
}

FuzzDriver.run(fuzzWorkshop)
