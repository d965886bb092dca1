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
      let bytes = try environment.read(path, what: "context file")
      let (report, context) = FileValidator.contextualization(
        bytes, path: path, catalog: catalog, readFile: FileReading.reader)
      guard let context, report.valid else {
        throw .failure(
          "The context file is not valid:\n" + ValidationReporters.text([report]).trimmingWhitespaceAndNewlines(),
          .dataError)
      }
      return context.apply(to: catalog)
    }
    if let context = workshop?.contextualization { return context.apply(to: catalog) }
    return catalog
  }

  /// The standards a context file contextualized, for the `contextualized` situation.
  static func contextualizedStandards(_ catalog: Catalog) -> [Int] {
    catalog.contextualizedStandardNumbers
  }
}
