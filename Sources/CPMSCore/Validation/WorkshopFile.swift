#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// A saved workshop (`"cpms": "workshop/1"`): the situation, lists, exceptions, ballots, size, context
/// name and date, so a script can re-run the workshop with `--workshop FILE`.
public struct WorkshopFile: Sendable, Equatable {
  public static let tag = "workshop/1"

  public var contextName: String?
  public var date: String?
  public var request: PrioritizationRequest
  /// The contextualization file named by the workshop, resolved against the workshop's folder.
  public var contextPath: String?
  public var contextualization: Contextualization?
}

/// Reads files for the validator (ballots and contexts named inside a workshop); returns nil when
/// the file cannot be read. The CLI supplies it, so the library does no I/O of its own.
public typealias FileReader = @Sendable (String) -> [UInt8]?

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
      if let size = node.wholeNumber, PrioritizationRequest.sizeRange.contains(size) {
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
      contextualization = loadContext(contextPath!, at: node.location)
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
    for element in checker.array(top["ballots"], "\"ballots\"") ?? [] {
      guard let relative = checker.string(element, "A ballot path") else { continue }
      let resolved = resolve(relative)
      guard let bytes = readFile(resolved) else {
        checker.error(
          "ballot-file",
          "The ballot '\(Excerpt.of(relative, limit: 300))' cannot be read (paths are relative to the workshop file).",
          at: element.location)
        continue
      }
      do {
        request.ballots.append(try Ballot.parse(csv: bytes, source: resolved))
      } catch {
        checker.error("ballot", "Ballot \(error)", at: element.location)
      }
    }
    guard !checker.hasErrors, situation != nil else { return nil }
    checkRules(request, top: top, root: root)
    return WorkshopFile(
      contextName: contextName, date: date, request: request, contextPath: contextPath,
      contextualization: contextualization)
  }

  mutating func loadContext(_ resolved: String, at location: SourceLocation) -> Contextualization? {
    guard let bytes = readFile(resolved) else {
      checker.error(
        "context-file",
        "The context file '\(Excerpt.of(resolved, limit: 300))' cannot be read (paths are relative to the workshop file).",
        at: location)
      return nil
    }
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

  /// What the situation allows, said in the file's keys and reported at the key to change (the
  /// command line refuses the same requests in terms of its flags). Returns whether all hold.
  mutating func checkRequest(_ request: PrioritizationRequest, top: CheckedObject) -> Bool {
    let before = checker.diagnostics.count
    let situation = top.keyLocation("situation")!
    switch request.situation {
    case .contextualized where request.contextualized.isEmpty:
      checker.error(
        "situation-needs-contextualized",
        "The situation \"contextualized\" needs the contextualized standards: list them in \"contextualized\", or "
          + "name the contextualization file in \"context\".", at: top.keyLocation("contextualized") ?? situation)
    case .none where !request.contextualized.isEmpty:
      let key = top["contextualized"] == nil ? "context" : "contextualized"
      checker.error(
        "situation-none-contextualized",
        "The situation \"none\" means no standard was contextualized, but \"\(key)\" names contextualized standards; "
          + "set \"situation\" to \"contextualized\" (or \"plan\"), or remove \"\(key)\".",
        at: top.keyLocation(key) ?? situation)
    default: break
    }
    if request.situation == .none && !request.exceptions.isEmpty, let location = top.keyLocation("exceptions") {
      checker.error(
        "situation-none-exceptions",
        "\"exceptions\" record why a contextualized standard is left out, and the situation \"none\" has none; "
          + "remove \"exceptions\" or change \"situation\".", at: location)
    }
    if request.situation != .plan && !request.planStandards.isEmpty, let location = top.keyLocation("planStandards") {
      checker.error(
        "plan-standards-without-plan",
        "\"planStandards\" applies only when a response plan is in place; set \"situation\" to \"plan\" or remove "
          + "\"planStandards\".", at: location)
    }
    if request.situation != .none {
      var seen: Set<Int> = []
      for element in top["exceptions"]?.elements ?? [] {
        guard let node = element["standard"], let number = node.wholeNumber else { continue }
        if !request.contextualized.contains(number) {
          checker.error(
            "exception-not-contextualized",
            "The exception for standard \(number) names a standard that is not contextualized (see "
              + "\"\(top["contextualized"] == nil ? "context" : "contextualized")\"); exceptions record why a "
              + "contextualized standard is left out.", at: node.location)
        } else if !seen.insert(number).inserted {
          checker.error(
            "repeated-exception", "Standard \(number) has two exceptions; record one reason per standard.",
            at: element.location)
        }
      }
    }
    return checker.diagnostics.count == before
  }

  /// The prioritization rules, reported at the key or list entry they concern, in the file's words.
  mutating func checkRules(_ request: PrioritizationRequest, top: CheckedObject, root: SourceJSON) {
    guard checkRequest(request, top: top) else { return }
    // Without a selection or ballots there is nothing to check beyond the request itself;
    // otherwise `run` checks the request and applies the rules in one pass.
    let result: PrioritizationResult
    do {
      guard request.selection != nil || !request.ballots.isEmpty else {
        try Prioritizer.validate(request)
        return
      }
      result = try Prioritizer.run(request, catalog: catalog)
    } catch {
      // `checkRequest` says all of this in the file's terms; this is a safety net for a rule added later.
      checker.error("prioritization", error.message, at: top.keyLocation("situation") ?? root.location)
      return
    }
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
            let title = catalog.standardTitle(standard) ?? ""
            message =
              "Standard \(standard) (\(title)) is contextualized but not selected; add it to \"\(selectionKey)\", or "
              + "record why in \"exceptions\": { \"standard\": \(standard), \"reason\": \"no-consensus\" } (or "
              + "\"principle-P\", P from 1 to 10)."
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
}

/// Validates any cpms file: the kind comes from its `cpms` tag.
public enum FileValidator {
  /// Real contextualization and workshop files are far smaller; a generated one of 100 MB validates,
  /// and anything over this is refused before parsing so that a disk image passed by mistake costs
  /// nothing. Callers can stop reading one byte past it.
  public static let maxFileSize = 256 * 1024 * 1024
  public static let knownTags = [Contextualization.tag, WorkshopFile.tag]

  public static func validate(_ bytes: [UInt8], path: String, catalog: Catalog, readFile: @escaping FileReader)
    -> ValidationReport
  {
    let (report, _, _) = analyse(bytes, path: path, catalog: catalog, readFile: readFile)
    return report
  }

  /// Validates a contextualization file and returns the model when it is valid.
  public static func contextualization(_ bytes: [UInt8], path: String, catalog: Catalog, readFile: @escaping FileReader)
    -> (ValidationReport, Contextualization?)
  {
    let (report, context, _) = analyse(
      bytes, path: path, catalog: catalog, readFile: readFile, expected: Contextualization.tag)
    return (report, context)
  }

  /// Validates a workshop file and returns the model when it is valid.
  public static func workshop(_ bytes: [UInt8], path: String, catalog: Catalog, readFile: @escaping FileReader)
    -> (ValidationReport, WorkshopFile?)
  {
    let (report, _, workshop) = analyse(
      bytes, path: path, catalog: catalog, readFile: readFile, expected: WorkshopFile.tag)
    return (report, workshop)
  }

  /// The finding for a file of `byteCount` bytes when it is over `limit`, else nil.
  static func sizeFinding(byteCount: Int, limit: Int = maxFileSize) -> Diagnostic? {
    guard byteCount > limit else { return nil }
    let megabytes = limit / 1_048_576
    let shownLimit = megabytes > 0 ? "\(megabytes) MB" : "\(limit) bytes"
    return Diagnostic(
      severity: .error, rule: "file-too-large",
      message: "The file is larger than \(shownLimit), the limit for cpms files (real ones are far smaller). "
        + "Check that this is the right file.", line: 1, column: 1)
  }

  static func analyse(
    _ bytes: [UInt8], path: String, catalog: Catalog, readFile: @escaping FileReader, expected: String? = nil,
    maxFileSize: Int = maxFileSize
  ) -> (ValidationReport, Contextualization?, WorkshopFile?) {
    var (report, context, workshop) = analyseUnsorted(
      bytes, path: path, catalog: catalog, readFile: readFile, expected: expected, maxFileSize: maxFileSize)
    report.diagnostics.sort { ($0.line, $0.column) < ($1.line, $1.column) }
    // The note on findings left out past the limit stays last, after the findings it follows.
    if let index = report.diagnostics.firstIndex(where: { $0.rule == "too-many-findings" }) {
      report.diagnostics.append(report.diagnostics.remove(at: index))
    }
    return (report, context, workshop)
  }

  static func analyseUnsorted(
    _ bytes: [UInt8], path: String, catalog: Catalog, readFile: @escaping FileReader, expected: String?,
    maxFileSize: Int
  ) -> (ValidationReport, Contextualization?, WorkshopFile?) {
    var report = ValidationReport(path: path, kind: nil, diagnostics: [])
    func fail(
      _ rule: String, _ message: String, _ location: SourceLocation = SourceLocation(line: 1, column: 1, offset: 0)
    ) {
      report.diagnostics.append(
        Diagnostic(severity: .error, rule: rule, message: message, line: location.line, column: location.column))
    }
    if let tooLarge = sizeFinding(byteCount: bytes.count, limit: maxFileSize) {
      report.diagnostics.append(tooLarge)
      return (report, nil, nil)
    }
    let root: SourceJSON
    do {
      root = try SourceJSONParser.parse(bytes)
    } catch {
      fail(error.rule, error.message, error.location)
      return (report, nil, nil)
    }
    guard root.members != nil else {
      fail("type", "A cpms file is a JSON object ({ … }) with a \"cpms\" key; found \(root.kindName).", root.location)
      return (report, nil, nil)
    }
    guard let tagNode = root["cpms"] else {
      fail(
        "missing-tag",
        "The file has no \"cpms\" key saying what it is; add \"cpms\": \"contextualization/1\" or \"cpms\": \"workshop/1\".",
        root.location)
      return (report, nil, nil)
    }
    guard let tag = tagNode.stringValue, knownTags.contains(tag) else {
      let shown = tagNode.stringValue.map { "'\(Excerpt.of($0))'" } ?? tagNode.kindName
      let suggestion =
        tagNode.stringValue.flatMap { Checker.closest($0, among: knownTags) }.map { " Did you mean \"\($0)\"?" } ?? ""
      fail(
        "unknown-format",
        "\(shown) is not a cpms file format; use \"contextualization/1\" or \"workshop/1\".\(suggestion)",
        tagNode.location)
      return (report, nil, nil)
    }
    report.kind = tag
    if let expected, tag != expected {
      fail("wrong-kind", "This is a \(tag) file; a \(expected) file is expected here.", tagNode.location)
      return (report, nil, nil)
    }
    if tag == Contextualization.tag {
      var checker = ContextualizationChecker(catalog: catalog)
      let model = checker.check(root)
      report.diagnostics = checker.checker.allDiagnostics
      return (report, report.valid ? model : nil, nil)
    }
    var checker = WorkshopChecker(catalog: catalog, path: path, readFile: readFile)
    let model = checker.check(root)
    report.diagnostics = checker.checker.allDiagnostics
    return (report, nil, report.valid ? model : nil)
  }
}
