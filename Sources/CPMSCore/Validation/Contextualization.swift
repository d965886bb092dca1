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
            note: change.note ?? result.interface("validate.localIndicatorNote", name), officialId: change.officialId,
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
  var checker: Checker

  init(catalog: Catalog, language: Language = .en) {
    self.catalog = catalog
    checker = Checker(language: language)
    t = Interface(language)
  }

  /// The words of the findings, in the checker's language.
  let t: Interface

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
    guard let top = checker.object(root, t("validate.what.theFile"), known: Self.topKeys, required: Self.topKeys)
    else { return nil }
    var name: String?
    var language: String?
    var updated: String?
    var group: String?
    if let context = top["context"],
      let members = checker.object(context, "\"context\"", known: Self.contextKeys, required: ["name"])
    {
      name = checker.string(members["name"], t("validate.what.contextName"))
      language = checker.string(members["language"], t("validate.what.language"))
      if let language, let node = members["language"], !LanguageTag.isValid(language) {
        checker.error("language-tag", t("validate.languageTag", Excerpt.of(language)), at: node.location)
      }
      updated = checker.date(members["updated"], t("validate.what.updateDate"))
      group = checker.string(members["coordinationGroup"], t("validate.what.coordinationGroup"))
    }
    var entries: [Contextualization.StandardEntry] = []
    var seen: Set<Int> = []
    if let standards = checker.array(top["standards"], "\"standards\"") {
      if standards.isEmpty, let node = top["standards"] {
        checker.error("empty-standards", t("validate.emptyStandards"), at: node.location)
      }
      for element in standards {
        guard let entry = checkStandard(element) else { continue }
        if !seen.insert(entry.number).inserted {
          checker.error("repeated-standard", t("validate.standardEntryTwice", entry.number), at: element.location)
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
    guard
      let members = checker.object(
        node, t("validate.what.standardEntry"), known: Self.standardKeys, required: ["number"]),
      let number = checker.standardNumber(members["number"], "\"number\"")
    else { return nil }
    let standard = catalog.standard(number)
    var entry = Contextualization.StandardEntry(
      number: number.value, title: checker.string(members["title"], t("validate.what.title")),
      statement: checker.string(members["statement"], t("validate.what.statement")),
      rationale: checker.string(members["rationale"], t("validate.what.rationale")),
      officialStatement: checker.string(members["officialStatement"], t("validate.what.officialStatement")),
      keyActions: [],
      indicators: [],
      additionalIndicators: [])
    var actionIDs: Set<String> = []
    for element in checker.array(members["keyActions"], "\"keyActions\"") ?? [] {
      if let change = checkKeyAction(element, standard: standard) {
        if !actionIDs.insert(change.id).inserted {
          checker.error("repeated-id", t("validate.keyActionTwice", change.id), at: element.location)
        } else {
          entry.keyActions.append(change)
        }
      }
    }
    let indicators = checker.array(members["indicators"], "\"indicators\"") ?? []
    var indicatorIDs: Set<String> = []
    for (index, element) in indicators.enumerated() {
      if index == 4 {
        checker.error("too-many-indicators", t("validate.tooManyIndicators", number), at: element.location)
      }
      guard let change = checkIndicator(element, standard: standard, additional: false) else { continue }
      if !indicatorIDs.insert(change.id).inserted {
        checker.error("repeated-id", t("validate.indicatorTwice", change.id), at: element.location)
      } else {
        entry.indicators.append(change)
      }
    }
    for element in checker.array(members["additionalIndicators"], "\"additionalIndicators\"") ?? [] {
      guard let change = checkIndicator(element, standard: standard, additional: true) else { continue }
      if !indicatorIDs.insert(change.id).inserted {
        checker.error("repeated-id", t("validate.indicatorTwice", change.id), at: element.location)
      } else {
        entry.additionalIndicators.append(change)
      }
    }
    return entry
  }

  mutating func checkKeyAction(_ node: SourceJSON, standard: Standard) -> Contextualization.KeyActionChange? {
    guard
      let members = checker.object(
        node, t("validate.what.keyAction"), known: Self.keyActionKeys, required: ["id", "text"]),
      let idNode = members["id"], let id = checker.string(idNode, t("validate.what.keyActionId"))
    else { return nil }
    let text = checker.string(members["text"], t("validate.what.keyActionText"))
    let added = checker.bool(members["added"], "\"added\"") ?? false
    guard let parts = FileGrammar.idNumbers(id, count: 3) else {
      checker.error("id-format", t("validate.keyActionIdFormat", Excerpt.of(id), standard.number), at: idNode.location)
      return nil
    }
    guard parts[0] == standard.number else {
      checker.error(
        "id-belongs-to-standard",
        t("validate.keyActionOtherStandard", Excerpt.of(id), Excerpt.of(id.prefix { $0 != "." }), standard.number),
        at: idNode.location)
      return nil
    }
    let exists = standard.keyActions.contains { $0.id == id }
    var addedPhase: Phase?
    if added {
      if exists {
        checker.error("added-id-exists", t("validate.addedIdExists", id), at: idNode.location)
      }
      guard let phaseNode = members["phase"] else {
        checker.error("required-key", t("validate.addedNeedsPhase"), at: node.location)
        return nil
      }
      guard let phaseText = checker.string(phaseNode, t("validate.what.phase")), let phase = Phase(rawValue: phaseText)
      else {
        if let text = phaseNode.stringValue {
          checker.error("phase", t("validate.notPhase", Excerpt.of(text)), at: phaseNode.location)
        }
        return nil
      }
      if let sectionPhase = standard.keyActions.first(where: { Contextualization.idOrder($0.id)[1] == parts[1] })?
        .phase,
        sectionPhase != phase
      {
        checker.error(
          "section-phase",
          t(
            "validate.sectionPhase", "\(standard.number).\(parts[1])", t("validate.phase.\(sectionPhase.rawValue)"),
            t("validate.phase.\(phase.rawValue)")),
          at: phaseNode.location)
      } else if standard.pillar == 4 && phase != .response {
        checker.error("section-phase", t("validate.pillar4Response"), at: phaseNode.location)
      }
      addedPhase = phase
    } else {
      if !exists {
        checker.error("unknown-key-action", t("validate.unknownKeyAction", standard.number, id), at: idNode.location)
      }
      if let phaseNode = members["phase"] {
        checker.error("phase", t("validate.phaseOnlyForAdded"), at: phaseNode.location)
      }
    }
    guard let text else { return nil }
    return Contextualization.KeyActionChange(id: id, text: text, addedPhase: addedPhase)
  }

  mutating func checkIndicator(_ node: SourceJSON, standard: Standard, additional: Bool)
    -> Contextualization.IndicatorChange?
  {
    let what = t(additional ? "validate.what.additionalIndicator" : "validate.what.indicator")
    let required = additional ? ["id", "text", "target"] : ["id"]
    guard let members = checker.object(node, what, known: Self.indicatorKeys, required: required),
      let idNode = members["id"], let id = checker.string(idNode, t("validate.what.indicatorId"))
    else { return nil }
    if additional {
      if let (owner, _) = FileGrammar.localIndicatorID(id) {
        if owner != standard.number {
          checker.error(
            "id-belongs-to-standard",
            t("validate.additionalOtherStandard", Excerpt.of(id), Excerpt.of(id.prefix { $0 != "." }), standard.number),
            at: idNode.location)
        }
      } else {
        checker.error(
          "id-format", t("validate.additionalIdFormat", Excerpt.of(id), standard.number), at: idNode.location)
      }
    } else {
      if let parts = FileGrammar.idNumbers(id, count: 2) {
        if parts[0] != standard.number {
          checker.error(
            "id-belongs-to-standard",
            t("validate.indicatorOtherStandard", Excerpt.of(id), Excerpt.of(id.prefix { $0 != "." }), standard.number),
            at: idNode.location)
        } else if !standard.indicators.contains(where: { $0.id == id }) {
          let known = standard.indicators.map(\.id).joined(separator: ", ")
          checker.error(
            "unknown-indicator", t("validate.unknownIndicator", standard.number, Excerpt.of(id), known),
            at: idNode.location)
        }
      } else {
        checker.error(
          "id-format", t("validate.indicatorIdFormat", Excerpt.of(id), standard.number), at: idNode.location)
      }
    }
    var target: Target?
    if let targetNode = members["target"] {
      target = checkTarget(targetNode)
    }
    var disaggregation: [String]?
    if let elements = checker.array(members["disaggregation"], "\"disaggregation\"") {
      var seen: Set<String> = []
      disaggregation = elements.compactMap { element in
        guard let text = checker.string(element, t("validate.what.eachDisaggregation")) else { return nil }
        // Compared as written, as the schema's uniqueItems does ("a\r\nb" and "a\nb" differ there).
        if !seen.insert(element.stringValue ?? text).inserted {
          checker.error("repeated-value", t("validate.disaggregationTwice", Excerpt.of(text)), at: element.location)
          return nil
        }
        return text
      }
    }
    let details = LocalIndicatorDetails(
      definition: checker.string(members["definition"], t("validate.what.definition")),
      method: checker.string(members["method"], t("validate.what.method")),
      frequency: checker.string(members["frequency"], t("validate.what.frequency")),
      dataSource: checker.string(members["dataSource"], t("validate.what.dataSource")), disaggregation: disaggregation)
    var officialId: String?
    if let node = members["officialId"], let official = checker.string(node, t("validate.what.officialId")) {
      officialId = checkOfficialId(official, of: id, standard: standard, at: node.location)
    }
    return Contextualization.IndicatorChange(
      id: id, text: checker.string(members["text"], t("validate.what.indicatorText")), target: target,
      details: details, note: checker.string(members["note"], t("validate.what.note")), officialId: officialId,
      officialText: checker.string(members["officialText"], t("validate.what.officialText")))
  }

  /// An official id is `standard.section.n`, belongs to its standard and names one indicator only.
  mutating func checkOfficialId(
    _ official: String, of indicator: String, standard: Standard, at location: SourceLocation
  )
    -> String?
  {
    // The exact grammar (no sign, no leading zero, any length), as the schema's pattern says it.
    let numbers = FileGrammar.idNumbers(official, count: 3)
    if numbers == nil || numbers?[0] != standard.number {
      let belongs = numbers != nil
      checker.error(
        belongs ? "official-id-belongs-to-standard" : "official-id-format",
        belongs
          ? t("validate.officialIdOtherStandard", Excerpt.of(official), standard.number)
          : t("validate.officialIdFormat", Excerpt.of(official), standard.number), at: location)
      return nil
    }
    if let earlier = officialIds[official] {
      checker.error(
        "repeated-official-id", t("validate.officialIdTwice", official, earlier.indicator, earlier.location.line),
        at: location)
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
          "repeated-official-id", t("validate.officialIdInData", official, indicator.id), at: given.location)
      }
    }
  }

  /// The largest number target: real counts are far below it, and every whole number up to it prints
  /// exactly (a target of 1e300 or 400 digits would not fit the integer it is printed as).
  static let maxTargetNumber = 1e15

  mutating func checkTarget(_ node: SourceJSON) -> Target? {
    if case .number(let raw) = node.value {
      guard let value = node.doubleValue, value >= 0, value <= Self.maxTargetNumber else {
        checker.error("target", t("validate.targetOutOfRange", Excerpt.of(raw, limit: 40)), at: node.location)
        return nil
      }
      return .number(value)
    }
    guard let text = node.stringValue else {
      checker.error("target", t("validate.targetType", Checker.kind(node, t)), at: node.location)
      return nil
    }
    guard let target = Target(parsing: text) else {
      checker.error("target", t("validate.targetText", Excerpt.of(text)), at: node.location)
      return nil
    }
    if case .number = target, Target.isAbove(Target.trimmed(text), powerOfTenDigits: 16) {
      checker.error("target", t("validate.targetOutOfRange", "'\(Excerpt.of(text))'"), at: node.location)
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
