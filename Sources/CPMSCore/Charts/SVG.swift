/// Writes SVG by hand: escaping for text and attributes, and numbers written the same way on every
/// machine, so a chart is the same bytes for the same input and hostile text stays text.
enum SVG {
  /// Text safe in content and attributes, on one line.
  static func escape(_ text: String) -> String { XML.escape(text, keepingLineBreaks: false) }

  /// A chart as an HTML page carries it inline: without the namespace, which HTML does not need, so
  /// the page names no address at all.
  static func inline(_ svg: String) -> String {
    svg.replacing(#" xmlns="http://www.w3.org/2000/svg""#, with: "")
  }

  /// A coordinate with at most one decimal, without a trailing ".0".
  static func number(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    let sign = tenths < 0 ? "-" : ""
    let magnitude = abs(tenths)
    return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
  }

  /// `text` cut to `limit` characters with "…", for a label that must fit its column.
  static func shortened(_ text: String, to limit: Int) -> String {
    text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
  }

  /// The opening of a standalone, accessible chart: `title` and `desc` are what a screen reader and a
  /// search find; the style uses the system's sans-serif fonts (nothing is fetched). A chart in another
  /// language than English says which (`xml:lang`), and an Arabic one sets `direction="rtl"`, which every
  /// text inherits, so text anchored at its start grows leftwards from a mirrored x.
  static func open(
    id: String, width: Int, height: Int, title: String, description: String, language: Language = .en
  ) -> String {
    var languageAttributes = language == .en ? "" : #" xml:lang="\#(language.rawValue)""#
    // The style too: a page that sets its charts' direction in CSS would otherwise override the
    // attribute and push the mirrored labels off the right edge.
    if language.isRightToLeft { languageAttributes += #" direction="rtl" style="direction: rtl""# }
    return """
      <svg xmlns="http://www.w3.org/2000/svg" id="\(escape(id))" viewBox="0 0 \(width) \(height)" \
      width="\(width)" height="\(height)" role="img" aria-labelledby="\(escape(id))-title \(escape(id))-desc" \
      font-family="DejaVu Sans, Arial, Helvetica, sans-serif" font-size="12"\(languageAttributes)>
      <title id="\(escape(id))-title">\(escape(title))</title>
      <desc id="\(escape(id))-desc">\(escape(description))</desc>

      """
  }
}

/// Where things go on a chart of `width` in the reading direction of its language: layouts are written
/// left to right, and in Arabic every x is mirrored, so labels sit at the right and bars and scales grow
/// leftwards.
struct ChartFrame {
  let width: Int
  let rightToLeft: Bool

  init(width: Int, language: Language) {
    self.width = width
    rightToLeft = language.isRightToLeft
  }

  /// The x of a point written left to right.
  func x(_ x: Double) -> Double { rightToLeft ? Double(width) - x : x }
  func x(_ x: Int) -> Int { rightToLeft ? width - x : x }

  /// The left edge of a box that starts at `x` and is `length` wide when read left to right.
  func left(_ x: Double, length: Double) -> Double { rightToLeft ? Double(width) - x - length : x }
  func left(_ x: Int, length: Int) -> Int { rightToLeft ? width - x - length : x }

  /// A name inside a right-to-left label keeps its own direction: in Arabic it is set between Unicode's
  /// first-strong isolate and its closing mark, so "Case management…" or a closing period stays with
  /// its text; elsewhere it is returned as given.
  func isolated(_ text: String) -> String { rightToLeft ? "\u{2068}" + text + "\u{2069}" : text }

  /// "13.L1 Number of…": the id, left to right, then its text, each isolated in Arabic, so the id stays
  /// first (at the right) and reads as written.
  func label(id: String, _ text: String) -> String {
    rightToLeft ? "\u{2066}" + id + "\u{2069} " + isolated(text) : id + " " + text
  }
}
