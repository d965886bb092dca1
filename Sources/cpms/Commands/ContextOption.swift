import CPMSArguments
import CPMSCore

/// The `--context FILE` option: applies a contextualization file to the bundled catalog.
enum ContextOption {
  static let spec = OptionSpec(
    long: "context", valueName: "file",
    help: "Apply a contextualization file: local titles, wording, targets and indicators (see 'cpms validate').")

  static func catalog(_ arguments: ParsedArguments, _ environment: Environment, workshop: WorkshopFile? = nil)
    throws(CLIError) -> Catalog
  {
    let catalog = try environment.catalog()
    if let path = arguments.value("context") {
      let bytes = try environment.read(path, what: "context file", limit: FileValidator.maxFileSize)
      let (report, context) = FileValidator.contextualization(
        bytes, path: path, catalog: catalog, readFile: FileReading.reader)
      guard let context, report.valid else { throw invalidFile("context file", report) }
      return context.apply(to: catalog)
    }
    if let context = workshop?.contextualization { return context.apply(to: catalog) }
    return catalog
  }

  /// A context or workshop file that is not valid: its first findings (all of them are one
  /// 'cpms validate' away), so a badly broken file cannot flood the terminal. Exit 65.
  static func invalidFile(_ what: String, _ report: ValidationReport) -> CLIError {
    var lines = ValidationReporters.text([report]).trimmingWhitespaceAndNewlines()
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let shown = 10
    if lines.count > shown + 2, let summary = lines.last {
      let more = lines.count - 1 - shown
      lines =
        Array(lines.prefix(shown)) + [
          "… and \(more) more; run 'cpms validate \(Excerpt.of(report.path, limit: 300))' to see them all.", summary,
        ]
    }
    return .failure("The \(what) is not valid:\n" + lines.joined(separator: "\n"), .dataError)
  }

  /// The standards a context file contextualized, for the `contextualized` situation.
  static func contextualizedStandards(_ catalog: Catalog) -> [Int] {
    catalog.contextualizedStandardNumbers
  }
}
