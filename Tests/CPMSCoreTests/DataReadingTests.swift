import XCTest

@testable import CPMSCore

/// The hand-written readers that replaced Foundation's decoder and encoder must give the same
/// results and report problems precisely.
final class DataReadingTests: XCTestCase {
  private func problems(_ json: String, _ read: (DataObject) -> Void) -> [String] {
    let reader = DataFileReader(file: "test.json")
    if let object = reader.root(json) {
      read(object)
      object.finish()
    }
    return reader.problems
  }

  func testReportsMissingWrongTypedUnknownAndDuplicateKeysWithTheirPlace() {
    let found = problems(
      """
      {"title": 3, "extra": true,
       "items": [1, "two"], "items": []}
      """
    ) { object in
      _ = object.string("title")
      _ = object.string("summary")
      _ = object.ints("items")
    }
    XCTAssertEqual(
      found,
      [
        "test.json:1:11: 'title' should be a string, found a number",
        "test.json:1:1: missing key 'summary'",
        "test.json:2:23: duplicate key 'items'",
        "test.json:2:15: 'items[1]' should be a whole number, found a string",
        "test.json:1:14: unknown key 'extra'",
      ])
  }

  func testReportsASyntaxErrorWithItsPlace() {
    let found = problems("{\"a\": [1,}") { _ = $0.ints("a") }
    XCTAssertEqual(found.count, 1)
    XCTAssertTrue(found[0].hasPrefix("test.json:1:10: "), found[0])
  }

  func testReadsNestedObjectsAndOptionalValues() {
    var title: String?
    var notes: [String]?
    var flag: Bool?
    let found = problems(#"{"inner": {"title": "Case \"management\""}, "flag": null}"#) { object in
      title = object.object("inner") { $0.string("title") }
      notes = object.optionalStrings("notes")
      flag = object.optionalBool("flag")
    }
    XCTAssertEqual(found, [])
    XCTAssertEqual(title, #"Case "management""#)
    XCTAssertNil(notes)
    XCTAssertNil(flag)
  }

  func testShallowScanFindsTopLevelStringsAndGivesUpOnAnythingUnusual() {
    let text =
      #"{"number": 18, "nested": {"title": "inner", "list": [1, "]", {"x": "}"}]}, "title": "Case management"}"#
    XCTAssertEqual(ShallowJSONScan.topLevelString(text, key: "title"), "Case management")
    XCTAssertNil(ShallowJSONScan.topLevelString(text, key: "missing"))
    XCTAssertNil(ShallowJSONScan.topLevelString(#"{"title": "with \"escape\""}"#, key: "title"))
    XCTAssertNil(ShallowJSONScan.topLevelString(#"["title", "x"]"#, key: "title"))
    XCTAssertNil(ShallowJSONScan.topLevelString(#"{"a": [1, 2"#, key: "title"))
    XCTAssertNil(ShallowJSONScan.topLevelString("", key: "title"))
  }

  func testTitlesFromTheShallowScanMatchTheFullyReadStandards() throws {
    let catalog = try Catalog.bundled.get()
    let loaded = try Catalog.load(files: EmbeddedData.files)
    for number in Catalog.standardNumbers {
      XCTAssertEqual(catalog.standardTitle(number), loaded.standard(number)?.title, "standard \(number)")
    }
    XCTAssertNil(catalog.standardTitle(29))
  }

  func testTheLazyBundledCatalogEqualsTheFullyCheckedOne() throws {
    let lazy = try Catalog.bundled.get()
    let loaded = try Catalog.load(files: EmbeddedData.files)
    XCTAssertEqual(lazy.standards, loaded.standards)
    XCTAssertEqual(lazy.guide, loaded.guide)
    XCTAssertEqual(lazy.principles, loaded.principles)
    XCTAssertEqual(lazy.coordinationFunctions, loaded.coordinationFunctions)
  }

  private struct Sample: Encodable {
    var empty: [Int] = []
    var emptyObject: [String: Int] = [:]
    var whole = 5.0
    var fraction = 4.666666666666667
    var large = 1e20
    var small = 1e-7
    var negativeZero = -0.0
    var text = "quote \" backslash \\ slash / newline \n tab \t bell \u{7} escape \u{1B} é 😀 \u{2028}"
    var missing: Int? = nil
    var nested: [[Int]] = [[1], []]
    var flags = [true, false]
    var keys = ["b": 1, "a": 2, "B": 3, "_": 4]
    var single = Target.percentage(90)
  }

  func testJSONOutputMatchesFoundationsEncoderByteForByte() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    for value in [Sample(), Sample(text: "", nested: [])] {
      let expected = String(decoding: try encoder.encode(value), as: UTF8.self)
      XCTAssertEqual(JSONOutput.encode(value), expected)
    }
    let standard = try XCTUnwrap(Catalog.bundled.get().standard(18))
    XCTAssertEqual(JSONOutput.encode(standard), String(decoding: try encoder.encode(standard), as: UTF8.self))
    XCTAssertEqual(JSONOutput.encode([Int]()), "[\n\n]")
  }
}

final class IDOrderTests: XCTestCase {
  func testOrdersIdsLikeTheHandbookAndNeverTraps() {
    XCTAssertEqual(Contextualization.idOrder("18.2.10"), [18, 2, 10])
    XCTAssertEqual(Contextualization.idOrder("18..3"), [18, 3])
    XCTAssertEqual(Contextualization.idOrder("18.L1"), [18, Int.max])
    XCTAssertEqual(Contextualization.idOrder("99999999999999999999.1"), [Int.max, 1])
    XCTAssertEqual(Contextualization.idOrder(""), [])
    XCTAssertTrue(Contextualization.idOrder("18.2.9").lexicographicallyPrecedes(Contextualization.idOrder("18.2.10")))
  }
}
