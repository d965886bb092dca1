#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// Hands the process over to libFuzzer. SwiftPM gives every executable a `main` of its own, so
/// libFuzzer's `main` is never linked in; each fuzz target's main.swift calls this instead, with its
/// `LLVMFuzzerTestOneInput` function.
public enum FuzzDriver {
  public typealias TestOneInput = @convention(c) (UnsafePointer<UInt8>, Int) -> Int32

  public static func run(_ testOneInput: TestOneInput) -> Never {
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    exit(runFuzzerDriver(&argc, &argv, testOneInput))
  }
}

/// libFuzzer's documented entry point for programs that keep their own `main`.
@_extern(c, "LLVMFuzzerRunDriver")
func runFuzzerDriver(
  _ argc: UnsafeMutablePointer<Int32>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
  _ testOneInput: FuzzDriver.TestOneInput
) -> Int32
