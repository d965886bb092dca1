/// How serious a diagnostic is: errors make a file invalid or a selection non-compliant; warnings and
/// notes inform.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
  case error
  case warning
  case note

  public static func < (lhs: Severity, rhs: Severity) -> Bool {
    lhs.order < rhs.order
  }

  private var order: Int {
    switch self {
    case .error: 0
    case .warning: 1
    case .note: 2
    }
  }
}
