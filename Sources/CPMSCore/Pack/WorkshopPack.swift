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
/// Decides what the pack says, part by part, as blocks that PackMarkdown and HTMLPack write out.
///
/// Every word cpms itself writes comes from Interface (keys `pack.*`, Data/i18n/interface/pack.json),
/// in the catalog's language, so a workshop held in French, Spanish or Arabic meets no English.
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

  /// The words of the pack, in the catalog's language.
  var t: Interface { catalog.interface }
  var language: Language { catalog.language }

  /// The heading the single Markdown form's contents list sits under.
  var contentsHeading: String { t("pack.contents") }
  var aboutHeading: String { t("pack.about") }

  /// The one line every printed page (and every Markdown document) ends with.
  var footerLine: String { t("pack.footer", aboutHeading) }

  /// The workshop date as people read it in the pack's language ("14 October 2026").
  var date: String { t.date(request.date) }

  /// A number for people: "4.67", "4,67".
  func decimal(_ text: String) -> String { language.decimal(text) }

  /// "Label:" in the language's typography ("Label :" in French).
  func labelled(_ label: String) -> String { t("pack.label", label) }

  var semicolon: String { t("mon.semicolon") }
  var comma: String { t("list.comma") }

  var parts: [PackPart] {
    [.cover, .agenda, .keyQuestions] + result.selection.map(PackPart.standard)
      + [.principles, .programmeCycle, .monitoring, .allStandards]
  }

  func sections() -> [PackSection] {
    parts.map { PackSection(part: $0, title: title(of: $0), blocks: blocks($0)) }
  }

  var contextName: String {
    let name = request.contextName?.trimmingWhitespaceAndNewlines() ?? ""
    return name.isEmpty ? t("pack.contextNotNamed") : name
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
    case .cover: t("pack.title.cover", contextName)
    case .agenda: t("pack.title.agenda")
    case .keyQuestions: t("pack.title.keyQuestions")
    case .standard(let number):
      t("standard.heading", number, oneLine(catalog.title(of: number)))
        + (catalog.standard(number).contextualization == nil ? "" : " " + t("pack.contextualised.standard"))
    case .principles: t("pack.title.principles")
    case .programmeCycle: t("pack.title.programmeCycle")
    case .monitoring: t("pack.title.monitoring")
    case .allStandards: t("pack.title.allStandards")
    }
  }

  func oneLine(_ text: String) -> String { String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 }) }

  func standardLabel(_ number: StandardNumber) -> String { t("standard.heading", number, catalog.title(of: number)) }

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
      [.strong(t("pack.cover.context")), .text(" "), .name(contextName)],
      [.strong(t("pack.cover.date")), .text(" " + date)],
      [.strong(t("pack.cover.situation")), .text(" " + situationTitle)],
      [.strong(t("pack.cover.rule")), .text(" " + spelled(rendering.rule(for: result.situation)))],
      [.strong(t("pack.cover.how")), .text(" " + howSelected)],
      [.strong(t("pack.cover.result")), .text(" " + rendering.verdict(result))],
    ]
    if let name = catalog.contextName {
      details.append([
        .strong(t("pack.cover.contextualisation")), .text(" "), .name(name), .text(t("pack.cover.localWording")),
      ])
    }
    var out: [PackBlock] = [
      .paragraph([.text(t("pack.cover.intro"))]),
      .bullets(details),
      .heading(1, contentsHeading), contents(),
      .heading(1, t("pack.cover.selected")),
    ]
    if result.mode == .checked {
      out.append(.paragraph([.text(t("pack.cover.chosenByGroup"))]))
    }
    out.append(.table(selectionTable()))
    out.append(
      .chart(
        svg: PillarCoverageChart.svg(selection: result.selection, catalog: catalog),
        caption: t("pack.cover.chartCaption")))
    out += [.heading(1, t("prio.ruleCheckTitle"))]
    if result.findings.isEmpty {
      out.append(.paragraph([.text(t("prio.noFindings"))]))
    } else {
      out.append(
        .table(
          PackTable(
            header: [t("column.severity"), t("column.rule"), t("column.finding")],
            rows: result.findings.map {
              [[.text(t("severity.\($0.severity.rawValue)"))], [.code($0.rule)], [.text(spelled($0.message))]]
            },
            widths: [14, 22, 64])))
    }
    if let situation = catalog.guide.situations.first(where: { $0.id == result.situation.rawValue }) {
      out += [.heading(1, t("pack.cover.advice")), .bullets(situation.advice.map { [.text($0)] })]
    }
    out += [.heading(1, t("pack.cover.otherStandards")), .bullets(catalog.guide.reminders.map { [.text($0)] })]
    out += about()
    return out
  }

  var situationTitle: String {
    catalog.guide.situations.first { $0.id == result.situation.rawValue }?.title
      ?? spelled(result.situation.title)
  }

  var howSelected: String {
    switch result.mode {
    case .checked: return t("pack.how.checked")
    case .recommended:
      let scores = result.ranking?.reduce(0) { $0 + $1.ballots } ?? 0
      let count = result.size ?? result.selected.count
      return t(scores == 1 ? "pack.how.recommended.one" : "pack.how.recommended.other", count, scores)
    }
  }

  /// Why a standard is in the selection, without the "chosen by the group" the cover explains once.
  func reasons(_ item: SelectedStandard) -> String {
    let shown = item.reasons.filter { $0 != .chosenByGroup }.map { spelled($0.text(catalog.interface)) }
    return shown.isEmpty ? t("pack.reason.chosenByGroup") : shown.joined(separator: semicolon)
  }

  func selectionTable() -> PackTable {
    PackTable(
      header: [t("pack.column.number"), t("column.standard"), t("column.pillar"), t("column.why")],
      rows: result.selected.map { item in
        [
          [.text(item.standard.description)], [.link(item.title, .standard(item.standard))],
          [.text(String(item.pillar))],
          [.text(reasons(item))],
        ]
      }, alignRight: [0, 2], widths: [8, 42, 10, 40])
  }

  func contents() -> PackBlock {
    let questions = result.ranking == nil ? "pack.contents.keyQuestions" : "pack.contents.keyQuestionsBallots"
    return .numbered([
      PackListItem(line: [.link(title(of: .agenda), .agenda), .text(t("pack.contents.agenda"))]),
      PackListItem(line: [.link(title(of: .keyQuestions), .keyQuestions), .text(t(questions))]),
      PackListItem(
        line: [.text(t("pack.contents.standards"))],
        children: result.selection.map { [.link(standardLabel($0), .standard($0))] }),
      PackListItem(line: [.link(title(of: .principles), .principles), .text(t("pack.contents.principles"))]),
      PackListItem(line: [
        .link(title(of: .programmeCycle), .programmeCycle), .text(t("pack.contents.programmeCycle")),
      ]),
      PackListItem(line: [.link(title(of: .monitoring), .monitoring), .text(t("pack.contents.monitoring"))]),
      PackListItem(line: [.link(title(of: .allStandards), .allStandards), .text(t("pack.contents.allStandards"))]),
    ])
  }

  /// Said once for the whole pack: what the text is, what it is not, and where the real one is.
  func about() -> [PackBlock] {
    [
      .heading(1, aboutHeading),
      .paragraph([.text(t("pack.about.handbook"))]),
      .paragraph([.text(t("pack.about.summary"))]),
    ] + [catalog.translationNotice].compactMap { $0.map { PackBlock.paragraph([.text($0)]) } } + [
      .paragraph([.text(t("pack.about.contextualised"))]),
      .paragraph([.text(t("pack.about.where", listed(catalog.guide.access.languages)))]),
      .bullets(catalog.guide.access.formats.map { [.strong(labelled($0.format)), .text(" " + $0.detail)] }),
    ]
  }

  /// "a, b and c", in the language.
  func listed(_ items: [String]) -> String {
    items.count < 2 ? items.joined() : t("pack.list.and", items.dropLast().joined(separator: comma), items.last!)
  }

  // MARK: 2. agenda

  /// Which part of the pack each of the guide's six sessions works with.
  func sessionMaterial(_ session: Int) -> [(String, PackPart)] {
    switch session {
    case 1: [(title(of: .principles), .principles)]
    case 2: [(title(of: .keyQuestions), .keyQuestions)]
    case 3: [(t("pack.agenda.selection"), .cover), (title(of: .allStandards), .allStandards)]
    case 4: result.selection.map { (t("pack.agenda.worksheet", $0), .standard($0)) }
    case 5: [(title(of: .programmeCycle), .programmeCycle)]
    case 6: [(title(of: .monitoring), .monitoring)]
    default: []
    }
  }

  func agenda() -> [PackBlock] {
    var out: [PackBlock] = [
      .paragraph([.text(catalog.guide.sessionFormat)]), .heading(1, t("pack.agenda.aims")),
      .bullets(catalog.guide.aims.map { [.text($0)] }),
    ]
    for session in catalog.guide.sessions {
      var group: [PackBlock] = [
        .heading(1, t("pack.agenda.session", session.number, session.title)),
        .paragraph([.emphasis(t("pack.agenda.duration"))]),
        .paragraph([.strong(t("pack.agenda.aim")), .text(" " + session.aim)]),
        .paragraph([.strong(t("pack.agenda.prepare"))]), .bullets(session.prepare.map { [.text($0)] }),
        .paragraph([.strong(t("pack.agenda.produces"))]), .bullets(session.produces.map { [.text($0)] }),
      ]
      let material = sessionMaterial(session.number)
      if !material.isEmpty {
        var line: PackLine = [.strong(t("pack.agenda.inThisPack")), .text(" ")]
        for (index, item) in material.enumerated() {
          if index > 0 { line.append(.text(comma)) }
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
      .paragraph([.text(t("pack.questions.intro"))]),
      .numbered(
        catalog.guide.keyQuestions.map { question in
          var line: PackLine = [.text(question.text)]
          if let number = question.pillar, let pillar = catalog.pillar(number) {
            line.append(.emphasis(" (" + t("pillar.heading", number, pillar.title) + ")"))
          }
          return PackListItem(line: line)
        }),
      .heading(1, t("pack.questions.factors")),
      .bullets(catalog.guide.factors.map { [.text($0)] }),
    ]
    if let ranking = result.ranking { out += ballotResults(ranking) }
    return out
  }

  /// A mean, median or spread for people, or a dash when there is none.
  func figure(_ value: Double?) -> String {
    value.map { decimal(Prioritizer.formatMean($0)) } ?? "\u{2013}"
  }

  /// The ranking as a facilitator reads it on paper: one line per standard with its mean, median,
  /// spread and number of scores, who was counted, how far the group agrees, and what participants
  /// wrote, grouped by standard.
  func ballotResults(_ ranking: [RankingEntry]) -> [PackBlock] {
    let total = ranking.reduce(0) { $0 + $1.ballots }
    let summary = result.ballotSummary
    let participants = summary?.participants ?? []
    let selected = Set(result.selection)
    let rows = ranking.map { entry -> [PackLine] in
      var title: PackLine =
        selected.contains(entry.standard)
        ? [.strong("\(entry.standard) \(entry.title)"), .text(" " + t("pack.ballots.selected"))]
        : [.text("\(entry.standard) \(entry.title)")]
      if entry.spread?.toDiscuss == true { title.append(.emphasis(" " + t("prio.toDiscuss"))) }
      return [
        [.text(entry.isScored ? String(entry.rank) : "\u{2013}")], title,
        [.text(figure(entry.mean))], [.text(figure(entry.spread?.median))],
        [.text(figure(entry.spread?.standardDeviation))], [.text(String(entry.ballots))],
      ]
    }
    let scores = t(total == 1 ? "pack.ballots.scores.one" : "pack.ballots.scores.other", total)
    let gave = t(
      participants.count == 1 ? "pack.ballots.gave.one" : "pack.ballots.gave.other", participants.count, scores)
    let ranked = t(summary?.rankedBy == .median ? "pack.ballots.rankedByMedian" : "pack.ballots.rankedByMean")
    var out: [PackBlock] = [
      .keepTogether([
        .heading(1, t("pack.ballots.title")),
        .paragraph([
          .text([gave, ranked, t("pack.ballots.spread"), t("pack.ballots.toDiscuss")].joined(separator: " "))
        ]),
        .table(
          PackTable(
            header: [
              t("column.rank"), t("column.standard"), t("column.mean"), t("column.median"), t("column.spread"),
              t("column.scores"),
            ], rows: rows,
            alignRight: [0, 2, 3, 4, 5], widths: [8, 52, 10, 10, 10, 10], style: "ranking")),
      ]),
      .chart(
        svg: RankingChart.svg(result, ranking: ranking, language: language), caption: t("pack.ballots.chartCaption")),
    ]
    guard let summary else { return out }
    out += [
      .heading(2, t("pack.ballots.who")),
      .bullets([
        [
          .strong(t("pack.ballots.participants", participants.count)), .text(" "),
          .name(participants.joined(separator: comma)),
        ],
        [.text(rendering.agreementText(summary.agreement))],
      ]),
      .heading(2, t("pack.ballots.comments")),
    ]
    if summary.comments.isEmpty {
      out.append(.paragraph([.text(t("pack.ballots.noComment"))]))
    }
    for standard in StandardNumber.all {
      let comments = summary.comments(on: standard)
      guard !comments.isEmpty else { continue }
      out.append(.paragraph([.strong(standardLabel(standard))]))
      out.append(.bullets(comments.map { [.text($0.text + " "), .emphasis("(" + $0.participant + ")")] }))
    }
    let notes = summary.comments.filter { $0.standard == nil }
    if !notes.isEmpty {
      out.append(.paragraph([.strong(t("pack.ballots.otherNotes"))]))
      out.append(.bullets(notes.map { [.text($0.text + " "), .emphasis("(" + $0.participant + ")")] }))
    }
    return out
  }

  // MARK: 4. one part per selected standard

  func standard(_ number: StandardNumber) -> [PackBlock] {
    let standard = catalog.standard(number)
    let pillar = catalog.pillar(standard.pillar)!
    var out: [PackBlock] = [
      .paragraph([.emphasis(t("pillar.heading", pillar.number, pillar.title))]),
      .paragraph([.strong(t("pack.standard.summary")), .text(" " + standard.statement)]),
    ]
    if let context = standard.contextualization {
      var line: PackLine = [
        .strong(t("pack.standard.contextualisedFor")), .text(" "), .name(context.contextName), .text("."),
      ]
      if let rationale = context.rationale { line.append(.text(" " + t("pack.standard.why", rationale))) }
      if let title = context.globalTitle { line.append(.text(" " + t("pack.standard.globalTitle", title))) }
      if let statement = context.globalStatement {
        line.append(.text(" " + t("pack.standard.globalStatement", statement)))
      }
      out.append(.paragraph(line))
    }
    out += workshopNotes(number)
    out.append(.heading(1, t("pack.standard.coreIndicators")))
    out.append(
      .table(
        PackTable(
          header: [t("column.id"), t("mon.col.indicator"), t("indicator.target")],
          rows: standard.indicators.map { indicator in
            var text: PackLine = [.text(indicator.text)]
            if indicator.local != nil { text.append(.emphasis(" " + t("pack.contextualised.indicator"))) }
            return [[.text(indicator.id)], text, [.text(t.target(indicator.target))]]
          }, widths: [10, 72, 18])))
    out.append(
      .paragraph([
        .text(t("pack.standard.measured")), .link(t("pack.standard.measuredLink"), .monitoring),
        .text(t("pack.standard.measuredEnd")),
      ]))
    out.append(.heading(1, t("pack.standard.links")))
    let principles = standard.relatedPrinciples.map { "\($0) \(catalog.principle($0)!.title)" }
    let standards = standard.linkedStandards.map { "\($0) \(catalog.standardTitle($0)!)" }
    let strategies = standard.inspire.strategies.compactMap { catalog.inspireStrategy($0)?.title }
    let inspire = (strategies.isEmpty ? "" : strategies.joined(separator: semicolon) + ". ") + standard.inspire.note
    // Function titles only: the guide's notes on them are the same under many standards.
    let roles = catalog.coordinationRoles(of: number.value).map(\.title)
    var functions: [String] = []
    for role in roles where !functions.contains(role) { functions.append(role) }
    out.append(
      .bullets([
        [.strong(t("pack.standard.relatedPrinciples")), .text(" " + principles.joined(separator: semicolon))],
        [.strong(t("pack.standard.linkedStandards")), .text(" " + standards.joined(separator: semicolon))],
        [.strong(t("pack.standard.inspire")), .text(" " + inspire)],
        [
          .strong(t("pack.standard.functions")),
          .text(" " + (functions.isEmpty ? t("pack.standard.noFunctions") : functions.joined(separator: semicolon))),
        ],
      ]))
    if let notes = standard.guidanceNotes, !notes.isEmpty {
      out.append(.heading(1, t("pack.standard.guidanceNotes")))
      out.append(.bullets(notes.map { [.strong("\($0.id) \($0.title)."), .text(" " + $0.summary)] }))
    }
    // The key actions are the worksheet: each one's text beside the boxes and lines to fill in, so
    // the printed page is all a group needs.
    out.append(.heading(1, t("pack.sheet.title")))
    out.append(.paragraph([.text(t("pack.sheet.intro"))]))
    for (phase, actions) in standard.keyActionsByPhase {
      let phaseTitle = t("phase.\(phase.rawValue)")
      out.append(.heading(2, phaseTitle))
      var actor: Actor?
      var items: [WorksheetItem] = []
      for action in actions {
        if let current = action.actor, current != actor {
          if !items.isEmpty { out.append(.worksheet(items)) }
          items = []
          out.append(.paragraph([.emphasis(labelled(t("actor.\(current.rawValue)")))]))
          actor = current
        }
        items.append(
          WorksheetItem(
            id: action.id, phase: phaseTitle, text: action.text, contextualised: action.contextualized == true))
      }
      out.append(.worksheet(items))
    }
    return out
  }

  /// Why the standard is selected, its ballot scores, and the guide's tips for it.
  func workshopNotes(_ number: StandardNumber) -> [PackBlock] {
    var lines: [PackLine] = []
    if let item = result.selected.first(where: { $0.standard == number }) {
      lines.append([.strong(t("pack.notes.why")), .text(" " + reasons(item))])
      if let rank = item.rank, result.mode == .checked {
        let mean = item.mean.map { decimal(Prioritizer.formatMean($0)) } ?? t("prio.notScored")
        let count = item.ballots ?? 0
        lines.append([
          .strong(t("pack.notes.ballots")),
          .text(" " + t(count == 1 ? "pack.notes.ranked.one" : "pack.notes.ranked.other", rank, mean, count)),
        ])
      }
    }
    for tip in catalog.guide.selectionTips where tip.standardNumbers.contains(number) {
      lines.append([.strong(t("pack.notes.tip", stageTitle(tip.stage).lowercased())), .text(" " + tip.text)])
    }
    return lines.isEmpty ? [] : [.heading(1, t("pack.notes.title")), .bullets(lines)]
  }

  func stageTitle(_ id: String) -> String {
    catalog.guide.programmeCycle.first { $0.id == id }?.title ?? id
  }

  // MARK: 5. principles

  func principles() -> [PackBlock] {
    var out: [PackBlock] = [
      .paragraph([.text(t("pack.principles.intro"))]),
      .table(
        PackTable(
          header: [t("pack.principles.column.principle"), t("pack.principles.column.standards")],
          rows: catalog.principles.map { principle in
            let standards = result.selected.filter { $0.relatedPrinciples.contains(principle.number) }
            let names = standards.map { "\($0.standard) \(catalog.title(of: $0.standard))" }
            return [
              [.text("\(principle.number) \(principle.title)")],
              [.text(names.isEmpty ? t("pack.principles.none") : names.joined(separator: semicolon))],
            ]
          }, widths: [40, 60])),
    ]
    for principle in catalog.principles {
      out.append(
        .keepTogether([
          .heading(1, t("pack.principles.heading", principle.number, principle.title)),
          .paragraph([.emphasis(t("principleGroup.\(principle.group.rawValue)"))]),
          .paragraph([.text(principle.summary)]),
          .paragraph([.text(t("pack.principles.questions"))]), .bullets(principle.questions.map { [.text($0)] }),
        ]))
    }
    return out
  }

  // MARK: 6. programme cycle

  func programmeCycle() -> [PackBlock] {
    let selected = Set(result.selection)
    var out: [PackBlock] = [.paragraph([.text(t("pack.cycle.intro"))])]
    for stage in catalog.guide.programmeCycle {
      out += [
        .heading(1, stage.title), .paragraph([.text(stage.summary)]), .heading(2, t("pack.cycle.parts")),
        .bullets(stage.sections.map { [.text($0)] }),
      ]
      if let components = stage.documentComponents {
        out += [.heading(2, t("pack.cycle.components")), .bullets(components.map { [.text($0)] })]
      }
      out += (stage.facts ?? []).map { .paragraph([.text($0)]) }
      out += (stage.glossary ?? []).map { .paragraph([.strong(labelled($0.term)), .text(" " + $0.meaning)]) }
      out += [
        .heading(2, t("pack.cycle.tips")), .bullets(stage.tips.map { [.text($0)] }),
        .heading(2, t("pack.cycle.selectionTips")),
      ]
      let tips = catalog.guide.selectionTips.filter { tip in
        tip.stage == stage.id && tip.standardNumbers.contains { selected.contains($0) }
      }
      if tips.isEmpty {
        out.append(.paragraph([.text(t("pack.cycle.noTips"))]))
      } else {
        out.append(
          .bullets(
            tips.map { tip in
              let concerned = tip.standardNumbers.filter { selected.contains($0) }.map(standardLabel)
              return [
                .text(tip.text), .emphasis(" " + t("pack.cycle.concerns", concerned.joined(separator: semicolon))),
              ]
            }))
      }
      out += [.heading(2, t("pack.cycle.questions")), .bullets(stage.reflectionQuestions.map { [.text($0)] })]
    }
    // How to get the handbook is said once, in About the content on the cover.
    let guide = catalog.guide
    out += [
      .heading(1, t("pack.cycle.learning")),
      .paragraph([
        .text(t("pack.cycle.whereHandbook", aboutHeading)), .link(t("pack.cycle.cover"), .cover),
        .text(t("pack.cycle.whereHandbookEnd")),
      ]),
      .heading(2, t("pack.cycle.materials")),
      .bullets(guide.learningMaterials.map { [.strong(labelled($0.title)), .text(" " + $0.detail)] }),
      .heading(2, t("pack.cycle.promotion")), .bullets(guide.promotion.map { [.text($0)] }),
    ]
    return out
  }

  // MARK: 7. monitoring framework

  /// How an indicator is usually computed: the numerator and denominator of a share, where the data
  /// usually comes from and how it can be broken down, then the indicator's own remark.
  func computation(_ indicator: Indicator) -> [PackLine] {
    var lines: [PackLine] = []
    if let numerator = indicator.numerator, let denominator = indicator.denominator {
      let share = indicator.isPercentage ? "pack.mon.ratioPercentage" : "pack.mon.ratio"
      lines += [
        [.strong(t("pack.mon.computed")), .text(" " + t(share))],
        [.strong(t("pack.mon.numerator")), .text(" " + numerator)],
        [.strong(t("pack.mon.denominator")), .text(" " + denominator)],
      ]
    }
    if let sources = indicator.dataSource, !sources.isEmpty {
      lines.append([.strong(t("pack.mon.dataFrom")), .text(" " + sources.joined(separator: semicolon))])
    }
    if let breakdown = indicator.disaggregation, !breakdown.isEmpty {
      let groups = breakdown.map { t("disaggregation.\($0.rawValue)") }
      lines.append([.strong(t("pack.mon.brokenDown")), .text(" " + groups.joined(separator: comma))])
    }
    if !indicator.note.isEmpty {
      let label = lines.isEmpty ? t("pack.mon.computed") : t("pack.mon.note")
      lines.append([.strong(label), .text(" " + indicator.note)])
    }
    return lines
  }

  /// The global target and where it comes from, so a proposal never passes for an official figure.
  func globalTargetText(_ target: Target?, _ indicator: Indicator) -> String {
    guard let target else { return t("pack.mon.noTargetLocal") }
    if target == .setInContext { return t("pack.mon.noTargetContext") }
    let source = indicator.basis == .officialIdAndTarget ? "pack.mon.targetOfficial" : "pack.mon.targetProposed"
    return t(source, t.target(target))
  }

  func indicatorHeading(_ indicator: Indicator, additional: Bool) -> String {
    t(additional ? "pack.mon.additionalMeasure" : "pack.mon.indicator", indicator.id)
      + (indicator.officialId.map { " " + t("pack.mon.official", $0) } ?? "")
      + (indicator.local == nil ? "" : " " + t("pack.contextualised.indicator"))
  }

  /// The fields the group agrees in session 6, with the values the contextualisation already sets.
  func fillInFields(_ indicator: Indicator, globalTarget: Target?) -> [FillInField] {
    let local = indicator.local
    var localTarget: String?
    if local != nil && (local?.additional == true || globalTarget != indicator.target) {
      localTarget = t.target(indicator.target)
    }
    return [
      FillInField(label: t("pack.fill.definition"), value: local?.definition),
      FillInField(label: t("pack.fill.method"), value: local?.method),
      FillInField(label: t("pack.fill.frequency"), value: local?.frequency),
      FillInField(label: t("pack.fill.dataSource"), value: local?.dataSource),
      FillInField(label: t("pack.fill.disaggregation"), value: local?.disaggregation?.joined(separator: comma)),
      FillInField(label: t("pack.fill.localTarget"), value: localTarget),
    ]
  }

  func monitoring() -> [PackBlock] {
    var out: [PackBlock] = [.paragraph([.text(t("pack.mon.intro"))])]
    if let name = catalog.contextName {
      out.append(
        .paragraph([.text(t("pack.mon.filledBefore")), .name(name), .text(t("pack.mon.filledAfter"))]))
    }
    out.append(.paragraph([.text(t("pack.mon.disaggregate"))]))
    for number in result.selection {
      let standard = catalog.standard(number)
      let global = request.globalCatalog?.standard(number)
      out.append(.heading(1, t("pack.mon.standardHeading", number, oneLine(standard.title))))
      let measures = (standard.additionalMeasures ?? []).map { (indicator: $0, additional: true) }
      for (indicator, isMeasure) in standard.indicators.map({ (indicator: $0, additional: false) }) + measures {
        let additional = indicator.local?.additional == true
        let globalIndicators = (global?.indicators ?? []) + (global?.additionalMeasures ?? [])
        let globalTarget: Target? =
          additional ? nil : (globalIndicators.first { $0.id == indicator.id }?.target ?? indicator.target)
        var facts: [PackLine] = [
          [.strong(t("pack.mon.measures")), .text(" " + indicator.text)],
          [.strong(t("pack.mon.globalTarget")), .text(" " + globalTargetText(globalTarget, indicator))],
        ]
        facts += computation(indicator)
        out.append(
          .keepTogether([
            .heading(2, indicatorHeading(indicator, additional: isMeasure)), .bullets(facts),
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
    var header = [t("pack.column.number"), t("column.standard"), t("column.pillar"), t("column.selected")]
    if !contextualized.isEmpty { header.append(t("pack.column.contextualised")) }
    let yes = t("yes")
    // Titles and pillars only, so the table does not cost reading all 28 standard files.
    let rows = StandardNumber.all.map { number -> [PackLine] in
      let chosen = selected.contains(number)
      let name = catalog.title(of: number)
      var row: [PackLine] = [
        [.text(number.description)], chosen ? [.link(name, .standard(number))] : [.text(name)],
        [.text(String(catalog.pillarNumber(of: number)))], [.text(chosen ? yes : "")],
      ]
      if !contextualized.isEmpty { row.append([.text(contextualized.contains(number) ? yes : "")]) }
      return row
    }
    return [
      .paragraph([.text(t("pack.all.intro", selected.count))]),
      .table(
        PackTable(
          header: header, rows: rows, alignRight: [0, 2],
          widths: contextualized.isEmpty ? [8, 60, 12, 20] : [8, 50, 10, 14, 18])),
      .paragraph([.text(t("pack.all.pillars"))]),
      .bullets(catalog.pillars.map { [.strong(String($0.number)), .text(" " + $0.title)] }),
    ]
  }
}

extension Language {
  /// The language tag the pack declares (HTML `lang`, Markdown front matter): British English, as the
  /// pack is spelled, and the plain code for the others.
  var htmlCode: String { self == .en ? "en-GB" : rawValue }
}
