import CPMSArguments
import CPMSCore

/// `cpms principles`: the 10 principles.
enum PrinciplesCommand: Command {
  static let spec = CommandSpec(
    name: "principles",
    abstract: "List the 10 principles that every standard puts into practice.",
    options: [.format(OutputFormat.allCases.map(\.rawValue))]
  )

  static func run(_ arguments: ParsedArguments, _ environment: Environment) throws(CLIError) -> ExitCode {
    let rendering = BrowseRendering(catalog: try environment.catalog(), layout: environment.layout)
    environment.write(rendering.principles(format: try arguments.format(OutputFormat.self)))
    return .success
  }
}
