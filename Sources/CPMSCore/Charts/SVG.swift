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
  /// search find; the style uses the system's sans-serif fonts (nothing is fetched).
  static func open(id: String, width: Int, height: Int, title: String, description: String) -> String {
    """
    <svg xmlns="http://www.w3.org/2000/svg" id="\(escape(id))" viewBox="0 0 \(width) \(height)" \
    width="\(width)" height="\(height)" role="img" aria-labelledby="\(escape(id))-title \(escape(id))-desc" \
    font-family="DejaVu Sans, Arial, Helvetica, sans-serif" font-size="12">
    <title id="\(escape(id))-title">\(escape(title))</title>
    <desc id="\(escape(id))-desc">\(escape(description))</desc>

    """
  }
}
