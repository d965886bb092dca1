/// A pillar groups standards that serve one purpose (quality response, risks, strategies, sectors).
public struct Pillar: Encodable, Sendable, Equatable {
  public var number: Int
  public var title: String
  public var firstStandard: Int
  public var lastStandard: Int
  public var summary: String
  /// What a coordination group uses the pillar for when it chooses priorities.
  public var workshopUse: String

  public var standardNumbers: ClosedRange<Int> { firstStandard...lastStandard }
}
