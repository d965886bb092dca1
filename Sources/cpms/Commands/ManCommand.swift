import CPMSArguments
import CPMSCore

/// `cpms man`: prints the manual page, which `make install` installs as share/man/man1/cpms.1.
enum ManCommand: Command {
  static let spec = CommandSpec(
    name: "man",
    abstract: "Print the manual page in roff (read it with 'cpms man > cpms.1; man ./cpms.1').",
    options: [
      OptionSpec(
        long: "date", valueName: "yyyy-mm-dd", help: "The page's date; default SOURCE_DATE_EPOCH when set, else today.")
    ]
  )

  static func run(_ arguments: ParsedArguments, _ environment: Environment) throws(CLIError) -> ExitCode {
    let date = try PackDate.resolve(arguments.value("date"), workshop: nil, environment: environment, spec: spec)
    let specs = CPMSCommandLine.commands.map { $0.spec } + [CPMSCommandLine.helpSpec]
    let t = Interface(environment.language)
    // Each status padded to five columns, as the page lays the table out in every language.
    let exitStatus = [0, 1, 64, 65, 66, 73].map { code in
      let number = String(code)
      return "  " + number + String(repeating: " ", count: 5 - number.count) + t("man.exit.\(code)")
    }
    environment.write(
      ManualPage.render(
        program: "cpms", version: CPMSCommandLine.version, date: date, root: CPMSCommandLine.rootSpec,
        commands: specs,
        sections: [
          (t("man.exitStatus"), exitStatus.joined(separator: "\n")), (t("man.seeAlso"), t("man.seeAlsoText")),
        ], language: environment.language))
    return .success
  }
}
