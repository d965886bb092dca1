/// How a ballot sheet is laid out.
public enum BallotLayout: String, Sendable, Equatable, CaseIterable, Codable {
  /// One row per standard (per participant): `standard` and `score` columns, as `cpms ballot` writes.
  case long
  /// One row per participant, one column per standard: a KoboToolbox or ODK export of the XLSForm
  /// `cpms ballot --format xlsform` writes, or a form made by hand whose columns name the standards.
  case wide
}
