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

  /// The x coordinate of a score.
  static func x(_ score: Double) -> Double { Double(plotLeft) + score / 5 * Double(plotWidth) }

  public static func svg(_ result: PrioritizationResult, ranking: [RankingEntry]) -> String {
    let selected = Set(result.selection)
    let participants = result.ballotSummary?.participants ?? []
    let height = top + ranking.count * rowHeight + 56
    let discuss = ranking.filter { $0.spread?.toDiscuss == true }.map(\.standard.description)
    let title =
      "The 28 standards ranked by the scores of \(participants.count) participant\(participants.count == 1 ? "" : "s")"
    var description =
      "One row per standard in ranking order. Dots are individual scores from 0 (not a priority) to 5 (top "
      + "priority); the bar is the mean. Selected: \(result.selection.map(\.description).joined(separator: ", "))."
    description +=
      discuss.isEmpty ? " No standard splits the group." : " To discuss: \(discuss.joined(separator: ", "))."
    var out = SVG.open(id: "ranking-chart", width: width, height: height, title: title, description: description)
    out += #"<rect x="0" y="0" width="\#(width)" height="\#(height)" fill="rgb(255,255,255)"/>"# + "\n"
    out += #"<text x="12" y="22" font-size="16" font-weight="bold">\#(SVG.escape(title))</text>"# + "\n"
    // The scale: a vertical line and a label for each whole score.
    out += #"<g id="ranking-chart-scale" stroke="rgb(187,187,187)">"#
    for score in 0...5 {
      let x = SVG.number(x(Double(score)))
      out += #"<line x1="\#(x)" y1="\#(top - 8)" x2="\#(x)" y2="\#(top + ranking.count * rowHeight)"/>"#
    }
    out += "</g>\n"
    out += #"<g id="ranking-chart-scale-labels" text-anchor="middle" fill="rgb(51,51,51)">"#
    for score in 0...5 {
      out += #"<text x="\#(SVG.number(x(Double(score))))" y="\#(top - 14)">\#(score)</text>"#
    }
    out += "</g>\n"
    out += #"<text x="\#(markLeft)" y="\#(top - 14)" fill="rgb(51,51,51)">mean</text>"# + "\n"
    for (index, entry) in ranking.enumerated() {
      let y = top + index * rowHeight
      let middle = Double(y) + Double(rowHeight) / 2
      let chosen = selected.contains(entry.standard)
      out += #"<g id="ranking-chart-standard-\#(entry.standard)">"#
      if chosen {
        out += #"<rect x="4" y="\#(y + 1)" width="\#(width - 8)" height="\#(rowHeight - 2)" fill="rgb(232,232,232)"/>"#
      }
      let label = "\(entry.standard) " + SVG.shortened(entry.title, to: chosen ? 33 : 36)
      out += #"<text x="12" y="\#(SVG.number(middle + 4))"\#(chosen ? #" font-weight="bold""# : "")>"#
      out += (chosen ? "■ " : "") + SVG.escape(label) + "<title>" + SVG.escape("\(entry.standard) \(entry.title)")
      out += "</title></text>"
      if entry.scores.isEmpty {
        out += #"<text x="\#(plotLeft + 8)" y="\#(SVG.number(middle + 4))" font-style="italic">not scored</text>"#
      } else {
        // Equal scores stack upwards a little, so five 3s show as five dots.
        var seen: [Double: Int] = [:]
        for score in entry.scores {
          let repeatIndex = seen[score, default: 0]
          seen[score] = repeatIndex + 1
          let cy = middle + 5 - Double(min(repeatIndex, 3)) * 4.5
          out += #"<circle class="score" cx="\#(SVG.number(x(score)))" cy="\#(SVG.number(cy))" r="3.5" "#
          out +=
            #"fill="rgb(85,85,85)" stroke="rgb(255,255,255)" stroke-width="0.8"><title>\#(SVG.number(score))</title></circle>"#
        }
        if let mean = entry.mean {
          let meanX = SVG.number(x(mean))
          out += #"<line class="mean" x1="\#(meanX)" y1="\#(y + 3)" x2="\#(meanX)" y2="\#(y + rowHeight - 3)" "#
          out += #"stroke="rgb(0,0,0)" stroke-width="3"/>"#
          var mark = Prioritizer.formatMean(mean)
          if entry.spread?.toDiscuss == true { mark += "  to discuss" }
          out +=
            #"<text class="mean-label" x="\#(markLeft)" y="\#(SVG.number(middle + 4))">\#(SVG.escape(mark))</text>"#
        }
      }
      out += "</g>\n"
    }
    let legendY = top + ranking.count * rowHeight + 24
    out += #"<text x="12" y="\#(legendY)" fill="rgb(51,51,51)">"#
    out += "■ bold on grey: selected · dot: one participant's score · bar: mean · to discuss: scores of 4 or more "
    out += "and of 1 or less</text>\n"
    out += #"<text x="12" y="\#(legendY + 18)" fill="rgb(51,51,51)">"# + SVG.escape(participantsLine(participants))
    out += "</text>\n</svg>\n"
    return out
  }

  static func participantsLine(_ participants: [String]) -> String {
    let shown = participants.prefix(12).joined(separator: ", ")
    let more = participants.count > 12 ? " and \(participants.count - 12) more" : ""
    return "Participants: \(shown)\(more)"
  }
}
