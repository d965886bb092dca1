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
    /// What a complete planning document contains (response planning only).
    public var documentComponents: [String]?
    /// Figures the guide gives for the stage, such as the share of funding child protection receives.
    public var facts: [String]?
    /// Terms the stage uses, as the guide defines them (for example a joint proposal).
    public var glossary: [Term]?
    public var tips: [String]
    public var reflectionQuestions: [String]
  }

  public struct Term: Encodable, Sendable, Equatable {
    public var term: String
    public var meaning: String
  }

  /// One way to get the CPMS (app, PDF and online, print, editable files).
  public struct AccessFormat: Encodable, Sendable, Equatable {
    public var format: String
    public var detail: String
  }

  public struct Access: Encodable, Sendable, Equatable {
    public var languages: [String]
    public var formats: [AccessFormat]
  }

  public struct LearningMaterial: Encodable, Sendable, Equatable {
    public var title: String
    public var detail: String
  }

  /// A document the coordination guide's annex names as an example for a coordination function.
  public struct ExampleDocument: Encodable, Sendable, Equatable {
    /// The id of the coordination function (coordination-functions.json).
    public var function: String
    public var country: String
    public var document: String
    public var year: String?

    /// "Syria: Humanitarian Response Plan (2019)".
    public var label: String {
      "\(country): \(document)" + (year.map { " (\($0))" } ?? "")
    }
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
  /// Ways a coordination group can promote the CPMS among its members and beyond.
  public var promotion: [String]
  /// How to get the CPMS and in which languages.
  public var access: Access
  public var learningMaterials: [LearningMaterial]
  public var exampleDocuments: [ExampleDocument]

  /// The annex's example documents for one coordination function.
  public func exampleDocuments(for function: String) -> [ExampleDocument] {
    exampleDocuments.filter { $0.function == function }
  }
}
