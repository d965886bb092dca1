import CPMSArguments
import CPMSCore

/// One subcommand: its spec (for parsing and help) and what it does.
protocol Command: Sendable {
  static var spec: CommandSpec { get }
  static func run(_ arguments: ParsedArguments, _ environment: Environment) throws(CLIError) -> ExitCode
}

extension ParsedArguments {
  /// The `--format` value, defaulting to the option's first allowed value.
  var format: String { value("format") ?? spec.option(named: "format")?.defaultValue ?? "text" }

  /// A standard number argument or option value, as a usage error when it is not 1–28.
  func standardNumber(_ text: String, what: String) throws(CLIError) -> Int {
    guard let number = Int(text), (1...28).contains(number) else {
      throw .usage("The value '\(Excerpt.of(text))' is invalid for '<\(what)>': standards are numbered 1 to 28.", spec)
    }
    return number
  }
}
