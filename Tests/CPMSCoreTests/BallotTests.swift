import Foundation
import XCTest

@testable import CPMSCore

/// Reading CSV ballots as spreadsheets export them, and the errors that name the line to fix.
final class BallotTests: XCTestCase {
  // MARK: helpers

  func parse(_ text: String, source: String = "ballot.csv", file: StaticString = #filePath, line: UInt = #line)
    throws -> Ballot
  {
    try parse(bytes: Array(text.utf8), source: source, file: file, line: line)
  }

  func parse(bytes: [UInt8], source: String = "ballot.csv", file: StaticString = #filePath, line: UInt = #line)
    throws -> Ballot
  {
    do {
      let parsed = try BallotFile.parse(csv: bytes, source: source)
      return Ballot(source: source, scores: parsed.ballots.flatMap(\.scores))
    } catch {
      XCTFail("unexpected ballot error: \(error)", file: file, line: line)
      throw error
    }
  }

  /// The error parsing `bytes` gives, or nil (with a failure) when it parses.
  func parseError(bytes: [UInt8], source: String = "ballot.csv", file: StaticString = #filePath, line: UInt = #line)
    -> Diagnostic?
  {
    do {
      let ballot = try BallotFile.parse(csv: bytes, source: source)
      XCTFail("parsed without error: \(ballot.ballots)", file: file, line: line)
      return nil
    } catch {
      return error
    }
  }

  func parseError(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Diagnostic? {
    parseError(bytes: Array(text.utf8), file: file, line: line)
  }

  func triples(_ ballot: Ballot) -> [String] {
    ballot.scores.map { "\($0.standard)=\($0.value.map { String($0) } ?? "-")@\($0.line)" }
  }

  static var examples: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Data/examples/ballots")
  }

  // MARK: reading

  func testParsesCommaCSV() throws {
    let ballot = try parse("standard,score\n1,5\n2,3.5\n28,0\n", source: "amina.csv")
    XCTAssertEqual(ballot.source, "amina.csv")
    XCTAssertEqual(triples(ballot), ["1=5.0@2", "2=3.5@3", "28=0.0@4"])
  }

  func testParsesSemicolonCSVWithBOMCRLFAndDecimalComma() throws {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("Standard;Score\r\n9;4,5\r\n10;3\r\n11;0,5\r\n".utf8)
    let ballot = try parse(bytes: bytes)
    XCTAssertEqual(triples(ballot), ["9=4.5@2", "10=3.0@3", "11=0.5@4"])
  }

  func testParsesTheExampleBallotsInBothForms() throws {
    for name in ["amina.csv", "jean-fr-excel.csv", "lucia.csv"] {
      let data = try Data(contentsOf: Self.examples.appendingPathComponent(name))
      let ballot = try parse(bytes: [UInt8](data), source: name)
      XCTAssertEqual(ballot.scores.map(\.standard), StandardNumber.all, name)
    }
    let jean = try parse(
      bytes: [UInt8](try Data(contentsOf: Self.examples.appendingPathComponent("jean-fr-excel.csv"))))
    XCTAssertEqual(jean.scores.first { $0.standard == 9 }?.value, 4.5)
    XCTAssertEqual(jean.scores.first { $0.standard == 20 }?.value, .some(nil))
  }

  func testHeaderInAnyCaseAndColumnOrderWithExtraColumns() throws {
    let ballot = try parse("Comment,SCORE,Participant, Standard \nhello,4,Ana,7\n,2,Ana,8\n")
    XCTAssertEqual(triples(ballot), ["7=4.0@2", "8=2.0@3"])
  }

  func testQuotedFieldsWithCommasDoubledQuotesAndNewlines() throws {
    let text =
      "comment,standard,score\n"
      + "\"a, b\",1,4\n"
      + "\"He said \"\"hi\"\", then left\",2,3\n"
      + "\"line one\nline two\nline three\",3,2\n"
      + "plain,4,1\n"
    let ballot = try parse(text)
    XCTAssertEqual(triples(ballot), ["1=4.0@2", "2=3.0@3", "3=2.0@4", "4=1.0@7"])
    // A later bad row is reported on its real line, after the embedded newlines.
    let error = parseError(text + "plain,abc,1\n")
    XCTAssertEqual(error?.location?.line, 8)
  }

  func testQuotedStandardAndScoreCells() throws {
    let ballot = try parse("standard;score\n\"5\";\"3,5\"\n")
    XCTAssertEqual(triples(ballot), ["5=3.5@2"])
  }

  func testEmptyScoreMeansNotScored() throws {
    let ballot = try parse("standard,score,comment\n1,,unsure\n2, ,\n3,4,\n")
    XCTAssertEqual(triples(ballot), ["1=-@2", "2=-@3", "3=4.0@4"])
  }

  func testBlankRowsAndCommentRowsAreSkipped() throws {
    let ballot = try parse("\nstandard,score\n\n1,4\n,\n# a comment, with a comma\n#hxl,#score\n \n2,3\n")
    XCTAssertEqual(triples(ballot), ["1=4.0@4", "2=3.0@9"])
  }

  // MARK: errors name the line

  func testBadStandardsNameTheLine() {
    let abc = parseError("standard,score\n1,4\nabc,3\n")
    XCTAssertEqual(abc?.location?.line, 3)
    XCTAssertTrue(abc?.message.contains("'abc'") ?? false, "\(String(describing: abc))")
    XCTAssertEqual(abc?.description.hasPrefix("ballot.csv:3: "), true)
    let unknown = parseError("standard,score\n1,4\n2,4\n29,3\n")
    XCTAssertEqual(unknown?.location?.line, 4)
    XCTAssertTrue(unknown?.message.contains("'29'") ?? false, "\(String(describing: unknown))")
  }

  func testBadScoresNameTheLine() {
    for (score, line) in [("6", 2), ("-1", 3), ("x", 4)] {
      let rows = (1..<line).map { $0 == line - 1 ? "\($0),\(score)" : "\($0),3" }
      let error = parseError("standard,score\n" + rows.joined(separator: "\n") + "\n")
      XCTAssertEqual(error?.location?.line, line, "score \(score)")
      XCTAssertTrue(error?.message.contains("'\(score)'") ?? false, "\(String(describing: error))")
      XCTAssertTrue(error?.message.contains("0 to 5") ?? false, "\(String(describing: error))")
    }
  }

  func testMissingScoreColumnNamesTheColumnsFound() {
    let error = parseError("\nStandard,Points,Comment\n1,4,\n")
    XCTAssertEqual(error?.location?.line, 2)
    let message = error?.message ?? ""
    XCTAssertTrue(message.contains("'score'"), message)
    XCTAssertFalse(message.contains("no 'standard' and"), message)
    XCTAssertTrue(message.contains("'standard', 'points', 'comment'"), message)
  }

  func testUnterminatedQuoteNamesTheLineWhereItOpened() {
    let error = parseError("standard,score,comment\n1,4,ok\n2,3,\"never\nclosed\n3,2,x\n")
    XCTAssertEqual(error?.location?.line, 3)
    XCTAssertTrue(error?.message.contains("quote") ?? false, "\(String(describing: error))")
  }

  func testNonUTF8BytesAreRefused() {
    let error = parseError(bytes: Array("standard,score\n1,".utf8) + [0xFF, 0xFE, 0x0A], source: "latin.csv")
    XCTAssertEqual(error?.location?.file, "latin.csv")
    XCTAssertEqual(error?.location?.line, 2, "the line of the first byte that is not UTF-8")
    XCTAssertTrue(error?.message.contains("UTF-8") ?? false, "\(String(describing: error))")
  }

  // MARK: template

  func testTemplateRoundTripsForBothDelimiters() throws {
    let catalog = try Catalog.bundled.get()
    for delimiter: Character in [",", ";"] {
      let csv = BallotTemplate.csv(catalog: catalog, delimiter: delimiter)
      let lines = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
      XCTAssertEqual(
        lines.first,
        ["standard", "pillar", "title", "score", "participant", "comment"].joined(
          separator: String(delimiter)))
      XCTAssertTrue(
        lines.dropFirst(29).allSatisfy { $0.hasPrefix("#") || $0.hasPrefix("\"#") },
        "rows after the standards are comments")
      XCTAssertGreaterThan(lines.count, 30, "the template carries comment rows")
      let ballot = try parse(csv, source: "template")
      XCTAssertEqual(ballot.scores.map(\.standard), StandardNumber.all, "\(delimiter)")
      XCTAssertTrue(ballot.scores.allSatisfy { $0.value == nil }, "\(delimiter)")
      XCTAssertEqual(ballot.scores.map(\.line), Array(2...29), "\(delimiter)")
    }
  }
}
