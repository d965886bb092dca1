import CPMSCore

/// A command's help texts in one language: the help, the manual page and the completion menus all read
/// them here, by the keys `HelpText.keys` lists, so they say the same things. The specs hold the English;
/// a translation is used only while it was made from that English.
struct HelpWords {
  let language: Language

  init(_ language: Language) { self.language = language }

  static func key(_ spec: CommandSpec, _ part: String) -> String {
    "help.\(spec.name.isEmpty ? "root" : spec.name).\(part)"
  }

  /// The options every command takes (`--lang`, `--help`…) are translated once, not per command.
  static func key(_ option: OptionSpec, of spec: CommandSpec) -> String {
    CommandSpec.standardOptions.contains { $0.long == option.long }
      ? "help.option.\(option.long)" : key(spec, "option.\(option.long)")
  }

  func abstract(_ spec: CommandSpec) -> String {
    translated(Self.key(spec, "abstract"), spec.abstract)
  }

  func discussion(_ spec: CommandSpec) -> String? {
    spec.discussion.map { translated(Self.key(spec, "discussion"), $0) }
  }

  func help(_ argument: ArgumentSpec, of spec: CommandSpec) -> String {
    translated(Self.key(spec, "argument.\(argument.name)"), argument.help)
  }

  func help(_ option: OptionSpec, of spec: CommandSpec) -> String {
    translated(Self.key(option, of: spec), option.help)
  }

  /// The text of `key` in the language when the table has it for the current English (a translation of
  /// an older English is not used), else the English.
  func translated(_ key: String, _ english: String) -> String {
    guard language != .en, Interface.text(key, in: .en) == english, let text = Interface.text(key, in: language)
    else { return english }
    return text
  }
}
