/// The situation of the context decides which prioritization rule applies (coordination guide).
public enum Situation: String, CaseIterable, Sendable, Codable {
  /// A humanitarian response plan (or an equivalent national emergency plan) is in place.
  case plan
  /// Some standards were contextualized, but there is no response plan yet.
  case contextualized
  /// No needs analysis or response plan, and nothing contextualized.
  case none

  public var title: String {
    switch self {
    case .plan: "A humanitarian response plan is in place"
    case .contextualized: "Some standards are contextualized; no response plan yet"
    case .none: "No response plan and no contextualized standards"
    }
  }
}

/// Why a contextualized standard may be left out: the two exceptions the guide allows.
public enum ExceptionReason: Sendable, Equatable, Hashable, CustomStringConvertible {
  case noConsensus
  case principle(Int)

  /// Reads the command-line and workshop-file spelling: `no-consensus` or `principle-P`.
  public init?(parsing text: String) {
    if text == "no-consensus" {
      self = .noConsensus
    } else if text.hasPrefix("principle-"), let number = FileGrammar.idNumber(text.dropFirst("principle-".count)),
      (1...10).contains(number)
    {
      self = .principle(number)
    } else {
      return nil
    }
  }

  public var description: String {
    switch self {
    case .noConsensus: "no-consensus"
    case .principle(let number): "principle-\(number)"
    }
  }
}

/// A contextualized standard the group decided not to prioritize, with the recorded reason.
public struct PrioritizationException: Sendable, Equatable, Hashable {
  public var standard: Int
  public var reason: ExceptionReason

  public init(standard: Int, reason: ExceptionReason) {
    self.standard = standard
    self.reason = reason
  }
}

/// Everything a prioritization run needs; the CLI and workshop files both fill it.
public struct PrioritizationRequest: Sendable, Equatable {
  public var situation: Situation
  /// The selection to check; nil asks for a recommendation from the ballots.
  public var selection: [Int]?
  public var contextualized: [Int]
  public var planStandards: [Int]
  public var exceptions: [PrioritizationException]
  public var ballots: [Ballot]
  public var size: Int

  public static let sizeRange = 4...10
  public static let defaultSize = 6

  public init(
    situation: Situation, selection: [Int]? = nil, contextualized: [Int] = [], planStandards: [Int] = [],
    exceptions: [PrioritizationException] = [], ballots: [Ballot] = [], size: Int = defaultSize
  ) {
    self.situation = situation
    self.selection = selection
    self.contextualized = contextualized
    self.planStandards = planStandards
    self.exceptions = exceptions
    self.ballots = ballots
    self.size = size
  }
}
