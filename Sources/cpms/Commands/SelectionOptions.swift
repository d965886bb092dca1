import CPMSArguments
import CPMSCore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The options `prioritize` and `pack` share to describe a workshop's selection.
enum SelectionOptions {
  static let specs: [OptionSpec] = [
    OptionSpec(
      long: "situation", valueName: "situation",
      help: "plan (a response plan exists), contextualized (some standards contextualized, no plan) or none.",
      allowedValues: Situation.allCases.map(\.rawValue)),
    OptionSpec(long: "select", valueName: "list", help: "The selection to check, e.g. 1,5,9-11,18."),
    OptionSpec(
      long: "ballot", valueName: "file", help: "A CSV ballot of scores (0-5); repeat for each file. '-' reads stdin.",
      repeatable: true),
    OptionSpec(
      long: "size", valueName: "n", help: "How many standards to recommend from the ballots (4-10).",
      defaultValue: "6"),
    OptionSpec(long: "contextualized", valueName: "list", help: "The standards the context has contextualized."),
    OptionSpec(
      long: "plan-standards", valueName: "list", help: "The standards the response plan's objectives rely on."),
    OptionSpec(
      long: "except", valueName: "n:reason",
      help: "Why contextualized standard n is left out: no-consensus or principle-P (P = 1-10). Repeatable.",
      repeatable: true),
  ]

  /// Builds the request: the workshop file first, then the flags over it. A context file's standards
  /// are the contextualized ones unless --contextualized says otherwise, and make `contextualized` the
  /// default situation.
  static func request(
    _ arguments: ParsedArguments, workshop: WorkshopFile?, catalog: Catalog, _ environment: Environment
  ) throws(CLIError) -> PrioritizationRequest {
    let fromContext = ContextOption.contextualizedStandards(catalog)
    var base = workshop?.request
    if base == nil && !fromContext.isEmpty && arguments.value("situation") == nil {
      base = PrioritizationRequest(situation: .contextualized)
    }
    let spec = arguments.spec
    func list(_ name: String) throws(CLIError) -> [Int]? {
      guard let text = arguments.value(name) else { return nil }
      do {
        return try StandardList.parse(text)
      } catch {
        throw .usage("The value '\(Excerpt.of(text))' is invalid for '--\(name) <list>': \(error.message)", spec)
      }
    }
    var request = base ?? PrioritizationRequest(situation: .none)
    if let text = arguments.value("situation") {
      request.situation = Situation(rawValue: text)!
    } else if base == nil {
      throw .usage(
        "Missing expected option '--situation <situation>': say whether a response plan exists (plan), "
          + "some standards are contextualized (contextualized), or neither (none).", spec)
    }
    if let selection = try list("select") { request.selection = selection }
    if let contextualized = try list("contextualized") { request.contextualized = contextualized }
    if let plan = try list("plan-standards") { request.planStandards = plan }
    if request.contextualized.isEmpty && request.situation != .none { request.contextualized = fromContext }
    if let text = arguments.value("size") {
      guard let size = Int(text), PrioritizationRequest.sizeRange.contains(size) else {
        throw .usage(
          "The value '\(Excerpt.of(text))' is invalid for '--size <n>': recommend from 4 to 10 standards.", spec)
      }
      request.size = size
    }
    let exceptionTexts = arguments.all("except")
    if !exceptionTexts.isEmpty {
      request.exceptions = []
      for text in exceptionTexts {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let number = Int(parts[0]), Catalog.standardNumbers.contains(number),
          let reason = ExceptionReason(parsing: parts[1])
        else {
          throw .usage(
            "The value '\(Excerpt.of(text))' is invalid for '--except <n:reason>': write N:no-consensus or N:principle-P "
              + "with N a standard (1-28) and P a principle (1-10).", spec)
        }
        request.exceptions.append(PrioritizationException(standard: number, reason: reason))
      }
    }
    let ballotPaths = arguments.all("ballot")
    if !ballotPaths.isEmpty {
      request.ballots = try ballotPaths.map { path throws(CLIError) in try readBallot(path, environment) }
    }
    return request
  }

  static func readBallot(_ path: String, _ environment: Environment) throws(CLIError) -> Ballot {
    let bytes = try environment.read(path, what: "ballot", limit: Ballot.maxFileSize)
    do {
      return try Ballot.parse(csv: bytes, source: path == "-" ? "<stdin>" : path)
    } catch {
      throw .failure("\(error)", .dataError)
    }
  }

  /// What `prioritize` and `pack` both do first: read the workshop file and the context, build the
  /// request (flags over the file) and apply the rules. `verb` completes the usage message.
  static func evaluate(_ arguments: ParsedArguments, _ environment: Environment, verb: String) throws(CLIError)
    -> (workshop: WorkshopFile?, catalog: Catalog, result: PrioritizationResult)
  {
    let workshop = try WorkshopOption.load(arguments, environment)
    let catalog = try ContextOption.catalog(arguments, environment, workshop: workshop)
    let request = try request(arguments, workshop: workshop, catalog: catalog, environment)
    if request.selection == nil && request.ballots.isEmpty {
      throw .usage(
        "Give the selection to \(verb) with --select LIST, or ballots to rank with --ballot FILE.", arguments.spec)
    }
    return (workshop, catalog, try run(request, catalog: catalog, spec: arguments.spec))
  }

  /// Runs the rules, turning a contradictory request into a usage error.
  static func run(_ request: PrioritizationRequest, catalog: Catalog, spec: CommandSpec) throws(CLIError)
    -> PrioritizationResult
  {
    do {
      return try Prioritizer.run(request, catalog: catalog)
    } catch {
      throw .usage(error.message, spec)
    }
  }
}
