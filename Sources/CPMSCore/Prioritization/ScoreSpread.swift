#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// How far the group agrees, standard by standard and as a whole, so a facilitator sees where a mean
/// hides a split. The formulas are in the README ("How agreement is measured").
public struct ScoreSpread: Sendable, Equatable, Encodable {
  public var count: Int
  public var mean: Double
  public var median: Double
  /// Population standard deviation: how far scores lie from the mean on average.
  public var standardDeviation: Double
  public var lowest: Double
  public var highest: Double
  /// At least one score at each end of the scale (4 or more, and 1 or less): the group is split.
  public var toDiscuss: Bool

  /// A split is at least one score of `highAtLeast` or more and one of `lowAtMost` or less.
  public static let highAtLeast = 4.0
  public static let lowAtMost = 1.0
  /// The rule, in words, for outputs that flag "to discuss".
  public static let toDiscussRule =
    "to discuss: at least one participant scored it 4 or more and at least one 1 or less"

  public init?(_ scores: [Double]) {
    guard !scores.isEmpty else { return nil }
    let sorted = scores.sorted()
    count = sorted.count
    let average = sorted.reduce(0, +) / Double(count)
    mean = average
    median =
      count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2
    let squares = sorted.reduce(0) { $0 + ($1 - average) * ($1 - average) }
    standardDeviation = (squares / Double(count)).squareRoot()
    lowest = sorted[0]
    highest = sorted[count - 1]
    toDiscuss = highest >= ScoreSpread.highAtLeast && lowest <= ScoreSpread.lowAtMost
  }
}
