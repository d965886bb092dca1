#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// One ballot file as read: the ballots it holds (one per participant), the notes participants wrote
/// on comment rows, and a digest of its bytes so that the same file given twice is noticed.
public struct BallotFile: Sendable, Equatable {
  /// A `#` row written in the sheet (not one of the template's own rows, which the checks recognise).
  public struct Note: Sendable, Equatable {
    public var line: Int
    public var text: String
  }

  public var source: String
  public var layout: BallotLayout
  public var ballots: [Ballot]
  public var notes: [Note]
  /// FNV-1a over the file's bytes: equal for the same content under two names.
  public var digest: UInt64

  /// Reads a ballot file as spreadsheets and data-collection tools export it: comma or semicolon,
  /// optional BOM, CRLF or LF, RFC 4180 quotes. `layout` nil detects it from the header. Blank rows and
  /// HXL hashtag rows are skipped; rows whose first cell starts with `#` are notes. Problems are worded
  /// in `language`, the reader's (a coordinator fixes the sheet from the message alone).
  public static func parse(
    csv data: [UInt8], source: String, layout requested: BallotLayout? = nil, language: Language = .en
  ) throws(Diagnostic) -> BallotFile {
    let t = Interface(language)
    let records = try records(data, source: source, t)
    guard let headerIndex = records.firstIndex(where: { !$0.isBlank }) else {
      throw Ballot.failure("ballot-empty", source: source, line: nil, message: t("ballot.empty"))
    }
    let header = records[headerIndex]
    let columns = BallotColumns(header.fields)
    let layout: BallotLayout
    if let requested {
      layout = requested
    } else if columns.standard != nil && columns.score != nil {
      layout = .long
    } else if !columns.wideScores.isEmpty {
      layout = .wide
    } else {
      layout = .long
    }
    var notes: [Note] = []
    var rows: [CSV.Record] = []
    for record in records[(headerIndex + 1)...] where !record.isBlank {
      let first = record.fields.first?.trimmingWhitespace() ?? ""
      if isHXLRow(record) { continue }
      if first.hasPrefix("#") {
        let text = first.dropFirst().trimmingWhitespace()
        if !text.isEmpty { notes.append(Note(line: record.line, text: text)) }
        continue
      }
      rows.append(record)
    }
    var ballots: [Ballot]
    switch layout {
    case .long: ballots = try long(rows, header: header, columns: columns, source: source, t)
    case .wide: ballots = try wide(rows, header: header, columns: columns, source: source, t)
    }
    for index in ballots.indices { ballots[index].layout = layout }
    if !ballots.isEmpty { ballots[0].notes = notes }
    return BallotFile(source: source, layout: layout, ballots: ballots, notes: notes, digest: digest(of: data))
  }

  /// The file's records after the checks every ballot gets: size, line count, what kind of file it is
  /// (a workbook or a tab-separated sheet saved under a .csv name), encoding.
  static func records(_ data: [UInt8], source: String, _ t: Interface) throws(Diagnostic) -> [CSV.Record] {
    guard data.count <= Ballot.maxFileSize else {
      throw Ballot.failure(
        "ballot-too-large", source: source, line: nil, message: t("ballot.tooLarge", Ballot.maxFileSize / 1_048_576))
    }
    if let kind = workbookKind(data) {
      throw Ballot.failure("ballot-not-csv", source: source, line: nil, message: t("ballot.notCSV", t(kind)))
    }
    // Counting both line ends covers LF, CRLF and old Mac CR files alike.
    var (lineFeeds, carriageReturns) = (0, 0)
    for byte in data {
      if byte == 0x0A { lineFeeds += 1 } else if byte == 0x0D { carriageReturns += 1 }
    }
    guard max(lineFeeds, carriageReturns) < Ballot.maxLines else {
      throw Ballot.failure(
        "ballot-too-many-lines", source: source, line: nil, message: t("ballot.tooManyLines", Ballot.maxLines))
    }
    guard
      let text = String(
        validating: data.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(data.dropFirst(3)) : data, as: UTF8.self)
    else {
      throw notUTF8(data, source: source, t)
    }
    if isTabSeparated(text) {
      throw Ballot.failure("ballot-not-csv", source: source, line: 1, message: t("ballot.tabSeparated"))
    }
    do {
      return try CSV.parse(text, delimiter: CSV.detectDelimiter(in: text))
    } catch {
      let key =
        switch error.reason {
        case .quoteInUnquotedField: "ballot.csv.quoteInUnquotedField"
        case .tooManyColumns: "ballot.csv.tooManyColumns"
        case .textAfterClosingQuote: "ballot.csv.textAfterClosingQuote"
        case .unclosedQuote: "ballot.csv.unclosedQuote"
        }
      throw Ballot.failure("ballot-csv", source: source, line: error.line, message: t(key, CSV.maxColumns))
    }
  }

  /// A workbook saved under a .csv name: a ZIP container (.xlsx, .ods) or an old binary Excel file. The
  /// answer is the key of its name in the interface texts.
  static func workbookKind(_ data: [UInt8]) -> String? {
    if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return "ballot.workbook.zip" }
    if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { return "ballot.workbook.xls" }
    return nil
  }

  /// The first line holds tabs and neither a comma nor a semicolon.
  static func isTabSeparated(_ text: String) -> Bool {
    let firstLine = text.utf8.prefix { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }
    return firstLine.contains(UInt8(ascii: "\t")) && !firstLine.contains(UInt8(ascii: ","))
      && !firstLine.contains(UInt8(ascii: ";"))
  }

  /// An HXL hashtag row: every filled cell is a hashtag (`#meta+score`), with no spaces.
  static func isHXLRow(_ record: CSV.Record) -> Bool {
    var tags = 0
    for field in record.fields {
      let cell = field.trimmingWhitespace()
      if cell.isEmpty { continue }
      guard cell.hasPrefix("#"), cell.count > 1, !cell.contains(" "),
        cell.dropFirst().first?.isLetter == true
      else { return false }
      tags += 1
    }
    return tags > 0
  }

  static func digest(of data: [UInt8]) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in data {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    return hash
  }

  /// Says where a file stops being UTF-8 text, and how to save it so that it is.
  static func notUTF8(_ data: [UInt8], source: String, _ t: Interface) -> Diagnostic {
    if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
      return Ballot.failure("ballot-encoding", source: source, line: nil, message: t("ballot.utf16"))
    }
    var line = 1
    var iterator = data.makeIterator()
    var parser = Unicode.UTF8.ForwardParser()
    while case .valid(let scalar) = parser.parseScalar(from: &iterator) {
      if scalar.elementsEqual([UInt8(ascii: "\n")]) { line += 1 }
    }
    return Ballot.failure("ballot-encoding", source: source, line: line, message: t("ballot.notUTF8"))
  }

  // MARK: long: one row per standard

  static func long(
    _ rows: [CSV.Record], header: CSV.Record, columns: BallotColumns, source: String, _ t: Interface
  ) throws(Diagnostic) -> [Ballot] {
    guard let standardColumn = columns.standard, let scoreColumn = columns.score else {
      let missing =
        switch (columns.standard, columns.score) {
        case (nil, nil): "ballot.header.noStandardNorScore"
        case (nil, _): "ballot.header.noStandard"
        default: "ballot.header.noScore"
        }
      let names = header.fields.map { $0.trimmingWhitespace().lowercased() }
      throw Ballot.failure(
        "ballot-header", source: source, line: header.line,
        message: t(
          missing,
          Excerpt.of(names.prefix(20).map { "'\($0)'" }.joined(separator: t("list.comma")), limit: 200)
        ))
    }
    // A name written once stands for the whole sheet; on a sheet of several participants an empty
    // participant cell continues the name above it, as people fill a sorted sheet.
    let names = Set(
      rows.compactMap { record -> String? in
        guard let column = columns.participant, column < record.fields.count else { return nil }
        let name = record.fields[column].trimmingWhitespace()
        return name.isEmpty ? nil : BallotChecks.participantKey(name)
      })
    var ballots: [Ballot] = []
    var indexByName: [String: Int] = [:]
    var current = ""
    for record in rows {
      let cell = { (column: Int?) -> String in BallotFile.cell(column, record) }
      let standardText = cell(standardColumn)
      guard let standard = Int(standardText).flatMap(StandardNumber.init) else {
        throw Ballot.failure(
          "ballot-standard", source: source, line: record.line,
          message: standardText.isEmpty
            ? t("ballot.standardEmpty") : t("ballot.standardUnknown", Excerpt.of(standardText)))
      }
      let value = try score(cell(scoreColumn), standard: standard, source: source, line: record.line, t)
      var name = cell(columns.participant)
      if name.isEmpty && names.count == 1 {
        name = rows.lazy.map { BallotFile.cell(columns.participant, $0) }.first { !$0.isEmpty } ?? ""
      } else if name.isEmpty {
        name = current
      }
      current = name
      let key = BallotChecks.participantKey(name)
      let title = cell(columns.title)
      let comment = cell(columns.comment)
      let score = Ballot.Score(
        standard: standard, value: value, line: record.line, title: title.isEmpty ? nil : title,
        comment: comment.isEmpty ? nil : comment)
      if let index = indexByName[key] {
        ballots[index].scores.append(score)
      } else {
        indexByName[key] = ballots.count
        ballots.append(
          Ballot(source: source, participant: name.isEmpty ? nil : name, line: record.line, scores: [score]))
      }
    }
    return ballots
  }

  /// A cell's trimmed text, empty when the row is shorter than the header.
  static func cell(_ column: Int?, _ record: CSV.Record) -> String {
    guard let column, column < record.fields.count else { return "" }
    return record.fields[column].trimmingWhitespace()
  }

  static func score(_ text: String, standard: StandardNumber, source: String, line: Int, _ t: Interface)
    throws(Diagnostic) -> Double?
  {
    switch Ballot.score(text) {
    case .success(let value): return value
    case .failure(.notANumber):
      throw Ballot.failure(
        "ballot-score", source: source, line: line, message: t("ballot.scoreNotANumber", Excerpt.of(text), standard))
    case .failure(.notAHalfPoint):
      throw Ballot.failure(
        "ballot-score", source: source, line: line,
        message: t("ballot.scoreNotAHalfPoint", Excerpt.of(text), standard))
    }
  }

  // MARK: wide: one row per participant

  static func wide(
    _ rows: [CSV.Record], header: CSV.Record, columns: BallotColumns, source: String, _ t: Interface
  ) throws(Diagnostic) -> [Ballot] {
    guard !columns.wideScores.isEmpty else {
      throw Ballot.failure("ballot-header", source: source, line: header.line, message: t("ballot.wideNoStandard"))
    }
    var ballots: [Ballot] = []
    for record in rows {
      let cell = { (column: Int?) -> String in
        guard let column, column < record.fields.count else { return "" }
        return record.fields[column].trimmingWhitespace()
      }
      var scores: [Ballot.Score] = []
      for (column, standard) in columns.wideScores {
        let text = cell(column)
        let value = try score(
          BallotColumns.scoreValue(text), standard: standard, source: source, line: record.line, t)
        let comment = columns.wideComments[standard].map { cell($0) } ?? ""
        scores.append(
          Ballot.Score(
            standard: standard, value: value, line: record.line, comment: comment.isEmpty ? nil : comment))
      }
      let name = cell(columns.participant)
      ballots.append(Ballot(source: source, participant: name.isEmpty ? nil : name, line: record.line, scores: scores))
    }
    return ballots
  }
}
