import CPMSArguments
import CPMSCore

/// `cpms completions SHELL`: prints a completion script for bash, zsh or fish.
enum CompletionsCommand: Command {
  static let spec = CommandSpec(
    name: "completions",
    abstract: "Print the shell completion script for bash, zsh or fish.",
    discussion: """
      Install it once, for example:
        cpms completions bash > ~/.local/share/bash-completion/completions/cpms
        cpms completions zsh > "${fpath[1]}/_cpms"
        cpms completions fish > ~/.config/fish/completions/cpms.fish
      """,
    arguments: [ArgumentSpec(name: "shell", help: "bash, zsh or fish.")]
  )

  static func run(_ arguments: ParsedArguments, _ environment: Environment) throws(CLIError) -> ExitCode {
    let name = arguments.positionals.first ?? ""
    guard let shell = ShellCompletion(rawValue: name) else {
      let shells = ShellCompletion.allCases.map(\.rawValue)
      throw .usage(
        Interface(environment.language)("cli.unknownShell", Excerpt.of(name), CommandSpec.list(shells))
          + Suggestion.didYouMean(name, among: shells, language: environment.language), spec)
    }
    let specs = CPMSCommandLine.commands.map { $0.spec } + [CPMSCommandLine.helpSpec]
    environment.write(shell.script(program: "cpms", commands: specs, language: environment.language))
    return .success
  }
}
