/// A ready-to-fill ballot: every standard with its pillar and title, then the key questions as
/// comment rows (`#` in the first column), which `Ballot.parse` skips.
public enum BallotTemplate {
  public static func csv(catalog: Catalog, delimiter: Character = ",") -> String {
    let d = String(delimiter)
    func row(_ cells: [String]) -> String {
      cells.map { CSV.field($0, delimiter: delimiter) }.joined(separator: d) + "\r\n"
    }
    var out = row(["standard", "pillar", "title", "score", "participant", "comment"])
    for number in Catalog.standardNumbers {
      let pillar = catalog.pillarNumber(ofStandard: number).map(String.init) ?? ""
      out += row([String(number), pillar, catalog.standardTitle(number) ?? "", "", "", ""])
    }
    out += row(["# Score each standard from 0 (not a priority) to 5 (top priority); leave it empty if unsure."])
    out += row(["# Weigh these key questions (a summary of the CPMS coordination guide):"])
    for question in catalog.guide.keyQuestions {
      out += row(["# \(question.number). \(question.text)"])
    }
    return out
  }
}
