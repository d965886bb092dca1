/// Wraps text for a terminal or projector, so output stays readable at 80 columns.
public struct TextLayout: Sendable {
  public var width: Int

  public init(width: Int = 80) {
    self.width = max(40, width)
  }

  /// Wraps `text` with `indent` on the first line and `hanging` on the following ones.
  public func wrap(_ text: String, indent: String = "", hanging: String? = nil) -> String {
    let rest = hanging ?? indent
    var lines: [String] = []
    var line = indent
    var lineHasWord = false
    for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
      if lineHasWord && line.count + 1 + word.count > width {
        lines.append(line)
        line = rest + word
      } else {
        line += (lineHasWord ? " " : "") + word
      }
      lineHasWord = true
    }
    lines.append(line)
    return lines.joined(separator: "\n")
  }

  /// `label` in a column of `labelWidth`, then the wrapped text aligned after it.
  public func labelled(_ label: String, _ text: String, indent: Int = 2, labelWidth: Int) -> String {
    let padded = String(repeating: " ", count: indent) + label
    let column = max(padded.count + 1, indent + labelWidth)
    let first = padded + String(repeating: " ", count: column - padded.count)
    return wrap(text, indent: first, hanging: String(repeating: " ", count: column))
  }

  /// A heading, wrapped, underlined to the length of its longest line.
  public func heading(_ text: String, underline: Character = "=") -> String {
    let wrapped = wrap(text)
    let longest = wrapped.split(separator: "\n").map(\.count).max() ?? 0
    return wrapped + "\n" + String(repeating: underline, count: min(longest, width))
  }
}
