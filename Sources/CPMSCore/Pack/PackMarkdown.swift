/// Writes the pack's blocks as GitHub-flavoured Markdown that pandoc also reads: a folder of documents
/// or one document. Tables stay within PackTable.maxColumns so a Word conversion fits the page.
struct PackMarkdown {
  let writer: PackWriter
  /// Whether links go to sections of one document rather than to files of a folder.
  let single: Bool

  func hashes(_ level: Int) -> String { String(repeating: "#", count: min(6, max(1, level))) }

  /// The id GitHub and pandoc give the part's heading; the single form links to it.
  func anchor(of part: PackPart) -> String {
    part == .cover ? WorkshopPack.anchor(writer.contentsHeading) : WorkshopPack.anchor(writer.title(of: part))
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

  // MARK: documents

  /// The front matter naming the language (and Arabic's direction), as every Markdown output of cpms
  /// opens in a language other than English: pandoc turns it into `<html lang="ar" dir="rtl">`.
  var frontMatter: String { Markdown.frontMatter(writer.language) }

  func document(_ section: PackSection) -> String {
    var out = frontMatter + body(section, base: 1)
    out += "\n---\n\n"
    if section.part != .cover {
      out += Markdown.link(writer.t("pack.backToIndex"), to: href(.cover, from: section.part)) + "\n\n"
    }
    out += "*\(Markdown.escape(writer.footerLine))*\n"
    return out
  }

  /// One document; no "back" links, since they lead nowhere once the pack is printed.
  func singleDocument(_ sections: [PackSection]) -> String {
    var out = frontMatter
    for section in sections {
      if section.part != .cover { out += "\n" }
      out += body(section, base: section.part == .cover ? 1 : 2)
    }
    out += "\n---\n\n*\(Markdown.escape(writer.footerLine))*\n"
    return out
  }

  func body(_ section: PackSection, base: Int) -> String {
    var out = "\(hashes(base)) \(Markdown.escape(section.title))\n"
    for block in section.blocks { out += "\n" + render(block, base: base, part: section.part) }
    return out
  }

  // MARK: blocks

  func inline(_ line: PackLine, part: PackPart) -> String {
    line.map { piece -> String in
      switch piece {
      case .text(let text), .name(let text): Markdown.escape(text)
      case .strong(let text): "**\(Markdown.escape(text))**"
      case .emphasis(let text):
        // Markdown emphasis cannot start or end with a space: keep the spaces outside the stars.
        spaced(text) { "*\(Markdown.escape($0))*" }
      case .code(let text): "`\(text.filter { $0 != "`" && !$0.isNewline })`"
      case .link(let label, let target): Markdown.link(label, to: href(target, from: part))
      }
    }.joined()
  }

  func spaced(_ text: String, _ wrap: (String) -> String) -> String {
    let leading = text.prefix { $0 == " " }
    let trimmed = text.dropFirst(leading.count)
    let trailing = trimmed.reversed().prefix { $0 == " " }
    let core = String(trimmed.dropLast(trailing.count))
    return core.isEmpty ? text : leading + wrap(core) + String(trailing)
  }

  func render(_ block: PackBlock, base: Int, part: PackPart) -> String {
    switch block {
    case .heading(let level, let text): return "\(hashes(base + level)) \(Markdown.escape(text))\n"
    case .paragraph(let line): return inline(line, part: part) + "\n"
    case .bullets(let lines): return lines.map { "- \(inline($0, part: part))\n" }.joined()
    case .numbered(let items):
      var out = ""
      for (index, item) in items.enumerated() {
        out += "\(index + 1). \(inline(item.line, part: part))\n"
        out += item.children.map { "   - \(inline($0, part: part))\n" }.joined()
      }
      return out
    case .table(let table):
      return Markdown.table(
        table.header, table.rows.map { $0.map { Markdown.Cell.markdown(inline($0, part: part)) } },
        alignRight: table.alignRight) + "\n"
    case .note(let line): return "> \(inline(line, part: part))\n"
    case .worksheet(let items):
      // A block per key action: its text, then the boxes and lines to write on.
      let t = writer.t
      let line = String(repeating: ".", count: 24)
      let mark = " *\(Markdown.escape(t("pack.contextualised.keyAction")))*"
      let boxes = ["pack.sheet.inPlace", "pack.sheet.partly", "pack.sheet.gap"].map {
        "\u{2610} " + Markdown.escape(t($0))
      }
      let fields =
        boxes.joined(separator: " \u{2003} ") + " \u{2003} " + Markdown.escape(writer.labelled(t("pack.sheet.lead")))
        + " \(line) \u{2003} " + Markdown.escape(writer.labelled(t("pack.sheet.byWhen"))) + " \(line)\n\n"
        + Markdown.escape(writer.labelled(t("pack.sheet.notes"))) + " \(String(repeating: ".", count: 72))\n"
      return items.map { item in
        "**\(Markdown.escape(item.id))** \(Markdown.escape(item.text))\(item.contextualised ? mark : "")\n\n" + fields
      }.joined(separator: "\n")
    case .fillIn(let fields):
      return Markdown.table(
        [writer.t("pack.fill.toAgree"), writer.t("pack.fill.decision")], fields.map { [$0.label, $0.value ?? ""] })
        + "\n"
    case .keepTogether(let blocks):
      return blocks.map { render($0, base: base, part: part) }.joined(separator: "\n")
    case .chart(_, let caption):
      return "*\(Markdown.escape(caption))*\n"
    }
  }
}
