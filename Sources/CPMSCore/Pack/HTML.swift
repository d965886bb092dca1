/// Escaping for the three places the HTML pack puts text: element content, attribute values and CSS
/// strings (the running header). Each function returns text that cannot end its context, whatever the
/// input: no tag, attribute, style sheet or string can be opened or closed by user text.
public enum HTML {
  /// Text between tags: `&`, `<` and `>` become references; control characters the HTML syntax
  /// forbids become U+FFFD, and line breaks stay line breaks (white space in HTML).
  public static func text(_ text: String) -> String {
    escape(text, quotes: false)
  }

  /// A double- or single-quoted attribute value: as `text`, and both quotes become references, and
  /// line breaks become spaces.
  public static func attribute(_ text: String) -> String {
    escape(text, quotes: true)
  }

  /// The inside of a double-quoted CSS string: quotes, backslashes, angle brackets (so `</style>`
  /// cannot appear), ampersands and control characters become CSS escapes; a line break becomes a space.
  public static func cssString(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\n", "\r", "\t": out += " "
      case "\"", "'", "\\", "<", ">", "&": out += "\\" + hex(scalar.value) + " "
      default:
        if isForbidden(scalar) {
          out += "\\FFFD "
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }

  static func escape(_ text: String, quotes: Bool) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"" where quotes: out += "&quot;"
      case "'" where quotes: out += "&#39;"
      case "\r": out += quotes ? " " : "\n"
      case "\n", "\t": out += quotes ? " " : String(scalar)
      default:
        if isForbidden(scalar) {
          out += "\u{FFFD}"
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }

  /// Control characters (other than tab, line feed and carriage return) and noncharacters, which
  /// are parse errors in HTML.
  static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x20 { return value != 0x09 && value != 0x0A && value != 0x0D }
    if value >= 0x7F && value < 0xA0 { return true }
    if value >= 0xFDD0 && value <= 0xFDEF { return true }
    return value & 0xFFFE == 0xFFFE
  }

  static func hex(_ value: UInt32) -> String {
    String(value, radix: 16, uppercase: true)
  }

  /// A fragment id from text: its first `words` words of ASCII letters and digits, in lower case,
  /// joined by hyphens (short, so a link stays readable).
  static func slug(_ text: String, words: Int = 5) -> String {
    var out = ""
    var count = 0
    for scalar in text.unicodeScalars {
      if scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) {
        if out.isEmpty || out.hasSuffix("-") {
          count += 1
          if count > words { break }
        }
        out += String(scalar).lowercased()
      } else if !out.isEmpty && !out.hasSuffix("-") {
        out += "-"
      }
    }
    while out.hasSuffix("-") { out.removeLast() }
    return out.isEmpty ? "section" : out
  }
}
