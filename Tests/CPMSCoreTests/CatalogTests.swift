import Foundation
import XCTest

@testable import CPMSCore

/// The bundled catalog, its agreement with Data/ on disk, and the integrity rules that reject broken data.
final class CatalogTests: XCTestCase {
  // MARK: helpers

  static var dataDirectory: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Data")
  }

  /// Every *.json of Data/ and its folders standards/, schema/, i18n/, i18n/interface/ (if present), keyed by its path under Data/.
  static func diskFiles() throws -> [String: String] {
    var files: [String: String] = [:]
    let manager = FileManager.default
    for folder in ["", "standards", "schema", "i18n", "i18n/interface"] {
      let url = folder.isEmpty ? dataDirectory : dataDirectory.appendingPathComponent(folder)
      var isDirectory: ObjCBool = false
      guard manager.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
      for name in try manager.contentsOfDirectory(atPath: url.path) where name.hasSuffix(".json") {
        let data = try Data(contentsOf: url.appendingPathComponent(name))
        let text = try XCTUnwrap(String(data: data, encoding: .utf8), "\(name) is not UTF-8")
        files[folder.isEmpty ? name : "\(folder)/\(name)"] = text
      }
    }
    return files
  }

  func bundled() throws -> Catalog { try Catalog.bundled.get() }

  /// The path under Data/ of standard `number`'s file.
  func standardPath(_ number: Int, in files: [String: String]) throws -> String {
    let prefix = String(format: "standards/%02d-", number)
    return try XCTUnwrap(files.keys.first { $0.hasPrefix(prefix) }, "no file for standard \(number)")
  }

  /// Returns `files` with one file's JSON changed through a JSONSerialization round trip.
  func mutating(
    _ files: [String: String], _ path: String, _ change: (inout [String: Any]) throws -> Void
  ) throws -> [String: String] {
    let text = try XCTUnwrap(files[path], "no file \(path)")
    var object = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(path) is not an object")
    try change(&object)
    let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
    var copy = files
    copy[path] = String(decoding: data, as: UTF8.self)
    return copy
  }

  /// Returns `files` with standard `number`'s JSON changed.
  func mutatingStandard(
    _ number: Int, _ change: (inout [String: Any]) throws -> Void
  ) throws -> [String: String] {
    let files = try Self.diskFiles()
    return try mutating(files, try standardPath(number, in: files), change)
  }

  /// Asserts that loading `files` throws a CatalogError with a problem containing every fragment.
  func assertRejected(
    _ files: [String: String], mentioning fragments: [String], file: StaticString = #filePath, line: UInt = #line
  ) {
    do {
      _ = try Catalog.load(files: files)
      XCTFail("the broken data was accepted; expected a problem mentioning \(fragments)", file: file, line: line)
    } catch {
      let matching = error.messages.filter { problem in fragments.allSatisfy { problem.contains($0) } }
      XCTAssertFalse(
        matching.isEmpty, "no problem mentions \(fragments); problems: \(error.messages)", file: file, line: line)
    }
  }

  /// The data files with one list of a standard ("keyActions" or "indicators") changed.
  func mutatingList(
    _ key: String, ofStandard number: Int, _ change: (inout [[String: Any]]) throws -> Void
  ) throws -> [String: String] {
    try mutatingStandard(number) { object in
      var list = try XCTUnwrap(object[key] as? [[String: Any]])
      try change(&list)
      object[key] = list
    }
  }

  // MARK: the bundled catalog

  func testBundledCatalogLoads() throws {
    let catalog = try bundled()
    XCTAssertFalse(catalog.notice.isEmpty)
    XCTAssertTrue(catalog.notice.lowercased().contains("summary"), catalog.notice)
    XCTAssertNil(catalog.contextName)
  }

  func testTwentyEightStandardsOverFourPillars() throws {
    let catalog = try bundled()
    XCTAssertEqual(catalog.standards.map(\.number), Array(1...28))
    XCTAssertEqual(catalog.pillars.map(\.number), [1, 2, 3, 4])
    XCTAssertEqual((1...4).map { catalog.standards(inPillar: $0).count }, [6, 7, 7, 8])
    XCTAssertEqual(catalog.standards(inPillar: 1).map(\.number), Array(1...6))
    XCTAssertEqual(catalog.standards(inPillar: 2).map(\.number), Array(7...13))
    XCTAssertEqual(catalog.standards(inPillar: 3).map(\.number), Array(14...20))
    XCTAssertEqual(catalog.standards(inPillar: 4).map(\.number), Array(21...28))
    XCTAssertEqual(catalog.pillars.map(\.standardNumbers), [1...6, 7...13, 14...20, 21...28])
  }

  func testTenPrinciplesGroupedFourFourTwo() throws {
    let catalog = try bundled()
    XCTAssertEqual(catalog.principles.map(\.number), Array(1...10))
    let groups = catalog.principles.map(\.group)
    XCTAssertEqual(groups.filter { $0 == .crc }.count, 4)
    XCTAssertEqual(groups.filter { $0 == .sphere }.count, 4)
    XCTAssertEqual(groups.filter { $0 == .childProtection }.count, 2)
    XCTAssertEqual(Array(groups.prefix(4)), Array(repeating: .crc, count: 4))
    XCTAssertEqual(Array(groups[4..<8]), Array(repeating: .sphere, count: 4))
    XCTAssertEqual(Array(groups.suffix(2)), Array(repeating: .childProtection, count: 2))
  }

  func testEveryStandardHasIndicatorsAndAResponseAction() throws {
    for standard in try bundled().standards {
      XCTAssertTrue(
        (1...4).contains(standard.indicators.count), "standard \(standard.number): \(standard.indicators.count)")
      XCTAssertTrue(
        standard.keyActions.contains { $0.phase == .response }, "standard \(standard.number) has no response action")
    }
  }

  func testKeyActionTextsFromTheHandbook() throws {
    let catalog = try bundled()
    let caseManagement = try XCTUnwrap(catalog.standard(18))
    let action1817 = try XCTUnwrap(caseManagement.keyActions.first { $0.id == "18.1.7" })
    XCTAssertTrue(action1817.text.lowercased().contains("caseworkers"), action1817.text)
    let monitoring = try XCTUnwrap(catalog.standard(6))
    let action6111 = try XCTUnwrap(monitoring.keyActions.first { $0.id == "6.1.11" })
    XCTAssertTrue(action6111.text.lowercased().contains("disaggregat"), action6111.text)
  }

  // MARK: embedded data = Data/ on disk

  func testEmbeddedFilesAreTheFilesOnDisk() throws {
    let disk = try Self.diskFiles()
    XCTAssertEqual(disk.keys.filter { $0.hasPrefix("standards/") }.count, 28, "\(disk.keys.sorted())")
    XCTAssertEqual(EmbeddedData.files.keys.sorted(), disk.keys.sorted(), "rebuild: the embedded file list is stale")
    for (path, text) in disk {
      XCTAssertEqual(EmbeddedData.files[path], text, "rebuild: the embedded \(path) is stale")
    }
  }

  func testBundledCatalogEqualsTheCatalogLoadedFromDisk() throws {
    let fromDisk = try Catalog.load(files: try Self.diskFiles())
    let embedded = try bundled()
    XCTAssertEqual(embedded.standards.count, fromDisk.standards.count)
    for (built, disk) in zip(embedded.standards, fromDisk.standards) {
      XCTAssertEqual(built, disk, "standard \(disk.number) differs from its file on disk: rebuild")
    }
    XCTAssertEqual(embedded.principles, fromDisk.principles)
    XCTAssertEqual(embedded.pillars, fromDisk.pillars)
    XCTAssertEqual(embedded.inspireStrategies, fromDisk.inspireStrategies)
    XCTAssertEqual(embedded.coordinationFunctions, fromDisk.coordinationFunctions)
    XCTAssertEqual(embedded.guide, fromDisk.guide)
    XCTAssertEqual(embedded.notice, fromDisk.notice)
    XCTAssertEqual(embedded.contextName, fromDisk.contextName)
  }

  func testUnchangedRoundTripStillLoads() throws {
    let files = try Self.diskFiles()
    let roundTripped = try mutating(files, try standardPath(18, in: files)) { _ in }
    XCTAssertNoThrow(try Catalog.load(files: roundTripped))
  }

  // MARK: integrity checks reject broken data

  func testRejectsAFifthIndicator() throws {
    let files = try mutatingList("indicators", ofStandard: 18) { list in
      XCTAssertEqual(list.count, 4)
      var fifth = list[3]
      fifth["id"] = "18.5"
      list.append(fifth)
    }
    assertRejected(files, mentioning: ["standard 18", "5 core indicators"])
  }

  func testRejectsAnIndicatorIdOutOfSequence() throws {
    let files = try mutatingList("indicators", ofStandard: 2) { list in
      list[1]["id"] = "2.4"
    }
    assertRejected(files, mentioning: ["standard 2", "2.4", "2.2"])
  }

  func testRejectsAKeyActionIdUnderAnotherStandard() throws {
    let files = try mutatingList("keyActions", ofStandard: 18) { list in
      list[list.count - 1]["id"] = "19.2.11"
    }
    assertRejected(files, mentioning: ["standard 18", "19.2.11"])
  }

  func testRejectsARepeatedKeyActionId() throws {
    let files = try mutatingList("keyActions", ofStandard: 18) { list in
      list[list.count - 1]["id"] = "18.2.10"
    }
    assertRejected(files, mentioning: ["18.2.10", "repeated"])
  }

  func testRejectsAGapInItemNumbering() throws {
    let files = try mutatingList("keyActions", ofStandard: 18) { list in
      XCTAssertEqual(list[list.count - 1]["id"] as? String, "18.2.11")
      list[list.count - 1]["id"] = "18.2.12"
    }
    assertRejected(files, mentioning: ["18.2.12", "numbering"])
  }

  func testRejectsAStandardMovedToAnotherPillar() throws {
    let files = try mutatingStandard(7) { object in object["pillar"] = 1 }
    assertRejected(files, mentioning: ["pillar 1"])
    assertRejected(files, mentioning: ["pillar 2"])
  }

  func testRejectsAMissingStandardFile() throws {
    var files = try Self.diskFiles()
    files.removeValue(forKey: try standardPath(18, in: files))
    assertRejected(files, mentioning: ["28 standards"])
  }

  func testRejectsAPillarFourPreparednessAction() throws {
    // Otherwise well numbered (preparedness section 1, response section 2), so only the Pillar 4 rule applies.
    let files = try mutatingList("keyActions", ofStandard: 21) { list in
      for index in list.indices {
        list[index]["phase"] = index == 0 ? "preparedness" : "response"
        list[index]["id"] = index == 0 ? "21.1.1" : "21.2.\(index)"
      }
    }
    assertRejected(files, mentioning: ["standard 21", "Pillar 4"])
  }

  func testRejectsAnActorOutsideStandardOne() throws {
    let files = try mutatingList("keyActions", ofStandard: 18) { list in
      list[0]["actor"] = "members"
    }
    assertRejected(files, mentioning: ["standard 18", "18.1.1", "actor"])
  }

  func testRejectsRelatedPrincipleEleven() throws {
    let files = try mutatingStandard(18) { object in
      var principles = try XCTUnwrap(object["relatedPrinciples"] as? [Int])
      principles.append(11)
      object["relatedPrinciples"] = principles
    }
    assertRejected(files, mentioning: ["standard 18", "principle 11"])
  }

  func testRejectsABadTargetString() throws {
    let files = try mutatingList("indicators", ofStandard: 18) { list in
      list[0]["target"] = "lots"
    }
    assertRejected(files, mentioning: ["standards/18-case-management.json", "'lots'"])
  }

  func testRejectsAnUnknownInspireStrategy() throws {
    let files = try mutatingStandard(18) { object in
      var inspire = try XCTUnwrap(object["inspire"] as? [String: Any])
      var strategies = try XCTUnwrap(inspire["strategies"] as? [String])
      strategies.append("magic-wand")
      inspire["strategies"] = strategies
      object["inspire"] = inspire
    }
    assertRejected(files, mentioning: ["standard 18", "magic-wand"])
  }

  // MARK: structured indicators

  func testEveryCoreIndicatorIsStructured() throws {
    let indicators = try bundled().standards.flatMap(\.indicators)
    XCTAssertEqual(indicators.count, 90)
    XCTAssertEqual(indicators.filter(\.isPercentage).count, 75)
    for indicator in indicators {
      XCTAssertNotNil(indicator.type, indicator.id)
      XCTAssertNotNil(indicator.basis, indicator.id)
      XCTAssertFalse(indicator.dataSource?.isEmpty ?? true, indicator.id)
      XCTAssertNotNil(indicator.disaggregation, indicator.id)
      XCTAssertEqual(indicator.numerator != nil, indicator.isPercentage, indicator.id)
      XCTAssertEqual(indicator.denominator != nil, indicator.isPercentage, indicator.id)
      XCTAssertFalse(indicator.note.isEmpty, indicator.id)
    }
  }

  func testStandardOneCarriesTheTwoAttestedOfficialIds() throws {
    let standard = try XCTUnwrap(try bundled().standard(1))
    let official = standard.indicators.filter { $0.officialId != nil }
    XCTAssertEqual(official.map(\.id), ["1.1", "1.2"])
    XCTAssertEqual(official.map(\.officialId), ["1.2.2", "1.2.1"])
    XCTAssertEqual(official.map(\.target), [.yes, .yes])
    XCTAssertTrue(official[0].text.contains("L3"), official[0].text)
    XCTAssertTrue(official[1].text.contains("strategic response plan"), official[1].text)
    XCTAssertEqual(standard.additionalMeasures?.map(\.id), ["1.A1", "1.A2", "1.A3"])
    XCTAssertLessThanOrEqual(standard.indicators.count, 4)
    // No other standard claims an official id: they are not known.
    XCTAssertEqual(try bundled().standards.flatMap(\.indicators).compactMap(\.officialId).count, 2)
  }

  func testRejectsAPercentageWithoutDenominator() throws {
    let files = try mutatingList("indicators", ofStandard: 18) { list in
      list[0].removeValue(forKey: "denominator")
    }
    assertRejected(files, mentioning: ["indicator 18.1", "numerator and a denominator"])
  }

  func testRejectsANumeratorOnAYesNoIndicator() throws {
    let files = try mutatingList("indicators", ofStandard: 26) { list in
      list[2]["numerator"] = "Something"
    }
    assertRejected(files, mentioning: ["indicator 26.3", "not a percentage"])
  }

  func testRejectsAnIndicatorTypeOutsideTheVocabulary() throws {
    let files = try mutatingList("indicators", ofStandard: 18) { list in
      list[0]["type"] = "impact"
    }
    assertRejected(files, mentioning: ["indicators[0].type", "not allowed"])
  }

  func testRejectsADisaggregationOutsideTheVocabulary() throws {
    let files = try mutatingList("indicators", ofStandard: 18) { list in
      list[0]["disaggregation"] = ["sex", "religion"]
    }
    assertRejected(files, mentioning: ["indicators[0].disaggregation[1]", "not allowed"])
  }

  func testRejectsAnIndicatorWithoutDataSource() throws {
    let files = try mutatingList("indicators", ofStandard: 18) { list in
      list[0]["dataSource"] = [String]()
    }
    assertRejected(files, mentioning: ["indicator 18.1", "data source"])
  }

  func testRejectsAnOfficialIdInTwoParts() throws {
    let files = try mutatingList("indicators", ofStandard: 1) { list in
      list[0]["officialId"] = "1.2"
    }
    assertRejected(files, mentioning: ["indicator 1.1", "standard.section.n"])
  }

  func testRejectsAnOfficialIdOfAnotherStandard() throws {
    let files = try mutatingList("indicators", ofStandard: 1) { list in
      list[0]["officialId"] = "2.2.2"
    }
    assertRejected(files, mentioning: ["indicator 1.1", "belongs to standard 2"])
  }

  func testRejectsARepeatedOfficialId() throws {
    let files = try mutatingList("indicators", ofStandard: 1) { list in
      list[0]["officialId"] = "1.2.1"
    }
    assertRejected(files, mentioning: ["indicator 1.2", "1.2.1 is given to two indicators"])
  }

  func testRejectsAnOfficialBasisWithoutOfficialId() throws {
    let files = try mutatingList("indicators", ofStandard: 18) { list in
      list[0]["basis"] = "official-id-and-target"
    }
    assertRejected(files, mentioning: ["indicator 18.1", "official-id-and-target"])
  }

  func testRejectsAnAdditionalMeasureNumberedLikeACoreIndicator() throws {
    let files = try mutatingList("additionalMeasures", ofStandard: 1) { list in
      list[0]["id"] = "1.5"
    }
    assertRejected(files, mentioning: ["additional measure '1.5'", "1.A1"])
  }

  func testRejectsAPreparednessPointerToAStandardWithoutPreparednessActions() throws {
    let files = try mutating(try Self.diskFiles(), "coordination-functions.json") { object in
      var functions = try XCTUnwrap(object["functions"] as? [[String: Any]])
      let index = try XCTUnwrap(functions.firstIndex { $0["id"] as? String == "preparedness" })
      var references = try XCTUnwrap(functions[index]["references"] as? [[String: Any]])
      references[0]["standards"] = [1, 21]
      functions[index]["references"] = references
      object["functions"] = functions
    }
    assertRejected(files, mentioning: ["preparedness actions of standard 21"])
  }

  func testGuideCarriesTheCoordinationGuideContent() throws {
    let guide = try bundled().guide
    let planning = try XCTUnwrap(guide.programmeCycle.first { $0.id == "response-planning" })
    XCTAssertEqual(planning.documentComponents?.count, 10)
    let funding = try XCTUnwrap(guide.programmeCycle.first { $0.id == "resource-mobilization" })
    XCTAssertTrue(funding.facts?.contains { $0.contains("0.5%") } ?? false)
    XCTAssertEqual(funding.glossary?.map(\.term), ["Joint proposal"])
    XCTAssertEqual(guide.access.languages, ["English", "French", "Spanish", "Arabic"])
    XCTAssertEqual(guide.exampleDocuments(for: "preparedness").compactMap(\.year), ["2020", "2017"])
    XCTAssertFalse(guide.promotion.isEmpty)
    XCTAssertFalse(guide.learningMaterials.isEmpty)
    let rule = try XCTUnwrap(guide.situations.first { $0.id == "contextualized" }).rule
    XCTAssertTrue(rule.contains("by analogy"), rule)
  }
}
