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
        allowedValues: Delimiter.allCases.map(\.rawValue), defaultValue: Delimiter.comma.rawValue),
      OptionSpec(long: "output", short: "o", valueName: "file", help: "Write to this file instead of stdout."),
      OptionSpec(long: "force", help: "Overwrite the output file if it exists."),
    ]
  )

  /// The CSV delimiter: a comma, or a semicolon where the spreadsheet's decimal separator is a comma.
  enum Delimiter: String, CaseIterable {
    case comma
    case semicolon

    var character: Character {
      switch self {
      case .comma: ","
      case .semicolon: ";"
      }
    }
  }

  struct Options {
    var delimiter: Delimiter
    var output: String?
    var force: Bool

    init(_ arguments: ParsedArguments) throws(CLIError) {
      delimiter = try arguments.choice("delimiter", as: Delimiter.self) ?? .comma
      output = arguments.value("output")
      force = arguments.flag("force")
    }
  }

  static func run(_ arguments: ParsedArguments, _ environment: Environment) throws(CLIError) -> ExitCode {
    let options = try Options(arguments)
    let csv = BallotTemplate.csv(catalog: try environment.catalog(), delimiter: options.delimiter.character)
    if let path = options.output {
      try FileOutput.writeFile(csv, to: path, force: options.force)
    } else {
      environment.write(csv)
    }
    return .success
  }
}
