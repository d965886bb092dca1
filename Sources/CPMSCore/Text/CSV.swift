#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

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

  /// Why a sheet cannot be read, typed so that each reader words it in the user's language.
  struct ParseError: Error {
    enum Reason {
      case quoteInUnquotedField
      case tooManyColumns
      case textAfterClosingQuote
      case unclosedQuote
    }

    var line: Int
    var reason: Reason

    /// The reason in English, for readers that do not word it themselves.
    var message: String {
      switch reason {
      case .quoteInUnquotedField:
        "a quote appears inside an unquoted field; wrap the field in quotes and double the inner quote (\"\")"
      case .tooManyColumns: "the row has more than \(maxColumns) columns; a ballot needs only a few (see 'cpms ballot')"
      case .textAfterClosingQuote: "text follows a closing quote; put the whole field inside the quotes"
      case .unclosedQuote: "a quoted field is never closed; add the closing quote (\")"
      }
    }
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
          throw ParseError(line: line, reason: .quoteInUnquotedField)
        }
      case separator:
        endField()
        if fields.count > maxColumns {
          throw ParseError(line: line, reason: .tooManyColumns)
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
            throw ParseError(line: line, reason: .textAfterClosingQuote)
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
      throw ParseError(line: quoteLine, reason: .unclosedQuote)
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
