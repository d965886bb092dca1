/// The checks a set of ballot files gets before its scores are counted, so that every voice counts
/// once and no answer comes from nothing: the same file twice, the same participant twice, the same
/// standard twice in one ballot, no score at all; and a title that does not match its number.
public enum BallotChecks {
  public static let noScores = "no-scores"
  public static let duplicateFile = "duplicate-ballot-file"
  public static let duplicateParticipant = "duplicate-participant"
  public static let repeatedStandard = "repeated-standard"
  public static let titleMismatch = "ballot-title"

  /// Errors and warnings, each located at the file and line to fix (and naming the other place for a
  /// duplicate). `allowDuplicateParticipants` is for groups that vote once per agency under one name.
  /// Messages are in `language`, which may differ from the catalog's (a context file in one language
  /// read by a coordinator who works in another).
  public static func diagnostics(
    _ files: [BallotFile], catalog: Catalog, allowDuplicateParticipants: Bool = false, language: Language = .en
  ) -> [Diagnostic] {
    let t = Interface(language)
    var found: [Diagnostic] = []
    func add(_ severity: Severity, _ rule: String, _ message: String, file: String, line: Int?, standard: Int? = nil) {
      found.append(
        Diagnostic(
          severity, rule: rule, message: message, location: DiagnosticLocation(file: file, line: line),
          standard: standard))
    }
    var firstFileByDigest: [UInt64: String] = [:]
    for file in files {
      if let first = firstFileByDigest[file.digest] {
        add(
          .error, duplicateFile, t("ballot.duplicateFile", Excerpt.of(first, limit: 200)), file: file.source, line: nil)
      } else {
        firstFileByDigest[file.digest] = file.source
      }
    }
    let counted = files.filter { firstFileByDigest[$0.digest] == $0.source }
    var firstBallotByName: [String: Ballot] = [:]
    for ballot in counted.flatMap(\.ballots) {
      if !allowDuplicateParticipants, let name = ballot.participant {
        let key = participantKey(name)
        if let first = firstBallotByName[key] {
          add(
            .error, duplicateParticipant,
            t("ballot.duplicateParticipant", Excerpt.of(name), "\(Excerpt.of(first.source, limit: 200)):\(first.line)"),
            file: ballot.source, line: ballot.line)
        } else {
          firstBallotByName[key] = ballot
        }
      }
      var firstLine: [StandardNumber: Int] = [:]
      for score in ballot.scores {
        if let line = firstLine[score.standard] {
          add(
            .error, repeatedStandard, t("ballot.repeatedStandard", score.standard, line), file: ballot.source,
            line: score.line, standard: score.standard.value)
        } else {
          firstLine[score.standard] = score.line
        }
        if let title = score.title, !titleMatches(title, standard: score.standard, catalog: catalog) {
          add(
            .warning, titleMismatch,
            t("ballot.titleMismatch", Excerpt.of(title), score.standard, catalog.title(of: score.standard)),
            file: ballot.source, line: score.line, standard: score.standard.value)
        }
      }
    }
    let scores = counted.flatMap(\.ballots).flatMap(\.scores).filter { $0.value != nil }.count
    if scores == 0 {
      let names = files.map { Excerpt.of($0.source, limit: 100) }
      let shown =
        names.prefix(5).joined(separator: t("list.comma"))
        + (names.count > 5 ? " " + t("ballot.andMoreFiles", names.count - 5) : "")
      found.append(Diagnostic(.error, rule: noScores, message: t.counted("ballot.noScores", files.count, shown)))
    }
    return found
  }

  /// Names compared as people read them: case and runs of spaces ignored.
  static func participantKey(_ name: String) -> String {
    name.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
  }

  /// A title matches when it is the standard's, ignoring case, spaces and accents, as the group shows
  /// it (contextualized) or as cpms writes it in any of its languages: a ballot made with
  /// `cpms ballot --lang fr`, or before the group renamed a standard, is still right. A shortened title
  /// ("Case mgmt") is worth a look, hence a warning rather than an error.
  static func titleMatches(_ written: String, standard: StandardNumber, catalog: Catalog) -> Bool {
    let writtenKey = titleKey(written)
    if writtenKey == titleKey(catalog.title(of: standard)) { return true }
    return Language.allCases.contains { language in
      guard case .success(let bundled) = Catalog.bundled(in: language) else { return false }
      return writtenKey == titleKey(bundled.title(of: standard))
    }
  }

  static func titleKey(_ text: String) -> String { TextFolding.fold(text).filter { $0.isLetter || $0.isNumber } }

  /// Every ballot with a name to show: the participant's, or "participant N" for the Nth ballot, in
  /// `language`.
  public static func roster(_ ballots: [Ballot], language: Language = .en) -> [String] {
    let t = Interface(language)
    return ballots.enumerated().map { index, ballot in ballot.participant ?? t("ballot.participantNumber", index + 1) }
  }
}
