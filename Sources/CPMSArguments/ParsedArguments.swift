import CPMSCore

/// The arguments of one command line, checked against a `CommandSpec`.
public struct ParsedArguments: Sendable {
  public var spec: CommandSpec
  public var positionals: [String] = []
  public var values: [String: [String]] = [:]
  public var flags: Set<String> = []

  public init(spec: CommandSpec) { self.spec = spec }

  public func value(_ name: String) -> String? { values[name]?.last }
  public func all(_ name: String) -> [String] { values[name] ?? [] }
  public func flag(_ name: String) -> Bool { flags.contains(name) }
  public func has(_ name: String) -> Bool { values[name] != nil || flags.contains(name) }
}

/// What the parser found before running anything.
public enum ParseOutcome: Sendable {
  case run(ParsedArguments)
  case help
  case version
}

public enum ArgumentParsing {
  public static func parse(_ arguments: [String], spec: CommandSpec) throws(CLIError) -> ParseOutcome {
    var parsed = ParsedArguments(spec: spec)
    var index = 0
    var onlyPositionals = false
    func usage(_ message: String) -> CLIError { .usage(message, spec) }
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if onlyPositionals || argument == "-" || !argument.hasPrefix("-") || ArgumentParsing.isNegativeNumber(argument) {
        parsed.positionals.append(argument)
        continue
      }
      if argument == "--" {
        onlyPositionals = true
        continue
      }
      var inlineValue: String?
      let option: OptionSpec
      if argument.hasPrefix("--") {
        var name = String(argument.dropFirst(2))
        if let equals = name.firstIndex(of: "=") {
          inlineValue = String(name[name.index(after: equals)...])
          name = String(name[..<equals])
        }
        guard let found = spec.option(named: name) else {
          let names = spec.allOptions.map { "--\($0.long)" }
          throw usage("Unknown option '--\(Excerpt.of(name))'.\(Suggestion.didYouMean("--\(name)", among: names))")
        }
        option = found
      } else {
        let body = argument.dropFirst()
        guard let first = body.first, let found = spec.option(short: first) else {
          let names = spec.allOptions.compactMap { $0.short.map { "-\($0)" } } + spec.allOptions.map { "--\($0.long)" }
          throw usage("Unknown option '\(Excerpt.of(argument))'.\(Suggestion.didYouMean(argument, among: names))")
        }
        option = found
        if body.count > 1 { inlineValue = String(body.dropFirst()) }
      }
      if option.long == "help" { return .help }
      if option.long == "version" { return .version }
      guard option.valueName != nil else {
        if inlineValue != nil { throw usage("The option '--\(option.long)' takes no value.") }
        parsed.flags.insert(option.long)
        continue
      }
      let value: String
      if let inlineValue {
        value = inlineValue
      } else if index < arguments.count,
        arguments[index] == "-" || !arguments[index].hasPrefix("-") || isNegativeNumber(arguments[index])
      {
        value = arguments[index]
        index += 1
      } else {
        throw usage("Missing value for '\(option.displayName)'.")
      }
      if let allowed = option.allowedValues, !allowed.contains(value) {
        let quoted = allowed.map { "'\($0)'" }
        throw usage(
          "The value '\(Excerpt.of(value))' is invalid for '\(option.displayName)'. Please provide one of "
            + "\(CommandSpec.list(quoted)).\(Suggestion.didYouMean(value, among: allowed))")
      }
      if option.repeatable {
        parsed.values[option.long, default: []].append(value)
      } else {
        parsed.values[option.long] = [value]
      }
    }
    for option in spec.options where option.required && !parsed.has(option.long) {
      throw usage("Missing expected option '\(option.displayName)'.")
    }
    let capacity = spec.arguments.contains(where: \.repeating) ? Int.max : spec.arguments.count
    if parsed.positionals.count > capacity {
      throw usage("Unexpected argument '\(Excerpt.of(parsed.positionals[capacity]))'.")
    }
    let required = spec.arguments.filter(\.required).count
    if parsed.positionals.count < required {
      throw usage("Missing expected argument '<\(spec.arguments[parsed.positionals.count].name)>'.")
    }
    return .run(parsed)
  }

  /// "-0", "-5" or "-1.5": a value (a mistaken one, which the command then explains), never an option,
  /// since no option is named by a digit.
  static func isNegativeNumber(_ argument: String) -> Bool {
    let utf8 = argument.utf8
    return utf8.count > 1 && utf8.first == UInt8(ascii: "-")
      && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(utf8[utf8.index(after: utf8.startIndex)])
  }
}

extension Suggestion {
  /// " Did you mean 'x'?" for the closest candidate, or "".
  public static func didYouMean(_ word: String, among candidates: [String]) -> String {
    closest(word, among: candidates).map { " Did you mean '\($0)'?" } ?? ""
  }
}
