/// One standard's place in the participants' scores, with the spread of those scores.
public struct RankingEntry: Sendable, Equatable, Encodable {
  public var rank: Int
  public var standard: StandardNumber
  public var title: String
  public var pillar: Int
  /// Mean of the given scores, rounded to two decimals; nil when nobody scored it.
  public var mean: Double?
  /// How many ballots scored it.
  public var ballots: Int
  /// Median, spread and the "to discuss" flag; nil when nobody scored it.
  public var spread: ScoreSpread?
  /// Every score given, lowest first: what a chart or a discussion shows.
  public var scores: [Double]

  /// Not scored by anyone: ranked after every scored standard and never presented as ranked.
  public var isScored: Bool { ballots > 0 }
}
