import CPMSArguments
import CPMSCore

/// `cpms ballot`: a ready-to-fill ballot, as a CSV sheet or as an XLSForm for KoboToolbox and ODK.
enum BallotCommand: Command {
  static let spec = CommandSpec(
    name: "ballot",
    abstract: "Write a ready-to-fill ballot: a CSV sheet, or an XLSForm for KoboToolbox and ODK.",
    discussion: """
      csv: the 28 standards with pillar and title, a score, participant and comment column, and the key questions. Participants fill the score column (0 = not a priority, 5 = top priority, half points allowed) in any spreadsheet and save as CSV.
      xlsform: a form to publish on KoboToolbox or ODK Central (one 0-5 question per standard, grouped by pillar, with an optional comment on each); download the submissions as CSV.
      Then pass the files to 'cpms prioritize --ballot', which reads both layouts.
        cpms ballot -o ballot.csv
        cpms ballot --format xlsform -o ballot.xlsx
      """,
    options: [
      OptionSpec(
        long: "format", valueName: "format", help: "csv or xlsform.",
        allowedValues: BallotFormat.allCases.map(\.rawValue), defaultValue: BallotFormat.csv.rawValue),
      OptionSpec(
        long: "delimiter", valueName: "delimiter",
        help: "comma, or semicolon for spreadsheets set to French or Spanish (csv; the default with --lang fr or es).",
        allowedValues: Delimiter.allCases.map(\.rawValue)),
      OptionSpec(
        long: "output", short: "o", valueName: "file",
        help: "Write to this file instead of stdout (required for xlsform)."),
      OptionSpec(long: "force", help: "Overwrite the output file if it exists."),
    ]
  )

  enum BallotFormat: String, CaseIterable {
    case csv
    case xlsform
  }

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

    /// Spreadsheets set to a language that writes decimals with a comma (French, Spanish) read ";" as
    /// the separator: the default for the sheets cpms writes in that language.
    static func `default`(for language: Language) -> Delimiter {
      language.decimalSeparator == "," ? .semicolon : .comma
    }
  }

  struct Options {
    var format: BallotFormat
    var delimiter: Delimiter
    var output: String?
    var force: Bool

    init(_ arguments: ParsedArguments, language: Language) throws(CLIError) {
      format = try arguments.format(BallotFormat.self)
      delimiter =
        arguments.value("delimiter") == nil
        ? Delimiter.default(for: language) : try arguments.choice("delimiter", as: Delimiter.self) ?? .comma
      output = arguments.value("output")
      force = arguments.flag("force")
      let t = Interface(language)
      if format == .xlsform && output == nil {
        throw .usage(t("cli.xlsformNeedsOutput"), spec)
      }
      if format == .xlsform && arguments.value("delimiter") != nil {
        throw .usage(t("cli.delimiterIsForCSV"), spec)
      }
    }
  }

  static func run(_ arguments: ParsedArguments, _ environment: Environment) throws(CLIError) -> ExitCode {
    let options = try Options(arguments, language: environment.language)
    let catalog = try environment.catalog()
    switch options.format {
    case .csv:
      let csv = BallotTemplate.csv(catalog: catalog, delimiter: options.delimiter.character)
      if let path = options.output {
        try FileOutput.writeFile(csv, to: path, force: options.force, language: environment.language)
      } else {
        environment.write(csv)
      }
    case .xlsform:
      // Every language in one form, the output's language first (the form's default).
      var catalogs = [catalog]
      for language in Language.allCases where language != catalog.language {
        catalogs.append(try environment.catalog(in: language))
      }
      let form = BallotForm.xlsx(catalogs: catalogs, version: "cpms-\(CPMSCommandLine.version)")
      try FileOutput.writeFile(form, to: options.output ?? "", force: options.force, language: environment.language)
    }
    return .success
  }
}
