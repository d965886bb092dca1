/// A ready-to-fill ballot in the catalog's language: every standard with its pillar and title, then the
/// key questions as comment rows (`#` in the first column), which the reader keeps apart from the scores.
public enum BallotTemplate {
  public static func csv(catalog: Catalog, delimiter: Character = ",") -> String {
    let t = catalog.interface
    let d = String(delimiter)
    func row(_ cells: [String]) -> String {
      cells.map { CSV.field($0, delimiter: delimiter) }.joined(separator: d) + "\r\n"
    }
    var out = row(
      ["csv.standard", "csv.pillar", "csv.title", "csv.score", "csv.participant", "csv.comment"].map { t($0) })
    for number in StandardNumber.all {
      out += row([number.description, String(catalog.pillarNumber(of: number)), catalog.title(of: number), "", "", ""])
    }
    for line in noteLineList(catalog: catalog) { out += row(["# " + line]) }
    return out
  }

  /// The template's own `#` rows (without the `#`) in every language, so a returned sheet's notes
  /// leave them out.
  public static func noteLines(catalog: Catalog) -> Set<String> {
    var lines = Set(noteLineList(catalog: catalog))
    for language in Language.allCases {
      lines.insert(Interface(language)("csv.instructions"))
      lines.insert(Interface(language)("csv.keyQuestions"))
    }
    // The first line as cpms 1.0 wrote it, so sheets made then are read the same way.
    lines.insert("Score each standard from 0 (not a priority) to 5 (top priority); leave it empty if unsure.")
    return lines
  }

  static func noteLineList(catalog: Catalog) -> [String] {
    [catalog.interface("csv.instructions"), catalog.interface("csv.keyQuestions")]
      + catalog.guide.keyQuestions.map { "\($0.number). \($0.text)" }
      + [catalog.translationNotice].compactMap { $0 }
  }
}
