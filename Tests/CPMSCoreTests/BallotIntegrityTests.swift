import XCTest

@testable import CPMSCore

/// Every voice counted once: the checks a set of ballots gets, the roster and comments kept, the
/// agreement measures, and both sheet layouts.
final class BallotIntegrityTests: XCTestCase {
  var catalog: Catalog { get throws { try Catalog.bundled.get() } }

  func file(_ text: String, _ source: String = "a.csv", layout: BallotLayout? = nil) throws -> BallotFile {
    try BallotFile.parse(csv: Array(text.utf8), source: source, layout: layout)
  }

  func diagnostics(_ files: [BallotFile], allowDuplicates: Bool = false) throws -> [Diagnostic] {
    BallotChecks.diagnostics(files, catalog: try catalog, allowDuplicateParticipants: allowDuplicates)
  }

  // MARK: integrity

  func testNoScoreAtAllIsAnErrorNamingTheFilesRead() throws {
    let headerOnly = try file("standard,score\n", "empty.csv")
    let blank = try file("standard,score\n1,\n2,\n", "blank.csv")
    let found = try diagnostics([headerOnly, blank])
    XCTAssertEqual(found.map(\.rule), [BallotChecks.noScores])
    XCTAssertEqual(found.first?.severity, .error)
    XCTAssertTrue(found.first?.message.contains("read 2 files: empty.csv, blank.csv") ?? false, "\(found)")
  }

  func testTheSameFileTwiceIsAnErrorAtTheSecond() throws {
    let text = "participant,standard,score\nAmina,1,5\n"
    let found = try diagnostics([try file(text, "a.csv"), try file(text, "copy.csv")])
    XCTAssertEqual(found.map(\.rule), [BallotChecks.duplicateFile])
    XCTAssertEqual(found.first?.location?.file, "copy.csv")
    XCTAssertTrue(found.first?.message.contains("same content as a.csv") ?? false)
  }

  func testTheSameParticipantInTwoFilesIsAnErrorUnlessAllowed() throws {
    let files = [
      try file("participant,standard,score\nAmina,1,5\n", "a.csv"),
      try file("participant,standard,score\n\n  amina ,2,4\n", "b.csv"),
    ]
    let found = try diagnostics(files)
    XCTAssertEqual(found.map(\.rule), [BallotChecks.duplicateParticipant])
    XCTAssertEqual(found.first?.location, DiagnosticLocation(file: "b.csv", line: 3))
    XCTAssertTrue(found.first?.message.contains("already has a ballot at a.csv:2") ?? false, "\(found)")
    XCTAssertEqual(try diagnostics(files, allowDuplicates: true), [])
  }

  func testTheSameStandardTwiceInOneBallotNamesBothLines() throws {
    let found = try diagnostics([try file("standard,score\n1,5\n2,3\n1,4\n")])
    XCTAssertEqual(found.map(\.rule), [BallotChecks.repeatedStandard])
    XCTAssertEqual(found.first?.location?.line, 4)
    XCTAssertTrue(found.first?.message.contains("also on line 2") ?? false)
  }

  func testSeveralParticipantsInOneLongSheetAreSeparateBallots() throws {
    let sheet = try file("participant,standard,score\nAmina,1,5\nJean,1,4\nAmina,2,3\n")
    XCTAssertEqual(sheet.ballots.map(\.participant), ["Amina", "Jean"])
    XCTAssertEqual(sheet.ballots.map(\.scores.count), [2, 1])
    XCTAssertEqual(try diagnostics([sheet]), [], "one standard per participant is not a repeat")
  }

  func testATitleThatDoesNotMatchItsNumberIsAWarning() throws {
    let found = try diagnostics([try file("standard,title,score\n18,Case management,5\n19,Case management,4\n")])
    XCTAssertEqual(found.map(\.rule), [BallotChecks.titleMismatch])
    XCTAssertEqual(found.first?.severity, .warning)
    XCTAssertEqual(found.first?.location?.line, 3)
    XCTAssertEqual(
      try diagnostics([try file("standard,title,score\n18,  case MANAGEMENT ,5\n")]), [],
      "case and spaces do not matter")
  }

  /// A ballot made with `cpms ballot --lang fr` (or es, ar) is checked by a group working in English,
  /// and the other way round: the title in any language cpms speaks is the standard's.
  func testATitleInAnyOfCpmsLanguagesMatches() throws {
    let translated = "standard,title,score\n18,Gestion de cas,5\n18,Gestión de casos,4\n18,إدارة الحالات,3\n"
    let found = try diagnostics([try file(translated)])
    XCTAssertEqual(found.filter { $0.rule == BallotChecks.titleMismatch }, [])
    let wrong = try diagnostics([try file("standard,title,score\n18,Gestion des camps,5\n")])
    XCTAssertEqual(wrong.map(\.rule), [BallotChecks.titleMismatch], "a wrong title still warns in any language")
  }

  // MARK: half points

  func testWholeAndHalfPointsAreAcceptedWithAPointOrAComma() throws {
    let comma = try file("standard,score\n1,4.5\n2,\"3,5\"\n3,0.5\n")
    XCTAssertEqual(comma.ballots[0].scores.map(\.value), [4.5, 3.5, 0.5])
    let semicolon = try file("standard;score\n1;4,5\n2;3.5\n")
    XCTAssertEqual(semicolon.ballots[0].scores.map(\.value), [4.5, 3.5])
  }

  func testOtherFractionsAreRefusedWithTheRule() {
    XCTAssertThrowsError(try file("standard,score\n1,3.7\n")) { error in
      let diagnostic = error as? Diagnostic
      XCTAssertEqual(diagnostic?.rule, "ballot-score")
      XCTAssertEqual(diagnostic?.location?.line, 2)
      XCTAssertTrue(diagnostic?.message.contains("whole or half point") ?? false, "\(error)")
    }
  }

  // MARK: what participants said

  func testCommentsAndNotesAreKeptAndTheTemplateLinesLeftOut() throws {
    let catalog = try catalog
    var sheet = BallotTemplate.csv(catalog: catalog).replacingOccurrences(
      of: "\r\n1,1,Coordination,,,\r\n", with: "\r\n1,1,Coordination,5,Amina,Clear lead agency\r\n")
    sheet += "# We ran out of time on pillar 4\r\n"
    let ballots = try file(sheet).ballots
    XCTAssertEqual(ballots.count, 1)
    let summary = BallotSummary(ballots, catalog: catalog, rankedBy: .mean)
    XCTAssertEqual(summary.participants, ["Amina"])
    XCTAssertEqual(summary.comments.map(\.text), ["We ran out of time on pillar 4", "Clear lead agency"])
    XCTAssertEqual(summary.comments(on: 1).map(\.participant), ["Amina"])
  }

  func testParticipantsWithoutANameAreNumbered() {
    let ballots = [
      Ballot(source: "a.csv", participant: "Amina", scores: []), Ballot(source: "b.csv", scores: []),
      Ballot(source: "c.csv", scores: []),
    ]
    XCTAssertEqual(BallotChecks.roster(ballots), ["Amina", "participant 2", "participant 3"])
  }

  // MARK: agreement

  /// Reference values from Python's `statistics` (mean, median, pstdev) on the same scores.
  func testSpreadMatchesPythonStatistics() throws {
    let spread = try XCTUnwrap(ScoreSpread([5, 4, 1, 0.5, 3]))
    XCTAssertEqual(spread.mean, 2.7, accuracy: 1e-12)
    XCTAssertEqual(spread.median, 3)
    XCTAssertEqual(spread.standardDeviation, 1.7204650534085253, accuracy: 1e-12)
    XCTAssertTrue(spread.toDiscuss, "a 5 and a 0.5: the group is split")
    XCTAssertEqual(ScoreSpread([2, 3])?.median, 2.5)
    XCTAssertFalse(ScoreSpread([3, 3, 3])?.toDiscuss ?? true)
    XCTAssertNil(ScoreSpread([]))
  }

  func ballots(_ table: [[Double]]) -> [Ballot] {
    table.enumerated().map { index, row in
      Ballot(
        source: "b\(index).csv",
        scores: row.enumerated().map {
          Ballot.Score(standard: StandardNumber($0.offset + 1)!, value: $0.element, line: 2)
        }
      )
    }
  }

  /// Hand computation: rank totals 4, 6, 8, 12 (mean 7.5), S = 35, W = 12·35 / (3²·(4³ − 4)) = 7/9.
  func testKendallsWWithoutTiesMatchesTheHandComputation() {
    let agreement = GroupAgreement(ballots([[4, 3, 2, 1], [3, 4, 2, 1], [4, 2, 3, 1]]))
    XCTAssertEqual(agreement.kendallW ?? -1, 7.0 / 9.0, accuracy: 1e-12)
    XCTAssertEqual(agreement.band, "substantial")
    XCTAssertEqual(agreement.participants, 3)
    XCTAssertEqual(agreement.standards, 4)
  }

  /// With ties (average ranks and the T correction); the reference value is from an independent
  /// Python implementation of the same formula.
  func testKendallsWWithTiesUsesTheCorrection() {
    let agreement = GroupAgreement(ballots([[5, 5, 3, 1], [4, 5, 3, 3], [5, 4, 4, 1]]))
    XCTAssertEqual(agreement.kendallW ?? -1, 0.8271604938271605, accuracy: 1e-12)
    XCTAssertEqual(agreement.band, "almost perfect")
  }

  func testKendallsWNeedsTwoParticipantsAndTwoCommonStandards() {
    XCTAssertNil(GroupAgreement(ballots([[5, 4, 3]])).kendallW)
    XCTAssertNil(GroupAgreement(ballots([[3, 3], [3, 3]])).kendallW, "every score the same")
    let identical = GroupAgreement(ballots([[5, 4, 3, 2], [5, 4, 3, 2]]))
    XCTAssertEqual(identical.kendallW ?? -1, 1, accuracy: 1e-12)
  }

  func testRankingByMedianIsOffered() throws {
    // Standard 1: 5, 5, 0 (mean 3.33, median 5); standard 2: 4, 4, 4 (mean 4, median 4).
    let table = ballots([[5, 4], [5, 4], [0, 4]])
    XCTAssertEqual(Ranking.rank(table, catalog: try catalog).prefix(2).map(\.standard), [2, 1])
    XCTAssertEqual(Ranking.rank(table, catalog: try catalog, by: .median).prefix(2).map(\.standard), [1, 2])
  }

  // MARK: unscored standards

  func testAnUnscoredStandardIsNeverPresentedAsRanked() throws {
    // Only pillars 1 to 3 are scored: the one-per-pillar rule needs an unscored standard of pillar 4.
    let table = ballots([[5, 4, 3, 2, 1, 5, 4, 3, 2, 1, 5, 4, 3, 2, 1, 5, 4, 3, 2, 1]])
    let result = try Prioritizer.run(PrioritizationRequest(situation: .none, ballots: table), catalog: try catalog)
    let unscored = result.findings.filter { $0.rule == Rule.unscored }
    XCTAssertEqual(unscored.map(\.standard), [21])
    XCTAssertEqual(unscored.first?.severity, .warning)
    let item = try XCTUnwrap(result.selected.first { $0.standard == 21 })
    XCTAssertEqual(item.reasons.first?.text, "Not scored by any participant")
    XCTAssertFalse(try XCTUnwrap(result.ranking?.first { $0.standard == 21 }).isScored)
  }

  // MARK: layouts and wrong files

  func testAWideSheetIsOneBallotPerRow() throws {
    let sheet = try file(
      "_id;participant;pillar_1/standard_01;pillar_1/comment_01;pillar_3/standard_18;_uuid\n"
        + "1;Amina;5;Clear;not_scored;x\n2;Jean;4,5;;3;y\n")
    XCTAssertEqual(sheet.layout, .wide)
    XCTAssertEqual(sheet.ballots.map(\.participant), ["Amina", "Jean"])
    XCTAssertEqual(sheet.ballots[0].scores.map(\.standard), [1, 18])
    XCTAssertEqual(sheet.ballots[0].scores.map(\.value), [5, nil])
    XCTAssertEqual(sheet.ballots[0].scores[0].comment, "Clear")
    XCTAssertEqual(sheet.ballots[1].scores.map(\.value), [4.5, 3])
  }

  func testLabelHeadersAndLabelValuesAreRead() throws {
    let sheet = try file(
      "Participant (your name);1. Coordination;Comment on standard 1 (optional);18. Case management\n"
        + "Amina;5 – top priority;ok;Not scored\n")
    XCTAssertEqual(sheet.layout, .wide)
    XCTAssertEqual(sheet.ballots[0].participant, "Amina")
    XCTAssertEqual(sheet.ballots[0].scores.map(\.value), [5, nil])
    XCTAssertEqual(sheet.ballots[0].scores[0].comment, "ok")
  }

  func testTheLayoutCanBeForced() {
    XCTAssertThrowsError(try file("standard_01,standard_02\n5,4\n", layout: .long)) { error in
      XCTAssertEqual((error as? Diagnostic)?.rule, "ballot-header")
    }
  }

  func testAWorkbookOrATabSeparatedSheetIsNamed() {
    XCTAssertThrowsError(try BallotFile.parse(csv: [0x50, 0x4B, 0x03, 0x04, 0, 0], source: "b.csv")) { error in
      XCTAssertEqual((error as? Diagnostic)?.rule, "ballot-not-csv")
      XCTAssertTrue((error as? Diagnostic)?.message.contains("workbook") ?? false)
    }
    XCTAssertThrowsError(try file("standard\tscore\n1\t5\n")) { error in
      XCTAssertTrue((error as? Diagnostic)?.message.contains("tab-separated") ?? false, "\(error)")
    }
  }

  func testHXLRowsAreSkipped() throws {
    let sheet = try file("standard,score,comment\n#indicator+code,#indicator+num,#description\n1,5,\n")
    XCTAssertEqual(sheet.ballots[0].scores.map(\.value), [5])
    XCTAssertEqual(sheet.notes, [])
  }
}
