import CPMSCore

/// What the parser found before running anything.
public enum ParseOutcome: Sendable {
  case run(ParsedArguments)
  case help
  case version
}

public enum ArgumentParsing {
  public static func parse(_ arguments: [String], spec: CommandSpec, language: Language = .en) throws(CLIError)
    -> ParseOutcome
  {
    let t = Interface(language)
    var parsed = ParsedArguments(spec: spec)
    parsed.language = language
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
          throw usage(
            t("error.unknownOption", "--" + Excerpt.of(name))
              + Suggestion.didYouMean("--\(name)", among: names, language: language))
        }
        option = found
      } else {
        let body = argument.dropFirst()
        guard let first = body.first, let found = spec.option(short: first) else {
          let names = spec.allOptions.compactMap { $0.short.map { "-\($0)" } } + spec.allOptions.map { "--\($0.long)" }
          throw usage(
            t("error.unknownOption", Excerpt.of(argument))
              + Suggestion.didYouMean(argument, among: names, language: language))
        }
        option = found
        if body.count > 1 { inlineValue = String(body.dropFirst()) }
      }
      if option.long == "help" { return .help }
      if option.long == "version" { return .version }
      guard option.valueName != nil else {
        if inlineValue != nil { throw usage(t("error.takesNoValue", "--" + option.long)) }
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
        throw usage(t("error.missingValue", option.displayName))
      }
      if let allowed = option.allowedValues, !allowed.contains(value) {
        let quoted = allowed.map { "'\($0)'" }
        throw usage(
          t(
            "error.invalidValue", Excerpt.of(value), option.displayName,
            CommandSpec.list(quoted, conjunction: t("list.or")))
            + Suggestion.didYouMean(value, among: allowed, language: language))
      }
      if option.repeatable {
        parsed.values[option.long, default: []].append(value)
      } else {
        parsed.values[option.long] = [value]
      }
    }
    for option in spec.options where option.required && !parsed.has(option.long) {
      throw usage(t("error.missingOption", option.displayName))
    }
    let capacity = spec.arguments.contains(where: \.repeating) ? Int.max : spec.arguments.count
    if parsed.positionals.count > capacity {
      throw usage(t("error.unexpectedArgument", Excerpt.of(parsed.positionals[capacity])))
    }
    let required = spec.arguments.filter(\.required).count
    if parsed.positionals.count < required {
      throw usage(t("error.missingArgument", "<\(spec.arguments[parsed.positionals.count].name)>"))
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
