/// User text quoted inside a message, made safe to print.
///
/// Messages quote what the user wrote ("score 'x' is not a number"), but a file or an argument can
/// hold anything: a megabyte in one spreadsheet cell, a NUL byte, a terminal escape sequence that
/// would recolour or clear the screen, or a right-to-left override that reorders the line. An excerpt
/// shows at most `limit` characters (then "…") and names invisible and control characters in angle
/// brackets (`<tab>`, `<U+001B>`), so the message stays short, readable and on one line whatever the
/// input, and a reader who does not write code still understands it.
public enum Excerpt {
  /// Enough for any real value (a title, an id, a path), short enough for one line of a message.
  public static let defaultLimit = 80

  /// The text, shortened and with control and format characters made visible. Costs O(`limit`)
  /// whatever the length of the text.
  public static func of(_ text: some StringProtocol, limit: Int = defaultLimit) -> String {
    var result = ""
    var count = 0
    for scalar in text.unicodeScalars {
      if count == max(limit, 1) {
        result += "…"
        break
      }
      count += 1
      if isInvisible(scalar) {
        result += "<" + name(of: scalar) + ">"
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// A short name for an invisible character: the common ones in words, the others by code point.
  public static func name(of scalar: Unicode.Scalar) -> String {
    switch scalar.value {
    case 0x00: "NUL"
    case 0x09: "tab"
    case 0x0A: "line break"
    case 0x0D: "carriage return"
    case 0x1B: "escape"
    case 0x200B: "zero-width space"
    case 0xFEFF: "byte order mark"
    default: "U+" + hexDigits(scalar.value)
    }
  }

  /// At least four uppercase hex digits, as code points are written after "U+" or "\u" ("001B").
  public static func hexDigits(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }

  /// Control characters (C0, DEL, C1), format characters (zero-width and bidirectional marks and
  /// overrides, the byte order mark) and the Unicode line and paragraph separators.
  static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { return true }
    if scalar.isASCII { return false }
    switch scalar.properties.generalCategory {
    case .format, .lineSeparator, .paragraphSeparator: return true
    default: return false
    }
  }
}
