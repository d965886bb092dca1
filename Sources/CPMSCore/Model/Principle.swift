/// One of the 10 CPMS principles that every standard puts into practice.
public struct Principle: Encodable, Sendable, Equatable {
  /// Which family a principle comes from; the handbook groups them 4 + 4 + 2.
  public enum Group: String, Encodable, Sendable {
    case crc
    case sphere
    case childProtection

    /// How a workshop reads the group.
    public var label: String {
      switch self {
      case .crc: "CRC principle"
      case .sphere: "Sphere protection principle"
      case .childProtection: "Child protection principle"
      }
    }
  }

  public var number: Int
  public var title: String
  public var group: Group
  public var summary: String
  /// Questions a group asks to check its plans against the principle.
  public var questions: [String]
}
