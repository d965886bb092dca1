#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Kendall's coefficient of concordance W over the whole group, with the correction for ties.
public struct GroupAgreement: Sendable, Equatable, Encodable {
  /// W from 0 (no agreement) to 1 (every participant ranks the standards alike); nil when it cannot be
  /// computed, with `note` saying why.
  public var kendallW: Double?
  /// W's plain-words band: slight, fair, moderate, substantial, almost perfect.
  public var band: String?
  /// The participants and standards W was computed over: the standards every participant scored.
  public var participants: Int
  public var standards: Int
  /// Why W could not be computed, in English (kept in the JSON output; `unmeasured` words it for people).
  public var note: String?
  /// Why W could not be computed, for outputs that word it in their language.
  public var unmeasured: Unmeasured?

  /// Why there is no W: the case says it, the note is its English.
  public enum Unmeasured: String, Sendable, Equatable {
    case fewerThanTwoParticipants
    case fewerThanTwoCommonStandards
    case identicalScores

    var note: String {
      switch self {
      case .fewerThanTwoParticipants: "W needs at least two participants' scores"
      case .fewerThanTwoCommonStandards: "W needs at least two standards that every participant scored"
      case .identicalScores: "every participant gave the same score to every standard"
      }
    }
  }

  enum CodingKeys: String, CodingKey {
    case kendallW, band, participants, standards, note
  }

  /// Landis and Koch's bands, as commonly applied to W.
  public static func band(of w: Double) -> String {
    switch w {
    case ..<0.2: "slight"
    case ..<0.4: "fair"
    case ..<0.6: "moderate"
    case ..<0.8: "substantial"
    default: "almost perfect"
    }
  }

  /// W over the standards every ballot scored; each ballot's scores become ranks (ties share the
  /// average rank), then W = 12·S / (m²(n³ − n) − m·ΣT), T = Σ(t³ − t) over each ballot's ties.
  public init(_ ballots: [Ballot]) {
    let scored = ballots.map { ballot in
      Dictionary(ballot.scores.compactMap { score in score.value.map { (score.standard, $0) } }) { first, _ in first }
    }.filter { !$0.isEmpty }
    let common = StandardNumber.all.filter { standard in !scored.isEmpty && scored.allSatisfy { $0[standard] != nil } }
    participants = scored.count
    standards = common.count
    guard participants >= 2 else {
      (kendallW, band, unmeasured, note) = (
        nil, nil, .fewerThanTwoParticipants, Unmeasured.fewerThanTwoParticipants.note
      )
      return
    }
    guard standards >= 2 else {
      (kendallW, band, unmeasured, note) =
        (nil, nil, .fewerThanTwoCommonStandards, Unmeasured.fewerThanTwoCommonStandards.note)
      return
    }
    let m = Double(participants)
    let n = Double(standards)
    var totals = [Double](repeating: 0, count: common.count)
    var ties = 0.0
    for scores in scored {
      let values = common.map { scores[$0]! }
      let (ranks, tieTerm) = GroupAgreement.ranks(values)
      for index in ranks.indices { totals[index] += ranks[index] }
      ties += tieTerm
    }
    let meanTotal = totals.reduce(0, +) / n
    let s = totals.reduce(0) { $0 + ($1 - meanTotal) * ($1 - meanTotal) }
    let denominator = m * m * (n * n * n - n) - m * ties
    guard denominator > 0 else {
      (kendallW, band, unmeasured, note) = (nil, nil, .identicalScores, Unmeasured.identicalScores.note)
      return
    }
    let w = 12 * s / denominator
    kendallW = w
    band = GroupAgreement.band(of: w)
    note = nil
  }

  /// Ranks (1 = highest score) with ties given their average rank, and Σ(t³ − t) over the ties.
  static func ranks(_ values: [Double]) -> ([Double], Double) {
    let order = values.indices.sorted { values[$0] > values[$1] || (values[$0] == values[$1] && $0 < $1) }
    var ranks = [Double](repeating: 0, count: values.count)
    var tieTerm = 0.0
    var start = 0
    while start < order.count {
      var end = start
      while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
      let average = Double(start + end + 2) / 2
      for position in start...end { ranks[order[position]] = average }
      let t = Double(end - start + 1)
      tieTerm += t * t * t - t
      start = end + 1
    }
    return (ranks, tieTerm)
  }
}
