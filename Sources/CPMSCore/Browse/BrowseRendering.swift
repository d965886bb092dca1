/// Text, Markdown and JSON views of the CPMS for `list`, `show`, `principles` and `search`.
public struct BrowseRendering: Sendable {
  public var catalog: Catalog
  public var layout: TextLayout

  public init(catalog: Catalog, layout: TextLayout = TextLayout()) {
    self.catalog = catalog
    self.layout = layout
  }

  var t: Interface { catalog.interface }

  var noticeText: String {
    var text = catalog.contentNotice
    if let name = catalog.contextName { text += " " + t("notice.contextualized", name) }
    return text
  }

  // MARK: list

  public func list(pillar: Int?, format: OutputFormat) -> String {
    let pillars = catalog.pillars.filter { pillar == nil || $0.number == pillar }
    switch format {
    case .json:
      let rows = pillars.flatMap { catalog.standards(inPillar: $0.number) }.map { StandardSummary($0, catalog) }
      return JSONOutput.encode(rows)
    case .markdown:
      var out = Markdown.frontMatter(t.language) + "# \(t("list.title"))\n\n> \(Markdown.escape(noticeText))\n"
      for pillar in pillars {
        out += "\n## \(Markdown.escape(t("pillar.heading", pillar.number, pillar.title)))\n\n"
        let rows = catalog.standards(inPillar: pillar.number).map { standard in
          [String(standard.number), standard.title + contextMark(standard), standard.statement]
        }
        out += Markdown.table([t("column.standard"), t("column.title"), t("column.statement")], rows) + "\n"
      }
      return out
    case .text:
      var blocks: [String] = []
      for pillar in pillars {
        var lines = [layout.wrap(t("pillar.heading", pillar.number, pillar.title).uppercased())]
        for standard in catalog.standards(inPillar: pillar.number) {
          lines.append(layout.labelled(String(standard.number), standard.title + contextMark(standard), labelWidth: 4))
        }
        blocks.append(lines.joined(separator: "\n"))
      }
      blocks.append(layout.wrap(noticeText))
      return blocks.joined(separator: "\n\n") + "\n"
    }
  }

  func contextMark(_ standard: Standard) -> String {
    standard.contextualization == nil ? "" : " " + t("mark.contextualized")
  }

  // MARK: show

  public func show(_ number: StandardNumber, format: OutputFormat) -> String {
    let standard = catalog.standard(number)
    switch format {
    case .json: return JSONOutput.encode(StandardDetail(standard, catalog))
    case .markdown:
      return Markdown.frontMatter(t.language) + StandardMarkdown(catalog: catalog).document(standard, headingLevel: 1)
        + "\n"
    case .text: return showText(standard)
    }
  }

  func showText(_ standard: Standard) -> String {
    let pillar = catalog.pillar(standard.pillar)!
    var blocks: [String] = []
    blocks.append(
      layout.heading(t("standard.heading", standard.number, standard.title) + contextMark(standard)) + "\n"
        + layout.wrap(t("pillar.heading", pillar.number, pillar.title)))
    blocks.append(layout.wrap(standard.statement, indent: "  "))
    if let context = standard.contextualization, let rationale = context.rationale {
      blocks.append(layout.wrap(t("show.whyContextualized", rationale), indent: "  "))
    }
    if let official = standard.contextualization?.officialStatement {
      blocks.append(layout.wrap(t("show.officialStatement", official), indent: "  "))
    }
    var actions = [layout.heading(t("show.keyActions"), underline: "-")]
    let idWidth = (standard.keyActions.map(\.id.count).max() ?? 6) + 2
    for (phase, list) in standard.keyActionsByPhase {
      actions.append("")
      actions.append(t("phase.\(phase.rawValue)"))
      var actor: Actor?
      for action in list {
        if let current = action.actor, current != actor {
          actions.append("  " + t("actor.\(current.rawValue)") + ":")
          actor = current
        }
        let mark = action.contextualized == true ? " " + t("mark.contextualized") : ""
        actions.append(layout.labelled(action.id, action.text + mark, indent: 2, labelWidth: idWidth))
      }
    }
    blocks.append(actions.joined(separator: "\n"))
    var indicators = [layout.heading(t("show.coreIndicators"), underline: "-")]
    for indicator in standard.indicators {
      indicators += indicatorLines(indicator, idWidth: idWidth)
    }
    blocks.append(indicators.joined(separator: "\n"))
    if let measures = standard.additionalMeasures, !measures.isEmpty {
      var lines = [layout.heading(t("show.additionalMeasures"), underline: "-")]
      for measure in measures {
        lines += indicatorLines(measure, idWidth: idWidth)
      }
      blocks.append(lines.joined(separator: "\n"))
    }
    var links = [layout.heading(t("show.links"), underline: "-")]
    links.append(
      layout.labelled(
        t("show.principles"),
        standard.relatedPrinciples.map { "\($0) \(catalog.principle($0)!.title)" }.joined(separator: "; "),
        labelWidth: 14))
    links.append(
      layout.labelled(
        t("show.standards"),
        standard.linkedStandards.map { "\($0) \(catalog.standardTitle($0)!)" }.joined(separator: "; "),
        labelWidth: 14))
    let strategies = standard.inspire.strategies.compactMap { catalog.inspireStrategy($0)?.title }
    links.append(
      layout.labelled(
        "INSPIRE", (strategies.isEmpty ? "" : strategies.joined(separator: "; ") + ". ") + standard.inspire.note,
        labelWidth: 14))
    let roles = catalog.coordinationRoles(of: standard.number)
    links.append(
      layout.labelled(
        t("show.coordination"), roles.map { "\($0.title) (\($0.part.title))" }.joined(separator: "; "), labelWidth: 14))
    blocks.append(links.joined(separator: "\n"))
    if let notes = standard.guidanceNotes, !notes.isEmpty {
      var lines = [layout.heading(t("show.guidanceNotes"), underline: "-")]
      for note in notes {
        lines.append(layout.labelled(note.id, "\(note.title). \(note.summary)", labelWidth: idWidth))
      }
      blocks.append(lines.joined(separator: "\n"))
    }
    blocks.append(layout.wrap(noticeText))
    blocks.append(layout.wrap(standard.summaryLine(t)))
    return blocks.joined(separator: "\n\n") + "\n"
  }

  /// One indicator: its id and text, then its target, type, computation, sources and note.
  func indicatorLines(_ indicator: Indicator, idWidth: Int) -> [String] {
    let mark = indicator.local == nil ? "" : " " + t("mark.contextualized")
    var lines = [layout.labelled(indicator.id, indicator.text + mark, labelWidth: idWidth)]
    let pad = String(repeating: " ", count: 2 + idWidth)
    for (label, value) in indicator.labelledFields(t) {
      lines.append(layout.wrap("\(label): \(value)", indent: pad))
    }
    if let local = indicator.local {
      for (label, value) in local.labelledFields {
        lines.append(layout.wrap("\(label): \(value)", indent: pad))
      }
    }
    return lines
  }

  // MARK: principles

  public func principles(format: OutputFormat) -> String {
    switch format {
    case .json:
      return JSONOutput.encode(catalog.principles.map { PrincipleJSON($0, notice: catalog.notice) })
    case .markdown:
      return Markdown.frontMatter(t.language) + "# \(t("principles.title"))\n\n> \(Markdown.escape(noticeText))\n\n"
        + StandardMarkdown(catalog: catalog).principlesSection(headingLevel: 2, withQuestions: false) + "\n"
    case .text:
      var blocks = [layout.heading(t("principles.heading"))]
      for principle in catalog.principles {
        blocks.append(
          layout.labelled(
            String(principle.number), "\(principle.title) (\(t("principleGroup.\(principle.group.rawValue)")))",
            labelWidth: 4)
            + "\n" + layout.wrap(principle.summary, indent: "      "))
      }
      blocks.append(layout.wrap(noticeText))
      return blocks.joined(separator: "\n\n") + "\n"
    }
  }

  // MARK: search

  public func search(_ words: [String], hits: [SearchHit], format: OutputFormat) -> String {
    let query = words.joined(separator: " ")
    switch format {
    case .json:
      return JSONOutput.encode(SearchJSON(query: query, count: hits.count, hits: hits, notice: noticeText))
    case .markdown:
      var out =
        Markdown.frontMatter(t.language) + "# \(Markdown.escape(t("search.title", query)))\n\n> "
        + "\(Markdown.escape(noticeText))\n\n"
      out += Markdown.escape(t(hits.count == 1 ? "search.count.one" : "search.count.other", query, hits.count)) + "\n"
      if !hits.isEmpty {
        out +=
          "\n"
          + Markdown.table(
            [t("column.id"), t("column.kind"), t("column.standard"), t("column.text")],
            hits.map { [$0.id, t("hit.\($0.kind.rawValue)"), "\($0.standard) \($0.standardTitle)", $0.text] }) + "\n"
      }
      return out
    case .text:
      var blocks: [String] = [t(hits.count == 1 ? "search.count.one" : "search.count.other", query, hits.count)]
      let idWidth = (hits.map(\.id.count).max() ?? 4) + 2
      var current = 0
      var lines: [String] = []
      for hit in hits {
        if hit.standard != current {
          if !lines.isEmpty { blocks.append(lines.joined(separator: "\n")) }
          lines = [t("standard.heading", hit.standard, hit.standardTitle)]
          current = hit.standard
        }
        let text = hit.kind == .standard ? catalog.standard(hit.standard)!.statement : hit.text
        lines.append(layout.labelled(hit.id, "\(t("hit.\(hit.kind.rawValue)")): \(text)", labelWidth: idWidth))
      }
      if !lines.isEmpty { blocks.append(lines.joined(separator: "\n")) }
      blocks.append(layout.wrap(noticeText))
      return blocks.joined(separator: "\n\n") + "\n"
    }
  }
}

extension SearchHit.Kind {
  public var label: String {
    switch self {
    case .standard: "standard"
    case .keyAction: "key action"
    case .indicator: "indicator"
    }
  }
}

extension Indicator {
  /// The indicator's fields after its text, labelled for display, in a fixed order; the official id
  /// comes first so it stands beside cpms's own.
  public var labelledFields: [(String, String)] { labelledFields(Interface(.en)) }

  /// The same, in the words of `t`'s language.
  public func labelledFields(_ t: Interface) -> [(String, String)] {
    var fields: [(String, String)] = []
    if let officialId { fields.append((t("indicator.officialId"), t("indicator.officialIdSource", officialId))) }
    if let officialText { fields.append((t("indicator.officialText"), officialText)) }
    let shownTarget = t.target(target)
    fields.append(
      (
        t("indicator.target"),
        type.map { t("indicator.typed", shownTarget, t("indicatorType.\($0.rawValue)")) } ?? shownTarget
      ))
    if let numerator { fields.append((t("indicator.numerator"), numerator)) }
    if let denominator { fields.append((t("indicator.denominator"), denominator)) }
    if let dataSource, !dataSource.isEmpty {
      fields.append((t("indicator.dataSources"), dataSource.joined(separator: "; ")))
    }
    if let disaggregation, !disaggregation.isEmpty {
      fields.append(
        (
          t("indicator.disaggregateBy"),
          disaggregation.map { t("disaggregation.\($0.rawValue)") }.joined(separator: ", ")
        ))
    }
    if !note.isEmpty { fields.append((t("indicator.note"), note)) }
    return fields
  }
}

extension Standard {
  /// cpms's indicator ids beside their official ones, where known ("1.1 = official 1.2.2"), or nil.
  public func officialIndicatorIds(_ t: Interface) -> String? {
    let pairs = (indicators + (additionalMeasures ?? [])).compactMap { indicator in
      indicator.officialId.map { t("prio.officialIndicatorId", indicator.id, $0) }
    }
    return pairs.isEmpty ? nil : pairs.joined(separator: t("list.comma"))
  }

  /// The one line the text and Markdown views print about what is a summary; the detailed sources are
  /// in `provenance`, shown by `cpms show N --format json`.
  public var summaryLine: String { summaryLine(Interface(.en)) }

  public func summaryLine(_ t: Interface) -> String {
    var line = t("show.summaryLine")
    if indicators.contains(where: { $0.basis == .officialIdAndTarget }) { line += " " + t("show.summaryOfficial") }
    return line + " " + t("show.summarySources", number)
  }
}

extension LocalIndicatorDetails {
  /// The local fields that are set, labelled for display, in a fixed order.
  public var labelledFields: [(String, String)] {
    [
      ("Definition", definition), ("Method", method), ("Frequency", frequency), ("Data source", dataSource),
      ("Disaggregation", disaggregation?.joined(separator: ", ")),
    ].compactMap { label, value in value.map { (label, $0) } }
  }
}

// MARK: JSON views (stable keys scripts depend on)

struct StandardSummary: Encodable {
  var number: Int
  var title: String
  var pillar: Int
  var pillarTitle: String
  var statement: String
  var keyActions: Int
  var indicators: Int
  var contextualized: Bool
  var notice: String

  init(_ standard: Standard, _ catalog: Catalog) {
    number = standard.number
    title = standard.title
    pillar = standard.pillar
    pillarTitle = catalog.pillar(standard.pillar)!.title
    statement = standard.statement
    keyActions = standard.keyActions.count
    indicators = standard.indicators.count
    contextualized = standard.contextualization != nil
    notice = standard.notice
  }
}

struct StandardDetail: Encodable {
  struct Link: Encodable {
    var number: Int
    var title: String
  }

  struct Strategy: Encodable {
    var id: String
    var title: String
  }

  var notice: String
  var number: Int
  var title: String
  var pillar: Int
  var pillarTitle: String
  var statement: String
  var keyActions: [KeyAction]
  var indicators: [Indicator]
  var additionalMeasures: [Indicator]
  var relatedPrinciples: [Link]
  var linkedStandards: [Link]
  var inspireStrategies: [Strategy]
  var inspireNote: String
  var coordinationFunctions: [CoordinationRole]
  /// The coordination guide's example documents for the functions this standard serves.
  var coordinationExamples: [WorkshopGuide.ExampleDocument]
  var guidanceNotes: [GuidanceNote]
  var provenance: String
  var contextualization: StandardContextualization?

  init(_ standard: Standard, _ catalog: Catalog) {
    notice = standard.notice
    number = standard.number
    title = standard.title
    pillar = standard.pillar
    pillarTitle = catalog.pillar(standard.pillar)!.title
    statement = standard.statement
    keyActions = standard.keyActions
    indicators = standard.indicators
    additionalMeasures = standard.additionalMeasures ?? []
    relatedPrinciples = standard.relatedPrinciples.map { Link(number: $0, title: catalog.principle($0)!.title) }
    linkedStandards = standard.linkedStandards.map { Link(number: $0, title: catalog.standardTitle($0)!) }
    inspireStrategies = standard.inspire.strategies.compactMap { id in
      catalog.inspireStrategy(id).map { Strategy(id: id, title: $0.title) }
    }
    inspireNote = standard.inspire.note
    coordinationFunctions = catalog.coordinationRoles(of: standard.number)
    let functions = Set(coordinationFunctions.map(\.function))
    coordinationExamples = catalog.guide.exampleDocuments.filter { functions.contains($0.function) }
    guidanceNotes = standard.guidanceNotes ?? []
    provenance = standard.provenance
    contextualization = standard.contextualization
  }
}

struct PrincipleJSON: Encodable {
  var number: Int
  var title: String
  var group: Principle.Group
  var summary: String
  var questions: [String]
  var notice: String

  init(_ principle: Principle, notice: String) {
    number = principle.number
    title = principle.title
    group = principle.group
    summary = principle.summary
    questions = principle.questions
    self.notice = notice
  }
}

struct SearchJSON: Encodable {
  var query: String
  var count: Int
  var hits: [SearchHit]
  var notice: String
}
