#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// One participant's scores for the standards: a ballot file holds one (the `cpms ballot` sheet) or
/// several (a long sheet with a participant column, or a KoboToolbox / ODK export, one row each).
public struct Ballot: Sendable, Equatable {
  public struct Score: Sendable, Equatable {
    public var standard: StandardNumber
    /// 0 to 5 in whole or half points; nil when the row was left unscored.
    public var value: Double?
    public var line: Int
    /// The title written on the row, when the sheet has a title column (participants edit sheets).
    public var title: String?
    /// What the participant wrote about this standard.
    public var comment: String?

    public init(
      standard: StandardNumber, value: Double?, line: Int, title: String? = nil, comment: String? = nil
    ) {
      self.standard = standard
      self.value = value
      self.line = line
      self.title = title
      self.comment = comment
    }
  }

  /// The file the ballot was read from, used in messages (a path, or `<stdin>`).
  public var source: String
  /// The participant's name as written in the ballot; nil when the sheet has none.
  public var participant: String?
  /// The line the ballot starts on: its first row.
  public var line: Int
  public var scores: [Score]
  /// How the sheet was laid out (said back to the user, since it is detected).
  public var layout: BallotLayout
  /// Notes written on the sheet's `#` rows; a sheet of several participants carries them on its first.
  public var notes: [BallotFile.Note]

  public init(
    source: String, participant: String? = nil, line: Int = 1, scores: [Score], layout: BallotLayout = .long,
    notes: [BallotFile.Note] = []
  ) {
    self.source = source
    self.participant = participant
    self.line = line
    self.scores = scores
    self.layout = layout
    self.notes = notes
  }

  /// Scores run from 0 (not a priority) to 5 (top priority) in steps of a half point.
  public static let scoreRange = 0.0...5.0
  public static let scoreStep = 0.5

  /// A ballot is a small spreadsheet (28 rows, or a few thousand when a file gathers many participants);
  /// a larger file, or one with more lines, is refused before it is parsed, so that a hostile file cannot
  /// make the reader build millions of rows. Callers can stop reading one byte past `maxFileSize`.
  public static let maxFileSize = 8 * 1024 * 1024
  public static let maxLines = 100_000

  /// A score as a participant or a form wrote it: a whole or half point from 0 to 5, with a decimal
  /// point or a decimal comma ("4.5", "4,5") whatever the file's delimiter. Empty is unscored (nil);
  /// anything else is a problem, described for the message.
  static func score(_ text: String) -> Result<Double?, ScoreProblem> {
    if text.isEmpty { return .success(nil) }
    let normalized =
      text.utf8.contains(UInt8(ascii: ",")) ? String(text.map { $0 == "," ? "." : $0 }) : text
    guard let number = Target.plainNumber(normalized), scoreRange.contains(number) else {
      return .failure(.notANumber)
    }
    guard (number / scoreStep).rounded() == number / scoreStep else { return .failure(.notAHalfPoint) }
    return .success(number)
  }

  enum ScoreProblem: Error {
    case notANumber
    case notAHalfPoint
  }

  /// A ballot that cannot be read: the diagnostic names the file and, when known, the line.
  static func failure(_ rule: String, source: String, line: Int?, message: String) -> Diagnostic {
    Diagnostic(.error, rule: rule, message: message, location: DiagnosticLocation(file: source, line: line))
  }
}
