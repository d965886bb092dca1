import CPMSArguments
import CPMSCore

/// `cpms show N`: one standard in full.
enum ShowCommand: Command {
  static let spec = CommandSpec(
    name: "show",
    abstract: "Show one standard in full: statement, key actions by phase, indicators and links.",
    arguments: [ArgumentSpec(name: "standard", help: "The standard's number, 1 to 28.")],
    options: [ContextOption.spec, .format(OutputFormat.allCases.map(\.rawValue))]
  )

  struct Options {
    var standard: StandardNumber
    var contextPath: String?
    var format: OutputFormat

    init(_ arguments: ParsedArguments, language: Language) throws(CLIError) {
      // The spec requires the argument, so the parser has refused a command line without it.
      standard = try arguments.standardNumber(arguments.positionals.first ?? "", what: "standard", language: language)
      contextPath = arguments.value("context")
      format = try arguments.format(OutputFormat.self)
    }
  }

  static func run(_ arguments: ParsedArguments, _ environment: Environment) throws(CLIError) -> ExitCode {
    let options = try Options(arguments, language: environment.language)
    let catalog = try ContextOption.catalog(options.contextPath, environment)
    let rendering = BrowseRendering(catalog: catalog, layout: environment.layout)
    environment.write(rendering.show(options.standard, format: options.format))
    return .success
  }
}
