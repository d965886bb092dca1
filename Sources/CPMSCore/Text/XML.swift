/// Text written into XML (SVG charts, the parts of an .xlsx workbook).
enum XML {
  /// Text safe in XML content and in double- or single-quoted attributes. Characters XML 1.0 cannot
  /// hold at all are dropped; line breaks and tabs are kept, or made spaces where the text must stay on
  /// one line (an SVG label).
  static func escape(_ text: String, keepingLineBreaks: Bool = true) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "\n", "\r", "\t":
        if keepingLineBreaks { out.unicodeScalars.append(scalar) } else { out += " " }
      default:
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0xFFFE
          || scalar.value == 0xFFFF
        {
          continue
        }
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
