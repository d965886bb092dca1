#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// What a workshop pack is built from: a checked selection and the workshop's own details.
///
/// The CLI fills it from flags and workshop files; the library only renders it, so the same request
/// always gives the same bytes.
public struct PackRequest: Sendable {
  /// The prioritization the pack is about (the CLI refuses to pack one that does not comply).
  public var result: PrioritizationResult
  /// The name of the country or response the workshop is for; nil when nobody named it.
  public var contextName: String?
  /// The workshop date as written on the cover, YYYY-MM-DD.
  public var date: String
  /// The catalog before a contextualization was applied, so the monitoring framework can show the
  /// global target beside the local one. Nil when the catalog given to the pack is the global one.
  public var globalCatalog: Catalog?

  public init(result: PrioritizationResult, contextName: String? = nil, date: String, globalCatalog: Catalog? = nil) {
    self.result = result
    self.contextName = contextName
    self.date = date
    self.globalCatalog = globalCatalog
  }
}

/// One file of the pack: a path relative to the pack's folder, a plain-text title and Markdown.
public struct PackDocument: Sendable, Equatable {
  public var path: String
  public var title: String
  public var contents: String

  public init(path: String, title: String, contents: String) {
    self.path = path
    self.title = title
    self.contents = contents
  }
}

/// The workshop pack: everything a facilitator prints or shares for a prioritization workshop.
///
/// The same parts make either a folder of documents (README.md is the index) or one document with
/// internal links, so a group can browse it on GitHub or convert it with pandoc.
public enum WorkshopPack {
  /// The folder form, in reading order; README.md comes first and links to every other document.
  public static func documents(_ request: PackRequest, catalog: Catalog) -> [PackDocument] {
    let writer = PackWriter(request: request, catalog: catalog)
    let markdown = PackMarkdown(writer: writer, single: false)
    return writer.sections().map { section in
      PackDocument(path: section.part.path, title: section.title, contents: markdown.document(section))
    }
  }

  /// The single-file form: the same content as one document whose links point to its own sections.
  public static func singleDocument(_ request: PackRequest, catalog: Catalog) -> String {
    let writer = PackWriter(request: request, catalog: catalog)
    return PackMarkdown(writer: writer, single: true).singleDocument(writer.sections())
  }

  /// The pack as one self-contained HTML page for the screen and for print on the given paper:
  /// no scripts, no external files, each part on a new page.
  public static func html(_ request: PackRequest, catalog: Catalog, paper: PaperSize = .a4) -> String {
    let writer = PackWriter(request: request, catalog: catalog)
    return HTMLPack(writer: writer, paper: paper).document(writer.sections())
  }

  /// Where a selected standard's document lives in the folder form (two-digit numbers sort well).
  public static func standardPath(_ number: StandardNumber) -> String {
    "standards/standard-\(number.value < 10 ? "0" : "")\(number).md"
  }

  /// Whether a path inside an existing folder is one a pack writes (its numbered parts, README.md,
  /// and standards/standard-NN.md), so `pack --force` can tell an earlier pack from other work.
  public static func isPackFile(_ relativePath: String) -> Bool {
    if relativePath == "standards/" { return true }
    let parts = relativePath.split(separator: "/", omittingEmptySubsequences: false)
    switch parts.count {
    case 1: return relativePath.hasSuffix(".md") && !relativePath.hasPrefix(".")
    case 2: return parts[0] == "standards" && parts[1].hasPrefix("standard-") && parts[1].hasSuffix(".md")
    default: return false
    }
  }

  /// The id GitHub and pandoc (gfm) give a heading: lower case, punctuation dropped, spaces as hyphens.
  /// The single-file form links to its sections through these ids, so it needs no raw HTML anchors.
  public static func anchor(_ heading: String) -> String {
    let text = heading.trimmingWhitespaceAndNewlines()
    if text.utf8.allSatisfy({ $0 < 0x80 }) {
      // ASCII headings (nearly all) byte by byte: the same result without Unicode case mapping.
      var bytes: [UInt8] = []
      bytes.reserveCapacity(text.utf8.count)
      for byte in text.utf8 {
        switch byte {
        case UInt8(ascii: " "): bytes.append(UInt8(ascii: "-"))
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte + 32)
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"),
          UInt8(ascii: "_"):
          bytes.append(byte)
        default: break
        }
      }
      return String(decoding: bytes, as: UTF8.self)
    }
    var out = ""
    for character in text.lowercased() {
      if character == " " {
        out += "-"
      } else if character == "-" || character == "_" || character.isLetter || character.isNumber {
        out.append(character)
      }
    }
    return out
  }
}

/// The paper the HTML pack is laid out for.
public enum PaperSize: String, CaseIterable, Sendable {
  case a4
  case letter

  /// The CSS page size.
  var css: String {
    switch self {
    case .a4: "A4"
    case .letter: "letter"
    }
  }
}

/// One part of the pack; in the folder form each part is a file, on paper each starts a page.
enum PackPart: Equatable {
  case cover
  case agenda
  case keyQuestions
  case standard(StandardNumber)
  case principles
  case programmeCycle
  case monitoring
  case allStandards

  var path: String {
    switch self {
    case .cover: "README.md"
    case .agenda: "01-agenda.md"
    case .keyQuestions: "02-key-questions.md"
    case .standard(let number): WorkshopPack.standardPath(number)
    case .principles: "03-principles.md"
    case .programmeCycle: "04-programme-cycle.md"
    case .monitoring: "05-monitoring-framework.md"
    case .allStandards: "06-all-standards.md"
    }
  }

  /// The id of the part in the HTML page: short and stable, whatever the heading says.
  var htmlID: String {
    switch self {
    case .cover: "cover"
    case .agenda: "agenda"
    case .keyQuestions: "key-questions"
    case .standard(let number): "standard-\(number)"
    case .principles: "principles"
    case .programmeCycle: "programme-cycle"
    case .monitoring: "monitoring-framework"
    case .allStandards: "all-standards"
    }
  }
}

/// Decides what the pack says, part by part, as blocks that PackMarkdown and HTMLPack write out.
struct PackWriter {
  let request: PackRequest
  let catalog: Catalog
  let rendering: PrioritizationRendering

  init(request: PackRequest, catalog: Catalog) {
    self.request = request
    self.catalog = catalog
    rendering = PrioritizationRendering(catalog: catalog)
  }

  var result: PrioritizationResult { request.result }

  /// The heading the single Markdown form's contents list sits under.
  static let contentsHeading = "Contents"
  static let aboutHeading = "About the content"

  /// The one line every printed page (and every Markdown document) ends with.
  static let footerLine =
    "A summary for workshop use, not the official CPMS wording: see \u{201C}About the content\u{201D}."

  var parts: [PackPart] {
    [.cover, .agenda, .keyQuestions] + result.selection.map(PackPart.standard)
      + [.principles, .programmeCycle, .monitoring, .allStandards]
  }

  func sections() -> [PackSection] {
    parts.map { PackSection(part: $0, title: title(of: $0), blocks: blocks($0)) }
  }

  var contextName: String {
    let name = request.contextName?.trimmingWhitespaceAndNewlines() ?? ""
    return name.isEmpty ? "context not named" : name
  }

  /// The pack is written in British English, like the handbook; the few words the rest of cpms
  /// spells the American way (in its messages and option values) are respelled here.
  static func british(_ text: String) -> String {
    var out = text
    for (american, british) in [
      ("ontextualiz", "ontextualis"), ("rioritiz", "rioritis"), ("obiliz", "obilis"), ("ummariz", "ummaris"),
      ("rganiz", "rganis"),
    ] where out.contains(american) {
      out = out.replacing(american, with: british)
    }
    return out
  }

  /// Text cpms itself wrote, in the pack's spelling: respelled in English, as it is in other languages.
  func spelled(_ text: String) -> String { catalog.language == .en ? Self.british(text) : text }

  // MARK: titles

  func title(of part: PackPart) -> String {
    switch part {
    case .cover: "Workshop pack: \(contextName)"
    case .agenda: "Agenda"
    case .keyQuestions: "Key questions"
    case .standard(let number):
      "Standard \(number): \(oneLine(catalog.title(of: number)))"
        + (catalog.standard(number).contextualization == nil ? "" : " (contextualised)")
    case .principles: "The 10 principles"
    case .programmeCycle: "Using the selection in the programme cycle"
    case .monitoring: "Monitoring framework"
    case .allStandards: "All 28 standards"
    }
  }

  func oneLine(_ text: String) -> String { String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 }) }

  func standardLabel(_ number: StandardNumber) -> String { "Standard \(number): \(catalog.title(of: number))" }

  func blocks(_ part: PackPart) -> [PackBlock] {
    switch part {
    case .cover: cover()
    case .agenda: agenda()
    case .keyQuestions: keyQuestions()
    case .standard(let number): standard(number)
    case .principles: principles()
    case .programmeCycle: programmeCycle()
    case .monitoring: monitoring()
    case .allStandards: allStandards()
    }
  }

  // MARK: 1. cover, contents and about the content

  func cover() -> [PackBlock] {
    var details: [PackLine] = [
      [.strong("Context:"), .text(" "), .name(contextName)],
      [.strong("Date:"), .text(" " + request.date)],
      [.strong("Situation:"), .text(" " + situationTitle)],
      [.strong("Rule that applied:"), .text(" " + spelled(rendering.rule(for: result.situation)))],
      [.strong("How the selection was made:"), .text(" " + howSelected)],
      [.strong("Result:"), .text(" " + rendering.verdict(result))],
    ]
    if let name = catalog.contextName {
      details.append([
        .strong("Contextualisation applied:"), .text(" "), .name(name),
        .text("; local wording is marked as contextualised."),
      ])
    }
    var out: [PackBlock] = [
      .paragraph([
        .text(
          "The material for a CPMS prioritisation workshop: the agenda, the selected standards with their "
            + "worksheets, the principles, the programme cycle and a monitoring framework to complete.")
      ]),
      .bullets(details),
      .heading(1, Self.contentsHeading), contents(),
      .heading(1, "Selected standards"),
    ]
    if result.mode == .checked {
      out.append(
        .paragraph([
          .text(
            "\u{201C}Chosen by the group\u{201D} means the participants agreed on these standards among "
              + "themselves; cpms did not pick them, it only checked them against the rule.")
        ]))
    }
    out.append(.table(selectionTable()))
    out.append(
      .chart(
        svg: PillarCoverageChart.svg(selection: result.selection, catalog: catalog),
        caption: "The selection across the four pillars: the selected standards are filled."))
    out += [.heading(1, "Rule check")]
    if result.findings.isEmpty {
      out.append(.paragraph([.text("No findings: the selection follows the rule of its situation.")]))
    } else {
      out.append(
        .table(
          PackTable(
            header: ["Severity", "Rule", "Finding"],
            rows: result.findings.map {
              [[.text($0.severity.rawValue)], [.code($0.rule)], [.text(spelled($0.message))]]
            },
            widths: [14, 22, 64])))
    }
    if let situation = catalog.guide.situations.first(where: { $0.id == result.situation.rawValue }) {
      out += [.heading(1, "Advice for this situation"), .bullets(situation.advice.map { [.text($0)] })]
    }
    out += [.heading(1, "The other standards still apply"), .bullets(catalog.guide.reminders.map { [.text($0)] })]
    out += about()
    return out
  }

  var situationTitle: String {
    catalog.guide.situations.first { $0.id == result.situation.rawValue }?.title
      ?? spelled(result.situation.title)
  }

  var howSelected: String {
    switch result.mode {
    case .checked: return "chosen by the group, then checked against the rule"
    case .recommended:
      let scores = result.ranking?.reduce(0) { $0 + $1.ballots } ?? 0
      let count = result.size ?? result.selected.count
      return "recommended (\(count) standards) from \(scores) score\(scores == 1 ? "" : "s") in the ballots, "
        + "then checked against the rule"
    }
  }

  /// Why a standard is in the selection, without the "chosen by the group" the cover explains once.
  func reasons(_ item: SelectedStandard) -> String {
    let shown = item.reasons.filter { $0 != .chosenByGroup }.map { spelled($0.text(catalog.interface)) }
    return shown.isEmpty ? "chosen by the group" : shown.joined(separator: "; ")
  }

  func selectionTable() -> PackTable {
    PackTable(
      header: ["No.", "Standard", "Pillar", "Why it is selected"],
      rows: result.selected.map { item in
        [
          [.text(item.standard.description)], [.link(item.title, .standard(item.standard))],
          [.text(String(item.pillar))],
          [.text(reasons(item))],
        ]
      }, alignRight: [0, 2], widths: [8, 42, 10, 40])
  }

  func contents() -> PackBlock {
    let ballots = result.ranking == nil ? "" : ", and the ballot results"
    return .numbered([
      PackListItem(
        line: [.link("Agenda", .agenda), .text(": the six working sessions and the aims of the workshop")]),
      PackListItem(line: [.link("Key questions", .keyQuestions), .text(" for the context analysis\(ballots)")]),
      PackListItem(
        line: [.text("The selected standards, each with a worksheet:")],
        children: result.selection.map { [.link(standardLabel($0), .standard($0))] }),
      PackListItem(
        line: [.link("The 10 principles", .principles), .text(" with the questions to check plans against")]),
      PackListItem(line: [
        .link("Using the selection in the programme cycle", .programmeCycle),
        .text(": response planning, resource mobilisation and response monitoring"),
      ]),
      PackListItem(line: [
        .link("Monitoring framework", .monitoring),
        .text(": the core indicators of the selected standards, with a grid to complete for each"),
      ]),
      PackListItem(line: [.link("All 28 standards", .allStandards), .text(", with the selected ones marked")]),
    ])
  }

  /// Said once for the whole pack: what the text is, what it is not, and where the real one is.
  func about() -> [PackBlock] {
    [
      .heading(1, Self.aboutHeading),
      .paragraph([
        .text(
          "The Child Protection Minimum Standards in Humanitarian Action (CPMS), 2019 edition, are a handbook "
            + "published by the Alliance for Child Protection in Humanitarian Action. It sets out 28 standards in "
            + "four pillars, each with key actions, indicators and guidance notes, and ten principles behind them.")
      ]),
      .paragraph([
        .text(
          "What this pack shows of each standard is a summary: a short text written for the workshop so the "
            + "group can discuss and plan. It is not the handbook's wording. The monitoring framework says which "
            + "indicator ids and targets come from the handbook's table of indicators; the other indicators and "
            + "targets are proposals for the group's discussion, not official figures. Before the group adopts a "
            + "standard, an indicator or a target, check it against the handbook.")
      ]),
      .paragraph([
        .text(
          "\u{201C}Contextualised\u{201D} marks wording a coordination group has adapted to its own context; "
            + "the pack shows it instead of the summary and says so.")
      ]),
      .paragraph([
        .text(
          "Where to get the handbook (in \(listed(catalog.guide.access.languages))):")
      ]),
      .bullets(catalog.guide.access.formats.map { [.strong("\($0.format):"), .text(" " + $0.detail)] }),
    ]
  }

  /// "a, b and c".
  func listed(_ items: [String]) -> String {
    items.count < 2 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
  }

  // MARK: 2. agenda

  /// Which part of the pack each of the guide's six sessions works with.
  func sessionMaterial(_ session: Int) -> [(String, PackPart)] {
    switch session {
    case 1: [("The 10 principles", .principles)]
    case 2: [("Key questions", .keyQuestions)]
    case 3: [("The selection and its rule check", .cover), ("All 28 standards", .allStandards)]
    case 4: result.selection.map { ("Worksheet for standard \($0)", .standard($0)) }
    case 5: [("Using the selection in the programme cycle", .programmeCycle)]
    case 6: [("Monitoring framework", .monitoring)]
    default: []
    }
  }

  func agenda() -> [PackBlock] {
    var out: [PackBlock] = [
      .paragraph([.text(catalog.guide.sessionFormat)]), .heading(1, "Aims of the workshop"),
      .bullets(catalog.guide.aims.map { [.text($0)] }),
    ]
    for session in catalog.guide.sessions {
      var group: [PackBlock] = [
        .heading(1, "Session \(session.number): \(session.title)"),
        .paragraph([.emphasis("About 2 hours.")]),
        .paragraph([.strong("Aim:"), .text(" " + session.aim)]),
        .paragraph([.strong("Prepare:")]), .bullets(session.prepare.map { [.text($0)] }),
        .paragraph([.strong("Produces:")]), .bullets(session.produces.map { [.text($0)] }),
      ]
      let material = sessionMaterial(session.number)
      if !material.isEmpty {
        var line: PackLine = [.strong("In this pack:"), .text(" ")]
        for (index, item) in material.enumerated() {
          if index > 0 { line.append(.text(", ")) }
          line.append(.link(item.0, item.1))
        }
        group.append(.paragraph(line))
      }
      out.append(.keepTogether(group))
    }
    return out
  }

  // MARK: 3. key questions and ballots

  func keyQuestions() -> [PackBlock] {
    var out: [PackBlock] = [
      .paragraph([
        .text(
          "Answer these together in session 2, so the choice of standards rests on what the group knows "
            + "about the context.")
      ]),
      .numbered(
        catalog.guide.keyQuestions.map { question in
          var line: PackLine = [.text(question.text)]
          if let number = question.pillar, let pillar = catalog.pillar(number) {
            line.append(.emphasis(" (Pillar \(number): \(pillar.title))"))
          }
          return PackListItem(line: line)
        }),
      .heading(1, "What affects how far the standards can be met"),
      .bullets(catalog.guide.factors.map { [.text($0)] }),
    ]
    if let ranking = result.ranking { out += ballotResults(ranking) }
    return out
  }

  /// The ranking as a facilitator reads it on paper: one line per standard with its mean, median,
  /// spread and number of scores, who was counted, how far the group agrees, and what participants
  /// wrote, grouped by standard.
  func ballotResults(_ ranking: [RankingEntry]) -> [PackBlock] {
    let total = ranking.reduce(0) { $0 + $1.ballots }
    let summary = result.ballotSummary
    let participants = summary?.participants ?? []
    let measure = summary?.rankedBy == .median ? "median" : "mean"
    let selected = Set(result.selection)
    let rows = ranking.map { entry -> [PackLine] in
      var title: PackLine =
        selected.contains(entry.standard)
        ? [.strong("\(entry.standard) \(entry.title)"), .text(" (selected)")]
        : [.text("\(entry.standard) \(entry.title)")]
      if entry.spread?.toDiscuss == true { title.append(.emphasis(" to discuss")) }
      return [
        [.text(entry.isScored ? String(entry.rank) : "\u{2013}")], title,
        [.text(entry.mean.map(Prioritizer.formatMean) ?? "\u{2013}")],
        [.text(entry.spread.map { Prioritizer.formatMean($0.median) } ?? "\u{2013}")],
        [.text(entry.spread.map { Prioritizer.formatMean($0.standardDeviation) } ?? "\u{2013}")],
        [.text(String(entry.ballots))],
      ]
    }
    var out: [PackBlock] = [
      .keepTogether([
        .heading(1, "Ballot results"),
        .paragraph([
          .text(
            "\(participants.count) participant\(participants.count == 1 ? "" : "s") gave \(total) "
              + "score\(total == 1 ? "" : "s") from 0 (not a priority) to 5 (top priority). The 28 standards are "
              + "ranked by \(measure) score; ties go to the other measure, then to the standard scored more often, "
              + "then to the lower number. Spread is the standard deviation: the larger it is, the more the "
              + "scores differ. \(spelled(ScoreSpread.toDiscussRule.prefix(1).uppercased()))"
              + "\(ScoreSpread.toDiscussRule.dropFirst()).")
        ]),
        .table(
          PackTable(
            header: ["Rank", "Standard", "Mean", "Median", "Spread", "Scores"], rows: rows,
            alignRight: [0, 2, 3, 4, 5], widths: [8, 52, 10, 10, 10, 10], style: "ranking")),
      ]),
      .chart(
        svg: RankingChart.svg(result, ranking: ranking),
        caption: "The same ranking as a picture: each dot is one participant's score and the bar the mean."),
    ]
    guard let summary else { return out }
    out += [
      .heading(2, "Who took part"),
      .bullets([
        [.strong("Participants (\(participants.count)):"), .text(" "), .name(participants.joined(separator: ", "))],
        [.text(rendering.agreementText(summary.agreement))],
      ]),
      .heading(2, "What participants wrote"),
    ]
    if summary.comments.isEmpty {
      out.append(.paragraph([.text("The ballots carry no comment.")]))
    }
    for standard in StandardNumber.all {
      let comments = summary.comments(on: standard)
      guard !comments.isEmpty else { continue }
      out.append(.paragraph([.strong(standardLabel(standard))]))
      out.append(.bullets(comments.map { [.text($0.text + " "), .emphasis("(" + $0.participant + ")")] }))
    }
    let notes = summary.comments.filter { $0.standard == nil }
    if !notes.isEmpty {
      out.append(.paragraph([.strong("Other notes")]))
      out.append(.bullets(notes.map { [.text($0.text + " "), .emphasis("(" + $0.participant + ")")] }))
    }
    return out
  }

  // MARK: 4. one part per selected standard

  func standard(_ number: StandardNumber) -> [PackBlock] {
    let standard = catalog.standard(number)
    let pillar = catalog.pillar(standard.pillar)!
    var out: [PackBlock] = [
      .paragraph([.emphasis("Pillar \(pillar.number): \(pillar.title)")]),
      .paragraph([.strong("The standard, in summary:"), .text(" " + standard.statement)]),
    ]
    if let context = standard.contextualization {
      var line: PackLine = [.strong("Contextualised for"), .text(" "), .name(context.contextName), .text(".")]
      if let rationale = context.rationale { line.append(.text(" Why: \(rationale)")) }
      if let title = context.globalTitle { line.append(.text(" Global title: \(title).")) }
      if let statement = context.globalStatement { line.append(.text(" Global statement: \(statement)")) }
      out.append(.paragraph(line))
    }
    out += workshopNotes(number)
    out.append(.heading(1, "Core indicators"))
    out.append(
      .table(
        PackTable(
          header: ["Id", "Indicator", "Target"],
          rows: standard.indicators.map { indicator in
            var text: PackLine = [.text(indicator.text)]
            if indicator.local != nil { text.append(.emphasis(" (contextualised)")) }
            return [[.text(indicator.id)], text, [.text(indicator.target.description)]]
          }, widths: [10, 72, 18])))
    out.append(
      .paragraph([
        .text("How each is measured, and the grid to agree it on, are in the "),
        .link("monitoring framework", .monitoring),
        .text("."),
      ]))
    out.append(.heading(1, "Links"))
    let principles = standard.relatedPrinciples.map { "\($0) \(catalog.principle($0)!.title)" }
    let standards = standard.linkedStandards.map { "\($0) \(catalog.standardTitle($0)!)" }
    let strategies = standard.inspire.strategies.compactMap { catalog.inspireStrategy($0)?.title }
    let inspire = (strategies.isEmpty ? "" : strategies.joined(separator: "; ") + ". ") + standard.inspire.note
    // Function titles only: the guide's notes on them are the same under many standards.
    let roles = catalog.coordinationRoles(of: number.value).map(\.title)
    var functions: [String] = []
    for role in roles where !functions.contains(role) { functions.append(role) }
    out.append(
      .bullets([
        [.strong("Related principles:"), .text(" " + principles.joined(separator: "; "))],
        [.strong("Linked standards:"), .text(" " + standards.joined(separator: "; "))],
        [.strong("INSPIRE strategies:"), .text(" " + inspire)],
        [
          .strong("Coordination functions:"),
          .text(" " + (functions.isEmpty ? "none named in the guide's annex" : functions.joined(separator: "; "))),
        ],
      ]))
    if let notes = standard.guidanceNotes, !notes.isEmpty {
      out.append(.heading(1, "Guidance notes cited by the coordination guide"))
      out.append(.bullets(notes.map { [.strong("\($0.id) \($0.title)."), .text(" " + $0.summary)] }))
    }
    // The key actions are the worksheet: each one's text beside the boxes and lines to fill in, so
    // the printed page is all a group needs.
    out.append(.heading(1, "Key actions: where the group stands"))
    out.append(
      .paragraph([
        .text(
          "For each key action, tick where things stand (in place, partly, or a gap), name who leads and by "
            + "when, and note what is needed.")
      ]))
    for (phase, actions) in standard.keyActionsByPhase {
      out.append(.heading(2, phase.title))
      var actor: Actor?
      var items: [WorksheetItem] = []
      for action in actions {
        if let current = action.actor, current != actor {
          if !items.isEmpty { out.append(.worksheet(items)) }
          items = []
          out.append(.paragraph([.emphasis("\(current.title):")]))
          actor = current
        }
        items.append(
          WorksheetItem(
            id: action.id, phase: phase.title, text: action.text, contextualised: action.contextualized == true))
      }
      out.append(.worksheet(items))
    }
    return out
  }

  /// Why the standard is selected, its ballot scores, and the guide's tips for it.
  func workshopNotes(_ number: StandardNumber) -> [PackBlock] {
    var lines: [PackLine] = []
    if let item = result.selected.first(where: { $0.standard == number }) {
      lines.append([.strong("Why it is selected:"), .text(" " + reasons(item))])
      if let rank = item.rank, result.mode == .checked {
        let mean = item.mean.map(Prioritizer.formatMean) ?? "not scored"
        let count = item.ballots ?? 0
        lines.append([
          .strong("Ballots:"), .text(" ranked \(rank) of 28, mean \(mean) from \(count) score\(count == 1 ? "" : "s")"),
        ])
      }
    }
    for tip in catalog.guide.selectionTips where tip.standardNumbers.contains(number) {
      lines.append([.strong("Tip for \(stageTitle(tip.stage).lowercased()):"), .text(" " + tip.text)])
    }
    return lines.isEmpty ? [] : [.heading(1, "In this workshop"), .bullets(lines)]
  }

  func stageTitle(_ id: String) -> String {
    catalog.guide.programmeCycle.first { $0.id == id }?.title ?? id
  }

  // MARK: 5. principles

  func principles() -> [PackBlock] {
    var out: [PackBlock] = [
      .paragraph([
        .text(
          "Every standard puts the principles into practice. Check the group's plans for the selected "
            + "standards against the questions under each principle.")
      ]),
      .table(
        PackTable(
          header: ["Principle", "Selected standards that name it"],
          rows: catalog.principles.map { principle in
            let standards = result.selected.filter { $0.relatedPrinciples.contains(principle.number) }
            let names = standards.map { "\($0.standard) \(catalog.title(of: $0.standard))" }
            return [
              [.text("\(principle.number) \(principle.title)")],
              [.text(names.isEmpty ? "none" : names.joined(separator: "; "))],
            ]
          }, widths: [40, 60])),
    ]
    for principle in catalog.principles {
      out.append(
        .keepTogether([
          .heading(1, "Principle \(principle.number): \(principle.title)"),
          .paragraph([.emphasis(principle.group.label)]), .paragraph([.text(principle.summary)]),
          .paragraph([.text("Questions to check our plans:")]), .bullets(principle.questions.map { [.text($0)] }),
        ]))
    }
    return out
  }

  // MARK: 6. programme cycle

  func programmeCycle() -> [PackBlock] {
    let selected = Set(result.selection)
    var out: [PackBlock] = [
      .paragraph([
        .text(
          "How the group can use the CPMS, and its selection in particular, at three stages of the "
            + "humanitarian programme cycle.")
      ])
    ]
    for stage in catalog.guide.programmeCycle {
      out += [
        .heading(1, stage.title), .paragraph([.text(stage.summary)]), .heading(2, "Parts of the CPMS to use"),
        .bullets(stage.sections.map { [.text($0)] }),
      ]
      if let components = stage.documentComponents {
        out += [
          .heading(2, "What a complete planning document contains"), .bullets(components.map { [.text($0)] }),
        ]
      }
      out += (stage.facts ?? []).map { .paragraph([.text($0)]) }
      out += (stage.glossary ?? []).map { .paragraph([.strong("\($0.term):"), .text(" " + $0.meaning)]) }
      out += [
        .heading(2, "Tips"), .bullets(stage.tips.map { [.text($0)] }), .heading(2, "Tips for the selected standards"),
      ]
      let tips = catalog.guide.selectionTips.filter { tip in
        tip.stage == stage.id && tip.standardNumbers.contains { selected.contains($0) }
      }
      if tips.isEmpty {
        out.append(
          .paragraph([.text("None of the guide's tips for particular standards concerns this selection at this stage.")]
          ))
      } else {
        out.append(
          .bullets(
            tips.map { tip in
              let concerned = tip.standardNumbers.filter { selected.contains($0) }.map(standardLabel)
              return [.text(tip.text), .emphasis(" (concerns \(concerned.joined(separator: "; ")))")]
            }))
      }
      out += [.heading(2, "Questions to reflect on"), .bullets(stage.reflectionQuestions.map { [.text($0)] })]
    }
    // How to get the handbook is said once, in About the content on the cover.
    let guide = catalog.guide
    out += [
      .heading(1, "Learning and promoting the CPMS"),
      .paragraph([
        .text("Where to get the handbook, in which languages, is under \u{201C}\(Self.aboutHeading)\u{201D} on the "),
        .link("cover", .cover), .text("."),
      ]),
      .heading(2, "Learning materials"),
      .bullets(guide.learningMaterials.map { [.strong("\($0.title):"), .text(" " + $0.detail)] }),
      .heading(2, "Ways to promote the CPMS"), .bullets(guide.promotion.map { [.text($0)] }),
    ]
    return out
  }

  // MARK: 7. monitoring framework

  /// How an indicator is usually computed: the numerator and denominator of a share, where the data
  /// usually comes from and how it can be broken down, then the indicator's own remark.
  func computation(_ indicator: Indicator) -> [PackLine] {
    var lines: [PackLine] = []
    if let numerator = indicator.numerator, let denominator = indicator.denominator {
      let share = indicator.isPercentage ? ", as a percentage" : ""
      lines += [
        [.strong("How it is usually computed:"), .text(" the numerator divided by the denominator\(share).")],
        [.strong("Numerator:"), .text(" " + numerator)], [.strong("Denominator:"), .text(" " + denominator)],
      ]
    }
    if let sources = indicator.dataSource, !sources.isEmpty {
      lines.append([.strong("Data usually from:"), .text(" " + sources.joined(separator: "; "))])
    }
    if let breakdown = indicator.disaggregation, !breakdown.isEmpty {
      lines.append([.strong("Broken down by:"), .text(" " + breakdown.map(\.rawValue).joined(separator: ", "))])
    }
    if !indicator.note.isEmpty {
      let label = lines.isEmpty ? "How it is usually computed:" : "Note:"
      lines.append([.strong(label), .text(" " + indicator.note)])
    }
    return lines
  }

  /// The global target and where it comes from, so a proposal never passes for an official figure.
  func globalTargetText(_ target: Target?, _ indicator: Indicator) -> String {
    guard let target else { return "none: a local indicator" }
    if target == .setInContext { return "none: each context sets its own" }
    let source =
      indicator.basis == .officialIdAndTarget ? "the CPMS 2019 table of indicators" : "proposed in this summary"
    return "\(target.description) (\(source))"
  }

  func indicatorHeading(_ indicator: Indicator, kind: String) -> String {
    "\(kind) \(indicator.id)" + (indicator.officialId.map { " (official \($0))" } ?? "")
      + (indicator.local == nil ? "" : " (contextualised)")
  }

  /// The fields the group agrees in session 6, with the values the contextualisation already sets.
  func fillInFields(_ indicator: Indicator, globalTarget: Target?) -> [FillInField] {
    let local = indicator.local
    var localTarget: String?
    if local != nil && (local?.additional == true || globalTarget != indicator.target) {
      localTarget = indicator.target.description
    }
    return [
      FillInField(label: "Definition here", value: local?.definition),
      FillInField(label: "Method", value: local?.method),
      FillInField(label: "Frequency", value: local?.frequency),
      FillInField(label: "Data source", value: local?.dataSource),
      FillInField(
        label: "Disaggregation (sex, age, disability)", value: local?.disaggregation?.joined(separator: ", ")),
      FillInField(label: "Local target", value: localTarget),
    ]
  }

  func monitoring() -> [PackBlock] {
    var out: [PackBlock] = [
      .paragraph([
        .text(
          "The core indicators of the selected standards, one block each: what it measures, the global target "
            + "in this summary, and how it is usually computed, then a grid for the group. In session 6, agree "
            + "for each one how the group defines it here, how and how often it is measured, where the data "
            + "comes from, how it is broken down, and the local target.")
      ])
    ]
    if let name = catalog.contextName {
      out.append(
        .paragraph([.text("Where the contextualisation ("), .name(name), .text(") sets a value, it is filled in.")]))
    }
    out.append(
      .paragraph([
        .text("Disaggregate by sex, age and disability wherever the data allows, and say so where it does not.")
      ]))
    for number in result.selection {
      let standard = catalog.standard(number)
      let global = request.globalCatalog?.standard(number)
      out.append(.heading(1, "Indicators for standard \(number): \(oneLine(standard.title))"))
      let measures = (standard.additionalMeasures ?? []).map { (indicator: $0, kind: "Additional measure") }
      for (indicator, kind) in standard.indicators.map({ (indicator: $0, kind: "Indicator") }) + measures {
        let additional = indicator.local?.additional == true
        let globalIndicators = (global?.indicators ?? []) + (global?.additionalMeasures ?? [])
        let globalTarget: Target? =
          additional ? nil : (globalIndicators.first { $0.id == indicator.id }?.target ?? indicator.target)
        var facts: [PackLine] = [
          [.strong("What it measures:"), .text(" " + indicator.text)],
          [
            .strong("Global target:"),
            .text(" " + globalTargetText(globalTarget, indicator)),
          ],
        ]
        facts += computation(indicator)
        out.append(
          .keepTogether([
            .heading(2, indicatorHeading(indicator, kind: kind)), .bullets(facts),
            .fillIn(fillInFields(indicator, globalTarget: globalTarget)),
          ]))
      }
    }
    return out
  }

  // MARK: 8. all standards

  func allStandards() -> [PackBlock] {
    let selected = Set(result.selection)
    let contextualized = Set(result.contextualized).union(catalog.contextualizedStandardNumbers)
    var header = ["No.", "Standard", "Pillar", "Selected"]
    if !contextualized.isEmpty { header.append("Contextualised") }
    // Titles and pillars only, so the table does not cost reading all 28 standard files.
    let rows = StandardNumber.all.map { number -> [PackLine] in
      let chosen = selected.contains(number)
      let name = catalog.title(of: number)
      var row: [PackLine] = [
        [.text(number.description)], chosen ? [.link(name, .standard(number))] : [.text(name)],
        [.text(String(catalog.pillarNumber(of: number)))], [.text(chosen ? "yes" : "")],
      ]
      if !contextualized.isEmpty { row.append([.text(contextualized.contains(number) ? "yes" : "")]) }
      return row
    }
    return [
      .paragraph([
        .text(
          "The whole CPMS, with the \(selected.count) selected standards marked. "
            + "The others still apply: the selection only says where the group concentrates first.")
      ]),
      .table(
        PackTable(
          header: header, rows: rows, alignRight: [0, 2],
          widths: contextualized.isEmpty ? [8, 60, 12, 20] : [8, 50, 10, 14, 18])),
      .paragraph([.text("Pillars:")]),
      .bullets(catalog.pillars.map { [.strong(String($0.number)), .text(" " + $0.title)] }),
    ]
  }
}
