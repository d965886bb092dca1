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
      With --ballot and no --select, recommends --size standards: ranked by mean score (or median, with --rank-by median), then by number of scores, then by number.
      --format svg draws the ranking (each participant's score, the mean, the selected and split standards) when there are ballots, else the selection across the four pillars:
        cpms prioritize --workshop workshop.json --format svg -o ranking.svg

      Exit status: 0 when the selection complies, 1 when it does not, 64 for usage errors, 65 for a malformed ballot or workshop file, 66 for a missing file.
      """,
    options: SelectionOptions.specs + [
      .format(Format.allCases.map(\.rawValue), help: " svg draws a chart."),
      OptionSpec(long: "output", short: "o", valueName: "file", help: "Write to this file instead of stdout."),
      OptionSpec(long: "force", help: "Overwrite the output file if it exists."),
    ]
  )

  /// The formats of a prioritization: the documents, and a chart.
  enum Format: String, CaseIterable {
    case text
    case json
    case markdown
    case svg
  }

  struct Options {
    var selection: SelectionOptions
    var format: Format
    var output: String?
    var force: Bool

    init(_ arguments: ParsedArguments, language: Language) throws(CLIError) {
      selection = try SelectionOptions(arguments, language: language)
      format = try arguments.format(Format.self)
      output = arguments.value("output")
      force = arguments.flag("force")
    }
  }

  static func run(_ arguments: ParsedArguments, _ environment: Environment) throws(CLIError) -> ExitCode {
    let options = try Options(arguments, language: environment.language)
    let (_, catalog, result) = try options.selection.evaluate(environment)
    let rendering = PrioritizationRendering(catalog: catalog, layout: environment.layout)
    let output =
      switch options.format {
      case .text: rendering.render(result, format: .text)
      case .json: rendering.render(result, format: .json)
      case .markdown: rendering.render(result, format: .markdown)
      case .svg:
        result.ranking.map { RankingChart.svg(result, ranking: $0, language: catalog.language) }
          ?? PillarCoverageChart.svg(selection: result.selection, catalog: catalog)
      }
    if let path = options.output {
      try FileOutput.writeFile(output, to: path, force: options.force, language: environment.language)
    } else {
      environment.write(output)
    }
    return result.compliant ? .success : .failure
  }
}
