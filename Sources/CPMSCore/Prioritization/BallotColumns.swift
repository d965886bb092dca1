/// What each column of a ballot sheet's header holds, for both layouts. Headers are matched without
/// regard to case, and a data-collection tool's group prefix (`pillar_3/standard_18` from
/// KoboToolbox, `pillar_3-standard_18` from ODK Central) is ignored.
struct BallotColumns {
  var standard: Int?
  var score: Int?
  var participant: Int?
  var title: Int?
  var comment: Int?
  /// Wide layout: the column holding each standard's score, in the header's order.
  var wideScores: [(column: Int, standard: StandardNumber)] = []
  /// Wide layout: the column holding each standard's comment.
  var wideComments: [StandardNumber: Int] = [:]

  /// Columns that KoboToolbox and ODK add to every export; never a score.
  static let metadata: Set<String> = [
    "start", "end", "today", "deviceid", "_id", "_uuid", "_submission_time", "_validation_status", "_notes",
    "_status", "_submitted_by", "__version__", "_tags", "_index", "_parent_table_name", "_parent_index",
    "_submission__uuid", "submissiondate", "key", "instanceid", "meta/instanceid", "meta-instanceid",
    "submitterid", "submittername", "attachmentspresent", "attachmentsexpected", "status", "reviewstate",
    "deviceid", "edits", "formversion", "version",
  ]

  init(_ header: [String]) {
    for (index, raw) in header.enumerated() {
      let full = raw.trimmingWhitespace().lowercased()
      let name = BallotColumns.lastSegment(full)
      switch name {
      // The template's names in each language it is written in.
      case "standard", "norma", "المعيار": standard = standard ?? index
      case "score", "note", "puntuación", "puntuacion", "التقييم": score = score ?? index
      // The template's English names, and the French and Spanish ones groups write on translated sheets.
      case "participant", "participant_name", "name", "your_name", "participante", "nom", "nombre", "المشارك":
        participant = participant ?? index
      case "title", "titre", "título", "titulo", "العنوان": title = title ?? index
      case "comment", "comments", "commentaire", "commentaires", "comentario", "comentarios", "تعليق":
        comment = comment ?? index
      default:
        if BallotColumns.metadata.contains(full) || BallotColumns.metadata.contains(name) { continue }
        if let number = BallotColumns.standardNumber(inComment: name) {
          wideComments[number] = wideComments[number] ?? index
        } else if let number = BallotColumns.standardNumber(inScore: name) {
          if !wideScores.contains(where: { $0.standard == number }) { wideScores.append((index, number)) }
        } else if participant == nil && name.contains("participant") {
          participant = index
        }
      }
    }
  }

  /// `pillar_3/standard_18` → `standard_18`; ODK Central's `-` separator is taken only where what
  /// follows it names a standard, since `-` also appears inside labels.
  static func lastSegment(_ name: String) -> String {
    if let slash = name.lastIndex(of: "/") { return String(name[name.index(after: slash)...]) }
    if let dash = name.lastIndex(of: "-") {
      let rest = String(name[name.index(after: dash)...])
      if standardNumber(inScore: rest) != nil || standardNumber(inComment: rest) != nil { return rest }
    }
    return name
  }

  /// A score column's standard: `standard_18`, `standard18`, `standard 18`, `s18`, `s_18`, `std_18`,
  /// `18`, or a label export's `18. Case management` / `Standard 18: Case management`.
  static func standardNumber(inScore name: String) -> StandardNumber? {
    var rest = Substring(name)
    for prefix in ["standard", "std", "s"] where rest.hasPrefix(prefix) {
      rest = rest.dropFirst(prefix.count)
      break
    }
    rest = rest.drop { $0 == "_" || $0 == " " }
    let digits = rest.prefix { $0.isASCII && $0.isNumber }
    guard (1...2).contains(digits.count), let value = Int(digits) else { return nil }
    let after = rest.dropFirst(digits.count)
    // Digits alone, or digits followed by a label's punctuation ("18. …", "18: …", "18 …").
    guard after.isEmpty || after.first == "." || after.first == ":" || after.first == " " || after.first == ")"
    else { return nil }
    // A label must still look like one: "18. Case management", not "2026 budget".
    if name.first?.isNumber == true && !after.isEmpty && digits.count > 2 { return nil }
    return StandardNumber(value)
  }

  /// A comment column's standard: `comment_18`, `comment18`, `comment 18`, `comment on standard 18`.
  static func standardNumber(inComment name: String) -> StandardNumber? {
    guard name.hasPrefix("comment") else { return nil }
    var rest = name.dropFirst("comment".count).drop { $0 == "_" || $0 == " " }
    if rest.hasPrefix("on") { rest = rest.dropFirst(2).drop { $0 == "_" || $0 == " " } }
    if rest.hasPrefix("standard") { rest = rest.dropFirst("standard".count).drop { $0 == "_" || $0 == " " } }
    let digits = rest.prefix { $0.isASCII && $0.isNumber }
    guard (1...2).contains(digits.count), let value = Int(digits) else { return nil }
    return StandardNumber(value)
  }

  /// A score as a form exports it: the value itself (`4`, `4.5`), the "not scored" choice (empty), or a
  /// label export's `4 – high priority` (its leading number).
  static func scoreValue(_ text: String) -> String {
    let lowered = text.lowercased()
    if lowered == "not_scored" || lowered == "not scored" || lowered == "n/a" { return "" }
    let number = text.prefix { $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }
    if !number.isEmpty && number.count < text.count {
      let after = text.dropFirst(number.count).first
      if after == " " || after == "-" || after == "–" { return String(number) }
    }
    return text
  }
}
