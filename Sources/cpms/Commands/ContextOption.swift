import CPMSCore

/// The `--context FILE` option: applies a contextualization file to the bundled catalog.
enum ContextOption {
  static let spec = OptionSpec(
    long: "context", valueName: "file",
    help: "Apply a contextualization file (see 'cpms validate'): local titles, wording, targets and indicators.")

  static func catalog(_ arguments: ParsedArguments, _ environment: Environment) throws(CLIError) -> Catalog {
    let catalog = try environment.catalog()
    guard arguments.value("context") != nil else { return catalog }
    throw .failure("--context is not available yet.", .failure)
  }
}
