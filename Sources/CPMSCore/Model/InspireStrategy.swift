/// One of the seven INSPIRE strategies to end violence against children.
public struct InspireStrategy: Encodable, Sendable, Equatable {
  public var id: String
  public var letter: String
  public var title: String
  public var preventive: Bool
  public var summary: String
}
