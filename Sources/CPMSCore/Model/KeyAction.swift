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
