/// The formats of the commands that show the CPMS and prioritization results to people and scripts.
public enum OutputFormat: String, Sendable, CaseIterable {
  /// Plain text laid out for a terminal.
  case text
  /// Stable JSON for scripts.
  case json
  /// GitHub-flavoured Markdown that also renders with pandoc.
  case markdown
}
