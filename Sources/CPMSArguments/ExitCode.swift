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
