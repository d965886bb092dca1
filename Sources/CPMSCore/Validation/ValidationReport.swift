/// The result of validating one file.
public struct ValidationReport: Sendable, Equatable {
  public var path: String
  /// The file's `cpms` tag when it could be read, e.g. `contextualization/1`.
  public var kind: String?
  public var diagnostics: [Diagnostic]

  public init(path: String, kind: String?, diagnostics: [Diagnostic]) {
    self.path = path
    self.kind = kind
    self.diagnostics = diagnostics
  }

  public var valid: Bool { !diagnostics.hasErrors }
  public var errorCount: Int { diagnostics.errorCount }
  public var warningCount: Int { diagnostics.warningCount }
}
