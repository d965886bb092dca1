/// A coordination function and the CPMS sections it draws on (the coordination guide's annex).
public struct CoordinationFunction: Encodable, Sendable, Equatable {
  /// Which part of a standard serves the function.
  public enum Part: String, Encodable, Sendable {
    case whole
    case measurement
    case preparedness

    public var title: String {
      switch self {
      case .whole: "the whole standard"
      case .measurement: "its measurement section"
      case .preparedness: "its preparedness actions"
      }
    }
  }

  public struct Reference: Encodable, Sendable, Equatable {
    public var part: Part
    public var standards: [Int]
    public var principles: [Int]
    public var note: String
  }

  public var id: String
  public var title: String
  public var aim: String
  public var references: [Reference]
  public var inPractice: [String]
}

/// Where one standard serves a coordination function.
public struct CoordinationRole: Encodable, Sendable, Equatable {
  public var function: String
  public var title: String
  public var part: CoordinationFunction.Part
  public var note: String
}
