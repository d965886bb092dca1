import Foundation
import XCTest

/// `cpms validate` and the command line's own messages in French, Spanish and Arabic: the words change,
/// the rule ids, JSON keys and exit codes do not; a workshop or contextualization file's language
/// chooses the output's unless `--lang` does.
final class LocalizedValidationTests: XCTestCase {
  /// Five findings: an unknown key, an id written with a leading zero, an empty text, an unknown core
  /// indicator and a target that is not one.
  static let badContext = """
    {
      "cpms": "contextualization/1",
      "context": { "name": "Test" },
      "standards": [
        { "number": 18, "indicaters": [], "keyActions": [{ "id": "18.02.1", "text": "" }],
          "indicators": [{ "id": "18.9", "target": "lots" }] }
      ]
    }

    """

  /// A workshop with many findings of its own: an unknown key, a bad date, a repeated and an
  /// out-of-range standard, a bad reason, an unknown situation.
  static let badWorkshop = """
    {
      "cpms": "workshop/1",
      "situaton": "none",
      "situation": "sometimes",
      "date": "2026-02-30",
      "select": [1, 1, 29, "x"],
      "size": 2.5,
      "exceptions": [{ "standard": 3, "reason": "because" }],
      "contextName": ""
    }

    """

  func folder(_ files: [String: String]) throws -> URL {
    let root = try CLIRunner.temporaryDirectory()
    addTeardownBlock { try? FileManager.default.removeItem(at: root) }
    for (path, text) in files {
      let url = root.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
    return root
  }

  /// The rule ids of a text report, in order.
  func rules(_ output: String) -> [String] {
    output.split(separator: "\n").compactMap { line in
      guard line.hasSuffix("]"), let open = line.lastIndex(of: "[") else { return nil }
      return String(line[line.index(after: open)..<line.index(before: line.endIndex)])
    }
  }

  func testABadContextFileIsReportedInEachLanguageWithTheSameRulesAndStatus() throws {
    let root = try folder(["bad.json": Self.badContext])
    let english = try CLIRunner.run(["validate", "bad.json"], in: root)
    XCTAssertEqual(english.status, 1)
    XCTAssertEqual(rules(english.stdout), ["unknown-key", "id-format", "empty-value", "unknown-indicator", "target"])
    XCTAssertTrue(english.stdout.hasSuffix("1 file checked: 0 valid, 1 invalid (5 errors, 0 warnings).\n"))
    let expected: [(String, String, String)] = [
      (
        "fr", "bad.json:5:21: erreur: Clé inconnue \"indicaters\" dans une entrée de standard.",
        "1 fichier vérifié — valides : 0, non valides : 1 (5 erreurs, 0 avertissement).\n"
      ),
      (
        "es", "bad.json:5:21: error: Clave desconocida \"indicaters\" en una entrada de norma.",
        "1 archivo revisado — válidos: 0, no válidos: 1 (5 errores, 0 advertencias).\n"
      ),
      (
        "ar", "bad.json:5:21: خطأ: مفتاح غير معروف \"indicaters\" في إدخال معيار.",
        "الملفات المفحوصة: 1 — الصالحة: 0، غير الصالحة: 1 (الأخطاء: 5، التحذيرات: 0).\n"
      ),
    ]
    for (language, first, summary) in expected {
      let result = try CLIRunner.run(["validate", "--lang", language, "bad.json"], in: root)
      XCTAssertEqual(result.status, english.status, language)
      XCTAssertEqual(rules(result.stdout), rules(english.stdout), language)
      XCTAssertTrue(result.stdout.hasPrefix(first), result.stdout)
      XCTAssertTrue(result.stdout.hasSuffix(summary), result.stdout)
    }
    // The environment chooses the same way, and GitHub annotations keep their commands and rule titles.
    let github = try CLIRunner.run(
      ["validate", "--format", "github", "bad.json"], environment: ["LANG": "fr_FR.UTF-8"], in: root)
    XCTAssertEqual(github.status, 1)
    XCTAssertTrue(
      github.stdout.hasPrefix("::error file=bad.json,line=5,col=21,title=unknown-key::Clé inconnue"), github.stdout)
  }

  /// Decision: JSON messages follow the language, as a compiler's do; keys, rule ids and severities do not.
  func testJSONKeepsItsKeysAndRulesAndWordsItsMessagesInTheLanguage() throws {
    let root = try folder(["bad.json": Self.badContext])
    func decode(_ arguments: [String]) throws -> [String: Any] {
      let result = try CLIRunner.run(arguments, in: root)
      XCTAssertEqual(result.status, 1, result.stderr)
      return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }
    let english = try decode(["validate", "--format", "json", "bad.json"])
    let arabic = try decode(["validate", "--format", "json", "--lang", "ar", "bad.json"])
    XCTAssertEqual(Set(english.keys), Set(arabic.keys))
    func findings(_ report: [String: Any]) -> [[String: Any]] {
      ((report["files"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]]) ?? []
    }
    XCTAssertEqual(findings(english).map { $0["rule"] as? String }, findings(arabic).map { $0["rule"] as? String })
    XCTAssertEqual(Set(findings(arabic).compactMap { $0["severity"] as? String }), ["error"])
    XCTAssertEqual(
      findings(arabic).first?["message"] as? String, findings(arabic).first.flatMap { $0["message"] as? String })
    XCTAssertTrue((findings(arabic).first?["message"] as? String ?? "").hasPrefix("مفتاح غير معروف"))
    XCTAssertTrue((arabic["summary"] as? String ?? "").hasPrefix("الملفات المفحوصة: 1"))
  }

  func testTheCommandLinesOwnMessagesFollowTheEnvironment() throws {
    let root = try folder([:])
    let spanish = ["LANG": "es_ES.UTF-8"]
    let pack = ["pack", "--situation", "none", "--select", "1,7,14,21", "--single-file", "-o", "pack.md"]
    let wrote = try CLIRunner.run(pack + ["--date", "2026-03-31"], environment: spanish, in: root)
    XCTAssertEqual(wrote.status, 0, wrote.stderr)
    XCTAssertEqual(wrote.stdout, "Se escribió el paquete del taller en pack.md.\n")
    let again = try CLIRunner.run(pack + ["--date", "2026-03-31"], environment: spanish, in: root)
    XCTAssertEqual(again.status, 73)
    XCTAssertEqual(
      again.stderr, "Error: 'pack.md' ya existe; elija otra ruta o agregue --force para reemplazarlo.\n")
    let english = try CLIRunner.run(pack + ["--date", "2026-03-31", "--force"], in: root)
    XCTAssertEqual(english.stdout, "Wrote the workshop pack to pack.md.\n")
    let ballot = try CLIRunner.run(["ballot", "--format", "xlsform", "--lang", "fr"], in: root)
    XCTAssertEqual(ballot.status, 64)
    XCTAssertTrue(ballot.stderr.hasPrefix("Erreur : Un XLSForm est un classeur, pas du texte"), ballot.stderr)
  }

  func testTheWorkshopFilesLanguageChoosesTheOutputsUnlessLangIsGiven() throws {
    let workshop = #"{ "cpms": "workshop/1", "language": "fr", "situation": "none", "select": [1, 7, 14, 21] }"#
    let root = try folder([
      "w.json": workshop, "w-de.json": workshop.replacingOccurrences(of: "\"fr\"", with: "\"de\""),
    ])
    let french = try CLIRunner.run(["prioritize", "--workshop", "w.json"], in: root)
    XCTAssertEqual(french.status, 0, french.stderr)
    let complies = "STANDARDS PRIORITAIRES : SÉLECTION VÉRIFIÉE"
    XCTAssertTrue(french.stdout.hasPrefix(complies), french.stdout)
    let english = try CLIRunner.run(["prioritize", "--workshop", "w.json", "--lang", "en"], in: root)
    XCTAssertTrue(english.stdout.hasPrefix("PRIORITY STANDARDS: SELECTION CHECKED"), english.stdout)
    XCTAssertFalse(english.stdout.contains(complies))
    // The file wins over the environment; a language cpms does not speak leaves the environment's.
    let overEnvironment = try CLIRunner.run(
      ["prioritize", "--workshop", "w.json"], environment: ["LANG": "es_ES.UTF-8"], in: root)
    XCTAssertTrue(overEnvironment.stdout.contains(complies), overEnvironment.stdout)
    let german = try CLIRunner.run(
      ["prioritize", "--workshop", "w-de.json"], environment: ["LANG": "es_ES.UTF-8"], in: root)
    XCTAssertEqual(german.status, 0, german.stderr)
    XCTAssertTrue(german.stdout.hasPrefix("NORMAS PRIORITARIAS: SELECCIÓN VERIFICADA"), german.stdout)
    // validate accepts the tag, with a warning that says why the outputs are not in it.
    let validated = try CLIRunner.run(["validate", "w-de.json", "w.json"], in: root)
    XCTAssertEqual(validated.status, 0, validated.stdout)
    XCTAssertEqual(rules(validated.stdout), ["language-unsupported"])
    XCTAssertTrue(validated.stdout.contains("w-de.json:1:37: warning: cpms does not speak 'de'"), validated.stdout)
  }

  func testAContextFilesLanguageChoosesTheOutputsAfterTheWorkshops() throws {
    let context =
      #"{ "cpms": "contextualization/1", "context": { "name": "Test", "language": "es-CO" }, "standards": [{ "number": 18 }] }"#
    let root = try folder(["ctx.json": context])
    let shown = try CLIRunner.run(["show", "18", "--context", "ctx.json"], in: root)
    XCTAssertEqual(shown.status, 0, shown.stderr)
    let spanish = try CLIRunner.run(["show", "18", "--context", "ctx.json", "--lang", "es"], in: root)
    XCTAssertEqual(shown.stdout, spanish.stdout)
    XCTAssertTrue(shown.stdout.hasPrefix("Norma 18"), shown.stdout)
    // --lang wins over the context file's language.
    let english = try CLIRunner.run(["show", "18", "--context", "ctx.json", "--lang", "en"], in: root)
    XCTAssertTrue(english.stdout.hasPrefix("Standard 18"), english.stdout)
  }

  /// No English sentence of validate's or the command line's own texts (three words or more, values
  /// as wildcards) shows in a French, Spanish or Arabic run that triggers many findings.
  func testSweepNoEnglishSentenceLeaksIntoTranslatedValidation() throws {
    let root = try folder(["bad.json": Self.badContext, "workshop.json": Self.badWorkshop, "empty/.keep": ""])
    var patterns: [(String, Regex<AnyRegexOutput>)] = []
    for file in ["validation.json", "cli.json"] {
      let url = CLIRunner.packageRoot.appendingPathComponent("Data/i18n/interface/\(file)")
      let root = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
      for (key, value) in try XCTUnwrap(root["texts"] as? [String: [String: String]]) {
        guard let english = value["en"] else { continue }
        let words = english.replacing(/\{[0-9]\}/, with: " ").split(whereSeparator: \.isWhitespace)
          .filter { $0.contains(where: \.isLetter) }
        guard words.count >= 3 else { continue }
        let pieces = english.split(separator: /\{[0-9]\}/, omittingEmptySubsequences: false).map {
          NSRegularExpression.escapedPattern(for: String($0))
        }
        patterns.append((key, try Regex(pieces.joined(separator: ".*?"))))
      }
    }
    XCTAssertGreaterThan(patterns.count, 100)
    for language in ["fr", "es", "ar"] {
      for arguments in [
        ["validate", "bad.json", "workshop.json", "empty/"],
        ["validate", "--format", "json", "bad.json", "workshop.json"],
        ["prioritize", "--workshop", "workshop.json"], ["validate", "missing.json"],
      ] {
        let result = try CLIRunner.run(arguments + ["--lang", language], in: root)
        XCTAssertNotEqual(result.status, 0)
        let output = result.stdout + result.stderr
        XCTAssertGreaterThan(output.count, 100, "\(arguments)")
        for (key, pattern) in patterns where output.contains(pattern) {
          XCTFail("\(language) \(arguments): the English of \(key) shows in:\n\(output)")
        }
      }
    }
  }
}
