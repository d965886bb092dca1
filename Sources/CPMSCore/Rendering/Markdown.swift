/// GitHub-flavoured Markdown that also renders in pandoc: escaped text and regular tables.
public enum Markdown {
  /// Escapes text so it renders literally: it cannot start a heading or list, break a table, or
  /// inject HTML. Line breaks become spaces, since this is for inline text.
  public static func escape(_ text: String) -> String {
    let special: Set<UInt8> = Set("\\`*_{}[]<>#|~$^@&!+-=.)".utf8).union([10, 13, 9])
    guard text.utf8.contains(where: special.contains) else { return text }
    var out = ""
    out.reserveCapacity(text.utf8.count + 8)
    var atStart = true
    let characters = Array(text)
    for (index, character) in characters.enumerated() {
      switch character {
      case "\n", "\r", "\r\n", "\t":
        out += " "
        continue
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\\", "`", "*", "_", "[", "]", "#", "|", "~", "$", "^", "@":
        out += "\\" + String(character)
      case "+", "-", "=", "!", "{", "}":
        // Only where they could start a list, a setext heading or an attribute block.
        out += (atStart ? "\\" : "") + String(character)
      case ".", ")":
        // "1. " or "1) " at the start of a line begins an ordered list; "1.1" does not.
        let next = index + 1 < characters.count ? characters[index + 1] : " "
        if !out.isEmpty && out.allSatisfy(\.isNumber) && next.isWhitespace {
          out += "\\" + String(character)
        } else {
          out.append(character)
        }
      default:
        out.append(character)
      }
      if !character.isWhitespace { atStart = false }
    }
    return out
  }

  /// A pipe table whose rows all have the header's number of cells; cells are escaped.
  public static func table(_ header: [String], _ rows: [[String]], alignRight: Set<Int> = []) -> String {
    table(header, rows.map { $0.map(Cell.text) }, alignRight: alignRight)
  }

  /// A cell: user or data text that is escaped, or Markdown the renderer built itself.
  public enum Cell: Sendable {
    case text(String)
    case markdown(String)
  }

  public static func table(_ header: [String], _ rows: [[Cell]], alignRight: Set<Int> = []) -> String {
    let width = header.count
    func line(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }
    var lines = [line(header.map(escape))]
    lines.append(line((0..<width).map { alignRight.contains($0) ? "---:" : "---" }))
    for row in rows {
      var cells = row.prefix(width).map { cell -> String in
        switch cell {
        case .text(let text): escape(text)
        case .markdown(let markdown): markdown
        }
      }
      cells += Array(repeating: "", count: width - cells.count)
      lines.append(line(cells.map { $0.isEmpty ? " " : $0 }))
    }
    return lines.joined(separator: "\n")
  }

  /// A relative link whose label is escaped.
  public static func link(_ label: String, to path: String) -> String {
    "[\(escape(label))](\(path))"
  }
}
