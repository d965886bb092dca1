/// What a command accepts; help text, usage lines and parsing are all derived from it.
struct CommandSpec: Sendable {
  var name: String
  var abstract: String
  var discussion: String?
  var arguments: [ArgumentSpec] = []
  var options: [OptionSpec] = []

  /// The options every command has, listed last in help.
  static let standardOptions = [
    OptionSpec(long: "version", help: "Show the version."),
    OptionSpec(long: "help", short: "h", help: "Show help information."),
  ]

  var allOptions: [OptionSpec] { options + CommandSpec.standardOptions }

  var commandPath: String { name.isEmpty ? "cpms" : "cpms \(name)" }

  func option(named name: String) -> OptionSpec? {
    allOptions.first { $0.long == name }
  }

  func option(short: Character) -> OptionSpec? {
    allOptions.first { $0.short == short }
  }

  /// `cpms show <standard> [--format <format>]`, as swift-argument-parser writes it.
  var usage: String {
    if name.isEmpty { return "cpms <subcommand>" }
    var parts = [commandPath]
    for argument in arguments {
      var text = "<\(argument.name)>"
      if argument.repeating { text += " ..." }
      parts.append(argument.required ? text : "[\(text)]")
    }
    for option in options {
      var text = option.short.map { "-\($0)" } ?? "--\(option.long)"
      if let value = option.valueName { text += " <\(value)>" }
      if option.repeatable { text += " ..." }
      parts.append(option.required ? text : "[\(text)]")
    }
    return parts.joined(separator: " ")
  }
}

struct ArgumentSpec: Sendable {
  var name: String
  var help: String
  var repeating = false
  var required = true
}

struct OptionSpec: Sendable {
  var long: String
  var short: Character? = nil
  /// nil for a flag that takes no value.
  var valueName: String? = nil
  var help: String
  var repeatable = false
  var required = false
  var allowedValues: [String]? = nil
  var defaultValue: String? = nil

  var label: String {
    var text = (short.map { "-\($0), " } ?? "") + "--\(long)"
    if let valueName { text += " <\(valueName)>" }
    return text
  }

  var displayName: String {
    "--\(long)" + (valueName.map { " <\($0)>" } ?? "")
  }

  /// The `--format` option most commands share.
  static func format(_ formats: [String], help extra: String = "") -> OptionSpec {
    OptionSpec(
      long: "format", valueName: "format",
      help: "Output format: \(CommandSpec.list(formats)).\(extra)", allowedValues: formats, defaultValue: formats[0])
  }
}

extension CommandSpec {
  /// "a, b or c"
  static func list(_ items: [String], conjunction: String = "or") -> String {
    guard items.count > 1 else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + " \(conjunction) " + items.last!
  }
}
