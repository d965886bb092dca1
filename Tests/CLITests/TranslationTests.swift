import Foundation
import XCTest

/// The working translations are complete and current: every text of Data/ has a translation made
/// from its present English, in every language (Tests/I18n/strings.py --check, the tool translators
/// use), and the output of a translated command carries the translation.
final class TranslationTests: XCTestCase {
  func testEveryLanguageTranslatesEveryCurrentText() throws {
    let python = try CLIRunner.program("python3", install: "install Python 3")
    for language in ["fr", "es", "ar"] {
      let result = try CLIRunner.run(
        ["Tests/I18n/strings.py", "--check", "Data/i18n/\(language).json"], executable: python)
      XCTAssertEqual(result.status, 0, "\(language): \(result.stdout.suffix(2_000))")
      XCTAssertTrue(result.stdout.contains(" 0 missing, 0 stale, 0 unknown, 0 empty"), result.stdout)
    }
  }

  func testShowSpeaksTheLanguageAskedForOrTheEnvironments() throws {
    let french = try CLIRunner.run(["show", "18", "--lang", "fr"])
    XCTAssertEqual(french.status, 0, french.stderr)
    XCTAssertTrue(french.stdout.hasPrefix("Standard 18 : Gestion de cas"), french.stdout)
    XCTAssertTrue(french.stdout.contains("ACTIONS CLÉS"))
    XCTAssertTrue(french.stdout.contains("traduction de travail"), "the working-translation notice")
    let spanish = try CLIRunner.run(["show", "18"], environment: ["LANG": "es_CO.UTF-8"])
    XCTAssertTrue(spanish.stdout.contains("ACCIONES CLAVE"), spanish.stdout)
    let explicit = try CLIRunner.run(["show", "18", "--lang", "en"], environment: ["LANG": "es_CO.UTF-8"])
    XCTAssertTrue(explicit.stdout.hasPrefix("Standard 18: Case management"), "--lang wins")
    let arabic = try CLIRunner.run(["search", "الأطفال المنفصلين", "--lang", "ar"])
    XCTAssertEqual(arabic.status, 0, arabic.stderr)
    XCTAssertFalse(arabic.stdout.hasPrefix("0 "), arabic.stdout)
  }

  func testJSONKeysAndRuleIdsDoNotChangeWithTheLanguage() throws {
    let english = try CLIRunner.run(["show", "18", "--format", "json"])
    let french = try CLIRunner.run(["show", "18", "--format", "json", "--lang", "fr"])
    func keys(_ text: String) throws -> [String] {
      try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]).keys.sorted()
    }
    XCTAssertEqual(try keys(english.stdout), try keys(french.stdout))
    XCTAssertNotEqual(english.stdout, french.stdout)
  }
}

extension TranslationTests {
  /// A French ballot, filled in and read back: French headers, a decimal comma, semicolons by default.
  func testAFrenchBallotRoundTrips() throws {
    let template = try CLIRunner.run(["ballot", "--lang", "fr"])
    XCTAssertEqual(template.status, 0, template.stderr)
    XCTAssertTrue(template.stdout.hasPrefix("standard;pilier;titre;note;participant;commentaire\r\n"), template.stdout)
    XCTAssertTrue(template.stdout.contains("# Notez chaque standard"), "the instructions in French")
    let root = try CLIRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let filled = template.stdout.replacingOccurrences(
      of: "\r\n13;2;", with: "\r\n13;2;"
    ).replacingOccurrences(
      of: "\r\n1;1;Coordination;;;", with: "\r\n1;1;Coordination;4,5;Aminata;Bien coordonné")
    let path = root.appendingPathComponent("aminata.csv")
    try filled.write(to: path, atomically: true, encoding: .utf8)
    let result = try CLIRunner.run(["prioritize", "--situation", "none", "--ballot", path.path, "--lang", "fr"])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertTrue(result.stdout.contains("Participants (1) : Aminata"), result.stdout)
    XCTAssertTrue(result.stdout.contains("moyenne 4,5 sur 1 notes"), result.stdout)
    XCTAssertTrue(result.stdout.contains("Commentaires : 1 sur des standards, 0 autres notes"), result.stdout)
  }
}

extension TranslationTests {
  func testUsageErrorsAndMissingFilesSpeakTheLanguage() throws {
    let typo = try CLIRunner.run(["lsit", "--lang", "fr"])
    XCTAssertEqual(typo.status, 64)
    XCTAssertEqual(
      typo.stderr,
      "Erreur : Commande inconnue 'lsit'. Vouliez-vous dire 'list' ?\nUtilisation : cpms <subcommand>\n"
        + "  Voir 'cpms --help' pour plus d'informations.\n")
    let missing = try CLIRunner.run(
      ["prioritize", "--situation", "none", "--ballot", "x.csv"], environment: ["LANG": "es_ES.UTF-8"])
    XCTAssertEqual(missing.status, 66)
    XCTAssertEqual(missing.stderr, "Error: El archivo de boleta 'x.csv' no existe; revise la ruta.\n")
    let value = try CLIRunner.run(["show", "18", "--format", "jsno", "--lang", "ar"])
    XCTAssertEqual(value.status, 64)
    XCTAssertTrue(value.stderr.hasPrefix("خطأ: القيمة 'jsno' غير صالحة"), value.stderr)
  }

  func testMarkdownInAnotherLanguageNamesItAndArabicItsDirectionForPandoc() throws {
    let english = try CLIRunner.run(["show", "18", "--format", "markdown"])
    XCTAssertTrue(english.stdout.hasPrefix("# Standard 18"), "English stays plain: pandoc's default")
    let french = try CLIRunner.run(
      ["prioritize", "--select", "1,6,9,18", "--situation", "none", "--format", "markdown"],
      environment: ["LANG": "fr_FR.UTF-8"])
    XCTAssertTrue(french.stdout.hasPrefix("---\nlang: fr\n---\n\n"), french.stdout)
    let arabic = try CLIRunner.run(["show", "18", "--format", "markdown", "--lang", "ar"])
    XCTAssertTrue(arabic.stdout.hasPrefix("---\nlang: ar\ndir: rtl\n---\n\n#"), arabic.stdout)
    let pandoc = try CLIRunner.program("pandoc", install: "install pandoc (Tests/Print/setup.sh)")
    let folder = try CLIRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let markdown = folder.appendingPathComponent("standard-18.md")
    try Data(arabic.stdout.utf8).write(to: markdown)
    let html = try CLIRunner.run(["-s", "-f", "gfm", markdown.path, "--metadata", "title=18"], executable: pandoc)
    XCTAssertTrue(
      html.stdout.contains(#"lang="ar""#) && html.stdout.contains(#"dir="rtl""#), html.stdout.prefix(400).description)
  }

  func testLangMayComeBeforeTheCommandName() throws {
    let before = try CLIRunner.run(["--lang", "fr", "show", "18"])
    XCTAssertEqual(before.status, 0, before.stderr)
    XCTAssertTrue(before.stdout.hasPrefix("Standard 18 : Gestion de cas"), before.stdout)
    let joined = try CLIRunner.run(["--lang=es", "show", "18", "--format", "json"])
    XCTAssertTrue(joined.stdout.contains("Gestión de casos"), joined.stdout)
    let alone = try CLIRunner.run(["--lang", "ar"])
    XCTAssertEqual(alone.status, 0)
    XCTAssertTrue(alone.stdout.hasPrefix("نظرة عامة: "), "the root help, in Arabic: \(alone.stdout.prefix(80))")
    let wrong = try CLIRunner.run(["--lang", "de", "show", "18"])
    XCTAssertEqual(wrong.status, 64)
    XCTAssertTrue(wrong.stderr.contains("'de' is invalid for '--lang <language>'"), wrong.stderr)
    XCTAssertTrue(wrong.stderr.contains("Usage: cpms show <standard>"), "the command's usage: \(wrong.stderr)")
  }

  func testFrenchPutsASpaceBeforeTheColonOfItsLabels() throws {
    let help = try CLIRunner.run(["pack", "--help", "--lang", "fr"])
    XCTAssertTrue(help.stdout.hasPrefix("APERÇU : "), help.stdout)
    XCTAssertTrue(help.stdout.contains("\nOPTIONS :\n"), help.stdout)
    let error = try CLIRunner.run(["pack", "--paper", "legal", "--lang", "fr"])
    XCTAssertTrue(error.stderr.hasPrefix("Erreur : "), error.stderr)
    XCTAssertTrue(error.stderr.contains("\nUtilisation : cpms pack"), error.stderr)
    let english = try CLIRunner.run(["pack", "--paper", "legal"])
    XCTAssertTrue(english.stderr.hasPrefix("Error: ") && english.stderr.contains("\nUsage: cpms pack"), english.stderr)
  }

  /// Each translated output says once that its CPMS text is a working translation of a summary, and
  /// names the official edition in that language; English outputs do not carry that sentence.
  func testTranslatedOutputsSayOnceTheyAreAWorkingTranslation() throws {
    let folder = try CLIRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let rounds = ["round1", "round2"].flatMap { round in
      ["children-first-network", "hope-relief", "social-welfare-office"].map {
        "Data/examples/monitoring/\(round)-\($0).csv"
      }
    }
    for (language, words, edition) in [
      ("fr", "traduction de travail", "édition française officielle"),
      ("es", "traducción de trabajo", "edición oficial en español"),
      ("ar", "ترجمة عمل", "الطبعة العربية الرسمية"),
    ] {
      let pack = folder.appendingPathComponent("pack-\(language).md").path
      let ballot = folder.appendingPathComponent("ballot-\(language).csv").path
      let arguments = ["--lang", language]
      XCTAssertEqual(
        try CLIRunner.run(
          ["pack", "--workshop", "Data/examples/workshop.json", "--single-file", "-o", pack] + arguments
        )
        .status, 0)
      XCTAssertEqual(try CLIRunner.run(["ballot", "-o", ballot] + arguments).status, 0)
      let report = try CLIRunner.run(
        ["monitor", "report", "--workshop", "Data/examples/workshop.json"] + rounds + arguments)
      let outputs = [
        "pack": try String(contentsOfFile: pack, encoding: .utf8),
        "ballot": try String(contentsOfFile: ballot, encoding: .utf8),
        "monitoring report": report.stdout.replacingOccurrences(of: "\n", with: " "),
      ]
      for (what, text) in outputs {
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        XCTAssertEqual(flat.components(separatedBy: words).count - 1, 1, "\(language) \(what) says it once")
        XCTAssertTrue(flat.contains(edition), "\(language) \(what) names the official edition")
      }
    }
    let english = try CLIRunner.run(["ballot"])
    XCTAssertFalse(english.stdout.contains("working translation"))
  }

  func testCompletionMenusDescribeInTheLanguage() throws {
    let fish = try CLIRunner.run(["completions", "fish"], environment: ["LANG": "fr_FR.UTF-8"])
    XCTAssertTrue(fish.stdout.contains("-a list -d 'Liste les standards, regroupés par pilier.'"), fish.stdout)
    let zsh = try CLIRunner.run(["completions", "zsh", "--lang", "es"])
    XCTAssertFalse(zsh.stdout.contains("List the standards"), "no English description left")
    let english = try CLIRunner.run(["completions", "fish"])
    XCTAssertTrue(english.stdout.contains("-a list -d 'List the standards, grouped by pillar.'"), english.stdout)
  }
}
