/// The inputs of a request, so that whoever words a problem can name the input to change: the
/// command line as a flag, a workshop file as its key.
public enum RequestField: Sendable, Equatable, CaseIterable {
  case situation, selection, ballots, size, contextualized, planStandards, exceptions
}

/// Why a request cannot be evaluated at all. Typed rather than worded, because the same problem is
/// told to a person at the command line in flags and to a JSON author in keys.
public enum RequestProblem: Error, Sendable, Equatable {
  case repeatedStandard(RequestField, StandardNumber)
  case sizeOutOfRange(Int)
  case contextualizedWithoutStandards
  case noneWithContextualizedStandards
  case noneWithExceptions
  case planStandardsWithoutPlan
  case exceptionForUncontextualized(StandardNumber)
  case twoExceptions(StandardNumber)
  /// Neither a selection to check nor ballots to rank.
  case nothingToEvaluate

  /// The input the problem is about, where the fix goes.
  public var field: RequestField {
    switch self {
    case .repeatedStandard(let field, _): field
    case .sizeOutOfRange: .size
    case .contextualizedWithoutStandards, .noneWithContextualizedStandards: .contextualized
    case .noneWithExceptions, .exceptionForUncontextualized, .twoExceptions: .exceptions
    case .planStandardsWithoutPlan: .planStandards
    case .nothingToEvaluate: .selection
    }
  }

  /// A stable identifier, for JSON output and tests.
  public var rule: String {
    switch self {
    case .repeatedStandard: "repeated-standard"
    case .sizeOutOfRange: Rule.size
    case .contextualizedWithoutStandards: "contextualized-needs-standards"
    case .noneWithContextualizedStandards: "none-means-nothing-contextualized"
    case .noneWithExceptions: "exceptions-need-contextualized"
    case .planStandardsWithoutPlan: "plan-standards-need-plan"
    case .exceptionForUncontextualized: "exception-not-contextualized"
    case .twoExceptions: "two-exceptions"
    case .nothingToEvaluate: "nothing-to-evaluate"
    }
  }
}
