import Foundation
import XCTest

@testable import CPMSCore

/// The exact grammar the validator and the JSON Schemas share (ids, whole numbers, targets, text), the
/// workshop rules reported at their keys, and the escaping of `--format github` and `--format json`.
final class FileGrammarTests: XCTestCase {
  static var catalog: Catalog { ValidationFixture.catalog }

  func validate(_ text: String) -> ValidationReport { ValidationFixture.validate(text) }

  func describe(_ report: ValidationReport) -> String {
    report.diagnostics.map { "\($0.location?.description ?? "-") [\($0.rule)] \($0.message)" }.joined(separator: "\n")
  }

  /// Asserts that the file's only error is `rule`, at `position` when given; returns its message.
  @discardableResult
  func assertOnlyError(
    _ report: ValidationReport, _ rule: String, at position: (Int, Int)? = nil, file: StaticString = #filePath,
    line: UInt = #line
  ) -> String {
    let errors = report.diagnostics.filter { $0.severity == .error }
    XCTAssertEqual(errors.map(\.rule), [rule], describe(report), file: file, line: line)
    if let position, let first = errors.first {
      XCTAssertEqual(
        [first.location?.line, first.location?.column], [position.0, position.1], describe(report), file: file,
        line: line)
    }
    return errors.first?.message ?? ""
  }

  /// A contextualization file of standard 18 whose entry holds `members` on line 5.
  func standard18(_ members: String, context: String = #"{ "name": "Test" }"#) -> String {
    """
    {
      "cpms": "contextualization/1",
      "context": \(context),
      "standards": [
        { "number": 18, \(members) }
      ]
    }
    """
  }

  // MARK: ids

  func testIdNumbersAreWholeNumbersFromOneWithoutSignOrLeadingZero() {
    XCTAssertEqual(FileGrammar.idNumbers("18.2.12", count: 3), [18, 2, 12])
    XCTAssertEqual(FileGrammar.idNumbers("1.10.100", count: 3), [1, 10, 100])
    XCTAssertEqual(FileGrammar.idNumbers("18.1", count: 2), [18, 1])
    for bad in [
      "18.02.12", "+18.2.12", "018.2.12", "18.2.012", "18.+2.1", "-18.2.1", "18.2", "18..1", "18.2.", ".18.2.1",
      "18.2.1.1", "18.2.0", "0.2.1", "18.a.1", " 18.2.1", "18.2.1 ", "١٨.٢.١", "１８.２.１", "18.2.1e0", "",
    ] {
      XCTAssertNil(FileGrammar.idNumbers(bad, count: 3), bad.debugDescription)
    }
    // Of the right shape but too long for an Int: an id that does not exist, not a malformed one.
    XCTAssertEqual(FileGrammar.idNumbers("18.2.99999999999999999999", count: 3), [18, 2, Int.max])
    XCTAssertTrue(FileGrammar.localIndicatorID("18.L1")! == (18, 1))
    XCTAssertTrue(FileGrammar.localIndicatorID("18.L10")! == (18, 10))
    for bad in ["18.L007", "18.L+1", "18.L0", "18.l1", "18.L", "018.L1", "+18.L1", "18.L1.1", "18L1", "18.L 1", "18.1"]
    {
      XCTAssertNil(FileGrammar.localIndicatorID(bad), bad)
    }
  }

  func testKeyActionIdsWithLeadingZerosOrSignsAreRefused() {
    for id in ["18.02.12", "+18.2.12", "018.2.12", "18.2.012", "18.2.+1", "18.02.1"] {
      let report = validate(
        standard18(#""keyActions": [{ "id": "\#(id)", "added": true, "phase": "response", "text": "X" }]"#))
      assertOnlyError(report, "id-format", at: (5, 44))
    }
    // The same id written plainly is a valid added action.
    XCTAssertTrue(
      validate(standard18(#""keyActions": [{ "id": "18.2.12", "added": true, "phase": "response", "text": "X" }]"#))
        .valid)
  }

  func testIndicatorIdsFollowTheirGrammar() {
    for id in ["18.01", "+18.1", "018.1", "18.+1", "18.0"] {
      assertOnlyError(validate(standard18(#""indicators": [{ "id": "\#(id)" }]"#)), "id-format", at: (5, 44))
    }
    assertOnlyError(validate(standard18(#""indicators": [{ "id": "13.1" }]"#)), "id-belongs-to-standard")
    for id in ["18.L007", "18.L+1", "18.L0", "18.l1", "018.L1"] {
      let report = validate(standard18(#""additionalIndicators": [{ "id": "\#(id)", "text": "X", "target": "5%" }]"#))
      assertOnlyError(report, "id-format", at: (5, 54))
    }
    // A local id of the right shape numbered for another standard: a rule the schema cannot express.
    let other = validate(standard18(#""additionalIndicators": [{ "id": "13.L1", "text": "X", "target": "5%" }]"#))
    assertOnlyError(other, "id-belongs-to-standard", at: (5, 54))
    XCTAssertTrue(
      validate(standard18(#""additionalIndicators": [{ "id": "18.L12", "text": "X", "target": 5 }]"#)).valid)
  }

  func testOfficialIndicatorIdsFollowTheIdGrammar() {
    let file = { (official: String) in
      self.standard18(#""indicators": [{ "id": "18.1", "officialId": "\#(official)" }]"#)
    }
    for bad in ["18.02.1", "+18.2.1", "018.2.1", "18.2.01", "18.2", "18.0.1", "18.2.1 "] {
      assertOnlyError(validate(file(bad)), "official-id-format", at: (5, 66))
    }
    assertOnlyError(validate(file("13.2.1")), "official-id-belongs-to-standard", at: (5, 66))
    // Any length, as the schema's pattern allows.
    XCTAssertTrue(validate(file("18.2.1234567")).valid, describe(validate(file("18.2.1234567"))))
  }

  func testExceptionReasonsFollowTheirGrammar() {
    XCTAssertEqual(ExceptionReason(parsing: "principle-10"), .principle(10))
    XCTAssertEqual(ExceptionReason(parsing: "principle-1"), .principle(1))
    for bad in ["principle-01", "principle-+1", "principle-0", "principle-11", "principle- 1", "Principle-1"] {
      XCTAssertNil(ExceptionReason(parsing: bad), bad)
    }
  }

  // MARK: whole numbers

  func testWholeNumbersAreWholeHoweverWritten() {
    for spelling in ["18", "18.0", "18.000", "1.8e1", "1.8E+1", "180e-1", "0.18e2", "18e0", "1800e-2"] {
      XCTAssertEqual(FileGrammar.wholeNumber(spelling), 18, spelling)
    }
    XCTAssertEqual(FileGrammar.wholeNumber("-0"), 0)
    XCTAssertEqual(FileGrammar.wholeNumber("0e999999999999999999"), 0)
    XCTAssertEqual(FileGrammar.wholeNumber("-3"), -3)
    XCTAssertEqual(FileGrammar.wholeNumber("1e18"), 1_000_000_000_000_000_000)
    XCTAssertEqual(FileGrammar.wholeNumber("9223372036854775807"), Int.max)
    XCTAssertEqual(FileGrammar.wholeNumber("-9223372036854775807.000e0"), -Int.max)
    XCTAssertNil(FileGrammar.wholeNumber("9999999999999999999"), "19 digits beyond Int: nil, no overflow trap")
    XCTAssertNil(FileGrammar.wholeNumber("9223372036854775808"))
    XCTAssertNil(FileGrammar.wholeNumber(String(repeating: "9", count: 1_000_000)))
    XCTAssertEqual(FileGrammar.wholeNumber("18" + String(repeating: "0", count: 100_000) + "e-100000"), 18)
    for notWhole in [
      "18.5", "1.85e1", "18e-1", "18.0000000000000001", "1e400", "1e19", "99999999999999999999", "1e-400",
    ] {
      XCTAssertNil(FileGrammar.wholeNumber(notWhole), notWhole)
    }
  }

  func testStandardNumbersAndSizesMayBeWrittenAsWholeDecimals() {
    let context = """
      { "cpms": "contextualization/1", "context": { "name": "T" }, "standards": [{ "number": 1.8e1 }, { "number": 13.0 }] }
      """
    XCTAssertTrue(validate(context).valid, describe(validate(context)))
    let half = #"{ "cpms": "contextualization/1", "context": { "name": "T" }, "standards": [{ "number": 18.5 }] }"#
    assertOnlyError(validate(half), "type", at: (1, 88))
    let workshop = #"{ "cpms": "workshop/1", "situation": "none", "select": [1.0, 7, 14, 2.1e1], "size": 6.0 }"#
    XCTAssertTrue(validate(workshop).valid, describe(validate(workshop)))
    let repeated = #"{ "cpms": "workshop/1", "situation": "none", "select": [1, 7, 14, 21, 2.1e1] }"#
    assertOnlyError(validate(repeated), "repeated-standard")
  }

  // MARK: targets

  func testPercentagesAndNumbersWithLeadingZerosAreRefused() {
    for bad in ["099%", "000050%", "00%", "05%", "007", "01", "100.0000000000000001%", "100.01%", "-5%", "1e2%"] {
      XCTAssertNil(Target(parsing: bad), bad)
    }
    XCTAssertEqual(Target(parsing: "0%"), .percentage(0))
    XCTAssertEqual(Target(parsing: "0.5%"), .percentage(0.5))
    XCTAssertEqual(Target(parsing: "100.000%"), .percentage(100))
    XCTAssertEqual(Target(parsing: "99.9999999999999999999%"), .percentage(100))
    XCTAssertEqual(Target(parsing: "0"), .number(0))
    XCTAssertEqual(Target(parsing: "0.25"), .number(0.25))
    let file = { (target: String) in self.standard18(#""indicators": [{ "id": "18.1", "target": "\#(target)" }]"#) }
    assertOnlyError(validate(file("099%")), "target", at: (5, 62))
    assertOnlyError(validate(file("000050%")), "target", at: (5, 62))
    XCTAssertTrue(validate(file("50%")).valid)
  }

  func testNumberTargetsAreAtMostTenToTheFifteenthDecidedOnTheDigits() {
    let file = { (target: String) in self.standard18(#""indicators": [{ "id": "18.1", "target": \#(target) }]"#) }
    for good in [#""1000000000000000""#, #""1000000000000000.000""#, #""999999999999999.9999""#, "1e15", "0"] {
      XCTAssertTrue(validate(file(good)).valid, good)
    }
    for bad in [#""1000000000000001""#, #""1000000000000000.0000001""#, "1000000000000001", "1e16", "-1", "1e400"] {
      assertOnlyError(validate(file(bad)), "target", at: (5, 62))
    }
    // A long number is judged by its value, as a schema validator does.
    XCTAssertTrue(validate(file("0." + String(repeating: "0", count: 60) + "1")).valid)
  }

  func testWhitespaceAroundATargetIsWhatTheSchemasBackslashSMatches() {
    for spaced in ["80%\u{2028}", "\t80%\n", "\u{B}80%", "\u{C}80%\r", "\u{A0}80%\u{3000}", "\u{FEFF}80%", " 80% "] {
      XCTAssertEqual(Target(parsing: spaced), .percentage(80), spaced.debugDescription)
    }
    XCTAssertEqual(Target(parsing: "\u{2029}YES\u{202F}"), .yes)
    // Invisible characters that are not whitespace, and NEL (not in ECMAScript's \s), are not trimmed.
    for other in ["\u{200B}80%", "80%\u{200B}", "\u{AD}80%", "yes\u{85}", "\u{85}no", "８０%", "80 %"] {
      XCTAssertNil(Target(parsing: other), other.debugDescription)
    }
  }

  // MARK: text

  func testTextOfInvisibleCharactersIsBlank() {
    for blank in [
      "", " ", "\u{FEFF}", "\u{FEFF}\u{FEFF}", "\u{200B}", "\u{200C}\u{200D}", "\u{2060}", "\u{AD}", "\u{FE0F}",
    ] {
      XCTAssertTrue(FileGrammar.isBlank(blank), blank.debugDescription)
      let report = validate(
        standard18(#""title": "\#(blank.unicodeScalars.map { String(format: "\\u%04x", $0.value) }.joined())""#))
      assertOnlyError(report, "empty-value", at: (5, 30))
    }
    for visible in ["x", "\u{200B}x", "x\u{FEFF}", "\u{2067}ع\u{2069}"] {
      XCTAssertFalse(FileGrammar.isBlank(visible), visible.debugDescription)
    }
  }

  func testLineBreaksAndIsolatesInTextAreAcceptedOverridesAndLoneCarriageReturnsAreNot() throws {
    let text = standard18(#""rationale": "Line one\r\nline two", "title": "\u2067حماية\u2069 \u2066x\u2069""#)
    let (report, model) = FileValidator.contextualization(
      Array(text.utf8), path: "t.json", catalog: Self.catalog, readFile: { _, _ in .failure(.missing) })
    XCTAssertTrue(report.valid, describe(report))
    let entry = try XCTUnwrap(model?.standards.first)
    XCTAssertEqual(entry.rationale, "Line one\nline two", "a CR-LF line break is read as a line feed")
    XCTAssertEqual(entry.title, "\u{2067}حماية\u{2069} \u{2066}x\u{2069}")
    for bad in [#"a\rb"#, #"a\n\rb"#, #"a\r"#, #"\u202ereversed"#, #"\u202aembedded"#, #"x\u0085"#, #"x\u007f"#] {
      assertOnlyError(validate(standard18(#""rationale": "\#(bad)""#)), "control-character", at: (5, 34))
    }
  }

  func testRepeatedDisaggregationIsRefusedAsTheSchemasUniqueItemsDoes() {
    let file = { (list: String) in
      self.standard18(#""indicators": [{ "id": "18.1", "disaggregation": \#(list) }]"#)
    }
    XCTAssertTrue(validate(file(#"["sex", "age"]"#)).valid)
    assertOnlyError(validate(file(#"["sex", "age", "sex"]"#)), "repeated-value", at: (5, 85))
    // Compared as written: a CR-LF and a LF line break differ, as they do for the schema.
    XCTAssertTrue(validate(file(#"["a\r\nb", "a\nb"]"#)).valid)
  }

  // MARK: workshop files

  func workshop(_ members: String) -> String {
    """
    {
      "cpms": "workshop/1",
      \(members)
    }
    """
  }

  func testWorkshopRequestRulesPointAtTheirKeysAndNameKeysNotFlags() {
    var message = assertOnlyError(
      validate(workshop(#""situation": "none", "select": [1, 7, 14, 21],"# + "\n  " + #""planStandards": [1, 7]"#)),
      "plan-standards-need-plan", at: (4, 3))
    XCTAssertTrue(message.contains(#""planStandards""#), message)
    XCTAssertFalse(message.contains("--"), message)
    message = assertOnlyError(
      validate(workshop(#""situation": "contextualized", "select": [1, 7, 14, 21]"#)),
      "contextualized-needs-standards", at: (3, 3))
    XCTAssertTrue(message.contains(#""contextualized""#) && message.contains(#""context""#), message)
    XCTAssertFalse(message.contains("--"), message)
    assertOnlyError(
      validate(workshop(#""situation": "none", "select": [1, 7, 14, 21], "contextualized": [13]"#)),
      "none-means-nothing-contextualized", at: (3, 50))
    let none = validate(
      workshop(
        #""situation": "none", "select": [1, 7, 14, 21], "exceptions": [{ "standard": 1, "reason": "no-consensus" }]"#))
    XCTAssertEqual(
      none.diagnostics.map { "\($0.rule) \($0.location?.line ?? 0):\($0.location?.column ?? 0)" },
      ["exceptions-need-contextualized 3:50", "exception-not-contextualized 3:79"], describe(none))
    assertOnlyError(
      validate(
        workshop(
          #""situation": "contextualized", "contextualized": [13], "select": [1, 7, 13, 21], "#
            + #""exceptions": [{ "standard": 18, "reason": "no-consensus" }]"#)),
      "exception-not-contextualized", at: (3, 113))
    assertOnlyError(
      validate(
        workshop(
          #""situation": "contextualized", "contextualized": [13], "select": [1, 7, 14, 21], "#
            + #""exceptions": [{ "standard": 13, "reason": "no-consensus" }, { "standard": 13, "reason": "principle-1" }]"#
        )), "two-exceptions", at: (3, 145))
  }

  func testContextualizedStandardLeftOutIsExplainedInTheFilesKeys() {
    let message = assertOnlyError(
      validate(workshop(#""situation": "contextualized", "contextualized": [13, 18], "select": [1, 7, 13, 21]"#)),
      "contextualized-selected", at: (3, 57))
    XCTAssertTrue(message.contains(#""exceptions""#) && message.contains(#""select""#), message)
    XCTAssertFalse(message.contains("--"), message)
  }

  // MARK: reporters

  func testGithubEscapesCarriageReturnLineFeedPairsAndMarksOverScalars() {
    XCTAssertEqual(ValidationReporter.githubMessage("a\r\nb"), "a%0D%0Ab")
    XCTAssertEqual(ValidationReporter.githubMessage("a\rb\nc"), "a%0Db%0Ac")
    XCTAssertEqual(ValidationReporter.githubMessage("100%\u{301} done"), "100%25\u{301} done")
    XCTAssertEqual(ValidationReporter.githubMessage("keys: a, b"), "keys: a, b", "the message keeps : and ,")
    XCTAssertEqual(
      ValidationReporter.githubProperty("dir,\u{301}name:\u{301}\r\nx%\u{301}.json"),
      "dir%2C\u{301}name%3A\u{301}%0D%0Ax%25\u{301}.json")
    XCTAssertEqual(ValidationReporter.githubProperty("a:b,c%d"), "a%3Ab%2Cc%25d")
    let report = ValidationReport(
      path: "evil\r\n::error file=x::injected,%\u{301}.json", kind: nil,
      diagnostics: [
        Diagnostic(
          .error, rule: "json-syntax", message: "first\r\nsecond %\u{301}",
          location: DiagnosticLocation(line: 2, column: 3))
      ])
    let lines = ValidationReporter.github([report]).split(separator: "\n", omittingEmptySubsequences: false)
    XCTAssertEqual(lines.count, 3, "one annotation, the summary, the final newline: \(lines)")
    XCTAssertEqual(
      String(lines[0]),
      "::error file=evil%0D%0A%3A%3Aerror file=x%3A%3Ainjected%2C%25\u{301}.json,line=2,col=3,title=json-syntax::"
        + "first%0D%0Asecond %25\u{301}")
    XCTAssertFalse(lines[0].unicodeScalars.contains("\r"))
  }

  func testJSONReportKeepsKindAsNullWhenUnknown() throws {
    let report = ValidationReport(
      path: "x.json", kind: nil,
      diagnostics: [
        Diagnostic(.error, rule: "empty-file", message: "Empty.", location: DiagnosticLocation(line: 1, column: 1))
      ])
    let output = ValidationReporter.json([report])
    let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    let file = try XCTUnwrap((object["files"] as? [[String: Any]])?.first)
    XCTAssertTrue(file.keys.contains("kind"), "\(file.keys)")
    XCTAssertTrue(file["kind"] is NSNull, "\(file["kind"] ?? "missing")")
    XCTAssertEqual(Set(file.keys), ["path", "kind", "valid", "errors", "warnings", "findings"])
  }
}

/// The character classes the schemas write out are the ones the validator uses, scalar by scalar.
final class FileGrammarSchemaTests: XCTestCase {
  func schema(_ name: String) throws -> SourceJSON {
    try SourceJSONParser.parse(Array(try XCTUnwrap(Catalog.schema(named: name)).utf8))
  }

  func regex(_ pattern: String?) throws -> NSRegularExpression {
    try NSRegularExpression(pattern: try XCTUnwrap(pattern))
  }

  func matches(_ regex: NSRegularExpression, _ text: String) -> Bool {
    regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
  }

  /// Every scalar of the Basic Multilingual Plane but the surrogates, and a few beyond it.
  static let scalars: [Unicode.Scalar] =
    (0..<0xD800).compactMap(Unicode.Scalar.init) + (0xE000..<0x10000).compactMap(Unicode.Scalar.init)
    + [0x1F600, 0xE0001, 0x10FFFF].compactMap(Unicode.Scalar.init)

  func testTheSchemasTextClassesAreTheValidators() throws {
    for name in ["contextualization", "workshop"] {
      let text = try XCTUnwrap(try schema(name)["$defs"]?["text"])
      let visible = try regex(text["pattern"]?.stringValue)
      let forbidden = try regex(text["not"]?["pattern"]?.stringValue)
      for scalar in Self.scalars {
        let one = String(Character(scalar))
        XCTAssertEqual(
          matches(visible, one), !FileGrammar.isInvisible(scalar), "\(name): U+\(String(scalar.value, radix: 16))")
        XCTAssertEqual(
          matches(forbidden, one + "x"), FileGrammar.firstForbiddenCharacter(in: one + "x") != nil,
          "\(name): U+\(String(scalar.value, radix: 16))")
      }
    }
  }

  func testTheSchemasTargetWhitespaceIsTheValidators() throws {
    let branches = try XCTUnwrap(try schema("contextualization")["$defs"]?["target"]?["oneOf"]?.elements)
    let percentage = try regex(branches[1]["pattern"]?.stringValue)
    for scalar in Self.scalars {
      let spaced = String(Character(scalar)) + "80%"
      XCTAssertEqual(
        matches(percentage, spaced), FileGrammar.isTargetWhitespace(scalar), "U+\(String(scalar.value, radix: 16))")
      XCTAssertEqual(Target(parsing: spaced) != nil, FileGrammar.isTargetWhitespace(scalar))
    }
  }
}
