/// A monitoring round as a picture for the coordination meeting: for each indicator, one bar per
/// period against its target line; a period without data says "no data" and draws no bar, so a gap
/// never reads as zero. Shades, dashes and words carry the meaning, so it reads in greyscale.
public enum MonitoringChart {
  static let width = 960
  /// Periods are written out for people ("du 1er janvier 2026 au 31 mars 2026"), so their column is wide.
  static let plotLeft = 360
  static let plotWidth = 400
  static let valueLeft = 770
  static let barHeight = 14
  static let lineHeight = 18

  public static func svg(_ report: MonitoringReport, language: Language = .en) -> String {
    let t = Interface(language)
    let words = MonitoringRendering(language: language)
    let frame = ChartFrame(width: width, language: language)
    let withData = report.indicators.filter { indicator in indicator.periods.contains { $0.status != .noData } }
    var height = 70
    for indicator in withData { height += 22 + indicator.periods.count * lineHeight + 10 }
    let empty = report.indicators.filter { indicator in !indicator.periods.contains { $0.status != .noData } }
    height += 40 + (empty.isEmpty ? 0 : 20)
    let title =
      report.contextName.map { t("chart.monitoring.titleContext", frame.isolated($0)) } ?? t("chart.monitoring.title")
    let behind = withData.filter { $0.periods.last { $0.status != .noData }?.status == .notMet }.map(\.id)
    let description =
      t("chart.monitoring.desc") + " "
      + (behind.isEmpty
        ? t("chart.monitoring.allMet") : t("chart.monitoring.behind", behind.joined(separator: t("list.comma"))))
    var out = SVG.open(
      id: "monitoring-chart", width: width, height: height, title: title, description: description,
      language: language)
    out += #"<rect x="0" y="0" width="\#(width)" height="\#(height)" fill="rgb(255,255,255)"/>"# + "\n"
    out += #"<text x="\#(frame.x(12))" y="22" font-size="16" font-weight="bold">\#(SVG.escape(title))</text>"# + "\n"
    var y = 50
    for indicator in withData {
      out += #"<g id="monitoring-chart-indicator-\#(SVG.escape(indicator.id))">"#
      let label = frame.label(id: indicator.id, SVG.shortened(indicator.text, to: 110))
      out += #"<text x="\#(frame.x(12))" y="\#(y + 14)" font-weight="bold">\#(SVG.escape(label))<title>"#
      out += SVG.escape("\(indicator.id) \(indicator.text)") + "</title></text>"
      y += 22
      let scale = self.scale(indicator)
      if let goal = goal(indicator), let scale {
        let x = SVG.number(frame.x(Double(plotLeft) + min(goal / scale, 1) * Double(plotWidth)))
        out += #"<line class="target" x1="\#(x)" y1="\#(y - 4)" x2="\#(x)" "#
        out += #"y2="\#(y + indicator.periods.count * lineHeight)" stroke="rgb(0,0,0)" stroke-width="1.5" "#
        out += #"stroke-dasharray="4 3"><title>"#
        out += SVG.escape(t("chart.monitoring.target", t.target(indicator.target))) + "</title></line>"
      }
      for period in indicator.periods {
        let middle = y + lineHeight / 2
        let periodLabel = t.period(from: period.period.start.description, to: period.period.end.description)
        out += #"<text x="\#(frame.x(24))" y="\#(middle + 4)" fill="rgb(51,51,51)" font-size="11">"#
        out += SVG.escape(periodLabel) + "</text>"
        let shown = shown(indicator, period, words)
        if period.status == .noData {
          out += #"<text class="no-data" x="\#(frame.x(plotLeft + 6))" y="\#(middle + 4)" font-style="italic">"#
          out += SVG.escape(t("mon.status.noData")) + "</text>"
        } else if let value = value(indicator, period), let scale {
          let length = max(0, min(value / scale, 1)) * Double(plotWidth)
          out += #"<rect class="bar" x="\#(SVG.number(frame.left(Double(plotLeft), length: length)))" "#
          out += #"y="\#(middle - barHeight / 2)" "#
          out += #"width="\#(SVG.number(length))" height="\#(barHeight)" fill="rgb(110,110,110)">"#
          out += "<title>\(SVG.escape(shown))</title></rect>"
          out += #"<text class="value" x="\#(frame.x(valueLeft))" y="\#(middle + 4)">"#
          out += SVG.escape(shown + " · " + words.status(period.status)) + "</text>"
        } else {
          out += #"<text class="value" x="\#(frame.x(plotLeft + 6))" y="\#(middle + 4)">"#
          out += SVG.escape(shown + " · " + words.status(period.status)) + "</text>"
        }
        y += lineHeight
      }
      out += "</g>\n"
      y += 10
    }
    if !empty.isEmpty {
      let ids = empty.map(\.id).joined(separator: t("list.comma"))
      out += #"<text id="monitoring-chart-no-data" x="\#(frame.x(12))" y="\#(height - 36)" font-style="italic">"#
      out += SVG.escape(t("chart.monitoring.noDataAnywhere", ids)) + "</text>\n"
    }
    out += #"<text x="\#(frame.x(12))" y="\#(height - 16)" fill="rgb(51,51,51)">"#
    out += SVG.escape(t("chart.monitoring.legend")) + "</text>\n</svg>\n"
    return out
  }

  /// The figure a bar draws: a percentage, a count, or for yes/no the share of units saying yes.
  static func value(_ indicator: IndicatorResult, _ period: IndicatorPeriodResult) -> Double? {
    switch indicator.kind {
    case .percentage: period.percentage
    case .number: period.value.map(Double.init)
    case .yesNo:
      period.yesCount.flatMap { yes in
        let total = yes + (period.noCount ?? 0)
        return total == 0 ? nil : Double(yes) / Double(total) * 100
      }
    }
  }

  /// The end of the bar scale: 100 for shares, the largest of target and figures for counts.
  static func scale(_ indicator: IndicatorResult) -> Double? {
    switch indicator.kind {
    case .percentage, .yesNo: return 100
    case .number:
      let values = indicator.periods.compactMap { $0.value.map(Double.init) } + (goal(indicator).map { [$0] } ?? [])
      guard let largest = values.max(), largest > 0 else { return nil }
      return largest
    }
  }

  static func goal(_ indicator: IndicatorResult) -> Double? {
    switch indicator.target {
    case .percentage(let value): value
    case .number(let value): value
    case .yes: indicator.kind == .yesNo ? 100 : nil
    case .no, .setInContext: nil
    }
  }

  /// The figure as a label: "83.3% (50/60)", a count, or for yes/no the answer and how many units said yes.
  static func shown(_ indicator: IndicatorResult, _ period: IndicatorPeriodResult, _ words: MonitoringRendering)
    -> String
  {
    switch indicator.kind {
    case .percentage:
      guard let percentage = period.percentage else { return "-" }
      return words.percent(percentage)
        + (period.numerator.map { n in period.denominator.map { " (\(n)/\($0))" } ?? "" } ?? "")
    case .number: return period.value.map(String.init) ?? "-"
    case .yesNo:
      guard let answer = period.answer else { return "-" }
      let yes = period.yesCount ?? 0
      return words.t(
        "chart.monitoring.answer", words.t(answer ? "target.yes" : "target.no"), yes, yes + (period.noCount ?? 0))
    }
  }
}
