import CPMSCore

/// What a command accepts; help text, usage lines and parsing are all derived from it.
public struct CommandSpec: Sendable {
  public var name: String
  public var abstract: String
  public var discussion: String?
  public var arguments: [ArgumentSpec]
  public var options: [OptionSpec]

  public init(
    name: String, abstract: String, discussion: String? = nil, arguments: [ArgumentSpec] = [],
    options: [OptionSpec] = []
  ) {
    self.name = name
    self.abstract = abstract
    self.discussion = discussion
    self.arguments = arguments
    self.options = options
  }

  /// The options every command has, listed last in help.
  public static let standardOptions = [
    OptionSpec(
      long: "lang", valueName: "language",
      help: "The language of the CPMS text: en, fr, es or ar (default: from LANGUAGE, LC_ALL, LC_MESSAGES or "
        + "LANG, else en).", allowedValues: Language.allCases.map(\.rawValue)),
    OptionSpec(long: "version", help: "Show the version."),
    OptionSpec(long: "help", short: "h", help: "Show help information."),
  ]

  public var allOptions: [OptionSpec] { options + CommandSpec.standardOptions }

  public var commandPath: String { name.isEmpty ? "cpms" : "cpms \(name)" }

  public func option(named name: String) -> OptionSpec? {
    allOptions.first { $0.long == name }
  }

  public func option(short: Character) -> OptionSpec? {
    allOptions.first { $0.short == short }
  }

  /// `cpms show <standard> [--format <format>]`, as swift-argument-parser writes it.
  public var usage: String {
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

extension CommandSpec {
  /// "a, b or c"
  public static func list(_ items: [String], conjunction: String = "or") -> String {
    guard items.count > 1 else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + " \(conjunction) " + items.last!
  }
}
