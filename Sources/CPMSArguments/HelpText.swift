import CPMSCore

/// Help in swift-argument-parser's layout: OVERVIEW, USAGE, ARGUMENTS, OPTIONS, SUBCOMMANDS,
/// entries indented 2 with descriptions in a column at 26. The specs hold the English; the other
/// languages come from Data/i18n/interface/ under `help.*` keys (`HelpText.keys` lists them).
public enum HelpText {
  public static func render(
    _ spec: CommandSpec, subcommands: [CommandSpec] = [], width: Int, language: Language = .en
  ) -> String {
    let layout = TextLayout(width: width)
    let t = Interface(language)
    let words = HelpWords(language)
    var blocks = [layout.wrap(t("help.label", t("help.overview")) + words.abstract(spec))]
    if let discussion = words.discussion(spec) {
      let lines = discussion.split(separator: "\n", omittingEmptySubsequences: false)
      blocks.append(lines.map { discussionLine($0, layout: layout) }.joined(separator: "\n"))
    }
    let usage = subcommands.isEmpty ? spec.usage : "cpms <subcommand>"
    let usageLabel = t("help.label", t("help.usage"))
    blocks.append(layout.wrap(usageLabel + usage, hanging: String(repeating: " ", count: usageLabel.count)))
    if !spec.arguments.isEmpty {
      let entries = spec.arguments.map { argument in
        (
          "<\(argument.name)>" + (argument.repeating ? " ..." : ""), words.help(argument, of: spec)
        )
      }
      blocks.append(section(t("help.arguments"), entries, layout, t))
    }
    let options = spec.allOptions.map { option -> (String, String) in
      var help = words.help(option, of: spec)
      if let value = option.defaultValue { help += " " + t("help.default", value) }
      return (option.label, help)
    }
    blocks.append(section(t("help.options"), options, layout, t))
    if !subcommands.isEmpty {
      let entries =
        subcommands.map { ($0.name, words.abstract($0)) } + [
          ("help", t("help.helpCommand"))
        ]
      blocks.append(section(t("help.subcommands"), entries, layout, t))
      blocks.append("  " + t("help.seeHelp"))
    }
    return blocks.joined(separator: "\n\n") + "\n"
  }

  /// Every help text of `specs` with its key, for the tests and for translators.
  public static func keys(_ specs: [CommandSpec], root: CommandSpec) -> [(key: String, english: String)] {
    var keys: [(String, String)] = []
    for spec in [root] + specs {
      keys.append((HelpWords.key(spec, "abstract"), spec.abstract))
      if let discussion = spec.discussion { keys.append((HelpWords.key(spec, "discussion"), discussion)) }
      for argument in spec.arguments { keys.append((HelpWords.key(spec, "argument.\(argument.name)"), argument.help)) }
      for option in spec.options { keys.append((HelpWords.key(option, of: spec), option.help)) }
    }
    for option in CommandSpec.standardOptions { keys.append((HelpWords.key(option, of: root), option.help)) }
    return keys
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

  static func section(_ title: String, _ entries: [(String, String)], _ layout: TextLayout, _ t: Interface) -> String {
    let column = 26
    let label = t("help.label", title)
    var lines = [label.hasSuffix(" ") ? String(label.dropLast()) : label]
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
