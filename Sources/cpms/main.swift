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
// It also reports output lost on the way to standard output, in the language of the run.
exit(CPMSCommandLine.main(Array(CommandLine.arguments.dropFirst()), environment: .live))
