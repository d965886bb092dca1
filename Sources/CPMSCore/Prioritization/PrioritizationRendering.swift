/// Text, Markdown and JSON views of a prioritization result.
public struct PrioritizationRendering: Sendable {
  public var catalog: Catalog
  public var layout: TextLayout

  public init(catalog: Catalog, layout: TextLayout = TextLayout()) {
    self.catalog = catalog
    self.layout = layout
  }

  /// The rule that applies in the situation, in the guide's words (summarised).
  public func rule(for situation: Situation) -> String {
    catalog.guide.situations.first { $0.id == situation.rawValue }?.rule ?? situation.title
  }

  public func render(_ result: PrioritizationResult, format: OutputFormat) -> String {
    switch format {
    case .json: JSONOutput.encode(PrioritizationJSON(result, rendering: self))
    case .markdown: markdown(result, headingLevel: 2)
    case .text: text(result)
    }
  }

  func headline(_ result: PrioritizationResult) -> String {
    switch result.mode {
    case .checked: "Selection checked"
    case .recommended:
      "Recommended selection of \(result.size ?? result.selected.count) from \(ballotSummary(result))"
    }
  }

  func ballotSummary(_ result: PrioritizationResult) -> String {
    let scores = result.ranking?.reduce(0) { $0 + $1.ballots } ?? 0
    let files = result.ballotFiles
    return "\(files) ballot file\(files == 1 ? "" : "s") (\(scores) score\(scores == 1 ? "" : "s"))"
  }

  public func verdict(_ result: PrioritizationResult) -> String {
    let count = result.selected.count
    return (result.compliant ? "COMPLIES with the rule" : "DOES NOT COMPLY with the rule")
      + " (\(count) standard\(count == 1 ? "" : "s"))"
  }

  // MARK: text

  func text(_ result: PrioritizationResult) -> String {
    var blocks: [String] = []
    blocks.append(
      layout.heading("PRIORITY STANDARDS: " + headline(result).uppercased()) + "\n"
        + layout.labelled(
          "Situation", "\(result.situation.rawValue): \(result.situation.title)", indent: 0, labelWidth: 11)
        + "\n" + layout.labelled("Rule", rule(for: result.situation), indent: 0, labelWidth: 11) + "\n"
        + layout.labelled("Result", verdict(result), indent: 0, labelWidth: 11))
    var selection = [layout.heading("SELECTION BY PILLAR", underline: "-")]
    for pillar in catalog.pillars {
      let chosen = result.selected.filter { $0.pillar == pillar.number }
      selection.append(layout.wrap("Pillar \(pillar.number): \(pillar.title)"))
      if chosen.isEmpty { selection.append("      (none)") }
      for item in chosen {
        selection.append(layout.labelled(item.standard.description, item.title, indent: 2, labelWidth: 4))
        if !item.reasons.isEmpty {
          selection.append(layout.wrap(item.reasonsText, indent: "      "))
        }
        if let official = catalog.standard(item.standard).officialIndicatorIds {
          selection.append(layout.wrap("Indicator ids: " + official, indent: "      "))
        }
      }
    }
    blocks.append(selection.joined(separator: "\n"))
    var findings = [layout.heading("RULE CHECK", underline: "-")]
    if result.findings.isEmpty {
      findings.append("  No findings: the selection follows the rule of its situation.")
    }
    for finding in result.findings {
      findings.append(
        layout.wrap(
          "\(finding.severity.rawValue.uppercased()) [\(finding.rule)] \(finding.message)", indent: "  ",
          hanging: "    "))
    }
    blocks.append(findings.joined(separator: "\n"))
    var links = [
      layout.heading("LINKS TO REVIEW", underline: "-"),
      layout.wrap("The principles and standards listed under each selected standard's title:"),
    ]
    for item in result.selected {
      let text =
        "Principles \(item.relatedPrinciples.map(String.init).joined(separator: ", ")); "
        + "standards \(item.linkedStandards.map(String.init).joined(separator: ", "))"
      links.append(layout.labelled(item.standard.description, text, indent: 2, labelWidth: 4))
    }
    blocks.append(links.joined(separator: "\n"))
    if let ranking = result.ranking {
      blocks.append(rankingText(ranking, selected: Set(result.selection)))
    }
    if let summary = result.ballotSummary { blocks.append(ballotsText(summary)) }
    blocks.append(
      layout.heading("REMEMBER", underline: "-") + "\n"
        + catalog.guide.reminders.map { layout.wrap("- " + $0, hanging: "  ") }.joined(separator: "\n"))
    blocks.append(layout.wrap(Catalog.contentNotice))
    return blocks.joined(separator: "\n\n") + "\n"
  }

  func rankingText(_ ranking: [RankingEntry], selected: Set<StandardNumber>) -> String {
    var lines = [
      layout.heading("RANKING FROM THE BALLOTS", underline: "-"),
      "  Rank  Std  Mean  Median  Spread  Scores  Title",
    ]
    for entry in ranking {
      let mean = entry.mean.map(Prioritizer.formatMean) ?? "-"
      let median = entry.spread.map { Prioritizer.formatMean($0.median) } ?? "-"
      let spread = entry.spread.map { Prioritizer.formatMean($0.standardDeviation) } ?? "-"
      let mark = selected.contains(entry.standard) ? "* " : "  "
      let flag = entry.spread?.toDiscuss == true ? " (to discuss)" : entry.isScored ? "" : " (not scored)"
      let prefix =
        "  " + padText(entry.isScored ? String(entry.rank) : "-", 4) + "  " + pad(entry.standard.value, 3) + "  "
        + padText(mean, 4) + "  " + padText(median, 6) + "  " + padText(spread, 6) + "  " + pad(entry.ballots, 6)
        + "  " + mark
      lines.append(
        layout.wrap(entry.title + flag, indent: prefix, hanging: String(repeating: " ", count: prefix.count)))
    }
    lines.append(layout.wrap("* selected; spread: standard deviation; " + ScoreSpread.toDiscussRule, indent: "  "))
    return lines.joined(separator: "\n")
  }

  /// Who was counted, how the files were read, what participants wrote and how far they agree.
  func ballotsText(_ summary: BallotSummary) -> String {
    var lines = [layout.heading("BALLOTS", underline: "-")]
    for file in summary.files {
      lines.append(
        layout.wrap(
          "\(file.path): \(file.ballots) ballot\(file.ballots == 1 ? "" : "s"), \(layoutName(file.layout))",
          indent: "  ", hanging: "    "))
    }
    lines.append(
      layout.wrap(
        "Participants (\(summary.participants.count)): " + summary.participants.joined(separator: ", "), indent: "  ",
        hanging: "    "))
    lines.append(layout.wrap(agreementText(summary.agreement), indent: "  ", hanging: "    "))
    let onStandards = summary.comments.filter { $0.standard != nil }.count
    lines.append(
      "  Comments: \(onStandards) on standards, \(summary.comments.count - onStandards) other notes"
        + (summary.comments.isEmpty ? "" : " (in the JSON output and the pack)"))
    return lines.joined(separator: "\n")
  }

  public func layoutName(_ layout: BallotLayout) -> String {
    switch layout {
    case .long: "one row per standard"
    case .wide: "one row per participant (a KoboToolbox or ODK export)"
    }
  }

  public func agreementText(_ agreement: GroupAgreement) -> String {
    guard let w = agreement.kendallW, let band = agreement.band else {
      return "Agreement (Kendall's W): not computed; \(agreement.note ?? "")."
    }
    return "Agreement (Kendall's W, corrected for ties): \(Prioritizer.formatMean(w)), \(band), over the "
      + "\(agreement.standards) standards all \(agreement.participants) participants scored."
  }

  func pad(_ number: Int, _ width: Int) -> String { padText(String(number), width) }
  func padText(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - text.count)) + text
  }

  // MARK: markdown

  /// The result as a Markdown section; the pack's cover reuses it.
  public func markdown(_ result: PrioritizationResult, headingLevel level: Int) -> String {
    let h = String(repeating: "#", count: level)
    var out = "\(h) Priority standards: \(Markdown.escape(headline(result)))\n\n"
    out += "- **Situation:** \(Markdown.escape(result.situation.title)) (`\(result.situation.rawValue)`)\n"
    out += "- **Rule:** \(Markdown.escape(rule(for: result.situation)))\n"
    out += "- **Result:** \(Markdown.escape(verdict(result)))\n\n"
    out += selectionTable(result) + "\n\n"
    out += "\(h)# Rule check\n\n" + findingsMarkdown(result) + "\n"
    out += "\(h)# Links to review\n\n"
    out +=
      Markdown.table(
        ["Standard", "Related principles", "Linked standards"],
        result.selected.map {
          [
            "\($0.standard) \($0.title)", $0.relatedPrinciples.map(String.init).joined(separator: ", "),
            $0.linkedStandards.map(String.init).joined(separator: ", "),
          ]
        }) + "\n\n"
    if let ranking = result.ranking {
      out += "\(h)# Ranking from the ballots\n\n" + rankingMarkdown(ranking, selected: Set(result.selection)) + "\n\n"
    }
    if let summary = result.ballotSummary {
      out += "\(h)# Ballots\n\n" + ballotsMarkdown(summary) + "\n"
    }
    out += "\(h)# Remember\n\n" + catalog.guide.reminders.map { "- \(Markdown.escape($0))\n" }.joined()
    out += "\n> \(Markdown.escape(Catalog.contentNotice))\n"
    return out
  }

  public func selectionTable(_ result: PrioritizationResult, link: ((StandardNumber) -> String)? = nil) -> String {
    Markdown.table(
      ["Standard", "Title", "Pillar", "Why it is selected"],
      result.selected.map { item -> [Markdown.Cell] in
        let official = catalog.standard(item.standard).officialIndicatorIds.map { " (indicator ids: \($0))" } ?? ""
        let title: Markdown.Cell =
          link.map { .markdown(Markdown.link(item.title, to: $0(item.standard)) + Markdown.escape(official)) }
          ?? .text(item.title + official)
        return [
          .text(item.standard.description), title, .text(String(item.pillar)), .text(item.reasonsText),
        ]
      })
  }

  public func findingsMarkdown(_ result: PrioritizationResult) -> String {
    if result.findings.isEmpty { return "No findings: the selection follows the rule of its situation.\n" }
    return Markdown.table(
      ["Severity", "Rule", "Finding"], result.findings.map { [$0.severity.rawValue, $0.rule, $0.message] }) + "\n"
  }

  public func rankingMarkdown(_ ranking: [RankingEntry], selected: Set<StandardNumber>) -> String {
    Markdown.table(
      ["Rank", "Standard", "Title", "Mean", "Median", "Spread", "Scores", "Selected"],
      ranking.map {
        [
          $0.isScored ? String($0.rank) : "–", $0.standard.description,
          $0.title + ($0.spread?.toDiscuss == true ? " (to discuss)" : ""),
          $0.mean.map(Prioritizer.formatMean) ?? "not scored",
          $0.spread.map { Prioritizer.formatMean($0.median) } ?? "",
          $0.spread.map {
            Prioritizer.formatMean($0.standardDeviation)
          } ?? "", String($0.ballots), selected.contains($0.standard) ? "yes" : "",
        ]
      }, alignRight: [0, 1, 3, 4, 5, 6])
      + "\n\n*Spread: standard deviation. \(ScoreSpread.toDiscussRule.prefix(1).uppercased())"
      + "\(ScoreSpread.toDiscussRule.dropFirst()).*"
  }

  /// The participants, the files and the agreement, as Markdown.
  public func ballotsMarkdown(_ summary: BallotSummary) -> String {
    var out = "- **Participants (\(summary.participants.count)):** "
    out += Markdown.escape(summary.participants.joined(separator: ", ")) + "\n"
    for file in summary.files {
      out += "- **\(Markdown.escape(file.path)):** \(file.ballots) ballot\(file.ballots == 1 ? "" : "s"), "
      out += Markdown.escape(layoutName(file.layout)) + "\n"
    }
    out += "- **Agreement:** " + Markdown.escape(agreementText(summary.agreement)) + "\n"
    return out
  }
}

struct OfficialIndicatorID: Encodable {
  var standard: Int
  var indicator: String
  var officialId: String
}

struct PrioritizationJSON: Encodable {
  struct ExceptionJSON: Encodable {
    var standard: StandardNumber
    var reason: String
  }

  struct FindingJSON: Encodable {
    var severity: Severity
    var rule: String
    var message: String
    var standard: Int?
  }

  var situation: Situation
  var mode: PrioritizationResult.Mode
  var size: Int?
  var compliant: Bool
  var rule: String
  var selection: [StandardNumber]
  var selected: [SelectedStandard]
  /// Official indicator ids of the selected standards, where known (bundled data or the contextualization).
  var officialIndicatorIds: [OfficialIndicatorID]
  var findings: [FindingJSON]
  var ranking: [RankingEntry]?
  var ballots: BallotSummary?
  var contextualized: [StandardNumber]
  var planStandards: [StandardNumber]
  var exceptions: [ExceptionJSON]
  var reminders: [String]
  var notice: String

  init(_ result: PrioritizationResult, rendering: PrioritizationRendering) {
    situation = result.situation
    mode = result.mode
    size = result.size
    compliant = result.compliant
    rule = rendering.rule(for: result.situation)
    selection = result.selection
    selected = result.selected
    officialIndicatorIds = result.selection.flatMap { number -> [OfficialIndicatorID] in
      let standard = rendering.catalog.standard(number)
      return (standard.indicators + (standard.additionalMeasures ?? [])).compactMap { indicator in
        indicator.officialId.map {
          OfficialIndicatorID(standard: number.value, indicator: indicator.id, officialId: $0)
        }
      }
    }
    findings = result.findings.map {
      FindingJSON(severity: $0.severity, rule: $0.rule, message: $0.message, standard: $0.standard)
    }
    ranking = result.ranking
    ballots = result.ballotSummary
    contextualized = result.contextualized
    planStandards = result.planStandards
    exceptions = result.exceptions.map { ExceptionJSON(standard: $0.standard, reason: $0.reason.description) }
    reminders = rendering.catalog.guide.reminders
    notice = Catalog.contentNotice
  }
}

extension SelectedStandard {
  /// The reasons in one line, as the text and Markdown views show them.
  public var reasonsText: String { reasons.map(\.text).joined(separator: "; ") }
}
