import CPMSCore

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
