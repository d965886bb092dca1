import XCTest

@testable import CPMSCore

/// Choosing the language and applying a working translation of the content.
final class LanguageTests: XCTestCase {
  func testTheLanguageComesFromTheEnvironmentInGettextsOrder() {
    XCTAssertEqual(Language.fromEnvironment(["LANG": "fr_FR.UTF-8"]), .fr)
    XCTAssertEqual(Language.fromEnvironment(["LANG": "en_US.UTF-8", "LC_MESSAGES": "es_AR.UTF-8"]), .es)
    XCTAssertEqual(Language.fromEnvironment(["LC_ALL": "ar_SA.UTF-8", "LC_MESSAGES": "es_AR.UTF-8"]), .ar)
    XCTAssertEqual(Language.fromEnvironment(["LANGUAGE": "de:fr", "LANG": "de_DE.UTF-8"]), .fr, "the first it speaks")
    XCTAssertEqual(Language.fromEnvironment(["LANGUAGE": "fr", "LC_ALL": "C"]), nil, "LANGUAGE is ignored under C")
    XCTAssertNil(Language.fromEnvironment(["LANG": "de_DE.UTF-8"]))
    XCTAssertNil(Language.fromEnvironment([:]))
    XCTAssertEqual(Language(locale: "es-419"), .es)
  }

  func testNumbersForPeopleUseTheLanguagesDecimalSeparator() {
    XCTAssertEqual(Language.fr.decimal("4.67"), "4,67")
    XCTAssertEqual(Language.es.decimal("4.5"), "4,5")
    XCTAssertEqual(Language.ar.decimal("4.5"), "4.5")
    XCTAssertEqual(Language.fr.number("92.5%"), "92,5\u{00A0}%", "a no-break space before % in French")
    XCTAssertEqual(Language.es.number("90%"), "90\u{00A0}%")
    XCTAssertEqual(Language.en.number("90%"), "90%")
    XCTAssertEqual(Language.ar.number("90%"), "90%")
  }

  /// The same hash as Tests/I18n/strings.py, which translators' files carry.
  func testTheSourceHashIsFNV1a64() {
    XCTAssertEqual(ContentTranslation.hash(""), "cbf29ce484222325")
    XCTAssertEqual(ContentTranslation.hash("All coordination functions"), "51affa9defbe796e")
  }

  func testATranslationReplacesOnlyTextsWhoseEnglishIsCurrent() throws {
    let file =
      #"{"number": 18, "title": "Case management", "keyActions": [{"id": "18.1.1", "phase": "response", "text": "Old \"quoted\" text"}]}"#
    let title = ContentTranslation.hash("Case management")
    let translation = try ContentTranslation.parse(
      """
      {"language": "fr", "officialEdition": "Standards minimums", "workingTranslationNotice": "Traduction de travail.",
       "entries": {
         "standards/18.json#title": {"source": "\(title)", "text": "Gestion de cas « ouverte »"},
         "standards/18.json#keyActions[18.1.1].text": {"source": "0000000000000000", "text": "Périmé"}
       }}
      """, language: .fr)
    let translated = translation.apply(to: ["standards/18.json": file])["standards/18.json"] ?? ""
    let root = try SourceJSONParser.parse(Array(translated.utf8))
    XCTAssertEqual(root["title"]?.stringValue, "Gestion de cas « ouverte »")
    XCTAssertEqual(
      root["keyActions"]?.elements?.first?["text"]?.stringValue, #"Old "quoted" text"#,
      "a translation of an older English text is not used")
    XCTAssertEqual(root["keyActions"]?.elements?.first?["phase"]?.stringValue, "response", "identifiers stay")
  }

  func testKeysFollowTheTranslatorsScheme() {
    let keys = ContentTranslation.texts(
      in: #"{"principles": [{"number": 3, "title": "T", "questions": ["a", "b"]}], "notice": "n"}"#,
      file: "principles.json"
    ).map(\.key)
    XCTAssertEqual(
      keys,
      [
        "principles.json#principles[3].title", "principles.json#principles[3].questions[0]",
        "principles.json#principles[3].questions[1]",
      ])
  }
}

extension LanguageTests {
  func testArabicSearchIgnoresVowelMarksAndTheFormsOfAlef() {
    XCTAssertEqual(TextFolding.fold("الأطفال"), TextFolding.fold("الاطفال"))
    XCTAssertEqual(TextFolding.fold("إدارة"), TextFolding.fold("ادارة"))
    XCTAssertEqual(TextFolding.fold("مُؤَشِّر"), TextFolding.fold("مؤشر"))
    XCTAssertEqual(TextFolding.fold("مستوى"), TextFolding.fold("مستوي"))
    XCTAssertNotEqual(TextFolding.fold("حماية"), TextFolding.fold("رعاية"))
  }

  func testNoInterfaceTextIsGivenByTwoFiles() {
    XCTAssertEqual(Interface.keysGivenTwice, [], "each key belongs to one file of Data/i18n/interface/")
  }

  func testEveryInterfaceTextExistsInEveryLanguageWithTheSamePlaceholders() {
    XCTAssertGreaterThan(Interface.keys.count, 50)
    for key in Interface.keys {
      let english = Interface.text(key, in: .en) ?? ""
      let placeholders = Set(english.matches(of: /\{[0-9]\}/).map { String($0.output) })
      for language in Language.allCases {
        let text = Interface.text(key, in: language)
        XCTAssertNotNil(text, "\(key) has no \(language.rawValue) text")
        XCTAssertFalse(text?.isEmpty ?? true, "\(key) is empty in \(language.rawValue)")
        var found = Set((text ?? "").matches(of: /\{[0-9]\}/).map { String($0.output) })
        // The singular of a counted text may write "one" as a word ("معيار واحد") instead of the count.
        if key.hasSuffix(".one") { found.insert("{1}") }
        XCTAssertEqual(found, placeholders, "\(key) in \(language.rawValue)")
      }
    }
  }

  func testTheBundledTranslationsApplyToTheCatalog() throws {
    for language in [Language.fr, .es, .ar] {
      let catalog = try Catalog.bundled(in: language).get()
      XCTAssertEqual(catalog.language, language)
      XCTAssertNotEqual(catalog.title(of: 18), "Case management", "\(language)")
      XCTAssertNotEqual(catalog.contentNotice, Catalog.contentNotice, "the working-translation notice")
    }
    XCTAssertEqual(try Catalog.bundled(in: .en).get().title(of: 18), "Case management")
  }
}

extension LanguageTests {
  func testDatesForPeopleAreWrittenTheWayEachLanguageWritesThem() {
    XCTAssertEqual(Interface(.en).date("2026-10-14"), "14 October 2026")
    XCTAssertEqual(Interface(.fr).date("2026-10-01"), "1er octobre 2026")
    XCTAssertEqual(Interface(.es).date("2026-03-31"), "31 de marzo de 2026")
    XCTAssertEqual(Interface(.ar).date("2026-08-02"), "2 أغسطس 2026")
    XCTAssertEqual(Interface(.fr).date("not a date"), "not a date", "anything else is shown as given")
    XCTAssertEqual(
      Interface(.es).period(from: "2026-01-01", to: "2026-03-31"), "del 1 de enero de 2026 al 31 de marzo de 2026")
  }
}

extension LanguageTests {
  func testCountedTextsFollowEachLanguagesPluralRule() {
    XCTAssertEqual(Interface(.en).counted("prio.standardCount", 1), "1 standard")
    XCTAssertEqual(Interface(.en).counted("prio.standardCount", 0), "0 standards")
    XCTAssertEqual(Interface(.fr).counted("prio.scoreCount", 0), "0 note", "French counts zero as singular")
    XCTAssertEqual(Interface(.es).counted("prio.scoreCount", 2), "2 calificaciones")
    XCTAssertEqual(Interface(.ar).counted("prio.standardCount", 1), "معيار واحد")
    XCTAssertEqual(Interface(.ar).counted("prio.standardCount", 6), "6 معايير")
    XCTAssertEqual(Interface(.ar).counted("prio.standardCount", 15), "15 معيارًا", "11 to 99 take the singular")
  }
}

extension LanguageTests {
  func testReportingUnitsSortIgnoringAccentsAndCase() {
    let names = ["Zorro Aid", "Équipe Santé", "ecole ouverte", "Aide Rurale"]
    let sorted = names.map { ReportingUnit(organisation: $0, locationCode: "NP01") }.sorted().map(\.organisation)
    XCTAssertEqual(sorted, ["Aide Rurale", "ecole ouverte", "Équipe Santé", "Zorro Aid"])
  }
}

extension LanguageTests {
  func testPlaceholdersAreFilledInOnePass() {
    XCTAssertEqual(Interface.filling("{1} and {2}, {1} again", with: ["a", 2]), "a and 2, a again")
    XCTAssertEqual(Interface.filling("{2} before {1}", with: ["{2}", "b"]), "b before {2}", "a value is not refilled")
    XCTAssertEqual(Interface.filling("{3} {x} {", with: ["a"]), "{3} {x} {", "what is not a placeholder stays")
  }
}
