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
