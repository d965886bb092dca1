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
      .format(["text", "json", "markdown"]),
    ]
  )

  static func run(_ arguments: ParsedArguments, _ environment: Environment) throws(CLIError) -> ExitCode {
    var pillar: Int?
    if let text = arguments.value("pillar") {
      guard let number = Int(text), (1...4).contains(number) else {
        throw .usage(
          "The value '\(Excerpt.of(text))' is invalid for '--pillar <pillar>': pillars are numbered 1 to 4.", spec)
      }
      pillar = number
    }
    let catalog = try ContextOption.catalog(arguments, environment)
    let rendering = BrowseRendering(catalog: catalog, layout: environment.layout)
    environment.write(rendering.list(pillar: pillar, format: OutputFormat(rawValue: arguments.format)!))
    return .success
  }
}
