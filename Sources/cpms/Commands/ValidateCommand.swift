import CPMSArguments
import CPMSCore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// `cpms validate PATH...`: checks contextualization and workshop files, for people and for CI.
enum ValidateCommand: Command {
  static let spec = CommandSpec(
    name: "validate",
    abstract: "Check contextualization, workshop and monitoring files; made for CI.",
    discussion: """
      Each path is a file, a folder (searched recursively for *.json, and for *.csv files that are monitoring sheets) or - for stdin. The kind of a JSON file comes from its "cpms" key: "contextualization/1" or "workshop/1". A *.csv file, or text whose header names the indicator_id column (or an HXL #indicator+code tag), is a monitoring sheet from 'cpms monitor template', checked as 'cpms monitor report' checks it. Every finding gives the file, line and column of the key or value to fix (for a CSV sheet, the column is the field number), and a rule name.

      Exit status: 0 when every file is valid, 1 when any is not, 64 for usage errors, 66 when a path does not exist or cannot be read (also reported among the findings).
      The JSON Schemas of both formats are printed by 'cpms schema'.
      """,
    arguments: [ArgumentSpec(name: "paths", help: "Files, folders, or - for stdin.", repeating: true)],
    options: [
      .format(ValidationReporter.allCases.map(\.rawValue), help: " github writes GitHub Actions annotations."),
      OptionSpec(
        long: "context", valueName: "file",
        help: "Check monitoring sheets against this contextualization (its local indicators are known ids)."),
    ]
  )

  struct Options {
    var paths: [String]
    var reporter: ValidationReporter
    var contextPath: String?

    init(_ arguments: ParsedArguments) throws(CLIError) {
      paths = arguments.positionals
      reporter = try arguments.format(ValidationReporter.self)
      contextPath = arguments.value("context")
    }
  }

  static func run(_ arguments: ParsedArguments, _ environment: Environment) throws(CLIError) -> ExitCode {
    let options = try Options(arguments)
    // Checks concern numbers, ids and structure, never the wording; the catalog in the output's language
    // gives the rules' findings the standards' titles in that language.
    let catalog = try environment.catalog()
    // Only monitoring sheets are read against the context; cpms's own files keep the global catalog.
    let sheetCatalog =
      options.contextPath == nil ? catalog : try ContextOption.catalog(options.contextPath, environment)
    var reports: [ValidationReport] = []
    for path in options.paths {
      for file in expand(path, environment) {
        reports.append(validate(file, catalog: catalog, sheetCatalog: sheetCatalog, environment))
      }
    }
    environment.write(options.reporter.report(reports, language: environment.language))
    // A path that cannot be read is a finding (CI annotations show it) and also a missing input: a
    // mistyped path in a CI script must not look like an ordinary invalid file.
    // Files named inside a workshop file are the workshop's findings (exit 1), like any other.
    let unreadable = reports.filter { $0.kind == nil }.flatMap {
      $0.diagnostics.filter { $0.rule == InputFailure.rule }
    }
    let t = Interface(environment.language)
    for finding in unreadable { environment.writeError(t("error.prefix", finding.message) + "\n") }
    if !unreadable.isEmpty { return .noInput }
    return reports.allSatisfy(\.valid) ? .success : .failure
  }

  /// A folder becomes its *.json files and the *.csv files that are monitoring sheets (other CSV files,
  /// such as ballots, are not cpms files to validate), sorted; anything else stays as given (and is
  /// reported if unreadable).
  static func expand(_ path: String, _ environment: Environment) -> [String] {
    guard path != "-", FileSystem.kind(of: path) == .directory else { return [path] }
    let prefix = path.hasSuffix("/") ? path : path + "/"
    let files = FileSystem.filesBelow(path).filter { name in
      if name.hasSuffix(".json") { return true }
      guard name.lowercased().hasSuffix(".csv") else { return false }
      guard case .success(let head) = environment.readFile(prefix + name, 64 * 1024) else { return true }
      return MonitoringReader.looksLikeMonitoringSheet(head)
    }
    return files.isEmpty ? [prefix] : files.map { prefix + $0 }
  }

  /// One file's report; a file that cannot be read is reported like any other finding, through the
  /// same reader and words as every other input.
  static func validate(_ path: String, catalog: Catalog, sheetCatalog: Catalog, _ environment: Environment)
    -> ValidationReport
  {
    let shown = path == "-" ? "<stdin>" : path
    let t = Interface(environment.language)
    func unreadable(_ message: String) -> ValidationReport {
      ValidationReport(
        path: shown, kind: nil,
        diagnostics: [
          Diagnostic(
            .error, rule: InputFailure.rule, message: message, location: DiagnosticLocation(line: 1, column: 1))
        ])
    }
    if path.hasSuffix("/") && FileSystem.kind(of: path) == .directory {
      return unreadable(t("cli.emptyFolder", Excerpt.of(path.dropLast(), limit: 300)))
    }
    switch environment.readFile(path, max(FileValidator.maxFileSize, MonitoringReader.maxFileSize)) {
    case .success(let bytes):
      if FileValidator.isMonitoringSheet(bytes, path: path) {
        return FileValidator.monitoringSheet(bytes, path: shown, catalog: sheetCatalog)
      }
      return FileValidator.validate(
        bytes, path: shown, catalog: catalog, readFile: environment.readFile, language: environment.language)
    case .failure(let failure):
      return unreadable(failure.message(what: "file", path: path, language: environment.language))
    }
  }
}
