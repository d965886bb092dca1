import Foundation
import XCTest

/// `list`, `show`, `principles` and `search`, run through the built binary.
final class BrowseCommandTests: XCTestCase {
  /// Runs cpms and checks what every run must keep: no crash report on stderr.
  func cpms(_ arguments: String..., file: StaticString = #filePath, line: UInt = #line) throws -> CLIResult {
    let result = try CLIRunner.run(arguments)
    for marker in ["Fatal error", "Stack dump"] {
      XCTAssertFalse(result.stderr.contains(marker), "cpms \(arguments): \(result.stderr)", file: file, line: line)
    }
    return result
  }

  /// Asserts a successful run with nothing on stderr.
  func assertSuccess(_ result: CLIResult, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(result.status, 0, result.stderr, file: file, line: line)
    XCTAssertEqual(result.stderr, "", file: file, line: line)
    XCTAssertFalse(result.stdout.isEmpty, file: file, line: line)
  }

  /// The numbers in a text listing's entry lines ("  18  Case management").
  func listedNumbers(_ text: String) -> [Int] {
    text.split(separator: "\n").compactMap { line -> Int? in
      guard line.hasPrefix("  "), let first = line.dropFirst(2).first, first.isNumber else { return nil }
      return Int(line.dropFirst(2).prefix { $0.isNumber })
    }
  }

  func jsonObject(_ text: String) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(text.utf8))
  }

  // MARK: show

  func testShowPrintsTheStandardInFull() throws {
    let result = try cpms("show", "18")
    assertSuccess(result)
    for expected in ["Standard 18: Case management", "18.1.7", "KEY ACTIONS", "CORE INDICATORS", "summary"] {
      XCTAssertTrue(result.stdout.contains(expected), "missing \(expected)")
    }
    XCTAssertTrue(result.stdout.contains("caseworkers"))
    XCTAssertTrue(result.stdout.contains("18.4"))
  }

  func testShowJSON() throws {
    let result = try cpms("show", "18", "--format", "json")
    assertSuccess(result)
    let object = try XCTUnwrap(try jsonObject(result.stdout) as? [String: Any])
    XCTAssertEqual(object["number"] as? Int, 18)
    XCTAssertEqual(object["title"] as? String, "Case management")
    let actions = try XCTUnwrap(object["keyActions"] as? [[String: Any]])
    XCTAssertTrue(actions.contains { $0["id"] as? String == "18.1.7" })
    let indicators = try XCTUnwrap(object["indicators"] as? [[String: Any]])
    XCTAssertEqual(indicators.compactMap { $0["id"] as? String }, ["18.1", "18.2", "18.3", "18.4"])
  }

  func testShowOneJSONCarriesTheOfficialIndicatorIds() throws {
    let result = try cpms("show", "1", "--format", "json")
    assertSuccess(result)
    let object = try XCTUnwrap(try jsonObject(result.stdout) as? [String: Any])
    let indicators = try XCTUnwrap(object["indicators"] as? [[String: Any]])
    let official = Dictionary(
      uniqueKeysWithValues: indicators.compactMap { indicator -> (String, String)? in
        guard let id = indicator["id"] as? String, let official = indicator["officialId"] as? String else { return nil }
        return (id, official)
      })
    XCTAssertEqual(official, ["1.1": "1.2.2", "1.2": "1.2.1"])
    for indicator in indicators where indicator["officialId"] != nil {
      XCTAssertEqual(indicator["target"] as? String, "yes")
      XCTAssertEqual(indicator["basis"] as? String, "official-id-and-target")
    }
    let measures = try XCTUnwrap(object["additionalMeasures"] as? [[String: Any]])
    XCTAssertEqual(measures.compactMap { $0["id"] as? String }, ["1.A1", "1.A2", "1.A3"])
    // The detailed sources stay in JSON, named by title; the text view has one plain line instead.
    let provenance = try XCTUnwrap(object["provenance"] as? String)
    XCTAssertTrue(provenance.contains("the CPMS guide for coordination groups and mechanisms (2020)"), provenance)
    let text = try cpms("show", "1")
    XCTAssertTrue(text.stdout.contains("Official id: 1.2.2"), text.stdout)
    XCTAssertFalse(text.stdout.contains("Attested:"), text.stdout)
  }

  func testSweepNoUserFacingViewSaysSeed() throws {
    for number in 1...28 {
      for format in ["text", "markdown", "json"] {
        let result = try cpms("show", String(number), "--format", format)
        assertSuccess(result)
        XCTAssertNil(
          result.stdout.range(of: #"\bseeds?\b"#, options: [.regularExpression, .caseInsensitive]),
          "show \(number) --format \(format) says seed")
      }
    }
  }

  func testShowPrintsTheComputationOfEveryPercentageIndicator() throws {
    let result = try cpms("show", "26")
    assertSuccess(result)
    XCTAssertEqual(result.stdout.components(separatedBy: "Numerator: ").count - 1, 2, result.stdout)
    XCTAssertEqual(result.stdout.components(separatedBy: "Denominator: ").count - 1, 2, result.stdout)
    XCTAssertTrue(result.stdout.contains("Data sources: "), result.stdout)
  }

  func testShowMarkdown() throws {
    let result = try cpms("show", "18", "--format", "markdown")
    assertSuccess(result)
    XCTAssertTrue(result.stdout.hasPrefix("# Standard 18"), String(result.stdout.prefix(80)))
    XCTAssertTrue(result.stdout.contains("18.1.7"))
  }

  // MARK: list

  func testListShowsAllStandardsUnderFourPillars() throws {
    let result = try cpms("list")
    assertSuccess(result)
    XCTAssertEqual(listedNumbers(result.stdout), Array(1...28))
    for pillar in 1...4 {
      XCTAssertTrue(result.stdout.contains("PILLAR \(pillar):"), "missing pillar \(pillar)")
    }
    XCTAssertFalse(result.stdout.contains("PILLAR 5"))
    XCTAssertTrue(result.stdout.contains("Case management"))
  }

  func testListOnePillar() throws {
    let result = try cpms("list", "--pillar", "2")
    assertSuccess(result)
    XCTAssertEqual(listedNumbers(result.stdout), Array(7...13))
    XCTAssertTrue(result.stdout.contains("PILLAR 2:"))
    for other in [1, 3, 4] {
      XCTAssertFalse(result.stdout.contains("PILLAR \(other):"))
    }
  }

  func testListMarkdown() throws {
    let result = try cpms("list", "--format", "markdown")
    assertSuccess(result)
    XCTAssertTrue(result.stdout.contains("| Standard | Title |"), result.stdout)
    XCTAssertTrue(result.stdout.contains("| --- |"))
    XCTAssertTrue(result.stdout.contains("\n> "), "no notice quote")
    XCTAssertTrue(result.stdout.contains("summary"))
  }

  func testListJSONIsDeterministic() throws {
    let first = try cpms("list", "--format", "json")
    let second = try cpms("list", "--format", "json")
    assertSuccess(first)
    assertSuccess(second)
    XCTAssertEqual(Data(first.stdout.utf8), Data(second.stdout.utf8))
    let rows = try XCTUnwrap(try jsonObject(first.stdout) as? [[String: Any]])
    XCTAssertEqual(rows.compactMap { $0["number"] as? Int }, Array(1...28))
  }

  // MARK: principles

  func testPrinciplesListsTen() throws {
    let result = try cpms("principles")
    assertSuccess(result)
    XCTAssertEqual(listedNumbers(result.stdout), Array(1...10))
    let json = try cpms("principles", "--format", "json")
    assertSuccess(json)
    XCTAssertEqual((try jsonObject(json.stdout) as? [[String: Any]])?.count, 10)
  }

  // MARK: search

  func testSearchFindsCaseworkers() throws {
    let result = try cpms("search", "caseworkers")
    assertSuccess(result)
    XCTAssertTrue(result.stdout.contains("18.1.7"), result.stdout)
    XCTAssertFalse(result.stdout.hasPrefix("0 matches"))
  }

  func testSearchWithoutHitsExitsZero() throws {
    let result = try cpms("search", "zzzzqqq")
    assertSuccess(result)
    XCTAssertTrue(result.stdout.contains("0 matches"), result.stdout)
  }
}
