import FuzzDriver
import FuzzHarness

// libFuzzer target: FuzzHarness.ballot on each input (see there for what it covers).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBallot(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let outcome = FuzzHarness.ballot(Array(UnsafeBufferPointer(start: data, count: size)))
  precondition(outcome.problems.isEmpty, outcome.problems.joined(separator: "; "))
  return 0
}

FuzzDriver.run(fuzzBallot)
