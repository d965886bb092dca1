#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// One reporter per output format, each a pure function from reports to text, chosen by its
/// identifier (as SwiftLint's reporters are). Messages, severities and the summary are in the language
/// asked for, in every format, JSON included (as compilers localise theirs); rule ids, JSON keys and
/// GitHub's workflow commands never change with it.
public enum ValidationReporter: String, CaseIterable, Sendable {
  case text
  case json
  case github

  public func report(_ reports: [ValidationReport], language: Language = .en) -> String {
    switch self {
    case .text: ValidationReporter.text(reports, language: language)
    case .json: ValidationReporter.json(reports, language: language)
    case .github: ValidationReporter.github(reports, language: language)
    }
  }

  /// One line per finding, as compilers and linters print them, then the summary.
  public static func text(_ reports: [ValidationReport], language: Language = .en) -> String {
    var out = ""
    for report in reports {
      for diagnostic in report.diagnostics {
        out += line(path: report.path, diagnostic, language: language) + "\n"
      }
    }
    return out + summary(reports, language: language) + "\n"
  }

  /// `path:line:col: severity: message [rule]`, the severity in the language (`erreur`).
  public static func line(path: String, _ diagnostic: Diagnostic, language: Language = .en) -> String {
    let severity = Interface(language)("severity.\(diagnostic.severity.rawValue)")
    return "\(path):\(diagnostic.location?.line ?? 1):\(diagnostic.location?.column ?? 1): "
      + "\(severity): \(diagnostic.message) [\(diagnostic.rule)]"
  }

  /// "8 files checked: 8 valid, 0 invalid (0 errors, 0 warnings)." in the language.
  public static func summary(_ reports: [ValidationReport], language: Language = .en) -> String {
    let t = Interface(language)
    let invalid = reports.filter { !$0.valid }.count
    let errors = reports.reduce(0) { $0 + $1.errorCount }
    let warnings = reports.reduce(0) { $0 + $1.warningCount }
    // French counts 0 like 1 ("0 erreur"); English and Spanish use the singular for 1 alone. Arabic's
    // texts name the count as a label, so one form serves every number.
    func counted(_ count: Int, _ noun: String) -> String {
      let one = language == .fr ? count <= 1 : count == 1
      return t("validate.count.\(noun).\(one ? "one" : "other")", count)
    }
    return t(
      "validate.summary", counted(reports.count, "file"), reports.count - invalid, invalid, counted(errors, "error"),
      counted(warnings, "warning"))
  }

  public static func json(_ reports: [ValidationReport], language: Language = .en) -> String {
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

      enum CodingKeys: String, CodingKey { case path, kind, valid, errors, warnings, findings }

      // Every key is always present: an unknown kind is written as null, not left out.
      func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(path, forKey: .path)
        if let kind { try container.encode(kind, forKey: .kind) } else { try container.encodeNil(forKey: .kind) }
        try container.encode(valid, forKey: .valid)
        try container.encode(errors, forKey: .errors)
        try container.encode(warnings, forKey: .warnings)
        try container.encode(findings, forKey: .findings)
      }
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
    return JSONOutput.encode(
      Output(valid: reports.allSatisfy(\.valid), summary: summary(reports, language: language), files: files)) + "\n"
  }

  /// GitHub Actions workflow commands, which GitHub turns into annotations on the lines to fix.
  public static func github(_ reports: [ValidationReport], language: Language = .en) -> String {
    var out = ""
    for report in reports {
      for diagnostic in report.diagnostics {
        out +=
          "::\(diagnostic.severity == .error ? "error" : "warning") file=\(githubProperty(report.path)),"
          + "line=\(diagnostic.location?.line ?? 1),col=\(diagnostic.location?.column ?? 1),"
          + "title=\(githubProperty(diagnostic.rule))::\(githubMessage(diagnostic.message))\n"
      }
    }
    return out + summary(reports, language: language) + "\n"
  }

  /// A workflow command's message: `%`, CR and LF escaped. Done scalar by scalar: as Characters,
  /// "\r\n" and "%" followed by a combining mark are single graphemes that `replacing` would miss.
  static func githubMessage(_ text: String) -> String {
    githubEscape(text, properties: false)
  }

  /// A workflow command's property value (file=, title=): `%`, CR, LF, `:` and `,` escaped.
  static func githubProperty(_ text: String) -> String {
    githubEscape(text, properties: true)
  }

  private static func githubEscape(_ text: String, properties: Bool) -> String {
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      let escaped: String? =
        switch scalar {
        case "%": "%25"
        case "\r": "%0D"
        case "\n": "%0A"
        case ":" where properties: "%3A"
        case "," where properties: "%2C"
        default: nil
        }
      if let escaped { out.append(contentsOf: escaped.unicodeScalars) } else { out.append(scalar) }
    }
    return String(out)
  }
}
