import CPMSArguments
import CPMSCore

/// `cpms monitor template|report`: the reporting sheet partners fill in each round, and the report
/// that adds their figures up against the targets.
enum MonitorCommand: Command {
  enum Action: String, CaseIterable {
    case template
    case report
  }

  /// Every value --format takes: the report's formats, and xlsx for the template.
  enum Format: String, CaseIterable {
    case text, json, markdown, csv, svg, html, xlsx
  }

  static let spec = CommandSpec(
    name: "monitor",
    abstract: "Follow the selected standards' indicators through the response: a reporting sheet, then a report.",
    discussion: """
      Examples:
        cpms monitor template --workshop workshop.json --units units.csv --period-start 2026-01-01 --period-end 2026-03-31 -o round1.csv
        cpms monitor report --workshop workshop.json round1/*.csv round2/*.csv
        cpms monitor report --select 6,13,18 --data a.csv --data b.csv --format csv -o dashboard.csv

      template  writes the sheet as CSV with an HXL hashtag row under the header: one row per indicator of the selected standards and reporting unit (from --units: organisation, admin_level, location_code, location_name), with the period when given. Without a selection, all 28 standards.
      report    reads filled sheets (CSV with or without the HXL row, ',' or ';', any number of files, rounds and partners) and, per indicator and period, adds them up: percentages as summed numerators over summed denominators, counts summed, yes/no as yes only when every unit says yes; compares with the target (the context's when --context or the workshop gives one), shows the trend and the units missing. Without a selection, the standards found in the data.

      Bad figures are findings with file:line:column (column = field number) and a rule name; 'cpms validate' checks the same files.

      Exit status: 0 when the report is complete, 1 when any figure is inconsistent, 64 for usage errors, 65 for a malformed file, 66 for a missing file, 73 when the output cannot be written.
      """,
    arguments: [
      ArgumentSpec(name: "action", help: "template (the sheet to fill) or report (add up filled sheets)."),
      ArgumentSpec(
        name: "files", help: "report: filled monitoring sheets (CSV), as with --data.", repeating: true, required: false
      ),
    ],
    options: SelectionOptions.specs + [
      OptionSpec(
        long: "data", valueName: "file", help: "report: a filled monitoring sheet (CSV); repeat for each file.",
        repeatable: true),
      OptionSpec(
        long: "units", valueName: "file",
        help: "template: a CSV of reporting units (organisation, admin_level, location_code, location_name)."),
      OptionSpec(long: "period-start", valueName: "date", help: "template: the period's first day, YYYY-MM-DD."),
      OptionSpec(long: "period-end", valueName: "date", help: "template: the period's last day, YYYY-MM-DD."),
      OptionSpec(
        long: "format", valueName: "format",
        help: "report: \(CommandSpec.list(MonitoringFormat.allCases.map(\.rawValue))) (csv has an HXL row); "
          + "template: csv (the default) or xlsx (an Excel workbook, with -o).",
        allowedValues: Format.allCases.map(\.rawValue), defaultValue: Format.text.rawValue),
      OptionSpec(
        long: "delimiter", valueName: "delimiter",
        help: "comma, or semicolon for spreadsheets set to French or Spanish (the default with --lang fr or es).",
        allowedValues: BallotCommand.Delimiter.allCases.map(\.rawValue),
        defaultValue: BallotCommand.Delimiter.comma.rawValue),
      OptionSpec(long: "output", short: "o", valueName: "file", help: "Write to this file instead of stdout."),
      OptionSpec(long: "force", help: "Overwrite the output file if it exists."),
    ]
  )

  struct Options {
    var action: Action
    var selection: SelectionOptions
    var dataPaths: [String]
    var unitsPath: String?
    var periodStart: CalendarDate?
    var periodEnd: CalendarDate?
    /// The report's format; the template's is csv unless `xlsx` is set.
    var format: MonitoringFormat
    var xlsx = false
    var delimiter: Character
    var output: String?
    var force: Bool

    init(_ arguments: ParsedArguments, language: Language = .en) throws(CLIError) {
      let t = Interface(language)
      let positionals = arguments.positionals
      guard let first = positionals.first else {
        throw .usage(t("mon.cli.missingAction"), spec)
      }
      guard let action = Action(rawValue: first) else {
        throw .usage(
          t("mon.cli.unknownAction", Excerpt.of(first))
            + Suggestion.didYouMean(first, among: Action.allCases.map(\.rawValue), language: language), spec)
      }
      if action == .template && positionals.count > 1 {
        throw .usage(t("mon.cli.templateReadsNoData", Excerpt.of(positionals[1])), spec)
      }
      self.action = action
      selection = try SelectionOptions(arguments)
      selection.verb = "monitor"
      dataPaths = arguments.all("data") + positionals.dropFirst()
      unitsPath = arguments.value("units")
      func date(_ name: String) throws(CLIError) -> CalendarDate? {
        guard let text = arguments.value(name) else { return nil }
        guard let date = CalendarDate(parsing: text) else {
          throw .usage(t("mon.cli.badDate", Excerpt.of(text), name), spec)
        }
        return date
      }
      periodStart = try date("period-start")
      periodEnd = try date("period-end")
      if let periodStart, let periodEnd, periodEnd < periodStart {
        throw .usage(
          t("mon.row.periodOrder", t.date(periodEnd.description), t.date(periodStart.description)), spec)
      }
      let chosen = try arguments.format(Format.self)
      let typed = arguments.value("format") != nil
      switch (action, chosen) {
      case (.template, .xlsx):
        xlsx = true
        format = .csv
      case (.template, _):
        if typed && chosen != .csv {
          throw .usage(t("mon.cli.templateFormat", chosen.rawValue), spec)
        }
        format = .csv
      case (.report, .xlsx):
        throw .usage(t("mon.cli.reportFormat"), spec)
      case (.report, _):
        format = MonitoringFormat(rawValue: chosen.rawValue) ?? .text
      }
      delimiter =
        (arguments.value("delimiter") == nil
        ? BallotCommand.Delimiter.default(for: language)
        : try arguments.choice("delimiter", as: BallotCommand.Delimiter.self) ?? .comma)
        .character
      output = arguments.value("output")
      force = arguments.flag("force")
      let onlyFor: [(String, Action)] = [
        ("data", .report), ("units", .template), ("period-start", .template),
        ("period-end", .template),
      ]
      for (name, owner) in onlyFor where owner != action && arguments.has(name) {
        throw .usage(t("mon.cli.optionFor", name, owner.rawValue, action.rawValue), spec)
      }
      if xlsx && output == nil {
        throw .usage(t("mon.cli.xlsxNeedsOutput"), spec)
      }
      if xlsx && arguments.value("delimiter") != nil {
        throw .usage(t("mon.cli.delimiterCSVOnly"), spec)
      }
      if action == .report && dataPaths.isEmpty {
        throw .usage(t("mon.cli.noData"), spec)
      }
    }

    /// The catalog (with the context applied) and the selected standards; nil when no selection was
    /// given (no --select, --ballot or --workshop).
    func catalogAndSelection(_ environment: Environment) throws(CLIError) -> (Catalog, [StandardNumber]?) {
      if selection.workshopPath == nil && selection.selection == nil && selection.ballotPaths.isEmpty {
        return (try ContextOption.catalog(selection.contextPath, environment), nil)
      }
      var selection = selection
      // The situation decides only whether a selection complies; monitoring follows it either way, so
      // without a workshop file the simplest rule serves (a context still gives its targets).
      if selection.situation == nil && selection.workshopPath == nil {
        selection.situation = Situation.none
      }
      let (_, catalog, result) = try selection.evaluate(environment)
      return (catalog, result.selection)
    }
  }

  static func run(_ arguments: ParsedArguments, _ environment: Environment) throws(CLIError) -> ExitCode {
    let options = try Options(arguments, language: environment.language)
    let (catalog, selection) = try options.catalogAndSelection(environment)
    switch options.action {
    case .template:
      var units: [MonitoringSheet.Unit] = []
      if let path = options.unitsPath {
        let bytes = try environment.read(path, what: "units file", limit: MonitoringReader.maxFileSize)
        do {
          units = try MonitoringReader.units(bytes, path: path == "-" ? "<stdin>" : path, language: catalog.language)
        } catch {
          throw .failure(error.locatedMessage, .dataError)
        }
      }
      if options.xlsx {
        let workbook = MonitoringSheet.xlsx(
          catalog: catalog, standards: selection ?? StandardNumber.all, units: units,
          periodStart: options.periodStart, periodEnd: options.periodEnd)
        try FileOutput.writeFile(workbook, to: options.output ?? "", force: options.force)
        return .success
      }
      let sheet = MonitoringSheet.template(
        catalog: catalog, standards: selection ?? StandardNumber.all, units: units, periodStart: options.periodStart,
        periodEnd: options.periodEnd, delimiter: options.delimiter)
      try emit(sheet, options, environment)
      return .success
    case .report:
      var files: [MonitoringFile] = []
      let indicators = IndicatorIndex(catalog: catalog)
      for path in options.dataPaths {
        let bytes = try environment.read(path, what: "data file", limit: MonitoringReader.maxFileSize + 1)
        files.append(
          MonitoringReader.read(
            bytes, path: path == "-" ? "<stdin>" : path, indicators: indicators, language: catalog.language))
      }
      let malformed = files.filter(\.malformed)
      if !malformed.isEmpty {
        let lines = malformed.flatMap(\.diagnostics).filter { $0.severity == .error }.prefix(10).map {
          "  \($0.locatedMessage) [\($0.rule)]"
        }
        let t = Interface(catalog.language)
        throw .failure(
          ([t.counted("mon.cli.malformed", malformed.count)] + lines).joined(separator: "\n"),
          .dataError)
      }
      let report = MonitoringAggregator.report(
        files: files, catalog: catalog, selection: selection ?? [], selectionGiven: selection != nil,
        globalCatalog: try environment.catalog(), language: catalog.language)
      let rendering = MonitoringRendering(
        layout: environment.layout, delimiter: options.delimiter, language: catalog.language)
      try emit(rendering.render(report, format: options.format), options, environment)
      // The CSV has no room for findings: they go to standard error, where a script sees them.
      if options.format == .csv {
        for finding in report.findings {
          let severity = Interface(catalog.language)("severity." + finding.severity.rawValue)
          environment.writeError("\(severity): \(finding.locatedMessage) [\(finding.rule)]\n")
        }
      }
      return report.consistent ? .success : .failure
    }
  }

  static func emit(_ text: String, _ options: Options, _ environment: Environment) throws(CLIError) {
    if let path = options.output {
      try FileOutput.writeFile(text, to: path, force: options.force)
    } else {
      environment.write(text)
    }
  }
}
