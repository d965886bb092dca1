import Foundation
import XCTest

@testable import CPMSCore

/// Targets, Markdown escaping and tables, wrapping, standard lists, search and the browse views.
final class RenderingTests: XCTestCase {
  func catalog() throws -> Catalog { try Catalog.bundled.get() }

  // MARK: Target

  func testTargetAcceptsTheDataSpellings() {
    XCTAssertEqual(Target(parsing: "90%"), .percentage(90))
    XCTAssertEqual(Target(parsing: "100%"), .percentage(100))
    XCTAssertEqual(Target(parsing: "yes"), .yes)
    XCTAssertEqual(Target(parsing: "no"), .no)
    XCTAssertEqual(Target(parsing: "25"), .number(25))
    XCTAssertEqual(Target(parsing: "set in context"), .setInContext)
  }

  func testTargetRefusesEverythingElse() {
    for text in ["101%", "-5", "1e3", "lots", ""] {
      XCTAssertNil(Target(parsing: text), "'\(text)' should not be a target")
    }
  }

  func testTargetDescriptionRoundTrips() {
    for text in ["90%", "100%", "0%", "12.5%", "yes", "no", "25", "set in context"] {
      guard let target = Target(parsing: text) else {
        XCTFail("'\(text)' should be a target")
        continue
      }
      XCTAssertEqual(target.description, text)
      XCTAssertEqual(Target(parsing: target.description), target)
    }
  }

  // MARK: Markdown.escape

  // MARK: indicators in show

  func testShowViewsCarryTheComputationAndOneSummaryLine() throws {
    let rendering = BrowseRendering(catalog: try catalog())
    let markdown = rendering.show(1, format: .markdown)
    XCTAssertTrue(markdown.contains("| 1.1 (official 1.2.2) |"), markdown)
    XCTAssertTrue(markdown.contains("Numerator: Members rating the mechanism satisfactory or better."), markdown)
    XCTAssertTrue(markdown.contains("## Additional measures"), markdown)
    XCTAssertTrue(markdown.contains("Nigeria (north-east): Referral directory"), "annex examples of its functions")
    let text = rendering.show(18, format: .text)
    let summary = try catalog().standard(18)!.summaryLine
    XCTAssertTrue(text.contains("Numerator: "), text)
    XCTAssertEqual(text.components(separatedBy: "Summary: the statement").count, 2, text)
    XCTAssertTrue(summary.hasSuffix("Sources: cpms show 18 --format json."), summary)
    XCTAssertFalse(text.contains("Attested"), text)
  }

  func testEscapeNeutralisesMarkdownAndHTML() {
    let cases: [(String, String)] = [
      ("a | b", "a \\| b"),
      ("*bold* text", "\\*bold\\* text"),
      ("# Heading", "\\# Heading"),
      ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
      ("Tom & Jerry", "Tom &amp; Jerry"),
      ("one\ntwo", "one two"),
      ("one\r\ntwo", "one two"),
      ("1. First", "1\\. First"),
      ("`code`", "\\`code\\`"),
      ("[x](y)", "\\[x\\](y)"),
      ("- item", "\\- item"),
      ("+ item", "\\+ item"),
    ]
    for (input, expected) in cases {
      XCTAssertEqual(Markdown.escape(input), expected, "escaping \(input.debugDescription)")
    }
  }

  func testEscapeLeavesOrdinaryTextAlone() {
    for text in ["Case management", "well-being of girls and boys", "Standard 18.1.7 (2019)", "90% of children"] {
      XCTAssertEqual(Markdown.escape(text), text)
    }
  }

  func testEscapeNeutralisesAParenthesisOrderedListMarker() {
    // CommonMark (and so GitHub and pandoc) also starts an ordered list with "1)".
    XCTAssertEqual(Markdown.escape("1) First"), "1\\) First")
  }

  func testEscapedTextNeverStartsABlock() {
    for text in ["# a", "## b", "- c", "+ d", "* e", "> f", "| h |", "= i", "<div>"] {
      let escaped = Markdown.escape(text)
      let first = escaped.first.map(String.init) ?? ""
      XCTAssertTrue(first == "\\" || first == "&", "\(text.debugDescription) escaped as \(escaped.debugDescription)")
      XCTAssertFalse(escaped.contains("\n"))
    }
  }

  // MARK: Markdown.table

  /// The number of cells of a table line: its unescaped pipes minus one.
  func cellCount(_ line: String) -> Int {
    var count = 0
    var previous: Character = " "
    for character in line {
      if character == "|" && previous != "\\" { count += 1 }
      previous = character
    }
    return count - 1
  }

  func testTableRowsAlwaysHaveTheHeaderCellCount() {
    let rows = [["1"], ["1", "2"], ["1", "2", "3"], ["1", "2", "3", "4", "5"], []]
    let table = Markdown.table(["A", "B", "C"], rows)
    let lines = table.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    XCTAssertEqual(lines.count, 2 + rows.count, table)
    XCTAssertEqual(lines[0], "| A | B | C |")
    for line in lines {
      XCTAssertEqual(cellCount(line), 3, line)
      XCTAssertTrue(line.hasPrefix("|") && line.hasSuffix("|"), line)
    }
  }

  func testTableEscapesPipesInCells() {
    let table = Markdown.table(["Id", "Text | more"], [["a|b", "c | d"], ["line\nbreak", "x"]])
    let lines = table.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    XCTAssertEqual(lines.count, 4)
    for line in lines {
      XCTAssertEqual(cellCount(line), 2, line)
    }
    XCTAssertEqual(lines[0], "| Id | Text \\| more |")
    XCTAssertEqual(lines[2], "| a\\|b | c \\| d |")
    XCTAssertEqual(lines[3], "| line break | x |")
  }

  // MARK: TextLayout

  func testWrapStaysWithinTheWidthAndKeepsEveryWord() throws {
    let catalog = try catalog()
    let text = catalog.standards.map(\.statement).joined(separator: " ")
    let words = text.split(separator: " ").map(String.init)
    for width in [40, 57, 80, 120] {
      let layout = TextLayout(width: width)
      for (indent, hanging) in [("", ""), ("  ", "  "), ("    ", "      "), ("18.1.7  ", "        ")] {
        let wrapped = layout.wrap(text, indent: indent, hanging: hanging)
        for line in wrapped.split(separator: "\n") {
          XCTAssertLessThanOrEqual(line.count, width, "width \(width): \(line)")
        }
        XCTAssertTrue(wrapped.hasPrefix(indent + words[0]))
        let expected = indent.split(whereSeparator: \.isWhitespace).map(String.init) + words
        XCTAssertEqual(wrapped.split(whereSeparator: \.isWhitespace).map(String.init), expected, "width \(width)")
      }
    }
  }

  func testWrapKeepsShortTextOnOneLine() {
    XCTAssertEqual(TextLayout(width: 80).wrap("Case management", indent: "  "), "  Case management")
    XCTAssertEqual(TextLayout(width: 80).wrap("one\ntwo\tthree"), "one two three")
  }

  // MARK: StandardList

  func testStandardListParsesNumbersAndRanges() throws {
    XCTAssertEqual(try StandardList.parse("1-3,5"), [1, 2, 3, 5])
    XCTAssertEqual(try StandardList.parse("18"), [18])
    XCTAssertEqual(try StandardList.parse("28,1"), [28, 1])
    XCTAssertEqual(try StandardList.parse("1-28"), StandardNumber.all)
  }

  func testStandardListRejectsBadLists() {
    for text in ["0", "29", "3-1", "1,,2", "a", "1,1", "2,1-3", "", "-1", "1-"] {
      XCTAssertThrowsError(try StandardList.parse(text), "'\(text)' should be refused") { error in
        XCTAssertFalse("\(error)".isEmpty)
      }
    }
  }

  // MARK: Search

  func testSearchFindsCaseworkersIn1817() throws {
    let hits = Search.run(["caseworkers"], in: try catalog())
    let hit = try XCTUnwrap(hits.first { $0.id == "18.1.7" }, "\(hits.map(\.id))")
    XCTAssertEqual(hit.kind, .keyAction)
    XCTAssertEqual(hit.standard, 18)
    XCTAssertEqual(hit.standardTitle, "Case management")
  }

  func testSearchIgnoresCaseAndAccents() throws {
    let catalog = try catalog()
    let plain = Search.run(["caseworkers"], in: catalog)
    XCTAssertFalse(plain.isEmpty)
    XCTAssertEqual(Search.run(["CASEWORKERS"], in: catalog), plain)
    XCTAssertEqual(Search.run(["caséworkers"], in: catalog), plain)
    XCTAssertEqual(Search.run(["CasÉWorkers"], in: catalog), plain)
  }

  func testSearchRequiresEveryWord() throws {
    let catalog = try catalog()
    let both = Search.run(["caseworkers", "budget"], in: catalog)
    XCTAssertTrue(both.contains { $0.id == "18.1.7" }, "\(both.map(\.id))")
    XCTAssertFalse(both.contains { $0.id == "18.2.7" }, "18.2.7 does not mention a budget")
    XCTAssertLessThan(both.count, Search.run(["caseworkers"], in: catalog).count)
    XCTAssertEqual(Search.run(["caseworkers budget"], in: catalog), both)
    XCTAssertEqual(Search.run(["caseworkers", "zzzzqqq"], in: catalog), [])
  }

  func testSearchWithoutWordsFindsNothing() throws {
    let catalog = try catalog()
    XCTAssertEqual(Search.run([], in: catalog), [])
    XCTAssertEqual(Search.run(["", "  "], in: catalog), [])
  }

  // MARK: BrowseRendering

  func testShowTextFitsEightyColumns() throws {
    let rendering = BrowseRendering(catalog: try catalog(), layout: TextLayout(width: 80))
    for number in StandardNumber.all {
      let text = rendering.show(number, format: .text)
      XCTAssertTrue(text.contains("Standard \(number):"), "standard \(number)")
      for line in text.split(separator: "\n") where line.count > 80 {
        let isOneLongWord = !line.trimmingCharacters(in: .whitespaces).contains(" ")
        XCTFail("standard \(number): \(line.count) columns\(isOneLongWord ? " (a single word)" : ""): \(line)")
      }
    }
  }

  func testListAndPrinciplesTextFitEightyColumns() throws {
    let rendering = BrowseRendering(catalog: try catalog(), layout: TextLayout(width: 80))
    for text in [rendering.list(pillar: nil, format: .text), rendering.principles(format: .text)] {
      for line in text.split(separator: "\n") {
        XCTAssertLessThanOrEqual(line.count, 80, String(line))
      }
    }
  }

  func jsonObject(_ text: String) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(text.utf8))
  }

  func testShowJSONHasTheDocumentedKeys() throws {
    let catalog = try catalog()
    let rendering = BrowseRendering(catalog: catalog)
    for number: StandardNumber in [1, 18, 28] {
      let object = try XCTUnwrap(try jsonObject(rendering.show(number, format: .json)) as? [String: Any])
      XCTAssertEqual(object["number"] as? Int, number.value)
      XCTAssertEqual(object["title"] as? String, catalog.standard(number).title)
      XCTAssertEqual(object["pillar"] as? Int, catalog.standard(number).pillar)
      XCTAssertEqual(object["statement"] as? String, catalog.standard(number).statement)
      let actions = try XCTUnwrap(object["keyActions"] as? [[String: Any]])
      XCTAssertEqual(actions.count, catalog.standard(number).keyActions.count)
      for action in actions {
        XCTAssertNotNil(action["id"] as? String)
        XCTAssertNotNil((action["phase"] as? String).flatMap(Phase.init(rawValue:)), "\(action)")
        XCTAssertFalse((action["text"] as? String ?? "").isEmpty)
      }
      let indicators = try XCTUnwrap(object["indicators"] as? [[String: Any]])
      XCTAssertEqual(indicators.count, catalog.standard(number).indicators.count)
      for indicator in indicators {
        XCTAssertNotNil(indicator["id"] as? String)
        XCTAssertFalse((indicator["text"] as? String ?? "").isEmpty)
        XCTAssertNotNil((indicator["target"] as? String).flatMap(Target.init(parsing:)), "\(indicator)")
      }
    }
    let show18 = try XCTUnwrap(try jsonObject(rendering.show(18, format: .json)) as? [String: Any])
    let ids = (show18["keyActions"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
    XCTAssertTrue(ids.contains("18.1.7"), "\(ids)")
  }

  func testListJSONHasTwentyEightStandards() throws {
    let rendering = BrowseRendering(catalog: try catalog())
    let rows = try XCTUnwrap(try jsonObject(rendering.list(pillar: nil, format: .json)) as? [[String: Any]])
    XCTAssertEqual(rows.count, 28)
    XCTAssertEqual(rows.compactMap { $0["number"] as? Int }, Array(1...28))
    XCTAssertEqual(rows.compactMap { $0["title"] as? String }.filter { !$0.isEmpty }.count, 28)
    XCTAssertEqual(
      rows.compactMap { $0["pillar"] as? Int },
      [Int](repeating: 1, count: 6) + [Int](repeating: 2, count: 7) + [Int](repeating: 3, count: 7)
        + [Int](repeating: 4, count: 8))
  }

  func testPrinciplesJSONHasTenPrinciples() throws {
    let rendering = BrowseRendering(catalog: try catalog())
    let rows = try XCTUnwrap(try jsonObject(rendering.principles(format: .json)) as? [[String: Any]])
    XCTAssertEqual(rows.count, 10)
    XCTAssertEqual(rows.compactMap { $0["number"] as? Int }, Array(1...10))
    XCTAssertEqual(rows.compactMap { $0["title"] as? String }.filter { !$0.isEmpty }.count, 10)
  }
}

/// The escaping rules as first written (character by character, looking back over the output),
/// kept to prove the faster version gives the same text.
private enum ReferenceMarkdown {
  static func referenceEscape(_ text: String) -> String {
    let special: Set<UInt8> = Set("\\`*_{}[]<>#|~$^@&!+-=.)".utf8).union([10, 13, 9])
    guard text.utf8.contains(where: special.contains) else { return text }
    var out = ""
    out.reserveCapacity(text.utf8.count + 8)
    var atStart = true
    let characters = Array(text)
    for (index, character) in characters.enumerated() {
      switch character {
      case "\n", "\r", "\r\n", "\t":
        out += " "
        continue
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\\", "`", "*", "_", "[", "]", "#", "|", "~", "$", "^", "@":
        out += "\\" + String(character)
      case "+", "-", "=", "!", "{", "}":
        // Only where they could start a list, a setext heading or an attribute block.
        out += (atStart ? "\\" : "") + String(character)
      case ".", ")":
        // "1. " or "1) " at the start of a line begins an ordered list; "1.1" does not.
        let next = index + 1 < characters.count ? characters[index + 1] : " "
        if !out.isEmpty && out.allSatisfy(\.isNumber) && next.isWhitespace {
          out += "\\" + String(character)
        } else {
          out.append(character)
        }
      default:
        out.append(character)
      }
      if !character.isWhitespace { atStart = false }
    }
    return out
  }
}

final class MarkdownEscapeEquivalenceTests: XCTestCase {
  func testFastEscapeMatchesTheReferenceOnTrickyAndRandomText() {
    var samples = [
      "", "plain text", "1. first", "12) twelve", "1.1 is fine", "- item", "  + indented", "a - b", "x\r\ny",
      "tab\there", "<b>&</b>", "¹. superscript", "٣. arabic digit", "\u{A0}-nbsp", "e\u{301}.", "18.1.7.",
      "1.\u{2003}em space", "#|`*_{}[]~$^@!=", "😀. emoji", "1.", "1)", "\r", "\n\n- x",
    ]
    var generator = SplitMix64(seed: 2019)
    let alphabet = Array("ab 19.)-+=!{}#|*_<>&`[]~$^@\\\n\r\t\u{A0}\u{2003}é¹٣😀".unicodeScalars)
    for _ in 0..<3000 {
      let length = Int.random(in: 0...40, using: &generator)
      var text = String.UnicodeScalarView()
      for _ in 0..<length { text.append(alphabet.randomElement(using: &generator)!) }
      samples.append(String(text))
    }
    for sample in samples {
      XCTAssertEqual(Markdown.escape(sample), ReferenceMarkdown.referenceEscape(sample), "\(sample.debugDescription)")
    }
  }
}
