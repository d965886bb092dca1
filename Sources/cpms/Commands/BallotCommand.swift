import CPMSArguments
import CPMSCore

/// `cpms ballot`: a ready-to-fill CSV ballot for participants.
enum BallotCommand: Command {
  static let spec = CommandSpec(
    name: "ballot",
    abstract: "Write a ready-to-fill CSV ballot: the 28 standards with pillar and title, and the key questions.",
    discussion: "Participants fill the score column (0 = not a priority, 5 = top priority) in any spreadsheet "
      + "and save as CSV; then pass the files to 'cpms prioritize --ballot'.",
    options: [
      OptionSpec(
        long: "delimiter", valueName: "delimiter",
        help: "comma, or semicolon for spreadsheets set to French or Spanish.",
        allowedValues: ["comma", "semicolon"], defaultValue: "comma"),
      OptionSpec(long: "output", short: "o", valueName: "file", help: "Write to this file instead of stdout."),
      OptionSpec(long: "force", help: "Overwrite the output file if it exists."),
    ]
  )

  static func run(_ arguments: ParsedArguments, _ environment: Environment) throws(CLIError) -> ExitCode {
    let delimiter: Character = arguments.value("delimiter") == "semicolon" ? ";" : ","
    let csv = BallotTemplate.csv(catalog: try environment.catalog(), delimiter: delimiter)
    if let path = arguments.value("output") {
      try FileOutput.writeFile(csv, to: path, force: arguments.flag("force"))
    } else {
      environment.write(csv)
    }
    return .success
  }
}
