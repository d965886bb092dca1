import FuzzDriver
import FuzzHarness

// libFuzzer target: FuzzHarness.validate on each input (see there for what it covers).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzValidate(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let outcome = FuzzHarness.validate(Array(UnsafeBufferPointer(start: data, count: size)))
  precondition(outcome.problems.isEmpty, outcome.problems.joined(separator: "; "))
  return 0
}

FuzzDriver.run(fuzzValidate)
