import CPMSArguments
import CPMSCore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// `cpms search WORDS`: standards, key actions and indicators containing every word.
enum SearchCommand: Command {
  static let spec = CommandSpec(
    name: "search",
    abstract: "Find the standards, key actions and indicators that contain all the words.",
    discussion: "Matching ignores case and accents. Each hit shows its id (standard, key action or indicator). "
      + "Exits 0 with or without hits.",
    arguments: [ArgumentSpec(name: "words", help: "The words to look for.", repeating: true)],
    options: [ContextOption.spec, .format(OutputFormat.allCases.map(\.rawValue))]
  )

  struct Options {
    var words: [String]
    var contextPath: String?
    var format: OutputFormat

    init(_ arguments: ParsedArguments, language: Language) throws(CLIError) {
      words = arguments.positionals.filter { !$0.trimmingWhitespace().isEmpty }
      guard !words.isEmpty else { throw .usage(Interface(language)("error.missingArgument", "<words>"), spec) }
      contextPath = arguments.value("context")
      format = try arguments.format(OutputFormat.self)
    }
  }

  static func run(_ arguments: ParsedArguments, _ environment: Environment) throws(CLIError) -> ExitCode {
    let options = try Options(arguments, language: environment.language)
    let catalog = try ContextOption.catalog(options.contextPath, environment)
    let hits = Search.run(options.words, in: catalog)
    let rendering = BrowseRendering(catalog: catalog, layout: environment.layout)
    environment.write(rendering.search(options.words, hits: hits, format: options.format))
    return .success
  }
}
