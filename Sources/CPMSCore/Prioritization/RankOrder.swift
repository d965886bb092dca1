/// The order of the ranking: by mean (the default) or by median.
public enum RankOrder: String, Sendable, Equatable, CaseIterable, Codable {
  case mean
  case median
}
