import Foundation
import XCTest

@testable import CPMSCore

/// The monitoring sheet and report: reading partners' files, the findings that name the cell to fix,
/// and totals checked against values computed here independently.
final class MonitoringTests: XCTestCase {
  // MARK: helpers

  static let header =
    "indicator_id,period_start,period_end,organisation,location_code,numerator,denominator,value,yes_no,female,male,"
    + "age_0_5,age_6_11,age_12_17,with_disability"
  static let q1 = "2026-01-01,2026-03-31"
  static let q2 = "2026-04-01,2026-06-30"

  func catalog() throws -> Catalog { try Catalog.bundled.get() }

  func read(_ text: String, path: String = "sheet.csv") throws -> MonitoringFile {
    MonitoringReader.read(Array(text.utf8), path: path, catalog: try catalog())
  }

  /// A sheet with the test header and these rows.
  func sheet(_ rows: [String]) -> String { ([Self.header] + rows).joined(separator: "\n") + "\n" }

  func report(_ texts: [String], selection: [StandardNumber]? = nil) throws -> MonitoringReport {
    let files = try texts.enumerated().map { try read($0.element, path: "file\($0.offset + 1).csv") }
    return MonitoringAggregator.report(
      files: files, catalog: try catalog(), selection: selection ?? [], selectionGiven: selection != nil)
  }

  func result(_ report: MonitoringReport, _ id: String, period: Int = 0) throws -> IndicatorPeriodResult {
    let indicator = try XCTUnwrap(report.indicators.first { $0.id == id }, "no \(id) in the report")
    return indicator.periods[period]
  }

  func rules(_ file: MonitoringFile) -> [String] { file.diagnostics.map(\.rule) }

  // MARK: aggregation

  /// Two units: 99 of 100 and 1 of 10. Summed, 100 of 110 = 90.9%, which meets 18.1's 90% target; the
  /// average of the two percentages, (99% + 10%) / 2 = 54.5%, would not.
  func testPercentagesAreSummedNumeratorsOverSummedDenominatorsNotAverages() throws {
    let report = try report([
      sheet(["18.1,\(Self.q1),A,L1,99,100", "18.1,\(Self.q1),B,L2,1,10"])
    ])
    let total = try result(report, "18.1")
    XCTAssertEqual(total.numerator, 100)
    XCTAssertEqual(total.denominator, 110)
    XCTAssertEqual(try XCTUnwrap(total.percentage), 100.0 / 110.0 * 100, accuracy: 1e-9)
    XCTAssertNotEqual(try XCTUnwrap(total.percentage), (99.0 + 10.0) / 2, accuracy: 1)
    XCTAssertEqual(total.status, .met)
    XCTAssertTrue(report.consistent)
  }

  /// Many units and two rounds from a seeded generator; the expected totals are summed here from the
  /// generated table, row by row, without cpms's code.
  func testTotalsMatchIndependentSumsOverManyUnits() throws {
    var seed: UInt64 = 20_261_130
    func next(_ bound: Int) -> Int {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((seed >> 33) % UInt64(bound))
    }
    var rows: [String] = []
    var expected: [String: (numerator: Int, denominator: Int, female: Int)] = [:]
    for (period, dates) in [("q1", Self.q1), ("q2", Self.q2)] {
      for unit in 0..<40 {
        for id in ["18.1", "18.2", "6.2"] {
          let denominator = 1 + next(500)
          let numerator = next(denominator + 1)
          let female = next(numerator + 1)
          rows.append(
            "\(id),\(dates),Org \(unit % 7),L\(unit),\(numerator),\(denominator),,,\(female),\(numerator - female)")
          let key = "\(id) \(period)"
          let sum = expected[key] ?? (0, 0, 0)
          expected[key] = (sum.numerator + numerator, sum.denominator + denominator, sum.female + female)
        }
      }
    }
    let report = try report([sheet(rows)], selection: [6, 18])
    XCTAssertTrue(report.consistent, "\(report.findings)")
    for (key, sums) in expected {
      let parts = key.split(separator: " ")
      let total = try result(report, String(parts[0]), period: parts[1] == "q1" ? 0 : 1)
      XCTAssertEqual(total.numerator, sums.numerator, key)
      XCTAssertEqual(total.denominator, sums.denominator, key)
      XCTAssertEqual(total.groups.first { $0.group == .female }?.total, sums.female, key)
      XCTAssertEqual(
        try XCTUnwrap(total.percentage), Double(sums.numerator) / Double(sums.denominator) * 100, accuracy: 1e-9)
    }
  }

  func testYesNoIsYesOnlyWhenEveryUnitSaysYes() throws {
    let report = try report([
      sheet([
        "6.3,\(Self.q1),A,L1,,,,yes", "6.3,\(Self.q1),B,L2,,,,no", "6.3,\(Self.q2),A,L1,,,,yes",
        "6.3,\(Self.q2),B,L2,,,,Yes",
      ])
    ])
    let first = try result(report, "6.3")
    XCTAssertEqual(first.answer, false)
    XCTAssertEqual(first.yesCount, 1)
    XCTAssertEqual(first.noCount, 1)
    XCTAssertEqual(first.status, .notMet)
    let second = try result(report, "6.3", period: 1)
    XCTAssertEqual(second.answer, true)
    XCTAssertEqual(second.status, .met)
    XCTAssertEqual(second.trend, .up)
  }

  /// 11.3 counts children detained for their association with armed groups; its target 0 is a ceiling.
  func testCountsAreSummedAndATargetOfZeroIsACeiling() throws {
    let report = try report([
      sheet([
        "11.3,\(Self.q1),A,L1,,,2,,1,1", "11.3,\(Self.q1),B,L2,,,3", "11.3,\(Self.q2),A,L1,,,0",
        "11.3,\(Self.q2),B,L2,,,0",
      ])
    ])
    let first = try result(report, "11.3")
    XCTAssertEqual(first.value, 5)
    // Only A split its count by sex: the groups say so.
    XCTAssertEqual(first.groups.map(\.total), [1, 1])
    XCTAssertEqual(first.groupUnits.map(\.family), [.sex])
    XCTAssertEqual(first.groupUnits.map(\.units), [1])
    XCTAssertEqual(MonitoringRendering().groups(first), "sex: female 1, male 1 (1 of 2 units)")
    XCTAssertEqual(
      MonitoringRendering(language: .fr).groups(first),
      "sexe : filles et femmes 1, garçons et hommes 1 (1 sur 2 unités)")
    XCTAssertEqual(first.status, .notMet)
    let second = try result(report, "11.3", period: 1)
    XCTAssertEqual(second.value, 0)
    XCTAssertEqual(second.status, .met)
    XCTAssertEqual(second.trend, .down)
    XCTAssertEqual(second.change, -5)
  }

  func testTrendMissingUnitsAndNoData() throws {
    let report = try report([
      sheet([
        "18.1,\(Self.q1),A,L1,50,100", "18.1,\(Self.q1),B,L2,10,100", "18.1,\(Self.q2),A,L1,80,100",
        "18.1,\(Self.q2),C,L3,,",
      ])
    ])
    let first = try result(report, "18.1")
    XCTAssertEqual(first.percentage, 30)
    let second = try result(report, "18.1", period: 1)
    XCTAssertEqual(second.percentage, 80)
    XCTAssertEqual(second.trend, .up)
    XCTAssertEqual(try XCTUnwrap(second.change), 50, accuracy: 1e-9)
    // B reported last round and not this one; C's row is there but blank.
    XCTAssertEqual(second.missingUnits.map(\.description), ["B in L2", "C in L3"])
    XCTAssertEqual(try result(report, "18.2").status, .noData)
  }

  func testTargetsSetInContextAreAFinding() throws {
    let report = try report([sheet(["18.4,\(Self.q1),A,L1,5,10"])], selection: [18])
    XCTAssertEqual(try result(report, "18.4").status, .noTarget)
    XCTAssertEqual(report.findings.filter { $0.rule == "no-local-target" }.map(\.standard), [18])
    XCTAssertTrue(report.consistent, "a missing local target is a warning")
  }

  func testDuplicateReportKeepsTheLastRowAndIsAnError() throws {
    let report = try report([
      sheet(["18.1,\(Self.q1),A,L1,5,10"]), sheet(["18.1,\(Self.q1),a ,L1,7,10"]),
    ])
    XCTAssertEqual(try result(report, "18.1").numerator, 7)
    let duplicate = try XCTUnwrap(report.findings.first { $0.rule == "duplicate-report" })
    XCTAssertEqual(duplicate.location?.file, "file2.csv")
    XCTAssertEqual(duplicate.location?.line, 2)
    XCTAssertTrue(duplicate.message.contains("file1.csv:2 is ignored"), duplicate.message)
    XCTAssertFalse(report.consistent)
  }

  func testIndicatorsOutsideTheSelectionAreAWarningAndLeftOut() throws {
    let report = try report([sheet(["18.1,\(Self.q1),A,L1,5,10", "15.1,\(Self.q1),A,L1,5,10"])], selection: [18])
    let warning = try XCTUnwrap(report.findings.first { $0.rule == "not-in-selection" })
    XCTAssertEqual(warning.severity, .warning)
    XCTAssertEqual(warning.location?.line, 3)
    XCTAssertFalse(report.indicators.contains { $0.id == "15.1" })
    XCTAssertTrue(report.consistent)
  }

  func testOverlappingPeriodsAreAWarning() throws {
    let report = try report([sheet(["18.1,\(Self.q1),A,L1,5,10", "18.1,2026-01-01,2026-03-30,B,L2,5,10"])])
    XCTAssertEqual(report.periods.count, 2)
    XCTAssertEqual(report.findings.filter { $0.rule == "overlapping-periods" }.count, 1)
    XCTAssertTrue(report.consistent)
  }

  // MARK: findings

  func testBadFiguresAreFindingsWithLineColumnAndRule() throws {
    let file = try read(
      sheet([
        "18.1,\(Self.q1),A,L1,60,50",  // 2: numerator > denominator
        "18.1,\(Self.q1),B,L1,-3,50",  // 3: negative
        "18.1,\(Self.q1),C,L1,3,0",  // 4: denominator 0
        "18.1,\(Self.q1),D,L1,30,50,,,20,20",  // 5: sex adds up to 40, not 30
        "18.1,2026-03-31,2026-01-01,E,L1,3,5",  // 6: ends before it starts
        "99.9,\(Self.q1),F,L1,3,5",  // 7: unknown
        "6.3,\(Self.q1),G,L1,,,,maybe",  // 8: not yes or no
        "18.1,\(Self.q1),H,L1,\"1,200\",2000",  // 9: thousands separator
        "18.1,\(Self.q1),I,L1,30,50,,,,,10,10,5",  // 10: ages add up to 25
        "18.1,\(Self.q1),J,L1,30,50,,,,,,,,31",  // 11: more with a disability than the total
        "18.1,2026-02-30,2026-03-31,K,L1,3,5",  // 12: no such date
        "18.1,\(Self.q1),L,L1,3,",  // 13: no denominator
        "18.1,\(Self.q1),,,3,5",  // 14: no unit
      ]))
    let found = file.diagnostics.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.rule)" }
    XCTAssertEqual(
      found,
      [
        "2:6 numerator-above-denominator", "3:6 negative-number", "4:7 zero-denominator", "5:10 disaggregation-total",
        "6:3 period-order", "7:1 unknown-indicator", "8:9 bad-answer", "9:6 not-a-number",
        "10:12 disaggregation-total", "11:15 disaggregation-total", "12:2 bad-date", "13:7 missing-figure",
        "14:4 missing-unit",
      ])
    XCTAssertTrue(file.rows.isEmpty, "rows with errors are left out: \(file.rows.map(\.line))")
    XCTAssertEqual(file.rejectedRows, 13)
    XCTAssertFalse(file.malformed)
    XCTAssertTrue(file.diagnostics.allSatisfy { $0.location?.file == "sheet.csv" })
  }

  func testMalformedFilesAreMarked() throws {
    XCTAssertEqual(rules(try read("a,b\n1,2\n")), ["missing-column"])
    XCTAssertTrue(try read("a,b\n1,2\n").malformed)
    XCTAssertEqual(rules(try read("indicator_id,\"period_start\n")), ["csv-syntax"])
    XCTAssertEqual(rules(try read("")), ["empty-file"])
    let notUTF8 = MonitoringReader.read([0x69, 0x6E, 0xFF, 0xFE], path: "x.csv", catalog: try catalog())
    XCTAssertEqual(notUTF8.diagnostics.map(\.rule), ["not-utf8"])
    XCTAssertEqual(
      rules(try read("indicator_id,period_start,period_end,indicator_id\n")), ["repeated-column"])
  }

  /// Hostile input is refused or reported, never a crash: stray quotes, NUL bytes, absurd numbers, a
  /// thousand columns, a header alone, rows longer or shorter than the header.
  func testHostileInputIsReportedNotACrash() throws {
    let wide = Self.header + "," + Array(repeating: "x", count: 1_001).joined(separator: ",") + "\n"
    XCTAssertEqual(rules(try read(wide)), ["csv-syntax"])
    XCTAssertTrue(try read(wide).diagnostics[0].message.contains("a monitoring sheet has 26"))
    XCTAssertEqual(rules(try read("indicator_id,period_start,period_end\n\"18.1\"x,a,b\n")), ["csv-syntax"])
    let odd = try read(
      sheet([
        "18.1,\(Self.q1),A\u{0},L1,99999999999999999999,5", "18.1", "18.1,\(Self.q1),B,L2,1,2,,,,,,,,,,,,,,,,extra",
        "18.1,\(Self.q1),C,L3,1e3,5", "18.1,\(Self.q1),D,L4,0x10,20",
        "18.1,\(Self.q1),E,L5,5000000000000,5000000000001",
      ]))
    XCTAssertEqual(odd.rows.count, 1, "\(odd.diagnostics)")
    XCTAssertEqual(odd.rows.first?.unit.organisation, "B")
    XCTAssertEqual(
      odd.diagnostics.map(\.rule),
      ["not-a-number", "not-a-number", "not-a-number", "number-too-large", "number-too-large"])
    XCTAssertEqual(rules(try read(Self.header + "\n")), [])
  }

  // MARK: reading

  /// A partner's own headers are read through the HXL row; `;` and a byte-order mark are accepted.
  func testColumnsAreFoundByHashtagWithAnyHeaders() throws {
    let text =
      "\u{FEFF}Code;Du;Au;Partenaire;Lieu;Num;Dén;Filles;Garçons\n"
      + "#indicator+code;#date+start;#date+end;#org+name;#loc+code;#indicator+numerator+num;#indicator+num+denominator;"
      + "#affected+f;#affected+m\n18.1;2026-01-01;2026-03-31;A;L1;3;4;2;1\n"
    let file = try read(text)
    XCTAssertEqual(file.diagnostics, [])
    XCTAssertEqual(file.rows.first?.figure, .share(numerator: 3, denominator: 4))
    XCTAssertEqual(file.rows.first?.groups[.female], 2)
    XCTAssertEqual(file.rows.first?.line, 3)
  }

  func testTemplateHasTheHXLRowAndOneRowPerIndicatorAndUnit() throws {
    let units = [
      MonitoringSheet.Unit(organisation: "A", adminLevel: "adm2", locationCode: "L1", locationName: "One"),
      MonitoringSheet.Unit(organisation: "B; C", locationCode: "L2"),
    ]
    let start = CalendarDate(parsing: "2026-01-01")
    let end = CalendarDate(parsing: "2026-03-31")
    let text = MonitoringSheet.template(
      catalog: try catalog(), standards: [6, 18], units: units, periodStart: start, periodEnd: end, delimiter: ";")
    let lines = text.split(separator: "\n")
    XCTAssertEqual(lines.count, 2 + (3 + 4) * 2)
    XCTAssertTrue(lines[1].hasPrefix("#indicator+code;#indicator+code+official;#indicator+name;"))
    XCTAssertTrue(lines.contains { $0.contains("\"B; C\"") })
    // The template read back: its rows are blank, so they are expected units, not errors.
    let file = try read(text)
    XCTAssertEqual(file.diagnostics, [])
    XCTAssertEqual(file.rows.count, 14)
    XCTAssertTrue(file.rows.allSatisfy { $0.figure == .blank })
  }

  func testMeasureKinds() throws {
    let catalog = try catalog()
    let kinds = Dictionary(
      uniqueKeysWithValues: StandardNumber.all.flatMap { catalog.standard($0).indicators }.map {
        ($0.id, $0.measureKind)
      })
    XCTAssertEqual(kinds["18.1"], .percentage)
    XCTAssertEqual(kinds["6.3"], .yesNo)
    XCTAssertEqual(kinds["11.3"], .number)
  }

  func testValidatorDispatchesMonitoringSheets() throws {
    let bytes = Array(sheet(["18.1,\(Self.q1),A,L1,60,50"]).utf8)
    XCTAssertTrue(FileValidator.isMonitoringSheet(bytes, path: "-"))
    XCTAssertFalse(FileValidator.isMonitoringSheet(Array("{\"cpms\": 1}".utf8), path: "-"))
    let report = FileValidator.validate(
      bytes, path: "r.csv", catalog: try catalog(), readFile: { _, _ in .failure(.missing) })
    XCTAssertEqual(report.kind, FileValidator.monitoringKind)
    XCTAssertEqual(report.diagnostics.map(\.rule), ["numerator-above-denominator"])
  }
}
