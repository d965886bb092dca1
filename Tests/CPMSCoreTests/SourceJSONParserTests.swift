import XCTest

@testable import CPMSCore

final class SourceJSONParserTests: XCTestCase {

  // MARK: Helpers

  private func parse(_ text: String, maxDepth: Int = SourceJSONParser.defaultMaxDepth) throws
    -> SourceJSON
  {
    try SourceJSONParser.parse(Array(text.utf8), maxDepth: maxDepth)
  }

  private func failure(
    _ bytes: [UInt8], maxDepth: Int = SourceJSONParser.defaultMaxDepth,
    file: StaticString = #filePath, line: UInt = #line
  ) -> Diagnostic? {
    let result = Result { () throws(Diagnostic) -> SourceJSON in
      try SourceJSONParser.parse(bytes, maxDepth: maxDepth)
    }
    switch result {
    case .success(let value):
      XCTFail("Expected a parse error, but parsed a \(value.kindName)", file: file, line: line)
      return nil
    case .failure(let error):
      return error
    }
  }

  /// Asserts the rule, the 1-based position, that the offset agrees with that position, and
  /// that the message contains each phrase (case-insensitively).
  private func assertFailure(
    _ bytes: [UInt8], rule: String = "json-syntax", at position: (line: Int, column: Int),
    mentions phrases: [String], maxDepth: Int = SourceJSONParser.defaultMaxDepth,
    file: StaticString = #filePath, line: UInt = #line
  ) {
    guard let error = failure(bytes, maxDepth: maxDepth, file: file, line: line) else { return }
    XCTAssertEqual(error.rule, rule, error.message, file: file, line: line)
    XCTAssertEqual(
      error.location?.line, position.line, "line; \(error.message)", file: file, line: line)
    XCTAssertEqual(
      error.location?.column, position.column, "column; \(error.message)", file: file, line: line)
    XCTAssertEqual(
      referenceLocation(of: error.location?.offset ?? 0, in: bytes), error.location?.sourceLocation,
      "offset disagrees with line/column", file: file, line: line)
    for phrase in phrases {
      XCTAssertTrue(
        error.message.lowercased().contains(phrase.lowercased()),
        "Message \"\(error.message)\" should mention \"\(phrase)\"", file: file, line: line)
    }
  }

  private func assertFailure(
    _ text: String, rule: String = "json-syntax", at position: (line: Int, column: Int),
    mentions phrases: [String], maxDepth: Int = SourceJSONParser.defaultMaxDepth,
    file: StaticString = #filePath, line: UInt = #line
  ) {
    assertFailure(
      Array(text.utf8), rule: rule, at: position, mentions: phrases, maxDepth: maxDepth,
      file: file, line: line)
  }

  /// A deliberately naive position computation, independent of the parser's cursor.
  private func referenceLocation(of offset: Int, in bytes: [UInt8]) -> SourceLocation {
    let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    let prefix = bytes[start..<max(start, offset)]
    let lines = prefix.split(separator: 0x0A, omittingEmptySubsequences: false)
    let lastLine = String(decoding: lines.last!, as: UTF8.self)
    return SourceLocation(
      line: lines.count, column: lastLine.unicodeScalars.count + 1, offset: offset)
  }

  private func loc(_ line: Int, _ column: Int, _ offset: Int) -> SourceLocation {
    SourceLocation(line: line, column: column, offset: offset)
  }

  // MARK: Positions

  func testPositionsOfKeysAndValuesOnSeveralLines() throws {
    let text = """
      {
        "name": "Child protection",
        "count": 12,
        "tags": ["a", "b"],
        "nested": {"ok": true, "none": null}
      }
      """
    let root = try parse(text)
    XCTAssertEqual(root.location, loc(1, 1, 0))
    let members = try XCTUnwrap(root.members)
    XCTAssertEqual(members.map(\.key), ["name", "count", "tags", "nested"])
    XCTAssertEqual(members[0].keyLocation, loc(2, 3, 4))
    XCTAssertEqual(members[0].value.location, loc(2, 11, 12))
    XCTAssertEqual(members[0].value.stringValue, "Child protection")
    XCTAssertEqual(members[1].keyLocation.line, 3)
    XCTAssertEqual(members[1].value.location.column, 12)
    let tags = try XCTUnwrap(root["tags"]?.elements)
    XCTAssertEqual(root["tags"]?.location.column, 11)
    XCTAssertEqual(tags.map(\.location.column), [12, 17])
    XCTAssertEqual(tags.map(\.location.line), [4, 4])
    let nested = try XCTUnwrap(root["nested"])
    XCTAssertEqual(nested.location.column, 13)
    XCTAssertEqual(nested.members?.map(\.keyLocation.column), [14, 26])
    XCTAssertEqual(nested["ok"]?.location.column, 20)
    XCTAssertEqual(nested["none"]?.location, loc(5, 34, referenceOffset(text, line: 5, column: 34)))
    for member in members {
      XCTAssertEqual(
        referenceLocation(of: member.keyLocation.offset, in: Array(text.utf8)), member.keyLocation)
    }
  }

  private func referenceOffset(_ text: String, line: Int, column: Int) -> Int {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let before = lines.prefix(line - 1).reduce(0) { $0 + $1.utf8.count + 1 }
    let inLine = lines[line - 1].unicodeScalars.prefix(column - 1).reduce(0) {
      $0 + String($1).utf8.count
    }
    return before + inLine
  }

  func testByteOrderMarkIsSkippedForPositionsButNotOffsets() throws {
    let root = try SourceJSONParser.parse([0xEF, 0xBB, 0xBF] + Array(#"{"a": 1}"#.utf8))
    XCTAssertEqual(root.location, loc(1, 1, 3))
    XCTAssertEqual(root.members?.first?.keyLocation, loc(1, 2, 4))
    XCTAssertEqual(root["a"]?.location, loc(1, 7, 9))
    XCTAssertEqual(root["a"]?.intValue, 1)
  }

  func testCRLFCountsAsOneLineBreak() throws {
    let root = try parse("{\r\n  \"a\": 1,\r\n  \"b\": [\r\n    true\r\n  ]\r\n}\r\n")
    XCTAssertEqual(root.members?[0].keyLocation, loc(2, 3, 5))
    XCTAssertEqual(root["a"]?.location, loc(2, 8, 10))
    XCTAssertEqual(root.members?[1].keyLocation, loc(3, 3, 16))
    XCTAssertEqual(root["b"]?.location, loc(3, 8, 21))
    XCTAssertEqual(root["b"]?.elements?.first?.location, loc(4, 5, 28))
  }

  func testCarriageReturnAloneIsWhitespaceButNotALineBreak() throws {
    let root = try parse("{\"a\":\r1,\r\"b\":2}")
    XCTAssertEqual(root["a"]?.location, loc(1, 7, 6))
    XCTAssertEqual(root.members?[1].keyLocation, loc(1, 10, 9))
  }

  func testNonASCIICharactersCountAsOneColumnEach() throws {
    let root = try parse(#"{"é": "漢字", "x": [1, "😀", 2]}"#)
    XCTAssertEqual(root["é"]?.location, loc(1, 7, 7))
    XCTAssertEqual(root["é"]?.stringValue, "漢字")
    XCTAssertEqual(root.members?[1].keyLocation, loc(1, 13, 17))
    let elements = try XCTUnwrap(root["x"]?.elements)
    XCTAssertEqual(root["x"]?.location, loc(1, 18, 22))
    XCTAssertEqual(elements.map(\.location), [loc(1, 19, 23), loc(1, 22, 26), loc(1, 27, 34)])
    XCTAssertEqual(elements[1].stringValue, "😀")
  }

  func testErrorPositionsAfterBOMCRLFAndNonASCII() {
    assertFailure(
      [0xEF, 0xBB, 0xBF] + Array(#"{"a": tru}"#.utf8), at: (1, 7), mentions: ["tru"])
    assertFailure("{\r\n  \"a\": 1,\r\n}", at: (2, 9), mentions: ["remove the comma"])
    assertFailure("{\n  \"漢字é\": 1,\n  \"b\" 2\n}", at: (3, 7), mentions: ["missing ':'"])
    assertFailure(#"{"éé": "漢", "b": tru}"#, at: (1, 18), mentions: ["tru"])
  }

  func testLocationsSortInFileOrder() {
    let locations = [loc(3, 1, 20), loc(1, 5, 4), loc(2, 2, 10)]
    XCTAssertEqual(locations.sorted(), [loc(1, 5, 4), loc(2, 2, 10), loc(3, 1, 20)])
    XCTAssertLessThan(loc(1, 1, 0), loc(1, 2, 1))
  }

  // MARK: Values

  func testStringsDecodeEveryEscapeIncludingSurrogatePairs() throws {
    let root = try parse(
      #"["\"\\\/\b\f\n\r\t\u00e9\u0000", "\uD83D\uDE00!", "plain", "", "\u00C9t\u00E9"]"#)
    let strings = try XCTUnwrap(root.elements).map(\.stringValue)
    XCTAssertEqual(strings, ["\"\\/\u{8}\u{C}\n\r\t\u{E9}\u{0}", "😀!", "plain", "", "Été"])
  }

  func testEscapedKeysAreDecoded() throws {
    let root = try parse(#"{"a\u0062": 1, "\"q\"": 2}"#)
    XCTAssertEqual(root.members?.map(\.key), ["ab", "\"q\""])
    XCTAssertEqual(root["ab"]?.intValue, 1)
  }

  func testDuplicateKeysAreKeptInOrder() throws {
    let root = try parse(#"{"a": 1, "b": 2, "a": 3}"#)
    let members = try XCTUnwrap(root.members)
    XCTAssertEqual(members.map(\.key), ["a", "b", "a"])
    XCTAssertEqual(members.map { $0.value.intValue }, [1, 2, 3])
    XCTAssertEqual(members[2].keyLocation, loc(1, 18, 17))
    XCTAssertEqual(root["a"]?.intValue, 1, "the subscript returns the first occurrence")
  }

  func testNumbersKeepTheirRawText() throws {
    let root = try parse("[1.50, -0, 1E+2, 12345678901234567890123, 0.0e-0, 7]")
    let raws = try XCTUnwrap(root.elements).map { element -> String? in
      guard case .number(let raw) = element.value else { return nil }
      return raw
    }
    XCTAssertEqual(raws, ["1.50", "-0", "1E+2", "12345678901234567890123", "0.0e-0", "7"])
  }

  func testIntValueOnlyForIntegralNumbersInRange() throws {
    let cases: [(String, Int?)] = [
      ("42", 42), ("-7", -7), ("0", 0), ("-0", 0), ("1.0", nil), ("1e2", nil), ("1E2", nil),
      ("9223372036854775807", Int.max), ("-9223372036854775808", Int.min),
      ("9223372036854775808", nil), ("\"1\"", nil), ("true", nil), ("null", nil),
    ]
    for (text, expected) in cases {
      XCTAssertEqual(try parse(text).intValue, expected, text)
    }
  }

  func testDoubleValueIsFiniteOnly() throws {
    XCTAssertEqual(try parse("1.5").doubleValue, 1.5)
    XCTAssertEqual(try parse("-2").doubleValue, -2)
    XCTAssertEqual(try parse("2.5e3").doubleValue, 2500)
    XCTAssertNil(try parse("1e400").doubleValue)
    XCTAssertNil(try parse("\"1.5\"").doubleValue)
  }

  func testAccessorsAndKindNames() throws {
    let root = try parse(#"{"o": {}, "a": [], "s": "x", "n": 1, "b": false, "z": null}"#)
    XCTAssertEqual(
      root.members?.map(\.value.kindName),
      ["object", "array", "string", "number", "boolean", "null"])
    XCTAssertEqual(root.kindName, "object")
    XCTAssertEqual(root["o"]?.members, [])
    XCTAssertEqual(root["a"]?.elements, [])
    XCTAssertNil(root["a"]?.members)
    XCTAssertNil(root["o"]?.elements)
    XCTAssertNil(root["s"]?["x"], "subscript on a non-object is nil")
    XCTAssertNil(root["missing"])
    XCTAssertNil(root["n"]?.stringValue)
    XCTAssertEqual(root["b"]?.value, .bool(false))
    XCTAssertEqual(root["z"]?.value, .null)
  }

  func testTopLevelScalarsAndSurroundingWhitespaceAreAccepted() throws {
    XCTAssertEqual(try parse(" \"x\" \n").stringValue, "x")
    XCTAssertEqual(try parse("\n\n  42").location, loc(3, 3, 4))
    XCTAssertEqual(try parse("null").value, .null)
    XCTAssertEqual(try parse("true").value, .bool(true))
  }

  // MARK: Empty files and encoding

  func testEmptyAndWhitespaceOnlyFiles() {
    assertFailure("", rule: "empty-file", at: (1, 1), mentions: ["empty", "JSON object"])
    assertFailure(" \n\t\r\n  ", rule: "empty-file", at: (1, 1), mentions: ["empty"])
    assertFailure(
      [0xEF, 0xBB, 0xBF, 0x0A], rule: "empty-file", at: (1, 1), mentions: ["empty"])
  }

  func testInvalidUTF8IsReportedAtTheFirstBadByte() {
    assertFailure(
      Array(#"{"a": "caf"#.utf8) + [0xE9] + Array(#""}"#.utf8), rule: "invalid-utf8",
      at: (1, 11), mentions: ["save the file as UTF-8", "0xE9"])
    assertFailure(
      Array("{\n  \"é\": \"x".utf8) + [0xFF] + Array("\"\n}".utf8), rule: "invalid-utf8",
      at: (2, 10), mentions: ["UTF-8"])
    // Overlong encoding, encoded surrogate, beyond U+10FFFF, truncated at the end.
    for bad: [UInt8] in [
      [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xE6, 0x97],
    ] {
      assertFailure(
        Array("[\"ok\", \"".utf8) + bad, rule: "invalid-utf8", at: (1, 9), mentions: ["UTF-8"])
    }
  }

  func testUTF16FilesAreRecognised() {
    assertFailure(
      [0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00], rule: "invalid-utf8", at: (1, 1),
      mentions: ["UTF-16", "save the file as UTF-8"])
  }

  func testBinaryJunkIsRefusedCleanly() {
    let junk = (0...255).map { UInt8($0) }
    // Bytes 0x00–0x7F are valid UTF-8; 0x0A starts line 2 at offset 11, so 0x80 is column 118.
    assertFailure(junk, rule: "invalid-utf8", at: (2, 118), mentions: ["UTF-8"])
    assertFailure(Array(junk[0..<128]), at: (1, 1), mentions: ["U+0000"])
  }

  // MARK: Nesting

  func testNestingExactlyAtTheLimitIsAccepted() throws {
    let depth = SourceJSONParser.defaultMaxDepth
    let arrays = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    var value = try parse(arrays)
    for _ in 1..<depth { value = try XCTUnwrap(value.elements?.first) }
    XCTAssertEqual(value.elements, [])
    XCTAssertEqual(value.location.column, depth)

    let objects =
      String(repeating: #"{"a":"#, count: depth) + "1" + String(repeating: "}", count: depth)
    XCTAssertEqual(try parse(objects).kindName, "object")
  }

  func testNestingOneBeyondTheLimitIsRefusedAtTheBracket() {
    let depth = SourceJSONParser.defaultMaxDepth + 1
    assertFailure(
      String(repeating: "[", count: depth) + String(repeating: "]", count: depth),
      rule: "nesting-too-deep", at: (1, depth), mentions: ["64"])
    assertFailure(
      String(repeating: #"{"a":"#, count: depth) + "1" + String(repeating: "}", count: depth),
      rule: "nesting-too-deep", at: (1, 1 + 64 * 5), mentions: ["64", "object"])
  }

  func testHundredThousandOpenBracketsFailCleanly() {
    assertFailure(
      String(repeating: "[", count: 100_000), rule: "nesting-too-deep", at: (1, 65),
      mentions: ["at most 64"])
    assertFailure(
      String(repeating: #"{"k":["#, count: 50_000), rule: "nesting-too-deep", at: (1, 193),
      mentions: ["64"])
  }

  func testCustomAndClampedDepthLimits() throws {
    XCTAssertEqual(try parse("[[1]]", maxDepth: 2).elements?.count, 1)
    assertFailure("[[[1]]]", rule: "nesting-too-deep", at: (1, 3), mentions: ["2"], maxDepth: 2)
    XCTAssertEqual(try parse("1", maxDepth: 0).intValue, 1)
    assertFailure("[]", rule: "nesting-too-deep", at: (1, 1), mentions: ["0"], maxDepth: 0)
    assertFailure("{}", rule: "nesting-too-deep", at: (1, 1), mentions: ["object"], maxDepth: -5)
    // Limits above the ceiling are lowered so the finished tree stays safe to free and compare.
    let ceiling = SourceJSONParser.depthCeiling
    let atCeiling = String(repeating: "[", count: ceiling) + String(repeating: "]", count: ceiling)
    XCTAssertEqual(try parse(atCeiling, maxDepth: 1_000_000).kindName, "array")
    assertFailure(
      "[" + atCeiling + "]", rule: "nesting-too-deep", at: (1, ceiling + 1), mentions: ["1000"],
      maxDepth: 1_000_000)
  }

  // MARK: Common mistakes

  func testTrailingCommas() {
    assertFailure(
      "{\n  \"a\": 1,\n}", at: (2, 9), mentions: ["trailing comma", "'}'", "remove the comma"])
    assertFailure("[1, 2,]", at: (1, 6), mentions: ["']'", "remove the comma"])
    assertFailure("[\n  1,\n  2,\n  \n]", at: (3, 4), mentions: ["remove the comma"])
  }

  func testMissingCommas() {
    assertFailure(
      "{\n  \"a\": 1\n  \"b\": 2\n}", at: (3, 3),
      mentions: ["missing comma", "after the value of \"a\""])
    assertFailure("[1 2]", at: (1, 4), mentions: ["missing comma", "add ','"])
    assertFailure(#"["a" "b"]"#, at: (1, 6), mentions: ["missing comma"])
    assertFailure("[{} {}]", at: (1, 5), mentions: ["missing comma"])
    assertFailure(#"{"a": 1 b: 2}"#, at: (1, 9), mentions: ["missing comma"])
  }

  func testUnquotedKeys() {
    assertFailure(
      #"{name: "x"}"#, at: (1, 2), mentions: ["put the key in double quotes", #""name""#])
    assertFailure(#"{"a": 1, b_2: 2}"#, at: (1, 10), mentions: ["double quotes", #""b_2""#])
    assertFailure(#"{1: 2}"#, at: (1, 2), mentions: ["double quotes", #""1""#])
  }

  func testSingleQuotedStrings() {
    assertFailure(
      #"{"a": 'x y'}"#, at: (1, 7),
      mentions: ["double quotes", "single quotes", #"write "x y" instead of 'x y'"#])
    assertFailure(#"{'a': 1}"#, at: (1, 2), mentions: ["keys must use double quotes"])
    assertFailure("['unclosed\n]", at: (1, 2), mentions: ["replace the single quotes"])
  }

  func testComments() {
    assertFailure(
      "{\n  // the name\n  \"a\": 1\n}", at: (2, 3), mentions: ["JSON has no comments", "'//'"])
    assertFailure(#"{"a": 1 /* note */}"#, at: (1, 9), mentions: ["JSON has no comments", "/*"])
    assertFailure("{} // done", at: (1, 4), mentions: ["no comments"])
    assertFailure("[/* x */ 1]", at: (1, 2), mentions: ["no comments"])
    assertFailure("{# note\n}", at: (1, 2), mentions: ["no comments"])
  }

  func testUnterminatedStrings() {
    assertFailure(#"{"a": "abc"#, at: (1, 7), mentions: ["add the closing quote"])
    assertFailure(#"{"abc"#, at: (1, 2), mentions: ["unterminated", "closing quote"])
    assertFailure(#"["abc\"#, at: (1, 2), mentions: ["closing quote"])
  }

  func testRawControlCharactersInStrings() {
    assertFailure(
      "{\"a\": \"abc\n}", at: (1, 11), mentions: ["line break", "add the closing quote", "\\n"])
    assertFailure("[\"a\r\nb\"]", at: (1, 4), mentions: ["escape it as \\n"])
    assertFailure("[\"a\tb\"]", at: (1, 4), mentions: ["tab", "escape it as \\t"])
    assertFailure("[\"a\u{01}b\"]", at: (1, 4), mentions: ["U+0001", "\\u0001"])
  }

  func testInvalidEscapes() {
    assertFailure(
      #"["C:\Users"]"#, at: (1, 5), mentions: ["invalid escape", "'\\U'", "double it"])
    assertFailure(#"["\x41"]"#, at: (1, 3), mentions: ["invalid escape"])
    assertFailure(#"["\u12G4"]"#, at: (1, 3), mentions: ["four hexadecimal digits"])
    assertFailure(#"["\u12"]"#, at: (1, 3), mentions: ["four hexadecimal digits"])
  }

  func testLoneSurrogates() {
    assertFailure(#"["\uD83D"]"#, at: (1, 3), mentions: ["lone surrogate", "\\uD83D"])
    assertFailure(#"["x\uD83D\u0041"]"#, at: (1, 4), mentions: ["lone surrogate"])
    assertFailure(#"["a\uDE00"]"#, at: (1, 4), mentions: ["lone surrogate", "high surrogate"])
  }

  func testInvalidNumbers() {
    assertFailure("[01]", at: (1, 2), mentions: ["leading zeros", "write 1 instead of 01"])
    assertFailure(
      #"{"code": -007}"#, at: (1, 10), mentions: ["write -7 instead of -007", #""-007""#])
    assertFailure("[+1]", at: (1, 2), mentions: ["remove the plus sign", "write 1"])
    assertFailure("[.5]", at: (1, 2), mentions: ["write 0.5 instead of .5"])
    assertFailure("[1.]", at: (1, 2), mentions: ["after the decimal point", "1.0"])
    assertFailure("[3.e5]", at: (1, 2), mentions: ["after the decimal point"])
    assertFailure("[1e]", at: (1, 2), mentions: ["exponent"])
    assertFailure("[2E+]", at: (1, 2), mentions: ["exponent"])
    assertFailure("[-]", at: (1, 2), mentions: ["'-' must be followed by digits"])
    assertFailure("[0x1F]", at: (1, 2), mentions: ["hexadecimal"])
    assertFailure("[1.2.3]", at: (1, 2), mentions: ["1.2.3 is not a valid number"])
    assertFailure("[12abc]", at: (1, 2), mentions: [#""12abc""#])
  }

  func testNaNAndInfinity() {
    assertFailure("[NaN]", at: (1, 2), mentions: ["NaN", "use null"])
    assertFailure("[1, Infinity]", at: (1, 5), mentions: ["Infinity", "not a valid JSON number"])
    assertFailure("[-Infinity]", at: (1, 2), mentions: ["-Infinity"])
    assertFailure("[+Infinity]", at: (1, 2), mentions: ["Infinity"])
  }

  func testWrongLiterals() {
    assertFailure(
      #"{"ok": True}"#, at: (1, 8), mentions: ["lowercase", "write true instead of True"])
    assertFailure("[FALSE]", at: (1, 2), mentions: ["write false"])
    assertFailure("[Null]", at: (1, 2), mentions: ["write null"])
    assertFailure("[None]", at: (1, 2), mentions: ["write null"])
    assertFailure("[undefined]", at: (1, 2), mentions: ["write null"])
    assertFailure("[nil]", at: (1, 2), mentions: ["write null"])
    assertFailure("[tru]", at: (1, 2), mentions: ["unexpected word tru"])
    assertFailure(#"{"a": hello}"#, at: (1, 7), mentions: ["double quotes", #""hello""#])
    assertFailure("[truex]", at: (1, 2), mentions: ["truex"])
  }

  func testMissingValuesAndColons() {
    assertFailure(#"{"a": }"#, at: (1, 7), mentions: [#"the key "a" has no value"#, "null"])
    assertFailure(#"{"a": , "b": 1}"#, at: (1, 7), mentions: ["no value"])
    assertFailure("{\"a\":\n]", at: (2, 1), mentions: ["no value"])
    assertFailure(#"{"a" 1}"#, at: (1, 6), mentions: ["missing ':'", #""a""#])
    assertFailure(#"{"a" = 1}"#, at: (1, 6), mentions: ["not '='"])
  }

  func testTextAfterTheTopLevelValue() {
    assertFailure(#"{"a": 1} x"#, at: (1, 10), mentions: ["after the end", "remove it"])
    assertFailure("{}\n{}", at: (2, 1), mentions: ["remove it", "one value"])
    assertFailure("{}}", at: (1, 3), mentions: ["extra '}'", "remove it"])
    assertFailure("[1],", at: (1, 4), mentions: ["remove it"])
  }

  func testUnexpectedEndOfFile() {
    assertFailure(
      #"{"a": 1"#, at: (1, 8), mentions: ["ends before the object", "line 1, column 1", "add '}'"])
    assertFailure(
      "{\n  \"a\": [1, 2\n", at: (3, 1),
      mentions: ["ends before the array opened at line 2, column 8", "add ']}'"])
    assertFailure(#"{"a":"#, at: (1, 6), mentions: [#"a value for the key "a""#, "add '}'"])
    assertFailure("[", at: (1, 2), mentions: ["add ']'"])
    assertFailure("{", at: (1, 2), mentions: ["add '}'"])
    assertFailure(#"{"a""#, at: (1, 5), mentions: ["':' and a value"])
    assertFailure("[1,", at: (1, 4), mentions: ["after the last ','", "add ']'"])
    assertFailure(#"{"a": 1,"#, at: (1, 9), mentions: ["another member", "add '}'"])
  }

  func testMismatchedBrackets() {
    assertFailure("[1}", at: (1, 3), mentions: ["mismatched", "close it with ']'"])
    assertFailure(#"{"a": 1]"#, at: (1, 8), mentions: ["mismatched", "close it with '}'"])
    assertFailure("[}", at: (1, 2), mentions: ["mismatched"])
    assertFailure("{]", at: (1, 2), mentions: ["mismatched"])
  }

  func testStrayCommasAndColons() {
    assertFailure("[1,,2]", at: (1, 4), mentions: ["two commas"])
    assertFailure("[,1]", at: (1, 2), mentions: ["right after '['"])
    assertFailure("{,}", at: (1, 2), mentions: ["right after '{'"])
    assertFailure(#"{"a": 1,,}"#, at: (1, 9), mentions: ["two commas"])
    assertFailure(#"["a": 1]"#, at: (1, 5), mentions: ["':' inside an array", "object"])
  }

  func testInvisibleAndLookalikeCharacters() {
    assertFailure("{\u{A0}\"a\": 1}", at: (1, 2), mentions: ["no-break space", "ordinary space"])
    assertFailure("{\"a\": 1\u{200B}}", at: (1, 8), mentions: ["zero-width space"])
    assertFailure(#"{“a”: 1}"#, at: (1, 2), mentions: ["straight double quotes"])
    assertFailure("[@]", at: (1, 2), mentions: ["expected a value", "'@'"])
  }

  // MARK: Robustness

  func testLargeMultiLineDocument() throws {
    var text = "[\n"
    var count = 0
    while text.utf8.count < 5_000_000 {
      if count > 0 { text += ",\n" }
      text +=
        "  {\"id\": \(count), \"name\": \"item \(count) é\", \"tags\": [\"a\", \"b\"], "
        + "\"ratio\": 0.5, \"ok\": true, \"none\": null}"
      count += 1
    }
    text += "\n]\n"
    let root = try parse(text)
    let elements = try XCTUnwrap(root.elements)
    XCTAssertEqual(elements.count, count)
    let last = try XCTUnwrap(elements.last)
    XCTAssertEqual(last.location.line, count + 1)
    XCTAssertEqual(last.location.column, 3)
    XCTAssertEqual(last["id"]?.intValue, count - 1)
    XCTAssertEqual(last["name"]?.stringValue, "item \(count - 1) é")
    XCTAssertEqual(last.members?.first?.keyLocation.column, 4)
  }

  func testLargeSingleLineDocumentHasCorrectColumns() throws {
    var text = "["
    var count = 0
    while text.utf8.count < 5_000_000 {
      if count > 0 { text += "," }
      text += "{\"n\":\"é\(count)\",\"v\":[\(count),true]}"
      count += 1
    }
    text += ","
    let lastStart = text.unicodeScalars.count
    let lastOffset = text.utf8.count
    text += "{\"n\":\"漢\",\"v\":[]}]"
    let root = try parse(text)
    let elements = try XCTUnwrap(root.elements)
    XCTAssertEqual(elements.count, count + 1)
    XCTAssertEqual(elements.last?.location, loc(1, lastStart + 1, lastOffset))
    XCTAssertEqual(elements.last?["n"]?.stringValue, "漢")
  }

  func testEveryTruncationOfAValidDocumentFailsCleanly() {
    let bytes = Array(
      """
      {"name": "Café \\u00e9 \\uD83D\\uDE00", "n": [1, -2.5e3, 0], "ok": true,
       "none": null, "nested": {"é": ["x", {}]}}
      """.utf8)
    XCTAssertNoThrow(try SourceJSONParser.parse(bytes))
    for length in 0..<bytes.count {
      let prefix = Array(bytes[0..<length])
      guard let error = failure(prefix) else { continue }
      XCTAssertTrue(
        ["empty-file", "invalid-utf8", "json-syntax"].contains(error.rule), error.rule)
      XCTAssertEqual(referenceLocation(of: error.location?.offset ?? 0, in: prefix), error.location?.sourceLocation)
    }
  }

  func testRandomMutationsNeverCrashAndReportConsistentPositions() {
    var generator = SplitMix64(seed: 0x5EED)
    let original = Array(
      """
      {
        "id": "cpms-1", "title": "Standard 1 — Coordination", "year": 2019,
        "actions": [{"id": "1.1", "phase": "preparedness", "ok": true}, null, -0.5e-3],
        "note": "tab\\tquote\\"emoji\\uD83D\\uDE00 漢"
      }
      """.utf8)
    let palette = Array("{}[]\",:\\ \n\r\t0-.eE+/*'aétnu".utf8) + [0x00, 0x80, 0xC3, 0xFF]
    var parsed = 0
    var refused = 0
    for _ in 0..<3_000 {
      var bytes = original
      for _ in 0..<Int.random(in: 1...4, using: &generator) {
        let index = Int.random(in: 0..<bytes.count, using: &generator)
        let byte = palette.randomElement(using: &generator)!
        switch Int.random(in: 0..<3, using: &generator) {
        case 0: bytes[index] = byte
        case 1: bytes.insert(byte, at: index)
        default: if bytes.count > 1 { bytes.remove(at: index) }
        }
      }
      let result = Result { () throws(Diagnostic) -> SourceJSON in
        try SourceJSONParser.parse(bytes)
      }
      switch result {
      case .success:
        parsed += 1
      case .failure(let error):
        refused += 1
        XCTAssertTrue((0...bytes.count).contains(error.location?.offset ?? -1))
        XCTAssertFalse(error.message.isEmpty)
        XCTAssertEqual(
          referenceLocation(of: error.location?.offset ?? 0, in: bytes), error.location?.sourceLocation, error.message)
      }
    }
    XCTAssertGreaterThan(refused, 0)
    XCTAssertGreaterThan(parsed, 0)
  }
}
