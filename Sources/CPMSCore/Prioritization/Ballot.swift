#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// One participant's (or one spreadsheet's) scores for the standards.
public struct Ballot: Sendable, Equatable {
  public struct Score: Sendable, Equatable {
    public var standard: Int
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

/// A ballot that cannot be read; names the file and line, and says how to fix it.
public struct BallotError: Error, Sendable, Equatable, CustomStringConvertible {
  public var source: String
  public var line: Int?
  public var message: String

  public var description: String {
    if let line { return "\(source):\(line): \(message)" }
    return "\(source): \(message)"
  }
}

extension Ballot {
  /// Reads a ballot as spreadsheets export it: a header with `standard` and `score` columns (any case,
  /// other columns ignored), comma or semicolon delimiter, optional BOM, CRLF or LF, RFC 4180 quotes.
  /// Rows whose first cell starts with `#` (comments, HXL tags) and empty rows are skipped.
  public static func parse(csv data: [UInt8], source: String) throws(BallotError) -> Ballot {
    guard data.count <= maxFileSize else {
      throw BallotError(
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
      throw BallotError(
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
      throw BallotError(source: source, line: error.line, message: error.message)
    }
    guard let headerIndex = records.firstIndex(where: { !$0.isBlank }) else {
      throw BallotError(
        source: source, line: nil,
        message: "the file is empty; it needs a header row with 'standard' and 'score' columns (see 'cpms ballot')")
    }
    let header = records[headerIndex]
    let names = header.fields.map { $0.trimmingWhitespace().lowercased() }
    guard let standardColumn = names.firstIndex(of: "standard"), let scoreColumn = names.firstIndex(of: "score")
    else {
      let missing = ["standard", "score"].filter { !names.contains($0) }.map { "'\($0)'" }.joined(separator: " and ")
      throw BallotError(
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
      guard let standard = Int(standardText), Catalog.standardNumbers.contains(standard) else {
        let shown = standardText.isEmpty ? "is empty" : "'\(Excerpt.of(standardText))' is not"
        throw BallotError(
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
          throw BallotError(
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
  static func notUTF8(_ data: [UInt8], source: String) -> BallotError {
    if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
      return BallotError(
        source: source, line: nil,
        message: "the file is saved as UTF-16 ('Unicode text'), not UTF-8; save it as 'CSV UTF-8'")
    }
    var line = 1
    var iterator = data.makeIterator()
    var parser = Unicode.UTF8.ForwardParser()
    while case .valid(let scalar) = parser.parseScalar(from: &iterator) {
      if scalar.elementsEqual([UInt8(ascii: "\n")]) { line += 1 }
    }
    return BallotError(
      source: source, line: line,
      message: "this line is not UTF-8 text (the file was saved in another encoding); save it as 'CSV UTF-8'")
  }
}

/// A small RFC 4180 reader that tracks the line each record starts on.
enum CSV {
  struct Record {
    var fields: [String]
    var line: Int
    var isBlank: Bool { fields.allSatisfy(\.isBlankOnOneLine) }
  }

  /// A ballot has six columns; a row with thousands of them is not a ballot, and reading it would
  /// cost memory for nothing.
  static let maxColumns = 1_000

  struct ParseError: Error {
    var line: Int
    var message: String
  }

  /// Picks `;` when the first non-empty line has more semicolons than commas outside quotes,
  /// as French and Spanish spreadsheets write it.
  static func detectDelimiter(in text: String) -> Character {
    var commas = 0
    var semicolons = 0
    var quoted = false
    var seenContent = false
    // Scalars, not characters: "\r\n" is then "\r" (whitespace) and "\n", which ends the line the same way.
    for scalar in text.unicodeScalars {
      if scalar == "\"" { quoted.toggle() }
      if !quoted {
        if scalar == "\n" {
          if seenContent { break }
          continue
        }
        if scalar == "," { commas += 1 }
        if scalar == ";" { semicolons += 1 }
      }
      if !scalar.properties.isWhitespace { seenContent = true }
    }
    return semicolons > commas ? ";" : ","
  }

  /// Works on the UTF-8 bytes (the delimiter, quotes and line breaks are all ASCII), which is
  /// many times faster than stepping through grapheme clusters; "\r\n", "\n" and "\r" all end a record.
  static func parse(_ text: String, delimiter: Character) throws(ParseError) -> [Record] {
    var text = text
    let separator = delimiter.asciiValue ?? UInt8(ascii: ",")
    return try text.withUTF8 { bytes in
      Result { () throws(ParseError) in try parse(bytes, separator: separator) }
    }.get()
  }

  private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, separator: UInt8) throws(ParseError) -> [Record] {
    let quote = UInt8(ascii: "\"")
    let newline = UInt8(ascii: "\n")
    let carriageReturn = UInt8(ascii: "\r")
    var records: [Record] = []
    var fields: [String] = []
    var field: [UInt8] = []
    var line = 1
    var recordLine = 1
    var quoted = false
    var fieldWasQuoted = false
    var quoteLine = 1
    var index = 0
    func endField() {
      fields.append(String(decoding: field, as: UTF8.self))
      field.removeAll(keepingCapacity: true)
      fieldWasQuoted = false
    }
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      if quoted {
        if byte == quote {
          if index < bytes.count && bytes[index] == quote {
            field.append(quote)
            index += 1
          } else {
            quoted = false
          }
        } else {
          // Inside quotes a line break is kept; "\r\n" and "\n" count as one line each.
          if byte == newline { line += 1 }
          // The rest of the run up to the next quote or line feed goes in as one piece.
          var end = index
          while end < bytes.count && bytes[end] != quote && bytes[end] != newline { end += 1 }
          field.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[(index - 1)..<end]))
          index = end
        }
        continue
      }
      switch byte {
      case quote:
        if !fieldWasQuoted && (field.isEmpty || String(decoding: field, as: UTF8.self).isBlankOnOneLine) {
          field.removeAll(keepingCapacity: true)
          quoted = true
          fieldWasQuoted = true
          quoteLine = line
        } else {
          throw ParseError(
            line: line,
            message:
              "a quote appears inside an unquoted field; wrap the field in quotes and double the inner quote (\"\")")
        }
      case separator:
        endField()
        if fields.count > maxColumns {
          throw ParseError(
            line: line,
            message: "the row has more than \(maxColumns) columns; a ballot needs only a few (see 'cpms ballot')")
        }
      case newline, carriageReturn:
        if byte == carriageReturn && index < bytes.count && bytes[index] == newline { index += 1 }
        endField()
        records.append(Record(fields: fields, line: recordLine))
        fields = []
        line += 1
        recordLine = line
      default:
        if fieldWasQuoted {
          let isSpace: Bool
          if byte < 0x80 {
            isSpace = byte == UInt8(ascii: " ") || (byte >= 9 && byte <= 13)
          } else {
            var rest = bytes[(index - 1)...].makeIterator()
            var decoder = UTF8()
            guard case .scalarValue(let scalar) = decoder.decode(&rest) else { break }
            isSpace = scalar.properties.isWhitespace
          }
          if !isSpace {
            throw ParseError(
              line: line, message: "text follows a closing quote; put the whole field inside the quotes")
          }
        } else {
          // Plain text up to the next delimiter, quote or line break goes in as one piece.
          var end = index
          while end < bytes.count && bytes[end] != separator && bytes[end] != quote && bytes[end] != newline
            && bytes[end] != carriageReturn
          {
            end += 1
          }
          field.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[(index - 1)..<end]))
          index = end
        }
      }
    }
    if quoted {
      throw ParseError(line: quoteLine, message: "a quoted field is never closed; add the closing quote (\")")
    }
    if !field.isEmpty || !fields.isEmpty || fieldWasQuoted {
      endField()
      records.append(Record(fields: fields, line: recordLine))
    }
    return records
  }

  /// Quotes a field when it holds the delimiter, a quote or a line break.
  static func field(_ text: String, delimiter: Character) -> String {
    if text.contains(delimiter) || text.contains("\"") || text.contains("\n") || text.contains("\r") {
      return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }
    return text
  }
}
