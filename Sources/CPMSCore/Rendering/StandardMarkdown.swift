/// One standard (and the principles) as Markdown; shared by `show --format markdown` and the pack.
public struct StandardMarkdown: Sendable {
  public var catalog: Catalog

  public init(catalog: Catalog) {
    self.catalog = catalog
  }

  func hashes(_ level: Int) -> String { String(repeating: "#", count: min(6, level)) }

  /// The standard in full; the pack adds the worksheet with `worksheet: true`.
  public func document(_ standard: Standard, headingLevel level: Int, worksheet: Bool = false) -> String {
    let pillar = catalog.pillar(standard.pillar)!
    let contextMark = standard.contextualization == nil ? "" : " (contextualized)"
    var out = "\(hashes(level)) Standard \(standard.number): \(Markdown.escape(standard.title))\(contextMark)\n\n"
    out += "*Pillar \(pillar.number): \(Markdown.escape(pillar.title))*\n\n"
    out += "> \(Markdown.escape(standard.notice))\n\n"
    out += "**Standard (summary):** \(Markdown.escape(standard.statement))\n"
    if let context = standard.contextualization {
      out += "\n**Contextualized for \(Markdown.escape(context.contextName)).**"
      if let rationale = context.rationale { out += " Why: \(Markdown.escape(rationale))" }
      if let title = context.globalTitle { out += " Global title: \(Markdown.escape(title))." }
      if let statement = context.globalStatement { out += " Global statement: \(Markdown.escape(statement))" }
      if let official = context.officialStatement { out += " Official statement: \(Markdown.escape(official))" }
      out += "\n"
    }
    out += "\n\(hashes(level + 1)) Key actions\n"
    for (phase, actions) in standard.keyActionsByPhase {
      out += "\n\(hashes(level + 2)) \(phase.title)\n\n"
      var actor: Actor?
      for action in actions {
        if let current = action.actor, current != actor {
          if actor != nil { out += "\n" }
          out += "*\(current.title):*\n\n"
          actor = current
        }
        let mark = action.contextualized == true ? " *(contextualized)*" : ""
        out += "- **\(action.id)** \(Markdown.escape(action.text))\(mark)\n"
      }
    }
    out += "\n\(hashes(level + 1)) Core indicators\n\n"
    out += indicatorTable(standard.indicators) + "\n"
    if let measures = standard.additionalMeasures, !measures.isEmpty {
      out += "\n\(hashes(level + 1)) Additional measures (beside the core indicators)\n\n"
      out += indicatorTable(measures) + "\n"
    }
    out += "\n\(hashes(level + 1)) Links\n\n"
    let principles = standard.relatedPrinciples.map { "\($0) \(catalog.principle($0)!.title)" }
    let standards = standard.linkedStandards.map { "\($0) \(catalog.standardTitle($0)!)" }
    out += "- **Related principles:** \(Markdown.escape(principles.joined(separator: "; ")))\n"
    out += "- **Linked standards:** \(Markdown.escape(standards.joined(separator: "; ")))\n"
    let strategies = standard.inspire.strategies.compactMap { catalog.inspireStrategy($0)?.title }
    let inspire = (strategies.isEmpty ? "" : strategies.joined(separator: "; ") + ". ") + standard.inspire.note
    out += "- **INSPIRE strategies:** \(Markdown.escape(inspire))\n"
    let roles = catalog.coordinationRoles(of: standard.number)
    out += "- **Coordination functions:**"
    out += roles.isEmpty ? " none named in the guide's annex.\n" : "\n"
    for role in roles {
      out += "  - \(Markdown.escape(role.title)) (\(Markdown.escape(role.part.title))): \(Markdown.escape(role.note))"
      let examples = catalog.guide.exampleDocuments(for: role.function).map(\.label)
      if !examples.isEmpty {
        out += " Examples named by the guide: \(Markdown.escape(examples.joined(separator: "; ")))."
      }
      out += "\n"
    }
    if let notes = standard.guidanceNotes, !notes.isEmpty {
      out += "\n\(hashes(level + 1)) Guidance notes cited by the coordination guide\n\n"
      for note in notes {
        out += "- **\(note.id) \(Markdown.escape(note.title)).** \(Markdown.escape(note.summary))\n"
      }
    }
    if worksheet {
      out += "\n\(hashes(level + 1)) Worksheet: how the group will meet this standard\n\n"
      out += "Status: in place / partly / gap.\n\n"
      out +=
        Markdown.table(
          ["Key action", "Phase", "Status", "Lead", "By when", "Notes"],
          standard.keyActions.map { [$0.id, $0.phase.title, "", "", "", ""] }) + "\n"
    }
    out += "\n*\(Markdown.escape(standard.summaryLine))*\n"
    return out
  }

  /// Indicators with their computation: the official id, where known, beside cpms's id.
  func indicatorTable(_ indicators: [Indicator]) -> String {
    Markdown.table(
      ["Id", "Indicator", "Target", "Type", "Computation", "Data sources and notes"],
      indicators.map { indicator in
        let id = indicator.id + (indicator.officialId.map { " (official \($0))" } ?? "")
        var text = indicator.text + (indicator.local == nil ? "" : " (contextualized)")
        if let official = indicator.officialText { text += " Official text: \(official)" }
        var computation =
          switch indicator.target {
          case .yes, .no: "Answer yes or no."
          case .number: "A count."
          default: ""
          }
        if let numerator = indicator.numerator, let denominator = indicator.denominator {
          computation = "Numerator: \(numerator). Denominator: \(denominator)."
        }
        var notes: [String] = []
        if let sources = indicator.dataSource, !sources.isEmpty {
          notes.append("Data sources: \(sources.joined(separator: "; ")).")
        }
        if let disaggregation = indicator.disaggregation, !disaggregation.isEmpty {
          notes.append("Disaggregate by \(disaggregation.map(\.rawValue).joined(separator: ", ")).")
        }
        if !indicator.note.isEmpty { notes.append(indicator.note) }
        if let local = indicator.local {
          notes += local.labelledFields.map { "\($0.0): \($0.1)." }
        }
        return [
          id, text, indicator.target.description, indicator.type?.rawValue ?? "", computation,
          notes.joined(separator: " "),
        ]
      })
  }

  /// The 10 principles, optionally with the questions a group uses to check its plans.
  public func principlesSection(headingLevel level: Int, withQuestions: Bool) -> String {
    var out = ""
    for principle in catalog.principles {
      if !out.isEmpty { out += "\n" }
      out += "\(hashes(level)) Principle \(principle.number): \(Markdown.escape(principle.title))\n\n"
      out += "*\(principle.group.label)*\n\n\(Markdown.escape(principle.summary))\n"
      if withQuestions {
        out += "\nQuestions to check our plans:\n\n"
        out += principle.questions.map { "- \(Markdown.escape($0))\n" }.joined()
      }
    }
    return out
  }
}
