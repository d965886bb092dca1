import CPMSArguments
import CPMSCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The root command: finds the subcommand, parses its arguments, runs it and maps errors to exit codes.
enum CPMSCommandLine {
  static let version = "1.0.0"

  static let commands: [any Command.Type] = [
    ListCommand.self, ShowCommand.self, PrinciplesCommand.self, SearchCommand.self, PrioritizeCommand.self,
    PackCommand.self, BallotCommand.self, MonitorCommand.self, ValidateCommand.self, SchemaCommand.self,
    CompletionsCommand.self,
    ManCommand.self,
  ]

  static let rootSpec = CommandSpec(
    name: "",
    abstract: "Run CPMS standards-prioritization workshops: browse the 2019 Minimum Standards for Child "
      + "Protection in Humanitarian Action, choose priority standards, and export the workshop pack.",
    discussion: "The CPMS text cpms shows is a summary for workshop use, not the official wording; "
      + "see the 2019 handbook for the exact text."
  )

  static func main(_ arguments: [String], environment: Environment) -> Int32 {
    // The language first, so that help and errors too are in it: `--lang` wherever it is, else the
    // environment's.
    var environment = environment
    if let language = explicitLanguage(arguments) {
      environment.language = language
      environment.languageIsExplicit = true
    } else {
      environment.language = Language.fromEnvironment(environment.variables) ?? .en
    }
    do {
      let status = try dispatch(arguments, &environment).rawValue
      return reportingOutputFailure(status, environment)
    } catch {
      let t = Interface(environment.language)
      switch error {
      case .usage(let message, let spec):
        environment.writeError(
          t("error.prefix", message) + "\n" + t("error.usage", spec.usage) + "\n  "
            + t("error.seeHelp", spec.commandPath) + "\n")
      case .failure(let message, _):
        environment.writeError(t("error.prefix", message) + "\n")
      }
      return error.exitCode.rawValue
    }
  }

  /// `cpms help [<subcommand>]`, listed in the root help like the other subcommands.
  static let helpSpec = CommandSpec(
    name: "help",
    abstract: "Show help information for a subcommand (the same as 'cpms SUBCOMMAND --help').",
    arguments: [ArgumentSpec(name: "subcommand", help: "The subcommand to explain.", required: false)]
  )

  /// Output lost to a full disk (`cpms validate > report.txt`) must not end in success: the first error
  /// met writing to standard output, other than a closed pipe, is reported and makes the status 73.
  static func reportingOutputFailure(_ status: Int32, _ environment: Environment) -> Int32 {
    guard Environment.outputFailure != 0 else { return status }
    let reason = String(cString: strerror(Environment.outputFailure))
    let t = Interface(environment.language)
    environment.writeError(t("error.prefix", t("cli.stdoutFailed", reason)) + "\n")
    return status == 0 || status == 1 ? 73 : status
  }

  /// Runs the command line in `environment`, whose language `main` has set; a command that reads a
  /// workshop or contextualization file naming its language speaks that one unless `--lang` was given.
  static func dispatch(_ arguments: [String], _ environment: inout Environment) throws(CLIError) -> ExitCode {
    let arguments = movingLeadingLanguage(arguments)
    let language = environment.language
    // Rendered only when shown: laying out the help costs more than most commands' own work.
    var rootHelp: String {
      HelpText.render(
        rootSpec, subcommands: commands.map { $0.spec }, width: environment.columns, language: language)
    }
    guard let first = arguments.first else {
      environment.write(rootHelp)
      return .success
    }
    switch first {
    case "--lang",
      _ where first.hasPrefix("--lang="):
      // Only a bad value is left here (movingLeadingLanguage): the root's parser words the error.
      _ = try ArgumentParsing.parse(arguments, spec: rootSpec, language: language)
      environment.write(rootHelp)
      return .success
    case "-h", "--help":
      environment.write(rootHelp)
      return .success
    case "--version":
      environment.write(version + "\n")
      return .success
    case "help":
      guard let name = arguments.dropFirst().first else {
        environment.write(rootHelp)
        return .success
      }
      let spec = name == helpSpec.name ? helpSpec : try find(name, language: language).spec
      environment.write(HelpText.render(spec, width: environment.columns, language: language))
      return .success
    default:
      let command = try find(first, language: language)
      switch try ArgumentParsing.parse(Array(arguments.dropFirst()), spec: command.spec, language: language) {
      case .help:
        environment.write(HelpText.render(command.spec, width: environment.columns, language: language))
        return .success
      case .version:
        environment.write(version + "\n")
        return .success
      case .run(let parsed):
        if !environment.languageIsExplicit, let language = FileLanguage.declared(parsed, environment) {
          environment.language = language
        }
        return try command.run(parsed, environment)
      }
    }
  }

  /// `cpms --lang fr prioritize …` as well as `cpms prioritize … --lang fr`: a `--lang` before the
  /// command name moves after it, where every command's parser takes it (and checks its value).
  static func movingLeadingLanguage(_ arguments: [String]) -> [String] {
    guard let first = arguments.first, first == "--lang" || first.hasPrefix("--lang=") else { return arguments }
    let option = first == "--lang" ? Array(arguments.prefix(2)) : [first]
    let rest = Array(arguments.dropFirst(option.count))
    guard let command = rest.first else {
      // `cpms --lang fr` alone: the root help in that language; a bad value goes on to the parser's error.
      return explicitLanguage(option) == nil ? option : []
    }
    if ["-h", "--help", "--version", "help"].contains(command) { return rest }
    return [command] + option + rest.dropFirst()
  }

  /// `--lang X` or `--lang=X` among the arguments (before `--`), when X is a language cpms speaks; the
  /// parser reports a wrong value with the command's usage.
  static func explicitLanguage(_ arguments: [String]) -> Language? {
    var found: Language?
    var index = 0
    while index < arguments.count, arguments[index] != "--" {
      if arguments[index] == "--lang", index + 1 < arguments.count {
        found = Language(rawValue: arguments[index + 1]) ?? found
      } else if arguments[index].hasPrefix("--lang=") {
        found = Language(rawValue: String(arguments[index].dropFirst("--lang=".count))) ?? found
      }
      index += 1
    }
    return found
  }

  static func find(_ name: String, language: Language = .en) throws(CLIError) -> any Command.Type {
    if let command = commands.first(where: { $0.spec.name == name }) { return command }
    let names = commands.map { $0.spec.name } + ["help"]
    let t = Interface(language)
    let message = t(name.hasPrefix("-") ? "error.unknownOption" : "error.unknownCommand", Excerpt.of(name))
    throw .usage(message + Suggestion.didYouMean(name, among: names, language: language), rootSpec)
  }
}
