import XCTest

@testable import CPMSCore

/// The ranking chart in each language: its words from Data/i18n/interface/charts.json, never English,
/// and in Arabic mirrored (score 0 at the right) with `direction="rtl"`.
final class ChartLanguageTests: XCTestCase {
  func rankingChart(_ language: Language) throws -> String {
    let catalog = try Catalog.bundled.get()
    func ballot(_ source: String, _ high: Set<Int>) -> Ballot {
      Ballot(
        source: source,
        scores: (1...28).map {
          Ballot.Score(standard: StandardNumber($0)!, value: high.contains($0) ? 5 : 1, line: $0 + 1)
        })
    }
    let ballots = [ballot("a.csv", [1, 7, 14, 21]), ballot("b.csv", [1, 7, 14, 22])]
    let result = try Prioritizer.run(
      PrioritizationRequest(situation: .none, ballots: ballots, size: 4), catalog: catalog)
    return RankingChart.svg(result, ranking: try XCTUnwrap(result.ranking), language: language)
  }

  /// English texts of the `chart.` keys with three words or more, cut at their placeholders.
  var englishPieces: [String] {
    Interface.keys.filter { $0.hasPrefix("chart.") }.compactMap { Interface.text($0, in: .en) }.flatMap {
      $0.split(separator: /\{[0-9]\}/).map { $0.trimmingCharacters(in: .whitespaces) }
    }.filter { $0.split(separator: " ").count >= 3 }
  }

  func testTheRankingChartSpeaksEachLanguage() throws {
    let english = try rankingChart(.en)
    XCTAssertTrue(englishPieces.contains { english.replacing("&#39;", with: "'").contains($0) })
    for language in [Language.fr, .es, .ar] {
      let svg = try rankingChart(language).replacing("&#39;", with: "'")
      for piece in englishPieces { XCTAssertFalse(svg.contains(piece), "\(language): \(piece)") }
      XCTAssertTrue(svg.contains(Interface(language)("chart.ranking.mean")))
    }
  }

  func testTheArabicRankingChartIsMirrored() throws {
    let svg = try rankingChart(.ar)
    XCTAssertTrue(svg.contains(#"xml:lang="ar" direction="rtl""#))
    // Score 0 at x 860 - 320 = 540, score 5 at 860 - 720 = 140.
    XCTAssertTrue(svg.contains(#"<text x="540" y="50">0</text>"#), svg)
    XCTAssertTrue(svg.contains(#"<text x="140" y="50">5</text>"#), svg)
    XCTAssertFalse(try rankingChart(.fr).contains("direction="))
  }
}
