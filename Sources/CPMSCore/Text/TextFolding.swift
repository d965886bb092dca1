// Small text helpers that stand in for full Foundation's string APIs.
//
// cpms links only FoundationEssentials: the rest of Foundation drags in ICU, which triples the
// binary (about 70 MB instead of about 20 MB) and slows every start-up. These helpers cover the
// few things cpms needed from it, with the same results for the text cpms handles.

extension StringProtocol {
  /// The text without leading and trailing spaces and tabs (Unicode space separators included),
  /// as `trimmingCharacters(in: .whitespaces)` does.
  public func trimmingWhitespace() -> String {
    trimming { TextFolding.isWhitespace($0) }
  }

  /// The text without leading and trailing spaces, tabs and line breaks, as
  /// `trimmingCharacters(in: .whitespacesAndNewlines)` does.
  public func trimmingWhitespaceAndNewlines() -> String {
    trimming { TextFolding.isWhitespace($0) || TextFolding.isNewline($0) }
  }

  /// True when the text holds nothing but spaces, tabs and line breaks; stops at the first other
  /// character, so checking a long text costs nothing.
  public var isBlank: Bool {
    unicodeScalars.allSatisfy { TextFolding.isWhitespace($0) || TextFolding.isNewline($0) }
  }

  /// True when the text holds nothing but spaces and tabs: what `trimmingWhitespace()` would
  /// leave empty, found without building the trimmed copy.
  public var isBlankOnOneLine: Bool {
    unicodeScalars.allSatisfy(TextFolding.isWhitespace)
  }

  private func trimming(where isTrimmed: (Unicode.Scalar) -> Bool) -> String {
    // Most text starts and ends with a visible ASCII character: nothing to trim, nothing to scan.
    let text = Substring(self)
    if let first = text.utf8.first, let last = text.utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
      return String(text)
    }
    let scalars = text.unicodeScalars
    if let first = scalars.first, let last = scalars.last, !isTrimmed(first), !isTrimmed(last) {
      return String(self)
    }
    guard let first = scalars.firstIndex(where: { !isTrimmed($0) }) else { return "" }
    let last = scalars.lastIndex(where: { !isTrimmed($0) })!
    return String(Substring(scalars[first...last]))
  }
}

/// Case- and accent-insensitive matching for `cpms search`.
enum TextFolding {
  static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII { return scalar == " " || scalar == "\t" }
    return scalar.properties.generalCategory == .spaceSeparator
  }

  static func isNewline(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
    default: false
    }
  }

  /// Lower-cases the text, drops accents from Latin letters and turns full-width ASCII into
  /// ASCII, so "Protección", "PROTECCION" and "protección" all match. In Arabic it drops the vowel
  /// marks and the tatweel and writes every form of alef as a bare alef (and alef maqsura as ya), so
  /// "الأطفال" and "الاطفال", "مُؤشِّر" and "مؤشر" match.
  static func fold(_ text: String) -> String {
    var folded = String.UnicodeScalarView()
    for scalar in text.lowercased().unicodeScalars {
      switch scalar.value {
      case 0x0300...0x036F:
        continue  // a combining accent
      case 0xFF01...0xFF5E:
        folded.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
      case 0x00C0...0x017F:
        folded.append(latinBase[scalar] ?? scalar)
      case 0x064B...0x065F, 0x0670, 0x0640:
        continue  // Arabic vowel marks (harakat), the superscript alef, the tatweel
      case 0x0622, 0x0623, 0x0625, 0x0671:
        folded.append("\u{0627}")  // آ أ إ ٱ → ا
      case 0x0649:
        folded.append("\u{064A}")  // ى → ي
      default:
        folded.append(scalar)
      }
    }
    return String(folded)
  }

  /// Accented lower-case Latin letters (Latin-1 Supplement and Latin Extended-A) by base letter.
  private static let latinBase: [Unicode.Scalar: Unicode.Scalar] = {
    let accented: [(Unicode.Scalar, String)] = [
      ("a", "àáâãäåāăą"), ("c", "çćĉċč"), ("d", "ď"), ("e", "èéêëēĕėęě"), ("g", "ĝğġģ"), ("h", "ĥ"),
      ("i", "ìíîïĩīĭį"), ("j", "ĵ"), ("k", "ķ"), ("l", "ĺļľ"), ("n", "ñńņň"), ("o", "òóôõöōŏő"),
      ("r", "ŕŗř"), ("s", "śŝşš"), ("t", "ţť"), ("u", "ùúûüũūŭůűų"), ("w", "ŵ"), ("y", "ýÿŷ"), ("z", "źżž"),
    ]
    var table: [Unicode.Scalar: Unicode.Scalar] = [:]
    for (base, letters) in accented {
      for letter in letters.unicodeScalars { table[letter] = base }
    }
    return table
  }()
}
