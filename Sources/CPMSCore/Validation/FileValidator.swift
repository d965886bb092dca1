#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Validates any cpms file: the kind comes from its `cpms` tag.
public enum FileValidator {
  /// Real contextualization and workshop files are far smaller; a generated one of 100 MB validates,
  /// and anything over this is refused before parsing so that a disk image passed by mistake costs
  /// nothing. Callers can stop reading one byte past it.
  public static let maxFileSize = 256 * 1024 * 1024
  public static let knownTags = [Contextualization.tag, WorkshopFile.tag]

  /// The findings are worded in `language` (rule ids never change with it).
  public static func validate(
    _ bytes: [UInt8], path: String, catalog: Catalog, readFile: @escaping FileReader, language: Language = .en
  ) -> ValidationReport {
    if isMonitoringSheet(bytes, path: path) { return monitoringSheet(bytes, path: path, catalog: catalog) }
    let (report, _, _) = analyse(bytes, path: path, catalog: catalog, readFile: readFile, language: language)
    return report
  }

  /// The kind validate reports for a monitoring sheet.
  public static let monitoringKind = "monitoring-sheet/csv"

  /// A monitoring sheet is a CSV file: named *.csv, or (standard input, other names) text whose first
  /// lines name the indicator id column.
  public static func isMonitoringSheet(_ bytes: [UInt8], path: String) -> Bool {
    if path.lowercased().hasSuffix(".csv") { return true }
    let first = bytes.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
    return first != UInt8(ascii: "{") && first != UInt8(ascii: "[")
      && MonitoringReader.looksLikeMonitoringSheet(bytes)
  }

  /// Checks a monitoring sheet: the findings `cpms monitor report` gives for the file on its own (every
  /// figure, and a unit reporting the same indicator and period twice).
  public static func monitoringSheet(_ bytes: [UInt8], path: String, catalog: Catalog) -> ValidationReport {
    let file = MonitoringReader.read(bytes, path: path, catalog: catalog)
    var diagnostics = file.diagnostics
    if !file.malformed {
      let report = MonitoringAggregator.report(files: [file], catalog: catalog, selection: [], selectionGiven: false)
      diagnostics = report.findings.filter { $0.location?.file != nil }
    }
    // A finding about a whole row (a repeat) or the header points at its first field.
    diagnostics = diagnostics.map { finding in
      var finding = finding
      finding.location = DiagnosticLocation(
        file: path, line: finding.location?.line ?? 1, column: finding.location?.column ?? 1)
      return finding
    }
    diagnostics.sort {
      ($0.location?.line ?? 0, $0.location?.column ?? 0) < ($1.location?.line ?? 0, $1.location?.column ?? 0)
    }
    return ValidationReport(path: path, kind: monitoringKind, diagnostics: diagnostics)
  }

  /// Validates a contextualization file and returns the model when it is valid.
  public static func contextualization(
    _ bytes: [UInt8], path: String, catalog: Catalog, readFile: @escaping FileReader, language: Language = .en
  ) -> (ValidationReport, Contextualization?) {
    let (report, context, _) = analyse(
      bytes, path: path, catalog: catalog, readFile: readFile, expected: Contextualization.tag, language: language)
    return (report, context)
  }

  /// Validates a workshop file and returns the model when it is valid.
  public static func workshop(
    _ bytes: [UInt8], path: String, catalog: Catalog, readFile: @escaping FileReader, language: Language = .en
  ) -> (ValidationReport, WorkshopFile?) {
    let (report, _, workshop) = analyse(
      bytes, path: path, catalog: catalog, readFile: readFile, expected: WorkshopFile.tag, language: language)
    return (report, workshop)
  }

  /// The finding for a file of `byteCount` bytes when it is over `limit`, else nil.
  static func sizeFinding(byteCount: Int, limit: Int = maxFileSize, language: Language = .en) -> Diagnostic? {
    guard byteCount > limit else { return nil }
    let t = Interface(language)
    let megabytes = limit / 1_048_576
    let shownLimit = megabytes > 0 ? t("validate.megabytes", megabytes) : t("validate.bytes", limit)
    return Diagnostic(
      .error, rule: "file-too-large", message: t("validate.fileTooLarge", shownLimit),
      location: DiagnosticLocation(line: 1, column: 1))
  }

  static func analyse(
    _ bytes: [UInt8], path: String, catalog: Catalog, readFile: @escaping FileReader, expected: String? = nil,
    maxFileSize: Int = maxFileSize, language: Language = .en
  ) -> (ValidationReport, Contextualization?, WorkshopFile?) {
    var (report, context, workshop) = analyseUnsorted(
      bytes, path: path, catalog: catalog, readFile: readFile, expected: expected, maxFileSize: maxFileSize,
      language: language)
    report.diagnostics.sort {
      ($0.location?.line ?? 0, $0.location?.column ?? 0) < ($1.location?.line ?? 0, $1.location?.column ?? 0)
    }
    // The note on findings left out past the limit stays last, after the findings it follows.
    if let index = report.diagnostics.firstIndex(where: { $0.rule == "too-many-findings" }) {
      report.diagnostics.append(report.diagnostics.remove(at: index))
    }
    return (report, context, workshop)
  }

  static func analyseUnsorted(
    _ bytes: [UInt8], path: String, catalog: Catalog, readFile: @escaping FileReader, expected: String?,
    maxFileSize: Int, language: Language
  ) -> (ValidationReport, Contextualization?, WorkshopFile?) {
    let t = Interface(language)
    var report = ValidationReport(path: path, kind: nil, diagnostics: [])
    func fail(
      _ rule: String, _ message: String, _ location: SourceLocation = SourceLocation(line: 1, column: 1, offset: 0)
    ) {
      report.diagnostics.append(
        Diagnostic(.error, rule: rule, message: message, location: DiagnosticLocation(location)))
    }
    if let tooLarge = sizeFinding(byteCount: bytes.count, limit: maxFileSize, language: language) {
      report.diagnostics.append(tooLarge)
      return (report, nil, nil)
    }
    let root: SourceJSON
    do {
      root = try SourceJSONParser.parse(bytes, language: language)
    } catch {
      report.diagnostics.append(error)
      return (report, nil, nil)
    }
    guard root.members != nil else {
      fail("type", t("validate.fileNotObject", t("validate.kind.\(root.kindName)")), root.location)
      return (report, nil, nil)
    }
    guard let tagNode = root["cpms"] else {
      fail("missing-tag", t("validate.missingTag"), root.location)
      return (report, nil, nil)
    }
    guard let tag = tagNode.stringValue, knownTags.contains(tag) else {
      let shown = tagNode.stringValue.map { "'\(Excerpt.of($0))'" } ?? t("validate.kind.\(tagNode.kindName)")
      let suggestion =
        tagNode.stringValue.flatMap { Suggestion.closest($0, among: knownTags) }.map {
          " " + t("validate.didYouMean", $0)
        } ?? ""
      fail("unknown-format", t("validate.unknownFormat", shown, suggestion), tagNode.location)
      return (report, nil, nil)
    }
    report.kind = tag
    if let expected, tag != expected {
      fail("wrong-kind", t("validate.wrongKind", tag, expected), tagNode.location)
      return (report, nil, nil)
    }
    if tag == Contextualization.tag {
      var checker = ContextualizationChecker(catalog: catalog, language: language)
      let model = checker.check(root)
      report.diagnostics = checker.checker.allDiagnostics
      return (report, report.valid ? model : nil, nil)
    }
    var checker = WorkshopChecker(catalog: catalog, path: path, readFile: readFile, language: language)
    let model = checker.check(root)
    report.diagnostics = checker.checker.allDiagnostics
    return (report, nil, report.valid ? model : nil)
  }
}
