#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

struct WorkshopChecker {
  let catalog: Catalog
  let path: String
  let readFile: FileReader
  var checker: Checker

  init(catalog: Catalog, path: String, readFile: @escaping FileReader, language: Language = .en) {
    self.catalog = catalog
    self.path = path
    self.readFile = readFile
    checker = Checker(language: language)
    t = Interface(language)
  }

  /// The words of the findings, in the checker's language.
  let t: Interface

  static let keys = [
    "cpms", "language", "contextName", "date", "situation", "select", "contextualized", "planStandards", "exceptions",
    "ballots", "size", "context",
  ]

  /// Paths inside a workshop file are relative to the file's folder.
  func resolve(_ relative: String) -> String {
    if relative.hasPrefix("/") || path == "-" || path == "<stdin>" { return relative }
    guard let slash = path.lastIndex(of: "/") else { return relative }
    let folder = path[..<slash]
    return folder.isEmpty ? "/" + relative : folder + "/" + relative
  }

  mutating func check(_ root: SourceJSON) -> WorkshopFile? {
    guard
      let top = checker.object(root, t("validate.what.theFile"), known: Self.keys, required: ["cpms", "situation"])
    else {
      return nil
    }
    let language = checkLanguage(top["language"])
    let contextName = checker.string(top["contextName"], t("validate.what.contextName"))
    let date = checker.date(top["date"], t("validate.what.date"))
    var situation: Situation?
    if let node = top["situation"], let text = checker.string(node, t("validate.what.situation")) {
      situation = Situation(rawValue: text)
      if situation == nil {
        checker.error("situation", t("validate.notSituation", Excerpt.of(text)), at: node.location)
      }
    }
    var request = PrioritizationRequest(situation: situation ?? .none)
    request.selection = checker.standardList(top["select"], "\"select\"")
    request.planStandards = checker.standardList(top["planStandards"], "\"planStandards\"") ?? []
    if let node = top["size"] {
      // The range is the request's rule, reported with the others by `checkRules`.
      if let size = node.wholeNumber {
        request.size = size
      } else {
        checker.error("size", t("validate.sizeType", Checker.shownKind(node, t)), at: node.location)
      }
    }
    var contextualization: Contextualization?
    var contextPath: String?
    if let node = top["context"], let relative = checker.string(node, t("validate.what.contextFile")) {
      contextPath = resolve(relative)
      contextualization = loadContext(resolve(relative), written: relative, at: node.location)
    }
    request.contextualized =
      checker.standardList(top["contextualized"], "\"contextualized\"") ?? contextualization?.standardNumbers ?? []
    for element in checker.array(top["exceptions"], "\"exceptions\"") ?? [] {
      guard
        let members = checker.object(
          element, t("validate.what.exception"), known: ["standard", "reason"], required: ["standard", "reason"]),
        let number = checker.standardNumber(members["standard"], "\"standard\""),
        let reasonNode = members["reason"], let text = checker.string(reasonNode, t("validate.what.reason"))
      else { continue }
      guard let reason = ExceptionReason(parsing: text) else {
        checker.error("exception-reason", t("validate.notReason", Excerpt.of(text)), at: reasonNode.location)
        continue
      }
      request.exceptions.append(PrioritizationException(standard: number, reason: reason))
    }
    var ballotFiles: [(file: BallotFile, location: SourceLocation)] = []
    for element in checker.array(top["ballots"], "\"ballots\"") ?? [] {
      guard let relative = checker.string(element, t("validate.what.ballotPath")) else { continue }
      let resolved = resolve(relative)
      guard
        let bytes = read(resolved, written: relative, what: "ballot", limit: Ballot.maxFileSize, at: element.location)
      else { continue }
      do {
        ballotFiles.append((try BallotFile.parse(csv: bytes, source: resolved, language: t.language), element.location))
      } catch {
        checker.error(error.rule, t("validate.ballotFinding", error.locatedMessage), at: element.location)
      }
    }
    // The same checks as ballots named on the command line, reported at the path that names the file.
    if !ballotFiles.isEmpty {
      for finding in BallotChecks.diagnostics(ballotFiles.map(\.file), catalog: catalog, language: t.language) {
        let location =
          ballotFiles.first { $0.file.source == finding.location?.file }?.location ?? ballotFiles[0].location
        // A finding about the ballots as a whole (none holds a score) names no file to put after "Ballot".
        let message =
          finding.location?.file == nil ? finding.message : t("validate.ballotFinding", finding.locatedMessage)
        switch finding.severity {
        case .error: checker.error(finding.rule, message, at: location)
        case .warning, .note: checker.warning(finding.rule, message, at: location)
        }
      }
      request.ballots = ballotFiles.flatMap(\.file.ballots)
    }
    guard !checker.hasErrors, situation != nil else { return nil }
    checkRules(request, top: top, root: root)
    return WorkshopFile(
      language: language, contextName: contextName, date: date, request: request, contextPath: contextPath,
      contextualization: contextualization)
  }

  /// The language the file asks outputs to be in: a BCP 47 tag. One cpms does not speak is kept (the
  /// outputs stay in the environment's language) with a warning, since naming it can only have been
  /// meant to change the outputs.
  mutating func checkLanguage(_ node: SourceJSON?) -> String? {
    guard let node, let tag = checker.string(node, t("validate.what.language")) else { return nil }
    guard LanguageTag.isValid(tag) else {
      checker.error("language-tag", t("validate.languageTag", Excerpt.of(tag)), at: node.location)
      return nil
    }
    if Language(locale: tag) == nil {
      let spoken = Language.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
      checker.warning(
        "language-unsupported", t("validate.languageUnsupported", Excerpt.of(tag), spoken), at: node.location)
    }
    return tag
  }

  /// Reads a file the workshop names, through the same reader and with the same message as a file
  /// named on the command line; nil (and a finding) when it cannot be read.
  mutating func read(_ resolved: String, written: String, what: String, limit: Int, at location: SourceLocation)
    -> [UInt8]?
  {
    switch readFile(resolved, limit) {
    case .success(let bytes): return bytes
    case .failure(let failure):
      checker.error(
        InputFailure.rule,
        failure.message(what: what, path: written, language: t.language) + " " + t("validate.relativePaths"),
        at: location)
      return nil
    }
  }

  mutating func loadContext(_ resolved: String, written: String, at location: SourceLocation) -> Contextualization? {
    guard
      let bytes = read(resolved, written: written, what: "context file", limit: FileValidator.maxFileSize, at: location)
    else { return nil }
    // Read strictly as a contextualization file: a workshop file named here (even this one) is refused
    // by its tag before its own files are followed, so workshops cannot recurse into each other.
    let (report, context) = FileValidator.contextualization(
      bytes, path: resolved, catalog: catalog, readFile: readFile, language: t.language)
    guard let context else {
      let why =
        report.kind == Contextualization.tag
        ? t("validate.contextErrors", report.errorCount) : t("validate.notAContextualization")
      checker.error(
        "context-file", t("validate.contextFileInvalid", Excerpt.of(resolved, limit: 300), why), at: location)
      return nil
    }
    return context
  }

  /// The prioritization rules, reported at the key they concern (an exception's problems at that
  /// exception) and worded in the file's keys.
  mutating func checkRules(_ request: PrioritizationRequest, top: CheckedObject, root: SourceJSON) {
    // A file without a selection or ballots is complete for its part: flags may add them.
    let problems = request.problems.filter { $0 != .nothingToEvaluate }
    for problem in problems {
      let message = message(problem)
      checker.error(problem.rule, message, at: location(of: problem, top: top) ?? root.location)
    }
    guard problems.isEmpty, request.selection != nil || !request.ballots.isEmpty,
      let result = try? Prioritizer.run(request, catalog: catalog)
    else { return }
    let selectionKey = top["select"] == nil ? "ballots" : "select"
    let location = top[selectionKey]?.location ?? root.location
    for finding in result.findings {
      var place: SourceLocation?
      var message = finding.message
      if let standard = finding.standard {
        switch finding.rule {
        case Rule.contextualized:
          // In the "contextualized" list, or at "context" when the list comes from the context file.
          place =
            top["contextualized"]?.elements?.first { $0.wholeNumber == standard }?.location
            ?? top.keyLocation("contextualized") ?? top.keyLocation("context")
          if finding.severity == .error {
            message += " " + t("validate.inThisFile", standard, selectionKey)
          }
        case Rule.exception:
          place = top["exceptions"]?.elements?.first { $0["standard"]?.wholeNumber == standard }?.location
        case Rule.plan:
          place = top[selectionKey]?.elements?.first { $0.wholeNumber == standard }?.location
        default: break
        }
      }
      switch finding.severity {
      case .error: checker.error(finding.rule, message, at: place ?? location)
      case .warning: checker.warning(finding.rule, message, at: place ?? location)
      case .note: break
      }
    }
  }

  /// Where a request problem is reported: at the key of the input it concerns (the key itself, since
  /// the problem is that the key is there, or missing beside "situation"), or at the exception.
  func location(of problem: RequestProblem, top: CheckedObject) -> SourceLocation? {
    let exceptions = top["exceptions"]?.elements ?? []
    switch problem {
    case .exceptionForUncontextualized(let number):
      if let node = exceptions.lazy.compactMap({ $0["standard"] }).first(where: { $0.wholeNumber == number.value }) {
        return node.location
      }
    case .twoExceptions(let number):
      if let second = exceptions.filter({ $0["standard"]?.wholeNumber == number.value }).dropFirst().first {
        return second.location
      }
    case .contextualizedWithoutStandards, .noneWithContextualizedStandards:
      // The list may come from the context file, or be missing: then "context", else "situation".
      return top.keyLocation("contextualized") ?? top.keyLocation("context") ?? top.keyLocation("situation")
    default: break
    }
    return top.keyLocation(Self.key(problem.field)) ?? top.keyLocation("situation")
  }

  /// The workshop file's key for a request's input.
  static func key(_ field: RequestField) -> String {
    switch field {
    case .situation: "situation"
    case .selection: "select"
    case .ballots: "ballots"
    case .size: "size"
    case .contextualized: "contextualized"
    case .planStandards: "planStandards"
    case .exceptions: "exceptions"
    }
  }

  /// A request problem in a JSON author's terms: keys and values, never command-line flags.
  func message(_ problem: RequestProblem) -> String {
    switch problem {
    case .repeatedStandard(let field, let number): t("validate.request.repeatedStandard", number, Self.key(field))
    case .sizeOutOfRange(let size): t("validate.request.sizeOutOfRange", size)
    case .contextualizedWithoutStandards: t("validate.request.contextualizedWithoutStandards")
    case .noneWithContextualizedStandards: t("validate.request.noneWithContextualizedStandards")
    case .noneWithExceptions: t("validate.request.noneWithExceptions")
    case .planStandardsWithoutPlan: t("validate.request.planStandardsWithoutPlan")
    case .exceptionForUncontextualized(let number): t("validate.request.exceptionForUncontextualized", number)
    case .twoExceptions(let number): t("validate.request.twoExceptions", number)
    case .nothingToEvaluate: t("validate.request.nothingToEvaluate")
    }
  }
}
