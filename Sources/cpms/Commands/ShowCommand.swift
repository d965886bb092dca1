import CPMSArguments
import CPMSCore

/// `cpms show N`: one standard in full.
enum ShowCommand: Command {
  static let spec = CommandSpec(
    name: "show",
    abstract: "Show one standard in full: statement, key actions by phase, indicators and links.",
    arguments: [ArgumentSpec(name: "standard", help: "The standard's number, 1 to 28.")],
    options: [ContextOption.spec, .format(["text", "json", "markdown"])]
  )

  static func run(_ arguments: ParsedArguments, _ environment: Environment) throws(CLIError) -> ExitCode {
    let number = try arguments.standardNumber(arguments.positionals[0], what: "standard")
    let catalog = try ContextOption.catalog(arguments, environment)
    let rendering = BrowseRendering(catalog: catalog, layout: environment.layout)
    environment.write(rendering.show(number, format: OutputFormat(rawValue: arguments.format)!))
    return .success
  }
}
