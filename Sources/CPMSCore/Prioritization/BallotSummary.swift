/// What the ballots say besides their scores: who was counted, what they wrote, how the files were
/// read, and how far the group agrees. Shown next to the ranking and kept in the JSON output.
public struct BallotSummary: Sendable, Equatable, Encodable {
  /// One ballot file and how it was read.
  public struct File: Sendable, Equatable, Encodable {
    public var path: String
    public var layout: BallotLayout
    public var ballots: Int
  }

  /// A participant's comment on one standard, or a note on the sheet (`standard` nil).
  public struct Comment: Sendable, Equatable, Encodable {
    public var participant: String
    public var standard: StandardNumber?
    public var text: String
    public var file: String
    public var line: Int
  }

  public var files: [File]
  /// Every ballot counted: the participant's name, or "participant N".
  public var participants: [String]
  public var comments: [Comment]
  public var agreement: GroupAgreement
  /// What decides the ranking order.
  public var rankedBy: RankOrder

  public init(_ ballots: [Ballot], catalog: Catalog, rankedBy: RankOrder) {
    var files: [File] = []
    for ballot in ballots {
      if let index = files.firstIndex(where: { $0.path == ballot.source }) {
        files[index].ballots += 1
      } else {
        files.append(File(path: ballot.source, layout: ballot.layout, ballots: 1))
      }
    }
    self.files = files
    participants = BallotChecks.roster(ballots, language: catalog.language)
    let templateLines = BallotTemplate.noteLines(catalog: catalog)
    var comments: [Comment] = []
    for (ballot, name) in zip(ballots, participants) {
      for note in ballot.notes where !templateLines.contains(note.text) {
        comments.append(
          Comment(participant: name, standard: nil, text: note.text, file: ballot.source, line: note.line))
      }
      for score in ballot.scores {
        guard let text = score.comment else { continue }
        comments.append(
          Comment(participant: name, standard: score.standard, text: text, file: ballot.source, line: score.line))
      }
    }
    self.comments = comments
    agreement = GroupAgreement(ballots)
    self.rankedBy = rankedBy
  }

  /// The comments about one standard, in ballot order.
  public func comments(on standard: StandardNumber) -> [Comment] {
    comments.filter { $0.standard == standard }
  }
}
