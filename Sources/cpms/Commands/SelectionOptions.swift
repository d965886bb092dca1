import CPMSArguments
import CPMSCore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The options `prioritize` and `pack` share to describe a workshop's selection, decoded once from
/// the command line into typed values.
struct SelectionOptions {
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
    OptionSpec(
      long: "ballot-layout", valueName: "layout",
      help: "long (one row per standard, as 'cpms ballot' writes) or wide (one row per participant, as KoboToolbox "
        + "and ODK export); detected when not given.", allowedValues: BallotLayout.allCases.map(\.rawValue)),
    OptionSpec(
      long: "allow-duplicate-participants",
      help: "Count ballots that share a participant's name (for groups that vote once per agency)."),
    OptionSpec(
      long: "rank-by", valueName: "measure", help: "Order the ranking by mean or median score.",
      allowedValues: RankOrder.allCases.map(\.rawValue), defaultValue: RankOrder.mean.rawValue),
    WorkshopOption.spec, ContextOption.spec,
  ]

  var situation: Situation?
  var selection: [StandardNumber]?
  var ballotPaths: [String]
  var ballotLayout: BallotLayout?
  var allowDuplicateParticipants: Bool
  var rankBy: RankOrder?
  var size: Int?
  /// `--size` as typed, quoted back when it is out of range ("-0" stays "-0").
  var sizeText: String?
  var contextualized: [StandardNumber]?
  var planStandards: [StandardNumber]?
  var exceptions: [PrioritizationException]?
  var workshopPath: String?
  var contextPath: String?
  let spec: CommandSpec
  /// What the command does with the selection, for the message when there is none ("check", "pack").
  var verb = "check"

  /// Usage errors found while decoding are worded in `language`.
  init(_ arguments: ParsedArguments, language: Language = .en) throws(CLIError) {
    spec = arguments.spec
    let spec = spec
    let t = Interface(language)
    func list(_ name: String) throws(CLIError) -> [StandardNumber]? {
      guard let text = arguments.value(name) else { return nil }
      do {
        return try StandardList.parse(text, language: language)
      } catch {
        throw .usage(t("cli.invalidList", Excerpt.of(text), name, error.message), spec)
      }
    }
    situation = try arguments.choice("situation", as: Situation.self)
    // Only a value typed on the command line overrides the workshop file; the spec's default does not.
    if arguments.value("situation") == nil { situation = nil }
    selection = try list("select")
    contextualized = try list("contextualized")
    planStandards = try list("plan-standards")
    ballotPaths = arguments.all("ballot")
    ballotLayout = try arguments.choice("ballot-layout", as: BallotLayout.self)
    allowDuplicateParticipants = arguments.flag("allow-duplicate-participants")
    rankBy = arguments.value("rank-by") == nil ? nil : try arguments.choice("rank-by", as: RankOrder.self)
    if let text = arguments.value("size") {
      guard let size = Int(text) else {
        throw .usage(t("cli.invalidSize", Excerpt.of(text)), spec)
      }
      self.size = size
      sizeText = text
    }
    let exceptionTexts = arguments.all("except")
    if !exceptionTexts.isEmpty {
      var exceptions: [PrioritizationException] = []
      for text in exceptionTexts {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let number = Int(parts[0]).flatMap(StandardNumber.init),
          let reason = ExceptionReason(parsing: parts[1])
        else {
          throw .usage(t("cli.invalidExcept", Excerpt.of(text)), spec)
        }
        exceptions.append(PrioritizationException(standard: number, reason: reason))
      }
      self.exceptions = exceptions
    }
    workshopPath = arguments.value("workshop")
    contextPath = arguments.value("context")
  }

  /// The request: the workshop file first, then the flags over it, then the one check of the whole
  /// (`PrioritizationRequest.problems`), worded as flags. A context file's standards are the
  /// contextualized ones unless --contextualized says otherwise, and make `contextualized` the
  /// default situation.
  func request(workshop: WorkshopFile?, catalog: Catalog, ballots: [Ballot], language: Language = .en)
    throws(CLIError) -> PrioritizationRequest
  {
    let fromContext = catalog.contextualizedStandardNumbers
    var base = workshop?.request
    if base == nil && !fromContext.isEmpty && situation == nil {
      base = PrioritizationRequest(situation: .contextualized)
    }
    var request = base ?? PrioritizationRequest(situation: .none)
    if let situation {
      request.situation = situation
    } else if base == nil {
      throw .usage(Interface(language)("cli.missingSituation"), spec)
    }
    if let selection { request.selection = selection }
    if let contextualized { request.contextualized = contextualized }
    if let planStandards { request.planStandards = planStandards }
    if request.contextualized.isEmpty && request.situation != .none { request.contextualized = fromContext }
    if let size { request.size = size }
    if let exceptions { request.exceptions = exceptions }
    if !ballots.isEmpty { request.ballots = ballots }
    if let rankBy { request.rankBy = rankBy }
    if let problem = request.problems.first { throw .usage(message(problem, language: language), spec) }
    return request
  }

  /// A request problem in the command line's terms: flags and their values, in `language`.
  func message(_ problem: RequestProblem, language: Language = .en) -> String {
    let t = Interface(language)
    return switch problem {
    case .repeatedStandard(let field, let number): t("cli.request.repeatedStandard", number, Self.flag(field))
    case .sizeOutOfRange(let size): t("cli.invalidSize", Excerpt.of(sizeText ?? String(size)))
    case .contextualizedWithoutStandards: t("cli.request.contextualizedWithoutStandards")
    case .noneWithContextualizedStandards: t("cli.request.noneWithContextualizedStandards")
    case .noneWithExceptions: t("cli.request.noneWithExceptions")
    case .planStandardsWithoutPlan: t("cli.request.planStandardsWithoutPlan")
    case .exceptionForUncontextualized(let number): t("cli.request.exceptionForUncontextualized", number)
    case .twoExceptions(let number): t("cli.request.twoExceptions", number)
    case .nothingToEvaluate: t("cli.request.nothingToEvaluate.\(verb)")
    }
  }

  static func flag(_ field: RequestField) -> String {
    switch field {
    case .situation: "--situation"
    case .selection: "--select"
    case .ballots: "--ballot"
    case .size: "--size"
    case .contextualized: "--contextualized"
    case .planStandards: "--plan-standards"
    case .exceptions: "--except"
    }
  }

  /// What `prioritize` and `pack` both do first: read the workshop file, the context and the
  /// ballots through the one reader, build the request (flags over the file) and apply the rules.
  func evaluate(_ environment: Environment) throws(CLIError)
    -> (workshop: WorkshopFile?, catalog: Catalog, result: PrioritizationResult)
  {
    let t = Interface(environment.language)
    let workshop = try WorkshopOption.load(workshopPath, environment)
    let catalog = try ContextOption.catalog(contextPath, environment, workshop: workshop)
    var files: [BallotFile] = []
    for path in ballotPaths {
      let bytes = try environment.read(path, what: "ballot", limit: Ballot.maxFileSize)
      do {
        files.append(
          try BallotFile.parse(
            csv: bytes, source: path == "-" ? "<stdin>" : path, layout: ballotLayout, language: environment.language))
      } catch {
        throw .failure(error.locatedMessage, .dataError)
      }
    }
    var warnings: [Diagnostic] = []
    if !files.isEmpty {
      let found = BallotChecks.diagnostics(
        files, catalog: catalog, allowDuplicateParticipants: allowDuplicateParticipants,
        language: environment.language)
      let errors = found.filter { $0.severity == .error }
      if !errors.isEmpty {
        let lines = errors.prefix(10).map { "  \($0.locatedMessage) [\($0.rule)]" }
        let more = errors.count > 10 ? ["  " + t("cli.andMore", errors.count - 10)] : []
        throw .failure(([t("cli.ballotsNotCountable")] + lines + more).joined(separator: "\n"), .dataError)
      }
      warnings = found
    }
    let request = try request(
      workshop: workshop, catalog: catalog, ballots: files.flatMap(\.ballots), language: environment.language)
    do {
      var result = try Prioritizer.run(request, catalog: catalog)
      result.findings += warnings
      return (workshop, catalog, result)
    } catch {
      throw .usage(message(error, language: environment.language), spec)
    }
  }
}
