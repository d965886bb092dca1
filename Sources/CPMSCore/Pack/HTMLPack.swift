/// Writes the pack's blocks as one self-contained HTML page, made for print as much as for the screen.
///
/// Nothing is loaded from elsewhere (no scripts, fonts, images or style sheets), so the page opens
/// offline and prints the same everywhere. On paper each part starts a new page; the running header
/// and footer (context, date, page numbers) use CSS page margin boxes, which Chromium prints; no table
/// is wider than the page and no row, worksheet item or indicator grid is split between pages.
struct HTMLPack {
  let writer: PackWriter
  let paper: PaperSize

  /// The longest context name the running header shows; a longer one is cut with an ellipsis there
  /// (the cover always shows it whole).
  static let headerNameLimit = 60

  func document(_ sections: [PackSection]) -> String {
    let name = writer.contextName
    let language = writer.language
    let direction = language.isRightToLeft ? " dir=\"rtl\"" : ""
    var out = "<!DOCTYPE html>\n<html lang=\"\(language.htmlCode)\"\(direction)>\n<head>\n<meta charset=\"utf-8\">\n"
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    let description = writer.t("pack.html.description", name, writer.date)
    out += "<meta name=\"description\" content=\"\(HTML.attribute(description))\">\n"
    out += "<title>\(HTML.text(writer.title(of: .cover)))</title>\n"
    out += "<style>\n\(styleSheet())</style>\n</head>\n<body>\n"
    for section in sections {
      var ids = IDs(prefix: section.part.htmlID)
      out += "<section class=\"part\">\n"
      let titleHTML = section.part == .cover ? coverTitle() : text(section.title)
      out += "<h1 id=\"\(section.part.htmlID)\">\(titleHTML)</h1>\n"
      for block in section.blocks { out += render(block, part: section.part, ids: &ids) }
      out += "</section>\n"
    }
    out += "<footer class=\"screen-only\"><p>\(text(writer.footerLine))</p></footer>\n"
    out += "</body>\n</html>\n"
    return out
  }

  /// The cover's title with the context name isolated, so right-to-left text cannot reorder the rest.
  func coverTitle() -> String {
    around("pack.title.cover", "<bdi>\(HTML.text(writer.contextName))</bdi>")
  }

  /// A text of the interface with `{1}` replaced by markup: the words around it are escaped, the
  /// markup is not (the cover title's isolated name, the page counter of the running footer).
  func around(_ key: String, _ markup: String, escape: (String) -> String = HTML.text) -> String {
    let marker = "\u{FFFC}"
    let parts = writer.t(key, marker).components(separatedBy: marker)
    return parts.map(escape).joined(separator: markup)
  }

  /// Text between tags. In a right-to-left pack, runs of Latin letters and digits (ids such as 18.2,
  /// numbers, English names) are isolated left to right, so the Arabic around them cannot reorder them.
  func text(_ text: String) -> String {
    guard writer.language.isRightToLeft else { return HTML.text(text) }
    return HTMLPack.isolatingLeftToRight(text)
  }

  /// Wraps each run that starts with a Latin letter or a digit, and goes on over Latin letters, digits,
  /// spaces and the punctuation inside ids, numbers and phrases, in `<bdi dir="ltr">`; the rest is escaped.
  static func isolatingLeftToRight(_ text: String) -> String {
    func opens(_ scalar: Unicode.Scalar) -> Bool {
      scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
        || (scalar.value >= 0xC0 && scalar.value < 0x250 && scalar.properties.isAlphabetic)
    }
    func continues(_ scalar: Unicode.Scalar) -> Bool {
      opens(scalar) || " .,;-_/%'’\"“”!?()&:+".unicodeScalars.contains(scalar)
    }
    func closes(_ scalar: Unicode.Scalar) -> Bool {
      opens(scalar) || scalar == "%" || scalar == ")" || scalar == "\"" || scalar == "”"
    }
    let scalars = Array(text.unicodeScalars)
    var out = ""
    var index = 0
    var plain = String.UnicodeScalarView()
    while index < scalars.count {
      guard opens(scalars[index]) else {
        plain.append(scalars[index])
        index += 1
        continue
      }
      var end = index
      var last = index
      // A colon before a space ends a label: it ends the run, so "18: Case management" keeps the
      // number beside its Arabic label.
      while end < scalars.count && continues(scalars[end])
        && !(scalars[end] == ":" && (end + 1 == scalars.count || scalars[end + 1] == " "))
      {
        if closes(scalars[end]) { last = end }
        end += 1
      }
      // A ")" only closes a run that opened one: "(18.2)" stays whole, "18.2)" leaves the ")" outside.
      var run = String(String.UnicodeScalarView(scalars[index...last]))
      while run.hasSuffix(")") && run.filter({ $0 == ")" }).count > run.filter({ $0 == "(" }).count {
        run.removeLast()
        last -= 1
      }
      out += HTML.text(String(plain)) + "<bdi dir=\"ltr\">\(HTML.text(run))</bdi>"
      plain = String.UnicodeScalarView()
      index = last + 1
    }
    return out + HTML.text(String(plain))
  }

  /// Heading ids within a part: the part's id, then the heading's words; repeats get a number.
  struct IDs {
    let prefix: String
    var used: [String: Int] = [:]

    mutating func next(_ heading: String) -> String {
      let base = prefix + "-" + HTML.slug(heading)
      let count = used[base, default: 0]
      used[base] = count + 1
      return count == 0 ? base : "\(base)-\(count + 1)"
    }
  }

  // MARK: blocks

  func inline(_ line: PackLine) -> String {
    line.map { piece -> String in
      switch piece {
      case .text(let text): self.text(text)
      case .name(let text): "<bdi>\(HTML.text(text))</bdi>"
      case .strong(let text): "<strong>\(self.text(text))</strong>"
      case .emphasis(let text): "<em>\(self.text(text))</em>"
      case .code(let text):
        writer.language.isRightToLeft
          ? "<code dir=\"ltr\">\(HTML.text(text))</code>" : "<code>\(HTML.text(text))</code>"
      case .link(let label, let target): "<a href=\"#\(target.htmlID)\">\(self.text(label))</a>"
      }
    }.joined()
  }

  func render(_ block: PackBlock, part: PackPart, ids: inout IDs) -> String {
    switch block {
    case .heading(let level, let text):
      let tag = "h\(min(6, level + 1))"
      return "<\(tag) id=\"\(ids.next(text))\">\(self.text(text))</\(tag)>\n"
    case .paragraph(let line):
      return "<p>\(inline(line))</p>\n"
    case .bullets(let lines):
      return "<ul>\n" + lines.map { "<li>\(inline($0))</li>\n" }.joined() + "</ul>\n"
    case .numbered(let items):
      var out = "<ol>\n"
      for item in items {
        out += "<li>\(inline(item.line))"
        if !item.children.isEmpty {
          out += "\n<ul>\n" + item.children.map { "<li>\(inline($0))</li>\n" }.joined() + "</ul>\n"
        }
        out += "</li>\n"
      }
      return out + "</ol>\n"
    case .table(let table):
      return self.table(table)
    case .note(let line):
      return "<aside class=\"note\"><p>\(inline(line))</p></aside>\n"
    case .worksheet(let items):
      return "<div class=\"worksheet\">\n" + items.map(worksheetItem).joined() + "</div>\n"
    case .fillIn(let fields):
      // A form: one box per field, two to a row, each with room to write under its label.
      var out = "<dl class=\"fill\">\n"
      for field in fields {
        let value = field.value.map { "<span class=\"given\">\(text($0))</span>" } ?? ""
        out += "<div><dt>\(text(field.label))</dt><dd>\(value)</dd></div>\n"
      }
      return out + "</dl>\n"
    case .keepTogether(let blocks):
      var out = "<div class=\"keep\">\n"
      for inner in blocks { out += render(inner, part: part, ids: &ids) }
      return out + "</div>\n"
    case .chart(let svg, let caption):
      // The SVG is cpms's own, its user text already escaped; the caption is text like any other.
      return "<figure class=\"chart\">\n\(SVG.inline(svg))<figcaption>\(text(caption))</figcaption>\n</figure>\n"
    }
  }

  func table(_ table: PackTable) -> String {
    let style = table.style.isEmpty ? "" : " class=\"\(HTML.attribute(table.style))\""
    var out = "<table\(style)>\n"
    if table.widths.count == table.header.count {
      out += "<colgroup>" + table.widths.map { "<col style=\"width:\($0)%\">" }.joined() + "</colgroup>\n"
    }
    func align(_ column: Int) -> String { table.alignRight.contains(column) ? " class=\"num\"" : "" }
    out += "<thead><tr>"
    out += table.header.enumerated().map { "<th scope=\"col\"\(align($0.offset))>\(text($0.element))</th>" }
      .joined()
    out += "</tr></thead>\n<tbody>\n"
    for row in table.rows {
      var cells = Array(row.prefix(table.header.count))
      cells += Array(repeating: [], count: table.header.count - cells.count)
      out +=
        "<tr>" + cells.enumerated().map { "<td\(align($0.offset))>\(inline($0.element))</td>" }.joined() + "</tr>\n"
    }
    return out + "</tbody>\n</table>\n"
  }

  func worksheetItem(_ item: WorksheetItem) -> String {
    let t = writer.t
    let mark = item.contextualised ? " <em>\(text(t("pack.contextualised.keyAction")))</em>" : ""
    var out = "<div class=\"action\">\n"
    out += "<p class=\"action-text\"><strong>\(text(item.id))</strong> "
    out += "\(text(item.text))\(mark)</p>\n"
    out += "<div class=\"action-fields\">\n<p class=\"status\">"
    out += ["pack.sheet.inPlace", "pack.sheet.partly", "pack.sheet.gap"].map {
      "<span class=\"choice\"><span class=\"box\"></span>\(text(t($0)))</span>"
    }.joined(separator: " ")
    out += "</p>\n<p class=\"write\">\(text(t("pack.sheet.lead")))</p>\n"
    out += "<p class=\"write\">\(text(t("pack.sheet.byWhen")))</p>\n</div>\n"
    out += "<p class=\"write notes\">\(text(t("pack.sheet.notes")))</p>\n</div>\n"
    return out
  }

  // MARK: style

  /// The context name as the running header shows it: one line, cut to `headerNameLimit` characters.
  var headerName: String {
    let name = writer.oneLine(writer.contextName)
    return name.count <= Self.headerNameLimit ? name : String(name.prefix(Self.headerNameLimit - 1)) + "\u{2026}"
  }

  /// The CSS content of the page counter: "Page " counter(page) " of " counter(pages), in the language.
  var pageCounter: String {
    let text = writer.t("pack.html.page", "\u{FFFC}", "\u{FFFD}")
    var out: [String] = []
    var rest = Substring(text)
    while let index = rest.firstIndex(where: { $0 == "\u{FFFC}" || $0 == "\u{FFFD}" }) {
      if index > rest.startIndex { out.append("\"\(HTML.cssString(String(rest[..<index])))\"") }
      out.append(rest[index] == "\u{FFFC}" ? "counter(page)" : "counter(pages)")
      rest = rest[rest.index(after: index)...]
    }
    if !rest.isEmpty { out.append("\"\(HTML.cssString(String(rest)))\"") }
    return out.joined(separator: " ")
  }

  /// The body's fonts: for Arabic, faces with Arabic letters first (a reader's system has one of
  /// them; DejaVu Sans, last, has Arabic too), the same faces as before for the other languages.
  var fontFamily: String {
    let latin = "\"DejaVu Sans\", \"Liberation Sans\", Arial, Helvetica, sans-serif"
    guard writer.language.isRightToLeft else { return latin }
    return "\"Noto Sans Arabic\", \"Noto Naskh Arabic\", \"Segoe UI\", Tahoma, \"Geeza Pro\", " + latin
  }

  func styleSheet() -> String {
    // U+2068 and U+2069 (written as CSS escapes) isolate the name, so right-to-left text keeps to its
    // own place in the header.
    let header = around("pack.html.header", "\\2068 " + HTML.cssString(headerName) + "\\2069 ", escape: HTML.cssString)
    let footer = HTML.cssString(writer.footerLine)
    let date = HTML.cssString(writer.date)
    // The running header and footer start on the side the text starts: the right for Arabic.
    let rightToLeft = writer.language.isRightToLeft
    let (start, end) = rightToLeft ? ("right", "left") : ("left", "right")
    let direction = rightToLeft ? " direction: rtl;" : ""
    return """
      @page {
        size: \(paper.css) portrait;
        margin: 20mm 16mm 20mm 16mm;
        @top-\(start) { content: "\(header)"; font: 8pt sans-serif; color: #333; vertical-align: bottom;\(direction) }
        @top-\(end) { content: "\(date)"; font: 8pt sans-serif; color: #333; vertical-align: bottom;\(direction) }
        @bottom-\(start) { content: "\(footer)"; font: 7.5pt sans-serif; color: #333; vertical-align: top;\(direction) }
        @bottom-\(end) {
          content: \(pageCounter); font: 8pt sans-serif; color: #333; vertical-align: top;\(direction)
        }
      }
      :root { color: #000; background: #fff; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      body {
        font-family: \(fontFamily); font-size: 10pt; line-height: 1.4;
        max-width: 178mm; margin: 0 auto; padding: 8mm; overflow-wrap: anywhere; hyphens: manual;
      }
      h1 { font-size: 18pt; line-height: 1.2; margin: 0 0 4mm; }
      h2 { font-size: 13.5pt; margin: 6mm 0 2mm; }
      h3 { font-size: 11.5pt; margin: 4mm 0 1.5mm; }
      h4, h5, h6 { font-size: 10.5pt; margin: 3mm 0 1mm; }
      h1, h2, h3, h4, h5, h6 { break-after: avoid; page-break-after: avoid; }
      p { margin: 0 0 2mm; }
      ul, ol { margin: 0 0 2mm; padding-inline-start: 6mm; }
      li { margin-bottom: 0.8mm; break-inside: avoid; }
      code { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 9pt; }
      a { color: #0645ad; }
      table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 1mm 0 3mm; font-size: 9pt; }
      thead { display: table-header-group; }
      tr { break-inside: avoid; page-break-inside: avoid; }
      th, td { border: 0.6pt solid #666; padding: 1.2mm 1.8mm; text-align: start; vertical-align: top; }
      thead th { background: #eee; }
      .num { text-align: end; }
      figure.chart { margin: 4mm 0; break-inside: avoid; }
      figure.chart svg { width: 100%; height: auto; max-height: 225mm; direction: ltr; }
      figure.chart figcaption { font-size: 8.5pt; color: #444; }
      table.ranking { font-size: 8.5pt; }
      table.ranking td, table.ranking th { padding: 0.6mm 1.5mm; }
      .keep { break-inside: avoid; page-break-inside: avoid; }
      .fill { display: grid; grid-template-columns: 1fr 1fr; margin: 1mm 0 4mm; border-top: 0.6pt solid #666;
        border-inline-start: 0.6pt solid #666; }
      .fill div {
        border-inline-end: 0.6pt solid #666; border-bottom: 0.6pt solid #666; min-height: 14mm; padding: 1mm 2mm;
        break-inside: avoid;
      }
      .fill dt { font-size: 7.5pt; color: #444; }
      .fill dd { margin: 0; font-size: 9pt; }
      .given { font-style: italic; }
      .worksheet { margin-top: 2mm; }
      .action {
        display: grid; grid-template-columns: 1fr 62mm; column-gap: 4mm; border: 0.6pt solid #666;
        padding: 1.5mm 2.5mm; margin-bottom: 1.5mm; break-inside: avoid; page-break-inside: avoid;
      }
      .action-text { grid-column: 1; margin: 0; }
      .action-fields { grid-column: 2; }
      .status { margin: 0 0 1mm; font-size: 9pt; }
      .choice { white-space: nowrap; margin-inline-end: 2.5mm; }
      .box {
        display: inline-block; width: 3.2mm; height: 3.2mm; border: 0.8pt solid #000; margin-inline-end: 1mm;
        vertical-align: -0.6mm;
      }
      .write {
        border-bottom: 0.6pt solid #444; min-height: 6.5mm; margin: 0 0 1mm; font-size: 7.5pt; color: #444;
      }
      .notes { grid-column: 1 / span 2; min-height: 9mm; }
      .note { border-inline-start: 1mm solid #999; padding-inline-start: 3mm; }
      section.part { break-before: page; page-break-before: always; }
      section.part:first-of-type { break-before: auto; page-break-before: auto; }
      @media print {
        body { max-width: none; margin: 0; padding: 0; }
        a { color: inherit; text-decoration: none; }
        .screen-only { display: none; }
      }
      @media screen {
        section.part { border-top: 1px solid #ccc; padding-top: 6mm; margin-top: 10mm; }
        section.part:first-of-type { border-top: none; margin-top: 0; }
      }

      """
  }
}
