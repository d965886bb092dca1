/// The one shape of every problem cpms finds: in a data file, a ballot, a contextualization or
/// workshop file, or a selection checked against the rules. Every check produces it and every
/// reporter (text, JSON, GitHub annotations, Markdown) renders it; the command line decides the exit
/// status from it in one place.
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
  public var severity: Severity
  /// A stable identifier of the rule or check (`size-4-to-10`, `unknown-key`, `json-syntax`), so
  /// scripts and tests tell problems apart without matching on wording.
  public var rule: String
  /// What is wrong and how to fix it, in plain words.
  public var message: String
  public var location: DiagnosticLocation?
  /// The standard the diagnostic is about, when there is one.
  public var standard: Int?

  public init(
    _ severity: Severity, rule: String, message: String, location: DiagnosticLocation? = nil, standard: Int? = nil
  ) {
    self.severity = severity
    self.rule = rule
    self.message = message
    self.location = location
    self.standard = standard
  }

  /// The same diagnostic placed in a file, keeping its line and column.
  public func located(in file: String) -> Diagnostic {
    var copy = self
    var location = copy.location ?? DiagnosticLocation()
    location.file = file
    copy.location = location
    return copy
  }

  /// `file:line: message`, or the message alone when there is no location: how a diagnostic reads
  /// inside a one-line error.
  public var locatedMessage: String {
    guard let location, location.file != nil || location.line != nil else { return message }
    return "\(location.description): \(message)"
  }

  public var description: String { locatedMessage }
}

extension Array where Element == Diagnostic {
  public var hasErrors: Bool { contains { $0.severity == .error } }
  public var errorCount: Int { count { $0.severity == .error } }
  public var warningCount: Int { count { $0.severity == .warning } }
}
