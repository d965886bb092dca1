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
    let exitStatus = """
      0    success; the selection complies; every file is valid
      1    the selection does not comply; a file is not valid
      64   usage error: unknown command or option, bad value
      65   a ballot, workshop or context file is malformed
      66   an input file does not exist or cannot be read
      73   the output cannot be written
      """
    environment.write(
      ManualPage.render(
        program: "cpms", version: CPMSCommandLine.version, date: date, root: CPMSCommandLine.rootSpec,
        commands: specs,
        sections: [
          ("Exit status", exitStatus.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")),
          (
            "See also",
            "The README of the cpms project, and the Minimum Standards for Child Protection in "
              + "Humanitarian Action, 2019 edition."
          ),
        ]))
    return .success
  }
}
