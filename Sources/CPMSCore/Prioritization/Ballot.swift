#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// One participant's (or one spreadsheet's) scores for the standards.
public struct Ballot: Sendable, Equatable {
  public struct Score: Sendable, Equatable {
    public var standard: StandardNumber
    /// 0 to 5; nil when the row was left unscored.
    public var value: Double?
    public var line: Int
  }

  /// The name the ballot was read from, used in messages (a path, or `-` for stdin).
  public var source: String
  public var scores: [Score]

  public init(source: String, scores: [Score]) {
    self.source = source
    self.scores = scores
  }

  public static let scoreRange = 0.0...5.0

  /// A ballot is a small spreadsheet (28 rows, or a few thousand when a file gathers many participants);
  /// a larger file, or one with more lines, is refused before it is parsed, so that a hostile file cannot
  /// make the reader build millions of rows. Callers can stop reading one byte past `maxFileSize`.
  public static let maxFileSize = 8 * 1024 * 1024
  public static let maxLines = 100_000
}

extension Ballot {
  /// Reads a ballot as spreadsheets export it: a header with `standard` and `score` columns (any case,
  /// other columns ignored), comma or semicolon delimiter, optional BOM, CRLF or LF, RFC 4180 quotes.
  /// Rows whose first cell starts with `#` (comments, HXL tags) and empty rows are skipped.
  public static func parse(csv data: [UInt8], source: String) throws(Diagnostic) -> Ballot {
    guard data.count <= maxFileSize else {
      throw failure(
        "ballot-too-large",
        source: source, line: nil,
        message: "the file is larger than \(maxFileSize / 1_048_576) MB, far more than a ballot (one row per "
          + "standard); check that this is the right file")
    }
    // Counting both line ends covers LF, CRLF and old Mac CR files alike.
    var (lineFeeds, carriageReturns) = (0, 0)
    for byte in data {
      if byte == 0x0A { lineFeeds += 1 } else if byte == 0x0D { carriageReturns += 1 }
    }
    guard max(lineFeeds, carriageReturns) < maxLines else {
      throw failure(
        "ballot-too-many-lines",
        source: source, line: nil,
        message: "the file has more than \(maxLines) lines, far more than a ballot (one row per standard); "
          + "check that this is the right file")
    }
    guard
      let text = String(
        validating: data.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(data.dropFirst(3)) : data, as: UTF8.self)
    else {
      throw notUTF8(data, source: source)
    }
    let delimiter = CSV.detectDelimiter(in: text)
    let records: [CSV.Record]
    do {
      records = try CSV.parse(text, delimiter: delimiter)
    } catch {
      throw failure("ballot-csv", source: source, line: error.line, message: error.message)
    }
    guard let headerIndex = records.firstIndex(where: { !$0.isBlank }) else {
      throw failure(
        "ballot-empty",
        source: source, line: nil,
        message: "the file is empty; it needs a header row with 'standard' and 'score' columns (see 'cpms ballot')")
    }
    let header = records[headerIndex]
    let names = header.fields.map { $0.trimmingWhitespace().lowercased() }
    guard let standardColumn = names.firstIndex(of: "standard"), let scoreColumn = names.firstIndex(of: "score")
    else {
      let missing = ["standard", "score"].filter { !names.contains($0) }.map { "'\($0)'" }.joined(separator: " and ")
      throw failure(
        "ballot-header",
        source: source, line: header.line,
        message: "the header row has no \(missing) column; found "
          + Excerpt.of(names.prefix(20).map { "'\($0)'" }.joined(separator: ", "), limit: 200))
    }
    var scores: [Score] = []
    for record in records[(headerIndex + 1)...] {
      if record.isBlank { continue }
      let cell = { (column: Int) -> String in
        column < record.fields.count ? record.fields[column].trimmingWhitespace() : ""
      }
      if (record.fields.first?.trimmingWhitespace() ?? "").hasPrefix("#")
        || cell(standardColumn).hasPrefix("#")
      {
        continue
      }
      let standardText = cell(standardColumn)
      guard let standard = Int(standardText).flatMap(StandardNumber.init) else {
        let shown = standardText.isEmpty ? "is empty" : "'\(Excerpt.of(standardText))' is not"
        throw failure(
          "ballot-standard",
          source: source, line: record.line, message: "standard \(shown) a standard number from 1 to 28")
      }
      let scoreText = cell(scoreColumn)
      var value: Double?
      if !scoreText.isEmpty {
        // A decimal comma ("3,5") where the delimiter is ";"; checked byte-wise first, since the generic
        // `replacing` costs more than the rest of the row.
        let normalized =
          delimiter == ";" && scoreText.utf8.contains(UInt8(ascii: ","))
          ? String(scoreText.map { $0 == "," ? "." : $0 }) : scoreText
        guard let number = Target.plainNumber(normalized), Ballot.scoreRange.contains(number) else {
          throw failure(
            "ballot-score",
            source: source, line: record.line,
            message:
              "score '\(Excerpt.of(scoreText))' for standard \(standard) is not a number from 0 to 5 (leave it empty if not scored)"
          )
        }
        value = number
      }
      scores.append(Score(standard: standard, value: value, line: record.line))
    }
    return Ballot(source: source, scores: scores)
  }

  /// Says where a file stops being UTF-8 text, and how to save it so that it is.
  static func notUTF8(_ data: [UInt8], source: String) -> Diagnostic {
    if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
      return failure(
        "ballot-encoding",
        source: source, line: nil,
        message: "the file is saved as UTF-16 ('Unicode text'), not UTF-8; save it as 'CSV UTF-8'")
    }
    var line = 1
    var iterator = data.makeIterator()
    var parser = Unicode.UTF8.ForwardParser()
    while case .valid(let scalar) = parser.parseScalar(from: &iterator) {
      if scalar.elementsEqual([UInt8(ascii: "\n")]) { line += 1 }
    }
    return failure(
      "ballot-encoding",
      source: source, line: line,
      message: "this line is not UTF-8 text (the file was saved in another encoding); save it as 'CSV UTF-8'")
  }
}

extension Ballot {
  /// A ballot that cannot be read: the diagnostic names the file and, when known, the line.
  static func failure(_ rule: String, source: String, line: Int?, message: String) -> Diagnostic {
    Diagnostic(.error, rule: rule, message: message, location: DiagnosticLocation(file: source, line: line))
  }
}
