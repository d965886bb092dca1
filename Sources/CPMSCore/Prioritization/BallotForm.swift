/// The ballot as an XLSForm, for KoboToolbox and ODK: a name question, then one 0–5 question per
/// standard (grouped by pillar, with a "not scored" choice) and an optional comment on each, the key
/// questions as a note. Its exports are read back by `--ballot` (wide layout) with no editing.
public enum BallotForm {
  public static let formID = "cpms_ballot"
  public static let scoreList = "cpms_score"

  /// The question name of a standard's score: `standard_01`…`standard_28`, as the export's columns.
  public static func scoreName(_ number: StandardNumber) -> String {
    "standard_\(number.value < 10 ? "0" : "")\(number)"
  }

  public static func commentName(_ number: StandardNumber) -> String {
    "comment_\(number.value < 10 ? "0" : "")\(number)"
  }

  /// The three sheets: survey, choices, settings, with a label (and hint) column per language so one
  /// form serves a mixed group; `catalogs` gives the standards' titles in each language, the first
  /// being the form's default. `version` identifies this form's revision.
  public static func sheets(catalogs: [Catalog], version: String) -> [XLSXWorkbook.Sheet] {
    let languages = catalogs.map(\.language)
    func labels(_ text: (Catalog) -> String) -> [String] { catalogs.map(text) }
    func words(_ key: String, _ values: CustomStringConvertible...) -> [String] {
      languages.map { Interface($0).text(key, values) }
    }
    let blank = [String](repeating: "", count: languages.count)
    var survey: [[String]] = [
      ["type", "name"] + languages.map { "label::\($0.xlsformName)" } + languages.map { "hint::\($0.xlsformName)" }
        + ["required", "hxl"]
    ]
    survey.append(
      ["text", "participant"] + words("form.participant") + words("form.participantHint") + ["yes", "#contact+name"])
    let note = catalogs.map { catalog in
      catalog.interface("form.note") + "\n"
        + catalog.guide.keyQuestions.map { "\($0.number). \($0.text)" }.joined(separator: "\n")
        + (catalog.translationNotice.map { "\n\n" + $0 } ?? "")
    }
    survey.append(["note", "key_questions"] + note + blank + ["", ""])
    for pillar in catalogs[0].pillars {
      let titles = labels { $0.interface("pillar.heading", pillar.number, $0.pillar(pillar.number)?.title ?? "") }
      survey.append(["begin_group", "pillar_\(pillar.number)"] + titles + blank + ["", ""])
      for number in StandardNumber.all where pillar.standardNumbers.contains(number.value) {
        survey.append(
          ["select_one \(scoreList)", scoreName(number)] + labels { "\(number). \($0.title(of: number))" }
            + words("form.scoreHint") + ["yes", "#indicator+num+s\(number)"])
        survey.append(
          ["text", commentName(number)] + words("form.comment", number) + blank + [
            "", "#description+comment+s\(number)",
          ])
      }
      survey.append(["end_group", ""] + blank + blank + ["", ""])
    }
    var choices: [[String]] = [["list_name", "name"] + languages.map { "label::\($0.xlsformName)" }]
    choices.append([scoreList, "0"] + words("form.choice0"))
    for value in 1...4 { choices.append([scoreList, String(value)] + blank.map { _ in String(value) }) }
    choices.append([scoreList, "5"] + words("form.choice5"))
    choices.append([scoreList, "not_scored"] + words("form.notScored"))
    let settings = [
      ["form_title", "form_id", "version", "default_language"],
      [Interface(languages[0])("form.title"), formID, version, languages[0].xlsformName],
    ]
    return [
      XLSXWorkbook.Sheet(name: "survey", rows: survey), XLSXWorkbook.Sheet(name: "choices", rows: choices),
      XLSXWorkbook.Sheet(name: "settings", rows: settings),
    ]
  }

  public static func xlsx(catalogs: [Catalog], version: String) -> [UInt8] {
    XLSXWorkbook(sheets: sheets(catalogs: catalogs, version: version)).bytes
  }
}
