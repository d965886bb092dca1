/// A guidance note, kept only where the handbook's number is attested.
public struct GuidanceNote: Encodable, Sendable, Equatable {
  public var id: String
  public var title: String
  public var summary: String
}

/// The INSPIRE strategies that support a standard, per the CPMS–INSPIRE complementarity guide.
public struct InspireLink: Encodable, Sendable, Equatable {
  public var strategies: [String]
  public var note: String
}

/// One of the 28 standards.
public struct Standard: Encodable, Sendable, Equatable {
  public var notice: String
  public var number: Int
  public var title: String
  public var pillar: Int
  public var statement: String
  public var relatedPrinciples: [Int]
  public var linkedStandards: [Int]
  public var inspire: InspireLink
  public var keyActions: [KeyAction]
  public var indicators: [Indicator]
  /// Measures shown beside the core indicators (for example Standard 1's localisation and funding
  /// measures); they do not count towards the four.
  public var additionalMeasures: [Indicator]?
  public var guidanceNotes: [GuidanceNote]?
  public var provenance: String
  /// Set when a contextualization file changed this standard.
  public var contextualization: StandardContextualization?

  /// Key actions grouped by phase, in handbook order.
  public var keyActionsByPhase: [(phase: Phase, actions: [KeyAction])] {
    Phase.allCases.compactMap { phase in
      let actions = keyActions.filter { $0.phase == phase }
      return actions.isEmpty ? nil : (phase, actions)
    }
  }
}

/// What a contextualization says about a standard as a whole.
public struct StandardContextualization: Encodable, Sendable, Equatable {
  public var contextName: String
  public var rationale: String?
  public var globalTitle: String?
  public var globalStatement: String?
  /// The official statement, when the contextualization supplies it.
  public var officialStatement: String?

  public init(
    contextName: String, rationale: String?, globalTitle: String?, globalStatement: String?,
    officialStatement: String? = nil
  ) {
    self.contextName = contextName
    self.rationale = rationale
    self.globalTitle = globalTitle
    self.globalStatement = globalStatement
    self.officialStatement = officialStatement
  }
}
