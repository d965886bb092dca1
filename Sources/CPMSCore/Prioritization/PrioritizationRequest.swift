/// Everything a prioritization run needs; the command line and workshop files both fill it.
public struct PrioritizationRequest: Sendable, Equatable {
  public var situation: Situation
  /// The selection to check; nil asks for a recommendation from the ballots.
  public var selection: [StandardNumber]?
  public var contextualized: [StandardNumber]
  public var planStandards: [StandardNumber]
  public var exceptions: [PrioritizationException]
  public var ballots: [Ballot]
  public var size: Int
  /// What orders the ranking from the ballots.
  public var rankBy: RankOrder = .mean

  /// The guide's "limited number" of priority standards, for a selection and a recommendation alike.
  public static let sizeRange = 4...10
  public static let defaultSize = 6

  public init(
    situation: Situation, selection: [StandardNumber]? = nil, contextualized: [StandardNumber] = [],
    planStandards: [StandardNumber] = [], exceptions: [PrioritizationException] = [], ballots: [Ballot] = [],
    size: Int = defaultSize
  ) {
    self.situation = situation
    self.selection = selection
    self.contextualized = contextualized
    self.planStandards = planStandards
    self.exceptions = exceptions
    self.ballots = ballots
    self.size = size
  }

  /// What makes the request impossible to evaluate, first problem first; empty when it can be run.
  /// Checked in this one place for the command line and workshop files alike, which word the
  /// problems in their own terms (flags, JSON keys).
  public var problems: [RequestProblem] {
    var problems: [RequestProblem] = []
    if selection == nil && ballots.isEmpty { problems.append(.nothingToEvaluate) }
    for (field, list) in [
      (RequestField.selection, selection ?? []), (.contextualized, contextualized), (.planStandards, planStandards),
    ] {
      var seen: Set<StandardNumber> = []
      if let repeated = list.first(where: { !seen.insert($0).inserted }) {
        problems.append(.repeatedStandard(field, repeated))
      }
    }
    if !PrioritizationRequest.sizeRange.contains(size) { problems.append(.sizeOutOfRange(size)) }
    switch situation {
    case .contextualized where contextualized.isEmpty: problems.append(.contextualizedWithoutStandards)
    case .none where !contextualized.isEmpty: problems.append(.noneWithContextualizedStandards)
    case .none where !exceptions.isEmpty: problems.append(.noneWithExceptions)
    default: break
    }
    if situation != .plan && !planStandards.isEmpty { problems.append(.planStandardsWithoutPlan) }
    var excepted: Set<StandardNumber> = []
    for exception in exceptions {
      if !contextualized.contains(exception.standard) {
        problems.append(.exceptionForUncontextualized(exception.standard))
      }
      if !excepted.insert(exception.standard).inserted { problems.append(.twoExceptions(exception.standard)) }
    }
    return problems
  }
}
