#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

// A file-size limit (`ulimit -f`) then makes a write fail with an error cpms reports and cleans up
// after, instead of killing it half-way through writing a file.
signal(SIGXFSZ, SIG_IGN)

// The entry point: everything happens in CPMSCommandLine so that it can be read top-down.
var status = CPMSCommandLine.main(Array(CommandLine.arguments.dropFirst()), environment: .live)
if Environment.outputFailure != 0 {
  let reason = String(cString: strerror(Environment.outputFailure))
  Environment.live.writeError("Error: The output could not be written to standard output: \(reason).\n")
  if status == 0 || status == 1 { status = 73 }
}
exit(status)
