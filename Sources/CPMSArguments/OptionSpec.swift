import CPMSCore

public struct OptionSpec: Sendable {
  public var long: String
  public var short: Character?
  /// nil for a flag that takes no value.
  public var valueName: String?
  public var help: String
  public var repeatable: Bool
  public var required: Bool
  public var allowedValues: [String]?
  public var defaultValue: String?

  public init(
    long: String, short: Character? = nil, valueName: String? = nil, help: String, repeatable: Bool = false,
    required: Bool = false, allowedValues: [String]? = nil, defaultValue: String? = nil
  ) {
    self.long = long
    self.short = short
    self.valueName = valueName
    self.help = help
    self.repeatable = repeatable
    self.required = required
    self.allowedValues = allowedValues
    self.defaultValue = defaultValue
  }

  public var label: String {
    var text = (short.map { "-\($0), " } ?? "") + "--\(long)"
    if let valueName { text += " <\(valueName)>" }
    return text
  }

  public var displayName: String {
    "--\(long)" + (valueName.map { " <\($0)>" } ?? "")
  }

  /// The `--format` option most commands share.
  public static func format(_ formats: [String], help extra: String = "") -> OptionSpec {
    OptionSpec(
      long: "format", valueName: "format",
      help: "Output format: \(CommandSpec.list(formats)).\(extra)", allowedValues: formats, defaultValue: formats[0])
  }
}
