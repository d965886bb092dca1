/// GitHub-flavoured Markdown that also renders in pandoc: escaped text and regular tables.
public enum Markdown {
  /// The YAML block that opens a Markdown document in another language than English: pandoc reads its
  /// `lang` (hyphenation, quotes, the language of a Word or PDF file) and `dir` (Arabic right to left).
  /// Empty in English, pandoc's default, so English documents stay plain.
  public static func frontMatter(_ language: Language) -> String {
    guard language != .en else { return "" }
    return "---\nlang: \(language.rawValue)\n" + (language.isRightToLeft ? "dir: rtl\n" : "") + "---\n\n"
  }

  /// Escapes text so it renders literally: it cannot start a heading or list, break a table, or
  /// inject HTML. Line breaks become spaces, since this is for inline text.
  ///
  /// Runs once per scalar with no look-back, so a pack of 10 standards (thousands of strings)
  /// escapes in well under a millisecond; text with nothing to escape is returned as it is.
  public static func escape(_ text: String) -> String {
    var contiguous = text
    return contiguous.withUTF8 { bytes in
      guard bytes.contains(where: needsCare) else { return text }
      var out: [UInt8] = []
      out.reserveCapacity(bytes.count + 8)
      var atStart = true  // nothing but whitespace written so far
      var allDigits = true  // everything written so far is a digit ("12" before "12. ")
      var index = 0
      func append(_ literal: StaticString) {
        out.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
        allDigits = false
      }
      while index < bytes.count {
        if !atStart && !allDigits {
          // Past the start, only the always-escaped bytes matter: copy everything up to the next one.
          var end = index
          while end < bytes.count && !alwaysEscaped(bytes[end]) { end += 1 }
          if end > index {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
            index = end
            continue
          }
        }
        let byte = bytes[index]
        guard byte < 0x80 else {
          // A multi-byte scalar: copied as it is; only its whitespace and number properties matter.
          let (scalar, length) = scalar(in: bytes, at: index)
          out.append(contentsOf: bytes[index..<index + length])
          index += length
          allDigits = allDigits && scalar.properties.numericType != nil
          if atStart && !scalar.properties.isWhitespace { atStart = false }
          continue
        }
        index += 1
        switch byte {
        case UInt8(ascii: "\r") where index < bytes.count && bytes[index] == UInt8(ascii: "\n"):
          index += 1  // "\r\n" is one line break, so one space
          append(" ")
          continue
        case UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
          append(" ")
          continue
        case UInt8(ascii: "&"): append("&amp;")
        case UInt8(ascii: "<"): append("&lt;")
        case UInt8(ascii: ">"): append("&gt;")
        case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
          UInt8(ascii: "]"), UInt8(ascii: "#"), UInt8(ascii: "|"), UInt8(ascii: "~"), UInt8(ascii: "$"),
          UInt8(ascii: "^"), UInt8(ascii: "@"):
          out.append(UInt8(ascii: "\\"))
          out.append(byte)
          allDigits = false
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "="), UInt8(ascii: "!"), UInt8(ascii: "{"),
          UInt8(ascii: "}"):
          // Only where they could start a list, a setext heading or an attribute block.
          if atStart { out.append(UInt8(ascii: "\\")) }
          out.append(byte)
          allDigits = false
        case UInt8(ascii: "."), UInt8(ascii: ")"):
          // "1. " or "1) " at the start of a line begins an ordered list; "1.1" does not.
          if !out.isEmpty && allDigits && nextIsWhitespace(bytes, index) { out.append(UInt8(ascii: "\\")) }
          out.append(byte)
          allDigits = false
        default:
          out.append(byte)
          allDigits = allDigits && byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
        }
        if atStart && !isASCIIWhitespace(byte) { atStart = false }
      }
      return String(decoding: out, as: UTF8.self)
    }
  }

  /// `Character.isWhitespace` for an ASCII byte.
  private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
    (byte >= 9 && byte <= 13) || byte == UInt8(ascii: " ")
  }

  private static func nextIsWhitespace(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
    guard index < bytes.count else { return true }
    if bytes[index] < 0x80 { return isASCIIWhitespace(bytes[index]) }
    return scalar(in: bytes, at: index).scalar.properties.isWhitespace
  }

  /// The scalar starting at `index` of valid UTF-8 (a Swift string's bytes) and its length.
  private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (
    scalar: Unicode.Scalar, length: Int
  ) {
    let lead = UInt32(bytes[index])
    let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
    var value = lead & (0xFF >> (length + 1))
    for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
    return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
  }

  /// Bytes that may need escaping (a bit per ASCII byte); any other byte is copied as it is.
  private static func needsCare(_ byte: UInt8) -> Bool {
    byte < 64 ? (careBelow64 >> UInt64(byte)) & 1 == 1 : byte < 128 && (careFrom64 >> UInt64(byte - 64)) & 1 == 1
  }

  /// Bytes escaped wherever they appear (the others only near the start of the text).
  private static func alwaysEscaped(_ byte: UInt8) -> Bool {
    byte < 64 ? (alwaysBelow64 >> UInt64(byte)) & 1 == 1 : byte < 128 && (careFrom64 >> UInt64(byte - 64)) & 1 == 1
  }

  private static let alwaysBelow64: UInt64 = mask("#$&*<>\n\r\t", offset: 0)
  private static let careBelow64: UInt64 = mask("!#$&)*+-.<=>\n\r\t", offset: 0)
  private static let careFrom64: UInt64 = mask("@[\\]^_`{|}~", offset: 64)

  private static func mask(_ characters: String, offset: UInt8) -> UInt64 {
    characters.utf8.reduce(0) { bits, byte in
      byte >= offset && byte < offset + 64 ? bits | 1 << UInt64(byte - offset) : bits
    }
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
