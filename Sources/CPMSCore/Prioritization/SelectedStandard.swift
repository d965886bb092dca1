/// A selected standard with the reasons it is in the selection.
public struct SelectedStandard: Sendable, Equatable, Encodable {
  public var standard: StandardNumber
  public var title: String
  public var pillar: Int
  public var reasons: [SelectionReason]
  public var rank: Int?
  public var mean: Double?
  public var ballots: Int?
  public var contextualized: Bool
  public var inPlan: Bool
  public var relatedPrinciples: [Int]
  public var linkedStandards: [Int]
}
