public enum Ranking {
  /// Ranks all 28 standards: highest mean (or median) first; ties by the other measure, then by more
  /// ballots scoring it, then by lower number; unscored standards last (by number).
  public static func rank(_ ballots: [Ballot], catalog: Catalog, by order: RankOrder = .mean) -> [RankingEntry] {
    var values = [[Double]](repeating: [], count: StandardNumber.range.upperBound + 1)
    for ballot in ballots {
      for score in ballot.scores {
        guard let value = score.value else { continue }
        values[score.standard.value].append(value)
      }
    }
    let spreads = values.map { ScoreSpread($0) }
    let sums = values.map { $0.reduce(0, +) }
    let ordered = StandardNumber.all.sorted { lhs, rhs in
      let (a, b) = (lhs.value, rhs.value)
      switch (spreads[a], spreads[b]) {
      case (.some, .none): return true
      case (.none, .some): return false
      case (.none, .none): return a < b
      case (.some(let left), .some(let right)):
        // Compare means exactly (cross-multiplied) so rounding never reorders near-ties.
        let lhsMean = sums[a] * Double(right.count)
        let rhsMean = sums[b] * Double(left.count)
        switch order {
        case .mean:
          if lhsMean != rhsMean { return lhsMean > rhsMean }
        case .median:
          if left.median != right.median { return left.median > right.median }
          if lhsMean != rhsMean { return lhsMean > rhsMean }
        }
        if left.count != right.count { return left.count > right.count }
        return a < b
      }
    }
    return ordered.enumerated().map { index, standard in
      let spread = spreads[standard.value]
      let mean = spread.map { ($0.mean * 100).rounded() / 100 }
      return RankingEntry(
        rank: index + 1, standard: standard, title: catalog.title(of: standard),
        pillar: catalog.pillarNumber(of: standard), mean: mean, ballots: spread?.count ?? 0, spread: spread,
        scores: values[standard.value].sorted())
    }
  }
}
