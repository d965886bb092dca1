#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The whole CPMS as cpms knows it: principles, pillars, standards and the workshop guide.
///
/// Built once from the data embedded in the binary and checked on load, so every command can trust
/// numbers and ids without re-checking them.
public struct Catalog: Sendable {
  public var principles: [Principle]
  public var pillars: [Pillar]
  public var standards: [Standard]
  public var inspireStrategies: [InspireStrategy]
  public var coordinationFunctions: [CoordinationFunction]
  public var guide: WorkshopGuide
  /// The files' shared notice: the text is a summary for workshop use.
  public var notice: String
  /// Set when a contextualization file was applied.
  public var contextName: String?

  /// The standards valid numbers run over.
  public static let standardNumbers = 1...28
  public static let principleNumbers = 1...10
  public static let pillarNumbers = 1...4
  /// How the handbook splits the 28 standards over the four pillars.
  public static let standardsPerPillar = [6, 7, 7, 8]

  public func standard(_ number: Int) -> Standard? {
    Catalog.standardNumbers.contains(number) ? standards[number - 1] : nil
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
    standards.filter { $0.pillar == number }
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
