import CPMSArguments
import CPMSCore

/// `cpms pack`: writes the workshop pack for a selection that complies with the rule of its situation.
enum PackCommand: Command {
  static let spec = CommandSpec(
    name: "pack",
    abstract:
      "Export the workshop pack for a selection of priority standards: agenda, worksheets, monitoring framework.",
    discussion: """
      Takes the same selection options as 'cpms prioritize' and refuses a selection that does not comply with the rule of its situation (nothing is written).
      By default -o names a folder whose README.md is the cover and index, linking to every other document:
        README.md: context, date, situation, the rule and the rule check, the selected standards, reminders, and what the content is and where to get the handbook.
        01-agenda.md: the aims and the six working sessions of about two hours.
        02-key-questions.md: the key questions, and the ballot ranking (mean, median, spread) when ballots were given.
        standards/standard-NN.md: each selected standard, with a worksheet: each key action with boxes to tick, lead, by when and notes.
        03-principles.md: the 10 principles with their questions.
        04-programme-cycle.md: response planning, resource mobilisation and response monitoring, with the guide's tips for the selected standards.
        05-monitoring-framework.md: each core indicator of the selected standards, how it is usually computed, and a grid to complete (filled where --context gives local values).
        06-all-standards.md: all 28 standards, the selected ones marked.
      With --single-file, -o names one Markdown file with the same content and internal links.
      With --format html, -o names one self-contained HTML file made for print as much as for the screen: open it in a browser and print it (--paper a4 or letter). Each part starts a new page, with the context and page numbers in the margins.
      The context name and date come from the flags, else from the workshop file; the date defaults to SOURCE_DATE_EPOCH when set, else today (UTC). The same input always gives the same bytes.
      An existing file, or a folder that is not empty, is only replaced with --force, and a folder only when it holds nothing but an earlier pack.

      The Markdown pack is GitHub-flavoured; convert it with pandoc, for example to Word:
        cpms pack --workshop workshop.json --single-file -o pack.md
        pandoc -f gfm pack.md -o pack.docx
      To print:
        cpms pack --workshop workshop.json --format html --paper a4 -o pack.html

      Exit status: 0 when the pack is written, 1 when the selection does not comply, 64 for usage errors, 65 for a malformed ballot, workshop or context file, 66 for a missing file, 73 when the output cannot be written.
      """,
    options: SelectionOptions.specs + [
      OptionSpec(long: "context-name", valueName: "text", help: "The country or response the workshop is for."),
      OptionSpec(
        long: "date", valueName: "yyyy-mm-dd",
        help: "The workshop date; default SOURCE_DATE_EPOCH when set, else today (UTC)."),
      OptionSpec(
        long: "output", short: "o", valueName: "path", help: "The folder to write (or the file, with --single-file).",
        required: true),
      OptionSpec(long: "single-file", help: "Write one Markdown document instead of a folder."),
      OptionSpec.format(PackFormat.allCases.map(\.rawValue), help: " html is one file to print or open in a browser."),
      OptionSpec(
        long: "paper", valueName: "size", help: "The paper an HTML pack is laid out for: a4 or letter.",
        allowedValues: PaperSize.allCases.map(\.rawValue), defaultValue: "a4"),
      OptionSpec(long: "force", help: "Replace the output file or folder if it exists."),
      OptionSpec(long: "quiet", short: "q", help: "Write the pack without saying where it is."),
    ]
  )

  /// What `--format` chooses: the Markdown pack (a folder or one file) or one HTML page to print.
  enum PackFormat: String, CaseIterable {
    case markdown
    case html
  }

  struct Options {
    var selection: SelectionOptions
    var contextName: String?
    var date: String?
    var output: String
    var singleFile: Bool
    /// nil for Markdown; the paper to lay the HTML pack out for otherwise.
    var html: PaperSize?
    var force: Bool
    var quiet: Bool

    init(_ arguments: ParsedArguments, _ environment: Environment) throws(CLIError) {
      let t = Interface(environment.language)
      selection = try SelectionOptions(arguments, language: environment.language)
      selection.verb = "pack"
      contextName = arguments.value("context-name")
      // A wrong --date is a usage error before any file is read.
      if let flag = arguments.value("date") {
        date = try PackDate.resolve(flag, workshop: nil, environment: environment, spec: spec)
      }
      // Required by the spec, so the parser has refused a command line without it.
      output = arguments.value("output") ?? ""
      singleFile = arguments.flag("single-file")
      if try arguments.format(PackFormat.self) == .html {
        guard !singleFile else {
          throw .usage(t("cli.singleFileIsMarkdown"), spec)
        }
        html = try arguments.choice("paper", as: PaperSize.self)
      } else if arguments.value("paper") != nil {
        throw .usage(t("cli.paperNeedsHTML"), spec)
      }
      force = arguments.flag("force")
      quiet = arguments.flag("quiet")
    }
  }

  static func run(_ arguments: ParsedArguments, _ environment: Environment) throws(CLIError) -> ExitCode {
    let options = try Options(arguments, environment)
    let (workshop, catalog, result) = try options.selection.evaluate(environment)
    let t = Interface(environment.language)
    guard result.compliant else {
      let findings = result.findings.map { "  \(t("severity.\($0.severity.rawValue)")) [\($0.rule)] \($0.message)" }
      throw .failure(([t("cli.packRefused")] + findings).joined(separator: "\n"), .failure)
    }
    var date = options.date ?? ""
    if options.date == nil {
      date = try PackDate.resolve(nil, workshop: workshop?.date, environment: environment, spec: spec)
    }
    let pack = PackRequest(
      result: result, contextName: options.contextName ?? workshop?.contextName ?? catalog.contextName,
      date: date, globalCatalog: catalog.contextName == nil ? nil : try environment.catalog())
    let path = options.output
    if let paper = options.html {
      try FileOutput.writeFile(
        WorkshopPack.html(pack, catalog: catalog, paper: paper), to: path, force: options.force,
        language: environment.language)
      if !options.quiet { environment.write(t("cli.wrotePackHTML", path) + "\n") }
    } else if options.singleFile {
      try FileOutput.writeFile(
        WorkshopPack.singleDocument(pack, catalog: catalog), to: path, force: options.force,
        language: environment.language)
      if !options.quiet { environment.write(t("cli.wrotePackFile", path) + "\n") }
    } else {
      let documents = WorkshopPack.documents(pack, catalog: catalog)
      try FileOutput.writeDirectory(
        documents.map { ($0.path, $0.contents) }, to: path, force: options.force, mayReplace: WorkshopPack.isPackFile,
        language: environment.language)
      if !options.quiet { environment.write(t("cli.wrotePackFolder", documents.count, path) + "\n") }
    }
    return .success
  }
}
