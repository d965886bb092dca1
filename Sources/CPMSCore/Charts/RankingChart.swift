/// The ranking from the ballots as a picture for the wall: one row per standard in ranking order,
/// each participant's score as a dot on a 0–5 scale, the mean as a bar, the selected standards marked
/// and the split ones flagged "to discuss" in words, so it reads in greyscale.
public enum RankingChart {
  static let width = 860
  static let rowHeight = 22
  static let top = 64
  static let labelWidth = 300
  static let plotLeft = 320
  static let plotWidth = 400
  static let markLeft = 740

  /// The x coordinate of a score, left to right (`ChartFrame` mirrors it in Arabic).
  static func x(_ score: Double) -> Double { Double(plotLeft) + score / 5 * Double(plotWidth) }

  public static func svg(_ result: PrioritizationResult, ranking: [RankingEntry], language: Language = .en) -> String {
    let t = Interface(language)
    let frame = ChartFrame(width: width, language: language)
    func x(_ score: Double) -> String { SVG.number(frame.x(Self.x(score))) }
    let selected = Set(result.selection)
    let participants = result.ballotSummary?.participants ?? []
    let height = top + ranking.count * rowHeight + 56
    let discuss = ranking.filter { $0.spread?.toDiscuss == true }.map(\.standard.description)
    let title = t.counted("chart.ranking.title", participants.count)
    var description = t("chart.ranking.desc", result.selection.map(\.description).joined(separator: t("list.comma")))
    description +=
      " "
      + (discuss.isEmpty
        ? t("chart.ranking.noSplit") : t("chart.ranking.toDiscuss", discuss.joined(separator: t("list.comma"))))
    var out = SVG.open(
      id: "ranking-chart", width: width, height: height, title: title, description: description, language: language)
    out += #"<rect x="0" y="0" width="\#(width)" height="\#(height)" fill="rgb(255,255,255)"/>"# + "\n"
    out += #"<text x="\#(frame.x(12))" y="22" font-size="16" font-weight="bold">\#(SVG.escape(title))</text>"# + "\n"
    // The scale: a vertical line and a label for each whole score.
    out += #"<g id="ranking-chart-scale" stroke="rgb(187,187,187)">"#
    for score in 0...5 {
      let x = x(Double(score))
      out += #"<line x1="\#(x)" y1="\#(top - 8)" x2="\#(x)" y2="\#(top + ranking.count * rowHeight)"/>"#
    }
    out += "</g>\n"
    out += #"<g id="ranking-chart-scale-labels" text-anchor="middle" fill="rgb(51,51,51)">"#
    for score in 0...5 {
      out += #"<text x="\#(x(Double(score)))" y="\#(top - 14)">\#(score)</text>"#
    }
    out += "</g>\n"
    out += #"<text x="\#(frame.x(markLeft))" y="\#(top - 14)" fill="rgb(51,51,51)">"#
    out += SVG.escape(t("chart.ranking.mean")) + "</text>\n"
    for (index, entry) in ranking.enumerated() {
      let y = top + index * rowHeight
      let middle = Double(y) + Double(rowHeight) / 2
      let chosen = selected.contains(entry.standard)
      out += #"<g id="ranking-chart-standard-\#(entry.standard)">"#
      if chosen {
        out += #"<rect x="4" y="\#(y + 1)" width="\#(width - 8)" height="\#(rowHeight - 2)" fill="rgb(232,232,232)"/>"#
      }
      let label = frame.label(id: entry.standard.description, SVG.shortened(entry.title, to: chosen ? 33 : 36))
      out += #"<text x="\#(frame.x(12))" y="\#(SVG.number(middle + 4))"\#(chosen ? #" font-weight="bold""# : "")>"#
      out += (chosen ? "■ " : "") + SVG.escape(label) + "<title>" + SVG.escape("\(entry.standard) \(entry.title)")
      out += "</title></text>"
      if entry.scores.isEmpty {
        out += #"<text x="\#(frame.x(plotLeft + 8))" y="\#(SVG.number(middle + 4))" font-style="italic">"#
        out += SVG.escape(t("prio.notScored")) + "</text>"
      } else {
        // Equal scores stack upwards a little, so five 3s show as five dots.
        var seen: [Double: Int] = [:]
        for score in entry.scores {
          let repeatIndex = seen[score, default: 0]
          seen[score] = repeatIndex + 1
          let cy = middle + 5 - Double(min(repeatIndex, 3)) * 4.5
          out += #"<circle class="score" cx="\#(x(score))" cy="\#(SVG.number(cy))" r="3.5" "#
          out += #"fill="rgb(85,85,85)" stroke="rgb(255,255,255)" stroke-width="0.8"><title>"#
          out += language.decimal(SVG.number(score)) + "</title></circle>"
        }
        if let mean = entry.mean {
          let meanX = x(mean)
          out += #"<line class="mean" x1="\#(meanX)" y1="\#(y + 3)" x2="\#(meanX)" y2="\#(y + rowHeight - 3)" "#
          out += #"stroke="rgb(0,0,0)" stroke-width="3"/>"#
          var mark = language.decimal(Prioritizer.formatMean(mean))
          if entry.spread?.toDiscuss == true { mark += "  " + t("prio.toDiscuss") }
          out += #"<text class="mean-label" x="\#(frame.x(markLeft))" y="\#(SVG.number(middle + 4))">"#
          out += SVG.escape(mark) + "</text>"
        }
      }
      out += "</g>\n"
    }
    let legendY = top + ranking.count * rowHeight + 24
    out += #"<text x="\#(frame.x(12))" y="\#(legendY)" fill="rgb(51,51,51)">"#
    out += SVG.escape(t("chart.ranking.legend")) + "</text>\n"
    out += #"<text x="\#(frame.x(12))" y="\#(legendY + 18)" fill="rgb(51,51,51)">"#
    out += SVG.escape(participantsLine(participants, t, frame)) + "</text>\n</svg>\n"
    return out
  }

  static func participantsLine(_ participants: [String], _ t: Interface, _ frame: ChartFrame) -> String {
    let shown = participants.prefix(12).map(frame.isolated).joined(separator: t("list.comma"))
    let names = participants.count > 12 ? t("chart.ranking.more", shown, participants.count - 12) : shown
    return t("chart.ranking.participants", names)
  }
}
