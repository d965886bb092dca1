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
    let writer = PackWriter(request: request, catalog: catalog, single: false)
    return writer.parts.map { part in
      PackDocument(path: part.path, title: writer.title(of: part), contents: writer.document(part))
    }
  }

  /// The single-file form: the same content as one document whose links point to its own sections.
  public static func singleDocument(_ request: PackRequest, catalog: Catalog) -> String {
    PackWriter(request: request, catalog: catalog, single: true).singleDocument()
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

/// One part of the pack; in the folder form each part is a file.
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
}

/// Renders the parts; `single` decides whether links go to files or to sections of one document.
struct PackWriter {
  let request: PackRequest
  let catalog: Catalog
  let single: Bool
  let rendering: PrioritizationRendering
  let standardMarkdown: StandardMarkdown

  init(request: PackRequest, catalog: Catalog, single: Bool) {
    self.request = request
    self.catalog = catalog
    self.single = single
    rendering = PrioritizationRendering(catalog: catalog)
    standardMarkdown = StandardMarkdown(catalog: catalog)
  }

  var result: PrioritizationResult { request.result }

  /// The heading the single form's "back" links point to.
  static let contentsHeading = "Contents"

  var parts: [PackPart] {
    [.cover, .agenda, .keyQuestions] + result.selection.map(PackPart.standard)
      + [.principles, .programmeCycle, .monitoring, .allStandards]
  }

  var contextName: String {
    let name = request.contextName?.trimmingWhitespaceAndNewlines() ?? ""
    return name.isEmpty ? "context not named" : name
  }

  func hashes(_ level: Int) -> String { String(repeating: "#", count: min(6, level)) }

  // MARK: titles and links

  func title(of part: PackPart) -> String {
    switch part {
    case .cover: "Workshop pack: \(contextName)"
    case .agenda: "Agenda"
    case .keyQuestions: "Key questions"
    case .standard(let number): "Standard \(number): \(catalog.title(of: number))"
    case .principles: "The 10 principles"
    case .programmeCycle: "Using the selection in the programme cycle"
    case .monitoring: "Monitoring framework"
    case .allStandards: "All 28 standards"
    }
  }

  /// The id of the part's heading in the single form; it must follow StandardMarkdown's heading text.
  func anchor(of part: PackPart) -> String {
    switch part {
    case .cover: return WorkshopPack.anchor(Self.contentsHeading)
    case .standard(let number):
      let standard = catalog.standard(number)
      let title = String(standard.title.map { $0.isNewline || $0 == "\t" ? " " : $0 })
      let mark = standard.contextualization == nil ? "" : " (contextualized)"
      return WorkshopPack.anchor("Standard \(number): \(title)\(mark)")
    default: return WorkshopPack.anchor(title(of: part))
    }
  }

  /// A relative link target from one part to another: a file in the folder form, a section otherwise.
  func href(_ target: PackPart, from source: PackPart) -> String {
    if single { return "#" + anchor(of: target) }
    switch (source, target) {
    case (.standard, .standard(let number)):
      return String(WorkshopPack.standardPath(number).dropFirst("standards/".count))
    case (.standard, _): return "../" + target.path
    default: return target.path
    }
  }

  func link(_ label: String, _ target: PackPart, from source: PackPart) -> String {
    Markdown.link(label, to: href(target, from: source))
  }

  func standardLabel(_ number: StandardNumber) -> String { "Standard \(number): \(catalog.title(of: number))" }

  // MARK: assembling

  func document(_ part: PackPart) -> String {
    var out = body(part, level: 1)
    out += "\n---\n\n"
    if part != .cover { out += link("Back to the index", .cover, from: part) + "\n\n" }
    out += "> \(Markdown.escape(Catalog.contentNotice))\n"
    return out
  }

  func singleDocument() -> String {
    var out = body(.cover, level: 1)
    for part in parts.dropFirst() {
      out += "\n" + body(part, level: 2) + "\n" + link("Back to the contents", .cover, from: part) + "\n"
    }
    out += "\n---\n\n> \(Markdown.escape(Catalog.contentNotice))\n"
    return out
  }

  func body(_ part: PackPart, level: Int) -> String {
    switch part {
    case .cover: cover(level: level)
    case .agenda: agenda(level: level)
    case .keyQuestions: keyQuestions(level: level)
    case .standard(let number): standard(number, level: level)
    case .principles: principles(level: level)
    case .programmeCycle: programmeCycle(level: level)
    case .monitoring: monitoring(level: level)
    case .allStandards: allStandards(level: level)
    }
  }

  func bullets(_ items: [String]) -> String {
    items.map { "- \(Markdown.escape($0))\n" }.joined()
  }

  // MARK: 1. cover and index

  func cover(level: Int) -> String {
    let h = hashes(level + 1)
    var out = "\(hashes(level)) \(Markdown.escape(title(of: .cover)))\n\n"
    out += "The material for a CPMS prioritization workshop: the agenda, the selected standards with their "
    out += "worksheets, the principles, the programme cycle and a monitoring framework to complete.\n\n"
    out += "- **Context:** \(Markdown.escape(contextName))\n"
    out += "- **Date:** \(Markdown.escape(request.date))\n"
    out += "- **Situation:** \(Markdown.escape(result.situation.title)) (`\(result.situation.rawValue)`)\n"
    out += "- **Rule that applied:** \(Markdown.escape(rendering.rule(for: result.situation)))\n"
    out += "- **How the selection was made:** \(Markdown.escape(howSelected))\n"
    out += "- **Result:** \(Markdown.escape(rendering.verdict(result)))\n"
    if let name = catalog.contextName {
      out += "- **Contextualization applied:** \(Markdown.escape(name)); local wording is marked as contextualized.\n"
    }
    out += "\n\(h) \(Self.contentsHeading)\n\n"
    out += contents()
    out += "\n\(h) Selected standards\n\n"
    out += rendering.selectionTable(result, link: { href(.standard($0), from: .cover) }) + "\n"
    out += "\n\(h) Rule check\n\n"
    out += rendering.findingsMarkdown(result)
    if let situation = catalog.guide.situations.first(where: { $0.id == result.situation.rawValue }) {
      out += "\n\(h) Advice for this situation\n\n" + bullets(situation.advice)
    }
    out += "\n\(h) The other standards still apply\n\n" + bullets(catalog.guide.reminders)
    out += "\n\(h) About this pack\n\n"
    out += "Everything here summarises the CPMS for use in the workshop. For the exact wording of a standard, "
    out += "its guidance notes and its resources, go to the 2019 handbook.\n"
    return out
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

  func contents() -> String {
    let ballots = result.ranking == nil ? "" : ", and the ballot results"
    var out = "1. \(link("Agenda", .agenda, from: .cover)): the six working sessions and the aims of the workshop\n"
    out += "2. \(link("Key questions", .keyQuestions, from: .cover)) for the context analysis\(ballots)\n"
    out += "3. The selected standards in full, each with a worksheet:\n"
    for number in result.selection {
      out += "   - \(link(standardLabel(number), .standard(number), from: .cover))\n"
    }
    out += "4. \(link("The 10 principles", .principles, from: .cover)) with the questions to check plans against\n"
    out += "5. \(link("Using the selection in the programme cycle", .programmeCycle, from: .cover)): "
    out += "response planning, resource mobilisation and response monitoring\n"
    out += "6. \(link("Monitoring framework", .monitoring, from: .cover)): "
    out += "the core indicators of the selected standards, to complete\n"
    out += "7. \(link("All 28 standards", .allStandards, from: .cover)), with the selected ones marked\n"
    return out
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

  func agenda(level: Int) -> String {
    let h = hashes(level + 1)
    var out = "\(hashes(level)) \(title(of: .agenda))\n\n"
    out += Markdown.escape(catalog.guide.sessionFormat) + "\n\n"
    out += "\(h) Aims of the workshop\n\n" + bullets(catalog.guide.aims)
    for session in catalog.guide.sessions {
      out += "\n\(h) Session \(session.number): \(Markdown.escape(session.title))\n\n"
      out += "*About 2 hours.*\n\n"
      out += "**Aim:** \(Markdown.escape(session.aim))\n\n"
      out += "**Prepare:**\n\n" + bullets(session.prepare) + "\n"
      out += "**Produces:**\n\n" + bullets(session.produces)
      let material = sessionMaterial(session.number)
      if !material.isEmpty {
        out += "\n**In this pack:** "
        out += material.map { link($0.0, $0.1, from: .agenda) }.joined(separator: ", ") + "\n"
      }
    }
    return out
  }

  // MARK: 3. key questions and ballots

  func keyQuestions(level: Int) -> String {
    let h = hashes(level + 1)
    var out = "\(hashes(level)) \(title(of: .keyQuestions))\n\n"
    out += "Answer these together in session 2, so the choice of standards rests on what the group knows "
    out += "about the context.\n\n"
    for question in catalog.guide.keyQuestions {
      var line = "\(question.number). \(Markdown.escape(question.text))"
      if let number = question.pillar, let pillar = catalog.pillar(number) {
        line += " *(Pillar \(number): \(Markdown.escape(pillar.title)))*"
      }
      out += line + "\n"
    }
    out += "\n\(h) What affects how far the standards can be met\n\n" + bullets(catalog.guide.factors)
    if let ranking = result.ranking {
      let scores = ranking.reduce(0) { $0 + $1.ballots }
      out += "\n\(h) Ballot results\n\n"
      let measure = result.ballotSummary?.rankedBy == .median ? "median" : "mean"
      out += "All 28 standards ranked by \(measure) score (\(scores) score\(scores == 1 ? "" : "s") in all); "
      out += "ties go to the standard scored more often, then to the lower number.\n\n"
      out += rendering.rankingMarkdown(ranking, selected: Set(result.selection)) + "\n"
    }
    if let summary = result.ballotSummary {
      out += "\n\(h) Who voted\n\n" + rendering.ballotsMarkdown(summary)
      out += "\n\(h) What participants wrote\n\n"
      if summary.comments.isEmpty { out += "The ballots carry no comment.\n" }
      for standard in StandardNumber.all {
        let comments = summary.comments(on: standard)
        guard !comments.isEmpty else { continue }
        out += "\n**\(standardLabel(standard))**\n\n"
        for comment in comments {
          out += "- \(Markdown.escape(comment.text)) *(\(Markdown.escape(comment.participant)))*\n"
        }
      }
      let notes = summary.comments.filter { $0.standard == nil }
      if !notes.isEmpty {
        out += "\n**Other notes**\n\n"
        for note in notes { out += "- \(Markdown.escape(note.text)) *(\(Markdown.escape(note.participant)))*\n" }
      }
    }
    return out
  }

  // MARK: 4. one document per selected standard

  func standard(_ number: StandardNumber, level: Int) -> String {
    let standard = catalog.standard(number)
    var out = standardMarkdown.document(standard, headingLevel: level, worksheet: true)
    out += "\n\(hashes(level + 1)) In this workshop\n\n"
    if let item = result.selected.first(where: { $0.standard == number }) {
      out += "- **Why it is selected:** \(Markdown.escape(item.reasonsText))\n"
      if let rank = item.rank {
        let mean = item.mean.map(Prioritizer.formatMean) ?? "not scored"
        out += "- **Ballots:** ranked \(rank) of 28, mean \(mean)"
        out += " from \(item.ballots ?? 0) score\(item.ballots == 1 ? "" : "s")\n"
      }
    }
    out += "- **Monitoring:** its indicators are in the "
    out += link("monitoring framework", .monitoring, from: .standard(number)) + "\n"
    let tips = catalog.guide.selectionTips.filter { $0.standardNumbers.contains(number) }
    if !tips.isEmpty {
      out += "- **Tips from the guide for this standard:**\n"
      for tip in tips {
        out += "  - \(Markdown.escape(stageTitle(tip.stage))): \(Markdown.escape(tip.text))\n"
      }
    }
    return out
  }

  func stageTitle(_ id: String) -> String {
    catalog.guide.programmeCycle.first { $0.id == id }?.title ?? id
  }

  // MARK: 5. principles

  func principles(level: Int) -> String {
    var out = "\(hashes(level)) \(title(of: .principles))\n\n"
    out += "Every standard puts the principles into practice. Check the group's plans for the selected "
    out += "standards against the questions under each principle.\n\n"
    out +=
      Markdown.table(
        ["Principle", "Selected standards that name it"],
        catalog.principles.map { principle in
          let standards = result.selected.filter { $0.relatedPrinciples.contains(principle.number) }
          let names = standards.map { "\($0.standard) \(catalog.title(of: $0.standard))" }
          return [
            "\(principle.number) \(principle.title)", names.isEmpty ? "none" : names.joined(separator: "; "),
          ]
        }) + "\n\n"
    out += standardMarkdown.principlesSection(headingLevel: level + 1, withQuestions: true)
    return out
  }

  // MARK: 6. programme cycle

  func programmeCycle(level: Int) -> String {
    let h = hashes(level + 1)
    let hh = hashes(level + 2)
    let selected = Set(result.selection)
    var out = "\(hashes(level)) \(title(of: .programmeCycle))\n\n"
    out += "How the group can use the CPMS, and its selection in particular, at three stages of the "
    out += "humanitarian programme cycle.\n"
    for stage in catalog.guide.programmeCycle {
      out += "\n\(h) \(Markdown.escape(stage.title))\n\n\(Markdown.escape(stage.summary))\n\n"
      out += "\(hh) Parts of the CPMS to use\n\n" + bullets(stage.sections)
      if let components = stage.documentComponents {
        out += "\n\(hh) What a complete planning document contains\n\n" + bullets(components)
      }
      for fact in stage.facts ?? [] { out += "\n" + Markdown.escape(fact) + "\n" }
      for term in stage.glossary ?? [] {
        out += "\n**\(Markdown.escape(term.term)):** \(Markdown.escape(term.meaning))\n"
      }
      out += "\n\(hh) Tips\n\n" + bullets(stage.tips)
      out += "\n\(hh) Tips for the selected standards\n\n"
      let tips = catalog.guide.selectionTips.filter { tip in
        tip.stage == stage.id && tip.standardNumbers.contains { selected.contains($0) }
      }
      if tips.isEmpty {
        out += "None of the guide's tips for particular standards concerns this selection at this stage.\n"
      }
      for tip in tips {
        let concerned = tip.standardNumbers.filter { selected.contains($0) }.map(standardLabel)
        out += "- \(Markdown.escape(tip.text)) *(concerns \(Markdown.escape(concerned.joined(separator: "; "))))*\n"
      }
      out += "\n\(hh) Questions to reflect on\n\n" + bullets(stage.reflectionQuestions)
    }
    let guide = catalog.guide
    out += "\n\(h) Getting, learning and promoting the CPMS\n\n"
    out += "\(hh) How to get it\n\n"
    out += "Languages: \(Markdown.escape(guide.access.languages.joined(separator: ", "))).\n\n"
    out += bullets(guide.access.formats.map { "\($0.format): \($0.detail)" })
    out += "\n\(hh) Learning materials\n\n" + bullets(guide.learningMaterials.map { "\($0.title): \($0.detail)" })
    out += "\n\(hh) Ways to promote the CPMS\n\n" + bullets(guide.promotion)
    return out
  }

  // MARK: 7. monitoring framework

  static let monitoringHeader = [
    "Standard", "Indicator id", "Indicator", "Global target", "Contextualized definition", "Method", "Frequency",
    "Data source", "Disaggregation (sex, age, disability)", "Local target",
  ]

  func monitoring(level: Int) -> String {
    var out = "\(hashes(level)) \(title(of: .monitoring))\n\n"
    out += "The core indicators of the selected standards. In session 6, agree for each one how the group "
    out += "defines it here, how and how often it is measured, where the data comes from, how it is broken "
    out += "down, and the local target.\n\n"
    if let name = catalog.contextName {
      out += "Where the contextualization (\(Markdown.escape(name))) sets a value, it is filled in.\n\n"
    }
    var rows: [[Markdown.Cell]] = []
    for number in result.selection {
      let standard = catalog.standard(number)
      let global = request.globalCatalog?.standard(number)
      let label = Markdown.link("\(number) \(standard.title)", to: href(.standard(number), from: .monitoring))
      for indicator in standard.indicators {
        let local = indicator.local
        let additional = local?.additional == true
        let globalTarget: Target? =
          additional ? nil : (global?.indicators.first { $0.id == indicator.id }?.target ?? indicator.target)
        var localTarget = ""
        if local != nil && (additional || globalTarget != indicator.target) {
          localTarget = indicator.target.description
        }
        rows.append(
          [
            .markdown(label), .text(indicator.id + (indicator.officialId.map { " (official \($0))" } ?? "")),
            .text(indicator.text),
            .text(globalTarget?.description ?? "none: local indicator"), .text(local?.definition ?? ""),
            .text(local?.method ?? ""), .text(local?.frequency ?? ""), .text(local?.dataSource ?? ""),
            .text(local?.disaggregation?.joined(separator: ", ") ?? ""), .text(localTarget),
          ])
      }
    }
    out += Markdown.table(Self.monitoringHeader, rows) + "\n\n"
    out += "Disaggregate by sex, age and disability wherever the data allows, and say so where it does not.\n"
    return out
  }

  // MARK: 8. all standards

  func allStandards(level: Int) -> String {
    let selected = Set(result.selection)
    let contextualized = Set(result.contextualized).union(
      catalog.contextualizedStandardNumbers)
    var header = ["Standard", "Title", "Pillar", "Selected"]
    if !contextualized.isEmpty { header.append("Contextualized") }
    var out = "\(hashes(level)) \(title(of: .allStandards))\n\n"
    out += "The whole CPMS, with the \(selected.count) selected standards marked. "
    out += "The others still apply: the selection only says where the group concentrates first.\n\n"
    // Titles and pillars only, so the table does not cost reading all 28 standard files.
    let rows = StandardNumber.all.map { number -> [Markdown.Cell] in
      let chosen = selected.contains(number)
      let name = catalog.title(of: number)
      let title: Markdown.Cell =
        chosen ? .markdown(Markdown.link(name, to: href(.standard(number), from: .allStandards))) : .text(name)
      var row: [Markdown.Cell] = [
        .text(number.description), title, .text(String(catalog.pillarNumber(of: number))),
        .text(chosen ? "yes" : ""),
      ]
      if !contextualized.isEmpty { row.append(.text(contextualized.contains(number) ? "yes" : "")) }
      return row
    }
    out += Markdown.table(header, rows, alignRight: [0]) + "\n\n"
    out += "Pillars:\n\n"
    out += catalog.pillars.map { "- **\($0.number)** \(Markdown.escape($0.title))\n" }.joined()
    return out
  }
}
