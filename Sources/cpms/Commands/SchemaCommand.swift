import CPMSArguments
import CPMSCore

/// `cpms schema NAME`: prints a file format's JSON Schema so editors can complete and check files.
enum SchemaCommand: Command {
  static let spec = CommandSpec(
    name: "schema",
    abstract: "Print the JSON Schema (draft 2020-12) of a cpms file format.",
    arguments: [ArgumentSpec(name: "name", help: "contextualization or workshop.")]
  )

  static func run(_ arguments: ParsedArguments, _ environment: Environment) throws(CLIError) -> ExitCode {
    // The spec requires the argument, so the parser has refused a command line without it.
    let name = arguments.positionals.first ?? ""
    guard let schema = Catalog.schema(named: name) else {
      throw .usage(
        "The value '\(Excerpt.of(name))' is invalid for '<name>': use contextualization or workshop."
          + Suggestion.didYouMean(name, among: ["contextualization", "workshop"]), spec)
    }
    environment.write(schema)
    return .success
  }
}
