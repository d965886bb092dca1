import CPMSCore

/// Help in swift-argument-parser's layout: OVERVIEW, USAGE, ARGUMENTS, OPTIONS, SUBCOMMANDS,
/// entries indented 2 with descriptions in a column at 26.
public enum HelpText {
  public static func render(_ spec: CommandSpec, subcommands: [CommandSpec] = [], width: Int) -> String {
    let layout = TextLayout(width: width)
    var blocks = [layout.wrap("OVERVIEW: " + spec.abstract)]
    if let discussion = spec.discussion {
      let lines = discussion.split(separator: "\n", omittingEmptySubsequences: false)
      blocks.append(lines.map { discussionLine($0, layout: layout) }.joined(separator: "\n"))
    }
    let usage = subcommands.isEmpty ? spec.usage : "cpms <subcommand>"
    blocks.append(layout.wrap("USAGE: " + usage, hanging: "       "))
    if !spec.arguments.isEmpty {
      blocks.append(
        section("ARGUMENTS", spec.arguments.map { ("<\($0.name)>" + ($0.repeating ? " ..." : ""), $0.help) }, layout))
    }
    let options = spec.allOptions.map { option -> (String, String) in
      var help = option.help
      if let value = option.defaultValue { help += " (default: \(value))" }
      return (option.label, help)
    }
    blocks.append(section("OPTIONS", options, layout))
    if !subcommands.isEmpty {
      let entries = subcommands.map { ($0.name, $0.abstract) } + [("help", "Show subcommand help information.")]
      blocks.append(section("SUBCOMMANDS", entries, layout))
      blocks.append("  See 'cpms help <subcommand>' for detailed help.")
    }
    return blocks.joined(separator: "\n\n") + "\n"
  }

  /// A discussion line keeps its indentation, and a two-column line ("plan    4 to 10 …") keeps its
  /// columns: continuation lines align with the second column.
  static func discussionLine(_ line: Substring, layout: TextLayout) -> String {
    if line.isEmpty { return "" }
    let indent = line.prefix { $0 == " " }
    let rest = line.dropFirst(indent.count)
    if !indent.isEmpty, let gap = rest.firstRange(of: "  ") {
      let afterGap = rest[gap.upperBound...].drop { $0 == " " }
      let lead = String(line[..<afterGap.startIndex])
      return layout.wrap(String(afterGap), indent: lead, hanging: String(repeating: " ", count: lead.count))
    }
    return layout.wrap(String(rest), indent: String(indent), hanging: String(indent))
  }

  static func section(_ title: String, _ entries: [(String, String)], _ layout: TextLayout) -> String {
    let column = 26
    var lines = [title + ":"]
    for (label, help) in entries {
      let entry = "  " + label
      if entry.count <= column - 2 {
        let padded = entry + String(repeating: " ", count: column - entry.count)
        lines.append(layout.wrap(help, indent: padded, hanging: String(repeating: " ", count: column)))
      } else {
        lines.append(entry)
        lines.append(layout.wrap(help, indent: String(repeating: " ", count: column)))
      }
    }
    return lines.joined(separator: "\n")
  }
}
