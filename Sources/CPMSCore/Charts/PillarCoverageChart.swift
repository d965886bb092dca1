/// The selection against the four pillars: every standard as a numbered box, the selected ones
/// filled, and under each pillar how many are selected, so a missing pillar shows at a glance (in
/// words too: "none selected"). The words are in the catalog's language; in Arabic the pillars run
/// from right to left.
public enum PillarCoverageChart {
  static let width = 860
  static let columnWidth = 210
  static let box = 40

  public static func svg(selection: [StandardNumber], catalog: Catalog, language: Language? = nil) -> String {
    let language = language ?? catalog.language
    let t = Interface(language)
    let frame = ChartFrame(width: width, language: language)
    let selected = Set(selection)
    let height = 60 + 2 * (box + 8) + 70
    let missing = catalog.pillars.filter { pillar in !selected.contains { pillar.standardNumbers.contains($0.value) } }
    let title = t("chart.pillar.title")
    var description = t.counted("chart.pillar.desc", selection.count) + " "
    description +=
      missing.isEmpty
      ? t("chart.pillar.allCovered")
      : t("chart.pillar.missing", missing.map { t("chart.pillar.name", $0.number) }.joined(separator: t("list.comma")))
    var out = SVG.open(
      id: "pillar-chart", width: width, height: height, title: title, description: description, language: language)
    out += #"<rect x="0" y="0" width="\#(width)" height="\#(height)" fill="rgb(255,255,255)"/>"# + "\n"
    out += #"<text x="\#(frame.x(12))" y="22" font-size="16" font-weight="bold">\#(SVG.escape(title))</text>"# + "\n"
    for (column, pillar) in catalog.pillars.enumerated() {
      let left = 12 + column * columnWidth
      out += #"<g id="pillar-chart-pillar-\#(pillar.number)">"#
      out += #"<text x="\#(frame.x(left))" y="48" font-weight="bold">"#
      out += SVG.escape(t("chart.pillar.name", pillar.number)) + "<title>"
      out += SVG.escape(pillar.title) + "</title></text>"
      let numbers = StandardNumber.all.filter { pillar.standardNumbers.contains($0.value) }
      for (index, number) in numbers.enumerated() {
        let x = left + (index % 4) * (box + 8)
        let y = 60 + (index / 4) * (box + 8)
        let chosen = selected.contains(number)
        out += #"<g class="\#(chosen ? "selected" : "other")">"#
        out += #"<rect x="\#(frame.left(x, length: box))" y="\#(y)" width="\#(box)" height="\#(box)" "#
        out +=
          chosen
          ? #"fill="rgb(34,34,34)" stroke="rgb(0,0,0)"/>"# : #"fill="rgb(255,255,255)" stroke="rgb(119,119,119)"/>"#
        out += #"<text x="\#(frame.x(x + box / 2))" y="\#(y + box / 2 + 5)" text-anchor="middle" font-size="14""#
        out += chosen ? #" fill="rgb(255,255,255)" font-weight="bold">"# : #" fill="rgb(51,51,51)">"#
        out += "\(number)<title>" + SVG.escape("\(number) \(catalog.title(of: number))") + "</title></text></g>"
      }
      let count = numbers.filter { selected.contains($0) }.count
      let summary = count == 0 ? t("chart.pillar.noneSelected") : t("chart.pillar.selectedOf", count, numbers.count)
      out +=
        #"<text x="\#(frame.x(left))" y="\#(60 + 2 * (box + 8) + 24)"\#(count == 0 ? #" font-weight="bold""# : "")>"#
      out += SVG.escape(summary) + "</text></g>\n"
    }
    out += #"<text x="\#(frame.x(12))" y="\#(height - 14)" fill="rgb(51,51,51)">"#
    out += SVG.escape(t("chart.pillar.legend")) + "</text>\n</svg>\n"
    return out
  }
}
