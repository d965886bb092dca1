/// The outcome of a prioritization: the selection, whether it complies, and why.
public struct PrioritizationResult: Sendable, Equatable {
  public enum Mode: String, Sendable, Codable {
    case checked
    case recommended
  }

  public var situation: Situation
  public var mode: Mode
  public var size: Int?
  public var selected: [SelectedStandard]
  /// The rule check, errors first; `standard` says which standard a finding is about.
  public var findings: [Diagnostic]
  public var ranking: [RankingEntry]?
  public var exceptions: [PrioritizationException]
  public var contextualized: [StandardNumber]
  public var planStandards: [StandardNumber]
  /// How many ballot files the ranking came from.
  public var ballotFiles: Int = 0
  /// Who was counted, what they wrote and how far they agree; nil without ballots.
  public var ballotSummary: BallotSummary?

  public var selection: [StandardNumber] { selected.map(\.standard) }
  public var compliant: Bool { !findings.hasErrors }
}
