import CPMSArguments
import CPMSCore

/// `cpms list`: the 28 standards grouped by pillar.
enum ListCommand: Command {
  static let spec = CommandSpec(
    name: "list",
    abstract: "List the standards, grouped by pillar.",
    options: [
      OptionSpec(long: "pillar", valueName: "pillar", help: "Only the standards of this pillar (1 to 4)."),
      ContextOption.spec,
      .format(OutputFormat.allCases.map(\.rawValue)),
    ]
  )

  struct Options {
    var pillar: Int?
    var contextPath: String?
    var format: OutputFormat

    init(_ arguments: ParsedArguments, language: Language) throws(CLIError) {
      if let text = arguments.value("pillar") {
        guard let number = Int(text), Catalog.pillarNumbers.contains(number) else {
          throw .usage(Interface(language)("cli.invalidPillar", Excerpt.of(text)), spec)
        }
        pillar = number
      }
      contextPath = arguments.value("context")
      format = try arguments.format(OutputFormat.self)
    }
  }

  static func run(_ arguments: ParsedArguments, _ environment: Environment) throws(CLIError) -> ExitCode {
    let options = try Options(arguments, language: environment.language)
    let catalog = try ContextOption.catalog(options.contextPath, environment)
    let rendering = BrowseRendering(catalog: catalog, layout: environment.layout)
    environment.write(rendering.list(pillar: options.pillar, format: options.format))
    return .success
  }
}
