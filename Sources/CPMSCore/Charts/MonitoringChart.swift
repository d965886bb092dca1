/// A monitoring round as a picture for the coordination meeting: for each indicator, one bar per
/// period against its target line; a period without data says "no data" and draws no bar, so a gap
/// never reads as zero. Shades, dashes and words carry the meaning, so it reads in greyscale.
public enum MonitoringChart {
  static let width = 860
  static let labelWidth = 200
  static let plotLeft = 210
  static let plotWidth = 480
  static let valueLeft = 700
  static let barHeight = 14
  static let lineHeight = 18

  public static func svg(_ report: MonitoringReport) -> String {
    let withData = report.indicators.filter { indicator in indicator.periods.contains { $0.status != .noData } }
    var height = 70
    for indicator in withData { height += 22 + indicator.periods.count * lineHeight + 10 }
    let empty = report.indicators.filter { indicator in !indicator.periods.contains { $0.status != .noData } }
    height += 40 + (empty.isEmpty ? 0 : 20)
    let title = "Indicators by period against their targets" + (report.contextName.map { ": \($0)" } ?? "")
    let behind = withData.filter { $0.periods.last { $0.status != .noData }?.status == .notMet }.map(\.id)
    var description =
      "One block per indicator with data; one bar per period, the dashed line is the target, \"no data\" "
      + "marks a period without figures."
    description +=
      behind.isEmpty
      ? " Every indicator meets its target in its latest period."
      : " Behind their target in the latest period with data: \(behind.joined(separator: ", "))."
    var out = SVG.open(id: "monitoring-chart", width: width, height: height, title: title, description: description)
    out += #"<rect x="0" y="0" width="\#(width)" height="\#(height)" fill="rgb(255,255,255)"/>"# + "\n"
    out += #"<text x="12" y="22" font-size="16" font-weight="bold">\#(SVG.escape(title))</text>"# + "\n"
    var y = 50
    for indicator in withData {
      out += #"<g id="monitoring-chart-indicator-\#(SVG.escape(indicator.id))">"#
      let label = "\(indicator.id) " + SVG.shortened(indicator.text, to: 100)
      out += #"<text x="12" y="\#(y + 14)" font-weight="bold">\#(SVG.escape(label))<title>"#
      out += SVG.escape("\(indicator.id) \(indicator.text)") + "</title></text>"
      y += 22
      let scale = self.scale(indicator)
      if let goal = goal(indicator), let scale {
        let x = SVG.number(Double(plotLeft) + min(goal / scale, 1) * Double(plotWidth))
        out += #"<line class="target" x1="\#(x)" y1="\#(y - 4)" x2="\#(x)" "#
        out += #"y2="\#(y + indicator.periods.count * lineHeight)" stroke="rgb(0,0,0)" stroke-width="1.5" "#
        out += #"stroke-dasharray="4 3"><title>target \#(SVG.escape(indicator.target.description))</title></line>"#
      }
      for period in indicator.periods {
        let middle = y + lineHeight / 2
        out += #"<text x="24" y="\#(middle + 4)" fill="rgb(51,51,51)">\#(SVG.escape(period.period.description))</text>"#
        if period.status == .noData {
          out += #"<text class="no-data" x="\#(plotLeft + 6)" y="\#(middle + 4)" font-style="italic">no data</text>"#
        } else if let value = value(indicator, period), let scale {
          let length = max(0, min(value / scale, 1)) * Double(plotWidth)
          out += #"<rect class="bar" x="\#(plotLeft)" y="\#(middle - barHeight / 2)" "#
          out += #"width="\#(SVG.number(length))" height="\#(barHeight)" fill="rgb(110,110,110)">"#
          out += "<title>\(SVG.escape(shown(indicator, period)))</title></rect>"
          out += #"<text class="value" x="\#(valueLeft)" y="\#(middle + 4)">"#
          out += SVG.escape(shown(indicator, period) + " · " + status(period.status)) + "</text>"
        } else {
          out += #"<text class="value" x="\#(plotLeft + 6)" y="\#(middle + 4)">"#
          out += SVG.escape(shown(indicator, period) + " · " + status(period.status)) + "</text>"
        }
        y += lineHeight
      }
      out += "</g>\n"
      y += 10
    }
    if !empty.isEmpty {
      let ids = empty.map(\.id).joined(separator: ", ")
      out += #"<text id="monitoring-chart-no-data" x="12" y="\#(height - 36)" font-style="italic">"#
      out += SVG.escape("No data in any period: \(ids)") + "</text>\n"
    }
    out += #"<text x="12" y="\#(height - 16)" fill="rgb(51,51,51)">"#
    out += "grey bar: the period's figure · dashed line: the target · no data: nothing reported</text>\n</svg>\n"
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

  static func shown(_ indicator: IndicatorResult, _ period: IndicatorPeriodResult) -> String {
    switch indicator.kind {
    case .percentage:
      guard let percentage = period.percentage else { return "-" }
      return MonitoringRendering.oneDecimal(percentage) + "%"
        + (period.numerator.map { n in period.denominator.map { " (\(n)/\($0))" } ?? "" } ?? "")
    case .number: return period.value.map(String.init) ?? "-"
    case .yesNo:
      guard let answer = period.answer else { return "-" }
      return (answer ? "yes" : "no")
        + " (\(period.yesCount ?? 0) of \((period.yesCount ?? 0) + (period.noCount ?? 0)) yes)"
    }
  }

  static func status(_ status: TargetStatus) -> String { status.rawValue }
}
