#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The report's output formats.
public enum MonitoringFormat: String, Sendable, CaseIterable {
  case text
  case json
  case markdown
  /// One row per indicator and period, with an HXL hashtag row, for dashboards and HDX.
  case csv
  /// A chart: each indicator's figures by period against its target.
  case svg
  /// One self-contained page for the coordination meeting, printed from a browser: the chart, then
  /// each indicator's periods in a table that fits a portrait page.
  case html
}

/// Renders a monitoring report; pure functions of the report. Text, Markdown, HTML and the chart speak
/// the output's language (Data/i18n/interface/, keys `mon.*` and `chart.*`), with dates written for
/// people; JSON and CSV keep English field names and values and YYYY-MM-DD dates, and rule ids stay.
public struct MonitoringRendering: Sendable {
  public var layout: TextLayout
  public var delimiter: Character
  public var language: Language

  public init(layout: TextLayout = TextLayout(), delimiter: Character = ",", language: Language = .en) {
    self.layout = layout
    self.delimiter = delimiter
    self.language = language
  }

  var t: Interface { Interface(language) }

  /// Said once in a translated report: its indicator texts are a working translation of cpms's
  /// summaries, and which official edition to check them against. Nil in English.
  var translationNotice: String? { Catalog.translationNotice(in: language) }

  /// True while writing HTML: names, ids and other values inside a sentence are marked so the page can
  /// isolate each in a `<bdi>`, and a Latin name inside Arabic (or the reverse) keeps its own direction.
  var isolating = false

  /// Marks a value to isolate (see `isolating`); the marks are private-use characters, removed from the
  /// value first so input cannot forge them.
  func isolated(_ value: String) -> String {
    guard isolating else { return value }
    return "\u{E000}" + value.filter { $0 != "\u{E000}" && $0 != "\u{E001}" } + "\u{E001}"
  }

  /// Escaped HTML text with each isolated value in a `<bdi>`.
  func html(_ text: String) -> String {
    HTML.text(text).replacing("\u{E000}", with: "<bdi>").replacing("\u{E001}", with: "</bdi>")
  }

  public func render(_ report: MonitoringReport, format: MonitoringFormat) -> String {
    switch format {
    case .text: text(report)
    case .json: JSONOutput.encode(MonitoringReportJSON(report)) + "\n"
    case .markdown: markdown(report)
    case .csv: csv(report)
    case .svg: MonitoringChart.svg(report, language: language)
    case .html: html(report)
    }
  }

  // MARK: shared wording

  /// 82.35 → "82.4" (one decimal, half away from zero).
  static func oneDecimal(_ value: Double) -> String {
    let tenths = Int((abs(value) * 10).rounded())
    return (value < 0 && tenths != 0 ? "-" : "") + "\(tenths / 10).\(tenths % 10)"
  }

  /// One decimal with the language's separator.
  func decimal(_ value: Double) -> String { language.decimal(Self.oneDecimal(value)) }

  /// A percentage for people: "82.4%", "82,4 %" (French and Spanish space it).
  func percent(_ value: Double) -> String { language.number(Self.oneDecimal(value) + "%") }

  /// "1 January 2026 to 31 March 2026", "du 1er janvier 2026 au 31 mars 2026".
  func period(_ period: MonitoringPeriod) -> String {
    t.period(from: period.start.description, to: period.end.description)
  }

  func unit(_ unit: ReportingUnit) -> String {
    switch (unit.organisation.isEmpty, unit.locationCode.isEmpty) {
    case (false, false): t("mon.unitAt", isolated(unit.organisation), isolated(unit.locationCode))
    case (false, true): isolated(unit.organisation)
    default: isolated(unit.locationCode)
    }
  }

  func units(_ count: Int) -> String { t.counted("mon.units", count) }

  func status(_ status: TargetStatus) -> String {
    switch status {
    case .met: t("mon.status.met")
    case .notMet: t("mon.status.notMet")
    case .noTarget: t("mon.status.noTarget")
    case .noData: t("mon.status.noData")
    }
  }

  func figure(_ result: IndicatorPeriodResult) -> String {
    if let percentage = result.percentage, let numerator = result.numerator, let denominator = result.denominator {
      return "\(percent(percentage)) (\(numerator)/\(denominator))"
    }
    if let value = result.value { return String(value) }
    if let answer = result.answer, let yes = result.yesCount, let no = result.noCount {
      return t.counted("mon.answer", yes + no, t(answer ? "target.yes" : "target.no"), yes)
    }
    return t("mon.status.noData")
  }

  func trend(_ result: IndicatorPeriodResult, kind: MeasureKind) -> String {
    guard let trend = result.trend else { return "" }
    if trend == .same { return t("mon.trend.same") }
    if let change = result.change {
      let sign = change > 0 ? "+" : ""
      return kind == .percentage
        ? t("mon.points", sign + decimal(change)) : sign + language.decimal(Target.format(change))
    }
    return t(trend == .up ? "mon.trend.nowYes" : "mon.trend.nowNo")
  }

  func target(_ indicator: IndicatorResult) -> String {
    t(indicator.localTarget ? "mon.targetContext" : "mon.target", t.target(indicator.target))
  }

  /// The summed groups, family by family, saying how many units gave a family when not all did:
  /// "sex: female 67, male 53 (4 of 6 units); age: aged 0-5 13, …".
  func groups(_ result: IndicatorPeriodResult) -> String {
    let all = result.reportingUnits.count
    return result.groupUnits.map { family, given in
      let parts = result.groups.filter { $0.group.family == family }.map {
        "\(t("mon.group." + $0.group.rawValue)) \($0.total)"
      }
      return t("mon.pair", t("mon.family." + family.rawValue), parts.joined(separator: t("list.comma")))
        + (given == all ? "" : " " + t("mon.groupUnits", given, all))
    }.joined(separator: t("mon.semicolon"))
  }

  func summary(_ report: MonitoringReport) -> String {
    t("mon.counts", report.findings.errorCount, report.findings.warningCount) + " "
      + t(report.findings.hasErrors ? "mon.inconsistent" : "mon.consistent")
  }

  func title(_ report: MonitoringReport) -> String {
    report.contextName.map { t("mon.titleContext", isolated($0)) } ?? t("mon.title")
  }

  func dataLine(_ report: MonitoringReport) -> String {
    let periods = report.periods.map(period).joined(separator: t("mon.semicolon"))
    return t("mon.data", report.files.count, report.rowsUsed, report.rowsRejected, report.units.count) + " "
      + t("mon.periods", periods.isEmpty ? t("mon.none") : periods)
  }

  // MARK: text

  func text(_ report: MonitoringReport) -> String {
    var blocks: [String] = []
    let head =
      [layout.heading(title(report)), layout.wrap(dataLine(report)), layout.wrap(t("mon.rule"))]
      + [translationNotice].compactMap { $0.map { layout.wrap($0) } }
    blocks.append(head.joined(separator: "\n"))
    for standard in report.standards {
      var lines = [layout.heading(t("standard.heading", standard.number, standard.title), underline: "-")]
      for indicator in report.indicators where indicator.standard == standard.number {
        let id = indicator.id + (indicator.officialId.map { " (\($0))" } ?? "")
        lines.append(layout.labelled(id, indicator.text, indent: 0, labelWidth: 8))
        lines.append(layout.wrap(target(indicator), indent: "        "))
        for result in indicator.periods {
          var line = "  " + t("mon.pair", period(result.period), figure(result))
          if result.status != .noData { line += t("list.comma") + status(result.status) }
          let trend = trend(result, kind: indicator.kind)
          if !trend.isEmpty { line += t("list.comma") + t("mon.trend", trend) }
          if !result.reportingUnits.isEmpty { line += t("mon.semicolon") + units(result.reportingUnits.count) }
          lines.append(layout.wrap(line, indent: "      ", hanging: "        "))
          if !result.groups.isEmpty {
            lines.append(layout.wrap(t("mon.byGroup", groups(result)), indent: "        ", hanging: "          "))
          }
          if !result.missingUnits.isEmpty {
            lines.append(
              layout.wrap(
                t("mon.missing", result.missingUnits.map(unit).joined(separator: t("mon.semicolon"))),
                indent: "        ",
                hanging: "          "))
          }
        }
      }
      blocks.append(lines.joined(separator: "\n"))
    }
    var findings = [layout.heading(t("mon.findings"), underline: "-")]
    if report.findings.isEmpty { findings.append(t("mon.noFindings")) }
    for finding in report.findings {
      let place = finding.location.map(\.description).map { $0.isEmpty ? "" : $0 + ": " } ?? ""
      findings.append(
        layout.wrap(
          place + t("mon.pair", t("severity." + finding.severity.rawValue), finding.message) + " [\(finding.rule)]",
          indent: "",
          hanging: "    "))
    }
    findings.append(layout.wrap(summary(report)))
    blocks.append(findings.joined(separator: "\n"))
    return blocks.joined(separator: "\n\n") + "\n"
  }

  // MARK: markdown

  func markdown(_ report: MonitoringReport) -> String {
    var out = Markdown.frontMatter(language) + "# " + Markdown.escape(title(report)) + "\n\n"
    out += Markdown.escape(dataLine(report) + " " + t("mon.rule")) + "\n\n"
    if let notice = translationNotice { out += "> " + Markdown.escape(notice) + "\n\n" }
    let header = ["indicator", "text", "period", "figure", "target", "status", "trend", "units", "missing", "groups"]
      .map { t("mon.col." + $0) }
    for standard in report.standards {
      out += "## " + Markdown.escape(t("standard.heading", standard.number, standard.title)) + "\n\n"
      let rows = report.indicators.filter { $0.standard == standard.number }.flatMap { indicator in
        indicator.periods.enumerated().map { index, result -> [String] in
          // The indicator is named on its first period's row only.
          [
            index > 0 ? "" : indicator.id + (indicator.officialId.map { " (\($0))" } ?? ""),
            index > 0 ? "" : indicator.text, period(result.period), figure(result),
            target(indicator),
            status(result.status), trend(result, kind: indicator.kind), String(result.reportingUnits.count),
            result.missingUnits.map(unit).joined(separator: t("mon.semicolon")), groups(result),
          ]
        }
      }
      out += Markdown.table(header, rows) + "\n\n"
    }
    out += "## " + Markdown.escape(t("mon.findings")) + "\n\n"
    if report.findings.isEmpty { out += Markdown.escape(t("mon.noFindings")) + "\n\n" }
    for finding in report.findings {
      let place = finding.location.map(\.description).map { $0.isEmpty ? "" : "`\($0)`: " } ?? ""
      out +=
        "- \(place)**\(t("severity." + finding.severity.rawValue))**: \(Markdown.escape(finding.message)) (`\(finding.rule)`)\n"
    }
    if !report.findings.isEmpty { out += "\n" }
    return out + Markdown.escape(summary(report)) + "\n"
  }

  // MARK: html

  func html(_ report: MonitoringReport) -> String {
    var words = self
    words.isolating = true
    return words.htmlPage(report, title: title(report))
  }

  /// The page, written by a rendering that isolates values (`isolating`); `plainTitle` is the title
  /// without marks, for the `<title>` element, which holds text only.
  func htmlPage(_ report: MonitoringReport, title plainTitle: String) -> String {
    let header = ["period", "figure", "status", "trend", "units", "missing"].map { t("mon.col." + $0) }
    var body = "<h1>\(html(title(report)))</h1>\n"
    body += "<p>\(html(dataLine(report) + " " + t("mon.rule")))</p>\n"
    if let notice = translationNotice { body += "<p class=\"notice\">\(html(notice))</p>\n" }
    let chart = SVG.inline(MonitoringChart.svg(report, language: language))
    body += "<figure class=\"chart\">\n\(chart)</figure>\n"
    for standard in report.standards {
      body += "<h2>\(html(t("standard.heading", standard.number, standard.title)))</h2>\n"
      for indicator in report.indicators where indicator.standard == standard.number {
        let id = indicator.id + (indicator.officialId.map { " (\($0))" } ?? "")
        body += "<section class=\"indicator\">\n<h3><bdi>\(HTML.text(id))</bdi> \(HTML.text(indicator.text))</h3>\n"
        body += "<p class=\"target\">\(html(target(indicator)))</p>\n"
        body +=
          "<table>\n<thead><tr>" + header.map { "<th>\(HTML.text($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for result in indicator.periods {
          let cells = [
            period(result.period), figure(result), status(result.status), trend(result, kind: indicator.kind),
            String(result.reportingUnits.count), result.missingUnits.map(unit).joined(separator: t("mon.semicolon")),
          ]
          body += "<tr>" + cells.map { "<td>\(html($0))</td>" }.joined() + "</tr>\n"
          let byGroup = groups(result)
          if !byGroup.isEmpty {
            body +=
              "<tr class=\"groups\"><td colspan=\"6\">\(html(t("mon.pair", t("mon.col.groups"), byGroup)))</td></tr>\n"
          }
        }
        body += "</tbody>\n</table>\n</section>\n"
      }
    }
    body += "<h2>\(HTML.text(t("mon.findings")))</h2>\n"
    if report.findings.isEmpty { body += "<p>\(HTML.text(t("mon.noFindings")))</p>\n" }
    if !report.findings.isEmpty {
      body += "<ul>\n"
      for finding in report.findings {
        // File names and rule ids are Latin text: isolated, so an Arabic page keeps them readable.
        let place = finding.location.map(\.description).map { $0.isEmpty ? "" : $0 } ?? ""
        let located =
          place.isEmpty ? "" : "<code dir=\"ltr\">\(HTML.text(place))</code>\(HTML.text(t("mon.pair", "", "")))"
        body += "<li>\(located)<strong>\(HTML.text(t("severity." + finding.severity.rawValue)))</strong>"
        body += "\(HTML.text(t("mon.pair", "", "")))\(HTML.text(finding.message)) "
        body += "(<code dir=\"ltr\">\(HTML.text(finding.rule))</code>)</li>\n"
      }
      body += "</ul>\n"
    }
    body += "<p>\(HTML.text(summary(report)))</p>\n"
    let direction = language.isRightToLeft ? " dir=\"rtl\"" : ""
    return """
      <!DOCTYPE html>
      <html lang="\(language.rawValue)"\(direction)>
      <head>
      <meta charset="utf-8">
      <title>\(HTML.text(plainTitle))</title>
      <style>
      @page { size: A4; margin: 16mm 14mm 18mm 14mm; @bottom-\(language.isRightToLeft ? "left" : "right") { content: counter(page) " / " counter(pages); font-size: 8pt; } }
      body { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; font-size: 10pt; line-height: 1.35; margin: 0 auto; max-width: 190mm; }
      h1 { font-size: 16pt; } h2 { font-size: 13pt; break-after: avoid; margin-top: 8mm; } h3 { font-size: 10.5pt; margin: 0 0 1mm 0; }
      figure.chart { margin: 4mm 0; } figure.chart svg { width: 100%; height: auto; }
      section.indicator { break-inside: avoid; margin: 0 0 5mm 0; }
      p.target { margin: 0 0 1.5mm 0; font-size: 9pt; }
      table { width: 100%; border-collapse: collapse; font-size: 8.5pt; }
      th, td { border: 0.3mm solid #777; padding: 0.8mm 1.5mm; text-align: start; vertical-align: top; }
      thead { display: table-header-group; } tr { break-inside: avoid; }
      tr.groups td { font-size: 8pt; color: #333; }
      code { font-size: 8.5pt; }
      </style>
      </head>
      <body>
      \(body)</body>
      </html>

      """
  }

  // MARK: csv

  /// The CSV report's columns and their hashtags; README.md lists them.
  public static let csvColumns: [(header: String, hashtag: String)] =
    [
      ("standard", "#meta+standard"), ("indicator_id", "#indicator+code"),
      ("official_id", "#indicator+code+official"), ("indicator", "#indicator+name"), ("measure", "#indicator+type"),
      ("period_start", "#date+start"), ("period_end", "#date+end"), ("numerator", "#indicator+num+numerator"),
      ("denominator", "#indicator+num+denominator"), ("percentage", "#indicator+num+pct"),
      ("value", "#indicator+num+value"), ("yes_units", "#indicator+num+yes"), ("no_units", "#indicator+num+no"),
      ("answer", "#indicator+answer"), ("target", "#meta+target"), ("target_source", "#meta+target+source"),
      ("status", "#status+target"), ("trend", "#meta+trend"), ("change", "#indicator+num+change"),
      ("reporting_units", "#indicator+num+units"), ("missing_units", "#meta+missing"),
    ]
    + MonitoringGroup.allCases.map { group in
      (group.rawValue, MonitoringSheet.columns.first { $0.key == .group(group) }!.hashtag)
    }

  func csv(_ report: MonitoringReport) -> String {
    let separator = String(delimiter)
    var lines = [
      Self.csvColumns.map { CSV.field($0.header, delimiter: delimiter) }.joined(separator: separator),
      Self.csvColumns.map(\.hashtag).joined(separator: separator),
    ]
    for indicator in report.indicators {
      for result in indicator.periods {
        let groups = Dictionary(uniqueKeysWithValues: result.groups.map { ($0.group, $0.total) })
        var cells: [String] = [
          indicator.standard.description, indicator.id, indicator.officialId ?? "", indicator.text,
          indicator.kind.rawValue, result.period.start.description, result.period.end.description,
        ]
        cells.append(result.numerator.map(String.init) ?? "")
        cells.append(result.denominator.map(String.init) ?? "")
        cells.append(result.percentage.map(Self.oneDecimal) ?? "")
        cells.append(result.value.map(String.init) ?? "")
        cells.append(result.yesCount.map(String.init) ?? "")
        cells.append(result.noCount.map(String.init) ?? "")
        cells.append(result.answer.map { $0 ? "yes" : "no" } ?? "")
        cells.append(indicator.target.description)
        cells.append(indicator.localTarget ? "context" : "global")
        cells.append(result.status.rawValue)
        cells.append(result.trend?.rawValue ?? "")
        cells.append(result.change.map(Self.oneDecimal) ?? "")
        cells.append(String(result.reportingUnits.count))
        cells.append(result.missingUnits.map(\.description).joined(separator: "; "))
        cells += MonitoringGroup.allCases.map { groups[$0].map(String.init) ?? "" }
        lines.append(cells.map { CSV.field($0, delimiter: delimiter) }.joined(separator: separator))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}

/// The JSON report (`"cpms": "monitoring-report/1"`); README.md documents every field.
struct MonitoringReportJSON: Encodable {
  struct UnitJSON: Encodable {
    var organisation: String
    var locationCode: String
    init(_ unit: ReportingUnit) {
      organisation = unit.organisation
      locationCode = unit.locationCode
    }
  }
  struct PeriodJSON: Encodable {
    var start: String
    var end: String
  }
  struct StandardJSON: Encodable {
    var number: StandardNumber
    var title: String
  }
  struct ResultJSON: Encodable {
    var start: String
    var end: String
    var status: TargetStatus
    var numerator: Int?
    var denominator: Int?
    var percentage: Double?
    var value: Int?
    var yesUnits: Int?
    var noUnits: Int?
    var answer: Bool?
    var groups: [String: Int]
    /// How many units gave each family of groups: `{"sex": 4, "age": 2}`.
    var groupUnits: [String: Int]
    var reportingUnits: [UnitJSON]
    var missingUnits: [UnitJSON]
    var trend: Trend?
    var change: Double?
  }
  struct IndicatorJSON: Encodable {
    var standard: StandardNumber
    var id: String
    var officialId: String?
    var text: String
    var measure: MeasureKind
    var target: Target
    var targetSource: String
    var periods: [ResultJSON]
  }
  struct FindingJSON: Encodable {
    var severity: Severity
    var rule: String
    var message: String
    var file: String?
    var line: Int?
    var column: Int?
    var standard: Int?
  }

  var cpms = "monitoring-report/1"
  var consistent: Bool
  var context: String?
  var files: [String]
  var rowsUsed: Int
  var rowsRejected: Int
  var units: [UnitJSON]
  var periods: [PeriodJSON]
  var standards: [StandardJSON]
  var indicators: [IndicatorJSON]
  var findings: [FindingJSON]
  var errors: Int
  var warnings: Int

  init(_ report: MonitoringReport) {
    func rounded(_ value: Double?) -> Double? { value.map { ($0 * 10).rounded() / 10 } }
    consistent = report.consistent
    context = report.contextName
    files = report.files
    rowsUsed = report.rowsUsed
    rowsRejected = report.rowsRejected
    units = report.units.map(UnitJSON.init)
    periods = report.periods.map { PeriodJSON(start: $0.start.description, end: $0.end.description) }
    standards = report.standards.map { StandardJSON(number: $0.number, title: $0.title) }
    indicators = report.indicators.map { indicator in
      IndicatorJSON(
        standard: indicator.standard, id: indicator.id, officialId: indicator.officialId, text: indicator.text,
        measure: indicator.kind, target: indicator.target, targetSource: indicator.localTarget ? "context" : "global",
        periods: indicator.periods.map { result in
          ResultJSON(
            start: result.period.start.description, end: result.period.end.description, status: result.status,
            numerator: result.numerator, denominator: result.denominator, percentage: rounded(result.percentage),
            value: result.value, yesUnits: result.yesCount, noUnits: result.noCount, answer: result.answer,
            groups: Dictionary(uniqueKeysWithValues: result.groups.map { ($0.group.rawValue, $0.total) }),
            groupUnits: Dictionary(uniqueKeysWithValues: result.groupUnits.map { ($0.family.rawValue, $0.units) }),
            reportingUnits: result.reportingUnits.map(UnitJSON.init),
            missingUnits: result.missingUnits.map(UnitJSON.init),
            trend: result.trend, change: rounded(result.change))
        })
    }
    findings = report.findings.map {
      FindingJSON(
        severity: $0.severity, rule: $0.rule, message: $0.message, file: $0.location?.file, line: $0.location?.line,
        column: $0.location?.column, standard: $0.standard)
    }
    errors = report.findings.errorCount
    warnings = report.findings.warningCount
  }
}
