/// The workshop content of the coordination guide: questions, situations, sessions, programme cycle.
public struct WorkshopGuide: Encodable, Sendable, Equatable {
  public struct KeyQuestion: Encodable, Sendable, Equatable {
    public var number: Int
    public var pillar: Int?
    public var text: String
  }

  public struct SituationGuidance: Encodable, Sendable, Equatable {
    public var id: String
    public var title: String
    public var rule: String
    public var advice: [String]
  }

  public struct Session: Encodable, Sendable, Equatable {
    public var number: Int
    public var title: String
    public var aim: String
    public var prepare: [String]
    public var produces: [String]
  }

  public struct Stage: Encodable, Sendable, Equatable {
    public var id: String
    public var title: String
    public var summary: String
    public var sections: [String]
    public var tips: [String]
    public var reflectionQuestions: [String]
  }

  /// A tip the guide gives for particular standards; shown only when one of them is selected.
  public struct SelectionTip: Encodable, Sendable, Equatable {
    public var stage: String
    public var standards: [Int]
    public var text: String

    /// The standards the tip concerns (the data's numbers are checked when the catalog is loaded).
    public var standardNumbers: [StandardNumber] { standards.compactMap(StandardNumber.init) }
  }

  public var notice: String
  public var aims: [String]
  public var sessionFormat: String
  public var keyQuestions: [KeyQuestion]
  public var situations: [SituationGuidance]
  public var reminders: [String]
  public var factors: [String]
  public var sessions: [Session]
  public var programmeCycle: [Stage]
  public var selectionTips: [SelectionTip]
}
