import CPMSCore

/// Exit codes: 0 and 1 as usual, 64 for usage errors as swift-argument-parser, and the sysexits
/// codes for bad input data (65), missing input (66), output that cannot be created (73).
public enum ExitCode: Int32, Sendable {
  case success = 0
  case failure = 1
  case usage = 64
  case dataError = 65
  case noInput = 66
  case software = 70
  case cannotCreate = 73
}

/// Every way a command can fail; `main` prints it as "Error: …" and exits with its code.
public enum CLIError: Error {
  /// Bad command-line usage: printed with the command's usage line, exit 64.
  case usage(String, CommandSpec)
  /// Anything else: printed alone with the given exit code.
  case failure(String, ExitCode)

  public var exitCode: ExitCode {
    switch self {
    case .usage: .usage
    case .failure(_, let code): code
    }
  }
}

extension ExitCode {
  /// The status for an input file (workshop, context) that failed its checks: 66 when a file it
  /// names could not be read, as for the same file named on the command line; 65 otherwise.
  public static func invalidInput(_ diagnostics: [Diagnostic]) -> ExitCode {
    diagnostics.contains { $0.rule == InputFailure.rule } ? .noInput : .dataError
  }
}
