#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// A country's adaptation of the CPMS (`"cpms": "contextualization/1"`): local wording, targets,
/// definitions and indicators for the standards it contextualized, and why.
public struct Contextualization: Sendable, Equatable {
  public struct KeyActionChange: Sendable, Equatable {
    public var id: String
    public var text: String
    /// Set for a local action added beyond the global ones.
    public var addedPhase: Phase?
  }

  public struct IndicatorChange: Sendable, Equatable {
    public var id: String
    public var text: String?
    public var target: Target?
    public var details: LocalIndicatorDetails
    public var note: String?
    /// The id in the official CPMS table of indicators, `standard.section.n`.
    public var officialId: String?
    public var officialText: String?
  }

  public struct StandardEntry: Sendable, Equatable {
    public var number: Int
    public var title: String?
    public var statement: String?
    public var rationale: String?
    /// The official wording of the standard, from the handbook the group holds.
    public var officialStatement: String?
    public var keyActions: [KeyActionChange]
    public var indicators: [IndicatorChange]
    public var additionalIndicators: [IndicatorChange]
  }

  public static let tag = "contextualization/1"

  public var name: String
  public var language: String?
  public var updated: String?
  public var coordinationGroup: String?
  public var standards: [StandardEntry]

  /// The standards the file contextualizes, ascending: they feed the `contextualized` situation.
  public var standardNumbers: [StandardNumber] { standards.compactMap { StandardNumber($0.number) }.sorted() }

  /// The catalog with this contextualization applied: local wording replaces the global summary and
  /// every changed item is marked, so outputs can say what is local.
  public func apply(to catalog: Catalog) -> Catalog {
    var result = catalog
    result.contextName = name
    for entry in standards {
      guard var standard = result.standard(entry.number) else { continue }
      standard.contextualization = StandardContextualization(
        contextName: name, rationale: entry.rationale,
        globalTitle: entry.title == nil ? nil : standard.title,
        globalStatement: entry.statement == nil ? nil : standard.statement, officialStatement: entry.officialStatement)
      if let title = entry.title { standard.title = title }
      if let statement = entry.statement { standard.statement = statement }
      for change in entry.keyActions {
        if let phase = change.addedPhase {
          standard.keyActions.append(KeyAction(id: change.id, phase: phase, text: change.text, contextualized: true))
        } else if let index = standard.keyActions.firstIndex(where: { $0.id == change.id }) {
          standard.keyActions[index].text = change.text
          standard.keyActions[index].contextualized = true
        }
      }
      standard.keyActions.sort {
        Contextualization.idOrder($0.id).lexicographicallyPrecedes(Contextualization.idOrder($1.id))
      }
      for change in entry.indicators {
        guard let index = standard.indicators.firstIndex(where: { $0.id == change.id }) else { continue }
        if let text = change.text { standard.indicators[index].text = text }
        if let target = change.target { standard.indicators[index].target = target }
        if let note = change.note { standard.indicators[index].note = note }
        if let official = change.officialId { standard.indicators[index].officialId = official }
        if let official = change.officialText { standard.indicators[index].officialText = official }
        standard.indicators[index].local = change.details
      }
      for change in entry.additionalIndicators {
        var details = change.details
        details.additional = true
        standard.indicators.append(
          Indicator(
            id: change.id, text: change.text ?? "", target: change.target ?? .setInContext,
            note: change.note ?? "Local indicator added by \(name).", officialId: change.officialId,
            officialText: change.officialText, local: details))
      }
      result.replaceStandard(standard)
    }
    return result
  }

  /// Sorts ids like 18.2.10 after 18.2.9.
  /// Reads the digits directly: the validator calls this for every action id it compares, and
  /// splitting into substrings and converting each cost more than the rest of the check.
  static func idOrder(_ id: String) -> [Int] {
    var parts: [Int] = []
    var value: Int? = 0  // nil once the piece is not a plain number
    var length = 0
    func endPiece() {
      if length > 0 { parts.append(value ?? Int.max) }
      (value, length) = (0, 0)
    }
    for byte in id.utf8 {
      if byte == UInt8(ascii: ".") {
        endPiece()
        continue
      }
      length += 1
      if let current = value, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
        let (times, overflow) = current.multipliedReportingOverflow(by: 10)
        let (sum, carry) = times.addingReportingOverflow(Int(byte - UInt8(ascii: "0")))
        value = overflow || carry ? nil : sum
      } else {
        value = nil
      }
    }
    endPiece()
    return parts
  }
}

/// Checks a contextualization file and builds the model when it is valid.
struct ContextualizationChecker {
  let catalog: Catalog
  var checker = Checker()

  static let topKeys = ["cpms", "context", "standards"]
  static let contextKeys = ["name", "language", "updated", "coordinationGroup"]
  static let standardKeys = [
    "number", "title", "statement", "officialStatement", "rationale", "keyActions", "indicators",
    "additionalIndicators",
  ]
  static let keyActionKeys = ["id", "text", "phase", "added"]
  static let indicatorKeys = [
    "id", "text", "target", "definition", "method", "frequency", "dataSource", "disaggregation", "note", "officialId",
    "officialText",
  ]
  /// Official ids the file gives, with the indicator that carries each and where, to find repeats.
  var officialIds: [String: (indicator: String, location: SourceLocation)] = [:]

  mutating func check(_ root: SourceJSON) -> Contextualization? {
    guard let top = checker.object(root, "the file", known: Self.topKeys, required: Self.topKeys) else { return nil }
    var name: String?
    var language: String?
    var updated: String?
    var group: String?
    if let context = top["context"],
      let members = checker.object(context, "\"context\"", known: Self.contextKeys, required: ["name"])
    {
      name = checker.string(members["name"], "The context name")
      language = checker.string(members["language"], "The language")
      if let language, let node = members["language"], !LanguageTag.isValid(language) {
        checker.error(
          "language-tag",
          "'\(Excerpt.of(language))' is not a BCP 47 language tag; write for example \"en\", \"fr\", \"es-CO\" or \"ar\".",
          at: node.location)
      }
      updated = checker.date(members["updated"], "The update date")
      group = checker.string(members["coordinationGroup"], "The coordination group")
    }
    var entries: [Contextualization.StandardEntry] = []
    var seen: Set<Int> = []
    if let standards = checker.array(top["standards"], "\"standards\"") {
      if standards.isEmpty, let node = top["standards"] {
        checker.error(
          "empty-standards", "\"standards\" is empty; list at least one contextualized standard.", at: node.location)
      }
      for element in standards {
        guard let entry = checkStandard(element) else { continue }
        if !seen.insert(entry.number).inserted {
          checker.error(
            "repeated-standard", "Standard \(entry.number) appears twice in \"standards\"; merge the two entries.",
            at: element.location)
          continue
        }
        entries.append(entry)
      }
    }
    checkOfficialIdsAgainstCatalog(entries)
    guard !checker.hasErrors, let name else { return nil }
    return Contextualization(
      name: name, language: language, updated: updated, coordinationGroup: group,
      standards: entries.sorted { $0.number < $1.number })
  }

  mutating func checkStandard(_ node: SourceJSON) -> Contextualization.StandardEntry? {
    guard let members = checker.object(node, "a standard entry", known: Self.standardKeys, required: ["number"]),
      let number = checker.standardNumber(members["number"], "\"number\"")
    else { return nil }
    let standard = catalog.standard(number)
    var entry = Contextualization.StandardEntry(
      number: number.value, title: checker.string(members["title"], "The title"),
      statement: checker.string(members["statement"], "The statement"),
      rationale: checker.string(members["rationale"], "The rationale"),
      officialStatement: checker.string(members["officialStatement"], "The official statement"), keyActions: [],
      indicators: [],
      additionalIndicators: [])
    var actionIDs: Set<String> = []
    for element in checker.array(members["keyActions"], "\"keyActions\"") ?? [] {
      if let change = checkKeyAction(element, standard: standard) {
        if !actionIDs.insert(change.id).inserted {
          checker.error("repeated-id", "Key action \(change.id) is listed twice; keep one entry.", at: element.location)
        } else {
          entry.keyActions.append(change)
        }
      }
    }
    let indicators = checker.array(members["indicators"], "\"indicators\"") ?? []
    var indicatorIDs: Set<String> = []
    for (index, element) in indicators.enumerated() {
      if index == 4 {
        checker.error(
          "too-many-indicators",
          "Standard \(number) lists more than 4 core indicators; the CPMS has at most 4 per standard. "
            + "Put local ones under \"additionalIndicators\".", at: element.location)
      }
      guard let change = checkIndicator(element, standard: standard, additional: false) else { continue }
      if !indicatorIDs.insert(change.id).inserted {
        checker.error("repeated-id", "Indicator \(change.id) is listed twice; keep one entry.", at: element.location)
      } else {
        entry.indicators.append(change)
      }
    }
    for element in checker.array(members["additionalIndicators"], "\"additionalIndicators\"") ?? [] {
      guard let change = checkIndicator(element, standard: standard, additional: true) else { continue }
      if !indicatorIDs.insert(change.id).inserted {
        checker.error("repeated-id", "Indicator \(change.id) is listed twice; keep one entry.", at: element.location)
      } else {
        entry.additionalIndicators.append(change)
      }
    }
    return entry
  }

  mutating func checkKeyAction(_ node: SourceJSON, standard: Standard) -> Contextualization.KeyActionChange? {
    guard let members = checker.object(node, "a key action", known: Self.keyActionKeys, required: ["id", "text"]),
      let idNode = members["id"], let id = checker.string(idNode, "The key action id")
    else { return nil }
    let text = checker.string(members["text"], "The key action text")
    let added = checker.bool(members["added"], "\"added\"") ?? false
    let parts = id.split(separator: ".", omittingEmptySubsequences: false).map { Int($0) }
    guard parts.count == 3, parts.allSatisfy({ $0 != nil && $0! > 0 }) else {
      checker.error(
        "id-format",
        "Key action id '\(Excerpt.of(id))' must be written standard.section.item, for example \(standard.number).1.1.",
        at: idNode.location)
      return nil
    }
    guard parts[0] == standard.number else {
      checker.error(
        "id-belongs-to-standard",
        "Key action \(Excerpt.of(id)) belongs to standard \(parts[0]!), not to standard \(standard.number); move it to that "
          + "standard's entry or fix the id.", at: idNode.location)
      return nil
    }
    let exists = standard.keyActions.contains { $0.id == id }
    var addedPhase: Phase?
    if added {
      if exists {
        checker.error(
          "added-id-exists",
          "Key action \(id) already exists in the CPMS; to change its wording remove \"added\", or give the "
            + "new action an unused id.", at: idNode.location)
      }
      guard let phaseNode = members["phase"] else {
        checker.error(
          "required-key", "An added key action needs a \"phase\": preparedness, prevention or response.",
          at: node.location)
        return nil
      }
      guard let phaseText = checker.string(phaseNode, "The phase"), let phase = Phase(rawValue: phaseText) else {
        if let text = phaseNode.stringValue {
          checker.error(
            "phase", "'\(Excerpt.of(text))' is not a phase; use preparedness, prevention or response.",
            at: phaseNode.location)
        }
        return nil
      }
      if let sectionPhase = standard.keyActions.first(where: { Contextualization.idOrder($0.id)[1] == parts[1]! })?
        .phase,
        sectionPhase != phase
      {
        checker.error(
          "phase",
          "Section \(standard.number).\(parts[1]!) holds \(sectionPhase.rawValue) actions, not \(phase.rawValue).",
          at: phaseNode.location)
      } else if standard.pillar == 4 && phase != .response {
        checker.error(
          "phase", "Pillar 4 key actions all count as response actions; use \"response\".", at: phaseNode.location)
      }
      addedPhase = phase
    } else {
      if !exists {
        checker.error(
          "unknown-key-action",
          "Standard \(standard.number) has no key action \(id) (see 'cpms show \(standard.number)'); fix the id, or "
            + "add \"added\": true and a \"phase\" for a local action.", at: idNode.location)
      }
      if let phaseNode = members["phase"] {
        checker.error(
          "phase", "\"phase\" is only for added key actions; an existing action keeps its phase.",
          at: phaseNode.location)
      }
    }
    guard let text else { return nil }
    return Contextualization.KeyActionChange(id: id, text: text, addedPhase: addedPhase)
  }

  mutating func checkIndicator(_ node: SourceJSON, standard: Standard, additional: Bool)
    -> Contextualization.IndicatorChange?
  {
    let what = additional ? "an additional indicator" : "an indicator"
    let required = additional ? ["id", "text", "target"] : ["id"]
    guard let members = checker.object(node, what, known: Self.indicatorKeys, required: required),
      let idNode = members["id"], let id = checker.string(idNode, "The indicator id")
    else { return nil }
    if additional {
      let pattern = "\(standard.number).L"
      if !id.hasPrefix(pattern) || Int(id.dropFirst(pattern.count)).map({ $0 < 1 }) ?? true {
        checker.error(
          "id-format",
          "Additional indicator id '\(Excerpt.of(id))' must be written \(standard.number).L1, \(standard.number).L2, … "
            + "(L for local), so it never clashes with a core indicator.", at: idNode.location)
      }
    } else {
      let parts = id.split(separator: ".", omittingEmptySubsequences: false)
      if parts.count != 2 || Int(parts[1]) == nil || Int(parts[0]) == nil {
        checker.error(
          "id-format", "Indicator id '\(Excerpt.of(id))' must be written standard.n, for example \(standard.number).1.",
          at: idNode.location)
      } else if Int(parts[0]) != standard.number {
        checker.error(
          "id-belongs-to-standard",
          "Indicator \(Excerpt.of(id)) belongs to standard \(Excerpt.of(parts[0])), not to standard \(standard.number).",
          at: idNode.location)
      } else if !standard.indicators.contains(where: { $0.id == id }) {
        let known = standard.indicators.map(\.id).joined(separator: ", ")
        checker.error(
          "unknown-indicator",
          "Standard \(standard.number) has no core indicator \(Excerpt.of(id)); its core indicators are \(known). "
            + "Put local indicators under \"additionalIndicators\".", at: idNode.location)
      }
    }
    var target: Target?
    if let targetNode = members["target"] {
      target = checkTarget(targetNode)
    }
    var disaggregation: [String]?
    if let elements = checker.array(members["disaggregation"], "\"disaggregation\"") {
      disaggregation = elements.compactMap { checker.string($0, "Each disaggregation") }
    }
    let details = LocalIndicatorDetails(
      definition: checker.string(members["definition"], "The definition"),
      method: checker.string(members["method"], "The method"),
      frequency: checker.string(members["frequency"], "The frequency"),
      dataSource: checker.string(members["dataSource"], "The data source"), disaggregation: disaggregation)
    var officialId: String?
    if let node = members["officialId"], let official = checker.string(node, "The official id") {
      officialId = checkOfficialId(official, of: id, standard: standard, at: node.location)
    }
    return Contextualization.IndicatorChange(
      id: id, text: checker.string(members["text"], "The indicator text"), target: target, details: details,
      note: checker.string(members["note"], "The note"), officialId: officialId,
      officialText: checker.string(members["officialText"], "The official text"))
  }

  /// An official id is `standard.section.n`, belongs to its standard and names one indicator only.
  mutating func checkOfficialId(
    _ official: String, of indicator: String, standard: Standard, at location: SourceLocation
  )
    -> String?
  {
    if let problem = CatalogIntegrity.officialIdProblem(official, standard: standard.number) {
      let belongs = problem.contains("belongs to")
      checker.error(
        belongs ? "official-id-belongs-to-standard" : "official-id-format",
        belongs
          ? "Official id \(Excerpt.of(official)) belongs to another standard, not to standard \(standard.number): "
            + "official ids start with the number of their standard, for example \(standard.number).2.1."
          : "Official id '\(Excerpt.of(official))' must be written standard.section.n as in the CPMS table of "
            + "indicators, for example \(standard.number).2.1.", at: location)
      return nil
    }
    if let earlier = officialIds[official] {
      checker.error(
        "repeated-official-id",
        "Official id \(official) is already given to indicator \(earlier.indicator) (line \(earlier.location.line)); "
          + "each official id names one indicator.", at: location)
      return nil
    }
    officialIds[official] = (indicator, location)
    return official
  }

  /// An official id the file gives must not be one that cpms's data already gives to an indicator the
  /// file leaves alone.
  mutating func checkOfficialIdsAgainstCatalog(_ entries: [Contextualization.StandardEntry]) {
    var changed: Set<String> = []
    for entry in entries {
      for change in entry.indicators + entry.additionalIndicators where change.officialId != nil {
        changed.insert(change.id)
      }
    }
    for (official, given) in officialIds.sorted(by: { $0.key < $1.key }) {
      let number = Int(official.prefix { $0 != "." }) ?? 0
      guard let standard = catalog.standard(number) else { continue }
      for indicator in standard.indicators + (standard.additionalMeasures ?? [])
      where indicator.officialId == official && indicator.id != given.indicator && !changed.contains(indicator.id) {
        checker.error(
          "repeated-official-id",
          "Official id \(official) already belongs to indicator \(indicator.id) in cpms's data; give \(indicator.id) "
            + "its own official id in this file too, or fix this one.", at: given.location)
      }
    }
  }

  /// The largest number target: real counts are far below it, and every whole number up to it prints
  /// exactly (a target of 1e300 or 400 digits would not fit the integer it is printed as).
  static let maxTargetNumber = 1e15

  mutating func checkTarget(_ node: SourceJSON) -> Target? {
    let message =
      "must be a percentage from 0 to 100 (\"80%\"), \"yes\", \"no\", a number (25) or \"set in context\""
    let range = "a number target must be from 0 to 1000000000000000"
    if case .number(let raw) = node.value {
      guard raw.utf8.count <= 40, let value = node.doubleValue, value >= 0, value <= Self.maxTargetNumber else {
        checker.error(
          "target", "The target \(Excerpt.of(raw, limit: 40)) is out of range: \(range).", at: node.location)
        return nil
      }
      return .number(value)
    }
    guard let text = node.stringValue else {
      checker.error("target", "The target \(message); found \(node.kindName).", at: node.location)
      return nil
    }
    guard let target = Target(parsing: text) else {
      checker.error("target", "The target '\(Excerpt.of(text))' \(message).", at: node.location)
      return nil
    }
    if case .number(let value) = target, value > Self.maxTargetNumber {
      checker.error("target", "The target '\(Excerpt.of(text))' is out of range: \(range).", at: node.location)
      return nil
    }
    return target
  }
}

/// BCP 47 language tags as editors and translation teams write them (language, script, region, variants).
public enum LanguageTag {
  public static func isValid(_ tag: String) -> Bool {
    let parts = tag.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
    // Primary language subtags in use are 2 or 3 letters (ISO 639); longer ones ("english") are a
    // common mistake, not a real tag.
    guard let language = parts.first, (2...3).contains(language.count),
      language.allSatisfy({ $0.isASCII && $0.isLetter })
    else { return false }
    var index = 1
    if index < parts.count, parts[index].count == 4, parts[index].allSatisfy({ $0.isASCII && $0.isLetter }) {
      index += 1
    }
    if index < parts.count,
      (parts[index].count == 2 && parts[index].allSatisfy({ $0.isASCII && $0.isLetter }))
        || (parts[index].count == 3 && parts[index].allSatisfy({ $0.isASCII && $0.isNumber }))
    {
      index += 1
    }
    while index < parts.count {
      let part = parts[index]
      let alphanumeric = part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
      let variant = (5...8).contains(part.count) || (part.count == 4 && part.first!.isNumber)
      guard alphanumeric, variant else { return false }
      index += 1
    }
    return true
  }
}
