/// The output formats commands offer; each command accepts a subset.
public enum OutputFormat: String, Sendable, CaseIterable {
  case text
  case json
  case markdown
  case github
  case csv
}
