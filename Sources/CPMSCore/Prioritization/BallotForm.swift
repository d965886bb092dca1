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

  /// The three sheets: survey, choices, settings. `version` identifies this form's revision.
  public static func sheets(catalog: Catalog, version: String) -> [XLSXWorkbook.Sheet] {
    var survey: [[String]] = [["type", "name", "label", "hint", "required", "hxl"]]
    survey.append([
      "text", "participant", "Participant (your name, or your agency's if you vote for it)",
      "Each participant fills one form; the same name twice is counted once.", "yes", "#contact+name",
    ])
    let questions = catalog.guide.keyQuestions.map { "\($0.number). \($0.text)" }.joined(separator: "\n")
    survey.append([
      "note", "key_questions",
      "Score each standard from 0 (not a priority) to 5 (top priority), or choose 'Not scored'. Weigh these "
        + "key questions:\n" + questions, "", "", "",
    ])
    for pillar in catalog.pillars {
      survey.append(["begin_group", "pillar_\(pillar.number)", "Pillar \(pillar.number): \(pillar.title)", "", "", ""])
      for number in StandardNumber.all where pillar.standardNumbers.contains(number.value) {
        survey.append([
          "select_one \(scoreList)", scoreName(number), "\(number). \(catalog.title(of: number))",
          "0 = not a priority, 5 = top priority", "yes", "#indicator+num+s\(number)",
        ])
        survey.append([
          "text", commentName(number), "Comment on standard \(number) (optional)", "", "",
          "#description+comment+s\(number)",
        ])
      }
      survey.append(["end_group", "", "", "", "", ""])
    }
    var choices: [[String]] = [["list_name", "name", "label"]]
    let labels = ["0 – not a priority", "1", "2", "3", "4", "5 – top priority"]
    for (value, label) in labels.enumerated() { choices.append([scoreList, String(value), label]) }
    choices.append([scoreList, "not_scored", "Not scored"])
    let settings = [
      ["form_title", "form_id", "version"], ["CPMS priority standards ballot", formID, version],
    ]
    return [
      XLSXWorkbook.Sheet(name: "survey", rows: survey), XLSXWorkbook.Sheet(name: "choices", rows: choices),
      XLSXWorkbook.Sheet(name: "settings", rows: settings),
    ]
  }

  public static func xlsx(catalog: Catalog, version: String) -> [UInt8] {
    XLSXWorkbook(sheets: sheets(catalog: catalog, version: version)).bytes
  }
}
