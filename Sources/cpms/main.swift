#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

// The entry point: everything happens in CPMSCommandLine so that it can be read top-down.
exit(CPMSCommandLine.main(Array(CommandLine.arguments.dropFirst()), environment: .live))
