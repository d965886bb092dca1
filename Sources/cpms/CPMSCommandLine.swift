import CPMSArguments
import CPMSCore

/// The root command: finds the subcommand, parses its arguments, runs it and maps errors to exit codes.
enum CPMSCommandLine {
  static let version = "1.0.0"

  static let commands: [any Command.Type] = [
    ListCommand.self, ShowCommand.self, PrinciplesCommand.self, SearchCommand.self, PrioritizeCommand.self,
    PackCommand.self, BallotCommand.self, ValidateCommand.self, SchemaCommand.self, CompletionsCommand.self,
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
    do {
      return try dispatch(arguments, environment).rawValue
    } catch {
      switch error {
      case .usage(let message, let spec):
        environment.writeError(
          "Error: \(message)\nUsage: \(spec.usage)\n  See '\(spec.commandPath) --help' for more information.\n")
      case .failure(let message, _):
        environment.writeError("Error: \(message)\n")
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

  static func dispatch(_ arguments: [String], _ environment: Environment) throws(CLIError) -> ExitCode {
    // Rendered only when shown: laying out the help costs more than most commands' own work.
    var rootHelp: String {
      HelpText.render(rootSpec, subcommands: commands.map { $0.spec }, width: environment.columns)
    }
    guard let first = arguments.first else {
      environment.write(rootHelp)
      return .success
    }
    switch first {
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
      let spec = name == helpSpec.name ? helpSpec : try find(name).spec
      environment.write(HelpText.render(spec, width: environment.columns))
      return .success
    default:
      let command = try find(first)
      switch try ArgumentParsing.parse(Array(arguments.dropFirst()), spec: command.spec) {
      case .help:
        environment.write(HelpText.render(command.spec, width: environment.columns))
        return .success
      case .version:
        environment.write(version + "\n")
        return .success
      case .run(let parsed):
        var environment = environment
        if let code = parsed.value("lang"), let language = Language(rawValue: code) {
          environment.language = language
          environment.languageIsExplicit = true
        } else {
          environment.language = Language.fromEnvironment(environment.variables) ?? .en
        }
        return try command.run(parsed, environment)
      }
    }
  }

  static func find(_ name: String) throws(CLIError) -> any Command.Type {
    if let command = commands.first(where: { $0.spec.name == name }) { return command }
    let names = commands.map { $0.spec.name } + ["help"]
    let kind = name.hasPrefix("-") ? "option" : "command"
    throw .usage("Unknown \(kind) '\(Excerpt.of(name))'.\(Suggestion.didYouMean(name, among: names))", rootSpec)
  }
}
