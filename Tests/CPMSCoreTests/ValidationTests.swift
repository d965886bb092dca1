import Foundation
import XCTest

@testable import CPMSCore

/// `FileValidator`: one failing file per check, each finding located at the exact line and column of the
/// offending key or value, plus the bundled examples and the agreement of the JSON Schemas with the validator.
final class ValidationTests: XCTestCase {
  // MARK: helpers

  static let catalog: Catalog = {
    switch Catalog.bundled {
    case .success(let catalog): return catalog
    case .failure(let error): fatalError("the bundled catalog does not load: \(error)")
    }
  }()

  static var packageRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
  }

  /// Reads nothing: files named inside a workshop do not exist unless a test says so.
  static let noFiles: FileReader = { _, _ in .failure(.missing) }

  static let diskFiles: FileReader = { path, _ in
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
      let data = FileManager.default.contents(atPath: path)
    else { return .failure(.missing) }
    return .success([UInt8](data))
  }

  func validate(_ bytes: [UInt8], path: String = "test.json", readFile: @escaping FileReader = noFiles)
    -> ValidationReport
  {
    FileValidator.validate(bytes, path: path, catalog: Self.catalog, readFile: readFile)
  }

  func validate(_ text: String, path: String = "test.json", readFile: @escaping FileReader = noFiles)
    -> ValidationReport
  {
    validate(Array(text.utf8), path: path, readFile: readFile)
  }

  static func describe(_ report: ValidationReport) -> String {
    report.diagnostics.isEmpty
      ? "no findings"
      : report.diagnostics.map {
        "\($0.location?.description ?? "-") \($0.severity.rawValue) [\($0.rule)] \($0.message)"
      }
      .joined(separator: "\n")
  }

  /// Asserts an error with `rule` at exactly `position` (line, column); with `only`, that it is the file's only
  /// error. Returns the finding so callers can check its message further.
  @discardableResult
  func assertError(
    _ report: ValidationReport, _ rule: String, at position: (line: Int, column: Int),
    containing fragment: String? = nil,
    only: Bool = true, file: StaticString = #filePath, line: UInt = #line
  ) -> Diagnostic? {
    XCTAssertFalse(report.valid, "the file was accepted; expected [\(rule)]", file: file, line: line)
    let found = report.diagnostics.first {
      $0.severity == .error && $0.rule == rule && $0.location?.line == position.line
        && $0.location?.column == position.column
    }
    XCTAssertNotNil(
      found, "no error [\(rule)] at \(position.line):\(position.column); findings:\n\(Self.describe(report))",
      file: file, line: line)
    if only {
      XCTAssertEqual(
        report.errorCount, 1, "expected only [\(rule)]; findings:\n\(Self.describe(report))", file: file, line: line)
    }
    if let fragment, let found {
      XCTAssertTrue(
        found.message.contains(fragment), "the message lacks \(fragment): \(found.message)", file: file, line: line)
    }
    return found
  }

  func assertValid(_ report: ValidationReport, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertTrue(report.valid, "expected a valid file; findings:\n\(Self.describe(report))", file: file, line: line)
    XCTAssertEqual(report.errorCount, 0, file: file, line: line)
  }

  /// A contextualization file of standard 18 holding one indicator entry on line 8.
  func indicatorFile(_ entry: String, list: String = "indicators") -> String {
    """
    {
      "cpms": "contextualization/1",
      "context": { "name": "Test" },
      "standards": [
        {
          "number": 18,
          "\(list)": [
            \(entry)
          ]
        }
      ]
    }
    """
  }

  /// A contextualization file of `standard` holding one key action entry on line 8.
  func keyActionFile(_ entry: String, standard: Int = 18) -> String {
    """
    {
      "cpms": "contextualization/1",
      "context": { "name": "Test" },
      "standards": [
        {
          "number": \(standard),
          "keyActions": [
            \(entry)
          ]
        }
      ]
    }
    """
  }

  static let minimalValid = """
    {
      "cpms": "contextualization/1",
      "context": { "name": "Test" },
      "standards": [{ "number": 1 }]
    }
    """

  // MARK: reading the file

  func testJSONSyntaxErrorIsLocatedAtTheMissingComma() {
    let report = validate(
      """
      {
        "cpms": "contextualization/1"
        "context": { "name": "Test" },
        "standards": [{ "number": 1 }]
      }
      """)
    assertError(report, "json-syntax", at: (3, 3), containing: "Missing comma")
    XCTAssertNil(report.kind)
  }

  func testEmptyFile() {
    assertError(validate(""), "empty-file", at: (1, 1))
  }

  func testWhitespaceOnlyFileIsEmpty() {
    assertError(validate("  \n\t\n   \r\n"), "empty-file", at: (1, 1))
  }

  func testInvalidUTF8IsLocatedAtTheBadByte() {
    var bytes = Array(
      """
      {
        "cpms": "contextualization/1",
        "context": { "name": "Caf?" },
        "standards": [{ "number": 1 }]
      }
      """.utf8)
    let question = bytes.firstIndex(of: UInt8(ascii: "?"))!
    bytes[question] = 0xE9  // "é" in Latin-1, not UTF-8
    assertError(validate(bytes), "invalid-utf8", at: (3, 28), containing: "UTF-8")
  }

  func testUTF8ByteOrderMarkIsAcceptedAndTakesNoColumn() {
    let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    assertValid(validate(bom + Array(Self.minimalValid.utf8)))
    let withError = """
      { "cpms": "contextualization/1", "oops": 1,
        "context": { "name": "Test" },
        "standards": [{ "number": 1 }]
      }
      """
    assertError(validate(Array(withError.utf8)), "unknown-key", at: (1, 34))
    assertError(validate(bom + Array(withError.utf8)), "unknown-key", at: (1, 34))
    assertError(validate(bom + Array("[]".utf8)), "type", at: (1, 1))
  }

  func testCRLFFileIsValidAndPositionsCountLines() {
    assertValid(validate(Self.minimalValid.replacingOccurrences(of: "\n", with: "\r\n")))
    let text = """
      {
        "cpms": "contextualization/1",
        "context": { "name": "Test" },
        "standards": [
          { "number": 18, "indicaters": [] }
        ]
      }
      """
    assertError(validate(text), "unknown-key", at: (5, 21))
    assertError(validate(text.replacingOccurrences(of: "\n", with: "\r\n")), "unknown-key", at: (5, 21))
  }

  func testHundredThousandNestedArraysAreRefusedWithoutCrashing() {
    let bytes = [UInt8](repeating: UInt8(ascii: "["), count: 100_000)
    assertError(validate(bytes), "nesting-too-deep", at: (1, SourceJSONParser.defaultMaxDepth + 1))
    let balanced = bytes + [UInt8](repeating: UInt8(ascii: "]"), count: 100_000)
    assertError(validate(balanced), "nesting-too-deep", at: (1, SourceJSONParser.defaultMaxDepth + 1))
  }

  func testFileOverTheSizeLimitIsRefusedBeforeParsing() {
    // The limit logic with a small limit, so the test needs no file of 256 MB.
    let object = Array(Self.minimalValid.utf8)
    let limit = object.count + 10
    let atLimit = object + [UInt8](repeating: UInt8(ascii: " "), count: 10)
    func analyse(_ bytes: [UInt8]) -> ValidationReport {
      FileValidator.analyse(bytes, path: "test.json", catalog: Self.catalog, readFile: Self.noFiles, maxFileSize: limit)
        .0
    }
    assertValid(analyse(atLimit))
    let tooLarge = atLimit + [UInt8(ascii: " ")]
    assertError(analyse(tooLarge), "file-too-large", at: (1, 1), containing: "larger than \(limit) bytes")
    // Broken content over the limit is refused for its size, before anything is parsed.
    assertError(analyse([UInt8](repeating: UInt8(ascii: "["), count: limit + 1)), "file-too-large", at: (1, 1))
    // The real limit: 256 MB, so that a generated file of 100 MB validates.
    XCTAssertEqual(FileValidator.maxFileSize, 256 * 1024 * 1024)
    XCTAssertNil(FileValidator.sizeFinding(byteCount: FileValidator.maxFileSize))
    let finding = FileValidator.sizeFinding(byteCount: FileValidator.maxFileSize + 1)
    XCTAssertEqual(finding?.rule, "file-too-large")
    XCTAssertTrue(finding?.message.contains("larger than 256 MB") ?? false, finding?.message ?? "")
  }

  func testBinaryJunk() {
    let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]
    assertError(validate(png), "invalid-utf8", at: (1, 1))
    let elf: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00]
    assertError(validate(elf), "json-syntax", at: (1, 1))
  }

  func testTopLevelArrayIsNotAnObject() {
    assertError(validate("[]"), "type", at: (1, 1), containing: "JSON object")
    assertError(validate("\n  []\n"), "type", at: (2, 3))
  }

  // MARK: the cpms tag

  func testMissingTag() {
    let report = validate(
      """
      {
        "context": { "name": "Test" },
        "standards": [{ "number": 1 }]
      }
      """)
    assertError(report, "missing-tag", at: (1, 1), containing: "\"cpms\"")
  }

  func testUnknownTagSuggestsTheClosestFormat() {
    let report = validate(
      """
      {
        "cpms": "contextualisation/1",
        "context": { "name": "Test" },
        "standards": [{ "number": 1 }]
      }
      """)
    assertError(report, "unknown-format", at: (2, 11), containing: "Did you mean \"contextualization/1\"")
  }

  // MARK: keys and types

  func testNumberWhereAStringIsExpected() {
    let report = validate(
      """
      {
        "cpms": "contextualization/1",
        "context": { "name": 42 },
        "standards": [{ "number": 1 }]
      }
      """)
    assertError(report, "type", at: (3, 24), containing: "string")
  }

  func testMissingContextNameIsLocatedAtTheContextObject() {
    let report = validate(
      """
      {
        "cpms": "contextualization/1",
        "context": { "language": "fr" },
        "standards": [{ "number": 1 }]
      }
      """)
    assertError(report, "required-key", at: (3, 14), containing: "\"name\"")
  }

  func testUnknownKeySuggestsTheIntendedKey() {
    let report = validate(
      """
      {
        "cpms": "contextualization/1",
        "context": { "name": "Test" },
        "standards": [
          { "number": 18, "indicaters": [] }
        ]
      }
      """)
    assertError(report, "unknown-key", at: (5, 21), containing: "Did you mean \"indicators\"")
  }

  func testDuplicateKeyIsLocatedAtTheSecondOccurrence() {
    let report = validate(
      """
      {
        "cpms": "contextualization/1",
        "context": { "name": "Test" },
        "standards": [{ "number": 1 }],
        "context": { "name": "Other" }
      }
      """)
    assertError(report, "duplicate-key", at: (5, 3), containing: "\"context\"")
  }

  // MARK: standards

  func testStandardNumbersZeroAndTwentyNine() {
    let report = validate(
      """
      {
        "cpms": "contextualization/1",
        "context": { "name": "Test" },
        "standards": [
          { "number": 0 },
          { "number": 29 }
        ]
      }
      """)
    assertError(report, "standard-number", at: (5, 17), only: false)
    assertError(report, "standard-number", at: (6, 17), only: false)
    XCTAssertEqual(report.errorCount, 2, Self.describe(report))
  }

  func testRepeatedStandard() {
    let report = validate(
      """
      {
        "cpms": "contextualization/1",
        "context": { "name": "Test" },
        "standards": [
          { "number": 18 },
          { "number": 18 }
        ]
      }
      """)
    assertError(report, "repeated-standard", at: (6, 5))
  }

  // MARK: key actions

  func testKeyActionIdOfAnotherStandard() {
    let report = validate(keyActionFile(#"{ "id": "13.1.1", "text": "Local wording." }"#))
    assertError(report, "id-belongs-to-standard", at: (8, 17), containing: "standard 13")
  }

  func testUnknownKeyActionId() {
    let report = validate(keyActionFile(#"{ "id": "18.1.99", "text": "Local wording." }"#))
    assertError(report, "unknown-key-action", at: (8, 17), containing: "18.1.99")
  }

  func testAddedKeyActionWhoseIdExists() {
    let report = validate(
      keyActionFile(#"{ "id": "18.1.7", "added": true, "phase": "preparedness", "text": "Local action." }"#))
    assertError(report, "added-id-exists", at: (8, 17))
  }

  func testAddedKeyActionWithoutPhase() {
    let report = validate(keyActionFile(#"{ "id": "18.2.12", "added": true, "text": "Local action." }"#))
    assertError(report, "required-key", at: (8, 9), containing: "\"phase\"")
  }

  func testAddedKeyActionWithThePhaseOfAnotherSection() {
    let report = validate(
      keyActionFile(#"{ "id": "18.2.12", "added": true, "phase": "preparedness", "text": "Local action." }"#))
    assertError(report, "phase", at: (8, 52), containing: "Section 18.2 holds response actions")
  }

  func testPillarFourAddedKeyActionWithPreparednessPhase() {
    let report = validate(
      keyActionFile(
        #"{ "id": "23.2.1", "added": true, "phase": "preparedness", "text": "Local action." }"#, standard: 23))
    assertError(report, "phase", at: (8, 51), containing: "Pillar 4")
    assertValid(
      validate(
        keyActionFile(
          #"{ "id": "23.2.1", "added": true, "phase": "response", "text": "Local action." }"#, standard: 23)))
  }

  // MARK: indicators

  func testIndicatorIdOfAnotherStandard() {
    let report = validate(indicatorFile(#"{ "id": "13.1", "target": "80%" }"#))
    assertError(report, "id-belongs-to-standard", at: (8, 17), containing: "standard 13")
  }

  func testUnknownIndicatorId() {
    let report = validate(indicatorFile(#"{ "id": "18.9", "target": "80%" }"#))
    assertError(report, "unknown-indicator", at: (8, 17), containing: "18.1, 18.2, 18.3, 18.4")
  }

  // MARK: official ids

  func testOfficialIdsAndTextsAreAccepted() throws {
    let text = """
      {
        "cpms": "contextualization/1",
        "context": { "name": "Test" },
        "standards": [
          {
            "number": 18,
            "officialStatement": "The official statement.",
            "indicators": [
              { "id": "18.1", "officialId": "18.2.1", "officialText": "Official wording one." },
              { "id": "18.2", "officialId": "18.2.2" }
            ],
            "additionalIndicators": [
              { "id": "18.L1", "text": "A local one.", "target": 5, "officialId": "18.3.1" }
            ]
          }
        ]
      }
      """
    let (report, model) = FileValidator.contextualization(
      Array(text.utf8), path: "t.json", catalog: Self.catalog, readFile: Self.noFiles)
    assertValid(report)
    let applied = try XCTUnwrap(model).apply(to: Self.catalog)
    let standard = try XCTUnwrap(applied.standard(18))
    XCTAssertEqual(standard.contextualization?.officialStatement, "The official statement.")
    XCTAssertEqual(standard.indicators.map(\.officialId), ["18.2.1", "18.2.2", nil, nil, "18.3.1"])
    XCTAssertEqual(standard.indicators[0].officialText, "Official wording one.")
    let shown = BrowseRendering(catalog: applied).show(18, format: .text)
    XCTAssertTrue(shown.contains("Official id: 18.2.1"), shown)
    XCTAssertTrue(shown.contains("Official statement: The official statement."), shown)
    let json = BrowseRendering(catalog: applied).show(18, format: .json)
    XCTAssertTrue(json.contains("\"officialId\" : \"18.2.2\""), json)
  }

  func testOfficialIdInTwoParts() {
    let report = validate(indicatorFile(#"{ "id": "18.1", "officialId": "18.2" }"#))
    assertError(report, "official-id-format", at: (8, 39), containing: "standard.section.n")
  }

  func testOfficialIdWithASign() {
    let report = validate(indicatorFile(#"{ "id": "18.1", "officialId": "18.+2.1" }"#))
    assertError(report, "official-id-format", at: (8, 39), containing: "18.2.1")
  }

  func testOfficialIdOfAnotherStandard() {
    let report = validate(indicatorFile(#"{ "id": "18.1", "officialId": "13.2.1" }"#))
    assertError(report, "official-id-belongs-to-standard", at: (8, 39), containing: "not to standard 18")
  }

  func testOfficialIdGivenTwiceInTheFile() {
    let report = validate(
      indicatorFile(
        #"{ "id": "18.1", "officialId": "18.2.1" }, { "id": "18.2", "officialId": "18.2.1" }"#))
    assertError(report, "repeated-official-id", at: (8, 81), containing: "already given to indicator 18.1 (line 8)")
  }

  func testOfficialIdThatTheDataGivesToAnotherIndicator() {
    let text = """
      {
        "cpms": "contextualization/1",
        "context": { "name": "Test" },
        "standards": [
          {
            "number": 1,
            "indicators": [{ "id": "1.3", "officialId": "1.2.1" }]
          }
        ]
      }
      """
    let report = validate(text)
    assertError(report, "repeated-official-id", at: (7, 51), containing: "already belongs to indicator 1.2")
    // Moving 1.2.1 is fine when the file gives 1.2 another official id.
    let swapped = text.replacingOccurrences(
      of: #"[{ "id": "1.3", "officialId": "1.2.1" }]"#,
      with: #"[{ "id": "1.3", "officialId": "1.2.1" }, { "id": "1.2", "officialId": "1.2.3" }]"#)
    assertValid(validate(swapped))
  }

  func testFifthCoreIndicatorIsTooMany() {
    let report = validate(
      """
      {
        "cpms": "contextualization/1",
        "context": { "name": "Test" },
        "standards": [
          {
            "number": 18,
            "indicators": [
              { "id": "18.1" },
              { "id": "18.2" },
              { "id": "18.3" },
              { "id": "18.4" },
              { "id": "18.5" }
            ]
          }
        ]
      }
      """)
    assertError(report, "too-many-indicators", at: (12, 9), only: false)
    assertError(report, "unknown-indicator", at: (12, 17), only: false)
    XCTAssertEqual(report.errorCount, 2, Self.describe(report))
  }

  func testAdditionalIndicatorIdMustBeLocal() {
    let report = validate(
      indicatorFile(#"{ "id": "18.5", "text": "Local.", "target": "50%" }"#, list: "additionalIndicators"))
    assertError(report, "id-format", at: (8, 17), containing: "18.L1")
    assertValid(
      validate(indicatorFile(#"{ "id": "18.L1", "text": "Local.", "target": "50%" }"#, list: "additionalIndicators")))
  }

  func testTargets() {
    for target in [#""80%""#, #""100%""#, #""yes""#, #""no""#, "25", #""set in context""#] {
      let report = validate(indicatorFile(#"{ "id": "18.1", "target": \#(target) }"#))
      XCTAssertTrue(report.valid, "target \(target) was refused:\n\(Self.describe(report))")
    }
    for target in [#""120%""#, #""-5%""#, #""lots""#, "true"] {
      let report = validate(indicatorFile(#"{ "id": "18.1", "target": \#(target) }"#))
      XCTAssertFalse(report.valid, "target \(target) was accepted")
      assertError(report, "target", at: (8, 35))
    }
  }

  // MARK: context

  func testLanguageTags() {
    func file(_ tag: String) -> String {
      """
      {
        "cpms": "contextualization/1",
        "context": { "name": "Test", "language": "\(tag)" },
        "standards": [{ "number": 1 }]
      }
      """
    }
    for tag in ["en", "fr", "es-CO", "zh-Hans-CN", "ar"] {
      let report = validate(file(tag))
      XCTAssertTrue(report.valid, "'\(tag)' was refused:\n\(Self.describe(report))")
    }
    for tag in ["english", "e", "fr_FR", "12"] {
      let report = validate(file(tag))
      XCTAssertFalse(report.valid, "'\(tag)' was accepted as a language tag")
      if !report.valid { assertError(report, "language-tag", at: (3, 44)) }
    }
  }

  func testUpdateDateMustExistInTheCalendar() {
    func file(_ date: String) -> String {
      """
      {
        "cpms": "contextualization/1",
        "context": { "name": "Test", "updated": "\(date)" },
        "standards": [{ "number": 1 }]
      }
      """
    }
    assertError(validate(file("2026-02-30")), "date", at: (3, 43), containing: "2026-02-30")
    assertError(validate(file("2026-02-29")), "date", at: (3, 43))
    assertValid(validate(file("2028-02-29")))
  }

  // MARK: workshop files

  func testWorkshopUnknownSituation() {
    let report = validate(
      """
      {
        "cpms": "workshop/1",
        "situation": "sometimes",
        "select": [1, 7, 14, 21]
      }
      """)
    assertError(report, "situation", at: (3, 16), containing: "'sometimes'")
  }

  func testWorkshopThreeStandardsUnderNoneIsTooFew() {
    let report = validate(
      """
      {
        "cpms": "workshop/1",
        "situation": "none",
        "select": [1, 7, 14]
      }
      """)
    assertError(report, "size-4-to-10", at: (4, 13), containing: "3 standards", only: false)
  }

  func testWorkshopNoneNeedsOneStandardPerPillar() {
    let report = validate(
      """
      {
        "cpms": "workshop/1",
        "situation": "none",
        "select": [1, 2, 7, 14]
      }
      """)
    assertError(report, "one-per-pillar", at: (4, 13), containing: "Pillar 4")
  }

  func testWorkshopContextualizedStandardLeftOut() {
    let report = validate(
      """
      {
        "cpms": "workshop/1",
        "situation": "contextualized",
        "contextualized": [13, 18],
        "select": [1, 7, 13, 21]
      }
      """)
    assertError(report, "contextualized-selected", at: (4, 26), containing: "Standard 18")
  }

  func testWorkshopExceptionReason() {
    let report = validate(
      """
      {
        "cpms": "workshop/1",
        "situation": "contextualized",
        "contextualized": [13, 18],
        "select": [1, 7, 13, 21],
        "exceptions": [{ "standard": 18, "reason": "maybe" }]
      }
      """)
    assertError(report, "exception-reason", at: (6, 46), containing: "'maybe'")
  }

  func testWorkshopBallotThatDoesNotExist() {
    let report = validate(
      """
      {
        "cpms": "workshop/1",
        "situation": "none",
        "ballots": ["ballots/nobody.csv"]
      }
      """, path: "/nowhere/workshop.json")
    assertError(report, "unreadable", at: (4, 15), containing: "The ballot 'ballots/nobody.csv' does not exist")
  }

  // MARK: bundled examples

  func testBundledExamplesAreValid() throws {
    let folder = Self.packageRoot.appendingPathComponent("Data/examples")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
      .sorted()
    XCTAssertTrue(Set(names).isSuperset(of: ["contextualization.json", "workshop.json"]), "\(names)")
    for name in names {
      let path = folder.appendingPathComponent(name).path
      let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
      let report = validate(bytes, path: path, readFile: Self.diskFiles)
      XCTAssertTrue(report.valid, "\(name):\n\(Self.describe(report))")
      XCTAssertEqual(report.diagnostics, [], "\(name):\n\(Self.describe(report))")
      XCTAssertEqual(report.kind, name == "workshop.json" ? WorkshopFile.tag : Contextualization.tag)
    }
  }

  func testExampleContextualizationAppliesToTheCatalog() throws {
    let path = Self.packageRoot.appendingPathComponent("Data/examples/contextualization.json").path
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    let (report, model) = FileValidator.contextualization(
      bytes, path: path, catalog: Self.catalog, readFile: Self.diskFiles)
    XCTAssertTrue(report.valid, Self.describe(report))
    let context = try XCTUnwrap(model)
    XCTAssertEqual(context.standardNumbers, [1, 13, 18, 23])
    let applied = context.apply(to: Self.catalog)
    let standard = try XCTUnwrap(applied.standard(18))
    XCTAssertEqual(standard.title, "Case management for children at risk")
    XCTAssertNotNil(standard.contextualization)
    let added = try XCTUnwrap(standard.keyActions.first { $0.id == "18.2.12" })
    XCTAssertEqual(added.phase, .response)
    XCTAssertEqual(standard.keyActions.last?.id, "18.2.12")
    XCTAssertNil(applied.standard(2)?.contextualization)
    let coordination = try XCTUnwrap(applied.standard(1))
    XCTAssertNotNil(coordination.contextualization?.officialStatement)
    XCTAssertEqual(coordination.indicators.map(\.officialId), ["1.2.2", "1.2.1", nil, nil])
    XCTAssertNotNil(coordination.indicators[0].officialText)
    // A workshop file is refused where a contextualization is expected.
    let (wrong, none) = FileValidator.contextualization(
      Array(#"{ "cpms": "workshop/1", "situation": "none" }"#.utf8), path: "w.json", catalog: Self.catalog,
      readFile: Self.noFiles)
    XCTAssertNil(none)
    assertError(wrong, "wrong-kind", at: (1, 11))
  }

  // MARK: the JSON Schemas agree with the validator

  /// A JSON Schema interpreter for exactly the keywords the two cpms schemas use; any other keyword is recorded
  /// in `unsupported` so the test notices when a schema grows beyond it.
  final class MiniSchema {
    let root: SourceJSON
    var unsupported: Set<String> = []
    static let annotations: Set<String> = ["$schema", "$id", "title", "description", "$defs"]

    init(_ root: SourceJSON) { self.root = root }

    func errors(_ instance: SourceJSON) -> [String] {
      var errors: [String] = []
      check(root, instance, "$", &errors)
      return errors
    }

    static func same(_ a: SourceJSON, _ b: SourceJSON) -> Bool {
      switch (a.value, b.value) {
      case (.object(let x), .object(let y)):
        guard x.count == y.count else { return false }
        return x.allSatisfy { member in y.contains { $0.key == member.key && same($0.value, member.value) } }
      case (.array(let x), .array(let y)): return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
      case (.number, .number): return a.doubleValue != nil && a.doubleValue == b.doubleValue
      case (.string(let x), .string(let y)): return x == y
      case (.bool(let x), .bool(let y)): return x == y
      case (.null, .null): return true
      default: return false
      }
    }

    static func hasType(_ value: SourceJSON, _ type: String) -> Bool {
      switch (type, value.value) {
      case ("object", .object), ("array", .array), ("string", .string), ("number", .number), ("boolean", .bool),
        ("null", .null):
        return true
      case ("integer", .number):
        guard let number = value.doubleValue else { return false }
        return number.rounded() == number
      default: return false
      }
    }

    func check(_ schema: SourceJSON, _ value: SourceJSON, _ path: String, _ errors: inout [String]) {
      guard let keywords = schema.members else {
        unsupported.insert("non-object schema at \(path)")
        return
      }
      for keyword in keywords {
        let rule = keyword.value
        switch keyword.key {
        case "type":
          let types = rule.elements?.compactMap(\.stringValue) ?? [rule.stringValue ?? ""]
          if !types.contains(where: { Self.hasType(value, $0) }) { errors.append("\(path): not of type \(types)") }
        case "const":
          if !Self.same(rule, value) { errors.append("\(path): not the const") }
        case "enum":
          if !(rule.elements ?? []).contains(where: { Self.same($0, value) }) { errors.append("\(path): not in enum") }
        case "minimum":
          if let number = value.doubleValue, case .number = value.value, let limit = rule.doubleValue, number < limit {
            errors.append("\(path): below minimum")
          }
        case "maximum":
          if let number = value.doubleValue, case .number = value.value, let limit = rule.doubleValue, number > limit {
            errors.append("\(path): above maximum")
          }
        case "minItems":
          if let elements = value.elements, let limit = rule.intValue, elements.count < limit {
            errors.append("\(path): too few items")
          }
        case "maxItems":
          if let elements = value.elements, let limit = rule.intValue, elements.count > limit {
            errors.append("\(path): too many items")
          }
        case "uniqueItems":
          if case .bool(true) = rule.value, let elements = value.elements {
            for (i, a) in elements.enumerated() where elements[(i + 1)...].contains(where: { Self.same(a, $0) }) {
              errors.append("\(path): repeated item")
            }
          }
        case "pattern":
          if let text = value.stringValue, let pattern = rule.stringValue {
            guard let regex = try? NSRegularExpression(pattern: pattern) else {
              unsupported.insert("pattern \(pattern)")
              continue
            }
            if regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil {
              errors.append("\(path): '\(text)' does not match \(pattern)")
            }
          }
        case "required":
          if let members = value.members {
            for key in rule.elements?.compactMap(\.stringValue) ?? [] where !members.contains(where: { $0.key == key })
            {
              errors.append("\(path): missing \(key)")
            }
          }
        case "properties":
          if let members = value.members, let properties = rule.members {
            for member in members {
              if let sub = properties.first(where: { $0.key == member.key }) {
                check(sub.value, member.value, "\(path).\(member.key)", &errors)
              }
            }
          }
        case "additionalProperties":
          guard case .bool(false) = rule.value else {
            unsupported.insert("additionalProperties other than false")
            continue
          }
          if let members = value.members {
            let known = schema["properties"]?.members?.map(\.key) ?? []
            for member in members where !known.contains(member.key) {
              errors.append("\(path): additional property \(member.key)")
            }
          }
        case "items":
          if let elements = value.elements {
            for (index, element) in elements.enumerated() { check(rule, element, "\(path)[\(index)]", &errors) }
          }
        case "$ref":
          guard let reference = rule.stringValue, reference.hasPrefix("#/$defs/"),
            let target = root["$defs"]?[String(reference.dropFirst("#/$defs/".count))]
          else {
            unsupported.insert("$ref \(rule.stringValue ?? "?")")
            continue
          }
          check(target, value, path, &errors)
        case "oneOf":
          let passing = (rule.elements ?? []).filter { branch in
            var branchErrors: [String] = []
            check(branch, value, path, &branchErrors)
            return branchErrors.isEmpty
          }
          if passing.count != 1 { errors.append("\(path): \(passing.count) oneOf branches match") }
        case "not":
          var inner: [String] = []
          check(rule, value, path, &inner)
          if inner.isEmpty { errors.append("\(path): matches a 'not' schema") }
        case "if":
          var condition: [String] = []
          check(rule, value, path, &condition)
          if let branch = condition.isEmpty ? schema["then"] : schema["else"] {
            check(branch, value, path, &errors)
          }
        case "then", "else":
          break  // applied by "if"
        default:
          if !Self.annotations.contains(keyword.key) { unsupported.insert(keyword.key) }
        }
      }
    }
  }

  func schema(_ name: String) throws -> MiniSchema {
    let text = try XCTUnwrap(Catalog.schema(named: name), "no schema \(name)")
    return MiniSchema(try SourceJSONParser.parse(Array(text.utf8)))
  }

  func testJSONSchemasAgreeWithTheValidator() throws {
    let contextualization = try schema("contextualization")
    let workshop = try schema("workshop")
    let exampleFolder = Self.packageRoot.appendingPathComponent("Data/examples")
    func example(_ name: String) throws -> String {
      try String(contentsOf: exampleFolder.appendingPathComponent(name), encoding: .utf8)
    }
    func context(_ standards: String, context: String = #"{ "name": "Test" }"#) -> String {
      #"{ "cpms": "contextualization/1", "context": \#(context), "standards": [\#(standards)] }"#
    }
    func standard18(_ members: String) -> String { context(#"{ "number": 18, \#(members) }"#) }
    let samples: [(name: String, schema: MiniSchema, text: String, valid: Bool)] = [
      ("example contextualization", contextualization, try example("contextualization.json"), true),
      ("minimal", contextualization, context(#"{ "number": 1 }"#), true),
      (
        "rich", contextualization,
        standard18(
          #""title": "Local", "keyActions": [{ "id": "18.1.7", "text": "Local." }, "#
            + #"{ "id": "18.2.12", "added": true, "phase": "response", "text": "New." }], "#
            + #""indicators": [{ "id": "18.1", "target": "100%" }, { "id": "18.3", "target": "set in context" }], "#
            + #""additionalIndicators": [{ "id": "18.L1", "text": "Local.", "target": 25 }]"#),
        true
      ),
      (
        "language and date", contextualization,
        context(#"{ "number": 1 }"#, context: #"{ "name": "Test", "language": "es-CO", "updated": "2026-03-31" }"#),
        true
      ),
      ("unknown key", contextualization, standard18(#""indicaters": []"#), false),
      (
        "missing required name", contextualization, context(#"{ "number": 1 }"#, context: #"{ "language": "fr" }"#),
        false
      ),
      ("wrong type", contextualization, context(#"{ "number": 1 }"#, context: #"{ "name": 42 }"#), false),
      ("blank name", contextualization, context(#"{ "number": 1 }"#, context: #"{ "name": "  " }"#), false),
      ("number 29", contextualization, context(#"{ "number": 29 }"#), false),
      ("no standards", contextualization, context(""), false),
      (
        "wrong tag", contextualization,
        #"{ "cpms": "contextualization/2", "context": { "name": "T" }, "standards": [{ "number": 1 }] }"#, false
      ),
      (
        "five indicators", contextualization,
        standard18(
          #""indicators": [{ "id": "18.1" }, { "id": "18.2" }, { "id": "18.3" }, { "id": "18.4" }, { "id": "18.1" }]"#),
        false
      ),
      ("bad target 120%", contextualization, standard18(#""indicators": [{ "id": "18.1", "target": "120%" }]"#), false),
      ("bad target -5", contextualization, standard18(#""indicators": [{ "id": "18.1", "target": -5 }]"#), false),
      ("bad target true", contextualization, standard18(#""indicators": [{ "id": "18.1", "target": true }]"#), false),
      ("bad key action id", contextualization, standard18(#""keyActions": [{ "id": "18.1", "text": "X" }]"#), false),
      ("bad core indicator id", contextualization, standard18(#""indicators": [{ "id": "18.a" }]"#), false),
      (
        "bad additional indicator id", contextualization,
        standard18(#""additionalIndicators": [{ "id": "18.5", "text": "X", "target": "50%" }]"#), false
      ),
      (
        "added action without phase", contextualization,
        standard18(#""keyActions": [{ "id": "18.2.12", "added": true, "text": "X" }]"#), false
      ),
      (
        "phase on an existing action", contextualization,
        standard18(#""keyActions": [{ "id": "18.2.1", "phase": "response", "text": "X" }]"#), false
      ),
      ("minimal workshop", workshop, #"{ "cpms": "workshop/1", "situation": "none", "select": [1, 7, 14, 21] }"#, true),
      (
        "repeated standard in select", workshop,
        #"{ "cpms": "workshop/1", "situation": "none", "select": [1, 1, 7, 14, 21] }"#, false
      ),
      ("size 11", workshop, #"{ "cpms": "workshop/1", "situation": "none", "size": 11 }"#, false),
      ("unknown situation", workshop, #"{ "cpms": "workshop/1", "situation": "sometimes" }"#, false),
      (
        "exception reason", workshop,
        #"{ "cpms": "workshop/1", "situation": "contextualized", "contextualized": [13], "select": [1, 7, 14, 21], "#
          + #""exceptions": [{ "standard": 13, "reason": "maybe" }] }"#, false
      ),
    ]
    for sample in samples {
      let bytes = Array(sample.text.utf8)
      let report = validate(
        bytes, path: exampleFolder.appendingPathComponent("sample.json").path, readFile: Self.diskFiles)
      let schemaErrors = sample.schema.errors(try SourceJSONParser.parse(bytes))
      XCTAssertEqual(report.valid, sample.valid, "validator on '\(sample.name)':\n\(Self.describe(report))")
      XCTAssertEqual(schemaErrors.isEmpty, sample.valid, "schema on '\(sample.name)': \(schemaErrors)")
      XCTAssertEqual(
        schemaErrors.isEmpty, report.valid,
        "schema and validator disagree on '\(sample.name)': \(schemaErrors) vs\n\(Self.describe(report))")
    }
    // The example workshop needs its ballots and context from disk.
    let workshopPath = exampleFolder.appendingPathComponent("workshop.json").path
    let workshopBytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: workshopPath)))
    XCTAssertTrue(validate(workshopBytes, path: workshopPath, readFile: Self.diskFiles).valid)
    XCTAssertEqual(workshop.errors(try SourceJSONParser.parse(workshopBytes)), [])
    XCTAssertEqual(contextualization.unsupported, [], "keywords the interpreter does not handle")
    XCTAssertEqual(workshop.unsupported, [], "keywords the interpreter does not handle")
  }
}
