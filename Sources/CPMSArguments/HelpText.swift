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
    func words(_ key: String, _ english: String) -> String { translated(key, english, language) }
    let command = spec.name.isEmpty ? "root" : spec.name
    var blocks = [layout.wrap(t("help.label", t("help.overview")) + words("help.\(command).abstract", spec.abstract))]
    if let discussion = spec.discussion {
      let lines = words("help.\(command).discussion", discussion).split(
        separator: "\n", omittingEmptySubsequences: false)
      blocks.append(lines.map { discussionLine($0, layout: layout) }.joined(separator: "\n"))
    }
    let usage = subcommands.isEmpty ? spec.usage : "cpms <subcommand>"
    let usageLabel = t("help.label", t("help.usage"))
    blocks.append(layout.wrap(usageLabel + usage, hanging: String(repeating: " ", count: usageLabel.count)))
    if !spec.arguments.isEmpty {
      let entries = spec.arguments.map { argument in
        (
          "<\(argument.name)>" + (argument.repeating ? " ..." : ""),
          words("help.\(command).argument.\(argument.name)", argument.help)
        )
      }
      blocks.append(section(t("help.arguments"), entries, layout, t))
    }
    let options = spec.allOptions.map { option -> (String, String) in
      let standard = CommandSpec.standardOptions.contains { $0.long == option.long }
      var help = words(standard ? "help.option.\(option.long)" : "help.\(command).option.\(option.long)", option.help)
      if let value = option.defaultValue { help += " " + t("help.default", value) }
      return (option.label, help)
    }
    blocks.append(section(t("help.options"), options, layout, t))
    if !subcommands.isEmpty {
      let entries =
        subcommands.map { ($0.name, words("help.\($0.name).abstract", $0.abstract)) } + [
          ("help", t("help.helpCommand"))
        ]
      blocks.append(section(t("help.subcommands"), entries, layout, t))
      blocks.append("  " + t("help.seeHelp"))
    }
    return blocks.joined(separator: "\n\n") + "\n"
  }

  /// The text of `key` in `language` when the table has it for the current English (a translation of
  /// an older English is not used), else the English.
  static func translated(_ key: String, _ english: String, _ language: Language) -> String {
    guard language != .en, Interface.text(key, in: .en) == english, let text = Interface.text(key, in: language)
    else { return english }
    return text
  }

  /// Every help text of `specs` with its key, for the tests and for translators.
  public static func keys(_ specs: [CommandSpec], root: CommandSpec) -> [(key: String, english: String)] {
    var keys: [(String, String)] = []
    for spec in [root] + specs {
      let command = spec.name.isEmpty ? "root" : spec.name
      keys.append(("help.\(command).abstract", spec.abstract))
      if let discussion = spec.discussion { keys.append(("help.\(command).discussion", discussion)) }
      for argument in spec.arguments { keys.append(("help.\(command).argument.\(argument.name)", argument.help)) }
      for option in spec.options { keys.append(("help.\(command).option.\(option.long)", option.help)) }
    }
    for option in CommandSpec.standardOptions { keys.append(("help.option.\(option.long)", option.help)) }
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
