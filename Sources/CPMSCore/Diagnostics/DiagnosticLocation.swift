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
