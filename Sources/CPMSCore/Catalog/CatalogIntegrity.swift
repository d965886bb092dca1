#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The rules the CPMS data must keep (see Data/README.md). Checked on every load so that a bad
/// edit to Data/ fails the tests instead of showing a coordinator a broken standard.
enum CatalogIntegrity {
  static func problems(in catalog: Catalog) -> [String] {
    var problems: [String] = []
    problems += principleProblems(catalog)
    problems += pillarProblems(catalog)
    let strategyIDs = Set(catalog.inspireStrategies.map(\.id))
    if catalog.inspireStrategies.count != 7 || strategyIDs.count != 7 {
      problems.append("inspire.json: expected 7 strategies with unique ids")
    }
    var seenIDs: Set<String> = []
    for standard in catalog.standards {
      problems += standardProblems(standard, strategyIDs: strategyIDs, seenIDs: &seenIDs)
    }
    for function in catalog.coordinationFunctions {
      for reference in function.references {
        for number in reference.standards where !Catalog.standardNumbers.contains(number) {
          problems.append("coordination-functions.json: \(function.id) names standard \(number)")
        }
        for number in reference.principles where !Catalog.principleNumbers.contains(number) {
          problems.append("coordination-functions.json: \(function.id) names principle \(number)")
        }
        if reference.part == .preparedness {
          for number in reference.standards
          where catalog.standard(number).map({ !$0.keyActions.contains { $0.phase == .preparedness } }) ?? false {
            problems.append(
              "coordination-functions.json: \(function.id) points to the preparedness actions of standard \(number), "
                + "which has none")
          }
        }
      }
    }
    problems += guideProblems(catalog.guide)
    let functionIDs = Set(catalog.coordinationFunctions.map(\.id))
    for example in catalog.guide.exampleDocuments where !functionIDs.contains(example.function) {
      problems.append("guide.json: example document '\(example.document)' names unknown function '\(example.function)'")
    }
    if catalog.guide.promotion.isEmpty || catalog.guide.access.formats.isEmpty
      || catalog.guide.learningMaterials.isEmpty
    {
      problems.append("guide.json: expected ways to promote the CPMS, ways to get it and learning materials")
    }
    return problems
  }

  private static func principleProblems(_ catalog: Catalog) -> [String] {
    var problems: [String] = []
    if catalog.principles.map(\.number) != Array(Catalog.principleNumbers) {
      problems.append("principles.json: expected principles numbered 1 to 10")
    }
    let groups = catalog.principles.map(\.group)
    if groups != Array(repeating: .crc, count: 4) + Array(repeating: .sphere, count: 4)
      + Array(repeating: .childProtection, count: 2)
    {
      problems.append("principles.json: expected 4 CRC, 4 Sphere and 2 child protection principles, in that order")
    }
    return problems
  }

  private static func pillarProblems(_ catalog: Catalog) -> [String] {
    var problems: [String] = []
    if catalog.pillars.map(\.number) != Array(Catalog.pillarNumbers) {
      problems.append("pillars.json: expected pillars numbered 1 to 4")
    }
    if catalog.standards.map(\.number) != Array(Catalog.standardNumbers) {
      problems.append(
        "standards/: expected 28 standards numbered 1 to 28, found \(catalog.standards.map(\.number))")
    }
    var first = 1
    for (index, expected) in Catalog.standardsPerPillar.enumerated() {
      let number = index + 1
      let range = first...(first + expected - 1)
      if let pillar = catalog.pillars.first(where: { $0.number == number }), pillar.standardNumbers != range {
        problems.append("pillars.json: pillar \(number) should hold standards \(range.lowerBound)–\(range.upperBound)")
      }
      let actual = catalog.standards.filter { $0.pillar == number }.map(\.number)
      if actual != Array(range) {
        problems.append("standards/: pillar \(number) should hold standards \(Array(range)), found \(actual)")
      }
      first += expected
    }
    return problems
  }

  private static func standardProblems(
    _ standard: Standard, strategyIDs: Set<String>, seenIDs: inout Set<String>
  ) -> [String] {
    let name = "standard \(standard.number)"
    var problems: [String] = []
    if [standard.notice, standard.title, standard.statement, standard.provenance].contains(where: \.isEmpty) {
      problems.append("\(name): empty notice, title, statement or provenance")
    }
    if !standard.notice.lowercased().contains("summary") {
      problems.append("\(name): the notice must say the text is a summary")
    }
    for number in standard.relatedPrinciples where !Catalog.principleNumbers.contains(number) {
      problems.append("\(name): related principle \(number) does not exist")
    }
    for number in standard.linkedStandards
    where !Catalog.standardNumbers.contains(number) || number == standard.number {
      problems.append("\(name): linked standard \(number) is not another standard")
    }
    for id in standard.inspire.strategies where !strategyIDs.contains(id) {
      problems.append("\(name): unknown INSPIRE strategy '\(id)'")
    }
    problems += keyActionProblems(standard, seenIDs: &seenIDs)
    if !(1...4).contains(standard.indicators.count) {
      problems.append("\(name): has \(standard.indicators.count) core indicators; the handbook allows 1 to 4")
    }
    for (index, indicator) in standard.indicators.enumerated() {
      let expected = "\(standard.number).\(index + 1)"
      if indicator.id != expected {
        problems.append("\(name): indicator '\(indicator.id)' should be numbered \(expected)")
      }
      if !seenIDs.insert("indicator " + indicator.id).inserted {
        problems.append("\(name): indicator id \(indicator.id) is repeated")
      }
      problems += indicatorFieldProblems(indicator, of: standard, seenIDs: &seenIDs)
    }
    for (index, measure) in (standard.additionalMeasures ?? []).enumerated() {
      let expected = "\(standard.number).A\(index + 1)"
      if measure.id != expected {
        problems.append("\(name): additional measure '\(measure.id)' should be numbered \(expected)")
      }
      problems += indicatorFieldProblems(measure, of: standard, seenIDs: &seenIDs)
    }
    for note in standard.guidanceNotes ?? [] where !note.id.hasPrefix("\(standard.number).") {
      problems.append("\(name): guidance note \(note.id) belongs to another standard")
    }
    return problems
  }

  /// The structured fields every indicator and additional measure carries.
  static func indicatorFieldProblems(
    _ indicator: Indicator, of standard: Standard, seenIDs: inout Set<String>
  ) -> [String] {
    let name = "standard \(standard.number): indicator \(indicator.id)"
    var problems: [String] = []
    if indicator.text.isEmpty { problems.append("\(name) has no text") }
    if indicator.type == nil { problems.append("\(name) has no type (outcome, output or process)") }
    if indicator.basis == nil { problems.append("\(name) has no basis") }
    if indicator.isPercentage {
      if (indicator.numerator ?? "").isEmpty || (indicator.denominator ?? "").isEmpty {
        problems.append("\(name) is a percentage and needs both a numerator and a denominator")
      }
    } else if indicator.numerator != nil || indicator.denominator != nil {
      problems.append("\(name) is not a percentage, so it takes no numerator or denominator")
    }
    if (indicator.dataSource ?? []).isEmpty || indicator.dataSource!.contains(where: \.isEmpty) {
      problems.append("\(name) needs at least one example data source")
    }
    if let disaggregation = indicator.disaggregation, Set(disaggregation).count != disaggregation.count {
      problems.append("\(name) repeats a disaggregation")
    }
    if let official = indicator.officialId {
      if let message = officialIdProblem(official, standard: standard.number) {
        problems.append("\(name): \(message)")
      }
      if !seenIDs.insert("official " + official).inserted {
        problems.append("\(name): official id \(official) is given to two indicators")
      }
    }
    if (indicator.basis == .officialIdAndTarget) != (indicator.officialId != nil) {
      problems.append("\(name): the basis official-id-and-target goes with an official id, and only with one")
    }
    return problems
  }

  /// Why `id` is not an official indicator id of standard `number` (`number.section.n`), or nil.
  public static func officialIdProblem(_ id: String, standard number: Int) -> String? {
    let parts = id.split(separator: ".", omittingEmptySubsequences: false)
    let digits = parts.allSatisfy { part in
      !part.isEmpty && part.count < 6 && part.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        && Int(part)! > 0
    }
    guard parts.count == 3, digits else {
      return "official id '\(Excerpt.of(id))' must be written standard.section.n, for example \(number).2.1"
    }
    guard Int(parts[0]) == number else {
      return "official id \(id) belongs to standard \(parts[0]), not to standard \(number)"
    }
    return nil
  }

  private static func keyActionProblems(_ standard: Standard, seenIDs: inout Set<String>) -> [String] {
    let name = "standard \(standard.number)"
    var problems: [String] = []
    var sections: [Int: (phase: Phase, lastItem: Int)] = [:]
    for action in standard.keyActions {
      if !seenIDs.insert("key action " + action.id).inserted {
        problems.append("\(name): key action id \(action.id) is repeated")
      }
      let parts = action.id.split(separator: ".").map { Int($0) }
      guard parts.count == 3, let owner = parts[0], let section = parts[1], let item = parts[2],
        owner == standard.number
      else {
        problems.append("\(name): key action id '\(action.id)' is not \(standard.number).section.item")
        continue
      }
      if (standard.number == 1) != (action.actor != nil) {
        problems.append("\(name): key action \(action.id) — only Standard 1 names an actor, and all of its actions do")
      }
      if action.text.isEmpty { problems.append("\(name): key action \(action.id) has no text") }
      if let existing = sections[section] {
        if existing.phase != action.phase {
          problems.append("\(name): section \(standard.number).\(section) mixes phases")
        }
        if item != existing.lastItem + 1 {
          problems.append("\(name): key action \(action.id) breaks the 1, 2, 3… numbering of its section")
        }
        sections[section] = (existing.phase, item)
      } else {
        if item != 1 { problems.append("\(name): section \(standard.number).\(section) does not start at item 1") }
        sections[section] = (action.phase, item)
      }
    }
    let phasesBySection = sections.keys.sorted().map { sections[$0]!.phase }
    if sections.keys.sorted() != Array(1...max(1, sections.count)) || phasesBySection != phasesBySection.sorted()
      || Set(phasesBySection).count != phasesBySection.count
    {
      problems.append("\(name): sections must run 1, 2, 3… in the order preparedness, prevention, response")
    }
    if !phasesBySection.contains(.response) {
      problems.append("\(name): has no response key action")
    }
    if standard.pillar == 4 && phasesBySection != [.response] {
      problems.append("\(name): Pillar 4 key actions all count as response actions, in one section")
    }
    return problems
  }

  private static func guideProblems(_ guide: WorkshopGuide) -> [String] {
    var problems: [String] = []
    if guide.keyQuestions.map(\.number) != Array(1...6) {
      problems.append("guide.json: expected the 6 key questions")
    }
    if guide.sessions.map(\.number) != Array(1...6) {
      problems.append("guide.json: expected the 6 working sessions")
    }
    if Set(guide.situations.map(\.id)) != Set(Situation.allCases.map(\.rawValue)) {
      problems.append("guide.json: expected the situations plan, contextualized and none")
    }
    let stages = Set(guide.programmeCycle.map(\.id))
    if stages != ["response-planning", "resource-mobilization", "response-monitoring"] {
      problems.append("guide.json: expected the three programme-cycle stages")
    }
    for tip in guide.selectionTips where !stages.contains(tip.stage) {
      problems.append("guide.json: selection tip names unknown stage '\(tip.stage)'")
    }
    return problems
  }
}
