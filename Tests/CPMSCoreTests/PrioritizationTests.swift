import XCTest

@testable import CPMSCore

/// The prioritization rules of the coordination guide: checks per situation, refusals, ranking and
/// recommendation (including a seeded property test).
final class PrioritizationTests: XCTestCase {
  // MARK: helpers

  var catalog: Catalog { get throws { try Catalog.bundled.get() } }

  /// Pillar p's standards, as the handbook splits them (1–6, 7–13, 14–20, 21–28).
  static let pillarStandards: [Int: [StandardNumber]] = [
    1: numbers(1...6), 2: numbers(7...13), 3: numbers(14...20), 4: numbers(21...28),
  ]

  /// Standards by a range of their numbers, for tests.
  static func numbers(_ range: ClosedRange<Int>) -> [StandardNumber] { range.compactMap(StandardNumber.init) }

  func run(_ request: PrioritizationRequest, file: StaticString = #filePath, line: UInt = #line) throws
    -> PrioritizationResult
  {
    do {
      return try Prioritizer.run(request, catalog: try catalog)
    } catch {
      XCTFail("unexpected refusal: \(error)", file: file, line: line)
      throw error
    }
  }

  func check(_ selection: [StandardNumber], _ request: PrioritizationRequest) throws -> [Diagnostic] {
    Prioritizer.check(selection, request: request, catalog: try catalog)
  }

  func findings(_ list: [Diagnostic], _ severity: Severity, _ rule: String) -> [Diagnostic] {
    list.filter { $0.severity == severity && $0.rule == rule }
  }

  /// The first problem that refuses the request, or nil (with a failure) when the request is accepted.
  func refusal(_ request: PrioritizationRequest, file: StaticString = #filePath, line: UInt = #line)
    -> RequestProblem?
  {
    guard let problem = request.problems.first else {
      XCTFail("the request was accepted: \(request)", file: file, line: line)
      return nil
    }
    return problem
  }

  func ballot(_ scores: [Int: Double?], source: String = "test.csv") -> Ballot {
    Ballot(
      source: source,
      scores: scores.keys.sorted().enumerated().map { index, standard in
        Ballot.Score(standard: StandardNumber(standard)!, value: scores[standard]!, line: index + 2)
      })
  }

  /// One ballot giving each standard in `high` the score 5 and every other standard 1.
  func ballot(high: Set<Int>, low: Double = 1) -> Ballot {
    ballot(Dictionary(uniqueKeysWithValues: (1...28).map { ($0, high.contains($0) ? 5.0 : low) }))
  }

  // MARK: situation none

  func testNoneFourAndTenStandardsCoveringAllPillarsComply() throws {
    for selection: [StandardNumber] in [[1, 7, 14, 21], [1, 2, 3, 7, 8, 14, 15, 21, 22, 23]] {
      let result = try run(PrioritizationRequest(situation: .none, selection: selection))
      XCTAssertTrue(result.compliant, "\(selection): \(result.findings)")
      XCTAssertEqual(result.findings, [], "\(selection)")
      XCTAssertEqual(result.selection, selection)
      XCTAssertEqual(result.mode, .checked)
    }
  }

  func testNoneThreeAndElevenStandardsAreSizeErrors() throws {
    for selection: [StandardNumber] in [[1, 7, 14], [1, 2, 3, 4, 7, 8, 14, 15, 21, 22, 23]] {
      let result = try run(PrioritizationRequest(situation: .none, selection: selection))
      XCTAssertFalse(result.compliant, "\(selection)")
      let size = findings(result.findings, .error, Rule.size)
      XCTAssertEqual(size.count, 1, "\(selection): \(result.findings)")
      XCTAssertTrue(size.first?.message.contains("\(selection.count) standards selected") ?? false)
    }
  }

  func testNoneEachMissingPillarIsAnErrorNamingIt() throws {
    for missing in 1...4 {
      let selection = (1...4).filter { $0 != missing }.flatMap { Self.pillarStandards[$0]!.prefix(2) }
      let result = try run(PrioritizationRequest(situation: .none, selection: selection))
      XCTAssertFalse(result.compliant, "pillar \(missing)")
      let pillar = findings(result.findings, .error, Rule.pillarCoverage)
      XCTAssertEqual(pillar.count, 1, "pillar \(missing): \(result.findings)")
      XCTAssertTrue(pillar.first?.message.contains("Pillar \(missing)") ?? false, "\(pillar)")
      XCTAssertEqual(result.findings.filter { $0.severity == .error }.count, 1, "only the pillar is wrong")
    }
  }

  // MARK: situation plan

  func testPlanMissingPillarIsOnlyAWarning() throws {
    let result = try run(PrioritizationRequest(situation: .plan, selection: [1, 2, 7, 8, 14, 15]))
    XCTAssertTrue(result.compliant, "\(result.findings)")
    let warnings = findings(result.findings, .warning, Rule.pillarCoverage)
    XCTAssertEqual(warnings.count, 1, "\(result.findings)")
    XCTAssertTrue(warnings.first?.message.contains("Pillar 4") ?? false)
    XCTAssertTrue(findings(result.findings, .error, Rule.pillarCoverage).isEmpty)
  }

  func testPlanContextualizedLeftOutIsAWarning() throws {
    let result = try run(PrioritizationRequest(situation: .plan, selection: [1, 7, 14, 21], contextualized: [13]))
    XCTAssertTrue(result.compliant, "\(result.findings)")
    let warnings = findings(result.findings, .warning, Rule.contextualized)
    XCTAssertEqual(warnings.map(\.standard), [13], "\(result.findings)")
  }

  func testPlanStandardOutsideThePlanIsAWarning() throws {
    let result = try run(
      PrioritizationRequest(situation: .plan, selection: [1, 7, 14, 21, 28], planStandards: [1, 7, 14, 21, 22]))
    XCTAssertTrue(result.compliant, "\(result.findings)")
    let warnings = findings(result.findings, .warning, Rule.plan)
    XCTAssertEqual(warnings.map(\.standard), [28], "\(result.findings)")
    XCTAssertEqual(result.selected.filter(\.inPlan).map(\.standard), [1, 7, 14, 21])
  }

  func testPlanStillEnforcesFourToTen() throws {
    for selection: [StandardNumber] in [[1, 7, 14], [1, 2, 3, 4, 7, 8, 14, 15, 21, 22, 23]] {
      let result = try run(PrioritizationRequest(situation: .plan, selection: selection))
      XCTAssertFalse(result.compliant, "\(selection)")
      XCTAssertEqual(findings(result.findings, .error, Rule.size).count, 1, "\(selection): \(result.findings)")
    }
  }

  // MARK: situation contextualized

  func testContextualizedMissingWithoutExceptionIsAnErrorNamingIt() throws {
    let catalog = try catalog
    let result = try run(
      PrioritizationRequest(
        situation: .contextualized, selection: [1, 7, 13, 14, 18, 21], contextualized: [13, 18, 23]))
    XCTAssertFalse(result.compliant)
    let errors = findings(result.findings, .error, Rule.contextualized)
    XCTAssertEqual(errors.map(\.standard), [23], "\(result.findings)")
    XCTAssertTrue(errors.first?.message.contains("Standard 23") ?? false)
    XCTAssertTrue(errors.first?.message.contains(catalog.standard(23).title) ?? false)
  }

  func testContextualizedExceptionsBecomeNotesWithTheReason() throws {
    let catalog = try catalog
    let selection: [StandardNumber] = [1, 7, 13, 14, 18, 21]
    let noConsensus = try run(
      PrioritizationRequest(
        situation: .contextualized, selection: selection, contextualized: [13, 18, 23],
        exceptions: [PrioritizationException(standard: 23, reason: .noConsensus)]))
    XCTAssertTrue(noConsensus.compliant, "\(noConsensus.findings)")
    let note = findings(noConsensus.findings, .note, Rule.exception)
    XCTAssertEqual(note.map(\.standard), [23], "\(noConsensus.findings)")
    XCTAssertTrue(note.first?.message.contains("consensus") ?? false, "\(note)")
    XCTAssertTrue(findings(noConsensus.findings, .error, Rule.contextualized).isEmpty)

    let principle = try run(
      PrioritizationRequest(
        situation: .contextualized, selection: selection, contextualized: [13, 18, 23],
        exceptions: [PrioritizationException(standard: 23, reason: .principle(5))]))
    XCTAssertTrue(principle.compliant, "\(principle.findings)")
    let principleNote = findings(principle.findings, .note, Rule.exception)
    XCTAssertEqual(principleNote.map(\.standard), [23])
    let message = principleNote.first?.message ?? ""
    XCTAssertTrue(message.contains("Principle 5"), message)
    XCTAssertTrue(message.contains(catalog.principle(5)!.title), message)
    XCTAssertEqual(principle.exceptions, [PrioritizationException(standard: 23, reason: .principle(5))])
  }

  func testContextualizedExceptionForASelectedStandardIsAWarning() throws {
    let result = try run(
      PrioritizationRequest(
        situation: .contextualized, selection: [1, 7, 13, 14, 18, 21, 23], contextualized: [13, 18, 23],
        exceptions: [PrioritizationException(standard: 23, reason: .noConsensus)]))
    XCTAssertTrue(result.compliant, "\(result.findings)")
    XCTAssertEqual(findings(result.findings, .warning, Rule.exception).map(\.standard), [23], "\(result.findings)")
  }

  func testContextualizedStillEnforcesFourToTen() throws {
    let result = try run(
      PrioritizationRequest(situation: .contextualized, selection: [13, 18, 23], contextualized: [13]))
    XCTAssertFalse(result.compliant)
    let size = findings(result.findings, .error, Rule.size)
    XCTAssertEqual(size.count, 1)
    // The guide gives no count for this situation: the message says the range is applied by analogy.
    XCTAssertTrue(size.first?.message.contains("by analogy") ?? false, "\(size)")
    let none = try run(PrioritizationRequest(situation: .none, selection: [1, 7, 14]))
    XCTAssertFalse(
      findings(none.findings, .error, Rule.size).first?.message.contains("analogy") ?? true, "\(none.findings)")
  }

  // MARK: refusals

  func testValidateAcceptsWellFormedRequests() {
    let requests = [
      PrioritizationRequest(situation: .none, selection: [1, 7, 14, 21]),
      PrioritizationRequest(
        situation: .plan, selection: [1, 7, 14, 21], contextualized: [13], planStandards: [1, 7],
        exceptions: [PrioritizationException(standard: 13, reason: .noConsensus)]),
      PrioritizationRequest(situation: .contextualized, selection: [1, 7, 14, 21], contextualized: [1], size: 4),
      PrioritizationRequest(situation: .none, selection: [1, 7, 14, 21], size: 10),
    ]
    for request in requests {
      XCTAssertEqual(request.problems, [], "\(request)")
    }
  }

  func testStandardNumbersExistOnlyFromOneToTwentyEight() {
    let (zero, twentyEight, twentyNine) = (0, 28, 29)
    XCTAssertNil(StandardNumber(zero))
    XCTAssertNil(StandardNumber(twentyNine))
    XCTAssertEqual(StandardNumber(twentyEight)?.value, 28)
    XCTAssertEqual(StandardNumber.all.count, 28)
  }

  func testValidateRefusesRepeatedStandards() {
    XCTAssertEqual(
      refusal(PrioritizationRequest(situation: .none, selection: [1, 1, 7, 14, 21])), .repeatedStandard(.selection, 1))
    XCTAssertEqual(
      refusal(PrioritizationRequest(situation: .contextualized, selection: [1, 7, 14, 21], contextualized: [13, 13])),
      .repeatedStandard(.contextualized, 13))
  }

  func testValidateRefusesOptionsTheSituationDoesNotUse() {
    let selection: [StandardNumber] = [1, 7, 14, 21]
    XCTAssertEqual(
      refusal(PrioritizationRequest(situation: .contextualized, selection: selection)), .contextualizedWithoutStandards)
    XCTAssertEqual(
      refusal(PrioritizationRequest(situation: .none, selection: selection, contextualized: [13])),
      .noneWithContextualizedStandards)
    XCTAssertEqual(
      refusal(
        PrioritizationRequest(
          situation: .none, selection: selection,
          exceptions: [PrioritizationException(standard: 13, reason: .noConsensus)]
        )), .noneWithExceptions)
    for situation in [Situation.none, .contextualized] {
      XCTAssertEqual(
        refusal(
          PrioritizationRequest(
            situation: situation, selection: selection, contextualized: situation == .none ? [] : [1],
            planStandards: [1])), .planStandardsWithoutPlan, "\(situation)")
    }
    XCTAssertEqual(
      refusal(
        PrioritizationRequest(
          situation: .contextualized, selection: selection, contextualized: [13],
          exceptions: [PrioritizationException(standard: 18, reason: .principle(2))])),
      .exceptionForUncontextualized(18))
    XCTAssertEqual(refusal(PrioritizationRequest(situation: .none)), .nothingToEvaluate)
    XCTAssertEqual(RequestProblem.planStandardsWithoutPlan.field, .planStandards)
  }

  func testValidateRefusesSizesOutsideFourToTen() {
    for size in [3, 11] {
      XCTAssertEqual(
        refusal(PrioritizationRequest(situation: .none, ballots: [ballot(high: [])], size: size)),
        .sizeOutOfRange(size), "size \(size)")
    }
  }

  func testRunRefusesLikeValidate() throws {
    let catalog = try catalog
    XCTAssertThrowsError(
      try Prioritizer.run(PrioritizationRequest(situation: .none, selection: [1, 1, 7, 14]), catalog: catalog))
  }

  // MARK: ranking

  func testRankingOrdersByMeanThenScoresThenNumberWithUnscoredLast() throws {
    let catalog = try catalog
    let first = ballot([5: 4, 2: 3, 3: 2, 4: 2, 10: 1, 8: 1, 20: nil])
    let second = ballot([4: 2, 12: nil])
    let ranking = Ranking.rank([first, second], catalog: catalog)
    XCTAssertEqual(ranking.count, 28)
    XCTAssertEqual(ranking.map(\.rank), Array(1...28))
    // 5 (mean 4), 2 (3), then 4 (mean 2 from 2 scores) before 3 (mean 2 from 1), then 8 before 10 (tie).
    XCTAssertEqual(Array(ranking.map(\.standard).prefix(6)), [5, 2, 4, 3, 8, 10])
    XCTAssertEqual(ranking.first { $0.standard == 4 }?.ballots, 2)
    let unscored = ranking.dropFirst(6)
    XCTAssertEqual(unscored.map(\.standard), StandardNumber.all.filter { ![5, 2, 4, 3, 8, 10].contains($0) })
    XCTAssertTrue(unscored.allSatisfy { $0.mean == nil && $0.ballots == 0 })
    XCTAssertEqual(ranking.first { $0.standard == 2 }?.title, catalog.standard(2)!.title)
  }

  func testRankingMeansAreRoundedToTwoDecimals() throws {
    let ballots = [ballot([1: 1, 2: 2, 3: 0.5]), ballot([1: 1, 2: 2, 3: 0]), ballot([1: 2, 2: 1, 3: 0])]
    let ranking = Ranking.rank(ballots, catalog: try catalog)
    let means = Dictionary(uniqueKeysWithValues: ranking.map { ($0.standard, $0.mean) })
    XCTAssertEqual(means[1], 1.33)
    XCTAssertEqual(means[2], 1.67)
    XCTAssertEqual(means[3], 0.17)
    XCTAssertEqual(ranking.prefix(3).map(\.standard), [2, 1, 3])
  }

  // MARK: recommendation

  func testNoneRecommendationTakesEveryPillarEvenALowScoringOne() throws {
    // Pillar 4 (21–28) scores 0 everywhere; pillars 1–3 score 5.
    let ballots = [ballot(high: Set(1...20), low: 0), ballot(high: Set(1...20), low: 0)]
    let four = try run(PrioritizationRequest(situation: .none, ballots: ballots, size: 4))
    XCTAssertEqual(four.selection, [1, 7, 14, 21])
    XCTAssertTrue(four.compliant, "\(four.findings)")
    XCTAssertEqual(four.mode, .recommended)
    XCTAssertEqual(four.size, 4)
    let six = try run(PrioritizationRequest(situation: .none, ballots: ballots, size: 6))
    XCTAssertEqual(six.selection, [1, 2, 3, 7, 14, 21])
    XCTAssertTrue(six.compliant)
  }

  func testContextualizedRecommendationIncludesEveryContextualizedStandardFirst() throws {
    // The contextualized standards score lowest, yet all are included.
    let ballots = [ballot(high: Set(1...24), low: 1)]
    let result = try run(
      PrioritizationRequest(situation: .contextualized, contextualized: [25, 26, 27], ballots: ballots, size: 4))
    XCTAssertEqual(result.selection, [1, 25, 26, 27])
    XCTAssertTrue(result.compliant, "\(result.findings)")
    XCTAssertTrue(result.selected.first { $0.standard == 25 }?.reasons.contains(.contextualized) ?? false)
    // An excepted contextualized standard is not forced in.
    let excepted = try run(
      PrioritizationRequest(
        situation: .contextualized, contextualized: [25, 26, 27],
        exceptions: [PrioritizationException(standard: 27, reason: .noConsensus)], ballots: ballots, size: 4))
    XCTAssertEqual(excepted.selection, [1, 2, 25, 26])
    XCTAssertTrue(excepted.compliant, "\(excepted.findings)")
  }

  func testContextualizedOverflowKeepsTheBestRankedAndDoesNotComply() throws {
    // Contextualized 22–26 with distinct scores: 26 best, 22 worst.
    let scores: [Int: Double?] = Dictionary(
      uniqueKeysWithValues: (1...28).map { number -> (Int, Double?) in
        (number, (22...26).contains(number) ? Double(number - 21) : 0)
      })
    let result = try run(
      PrioritizationRequest(
        situation: .contextualized, contextualized: [22, 23, 24, 25, 26], ballots: [ballot(scores)], size: 4))
    XCTAssertEqual(result.selection, [23, 24, 25, 26])
    XCTAssertFalse(result.compliant)
    XCTAssertEqual(findings(result.findings, .error, Rule.contextualized).map(\.standard), [22])
    let note = findings(result.findings, .note, Rule.recommendation)
    XCTAssertEqual(note.count, 1, "\(result.findings)")
    let message = note.first?.message ?? ""
    XCTAssertTrue(message.contains("at most 10"), message)
    XCTAssertFalse(message.contains("--"), "findings name no flag: \(message)")
    XCTAssertTrue(message.contains("exceptions"), message)
    XCTAssertTrue(message.contains("22"), message)
  }

  func testPlanRecommendationPutsPlanStandardsFirst() throws {
    let ballots = [ballot(high: Set(1...20), low: 1)]
    let result = try run(PrioritizationRequest(situation: .plan, planStandards: [24, 28], ballots: ballots, size: 4))
    XCTAssertEqual(result.selection, [1, 2, 24, 28])
    XCTAssertTrue(result.compliant, "\(result.findings)")
    XCTAssertTrue(result.selected.first { $0.standard == 28 }?.reasons.contains(.inResponsePlan) ?? false)
  }

  func testRecommendationRespectsTheSize() throws {
    let ballots = [ballot(high: Set([3, 9, 15, 22, 27]), low: 2), ballot(high: Set([1, 2]), low: 3)]
    for size in [4, 10] {
      for request in [
        PrioritizationRequest(situation: .none, ballots: ballots, size: size),
        PrioritizationRequest(situation: .plan, planStandards: [5, 6], ballots: ballots, size: size),
        PrioritizationRequest(situation: .contextualized, contextualized: [13, 18], ballots: ballots, size: size),
      ] {
        let result = try run(request)
        XCTAssertEqual(result.selection.count, size, "\(request.situation) size \(size)")
        XCTAssertEqual(result.size, size)
        XCTAssertTrue(result.compliant, "\(request.situation) size \(size): \(result.findings)")
      }
    }
  }

  /// A small linear congruential generator, so the property test is the same on every run.
  struct LCG {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    mutating func subset(of range: ClosedRange<Int>, count: Int) -> [StandardNumber] {
      var pool = PrioritizationTests.numbers(range)
      var out: [StandardNumber] = []
      for _ in 0..<min(count, pool.count) { out.append(pool.remove(at: next(pool.count))) }
      return out
    }
  }

  func testPropertyRecommendationCompliesWheneverACompliantSelectionExists() throws {
    var random = LCG(state: 20_260_214)
    var checkedFeasible = 0
    var checkedOverflow = 0
    for round in 0..<300 {
      var ballots: [Ballot] = []
      for b in 0..<(1 + random.next(4)) {
        var scores: [Ballot.Score] = []
        for standard in 1...28 where random.next(10) != 0 {
          let value: Double? = random.next(6) == 0 ? nil : Double(random.next(11)) / 2
          scores.append(Ballot.Score(standard: StandardNumber(standard)!, value: value, line: scores.count + 2))
        }
        ballots.append(Ballot(source: "b\(b).csv", scores: scores))
      }
      let situation = [Situation.none, .plan, .contextualized][random.next(3)]
      let size = 4 + random.next(7)
      var contextualized: [StandardNumber] = []
      var planStandards: [StandardNumber] = []
      var exceptions: [PrioritizationException] = []
      switch situation {
      case .none: break
      case .plan:
        contextualized = random.subset(of: 1...28, count: random.next(7))
        planStandards = random.subset(of: 1...28, count: random.next(13))
      case .contextualized:
        contextualized = random.subset(of: 1...28, count: 1 + random.next(13))
      }
      for number in contextualized where random.next(4) == 0 {
        let reason: ExceptionReason = random.next(2) == 0 ? .noConsensus : .principle(1 + random.next(10))
        exceptions.append(PrioritizationException(standard: number, reason: reason))
      }
      let request = PrioritizationRequest(
        situation: situation, contextualized: contextualized, planStandards: planStandards, exceptions: exceptions,
        ballots: ballots, size: size)
      let result = try run(request)
      let context =
        "round \(round): \(situation) size \(size) ctx \(contextualized) plan \(planStandards) exc \(exceptions)"
      XCTAssertEqual(result.selection, Array(Set(result.selection)).sorted(), context)
      let required = contextualized.count - exceptions.count
      if situation != .contextualized || required <= size {
        checkedFeasible += 1
        XCTAssertTrue(result.compliant, "\(context): \(result.findings)")
        XCTAssertEqual(result.selection.count, size, context)
      } else {
        checkedOverflow += 1
        XCTAssertFalse(result.compliant, context)
        XCTAssertEqual(findings(result.findings, .note, Rule.recommendation).count, 1, context)
      }
    }
    XCTAssertGreaterThan(checkedFeasible, 200)
    XCTAssertGreaterThan(checkedOverflow, 0, "the generator should also produce overflowing cases")
  }

  // MARK: determinism

  func testSameRequestGivesEqualResults() throws {
    let ballots = [ballot(high: Set([3, 9, 15, 22]), low: 2), ballot([1: 4, 2: 4.5, 9: nil, 28: 5])]
    for request in [
      PrioritizationRequest(situation: .none, ballots: ballots, size: 7),
      PrioritizationRequest(situation: .contextualized, contextualized: [13, 18, 23], ballots: ballots),
      PrioritizationRequest(
        situation: .plan, selection: [1, 2, 7, 8, 14], contextualized: [13], planStandards: [1, 2]),
    ] {
      let first = try run(request)
      let second = try run(request)
      XCTAssertEqual(first, second, "\(request.situation)")
      let rendering = PrioritizationRendering(catalog: try catalog)
      XCTAssertEqual(rendering.render(first, format: .json), rendering.render(second, format: .json))
    }
  }
}
