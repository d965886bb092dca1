import CPMSArguments
import CPMSCore

/// The `--context FILE` option: applies a contextualization file to the bundled catalog.
enum ContextOption {
  static let spec = OptionSpec(
    long: "context", valueName: "file",
    help: "Apply a contextualization file: local titles, wording, targets and indicators (see 'cpms validate').")

  static func catalog(_ path: String?, _ environment: Environment, workshop: WorkshopFile? = nil)
    throws(CLIError) -> Catalog
  {
    let catalog = try environment.catalog()
    if let path {
      let bytes = try environment.read(path, what: "context file", limit: FileValidator.maxFileSize)
      let (report, context) = FileValidator.contextualization(
        bytes, path: path, catalog: catalog, readFile: environment.readFile, language: environment.language)
      guard let context, report.valid else { throw invalidFile("context file", report, environment.language) }
      return context.apply(to: catalog)
    }
    if let context = workshop?.contextualization { return context.apply(to: catalog) }
    return catalog
  }

  /// A context or workshop file that is not valid: its first findings (all of them are one
  /// 'cpms validate' away), so a badly broken file cannot flood the terminal; the exit status follows
  /// from the findings (66 when a file it names is missing, else 65).
  static func invalidFile(_ what: String, _ report: ValidationReport, _ language: Language) -> CLIError {
    let t = Interface(language)
    let shown = 10
    func line(_ finding: Diagnostic) -> String {
      ValidationReporter.line(path: report.path, finding, language: language)
    }
    var lines = report.diagnostics.prefix(shown).map(line)
    if report.diagnostics.count > shown + 1 {
      lines.append(t("cli.moreFindings", report.diagnostics.count - shown, Excerpt.of(report.path, limit: 300)))
    } else {
      lines += report.diagnostics.dropFirst(shown).map(line)
    }
    lines.append(ValidationReporter.summary([report], language: language))
    return .failure(
      t("cli.fileNotValid.\(what)") + "\n" + lines.joined(separator: "\n"), .invalidInput(report.diagnostics))
  }
}
