import CPMSArguments
import CPMSCore

/// `cpms prioritize`: checks a selection, or recommends one from ballots, under the situation's rule.
enum PrioritizeCommand: Command {
  static let spec = CommandSpec(
    name: "prioritize",
    abstract: "Check a selection of priority standards, or recommend one from ballots, under the guide's rules.",
    discussion: """
      The rule depends on the situation:
        plan            4 to 10 standards in line with the response plan; a missing pillar, a contextualized standard left out or a standard outside --plan-standards is a warning.
        contextualized  4 to 10 standards (applied by analogy: the guide gives no count here) including every contextualized one, unless an exception is recorded with --except N:no-consensus or --except N:principle-P.
        none            4 to 10 standards with at least one from each of the four pillars.
      With --ballot and no --select, recommends --size standards: ranked by mean score, then by number of scores, then by number.

      Exit status: 0 when the selection complies, 1 when it does not, 64 for usage errors, 65 for a malformed ballot or workshop file, 66 for a missing file.
      """,
    options: SelectionOptions.specs + [.format(OutputFormat.allCases.map(\.rawValue))]
  )

  struct Options {
    var selection: SelectionOptions
    var format: OutputFormat

    init(_ arguments: ParsedArguments) throws(CLIError) {
      selection = try SelectionOptions(arguments)
      format = try arguments.format(OutputFormat.self)
    }
  }

  static func run(_ arguments: ParsedArguments, _ environment: Environment) throws(CLIError) -> ExitCode {
    let options = try Options(arguments)
    let (_, catalog, result) = try options.selection.evaluate(environment)
    let rendering = PrioritizationRendering(catalog: catalog, layout: environment.layout)
    environment.write(rendering.render(result, format: options.format))
    return result.compliant ? .success : .failure
  }
}
