import Foundation
import XCTest

/// End to end: `cpms pack` writing the workshop pack as a folder or one file, safely and reproducibly.
final class PackCommandTests: XCTestCase {
  static let small = [
    "--situation", "none", "--select", "1,7,14,21", "--context-name", "Golden", "--date", "2026-01-15",
  ]
  static let expectedFiles = [
    "01-agenda.md", "02-key-questions.md", "03-principles.md", "04-programme-cycle.md", "05-monitoring-framework.md",
    "06-all-standards.md", "README.md", "standards/standard-01.md", "standards/standard-07.md",
    "standards/standard-14.md", "standards/standard-21.md",
  ]
  static var golden: URL { CLIRunner.packageRoot.appendingPathComponent("Tests/CLITests/Golden") }

  var directory: URL!

  override func setUpWithError() throws {
    directory = try CLIRunner.temporaryDirectory()
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: directory)
  }

  /// Runs `cpms pack` from the package root, so example paths resolve.
  func pack(_ arguments: [String], environment: [String: String] = [:]) throws -> CLIResult {
    try CLIRunner.run(["pack"] + arguments, environment: environment, in: CLIRunner.packageRoot)
  }

  func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

  /// Every file under a folder, as sorted relative paths.
  func files(under url: URL) -> [String] {
    guard let enumerator = FileManager.default.enumerator(atPath: url.path) else { return [] }
    var paths: [String] = []
    while let path = enumerator.nextObject() as? String {
      var isDirectory: ObjCBool = false
      let exists = FileManager.default.fileExists(
        atPath: url.appendingPathComponent(path).path, isDirectory: &isDirectory)
      if exists && !isDirectory.boolValue { paths.append(path) }
    }
    return paths.sorted()
  }

  func read(_ url: URL) throws -> String { try String(decoding: Data(contentsOf: url), as: UTF8.self) }

  func assertSucceeded(_ result: CLIResult, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(result.status, 0, "stderr: \(result.stderr)", file: file, line: line)
  }

  // MARK: writing

  func testFolderPackHasTheIndexAndEveryDocument() throws {
    let result = try pack(Self.small + ["-o", path("out")])
    assertSucceeded(result)
    XCTAssertEqual(files(under: directory.appendingPathComponent("out")), Self.expectedFiles)
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["out"], "nothing left beside")
    let index = try read(directory.appendingPathComponent("out/README.md"))
    XCTAssertTrue(index.hasPrefix("# Workshop pack: Golden\n"))
    for file in Self.expectedFiles where file != "README.md" {
      XCTAssertTrue(index.contains("](\(file))"), "the index does not link to \(file)")
    }
    XCTAssertTrue(result.stdout.contains("README.md"))
    XCTAssertEqual(result.stderr, "")
  }

  func testSingleFilePackIsOneDocument() throws {
    let result = try pack(Self.small + ["--single-file", "-o", path("pack.md")])
    assertSucceeded(result)
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["pack.md"])
    let text = try read(directory.appendingPathComponent("pack.md"))
    XCTAssertTrue(text.hasPrefix("# Workshop pack: Golden\n"))
    for heading in ["## Agenda\n", "## Key questions\n", "## Standard 21: ", "## Monitoring framework\n"] {
      XCTAssertTrue(text.contains(heading), heading)
    }
    XCTAssertFalse(text.contains(".md)"), "a single file links only to its own sections")
  }

  func testWorkshopFileGivesNameAndDateAndFlagsOverrideThem() throws {
    let workshop = ["--workshop", "Data/examples/workshop.json", "--single-file"]
    let fromFile = try pack(workshop + ["-o", path("a.md")])
    assertSucceeded(fromFile)
    let text = try read(directory.appendingPathComponent("a.md"))
    XCTAssertTrue(
      text.hasPrefix("# Workshop pack: Northern Province flood response (example)\n"))
    XCTAssertTrue(text.contains("- **Date:** 14 October 2026\n"))
    XCTAssertTrue(text.contains("### Ballot results"))
    let overridden = try pack(workshop + ["--context-name", "Other", "--date", "2026-03-01", "-o", path("b.md")])
    assertSucceeded(overridden)
    let other = try read(directory.appendingPathComponent("b.md"))
    XCTAssertTrue(other.hasPrefix("# Workshop pack: Other\n"))
    XCTAssertTrue(other.contains("- **Date:** 1 March 2026\n"))
  }

  // MARK: refusals

  func testANonCompliantSelectionIsRefusedAndNothingIsWritten() throws {
    for form in [[], ["--single-file"]] {
      let result = try pack(["--situation", "none", "--select", "1,2,3,4", "-o", path("out")] + form)
      XCTAssertEqual(result.status, 1, result.stderr)
      let lines = result.stderr.split(separator: "\n")
      XCTAssertTrue(
        lines.first?.hasPrefix("Error: ") == true && lines.first!.contains("does not comply"), result.stderr)
      XCTAssertEqual(lines.dropFirst().count, 3, result.stderr)
      for line in lines.dropFirst() {
        XCTAssertTrue(line.hasPrefix("  error [one-per-pillar] No standard from Pillar"), String(line))
      }
      XCTAssertEqual(result.stdout, "")
      XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), [])
    }
  }

  func testAnEarlierPackIsReplacedOnlyWithForce() throws {
    let out = directory.appendingPathComponent("out")
    assertSucceeded(try pack(["--situation", "none", "--select", "1,7,14,21", "-o", out.path]))
    let refused = try pack(Self.small + ["-o", out.path])
    XCTAssertEqual(refused.status, 73, refused.stderr)
    XCTAssertTrue(refused.stderr.contains("--force"), refused.stderr)
    XCTAssertTrue(files(under: out).contains("standards/standard-07.md"))

    let forced = try pack(Self.small + ["-o", out.path, "--force"])
    assertSucceeded(forced)
    XCTAssertEqual(files(under: out), Self.expectedFiles)
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["out"])
  }

  func testForceNeverReplacesAFolderOfOtherWork() throws {
    let out = directory.appendingPathComponent("Documents")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: false)
    try Data("keep me\n".utf8).write(to: out.appendingPathComponent("notes.txt"))
    for extra in [[String](), ["--force"]] {
      let refused = try pack(Self.small + ["-o", out.path] + extra)
      XCTAssertEqual(refused.status, 73, refused.stderr)
      XCTAssertEqual(files(under: out), ["notes.txt"])
      XCTAssertEqual(try read(out.appendingPathComponent("notes.txt")), "keep me\n")
      XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["Documents"])
    }
    let forced = try pack(Self.small + ["-o", out.path, "--force"])
    XCTAssertTrue(
      forced.stderr.hasPrefix("Error: '\(out.path)' holds 'notes.txt', which cpms did not write;"), forced.stderr)
  }

  func testAnExistingFileIsReplacedOnlyWithForce() throws {
    let file = directory.appendingPathComponent("pack.md")
    try Data("old\n".utf8).write(to: file)
    let refused = try pack(Self.small + ["--single-file", "-o", file.path])
    XCTAssertEqual(refused.status, 73, refused.stderr)
    XCTAssertEqual(try read(file), "old\n")
    assertSucceeded(try pack(Self.small + ["--single-file", "-o", file.path, "--force"]))
    XCTAssertTrue(try read(file).hasPrefix("# Workshop pack: Golden\n"))
  }

  func testDates() throws {
    let epoch = try pack(
      ["--situation", "none", "--select", "1,7,14,21", "--single-file", "-o", path("epoch.md")],
      environment: ["SOURCE_DATE_EPOCH": "0"])
    assertSucceeded(epoch)
    XCTAssertTrue(try read(directory.appendingPathComponent("epoch.md")).contains("- **Date:** 1 January 1970\n"))

    for bad in ["2026-02-30", "2026-13-01", "15/01/2026", "2026-1-5"] {
      let result = try pack(["--situation", "none", "--select", "1,7,14,21", "--date", bad, "-o", path("bad")])
      XCTAssertEqual(result.status, 64, "\(bad): \(result.stderr)")
      XCTAssertTrue(result.stderr.contains("--date"), result.stderr)
    }
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["epoch.md"])
    let leap = try pack(
      Array(Self.small.dropLast(2)) + ["--date", "2028-02-29", "--single-file", "-o", path("leap.md")])
    assertSucceeded(leap)
  }

  func testHelpExplainsContentsExitCodesAndPandoc() throws {
    let help = try pack(["--help"])
    assertSucceeded(help)
    for text in [
      "README.md", "05-monitoring-framework.md", "--single-file", "pandoc", "73", "SOURCE_DATE_EPOCH", "--format",
      "--paper", "html",
    ] {
      XCTAssertTrue(help.stdout.contains(text), text)
    }
  }

  // MARK: reproducibility

  func testTheSameInputGivesTheSameBytes() throws {
    assertSucceeded(try pack(Self.small + ["-o", path("one")]))
    assertSucceeded(try pack(Self.small + ["-o", path("two")]))
    let one = directory.appendingPathComponent("one")
    let two = directory.appendingPathComponent("two")
    XCTAssertEqual(files(under: one), files(under: two))
    for file in files(under: one) {
      XCTAssertEqual(
        try Data(contentsOf: one.appendingPathComponent(file)), try Data(contentsOf: two.appendingPathComponent(file)),
        file)
    }
    assertSucceeded(try pack(Self.small + ["--single-file", "-o", path("a.md")]))
    assertSucceeded(try pack(Self.small + ["--single-file", "-o", path("b.md")]))
    XCTAssertEqual(
      try Data(contentsOf: directory.appendingPathComponent("a.md")),
      try Data(contentsOf: directory.appendingPathComponent("b.md")))
  }

  // MARK: golden files

  var recording: Bool { ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" }

  /// Compares with the golden text, or records it when RECORD_SNAPSHOTS=1 (and fails, so a recording is
  /// never mistaken for a passing run).
  func assertGolden(_ actual: String, _ golden: URL, file: StaticString = #filePath, line: UInt = #line) throws {
    if recording {
      try FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(actual.utf8).write(to: golden)
      XCTFail("Recorded \(golden.path); unset RECORD_SNAPSHOTS and run the tests again.", file: file, line: line)
      return
    }
    guard let expected = try? read(golden) else {
      XCTFail("No golden file \(golden.path); run with RECORD_SNAPSHOTS=1 to record it.", file: file, line: line)
      return
    }
    guard expected != actual else { return }
    let left = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let right = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let common = min(left.count, right.count)
    let index = (0..<common).first { left[$0] != right[$0] } ?? common
    let want = index < left.count ? String(left[index]) : "<end of file>"
    let got = index < right.count ? String(right[index]) : "<end of file>"
    XCTFail(
      "\(golden.lastPathComponent) differs at line \(index + 1):\n  expected: \(want)\n  actual:   \(got)\n"
        + "Run with RECORD_SNAPSHOTS=1 to record the new output if the change is intended.", file: file, line: line)
  }

  func testSingleFileMatchesTheGoldenFile() throws {
    assertSucceeded(try pack(Self.small + ["--single-file", "-o", path("pack.md")]))
    try assertGolden(
      try read(directory.appendingPathComponent("pack.md")), Self.golden.appendingPathComponent("pack-single.md"))
  }

  func testFolderMatchesTheGoldenFolder() throws {
    assertSucceeded(try pack(Self.small + ["-o", path("out")]))
    let out = directory.appendingPathComponent("out")
    let golden = Self.golden.appendingPathComponent("pack")
    if recording { try? FileManager.default.removeItem(at: golden) }
    let actual = files(under: out)
    if !recording {
      XCTAssertEqual(files(under: golden), actual, "the pack's file list differs from the golden folder")
    }
    for file in actual {
      try assertGolden(try read(out.appendingPathComponent(file)), golden.appendingPathComponent(file))
    }
  }

  func testHTMLMatchesTheGoldenFile() throws {
    assertSucceeded(try pack(Self.small + ["--format", "html", "-o", path("pack.html")]))
    try assertGolden(
      try read(directory.appendingPathComponent("pack.html")), Self.golden.appendingPathComponent("pack.html"))
  }

  /// The same small pack in French, Spanish and Arabic (Markdown), and in Arabic as HTML (right to left).
  func testTranslatedPacksMatchTheGoldenFiles() throws {
    for language in ["fr", "es", "ar"] {
      assertSucceeded(try pack(Self.small + ["--lang", language, "--single-file", "-o", path("pack.\(language).md")]))
      try assertGolden(
        try read(directory.appendingPathComponent("pack.\(language).md")),
        Self.golden.appendingPathComponent("pack-single.\(language).md"))
    }
    assertSucceeded(try pack(Self.small + ["--lang", "ar", "--format", "html", "-o", path("pack.ar.html")]))
    try assertGolden(
      try read(directory.appendingPathComponent("pack.ar.html")), Self.golden.appendingPathComponent("pack.ar.html"))
  }

  // MARK: languages

  /// A francophone (or hispanophone, or arabophone) facilitator meets none of the pack's own English: no
  /// English text of a `pack.*` key of three words or more appears in the translated pack, in Markdown
  /// or in HTML ({1}, {2}… match anything).
  func testSweepTranslatedPacksCarryNoEnglishInterfaceText() throws {
    let interface = CLIRunner.packageRoot.appendingPathComponent("Data/i18n/interface/pack.json")
    let texts = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(contentsOf: interface)) as? [String: Any])["texts"]
    let english = try XCTUnwrap(texts as? [String: [String: String]]).compactMap { key, byLanguage -> String? in
      let words = byLanguage["en"]?.split(separator: " ").filter { !$0.contains("{") } ?? []
      guard let text = byLanguage["en"], words.count >= 3 else { return nil }
      return text
    }
    XCTAssertGreaterThan(english.count, 60)
    let patterns = english.map { text -> NSRegularExpression in
      let marked = text.replacingOccurrences(of: #"\{\d\}"#, with: "\u{FFFC}", options: .regularExpression)
      let pieces = marked.components(separatedBy: "\u{FFFC}").map(NSRegularExpression.escapedPattern)
      return try! NSRegularExpression(pattern: pieces.joined(separator: ".*?"))
    }
    for language in ["fr", "es", "ar"] {
      let markdown = path("\(language).md")
      let html = path("\(language).html")
      let workshop = ["--workshop", "Data/examples/workshop.json", "--lang", language]
      assertSucceeded(try pack(workshop + ["--single-file", "-o", markdown]))
      assertSucceeded(try pack(workshop + ["--format", "html", "-o", html]))
      for file in [markdown, html] {
        // Markdown escapes and the HTML's isolating tags would hide a match: read the bare text.
        let text = try read(URL(fileURLWithPath: file)).replacingOccurrences(of: "\\", with: "")
          .replacingOccurrences(of: #"<[^>]+>"#, with: "", options: .regularExpression)
        for (index, pattern) in patterns.enumerated() {
          let found = pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
          XCTAssertNil(found, "\(file): English text \"\(english[index])\"")
        }
      }
    }
  }

  /// The front matter names the language, and pandoc carries it (and Arabic's direction) to the page.
  func testSweepMarkdownPackCarriesItsLanguageAndDirection() throws {
    for (language, header) in [
      ("en", ""), ("fr", "---\nlang: fr\n---\n\n"), ("ar", "---\nlang: ar\ndir: rtl\n---\n\n"),
    ] {
      assertSucceeded(try pack(Self.small + ["--lang", language, "-o", path("folder-\(language)")]))
      for file in files(under: directory.appendingPathComponent("folder-\(language)")) {
        let text = try read(directory.appendingPathComponent("folder-\(language)/\(file)"))
        XCTAssertTrue(text.hasPrefix(header + "# "), "\(language)/\(file)")
      }
    }
    guard let pandoc = pandoc() else { throw XCTSkip("pandoc is not on PATH") }
    for (language, html) in [("fr", #"lang="fr""#), ("ar", #"lang="ar" xml:lang="ar" dir="rtl""#)] {
      assertSucceeded(try pack(Self.small + ["--lang", language, "--single-file", "-o", path("\(language).md")]))
      let page = try CLIRunner.run(
        ["--standalone", "-f", "gfm+yaml_metadata_block", "-t", "html", path("\(language).md")], in: directory,
        executable: pandoc)
      XCTAssertEqual(page.status, 0, page.stderr)
      XCTAssertTrue(page.stdout.contains(html), "\(language): \(page.stdout.prefix(300))")
      XCTAssertFalse(page.stdout.contains("lang: "), "\(language): the front matter shows as text")
    }
  }

  // MARK: HTML

  func testHTMLPackIsOneFileForThePaperAsked() throws {
    let a4 = try pack(Self.small + ["--format", "html", "-o", path("a4.html")])
    assertSucceeded(a4)
    XCTAssertTrue(a4.stdout.contains("a4.html"))
    let letter = try pack(Self.small + ["--format", "html", "--paper", "letter", "-o", path("letter.html")])
    assertSucceeded(letter)
    XCTAssertEqual(
      try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted(), ["a4.html", "letter.html"])
    let a4Text = try read(directory.appendingPathComponent("a4.html"))
    XCTAssertTrue(a4Text.hasPrefix("<!DOCTYPE html>\n<html lang=\"en-GB\">\n"))
    XCTAssertTrue(a4Text.contains("size: A4 portrait;"))
    XCTAssertTrue(try read(directory.appendingPathComponent("letter.html")).contains("size: letter portrait;"))
    let again = try pack(Self.small + ["--format", "html", "-o", path("a4.html")])
    XCTAssertEqual(again.status, 73, "an existing file is replaced only with --force")
  }

  func testHTMLOptionsAreRefusedWhereTheyMeanNothing() throws {
    for (arguments, word) in [
      (["--format", "html", "--single-file"], "--single-file"), (["--paper", "letter"], "--paper"),
      (["--format", "html", "--paper", "a5"], "a5"), (["--format", "pdf"], "pdf"),
    ] {
      let result = try pack(Self.small + arguments + ["-o", path("x")])
      XCTAssertEqual(result.status, 64, "\(arguments): \(result.stderr)")
      XCTAssertTrue(result.stderr.contains(word), result.stderr)
    }
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), [])
  }

  // MARK: pandoc

  func pandoc() -> URL? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent("pandoc") }.first {
      FileManager.default.isExecutableFile(atPath: $0.path)
    }
  }

  func testSweepPandocRendersTheSingleFileSafely() throws {
    for language in ["en", "fr", "es", "ar"] { try assertPandocRendersTheSingleFileSafely(language) }
  }

  /// In each language: no script, every table, the name as text, and every internal link (whose
  /// slugs come from accented or Arabic headings) lands on a heading pandoc's readers identify.
  func assertPandocRendersTheSingleFileSafely(_ language: String) throws {
    guard let pandoc = pandoc() else { throw XCTSkip("pandoc is not on PATH") }
    let hostile = "Zone | A\n# <script>alert(1)</script> *x*"
    let arguments = [
      "--workshop", "Data/examples/workshop.json", "--context-name", hostile, "--single-file", "-o", path("pack.md"),
      "--force", "--lang", language,
    ]
    assertSucceeded(try pack(arguments))
    let markdown = try read(directory.appendingPathComponent("pack.md"))
    let tables = markdown.split(separator: "\n").filter { $0.hasPrefix("| ---") }.count
    XCTAssertGreaterThan(tables, 10)
    // Pandoc's own markdown reader makes other ids than GitHub for "Standard 1 : Coordination" (one
    // hyphen, not two) and drops Arabic vowel marks, so translated packs are read as gfm, as the help says.
    for reader in language == "en" ? ["gfm", "markdown"] : ["gfm"] {
      let html = try CLIRunner.run(
        ["-f", reader, "-t", "html", "--wrap=none", path("pack.md")], in: directory, executable: pandoc)
      XCTAssertEqual(html.status, 0, html.stderr)
      XCTAssertGreaterThan(html.stdout.components(separatedBy: "href=\"#").count, 10, "\(language) \(reader)")
      XCTAssertFalse(html.stdout.lowercased().contains("<script"), reader)
      XCTAssertEqual(html.stdout.components(separatedBy: "<table").count - 1, tables, "\(reader): every table renders")
      XCTAssertTrue(html.stdout.contains("Zone | A # &lt;script&gt;alert(1)&lt;/script&gt; *x*"), reader)
      let ids = Set(html.stdout.matches(#"id="([^"]+)""#))
      for target in Set(html.stdout.matches(##"href="#([^"]+)""##)) {
        XCTAssertTrue(
          ids.contains(target) || ids.contains(target.removingPercentEncoding ?? target),
          "\(language) \(reader): broken internal link #\(target)")
      }
    }
  }
}

extension String {
  /// The first capture group of every match.
  fileprivate func matches(_ pattern: String) -> [String] {
    let regex = try! NSRegularExpression(pattern: pattern)
    return regex.matches(in: self, range: NSRange(startIndex..., in: self)).map {
      String(self[Range($0.range(at: 1), in: self)!])
    }
  }
}
