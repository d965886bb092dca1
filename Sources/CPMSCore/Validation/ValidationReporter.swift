#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// One reporter per output format, each a pure function from reports to text, chosen by its
/// identifier (as SwiftLint's reporters are).
public enum ValidationReporter: String, CaseIterable, Sendable {
  case text
  case json
  case github

  public func report(_ reports: [ValidationReport]) -> String {
    switch self {
    case .text: ValidationReporter.text(reports)
    case .json: ValidationReporter.json(reports)
    case .github: ValidationReporter.github(reports)
    }
  }

  /// One line per finding, as compilers and linters print them, then the summary.
  public static func text(_ reports: [ValidationReport]) -> String {
    var out = ""
    for report in reports {
      for diagnostic in report.diagnostics {
        out += line(path: report.path, diagnostic) + "\n"
      }
    }
    return out + summary(reports) + "\n"
  }

  /// `path:line:col: severity: message [rule]`.
  public static func line(path: String, _ diagnostic: Diagnostic) -> String {
    "\(path):\(diagnostic.location?.line ?? 1):\(diagnostic.location?.column ?? 1): "
      + "\(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.rule)]"
  }

  public static func summary(_ reports: [ValidationReport]) -> String {
    let invalid = reports.filter { !$0.valid }.count
    let errors = reports.reduce(0) { $0 + $1.errorCount }
    let warnings = reports.reduce(0) { $0 + $1.warningCount }
    func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
    return "\(plural(reports.count, "file")) checked: \(reports.count - invalid) valid, \(invalid) invalid "
      + "(\(plural(errors, "error")), \(plural(warnings, "warning")))."
  }

  public static func json(_ reports: [ValidationReport]) -> String {
    struct FindingJSON: Encodable {
      var severity: Severity
      var rule: String
      var message: String
      var line: Int
      var column: Int
    }
    struct FileJSON: Encodable {
      var path: String
      var kind: String?
      var valid: Bool
      var errors: Int
      var warnings: Int
      var findings: [FindingJSON]
    }
    struct Output: Encodable {
      var valid: Bool
      var summary: String
      var files: [FileJSON]
    }
    let files = reports.map {
      FileJSON(
        path: $0.path, kind: $0.kind, valid: $0.valid, errors: $0.errorCount, warnings: $0.warningCount,
        findings: $0.diagnostics.map {
          FindingJSON(
            severity: $0.severity, rule: $0.rule, message: $0.message, line: $0.location?.line ?? 1,
            column: $0.location?.column ?? 1)
        })
    }
    return JSONOutput.encode(Output(valid: reports.allSatisfy(\.valid), summary: summary(reports), files: files)) + "\n"
  }

  /// GitHub Actions workflow commands, which GitHub turns into annotations on the lines to fix.
  public static func github(_ reports: [ValidationReport]) -> String {
    func escapeData(_ text: String) -> String {
      text.replacing("%", with: "%25").replacing("\r", with: "%0D")
        .replacing("\n", with: "%0A")
    }
    func escapeProperty(_ text: String) -> String {
      escapeData(text).replacing(":", with: "%3A").replacing(",", with: "%2C")
    }
    var out = ""
    for report in reports {
      for diagnostic in report.diagnostics {
        out +=
          "::\(diagnostic.severity == .error ? "error" : "warning") file=\(escapeProperty(report.path)),"
          + "line=\(diagnostic.location?.line ?? 1),col=\(diagnostic.location?.column ?? 1),title=\(escapeProperty(diagnostic.rule))::"
          + "\(escapeData(diagnostic.message))\n"
      }
    }
    return out + summary(reports) + "\n"
  }
}
