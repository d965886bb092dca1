import CPMSArguments
import CPMSCore
import Foundation
import XCTest

@testable import cpms

/// Help in every language: each help text of every command has its translations in
/// Data/i18n/interface/, made from the English the specs hold now.
final class HelpTranslationTests: XCTestCase {
  var keys: [(key: String, english: String)] {
    HelpText.keys(
      CPMSCommandLine.commands.map { $0.spec } + [CPMSCommandLine.helpSpec], root: CPMSCommandLine.rootSpec)
  }

  /// `WRITE_HELP_STRINGS=FILE swift test --filter HelpTranslationTests` writes the texts to translate.
  func testEveryHelpTextIsTranslatedFromItsCurrentEnglish() throws {
    if let path = ProcessInfo.processInfo.environment["WRITE_HELP_STRINGS"] {
      let entries = keys.map { ["key": $0.key, "text": $0.english] }
      let data = try JSONSerialization.data(withJSONObject: entries, options: [.prettyPrinted, .sortedKeys])
      try data.write(to: URL(fileURLWithPath: path))
    }
    var problems: [String] = []
    for (key, english) in keys {
      if Interface.text(key, in: .en) != english { problems.append("\(key): the English is missing or changed") }
      for language in Language.allCases where Interface.text(key, in: language)?.isEmpty ?? true {
        problems.append("\(key): no \(language.rawValue) text")
      }
    }
    XCTAssertEqual(problems, [], "\(problems.count) help texts to translate")
  }

  func testHelpSpeaksTheLanguage() throws {
    let french = try CLIRunner.run(["prioritize", "--help", "--lang", "fr"])
    XCTAssertEqual(french.status, 0)
    XCTAssertTrue(french.stdout.hasPrefix("APERÇU : "), french.stdout)
    XCTAssertFalse(french.stdout.contains("Check a selection"), "the abstract is in French")
    let english = try CLIRunner.run(["prioritize", "--help"])
    XCTAssertTrue(english.stdout.hasPrefix("OVERVIEW: Check a selection"), english.stdout)
  }
}
