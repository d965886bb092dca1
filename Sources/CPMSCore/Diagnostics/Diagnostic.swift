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

/// Where a diagnostic points: a file (nil for what was typed on the command line), and the line and
/// column when they are known (a ballot row has a line but no column).
public struct DiagnosticLocation: Sendable, Equatable, Hashable {
  public var file: String?
  public var line: Int?
  public var column: Int?
  /// The byte offset from the start of the file, for editors; nil when the location is not in a file.
  public var offset: Int?

  public init(file: String? = nil, line: Int? = nil, column: Int? = nil, offset: Int? = nil) {
    self.file = file
    self.line = line
    self.column = column
    self.offset = offset
  }

  public init(file: String? = nil, _ location: SourceLocation) {
    self.init(file: file, line: location.line, column: location.column, offset: location.offset)
  }

  /// The position in the file as the parser gave it, when it came from one.
  public var sourceLocation: SourceLocation? {
    guard let line, let column, let offset else { return nil }
    return SourceLocation(line: line, column: column, offset: offset)
  }

  /// `file:line:col`, `file:line`, `file` or `line:col`, as compilers and linters print it.
  public var description: String {
    var parts: [String] = []
    if let file { parts.append(file) }
    if let line {
      parts.append(String(line))
      if let column { parts.append(String(column)) }
    }
    return parts.joined(separator: ":")
  }
}

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

/// Several diagnostics thrown together, when one problem does not stop the check (the bundled data,
/// read whole before it is refused).
public struct DiagnosticList: Error, Sendable, Equatable, CustomStringConvertible {
  public var diagnostics: [Diagnostic]

  public init(_ diagnostics: [Diagnostic]) {
    self.diagnostics = diagnostics
  }

  public var messages: [String] { diagnostics.map(\.locatedMessage) }

  public var description: String { messages.joined(separator: "\n") }
}
