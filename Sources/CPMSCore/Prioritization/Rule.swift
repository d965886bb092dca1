/// The rule names findings carry, so scripts and groups can tell which rule applied.
public enum Rule {
  public static let size = "size-4-to-10"
  public static let pillarCoverage = "one-per-pillar"
  public static let contextualized = "contextualized-selected"
  public static let exception = "contextualized-exception"
  public static let plan = "in-response-plan"
  public static let recommendation = "recommendation"
  public static let unscored = "unscored-recommended"
}
