/// The phase a key action belongs to; the handbook lists each action under one phase only.
public enum Phase: String, Encodable, Sendable, CaseIterable, Comparable {
  case preparedness
  case prevention
  case response

  public var title: String {
    switch self {
    case .preparedness: "Preparedness"
    case .prevention: "Prevention"
    case .response: "Response"
    }
  }

  public static func < (lhs: Phase, rhs: Phase) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}

/// Standard 1 addresses its key actions to two groups of actors.
public enum Actor: String, Encodable, Sendable, CaseIterable {
  case leadAgencies
  case members

  public var title: String {
    switch self {
    case .leadAgencies: "Lead and co-lead agencies"
    case .members: "Coordination group members"
    }
  }
}

/// One key action, numbered `standard.section.item` as in the handbook (for example 18.1.7).
public struct KeyAction: Encodable, Sendable, Equatable {
  public var id: String
  public var phase: Phase
  public var actor: Actor?
  public var text: String
  /// True when a contextualization changed the wording or added the action.
  public var contextualized: Bool?

  public init(id: String, phase: Phase, actor: Actor? = nil, text: String, contextualized: Bool? = nil) {
    self.id = id
    self.phase = phase
    self.actor = actor
    self.text = text
    self.contextualized = contextualized
  }
}

/// A core indicator from a standard's measurement section (at most four per standard).
public struct Indicator: Encodable, Sendable, Equatable {
  public var id: String
  public var text: String
  public var target: Target
  public var note: String
  /// Local fields a contextualization adds; nil for the global indicator.
  public var local: LocalIndicatorDetails?

  public init(id: String, text: String, target: Target, note: String, local: LocalIndicatorDetails? = nil) {
    self.id = id
    self.text = text
    self.target = target
    self.note = note
    self.local = local
  }
}

/// What a country sets when it contextualizes an indicator.
public struct LocalIndicatorDetails: Encodable, Sendable, Equatable {
  public var definition: String?
  public var method: String?
  public var frequency: String?
  public var dataSource: String?
  public var disaggregation: [String]?
  /// True for a local indicator added beyond the core ones.
  public var additional: Bool?

  public init(
    definition: String? = nil, method: String? = nil, frequency: String? = nil, dataSource: String? = nil,
    disaggregation: [String]? = nil, additional: Bool? = nil
  ) {
    self.definition = definition
    self.method = method
    self.frequency = frequency
    self.dataSource = dataSource
    self.disaggregation = disaggregation
    self.additional = additional
  }
}

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

  public init(contextName: String, rationale: String?, globalTitle: String?, globalStatement: String?) {
    self.contextName = contextName
    self.rationale = rationale
    self.globalTitle = globalTitle
    self.globalStatement = globalStatement
  }
}
