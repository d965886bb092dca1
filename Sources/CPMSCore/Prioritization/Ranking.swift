/// One standard's place in the participants' scores.
public struct RankingEntry: Sendable, Equatable, Codable {
  public var rank: Int
  public var standard: StandardNumber
  public var title: String
  public var pillar: Int
  /// Mean of the given scores, rounded to two decimals; nil when nobody scored it.
  public var mean: Double?
  /// How many ballot rows scored it.
  public var ballots: Int
}

public enum Ranking {
  /// Ranks all 28 standards: highest mean first; ties by more ballots scoring it, then by lower
  /// number; unscored standards last (by number).
  public static func rank(_ ballots: [Ballot], catalog: Catalog) -> [RankingEntry] {
    var sums = [Double](repeating: 0, count: 29)
    var counts = [Int](repeating: 0, count: 29)
    for ballot in ballots {
      for score in ballot.scores {
        guard let value = score.value else { continue }
        sums[score.standard.value] += value
        counts[score.standard.value] += 1
      }
    }
    // Numbers, titles and pillars only: ranking must not cost reading all 28 standards.
    let ordered = StandardNumber.all.sorted { lhs, rhs in
      let (a, b) = (lhs.value, rhs.value)
      switch (counts[a] > 0, counts[b] > 0) {
      case (true, false): return true
      case (false, true): return false
      case (false, false): return a < b
      case (true, true):
        // Compare means exactly (cross-multiplied) so rounding never reorders near-ties.
        let lhs = sums[a] * Double(counts[b])
        let rhs = sums[b] * Double(counts[a])
        if lhs != rhs { return lhs > rhs }
        if counts[a] != counts[b] { return counts[a] > counts[b] }
        return a < b
      }
    }
    return ordered.enumerated().map { index, standard in
      let count = counts[standard.value]
      let mean = count > 0 ? (sums[standard.value] / Double(count) * 100).rounded() / 100 : nil
      return RankingEntry(
        rank: index + 1, standard: standard, title: catalog.title(of: standard),
        pillar: catalog.pillarNumber(of: standard), mean: mean, ballots: count)
    }
  }
}
