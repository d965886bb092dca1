#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

struct WorkshopChecker {
  let catalog: Catalog
  let path: String
  let readFile: FileReader
  var checker = Checker()

  static let keys = [
    "cpms", "contextName", "date", "situation", "select", "contextualized", "planStandards", "exceptions",
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
    guard let top = checker.object(root, "the file", known: Self.keys, required: ["cpms", "situation"]) else {
      return nil
    }
    let contextName = checker.string(top["contextName"], "The context name")
    let date = checker.date(top["date"], "The date")
    var situation: Situation?
    if let node = top["situation"], let text = checker.string(node, "The situation") {
      situation = Situation(rawValue: text)
      if situation == nil {
        checker.error(
          "situation", "'\(Excerpt.of(text))' is not a situation; use \"plan\", \"contextualized\" or \"none\".",
          at: node.location)
      }
    }
    var request = PrioritizationRequest(situation: situation ?? .none)
    request.selection = checker.standardList(top["select"], "\"select\"")
    request.planStandards = checker.standardList(top["planStandards"], "\"planStandards\"") ?? []
    if let node = top["size"] {
      // The range is the request's rule, reported with the others by `checkRules`.
      if let size = node.intValue {
        request.size = size
      } else {
        checker.error(
          "size", "\"size\" must be a whole number from 4 to 10, found \(node.shownKind).", at: node.location)
      }
    }
    var contextualization: Contextualization?
    var contextPath: String?
    if let node = top["context"], let relative = checker.string(node, "The context file") {
      contextPath = resolve(relative)
      contextualization = loadContext(resolve(relative), written: relative, at: node.location)
    }
    request.contextualized =
      checker.standardList(top["contextualized"], "\"contextualized\"") ?? contextualization?.standardNumbers ?? []
    for element in checker.array(top["exceptions"], "\"exceptions\"") ?? [] {
      guard
        let members = checker.object(
          element, "an exception", known: ["standard", "reason"], required: ["standard", "reason"]),
        let number = checker.standardNumber(members["standard"], "\"standard\""),
        let reasonNode = members["reason"], let text = checker.string(reasonNode, "The reason")
      else { continue }
      guard let reason = ExceptionReason(parsing: text) else {
        checker.error(
          "exception-reason",
          "'\(Excerpt.of(text))' is not a reason; use \"no-consensus\" or \"principle-P\" with P from 1 to 10.",
          at: reasonNode.location)
        continue
      }
      request.exceptions.append(PrioritizationException(standard: number, reason: reason))
    }
    var ballotFiles: [(file: BallotFile, location: SourceLocation)] = []
    for element in checker.array(top["ballots"], "\"ballots\"") ?? [] {
      guard let relative = checker.string(element, "A ballot path") else { continue }
      let resolved = resolve(relative)
      guard
        let bytes = read(resolved, written: relative, what: "ballot", limit: Ballot.maxFileSize, at: element.location)
      else { continue }
      do {
        ballotFiles.append((try BallotFile.parse(csv: bytes, source: resolved), element.location))
      } catch {
        checker.error(error.rule, "Ballot \(error.locatedMessage)", at: element.location)
      }
    }
    // The same checks as ballots named on the command line, reported at the path that names the file.
    if !ballotFiles.isEmpty {
      for finding in BallotChecks.diagnostics(ballotFiles.map(\.file), catalog: catalog) {
        let location =
          ballotFiles.first { $0.file.source == finding.location?.file }?.location ?? ballotFiles[0].location
        let message = "Ballot \(finding.locatedMessage)"
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
      contextName: contextName, date: date, request: request, contextPath: contextPath,
      contextualization: contextualization)
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
        failure.message(what: what, path: written) + " Paths in a workshop file are relative to its folder.",
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
      bytes, path: resolved, catalog: catalog, readFile: readFile)
    guard let context else {
      let why =
        report.kind == Contextualization.tag ? "\(report.errorCount) error(s)" : "it is not a contextualization file"
      checker.error(
        "context-file",
        "The context file '\(Excerpt.of(resolved, limit: 300))' is not valid (\(why)); run 'cpms validate \(Excerpt.of(resolved, limit: 300))'.",
        at: location)
      return nil
    }
    return context
  }

  /// The prioritization rules, reported at the key they concern and worded in the file's keys.
  mutating func checkRules(_ request: PrioritizationRequest, top: CheckedObject, root: SourceJSON) {
    // A file without a selection or ballots is complete for its part: flags may add them.
    let problems = request.problems.filter { $0 != .nothingToEvaluate }
    for problem in problems {
      checker.error(problem.rule, Self.message(problem), at: top.keyLocation(Self.key(problem.field)) ?? root.location)
    }
    guard problems.isEmpty, request.selection != nil || !request.ballots.isEmpty,
      let result = try? Prioritizer.run(request, catalog: catalog)
    else { return }
    let location = (top["select"] ?? top["ballots"] ?? root).location
    for finding in result.findings {
      let place = finding.standard.flatMap { standard in
        top["contextualized"]?.elements?.first { $0.intValue == standard }?.location
      }
      switch finding.severity {
      case .error: checker.error(finding.rule, finding.message, at: place ?? location)
      case .warning: checker.warning(finding.rule, finding.message, at: place ?? location)
      case .note: break
      }
    }
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
  static func message(_ problem: RequestProblem) -> String {
    switch problem {
    case .repeatedStandard(let field, let number):
      "Standard \(number) is listed twice in \"\(key(field))\"; list each standard once."
    case .sizeOutOfRange(let size):
      "\"size\" is \(size); recommend from 4 to 10 standards."
    case .contextualizedWithoutStandards:
      "The \"contextualized\" situation needs the contextualized standards: add them under \"contextualized\", "
        + "or name a contextualization file under \"context\"."
    case .noneWithContextualizedStandards:
      "The \"none\" situation means no standard was contextualized; set \"situation\" to \"contextualized\" "
        + "(or \"plan\"), or remove \"contextualized\"."
    case .noneWithExceptions:
      "\"exceptions\" apply only to contextualized standards, which the \"none\" situation does not have; "
        + "remove them or change \"situation\"."
    case .planStandardsWithoutPlan:
      "\"planStandards\" applies only when a response plan is in place; set \"situation\" to \"plan\" or remove it."
    case .exceptionForUncontextualized(let number):
      "The exception for standard \(number) names a standard that is not contextualized; exceptions record why a "
        + "contextualized standard is left out."
    case .twoExceptions(let number):
      "Standard \(number) has two entries in \"exceptions\"; record one reason per standard."
    case .nothingToEvaluate:
      "Give the selection under \"select\", or ballots under \"ballots\"."
    }
  }
}
