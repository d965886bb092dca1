/// Why a standard is in the selection. Typed, so that each output words it (and a translated
/// interface can) while JSON carries a stable code.
public enum SelectionReason: Sendable, Equatable {
  /// Its place in the ranking from the ballots; `mean` is nil when nobody scored it.
  case ranked(rank: Int, of: Int, mean: Double?, scores: Int)
  /// The group chose it (a selection checked rather than recommended).
  case chosenByGroup
  case contextualized
  case inResponsePlan
  /// The best ranked standard of its pillar, where the rule asks for one per pillar.
  case bestOfPillar(Int)
  /// Taken from the top of the ranking to reach the size asked for.
  case amongBestRanked

  /// The stable code JSON carries.
  public var code: String {
    switch self {
    case .ranked: "ranked"
    case .chosenByGroup: "chosen-by-group"
    case .contextualized: "contextualized"
    case .inResponsePlan: "in-response-plan"
    case .bestOfPillar: "best-of-pillar"
    case .amongBestRanked: "among-best-ranked"
    }
  }

  /// The reason in a sentence fragment, as text and Markdown show it, in `t`'s language.
  public func text(_ t: Interface) -> String {
    switch self {
    case .ranked(let rank, let total, let mean?, let scores):
      t("reason.ranked", rank, total, t.language.decimal(Prioritizer.formatMean(mean)), scores)
    case .ranked(_, _, nil, _): t("reason.notScored")
    case .chosenByGroup: t("reason.chosenByGroup")
    case .contextualized: t("reason.contextualized")
    case .inResponsePlan: t("reason.inResponsePlan")
    case .bestOfPillar(let pillar): t("reason.bestOfPillar", pillar)
    case .amongBestRanked: t("reason.amongBestRanked")
    }
  }

  /// The reason in English, as the JSON output carries it beside its code.
  public var text: String {
    switch self {
    case .ranked(let rank, let total, let mean?, let scores):
      "Ranked \(rank) of \(total) (mean \(Prioritizer.formatMean(mean)) from \(scores) score\(scores == 1 ? "" : "s"))"
    case .ranked(_, _, nil, _): "Not scored by any participant"
    case .chosenByGroup: "Chosen by the group"
    case .contextualized: "Contextualized"
    case .inResponsePlan: "In the response plan"
    case .bestOfPillar(let pillar): "Best ranked standard of Pillar \(pillar)"
    case .amongBestRanked: "Among the best ranked"
    }
  }
}

extension SelectionReason: Encodable {
  private enum Key: String, CodingKey { case code, text, rank, mean, scores, pillar }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: Key.self)
    try container.encode(code, forKey: .code)
    switch self {
    case .ranked(let rank, _, let mean, let scores):
      try container.encode(rank, forKey: .rank)
      try container.encode(mean, forKey: .mean)
      try container.encode(scores, forKey: .scores)
    case .bestOfPillar(let pillar):
      try container.encode(pillar, forKey: .pillar)
    case .chosenByGroup, .contextualized, .inResponsePlan, .amongBestRanked: break
    }
    try container.encode(text, forKey: .text)
  }
}
