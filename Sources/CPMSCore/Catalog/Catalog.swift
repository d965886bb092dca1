#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The whole CPMS as cpms knows it: principles, pillars, standards and the workshop guide.
///
/// The small files (principles, pillars, INSPIRE, coordination functions) are read up front; a
/// standard or the guide is read the first time a command asks for it, so `cpms show 18` reads one
/// standard file instead of 28. Catalogs loaded with `Catalog.load(files:)` are read and checked
/// whole.
public struct Catalog: Sendable {
  public var principles: [Principle]
  public var pillars: [Pillar]
  public var inspireStrategies: [InspireStrategy]
  public var coordinationFunctions: [CoordinationFunction]
  /// The files' shared notice: the text is a summary for workshop use.
  public var notice: String
  /// Set when a contextualization file was applied.
  /// The language of the content (a working translation when not English) and of the outputs' words.
  public var language: Language = .en
  public var interface: Interface { Interface(language) }
  /// Said once in every output: a summary for workshop use (and, translated, a working translation).
  public var contentNotice: String { translationNotice ?? Catalog.contentNotice }
  /// The working-translation notice, naming the official edition in the language; nil in English.
  /// Outputs that say "summary" in their own words add it only when translated.
  public var translationNotice: String? { Catalog.translationNotice(in: language) }
  public static func translationNotice(in language: Language) -> String? {
    ContentTranslation.bundled(language)?.notice
  }
  public var contextName: String?

  let source: CatalogSource
  /// Standards a contextualization changed, by number; they take the place of the source's.
  private var replacedStandards: [Int: Standard] = [:]

  init(
    principles: [Principle], pillars: [Pillar], inspireStrategies: [InspireStrategy],
    coordinationFunctions: [CoordinationFunction], notice: String, source: CatalogSource
  ) {
    self.principles = principles
    self.pillars = pillars
    self.inspireStrategies = inspireStrategies
    self.coordinationFunctions = coordinationFunctions
    self.notice = notice
    self.source = source
  }

  /// All 28 standards in handbook order.
  public var standards: [Standard] {
    source.allStandards.map { replacedStandards[$0.number] ?? $0 }
  }

  public var guide: WorkshopGuide { source.guide }

  /// Puts a changed standard (a contextualized one) in place of the one with its number.
  public mutating func replaceStandard(_ standard: Standard) {
    precondition(Catalog.standardNumbers.contains(standard.number), "standard numbers run from 1 to 28")
    replacedStandards[standard.number] = standard
  }

  /// The numbers of the standards a contextualization changed, in order.
  public var contextualizedStandardNumbers: [StandardNumber] {
    replacedStandards.values.filter { $0.contextualization != nil }.compactMap { StandardNumber($0.number) }.sorted()
  }

  /// The standards valid numbers run over.
  public static let standardNumbers = 1...28
  public static let principleNumbers = 1...10
  public static let pillarNumbers = 1...4
  /// How the handbook splits the 28 standards over the four pillars.
  public static let standardsPerPillar = [6, 7, 7, 8]

  public func standard(_ number: Int) -> Standard? {
    Catalog.standardNumbers.contains(number) ? (replacedStandards[number] ?? source.standard(number)) : nil
  }

  /// A standard's title, cheaper than `standard(_:)` when only the title is shown.
  public func standardTitle(_ number: Int) -> String? {
    guard Catalog.standardNumbers.contains(number) else { return nil }
    return replacedStandards[number]?.title ?? source.title(number)
  }

  /// The pillar a standard belongs to, from the pillars' ranges (no standard file is read).
  public func pillarNumber(ofStandard number: Int) -> Int? {
    pillars.first { $0.standardNumbers.contains(number) }?.number
  }

  public func principle(_ number: Int) -> Principle? {
    Catalog.principleNumbers.contains(number) ? principles[number - 1] : nil
  }

  public func pillar(_ number: Int) -> Pillar? {
    Catalog.pillarNumbers.contains(number) ? pillars[number - 1] : nil
  }

  public func inspireStrategy(_ id: String) -> InspireStrategy? {
    inspireStrategies.first { $0.id == id }
  }

  public func standards(inPillar number: Int) -> [Standard] {
    guard let pillar = pillar(number) else { return [] }
    return pillar.standardNumbers.compactMap(standard)
  }

  /// Where a standard serves the coordination functions, in the annex's order of functions.
  public func coordinationRoles(of standardNumber: Int) -> [CoordinationRole] {
    coordinationFunctions.flatMap { function in
      function.references.filter { $0.standards.contains(standardNumber) }.map {
        CoordinationRole(function: function.id, title: function.title, part: $0.part, note: $0.note)
      }
    }
  }

  /// The notice every output carries: summaries for workshop use, with a pointer to the handbook.
  public static let contentNotice =
    "The CPMS text shown by cpms is a summary written for workshop use, not the official wording. "
    + "Check the Minimum Standards for Child Protection in Humanitarian Action, 2019 edition "
    + "(Alliance for Child Protection in Humanitarian Action) for the exact text."
}
