import CPMSArguments
import CPMSCore

/// `cpms schema NAME`: prints a file format's JSON Schema so editors can complete and check files, or the
/// schema of a command's JSON output (docs/json-output.md).
enum SchemaCommand: Command {
  static let spec = CommandSpec(
    name: "schema",
    abstract: "Print the JSON Schema (draft 2020-12) of a cpms file format.",
    // The help keeps the two file formats, whose English the translations are keyed on; the schemas of
    // the JSON outputs (docs/json-output.md) are named in the usage error and the README.
    arguments: [ArgumentSpec(name: "name", help: "contextualization or workshop.")]
  )

  static let formats = ["contextualization", "workshop"]
  static let outputs = ["validate-output", "prioritize-output", "show-output", "list-output", "search-output"]

  static func run(_ arguments: ParsedArguments, _ environment: Environment) throws(CLIError) -> ExitCode {
    // The spec requires the argument, so the parser has refused a command line without it.
    let name = arguments.positionals.first ?? ""
    guard let schema = Catalog.schema(named: name) else {
      throw .usage(
        Interface(environment.language)("cli.unknownSchema", Excerpt.of(name), outputs.joined(separator: ", "))
          + Suggestion.didYouMean(name, among: formats + outputs, language: environment.language), spec)
    }
    environment.write(schema)
    return .success
  }
}
