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
    case .markdown: Markdown.frontMatter(t.language) + markdown(result, headingLevel: 2)
    case .text: text(result)
    }
  }

  var t: Interface { catalog.interface }

  func headline(_ result: PrioritizationResult) -> String {
    switch result.mode {
    case .checked: t("prio.checked")
    case .recommended: t("prio.recommended", result.size ?? result.selected.count, ballotSummary(result))
    }
  }

  func ballotSummary(_ result: PrioritizationResult) -> String {
    let scores = result.ranking?.reduce(0) { $0 + $1.ballots } ?? 0
    return t(
      "prio.ballotFiles", t.counted("prio.ballotFileCount", result.ballotFiles), t.counted("prio.scoreCount", scores))
  }

  public func verdict(_ result: PrioritizationResult) -> String {
    let count = t.counted("prio.standardCount", result.selected.count)
    return t(result.compliant ? "prio.complies" : "prio.doesNotComply", count)
  }

  /// The situation's title in the output's language (the guide's, which is translated).
  func situationTitle(_ situation: Situation) -> String {
    catalog.guide.situations.first { $0.id == situation.rawValue }?.title ?? situation.title
  }

  func cell(_ mean: Double) -> String { t.language.decimal(Prioritizer.formatMean(mean)) }

  // MARK: text

  func text(_ result: PrioritizationResult) -> String {
    var blocks: [String] = []
    blocks.append(
      layout.heading(t("prio.heading", headline(result).uppercased())) + "\n"
        + layout.labelled(
          t("prio.situation"), "\(result.situation.rawValue): \(situationTitle(result.situation))", indent: 0,
          labelWidth: 11)
        + "\n" + layout.labelled(t("prio.rule"), rule(for: result.situation), indent: 0, labelWidth: 11) + "\n"
        + layout.labelled(t("prio.result"), verdict(result), indent: 0, labelWidth: 11))
    var selection = [layout.heading(t("prio.selectionByPillar"), underline: "-")]
    for pillar in catalog.pillars {
      let chosen = result.selected.filter { $0.pillar == pillar.number }
      selection.append(layout.wrap(t("pillar.heading", pillar.number, pillar.title)))
      if chosen.isEmpty { selection.append("      " + t("prio.none")) }
      for item in chosen {
        selection.append(layout.labelled(item.standard.description, item.title, indent: 2, labelWidth: 4))
        if !item.reasons.isEmpty {
          selection.append(layout.wrap(item.reasonsText(t), indent: "      "))
        }
        if let official = catalog.standard(item.standard).officialIndicatorIds(t) {
          selection.append(layout.wrap(t("prio.indicatorIds", official), indent: "      "))
        }
      }
    }
    blocks.append(selection.joined(separator: "\n"))
    var findings = [layout.heading(t("prio.ruleCheck"), underline: "-")]
    if result.findings.isEmpty {
      findings.append("  " + t("prio.noFindings"))
    }
    for finding in result.findings {
      findings.append(
        layout.wrap(
          "\(t("severity.\(finding.severity.rawValue)").uppercased()) [\(finding.rule)] \(finding.message)",
          indent: "  ", hanging: "    "))
    }
    blocks.append(findings.joined(separator: "\n"))
    var links = [
      layout.heading(t("prio.linksToReview"), underline: "-"),
      layout.wrap(t("prio.linksIntro")),
    ]
    for item in result.selected {
      let text = t(
        "prio.linksLine", item.relatedPrinciples.map(String.init).joined(separator: ", "),
        item.linkedStandards.map(String.init).joined(separator: ", "))
      links.append(layout.labelled(item.standard.description, text, indent: 2, labelWidth: 4))
    }
    blocks.append(links.joined(separator: "\n"))
    if let ranking = result.ranking {
      blocks.append(rankingText(ranking, selected: Set(result.selection)))
    }
    if let summary = result.ballotSummary { blocks.append(ballotsText(summary)) }
    blocks.append(
      layout.heading(t("prio.remember"), underline: "-") + "\n"
        + catalog.guide.reminders.map { layout.wrap("- " + $0, hanging: "  ") }.joined(separator: "\n"))
    blocks.append(layout.wrap(catalog.contentNotice))
    return blocks.joined(separator: "\n\n") + "\n"
  }

  func rankingText(_ ranking: [RankingEntry], selected: Set<StandardNumber>) -> String {
    var lines = [
      layout.heading(t("prio.ranking"), underline: "-"),
      "  "
        + [
          padText(short(t("column.rank"), 4), 4), padText(short(t("column.std"), 3), 3),
          padText(short(t("column.mean"), 4), 4),
          padText(short(t("column.median"), 6), 6), padText(short(t("column.spread"), 6), 6),
          padText(short(t("column.scores"), 6), 6), t("column.title"),
        ].joined(separator: "  "),
    ]
    for entry in ranking {
      let mean = entry.mean.map(cell) ?? "-"
      let median = entry.spread.map { cell($0.median) } ?? "-"
      let spread = entry.spread.map { cell($0.standardDeviation) } ?? "-"
      let mark = selected.contains(entry.standard) ? "* " : "  "
      let flag =
        entry.spread?.toDiscuss == true
        ? " (\(t("prio.toDiscuss")))" : entry.isScored ? "" : " (\(t("prio.notScored")))"
      let prefix =
        "  " + padText(entry.isScored ? String(entry.rank) : "-", 4) + "  " + pad(entry.standard.value, 3) + "  "
        + padText(mean, 4) + "  " + padText(median, 6) + "  " + padText(spread, 6) + "  " + pad(entry.ballots, 6)
        + "  " + mark
      lines.append(
        layout.wrap(entry.title + flag, indent: prefix, hanging: String(repeating: " ", count: prefix.count)))
    }
    lines.append(layout.wrap(t("prio.legend"), indent: "  "))
    return lines.joined(separator: "\n")
  }

  /// Who was counted, how the files were read, what participants wrote and how far they agree.
  func ballotsText(_ summary: BallotSummary) -> String {
    var lines = [layout.heading(t("prio.ballots"), underline: "-")]
    for file in summary.files {
      lines.append(layout.wrap(fileLine(file), indent: "  ", hanging: "    "))
    }
    lines.append(
      layout.wrap(
        t("prio.participants", summary.participants.count, summary.participants.joined(separator: ", ")),
        indent: "  ", hanging: "    "))
    lines.append(layout.wrap(agreementText(summary.agreement), indent: "  ", hanging: "    "))
    let onStandards = summary.comments.filter { $0.standard != nil }.count
    lines.append("  " + t("prio.comments", onStandards, summary.comments.count - onStandards))
    return lines.joined(separator: "\n")
  }

  public func layoutName(_ layout: BallotLayout) -> String {
    switch layout {
    case .long: t("prio.layoutLong")
    case .wide: t("prio.layoutWide")
    }
  }

  func fileLine(_ file: BallotSummary.File) -> String {
    t("prio.fileLine", file.path, t.counted("prio.ballotCount", file.ballots), layoutName(file.layout))
  }

  public func agreementText(_ agreement: GroupAgreement) -> String {
    guard let w = agreement.kendallW, let band = agreement.band else {
      return t("prio.agreementNone", agreement.unmeasured.map { t("ballot.agreement.\($0.rawValue)") } ?? "")
    }
    return t("prio.agreement", cell(w), t("band.\(band)"), agreement.standards, agreement.participants)
  }

  /// A column label cut to its width, so translated headers keep the columns aligned.
  func short(_ label: String, _ width: Int) -> String {
    label.count <= width ? label : String(label.prefix(width - 1)) + "."
  }

  func pad(_ number: Int, _ width: Int) -> String { padText(String(number), width) }
  func padText(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - text.count)) + text
  }

  // MARK: markdown

  /// The result as a Markdown section; the pack's cover reuses it.
  public func markdown(_ result: PrioritizationResult, headingLevel level: Int) -> String {
    let h = String(repeating: "#", count: level)
    var out = "\(h) \(Markdown.escape(t("prio.markdownHeading", headline(result))))\n\n"
    out += "- **\(t("prio.situation")):** \(Markdown.escape(situationTitle(result.situation))) "
    out += "(`\(result.situation.rawValue)`)\n"
    out += "- **\(t("prio.rule")):** \(Markdown.escape(rule(for: result.situation)))\n"
    out += "- **\(t("prio.result")):** \(Markdown.escape(verdict(result)))\n\n"
    out += selectionTable(result) + "\n\n"
    out += "\(h)# \(t("prio.ruleCheckTitle"))\n\n" + findingsMarkdown(result) + "\n"
    out += "\(h)# \(t("prio.linksToReviewTitle"))\n\n"
    out +=
      Markdown.table(
        [t("column.standard"), t("column.relatedPrinciples"), t("column.linkedStandards")],
        result.selected.map {
          [
            "\($0.standard) \($0.title)", $0.relatedPrinciples.map(String.init).joined(separator: ", "),
            $0.linkedStandards.map(String.init).joined(separator: ", "),
          ]
        }) + "\n\n"
    if let ranking = result.ranking {
      out += "\(h)# \(t("prio.rankingTitle"))\n\n" + rankingMarkdown(ranking, selected: Set(result.selection))
      out += "\n\n"
    }
    if let summary = result.ballotSummary {
      out += "\(h)# \(t("prio.ballotsTitle"))\n\n" + ballotsMarkdown(summary) + "\n"
    }
    out +=
      "\(h)# \(t("prio.rememberTitle"))\n\n" + catalog.guide.reminders.map { "- \(Markdown.escape($0))\n" }.joined()
    out += "\n> \(Markdown.escape(catalog.contentNotice))\n"
    return out
  }

  public func selectionTable(_ result: PrioritizationResult, link: ((StandardNumber) -> String)? = nil) -> String {
    Markdown.table(
      [t("column.standard"), t("column.title"), t("column.pillar"), t("column.why")],
      result.selected.map { item -> [Markdown.Cell] in
        let official =
          catalog.standard(item.standard).officialIndicatorIds(t).map { t("prio.indicatorIdsInline", $0) } ?? ""
        let title: Markdown.Cell =
          link.map { .markdown(Markdown.link(item.title, to: $0(item.standard)) + Markdown.escape(official)) }
          ?? .text(item.title + official)
        return [
          .text(item.standard.description), title, .text(String(item.pillar)), .text(item.reasonsText(t)),
        ]
      })
  }

  public func findingsMarkdown(_ result: PrioritizationResult) -> String {
    if result.findings.isEmpty { return t("prio.noFindings") + "\n" }
    return Markdown.table(
      [t("column.severity"), t("column.rule"), t("column.finding")],
      result.findings.map { [t("severity.\($0.severity.rawValue)"), $0.rule, $0.message] }) + "\n"
  }

  public func rankingMarkdown(_ ranking: [RankingEntry], selected: Set<StandardNumber>) -> String {
    Markdown.table(
      [
        t("column.rank"), t("column.standard"), t("column.title"), t("column.mean"), t("column.median"),
        t("column.spread"), t("column.scores"), t("column.selected"),
      ],
      ranking.map {
        [
          $0.isScored ? String($0.rank) : "–", $0.standard.description,
          $0.title + ($0.spread?.toDiscuss == true ? " (\(t("prio.toDiscuss")))" : ""),
          $0.mean.map(cell) ?? t("prio.notScored"), $0.spread.map { cell($0.median) } ?? "",
          $0.spread.map { cell($0.standardDeviation) } ?? "", String($0.ballots),
          selected.contains($0.standard) ? t("yes") : "",
        ]
      }, alignRight: [0, 1, 3, 4, 5, 6])
      + "\n\n*\(Markdown.escape(String(t("prio.legend").dropFirst(2))))*"
  }

  /// The participants, the files and the agreement, as Markdown.
  public func ballotsMarkdown(_ summary: BallotSummary) -> String {
    var out =
      "- "
      + Markdown.escape(
        t("prio.participants", summary.participants.count, summary.participants.joined(separator: ", "))) + "\n"
    for file in summary.files {
      out += "- " + Markdown.escape(fileLine(file)) + "\n"
    }
    out += "- " + Markdown.escape(agreementText(summary.agreement)) + "\n"
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

  public func reasonsText(_ t: Interface) -> String { reasons.map { $0.text(t) }.joined(separator: "; ") }
}
