import CPMSArguments
import CPMSCore

/// One subcommand: its spec (for parsing and help) and what it does. Each command decodes its parsed
/// arguments once into a typed `Options` value and works from that alone.
protocol Command: Sendable {
  static var spec: CommandSpec { get }
  static func run(_ arguments: ParsedArguments, _ environment: Environment) throws(CLIError) -> ExitCode
}

extension ParsedArguments {
  /// An enumerated option's value (`--format`, `--situation`…), or its default, as its type. The
  /// parser has checked it against the spec's allowed values; an option whose spec and type disagree
  /// is still reported, listing the values the type supports.
  func choice<Choice: RawRepresentable & CaseIterable>(_ name: String, as type: Choice.Type) throws(CLIError)
    -> Choice?
  where Choice.RawValue == String {
    guard let text = value(name) ?? spec.option(named: name)?.defaultValue else { return nil }
    guard let choice = Choice(rawValue: text) else {
      let t = Interface(language)
      let supported = Choice.allCases.map { "'\($0.rawValue)'" }
      throw .usage(
        t("error.invalidValue", Excerpt.of(text), "--\(name)", CommandSpec.list(supported, conjunction: t("list.or"))),
        spec)
    }
    return choice
  }

  /// The `--format` value as the command's format type.
  func format<Format: RawRepresentable & CaseIterable>(_ type: Format.Type) throws(CLIError) -> Format
  where Format.RawValue == String {
    guard let format = try choice("format", as: type) else {
      throw .usage(Interface(language)("select.noDefault", "--format"), spec)
    }
    return format
  }

  /// A standard number argument or option value, as a usage error when it is not 1–28.
  func standardNumber(_ text: String, what: String, language: Language = .en) throws(CLIError) -> StandardNumber {
    guard let number = Int(text).flatMap(StandardNumber.init) else {
      throw .usage(Interface(language)("cli.invalidStandard", Excerpt.of(text), what), spec)
    }
    return number
  }
}
