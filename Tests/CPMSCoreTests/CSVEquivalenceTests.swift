import XCTest

@testable import CPMSCore

/// The CSV reader as first written (grapheme by grapheme), kept to prove that the byte-level reader
/// reads every file the same way: same fields, same line numbers, same errors.
private enum ReferenceCSV {
  static func referenceParse(_ text: String, delimiter: Character) throws(CSV.ParseError) -> [CSV.Record] {
    var records: [CSV.Record] = []
    var fields: [String] = []
    var field = ""
    var line = 1
    var recordLine = 1
    var quoted = false
    var fieldWasQuoted = false
    var quoteLine = 1
    var iterator = text.makeIterator()
    var pending: Character? = nil
    func next() -> Character? {
      if let character = pending {
        pending = nil
        return character
      }
      return iterator.next()
    }
    while let character = next() {
      if quoted {
        if character == "\"" {
          if let following = next() {
            if following == "\"" {
              field.append("\"")
            } else {
              quoted = false
              pending = following
            }
          } else {
            quoted = false
          }
        } else {
          if character == "\n" || character == "\r\n" { line += 1 }
          field.append(character)
        }
        continue
      }
      switch character {
      case "\"":
        if field.trimmingWhitespace().isEmpty && !fieldWasQuoted {
          field = ""
          quoted = true
          fieldWasQuoted = true
          quoteLine = line
        } else {
          throw CSV.ParseError(line: line, reason: .quoteInUnquotedField)
        }
      case delimiter:
        fields.append(field)
        field = ""
        fieldWasQuoted = false
      case "\n", "\r\n", "\r":
        fields.append(field)
        records.append(CSV.Record(fields: fields, line: recordLine))
        fields = []
        field = ""
        fieldWasQuoted = false
        line += 1
        recordLine = line
      default:
        if fieldWasQuoted && !character.isWhitespace {
          throw CSV.ParseError(line: line, reason: .textAfterClosingQuote)
        }
        if !fieldWasQuoted { field.append(character) }
      }
    }
    if quoted {
      throw CSV.ParseError(line: quoteLine, reason: .unclosedQuote)
    }
    if !field.isEmpty || !fields.isEmpty || fieldWasQuoted {
      fields.append(field)
      records.append(CSV.Record(fields: fields, line: recordLine))
    }
    return records
  }
}

final class CSVEquivalenceTests: XCTestCase {
  private func outcome(_ read: () throws(CSV.ParseError) -> [CSV.Record]) -> String {
    do {
      return try read().map { "\($0.line):\($0.fields)" }.joined(separator: "|")
    } catch {
      return "error \(error.line): \(error.message)"
    }
  }

  func testByteReaderMatchesTheReferenceOnTrickyAndRandomText() {
    var samples = [
      "", "a,b\r\nc,d", "a;b\rc;d\n", "\"q\"\"x\",y", " \"x\" ,y", "\"x\"z", "\"open", "a\"b",
      "\"multi\r\nline\",2\n3", "x,\u{A0}\"q\"", "\"q\"\u{A0},x", "é,ü\n😀,\"a,b\"", "\n\n,", "a,\"\"",
    ]
    var generator = SplitMix64(seed: 4180)
    let alphabet = Array("ab,;\" \t\r\n\u{A0}é😀".unicodeScalars)
    for _ in 0..<4000 {
      var text = String.UnicodeScalarView()
      for _ in 0..<Int.random(in: 0...24, using: &generator) {
        text.append(alphabet.randomElement(using: &generator)!)
      }
      samples.append(String(text))
    }
    for sample in samples {
      for delimiter: Character in [",", ";"] {
        XCTAssertEqual(
          outcome { () throws(CSV.ParseError) in try CSV.parse(sample, delimiter: delimiter) },
          outcome { () throws(CSV.ParseError) in try ReferenceCSV.referenceParse(sample, delimiter: delimiter) },
          "\(sample.debugDescription) with \(delimiter)")
      }
    }
  }
}

final class CSVLimitTests: XCTestCase {
  func testARowWithThousandsOfColumnsIsRefusedWithItsLine() {
    let text = "standard,score\n" + String(repeating: ",", count: 5_000) + "\n"
    XCTAssertThrowsError(try CSV.parse(text, delimiter: ",")) { error in
      guard let error = error as? CSV.ParseError else { return XCTFail("\(error)") }
      XCTAssertEqual(error.line, 2)
      XCTAssertTrue(error.message.contains("more than 1000 columns"), error.message)
    }
  }

  func testHugeWholeNumberTargetsAreWrittenWithoutTrapping() {
    XCTAssertEqual(Target.number(25).description, "25")
    XCTAssertEqual(Target.number(1e300).description, "1e+300")
    XCTAssertEqual(Target.percentage(99.5).description, "99.5%")
  }
}
