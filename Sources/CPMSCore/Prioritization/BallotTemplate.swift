/// A ready-to-fill ballot: every standard with its pillar and title, then the key questions as
/// comment rows (`#` in the first column), which the reader keeps apart from the scores.
public enum BallotTemplate {
  public static func csv(catalog: Catalog, delimiter: Character = ",") -> String {
    let d = String(delimiter)
    func row(_ cells: [String]) -> String {
      cells.map { CSV.field($0, delimiter: delimiter) }.joined(separator: d) + "\r\n"
    }
    var out = row(["standard", "pillar", "title", "score", "participant", "comment"])
    for number in StandardNumber.all {
      out += row([number.description, String(catalog.pillarNumber(of: number)), catalog.title(of: number), "", "", ""])
    }
    for line in noteLineList(catalog: catalog) { out += row(["# " + line]) }
    return out
  }

  /// The template's own `#` rows (without the `#`), so a returned sheet's notes leave them out.
  public static func noteLines(catalog: Catalog) -> Set<String> {
    // The first line as cpms 1.0 wrote it, so sheets made then are read the same way.
    Set(
      noteLineList(catalog: catalog) + [
        "Score each standard from 0 (not a priority) to 5 (top priority); leave it empty if unsure."
      ])
  }

  static func noteLineList(catalog: Catalog) -> [String] {
    [
      "Score each standard from 0 (not a priority) to 5 (top priority), in whole or half points; leave it "
        + "empty if unsure.",
      "Weigh these key questions (a summary of the CPMS coordination guide):",
    ] + catalog.guide.keyQuestions.map { "\($0.number). \($0.text)" }
  }
}
