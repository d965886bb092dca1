import CPMSArguments
import CPMSCore

/// What each fuzz target does with one input. The libFuzzer mains (Tests/Fuzz/Fuzz*) and the XCTests
/// that replay the committed corpus and regressions both call these, so a saved input is replayed
/// through exactly the code that found it. Nothing here crashes on purpose: broken invariants are
/// returned as `problems`, which the fuzz mains turn into a crash and the tests into a failure.
public enum FuzzHarness {
  public struct Outcome: Sendable {
    /// The input was accepted: a valid file, a readable ballot, a command line that parses.
    public var accepted: Bool
    /// Invariants the input broke; empty when all hold.
    public var problems: [String]
  }

  public static let catalog = try! Catalog.bundled.get()

  /// The catalog in each language, for inputs checked in the language their length picks.
  public static let catalogs: [Language: Catalog] = Dictionary(
    uniqueKeysWithValues: Language.allCases.map { ($0, try! Catalog.bundled(in: $0).get()) })

  /// A language per input, so every language's messages meet every kind of input.
  static func language(for bytes: [UInt8]) -> Language { Language.allCases[bytes.count % Language.allCases.count] }

  /// `cpms validate` and `--context`: the JSON parser, the checks chosen by the "cpms" tag, the three
  /// report formats, and a valid contextualization applied to the catalog and shown. Files named inside
  /// the input never exist here.
  public static func validate(_ bytes: [UInt8]) -> Outcome {
    var problems: [String] = []
    let report = FileValidator.validate(
      bytes, path: "fuzz.json", catalog: catalog, readFile: { _, _ in .failure(.missing) })
    problems += locationProblems(report)
    problems += reportProblems(report)
    let language = language(for: bytes)
    if language != .en {
      // The findings are worded in the language; their rules and places never change with it.
      let translated = FileValidator.validate(
        bytes, path: "fuzz.json", catalog: catalogs[language] ?? catalog, readFile: { _, _ in .failure(.missing) },
        language: language)
      let english = report.diagnostics.map { "\($0.rule) \($0.location?.description ?? "")" }
      if translated.diagnostics.map({ "\($0.rule) \($0.location?.description ?? "")" }) != english {
        problems.append("the \(language.rawValue) findings differ from the English ones in rule or place")
      }
      problems += reportProblems(translated, language: language)
    }
    let (contextReport, context) = FileValidator.contextualization(
      bytes, path: "fuzz.json", catalog: catalog, readFile: { _, _ in .failure(.missing) })
    if contextReport.valid && contextReport.kind == Contextualization.tag && context == nil {
      problems.append("a valid contextualization file gave no model")
    }
    if let context {
      let rendering = BrowseRendering(catalog: context.apply(to: catalog), layout: TextLayout(width: 40))
      for number in context.standardNumbers {
        for format in [OutputFormat.text, .markdown, .json] {
          _ = rendering.show(number, format: format)
        }
      }
    }
    return Outcome(accepted: report.valid, problems: problems)
  }

  /// The fixed files a fuzzed workshop file may name, beside it in ws/.
  public static let workshopFiles: [String: [UInt8]] = [
    "ws/contextualization.json": Array(
      """
      {"cpms": "contextualization/1", "context": {"name": "Fuzz"},
       "standards": [{"number": 13, "rationale": "Separated children."}, {"number": 18, "title": "Cases"}]}
      """.utf8),
    "ws/ballots/a.csv": Array("standard,score\n1,5\n6,4\n9,3\n13,5\n18,2\n23,1\n".utf8),
    "ws/ballots/b.csv": Array("\u{FEFF}Standard;Score\r\n1;4,5\r\n13;5\r\n27;\r\n".utf8),
  ]

  /// Workshop files (`--workshop FILE`): the checks, the files they name and the prioritization rules
  /// they run. The input is ws/workshop.json; besides `workshopFiles`, any path ending in "self.json"
  /// reads the input again, so a workshop can name itself.
  public static func workshop(_ bytes: [UInt8]) -> Outcome {
    var problems: [String] = []
    let readFile: FileReader = { path, _ in
      guard let file = path.hasSuffix("self.json") ? bytes : workshopFiles[path] else { return .failure(.missing) }
      return .success(file)
    }
    let (report, workshop) = FileValidator.workshop(
      bytes, path: "ws/workshop.json", catalog: catalog, readFile: readFile)
    problems += locationProblems(report)
    _ = ValidationReporter.text([report])
    if let workshop {
      if !report.valid { problems.append("an invalid workshop file gave a model") }
      let applied = workshop.contextualization?.apply(to: catalog) ?? catalog
      // What `prioritize --workshop` does next.
      if let result = try? Prioritizer.run(workshop.request, catalog: applied) {
        let rendering = PrioritizationRendering(catalog: applied, layout: TextLayout(width: 40))
        for format in [OutputFormat.text, .markdown, .json] {
          _ = rendering.render(result, format: format)
        }
      }
    }
    return Outcome(accepted: workshop != nil, problems: problems)
  }

  /// CSV ballots (`--ballot FILE`): the CSV reader and ballot checks, then the ranking and
  /// recommendation a readable ballot feeds.
  public static func ballot(_ bytes: [UInt8]) -> Outcome {
    let file: BallotFile
    do {
      file = try BallotFile.parse(csv: bytes, source: "fuzz.csv")
    } catch {
      return Outcome(accepted: false, problems: error.message.isEmpty ? ["a ballot error without a message"] : [])
    }
    var problems: [String] = []
    for score in file.ballots.flatMap(\.scores) {
      if let value = score.value, !Ballot.scoreRange.contains(value) { problems.append("a score of \(value)") }
    }
    _ = BallotChecks.diagnostics([file, file], catalog: catalog)
    let request = PrioritizationRequest(situation: .none, ballots: file.ballots + file.ballots)
    if let result = try? Prioritizer.run(request, catalog: catalog) {
      let rendering = PrioritizationRendering(catalog: catalog, layout: TextLayout(width: 40))
      for format in OutputFormat.allCases { _ = rendering.render(result, format: format) }
    }
    return Outcome(accepted: true, problems: problems)
  }

  /// Monitoring sheets (`cpms monitor report`, and `cpms validate` on a CSV sheet): the reader, the
  /// report over the sheet read twice (so every row is also a repeat), and the four report formats.
  /// Totals must stay consistent: a share between 0 and 100 %, a numerator within its denominator.
  public static func monitoring(_ bytes: [UInt8]) -> Outcome {
    var problems: [String] = []
    let file = MonitoringReader.read(bytes, path: "fuzz.csv", catalog: catalog)
    for finding in file.diagnostics where (finding.location?.line ?? 0) < 1 || finding.location?.file != "fuzz.csv" {
      problems.append("finding [\(finding.rule)] at \(finding.location?.description ?? "no location")")
    }
    let validation = FileValidator.monitoringSheet(bytes, path: "fuzz.csv", catalog: catalog)
    problems += locationProblems(validation)
    problems += reportProblems(validation)
    guard !file.malformed else { return Outcome(accepted: false, problems: problems) }
    let report = MonitoringAggregator.report(
      files: [file, file], catalog: catalog, selection: [6, 18], selectionGiven: true, globalCatalog: catalog)
    for result in report.indicators.flatMap(\.periods) {
      if let numerator = result.numerator, let denominator = result.denominator, numerator > denominator {
        problems.append("a total of \(numerator) over \(denominator)")
      }
      if let percentage = result.percentage, !(0...100).contains(percentage) {
        problems.append("a share of \(percentage) %")
      }
    }
    let rendering = MonitoringRendering(layout: TextLayout(width: 40))
    for format in MonitoringFormat.allCases {
      let output = rendering.render(report, format: format)
      if format == .json, (try? SourceJSONParser.parse(Array(output.utf8))) == nil {
        problems.append("the JSON report does not parse")
      }
    }
    return Outcome(accepted: !file.diagnostics.hasErrors, problems: problems)
  }

  /// The command line: the input split on NUL bytes into arguments, parsed against every spec given
  /// (the real commands'), with the usage error text built as the CLI prints it. `findCommand` looks
  /// the first argument up as a command name. Nothing is run: commands would touch files.
  public static func arguments(
    _ bytes: [UInt8], specs: [CommandSpec], findCommand: (String) throws(CLIError) -> Void
  ) -> Outcome {
    var problems: [String] = []
    let arguments = bytes.split(separator: 0, omittingEmptySubsequences: false).map {
      String(decoding: $0, as: UTF8.self)
    }
    if let first = arguments.first {
      do {
        try findCommand(first)
      } catch {
        if error.exitCode != .usage { problems.append("an unknown command is not a usage error") }
      }
    }
    var accepted = false
    for spec in specs {
      do {
        if case .run(let parsed) = try ArgumentParsing.parse(arguments, spec: spec) {
          if parsed.positionals.count > arguments.count { problems.append("more positionals than arguments") }
        }
        accepted = true
      } catch {
        guard case .usage(let message, let errorSpec) = error else {
          problems.append("parsing failed with a non-usage error")
          continue
        }
        _ = "Error: \(message)\nUsage: \(errorSpec.usage)\n  See '\(errorSpec.commandPath) --help' for more.\n"
      }
    }
    return Outcome(accepted: accepted, problems: problems)
  }

  /// Every finding must point inside the file: line and column start at 1.
  static func locationProblems(_ report: ValidationReport) -> [String] {
    report.diagnostics.filter { ($0.location?.line ?? 0) < 1 || ($0.location?.column ?? 0) < 1 }.map {
      "finding [\($0.rule)] at \($0.location?.description ?? "no location")"
    }
  }

  /// The reports carry text taken from the input; the JSON one must still parse as JSON.
  static func reportProblems(_ report: ValidationReport, language: Language = .en) -> [String] {
    _ = ValidationReporter.text([report], language: language)
    _ = ValidationReporter.github([report], language: language)
    let json = ValidationReporter.json([report], language: language)
    do {
      _ = try SourceJSONParser.parse(Array(json.utf8))
      return []
    } catch {
      return ["the JSON report does not parse: \(error.message)"]
    }
  }
}
