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
