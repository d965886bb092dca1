import Foundation
import XCTest

#if canImport(Glibc)
  import Glibc
#endif

/// Hostile input at every entry point that reads outside input: the files `validate` reads (one file,
/// a folder, stdin), `prioritize --ballot` (file or stdin), `--context` and `--workshop`, the outputs of
/// `pack -o` and `ballot -o`, and the argument parser itself.
///
/// Every failure must be a clear "Error: …" on stderr (what, where, how to fix) with the documented
/// exit code (64 usage, 65 bad data, 66 missing or unreadable input, 73 output not written), never a
/// crash, a hang or a flood of output, and must leave no partial or temporary file behind. `validate`
/// reports a bad file's content as findings on stdout (exit 1), as CI expects; what it cannot read at
/// all is also an error on stderr (exit 66).
///
/// Tests named `testHeavy…` (100 MB inputs, thousands of files) take most of the suite's time: `make
/// test` leaves them to `make test-hostile`, which CI also runs.
final class HostileInputTests: XCTestCase {
  var root: URL!

  override func setUpWithError() throws {
    root = try CLIRunner.temporaryDirectory()
  }

  override func tearDownWithError() throws {
    if let root { try? FileManager.default.removeItem(at: root) }
  }

  // MARK: helpers

  static let validContext = """
    {
      "cpms": "contextualization/1",
      "context": { "name": "Test" },
      "standards": [{ "number": 13, "indicators": [{ "id": "13.1", "target": "90%" }] }]
    }
    """

  static let ballotHeader = "standard,score,comment\n"

  /// A ballot scoring all 28 standards.
  static func ballot(scores: (Int) -> Int = { $0 % 6 }) -> [UInt8] {
    Array((ballotHeader + (1...28).map { "\($0),\(scores($0)),\n" }.joined()).utf8)
  }

  /// Writes a file under the test's folder and returns its path relative to it.
  @discardableResult
  func write(_ name: String, _ bytes: [UInt8]) throws -> String {
    let url = root.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: url)
    return name
  }

  @discardableResult
  func write(_ name: String, _ text: String) throws -> String { try write(name, Array(text.utf8)) }

  func path(_ name: String) -> String { root.appendingPathComponent(name).path }

  /// Runs cpms in the test's folder and checks what every run must keep: it ended on its own, did
  /// not crash, and did not flood stderr.
  func cpms(
    _ arguments: [String], stdin: Data? = nil, executable: URL? = nil, file: StaticString = #filePath,
    line: UInt = #line
  ) throws -> CLIResult {
    let result = try CLIRunner.run(arguments, stdin: stdin, in: root, executable: executable)
    let shown = "cpms \(arguments.map { $0.count > 60 ? String($0.prefix(60)) + "…" : $0 })"
    XCTAssertFalse(result.timedOut, "\(shown) hung", file: file, line: line)
    for marker in ["Fatal error", "Stack dump", "crashed", "Backtracing", "Sanitizer", "SUMMARY:"] {
      XCTAssertFalse(result.stderr.contains(marker), "\(shown) crashed: \(result.stderr)", file: file, line: line)
    }
    XCTAssertLessThan(result.stderr.utf8.count, 4_000, "\(shown) flooded stderr", file: file, line: line)
    return result
  }

  /// Runs cpms through `sh -c SCRIPT`, where the script runs "$0" (the binary) with "$@".
  func cpmsInShell(
    _ script: String, _ arguments: [String], file: StaticString = #filePath, line: UInt = #line
  ) throws -> CLIResult {
    let shell = URL(fileURLWithPath: "/bin/sh")
    guard FileManager.default.isExecutableFile(atPath: shell.path) else { throw XCTSkip("no /bin/sh") }
    return try cpms(["-c", script, CLIRunner.binary.path] + arguments, executable: shell, file: file, line: line)
  }

  /// Asserts an error: the exit code, nothing on stdout, and one "Error: …" message naming the fragments.
  func assertError(
    _ result: CLIResult, _ status: Int32, mentioning fragments: [String] = [], file: StaticString = #filePath,
    line: UInt = #line
  ) {
    XCTAssertEqual(result.status, status, "stderr: \(result.stderr)", file: file, line: line)
    XCTAssertTrue(result.stderr.hasPrefix("Error: "), "stderr: \(result.stderr)", file: file, line: line)
    XCTAssertEqual(result.stdout, "", "stdout after an error", file: file, line: line)
    for fragment in fragments {
      XCTAssertTrue(result.stderr.contains(fragment), "no '\(fragment)' in: \(result.stderr)", file: file, line: line)
    }
  }

  /// Asserts that `validate` found the file invalid for `rule` (exit 1, the finding on stdout, nothing on stderr).
  func assertFinding(
    _ result: CLIResult, _ rule: String, mentioning fragments: [String] = [], file: StaticString = #filePath,
    line: UInt = #line
  ) {
    XCTAssertEqual(result.status, 1, "stdout: \(result.stdout)\nstderr: \(result.stderr)", file: file, line: line)
    XCTAssertEqual(result.stderr, "", file: file, line: line)
    XCTAssertTrue(result.stdout.contains(" [\(rule)]\n"), "no [\(rule)] in: \(result.stdout)", file: file, line: line)
    XCTAssertLessThan(result.stdout.utf8.count, 4_000, "validate flooded stdout", file: file, line: line)
    for fragment in fragments {
      XCTAssertTrue(result.stdout.contains(fragment), "no '\(fragment)' in: \(result.stdout)", file: file, line: line)
    }
  }

  /// Every name in a folder, hidden ones included, so a leftover temporary file shows.
  func listing(_ name: String = "") throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: name.isEmpty ? root.path : path(name)).sorted()
  }

  /// A workshop file with the given members after the tag.
  static func workshop(_ members: String) -> String { #"{"cpms": "workshop/1", "# + members + "}" }

  /// `prioritize`, `pack` (with -o into the test's folder) and `show` reading a context file, and
  /// `prioritize` and `pack` reading a workshop file: each must fail with `status`, and pack must
  /// write nothing.
  func assertEveryReaderRefuses(
    context: String? = nil, workshop: String? = nil, status: Int32, mentioning fragments: [String] = [],
    file: StaticString = #filePath, line: UInt = #line
  ) throws {
    let before = try listing()
    var runs: [[String]] = []
    if let context {
      let selection = ["--situation", "none", "--select", "1,7,14,21"]
      runs += [
        ["prioritize", "--context", context] + selection, ["show", "13", "--context", context],
        ["pack", "--context", context, "-o", "pack-out"] + selection,
      ]
    }
    if let workshop {
      runs += [["prioritize", "--workshop", workshop], ["pack", "--workshop", workshop, "-o", "pack-out"]]
    }
    for arguments in runs {
      let result = try cpms(arguments, file: file, line: line)
      assertError(result, status, mentioning: fragments, file: file, line: line)
      XCTAssertEqual(try listing(), before, "cpms \(arguments) left files behind", file: file, line: line)
    }
  }

  // MARK: validate: bytes that are not text

  func testInvalidUTF8InEveryKindOfInput() throws {
    let bytes = Array(#"{"cpms": "contextualization/1", "#.utf8) + [0xFF, 0x7D]
    try write("bad.json", bytes)
    try write("folder/nested/bad.json", bytes)
    assertFinding(try cpms(["validate", "bad.json"]), "invalid-utf8", mentioning: ["bad.json:1:33: error: ", "0xFF"])
    assertFinding(try cpms(["validate", "folder"]), "invalid-utf8", mentioning: ["folder/nested/bad.json:1:33:"])
    assertFinding(try cpms(["validate", "-"], stdin: Data(bytes)), "invalid-utf8", mentioning: ["<stdin>:1:33:"])
    try assertEveryReaderRefuses(
      context: "bad.json", status: 65, mentioning: ["The context file is not valid", "bad.json:1:33", "UTF-8"])
    try write("bad-workshop.json", Array(#"{"cpms": "workshop/1", "#.utf8) + [0xC3, 0x28, 0x7D])
    try assertEveryReaderRefuses(
      workshop: "bad-workshop.json", status: 65, mentioning: ["The workshop file is not valid", "UTF-8"])
    // UTF-16, as Windows Notepad saves "Unicode": named as such.
    let utf16 = [UInt8]([0xFF, 0xFE]) + Array(Self.validContext.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
    try write("utf16.json", utf16)
    assertFinding(try cpms(["validate", "utf16.json"]), "invalid-utf8", mentioning: ["UTF-16"])
  }

  func testInvalidUTF8InBallots() throws {
    try write("latin1.csv", Array("standard,score,comment\n1,5,Gr".utf8) + [0xFC, 0xDF] + Array("e\n".utf8))
    let file = try cpms(["prioritize", "--situation", "none", "--ballot", "latin1.csv"])
    assertError(file, 65, mentioning: ["latin1.csv:2:", "not UTF-8", "CSV UTF-8"])
    let stdin = try cpms(
      ["prioritize", "--situation", "none", "--ballot", "-"],
      stdin: try Data(contentsOf: root.appendingPathComponent("latin1.csv")))
    assertError(stdin, 65, mentioning: ["<stdin>:2:", "CSV UTF-8"])
    try write("utf16.csv", [0xFF, 0xFE, 0x73, 0x00])
    assertError(try cpms(["prioritize", "--situation", "none", "--ballot", "utf16.csv"]), 65, mentioning: ["UTF-16"])
  }

  func testNULBytesInFiles() throws {
    // A raw NUL cannot be in JSON text; an escaped one would reach terminals and packs, so it is refused too.
    try write("raw.json", Array(#"{"cpms": "contextualization/1", "x": "a"#.utf8) + [0] + Array(#""}"#.utf8))
    assertFinding(try cpms(["validate", "raw.json"]), "json-syntax", mentioning: ["U+0000"])
    try write("zeros.json", [UInt8](repeating: 0, count: 1_000))
    assertFinding(try cpms(["validate", "zeros.json"]), "json-syntax", mentioning: ["zeros.json:1:1:"])
    let escaped = Self.validContext.replacingOccurrences(of: #""Test""#, with: #""Te\u0000st\u001b[2J""#)
    try write("escaped.json", escaped)
    assertFinding(try cpms(["validate", "escaped.json"]), "control-character", mentioning: ["U+0000"])
    try assertEveryReaderRefuses(context: "escaped.json", status: 65, mentioning: ["[control-character]"])
    let workshop = Self.workshop(#""situation": "no\u0000ne", "select": [1, 7, 14, 21]"#)
    try write("workshop.json", workshop)
    try assertEveryReaderRefuses(workshop: "workshop.json", status: 65, mentioning: ["[control-character]"])
    // In a ballot the NUL is shown as an escape, never written raw to the terminal.
    try write("nul.csv", Array("standard,score\n1,5".utf8) + [0] + Array("\n".utf8))
    let ballot = try cpms(["prioritize", "--situation", "none", "--ballot", "nul.csv"])
    assertError(ballot, 65, mentioning: ["nul.csv:2:", "'5<NUL>'"])
    XCTAssertFalse(ballot.stderr.utf8.contains(0), "a NUL reached stderr")
    let stdin = try cpms(
      ["prioritize", "--situation", "none", "--ballot", "-"], stdin: Data([0, 0, 0, 0x0A, 0x31, 0x2C, 0x35]))
    assertError(stdin, 65, mentioning: ["<stdin>:1:", "header"])
  }

  // MARK: validate: nesting and size

  func testHeavyHundredThousandNestedBrackets() throws {
    let brackets = String(repeating: "[", count: 100_000)
    let objects = String(repeating: #"{"a":"#, count: 100_000)
    try write("brackets.json", brackets)
    try write("objects.json", objects)
    assertFinding(try cpms(["validate", "brackets.json"]), "nesting-too-deep", mentioning: ["brackets.json:1:65:"])
    assertFinding(try cpms(["validate", "objects.json"]), "nesting-too-deep")
    assertFinding(try cpms(["validate", "-"], stdin: Data(brackets.utf8)), "nesting-too-deep")
    try assertEveryReaderRefuses(context: "brackets.json", status: 65, mentioning: ["[nesting-too-deep]"])
    try assertEveryReaderRefuses(workshop: "objects.json", status: 65, mentioning: ["[nesting-too-deep]"])
    try write("deep.csv", Self.ballotHeader + String(repeating: "[", count: 100_000) + ",1,\n")
    let ballot = try cpms(["prioritize", "--situation", "none", "--ballot", "deep.csv"])
    assertError(ballot, 65, mentioning: ["deep.csv:2:", "[[[[", "…"])
  }

  /// About 100 MB of a real-looking contextualization file: all 28 standards, each with many long
  /// local indicators (the shape of the benchmark's largest file).
  static func largeValidContext(bytes target: Int) -> [UInt8] {
    let sentence =
      "Caseworkers identify and refer unaccompanied and separated children in the evacuation sites "
      + "within 72 hours, and keep confidential records of every referral."
    let text = [sentence, sentence].joined(separator: " ")
    let long = [sentence, sentence, sentence, sentence, sentence].joined(separator: " ")
    var indicators = [[UInt8]](repeating: [], count: 28)
    var total = 0
    var index = 0
    while total < target {
      index += 1
      for number in 1...28 {
        let indicator = Array(
          """
          \(index == 1 ? "" : ",")
                  {
                    "id": "\(number).L\(index)",
                    "text": "\(text)",
                    "target": \(index % 500 + 1),
                    "definition": "\(long)",
                    "method": "\(text)",
                    "frequency": "Monthly",
                    "dataSource": "\(text)",
                    "disaggregation": ["sex", "age", "disability"],
                    "note": "\(long)"
                  }
          """.utf8)
        indicators[number - 1] += indicator
        total += indicator.count
      }
    }
    var out = Array(
      #"{"cpms": "contextualization/1", "context": {"name": "Generated", "language": "en"}, "standards": ["#.utf8)
    for number in 1...28 {
      out += Array(
        "\(number == 1 ? "" : ",")\n    {\n      \"number\": \(number),\n      \"additionalIndicators\": [".utf8)
      out += indicators[number - 1]
      out += Array("\n      ]\n    }".utf8)
    }
    out += Array("\n  ]\n}\n".utf8)
    return out
  }

  /// The benchmark's constraint: a valid file of 100 MB validates, within 3 × its size + 20 MB of memory.
  func testHeavyHundredMegabyteValidContextualization() throws {
    let bytes = Self.largeValidContext(bytes: 100_000_000)
    XCTAssertGreaterThanOrEqual(bytes.count, 100_000_000)
    XCTAssertLessThan(bytes.count, 101_000_000)
    try write("big.json", bytes)
    let (status, peak) = try Self.peakMemory(["validate", path("big.json")], output: path("output.txt"))
    let output = try String(contentsOfFile: path("output.txt"), encoding: .utf8)
    XCTAssertEqual(status, 0, String(output.prefix(2_000)))
    XCTAssertEqual(output, "1 file checked: 1 valid, 0 invalid (0 errors, 0 warnings).\n")
    // AddressSanitizer's shadow memory makes any measure meaningless there.
    guard ProcessInfo.processInfo.environment["ASAN_OPTIONS"] == nil else { return }
    XCTAssertGreaterThan(peak, bytes.count, "the file alone is read into memory")
    XCTAssertLessThanOrEqual(
      peak, 3 * bytes.count + 20_000_000, "validating \(bytes.count) bytes peaked at \(peak) bytes of memory")
  }

  static let hundredMegabytes = 100_000_000

  /// `pattern` repeated to `count` bytes, by doubling (quick even in a debug build).
  static func repeated(_ pattern: [UInt8], count: Int) -> [UInt8] {
    var bytes = pattern
    while bytes.count < count { bytes += bytes }
    return Array(bytes.prefix(count))
  }

  /// Validates 100 MB that are not a cpms file: one clear finding, quickly, and nothing left behind.
  func assertHundredMegabytes(
    _ bytes: [UInt8], _ rule: String, mentioning fragments: [String] = [],
    file: StaticString = #filePath, line: UInt = #line
  ) throws {
    XCTAssertGreaterThanOrEqual(bytes.count, Self.hundredMegabytes, file: file, line: line)
    try write("huge.json", bytes)
    let result = try cpms(["validate", "huge.json"], file: file, line: line)
    assertFinding(result, rule, mentioning: ["huge.json:"] + fragments, file: file, line: line)
    XCTAssertEqual(result.stdout.components(separatedBy: "\n").count, 3, result.stdout, file: file, line: line)
    XCTAssertEqual(try listing(), ["huge.json"], file: file, line: line)
  }

  func testHeavyHundredMegabytesOfRandomBytes() throws {
    var generator = SystemRandomNumberGenerator()
    let megabyte = (0..<131_072).flatMap { _ in withUnsafeBytes(of: generator.next() as UInt64, Array.init) }
    try assertHundredMegabytes(Self.repeated(megabyte, count: Self.hundredMegabytes), "invalid-utf8")
  }

  func testHeavyHundredMegabytesOfLetters() throws {
    try assertHundredMegabytes(
      Self.repeated(Array("x".utf8), count: Self.hundredMegabytes), "json-syntax", mentioning: ["huge.json:1:1:"])
  }

  func testHeavyHundredMegabytesOfOpenBrackets() throws {
    try assertHundredMegabytes(
      Self.repeated(Array("[".utf8), count: Self.hundredMegabytes), "nesting-too-deep", mentioning: ["huge.json:1:65:"])
    try assertEveryReaderRefuses(context: "huge.json", status: 65, mentioning: ["[nesting-too-deep]"])
  }

  func testHeavyHundredMegabytesOfSpaces() throws {
    try assertHundredMegabytes(Self.repeated(Array(" ".utf8), count: Self.hundredMegabytes), "empty-file")
    try assertEveryReaderRefuses(workshop: "huge.json", status: 65, mentioning: ["[empty-file]"])
  }

  static let documentHead = Array(#"{"cpms": "contextualization/1", "context": {"name": "x"}, "standards": ["#.utf8)

  /// Fifty million zeros cost 2 bytes each on disk but about 50 each in a tree: refused at four million values.
  func testHeavyHundredMegabytesOfZeros() throws {
    let zeros = Self.repeated(Array("0,".utf8), count: Self.hundredMegabytes - 1)
    try assertHundredMegabytes(Self.documentHead + zeros + Array("]}".utf8), "too-many-values")
  }

  /// One key of 100 MB: named in a few characters, with no suggestion to compute.
  func testHeavyHundredMegabyteKey() throws {
    let key = Self.repeated(Array("k".utf8), count: Self.hundredMegabytes)
    try assertHundredMegabytes(
      Self.documentHead + Array(#"{"number": 1, ""#.utf8) + key + Array(#"": 1}]}"#.utf8), "unknown-key",
      mentioning: ["kkkk…"])
  }

  /// A number of 100 MB digits where a standard number goes.
  func testHeavyHundredMegabyteNumber() throws {
    let digits = Self.repeated(Array("9".utf8), count: Self.hundredMegabytes)
    try assertHundredMegabytes(
      Self.documentHead + Array(#"{"number": "#.utf8) + digits + Array("}]}".utf8), "type",
      mentioning: ["found the number 9999", "…"])
  }

  /// A million duplicate keys: the first thousand findings, then how many more.
  func testHeavyMillionDuplicateKeys() throws {
    let duplicates = Self.repeated(Array(#""title": "t", "#.utf8), count: 14_000_000)
    try write(
      "huge.json",
      Self.documentHead + Array(#"{"number": 1, "#.utf8) + duplicates + Array(#""rationale": "r"}]}"#.utf8))
    let many = try cpms(["validate", "huge.json"])
    XCTAssertEqual(many.status, 1)
    XCTAssertEqual(many.stdout.components(separatedBy: "\n").filter { $0.hasSuffix("[duplicate-key]") }.count, 1_000)
    XCTAssertTrue(many.stdout.contains("998999 more findings are not shown"), String(many.stdout.suffix(500)))
    try assertEveryReaderRefuses(
      context: "huge.json", status: 65,
      mentioning: ["[duplicate-key]", "… and 991 more; run 'cpms validate huge.json'"])
  }

  /// Over the size limit: endless devices and streams are read only up to it.
  func testHeavyInputsOverTheSizeLimitAreReadOnlyUpToIt() throws {
    assertFinding(try cpms(["validate", "/dev/zero"]), "file-too-large", mentioning: ["256 MB"])
    assertFinding(try cpmsInShell(#"exec "$0" validate - < /dev/zero"#, []), "file-too-large")
    try assertEveryReaderRefuses(context: "/dev/zero", status: 65, mentioning: ["[file-too-large]"])
    let ballot = try cpms(["prioritize", "--situation", "none", "--ballot", "/dev/zero"])
    assertError(ballot, 65, mentioning: ["/dev/zero: the file is larger than 8 MB"])
    let stdin = try cpmsInShell(#"exec "$0" prioritize --situation none --ballot - < /dev/zero"#, [])
    assertError(stdin, 65, mentioning: ["<stdin>: the file is larger than 8 MB"])
    try write("lines.csv", Self.ballotHeader + String(repeating: "\n", count: 200_000))
    let lines = try cpms(["prioritize", "--situation", "none", "--ballot", "lines.csv"])
    assertError(lines, 65, mentioning: ["more than 100000 lines"])
  }

  // MARK: enormous numbers in every numeric field

  static let enormous = ["1e999999", String(repeating: "9", count: 400), "-0", "1e-400"]

  func testHeavyEnormousNumbersInContextualizationFiles() throws {
    for value in Self.enormous {
      let isZero = value == "-0" || value == "1e-400"
      let cases: [(entry: String, rule: String?)] = [
        (#"{"number": \#(value)}"#, value == "-0" ? "standard-number" : "type"),
        // -0 and 1e-400 are zero, a fine number target; the others are out of range.
        (#"{"number": 13, "indicators": [{"id": "13.1", "target": \#(value)}]}"#, isZero ? nil : "target"),
        (#"{"number": 13, "additionalIndicators": [{"id": "13.L1", "text": "t", "target": "\#(value)"}]}"#, "target"),
      ]
      for (entry, rule) in cases {
        let text = #"{"cpms": "contextualization/1", "context": {"name": "x"}, "standards": [\#(entry)]}"#
        try write("numbers.json", text)
        let result = try cpms(["validate", "numbers.json"])
        guard let rule else {
          XCTAssertEqual(result.status, 0, "\(entry): \(result.stdout)")
          XCTAssertEqual(try cpms(["show", "13", "--context", "numbers.json"]).status, 0, entry)
          continue
        }
        assertFinding(result, rule, mentioning: value.count > 100 ? ["9999…"] : [])
        try assertEveryReaderRefuses(context: "numbers.json", status: 65, mentioning: ["[\(rule)]"])
      }
    }
    // Zero as a target is fine, and prints as 0 whatever way it was written.
    for zero in ["-0", "1e-400", "0.0"] {
      try write(
        "zero.json",
        #"{"cpms": "contextualization/1", "context": {"name": "x"}, "standards": [{"number": 13, "#
          + #""additionalIndicators": [{"id": "13.L1", "text": "Sites", "target": \#(zero)}]}]}"#)
      let show = try cpms(["show", "13", "--context", "zero.json"])
      XCTAssertEqual(show.status, 0, zero + show.stderr)
      XCTAssertTrue(show.stdout.contains("Sites"), zero)
    }
  }

  func testHeavyEnormousNumbersInWorkshopFiles() throws {
    for value in Self.enormous {
      let cases = [
        #""situation": "none", "select": [1, 7, 14, 21], "size": \#(value)"#,
        #""situation": "none", "select": [1, 7, 14, \#(value)]"#,
        #""situation": "contextualized", "contextualized": [\#(value)], "select": [1, 7, 14, 21]"#,
        #""situation": "plan", "planStandards": [\#(value)], "select": [1, 7, 14, 21]"#,
        #""situation": "contextualized", "contextualized": [5], "select": [1, 7, 14, 21], "#
          + #""exceptions": [{"standard": \#(value), "reason": "no-consensus"}]"#,
      ]
      for members in cases {
        try write("workshop.json", Self.workshop(members))
        let result = try cpms(["validate", "workshop.json"])
        XCTAssertEqual(result.status, 1, "\(members): \(result.stdout)")
        XCTAssertLessThan(result.stdout.utf8.count, 1_000, members)
        if value.count > 100 { XCTAssertTrue(result.stdout.contains("9999…"), result.stdout) }
        try assertEveryReaderRefuses(workshop: "workshop.json", status: 65)
      }
    }
  }

  func testEnormousNumbersInBallots() throws {
    for value in Self.enormous {
      try write("score.csv", Self.ballotHeader + "1,\(value),\n")
      assertError(
        try cpms(["prioritize", "--situation", "none", "--ballot", "score.csv"]), 65,
        mentioning: ["score.csv:2: score '\(value.prefix(80))", "from 0 to 5"])
      try write("standard.csv", Self.ballotHeader + "\(value),3,\n")
      assertError(
        try cpms(["prioritize", "--situation", "none", "--ballot", "standard.csv"]), 65,
        mentioning: ["standard.csv:2: standard '\(value.prefix(80))", "from 1 to 28"])
    }
    // 400 digits that are a small number are read as one.
    try write("padded.csv", Self.ballotHeader + "1," + String(repeating: "0", count: 400) + "4,\n")
    let padded = try cpms(["prioritize", "--situation", "none", "--ballot", "padded.csv", "--format", "json"])
    XCTAssertEqual(padded.status, 0, padded.stderr)
  }

  func testEnormousNumbersInArguments() throws {
    let selection = ["--situation", "none", "--select", "1,7,14,21"]
    for value in Self.enormous {
      let runs: [[String]] = [
        ["prioritize", "--situation", "none", "--ballot", "b.csv", "--size", value],
        ["prioritize", "--situation", "none", "--select", "1,7,14,\(value)"],
        ["prioritize", "--situation", "contextualized", "--contextualized", value, "--select", "1,7,14,21"],
        ["prioritize", "--situation", "plan", "--plan-standards", "1-3,\(value)", "--select", "1,7,14,21"],
        ["prioritize", "--situation", "contextualized", "--contextualized", "5", "--except", "\(value):no-consensus"]
          + ["--select", "1,7,14,21"],
        ["prioritize", "--situation", "contextualized", "--contextualized", "5", "--except", "5:principle-\(value)"]
          + ["--select", "1,7,14,21"],
        ["pack"] + selection + ["--size", value, "-o", "out"],
        ["pack"] + selection + ["--date", value, "-o", "out"],
        ["show", value], ["list", "--pillar", value],
      ]
      try write("b.csv", Self.ballot())
      for arguments in runs {
        let result = try cpms(arguments)
        assertError(result, 64, mentioning: ["Usage: "])
        XCTAssertTrue(result.stderr.contains(String(value.prefix(40))), "\(arguments): \(result.stderr)")
        XCTAssertEqual(try listing(), ["b.csv"])
      }
    }
  }

  // MARK: many ballots, big ballots

  func testHeavyTenThousandBallotFiles() throws {
    var arguments = ["prioritize", "--situation", "none", "--format", "json"]
    var names: [String] = []
    for index in 0..<10_000 {
      let name = "ballots/\(index).csv"
      // Each participant's own sheet: the same content twice would be refused as one ballot given twice.
      try write(name, Self.ballot { ($0 + index) % 6 } + Array("# ballot \(index)\n".utf8))
      arguments += ["--ballot", name]
      names.append(#""\#(name)""#)
    }
    let result = try cpms(arguments)
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertTrue(result.stdout.contains(#""ballots" : 10000"#), String(result.stdout.prefix(1_000)))
    // The same ten thousand from a workshop file.
    try write("workshop.json", Self.workshop(#""situation": "none", "ballots": [\#(names.joined(separator: ", "))]"#))
    XCTAssertEqual(try cpms(["validate", "workshop.json"]).status, 0)
    let fromFile = try cpms(["prioritize", "--workshop", "workshop.json", "--format", "json"])
    XCTAssertEqual(fromFile.status, 0, fromFile.stderr)
    XCTAssertTrue(fromFile.stdout.contains(#""ballots" : 10000"#))
  }

  func testHeavyTenThousandRowsInOneBallot() throws {
    // One sheet gathering 10,000 participants, one row each.
    let header = "standard,score,participant\n"
    let rows = (0..<10_000).map { "\($0 % 28 + 1),\($0 % 6),participant \($0)\n" }.joined()
    try write("rows.csv", header + rows)
    let result = try cpms(["prioritize", "--situation", "none", "--ballot", "rows.csv", "--format", "json"])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertTrue(result.stdout.contains(#""ballots" : 358"#), String(result.stdout.prefix(1_000)))
    let stdin = try cpms(
      ["prioritize", "--situation", "none", "--ballot", "-", "--format", "json"],
      stdin: Data((header + rows).utf8))
    XCTAssertEqual(stdin.status, 0, stdin.stderr)
  }

  func testMegabyteInOneCell() throws {
    let megabyte = String(repeating: "x", count: 1_000_000)
    let rows = (2...28).map { "\($0),3,\n" }.joined()
    try write("comment.csv", Self.ballotHeader + "1,5,\"\(megabyte)\nwith a line break\"\n" + rows)
    XCTAssertEqual(try cpms(["prioritize", "--situation", "none", "--ballot", "comment.csv"]).status, 0)
    try write("score.csv", Self.ballotHeader + "1,\(megabyte),\n" + rows)
    assertError(
      try cpms(["prioritize", "--situation", "none", "--ballot", "score.csv"]), 65,
      mentioning: ["score.csv:2: score 'xxxx", "…'"])
    try write("standard.csv", Self.ballotHeader + "\"\(megabyte)\",3,\n")
    assertError(
      try cpms(["prioritize", "--situation", "none", "--ballot", "standard.csv"]), 65, mentioning: ["standard.csv:2:"])
    try write("header.csv", megabyte + "\n1,3\n")
    assertError(
      try cpms(["prioritize", "--situation", "none", "--ballot", "header.csv"]), 65,
      mentioning: ["header.csv:1: the header row has no 'standard' and 'score' column"])
  }

  // MARK: paths that are not readable files

  func testPathsThatAreFolders() throws {
    try FileManager.default.createDirectory(at: root.appendingPathComponent("empty"), withIntermediateDirectories: true)
    let validate = try cpms(["validate", "empty"])
    XCTAssertEqual(validate.status, 66)
    XCTAssertEqual(
      validate.stderr,
      "Error: The folder 'empty' holds no .json file or monitoring sheet to validate; name the files, or a folder "
        + "that holds them.\n")
    assertError(
      try cpms(["prioritize", "--situation", "none", "--ballot", "empty"]), 66,
      mentioning: ["The ballot 'empty' is a folder, not a file"])
    try assertEveryReaderRefuses(context: "empty", status: 66, mentioning: ["The context file 'empty' is a folder"])
    try assertEveryReaderRefuses(workshop: "empty", status: 66, mentioning: ["The workshop file 'empty' is a folder"])
    // A workshop naming a folder as its ballot or context: a finding at the path.
    try write("workshop.json", Self.workshop(#""situation": "none", "context": "empty", "ballots": ["empty"]"#))
    assertFinding(
      try cpms(["validate", "workshop.json"]), "unreadable", mentioning: ["The ballot", "The context file"])
  }

  func testMissingPaths() throws {
    let missing = try cpms(["validate", "missing.json", "missing/"])
    XCTAssertEqual(missing.status, 66)
    XCTAssertTrue(missing.stderr.contains("Error: The file 'missing/' does not exist"), missing.stderr)
    let long = String(repeating: "a/", count: 3_000) + "x.json"
    let tooLong = try cpms(["validate", long])
    XCTAssertEqual(tooLong.status, 66)
    XCTAssertTrue(tooLong.stderr.contains("File name too long"), tooLong.stderr)
    assertError(
      try cpms(["prioritize", "--situation", "none", "--ballot", "missing.csv"]), 66,
      mentioning: ["The ballot 'missing.csv' does not exist; check the path."])
    try assertEveryReaderRefuses(context: "missing.json", status: 66, mentioning: ["does not exist"])
    try assertEveryReaderRefuses(workshop: "missing.json", status: 66, mentioning: ["does not exist"])
  }

  func testUnreadableFiles() throws {
    // Root reads any file whatever its permissions, but /proc/self/mem opens and then fails to read.
    let mem = "/proc/self/mem"
    guard FileManager.default.fileExists(atPath: mem) else { throw XCTSkip("no \(mem) on this system") }
    let validate = try cpms(["validate", mem])
    XCTAssertEqual(validate.status, 66)
    XCTAssertEqual(validate.stderr, "Error: The file '\(mem)' cannot be read: Input/output error.\n")
    assertError(
      try cpms(["prioritize", "--situation", "none", "--ballot", mem]), 66,
      mentioning: ["The ballot '\(mem)' cannot be read: Input/output error."])
    try assertEveryReaderRefuses(context: mem, status: 66, mentioning: ["cannot be read: Input/output error"])
    try assertEveryReaderRefuses(workshop: mem, status: 66, mentioning: ["cannot be read: Input/output error"])
    try write("workshop.json", Self.workshop(#""situation": "none", "context": "\#(mem)", "ballots": ["\#(mem)"]"#))
    assertFinding(
      try cpms(["validate", "workshop.json"]), "unreadable", mentioning: ["The ballot", "The context file"])
  }

  func testFileNamesThatAreNotUTF8() throws {
    let result = try cpmsInShell(
      #"cd "$1" && printf '{}' > "$(printf 'caf\351.json')" && exec "$0" validate ."#, [root.path])
    XCTAssertEqual(result.status, 66, result.stdout)
    XCTAssertTrue(result.stderr.contains("its name is not valid UTF-8 text; rename it"), result.stderr)
  }

  func testLinksThatLoopBackUpAFolderAreWalkedOnce() throws {
    try write("contexts/a.json", Self.validContext)
    try write("contexts/sub/b.json", Self.validContext)
    for (link, target) in [("contexts/self", "."), ("contexts/sub/up", ".."), ("contexts/sub/up2", "..")] {
      try FileManager.default.createSymbolicLink(atPath: path(link), withDestinationPath: target)
    }
    let result = try cpms(["validate", "contexts"])
    XCTAssertEqual(result.status, 0, result.stdout)
    XCTAssertTrue(result.stdout.hasSuffix("2 files checked: 2 valid, 0 invalid (0 errors, 0 warnings).\n"))
  }

  // MARK: outputs that cannot be written

  func testOutputInAReadOnlyPlace() throws {
    guard FileSystemProbe.isDirectory("/proc") else { throw XCTSkip("no /proc on this system") }
    let selection = ["--situation", "none", "--select", "1,7,14,21"]
    let runs: [([String], String)] = [
      (["ballot", "-o", "/proc/cpms-ballot.csv"], "/proc/cpms-ballot.csv"),
      (["pack"] + selection + ["-o", "/proc/cpms-pack"], "/proc/cpms-pack"),
      (["pack"] + selection + ["--single-file", "-o", "/proc/cpms-pack.md", "--force"], "/proc/cpms-pack.md"),
    ]
    for (arguments, output) in runs {
      let result = try cpms(arguments)
      assertError(result, 73, mentioning: ["Cannot write '\(output)'", "choose a folder you can write to"])
      XCTAssertFalse(FileManager.default.fileExists(atPath: output))
    }
  }

  func testOutputWhoseFolderIsMissingOrAFile() throws {
    try write("file.txt", "keep")
    let selection = ["--situation", "none", "--select", "1,7,14,21"]
    let runs: [([String], String)] = [
      (["ballot", "-o", "missing/ballot.csv"], "the folder 'missing' does not exist; create it first"),
      (["ballot", "-o", "file.txt/ballot.csv"], "'file.txt' is a file, not a folder"),
      (["pack"] + selection + ["-o", "missing/pack"], "the folder 'missing' does not exist"),
      (["pack"] + selection + ["-o", "file.txt/pack"], "'file.txt' is a file, not a folder"),
      (["pack"] + selection + ["--single-file", "-o", "file.txt/pack.md"], "'file.txt' is a file"),
      (["ballot", "-o", ""], "Cannot write to an empty path"),
      (["pack"] + selection + ["-o", ".", "--force"], "name a new file or folder, not '.'"),
      (["pack"] + selection + ["-o", "file.txt", "--force"], "'file.txt' is a file"),
      (["ballot", "-o", "."], "name a new file or folder, not '.'"),
    ]
    for (arguments, fragment) in runs {
      assertError(try cpms(arguments), 73, mentioning: [fragment])
      XCTAssertEqual(try listing(), ["file.txt"], "cpms \(arguments) left files behind")
      XCTAssertEqual(try String(contentsOfFile: path("file.txt"), encoding: .utf8), "keep")
    }
  }

  /// `--force` over an existing output when the write fails half-way (a file-size limit, as a full disk
  /// would): the old output survives intact and no temporary file is left.
  func testForceOverAnExistingOutputWhenTheWriteFails() throws {
    try write("pack.md", "old pack\n")
    try write("ballot.csv", "old ballot\n")
    try write("pack/README.md", "old folder\n")
    let before = try listing()
    let selection = ["--situation", "none", "--select", "1,7,14,21"]
    // ulimit -f counts blocks of 512 bytes (1 KB in some shells): enough to start writing, not to finish.
    let limited = #"ulimit -f 2 && exec "$0" "$@""#
    let runs: [[String]] = [
      ["pack"] + selection + ["--single-file", "-o", "pack.md", "--force"],
      ["pack"] + selection + ["-o", "pack", "--force"],
      ["ballot", "-o", "ballot.csv", "--force"],
    ]
    for arguments in runs {
      let result = try cpmsInShell(limited, arguments)
      assertError(result, 73, mentioning: ["File too large", "is unchanged"])
      XCTAssertEqual(try listing(), before, "cpms \(arguments) left files behind")
      XCTAssertEqual(try listing("pack"), ["README.md"])
    }
    XCTAssertEqual(try String(contentsOfFile: path("pack.md"), encoding: .utf8), "old pack\n")
    XCTAssertEqual(try String(contentsOfFile: path("ballot.csv"), encoding: .utf8), "old ballot\n")
    XCTAssertEqual(try String(contentsOfFile: path("pack/README.md"), encoding: .utf8), "old folder\n")
  }

  /// Devices and pipes are written into, never replaced by a regular file (as root, a rename over
  /// /dev/null would replace the device for the whole machine).
  func testDevicesAndPipesAreWrittenInPlace() throws {
    // Device 1:3 is /dev/null and 1:7 /dev/full (major << 8 | minor, for numbers this small).
    guard mknod(path("null"), S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0,
      mknod(path("full"), S_IFCHR | 0o666, dev_t(1 << 8 | 7)) == 0
    else { throw XCTSkip("cannot create device nodes here (not root, or a nodev mount)") }
    XCTAssertEqual(try cpms(["ballot", "-o", "null"]).status, 0)
    XCTAssertEqual(try cpms(["ballot", "-o", "null", "--force"]).status, 0)
    assertError(try cpms(["ballot", "-o", "full"]), 73, mentioning: ["Cannot write 'full': No space left on device"])
    let selection = ["--situation", "none", "--select", "1,7,14,21"]
    assertError(
      try cpms(["pack"] + selection + ["--single-file", "-o", "full", "--force"]), 73,
      mentioning: ["No space left on device"])
    assertError(
      try cpms(["pack"] + selection + ["-o", "null", "--force"]), 73, mentioning: ["'null' is a device or socket"])
    XCTAssertEqual(try listing(), ["full", "null"])
    for name in ["null", "full"] {
      XCTAssertEqual(FileSystemProbe.type(path(name)), S_IFCHR, "\(name) was replaced")
    }
    // A pipe: the ballot goes to whoever reads it.
    XCTAssertEqual(mkfifo(path("pipe"), 0o644), 0)
    nonisolated(unsafe) var received: [UInt8] = []
    let pipePath = path("pipe")
    let reader = Thread {
      let descriptor = open(pipePath, O_RDONLY)
      guard descriptor >= 0 else { return }
      var chunk = [UInt8](repeating: 0, count: 4_096)
      while case let count = read(descriptor, &chunk, chunk.count), count > 0 { received += chunk.prefix(count) }
      close(descriptor)
    }
    reader.start()
    XCTAssertEqual(try cpms(["ballot", "-o", "pipe", "--force"]).status, 0)
    // Should cpms not have opened the pipe, open it here so the reader stops waiting.
    for _ in 0..<1_000 where !reader.isFinished {
      let descriptor = open(pipePath, O_WRONLY | O_NONBLOCK)
      if descriptor >= 0 { close(descriptor) }
      usleep(1_000)
    }
    XCTAssertTrue(String(decoding: received, as: UTF8.self).hasPrefix("standard,pillar,title,score"))
    XCTAssertEqual(FileSystemProbe.type(path("pipe")), S_IFIFO)
  }

  func testSymbolicLinkOutputKeepsTheLink() throws {
    try write("real.csv", "old\n")
    try FileManager.default.createSymbolicLink(atPath: path("link.csv"), withDestinationPath: "real.csv")
    XCTAssertEqual(try cpms(["ballot", "-o", "link.csv", "--force"]).status, 0)
    XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: path("link.csv")), "real.csv")
    XCTAssertTrue(try String(contentsOfFile: path("real.csv"), encoding: .utf8).hasPrefix("standard,"))
    XCTAssertEqual(try listing(), ["link.csv", "real.csv"])
  }

  func testStandardOutputThatCannotBeWritten() throws {
    guard FileManager.default.fileExists(atPath: "/dev/full") else { throw XCTSkip("no /dev/full") }
    let result = try cpmsInShell(#"exec "$0" "$@" > /dev/full"#, ["ballot"])
    XCTAssertEqual(result.status, 73)
    XCTAssertEqual(
      result.stderr, "Error: The output could not be written to standard output: No space left on device.\n")
    let validate = try cpmsInShell(#"exec "$0" "$@" > /dev/full"#, ["validate", "-"])
    XCTAssertEqual(validate.status, 73, validate.stderr)
  }

  // MARK: the argument parser

  func testHostileArguments() throws {
    let huge = String(repeating: "x", count: 100_000)
    let runs: [([String], String)] = [
      ([huge], "Unknown command 'xxxx"),
      (["show", huge], "The value 'xxxx"),
      (["show", "--" + huge], "Unknown option '--xxxx"),
      (["show", "-" + huge], "Unknown option '-xxxx"),
      (["list", "--format", huge], "The value 'xxxx"),
      (["show", "5", "\u{1B}[2J\u{1B}[31mred"], "Unexpected argument '<escape>[2J<escape>[31mred'"),
      (["list", "--format", "\u{7}\u{8}\u{202E}txt"], "'<U+0007><U+0008><U+202E>txt'"),
      (["show", "-0"], "The value '-0' is invalid for '<standard>'"),
      (["prioritize", "--situation", "none", "--select", "1,7,14,21", "--size", "-5"], "The value '-5'"),
      (["search"] + Array(repeating: "", count: 10_000), "Missing expected argument '<words>'"),
      (["prioritize"] + Array(repeating: "--situation", count: 10_000), "Missing value for '--situation"),
    ]
    for (arguments, fragment) in runs {
      let result = try cpms(arguments)
      assertError(result, 64, mentioning: [fragment, "Usage: "])
      XCTAssertFalse(result.stderr.unicodeScalars.contains { $0.value == 0x1B }, "an escape reached the terminal")
    }
    // Arguments are C strings: a NUL cannot be passed at all. Bytes that are not UTF-8 can.
    let latin1 = try cpmsInShell(#"exec "$0" show "$(printf '\351')""#, [])
    assertError(latin1, 64, mentioning: ["The value '\u{FFFD}' is invalid for '<standard>'"])
  }
}

/// File types as the system reports them, for checks that FileManager does not offer.
enum FileSystemProbe {
  static func type(_ path: String) -> mode_t? {
    var info = stat()
    guard lstat(path, &info) == 0 else { return nil }
    return info.st_mode & S_IFMT
  }

  static func isDirectory(_ path: String) -> Bool { type(path) == S_IFDIR }
}

extension HostileInputTests {
  /// Runs cpms with its output (stdout and stderr) sent to a file; returns its exit status and its peak resident memory in
  /// bytes, which `Process` does not report. The peak is the kernel's high-water mark (VmHWM), read
  /// until the process ends: a reading can only fall short of the true peak, never exceed it. (The
  /// rusage of a spawned child would not do: it starts from the test process's own high-water mark.)
  static func peakMemory(_ arguments: [String], output: String) throws -> (status: Int32, bytes: Int) {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    let binary = CLIRunner.binary.path
    let argv: [UnsafeMutablePointer<CChar>?] = ([binary] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, binary, &actions, nil, argv, environ)
    guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
    var peak = 0
    var status: Int32 = 0
    while true {
      if let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
        let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
        let kilobytes = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
      {
        peak = max(peak, kilobytes * 1024)
      }
      let waited = waitpid(pid, &status, WNOHANG)
      if waited == pid { break }
      guard waited == 0 else { throw POSIXError(.ECHILD) }
      usleep(1_000)
    }
    let exitStatus = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    return (exitStatus, peak)
  }
}
