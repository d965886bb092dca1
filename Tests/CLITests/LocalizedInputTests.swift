import Foundation
import XCTest

/// What cpms says about the files and lists a coordinator gives it, in French, Spanish and Arabic: a
/// ballot it cannot read, a workshop file with a JSON syntax error, a `--select` list it cannot parse,
/// and the manual page. The words change with the language; the exit status, the file and line the
/// message points at, and the rule ids do not.
final class LocalizedInputTests: XCTestCase {
  func folder(_ files: [String: Data]) throws -> URL {
    let root = try CLIRunner.temporaryDirectory()
    addTeardownBlock { try? FileManager.default.removeItem(at: root) }
    for (path, data) in files {
      try data.write(to: root.appendingPathComponent(path))
    }
    return root
  }

  /// The first line of an error, without its "Error:" prefix (which is worded too).
  func firstLine(_ stderr: String) -> String {
    String(stderr.split(separator: "\n").first ?? "")
  }

  /// A score of 7, and a workbook saved under a .csv name (the bytes that start every .xlsx file).
  static let badBallots: [String: Data] = [
    "score7.csv": Data("standard,score\n18,7\n".utf8),
    "workbook.csv": Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]),
  ]

  func testAnUnreadableBallotIsExplainedInTheLanguageWithTheSameStatusAndLocation() throws {
    let root = try folder(Self.badBallots)
    let cases: [(file: String, location: String, english: String, french: String, arabic: String)] = [
      (
        "score7.csv", "score7.csv:2: ",
        "score '7' for standard 18 is not a number from 0 to 5 (leave it empty if not scored)",
        "la note '7' du standard 18 n'est pas un nombre de 0 à 5",
        "التقييم '7' للمعيار 18 ليس عددًا من 0 إلى 5"
      ),
      (
        "workbook.csv", "workbook.csv: ",
        "the file is a spreadsheet workbook (.xlsx or .ods), not a CSV file; save or export it as 'CSV UTF-8'",
        "le fichier est un classeur de tableur (.xlsx ou .ods), pas un fichier CSV",
        "الملف مصنف جداول بيانات (.xlsx أو .ods)، وليس ملف CSV"
      ),
    ]
    for (file, location, english, french, arabic) in cases {
      let arguments = ["prioritize", "--situation", "none", "--ballot", file]
      let inEnglish = try CLIRunner.run(arguments, in: root)
      XCTAssertEqual(inEnglish.status, 65, inEnglish.stderr)
      XCTAssertTrue(firstLine(inEnglish.stderr).hasPrefix("Error: \(location)\(english)"), inEnglish.stderr)
      let inFrench = try CLIRunner.run(arguments + ["--lang", "fr"], in: root)
      XCTAssertEqual(inFrench.status, 65, inFrench.stderr)
      XCTAssertTrue(firstLine(inFrench.stderr).hasPrefix("Erreur : \(location)\(french)"), inFrench.stderr)
      let inArabic = try CLIRunner.run(arguments, environment: ["LANG": "ar_SA.UTF-8"], in: root)
      XCTAssertEqual(inArabic.status, 65, inArabic.stderr)
      XCTAssertTrue(firstLine(inArabic.stderr).contains(location + arabic), inArabic.stderr)
      XCTAssertFalse(inArabic.stderr.contains("CSV UTF-8' (in"), "no English left: \(inArabic.stderr)")
    }
  }

  func testBallotChecksAndTheWorkshopFilesBallotsAreWordedInTheLanguage() throws {
    var files = Self.badBallots
    files["a.csv"] = Data("participant,standard,score\nAmina,18,4\n".utf8)
    files["b.csv"] = Data("participant,standard,score\nAmina,18,4\n".utf8)
    files["workshop.json"] = Data(
      #"{"cpms": "workshop/1", "situation": "none", "ballots": ["score7.csv", "a.csv", "b.csv"]}"#.utf8)
    let root = try folder(files)
    let english = try CLIRunner.run(["validate", "workshop.json"], in: root)
    let spanish = try CLIRunner.run(["validate", "--lang", "es", "workshop.json"], in: root)
    XCTAssertEqual(english.status, 1, english.stdout)
    XCTAssertEqual(spanish.status, english.status)
    XCTAssertTrue(
      english.stdout.contains(
        "workshop.json:1:80: error: Ballot b.csv: this file has the same content as a.csv, so its scores would "
          + "count twice; give each ballot once [duplicate-ballot-file]"), english.stdout)
    XCTAssertTrue(
      spanish.stdout.contains(
        "workshop.json:1:80: error: Boleta b.csv: este archivo tiene el mismo contenido que a.csv, así que sus "
          + "puntuaciones contarían dos veces; indique cada boleta una sola vez [duplicate-ballot-file]"),
      spanish.stdout)
    XCTAssertTrue(
      spanish.stdout.contains("Boleta score7.csv:2: la puntuación '7' de la norma 18 no es un número del 0 al 5"),
      spanish.stdout)
  }

  func testAJSONSyntaxErrorInAWorkshopFileIsWordedInTheLanguageAtTheSamePlace() throws {
    let root = try folder([
      "workshop.json": Data("{\n  \"cpms\": \"workshop/1\",\n  \"situation\": \"none\",\n}\n".utf8)
    ])
    let english = try CLIRunner.run(["prioritize", "--workshop", "workshop.json"], in: root)
    let spanish = try CLIRunner.run(["prioritize", "--lang", "es", "--workshop", "workshop.json"], in: root)
    XCTAssertEqual(english.status, 65, english.stderr)
    XCTAssertEqual(spanish.status, english.status, spanish.stderr)
    XCTAssertTrue(
      english.stderr.contains(
        "workshop.json:3:22: error: Trailing comma before '}': JSON does not allow a comma after the last member. "
          + "Remove the comma. [json-syntax]"), english.stderr)
    XCTAssertTrue(
      spanish.stderr.contains(
        "workshop.json:3:22: error: Coma sobrante antes de '}': JSON no admite una coma después del último "
          + "miembro. Quite la coma. [json-syntax]"), spanish.stderr)
    // validate reports it the same way, in the file's language or the environment's.
    let validated = try CLIRunner.run(
      ["validate", "workshop.json"], environment: ["LANG": "es_ES.UTF-8"], in: root)
    XCTAssertEqual(validated.status, 1)
    XCTAssertTrue(validated.stdout.contains("3:22: error: Coma sobrante antes de '}'"), validated.stdout)
  }

  func testABadSelectListIsExplainedInTheLanguage() throws {
    let english = try CLIRunner.run(["prioritize", "--situation", "none", "--select", "1,5,3-1"])
    let french = try CLIRunner.run(["prioritize", "--lang", "fr", "--situation", "none", "--select", "1,5,3-1"])
    XCTAssertEqual(english.status, 64)
    XCTAssertEqual(french.status, 64)
    XCTAssertTrue(
      english.stderr.hasPrefix(
        "Error: The value '1,5,3-1' is invalid for '--select <list>': The range '3-1' runs backwards; write 1-3."),
      english.stderr)
    XCTAssertTrue(
      french.stderr.hasPrefix(
        "Erreur : La valeur '1,5,3-1' n'est pas valide pour '--select <list>' : La plage '3-1' est à l'envers ; "
          + "écrivez 1-3."), french.stderr)
    let arabic = try CLIRunner.run(
      ["prioritize", "--situation", "none", "--select", "1,29"], environment: ["LANG": "ar_SA.UTF-8"])
    XCTAssertEqual(arabic.status, 64)
    XCTAssertTrue(arabic.stderr.contains("المعيار 29 غير موجود؛ المعايير مرقّمة من 1 إلى 28."), arabic.stderr)
  }

  func testTheManualPageIsInTheLanguage() throws {
    let french = try CLIRunner.run(["man", "--lang", "fr", "--date", "2026-01-15"])
    XCTAssertEqual(french.status, 0, french.stderr)
    XCTAssertTrue(french.stdout.contains("\n.SH NOM\n"), french.stdout)
    XCTAssertTrue(french.stdout.contains("\n.SH CODE DE SORTIE\n"), french.stdout)
    // An option's help, with its accented letters as roff escapes that any groff reads.
    XCTAssertTrue(
      french.stdout.contains("Lit la situation, les listes, les exceptions, les bulletins de vote"), french.stdout)
    XCTAssertTrue(french.stdout.contains("la s\\[u00E9]lection est conforme"), french.stdout)
    XCTAssertFalse(french.stdout.contains("EXIT STATUS"))
    XCTAssertFalse(french.stdout.contains("The README of the cpms project"))
    XCTAssertTrue(french.stdout.unicodeScalars.allSatisfy(\.isASCII), "non-ASCII letters are escaped")
    let arabic = try CLIRunner.run(["man", "--date", "2026-01-15"], environment: ["LANG": "ar_SA.UTF-8"])
    XCTAssertEqual(arabic.status, 0, arabic.stderr)
    XCTAssertFalse(arabic.stdout.contains(".SH NAME"))
    XCTAssertNotEqual(arabic.stdout, french.stdout)
  }
}
