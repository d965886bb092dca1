/// Applies the coordination guide's prioritization rules: checks a selection, or recommends one from
/// ballots. Its findings name no input mechanism (flag or key), so every caller can show them as they are.
public enum Prioritizer {
  /// Checks the request's selection, or recommends one from its ballots, under the situation's rule.
  /// Throws the first of the request's `problems` when it cannot be evaluated.
  public static func run(_ request: PrioritizationRequest, catalog: Catalog) throws(RequestProblem)
    -> PrioritizationResult
  {
    if let problem = request.problems.first { throw problem }
    let ranking = request.ballots.isEmpty ? nil : Ranking.rank(request.ballots, catalog: catalog, by: request.rankBy)
    let contextualized = Set(request.contextualized)
    let plan = Set(request.planStandards)
    var reasons: [StandardNumber: [SelectionReason]] = [:]
    var extraFindings: [Diagnostic] = []
    let selection: [StandardNumber]
    let mode: PrioritizationResult.Mode
    if let given = request.selection {
      selection = given.sorted()
      mode = .checked
      for number in selection {
        reasons[number] =
          [.chosenByGroup] + (contextualized.contains(number) ? [.contextualized] : [])
          + (plan.contains(number) ? [.inResponsePlan] : [])
      }
    } else {
      // `problems` guarantees ballots when there is no selection.
      (selection, reasons, extraFindings) = recommend(request, ranking: ranking ?? [], catalog: catalog)
      mode = .recommended
    }
    let entries = Dictionary(uniqueKeysWithValues: (ranking ?? []).map { ($0.standard, $0) })
    let selected = selection.map { number -> SelectedStandard in
      let standard = catalog.standard(number)
      let entry = entries[number]
      return SelectedStandard(
        standard: number, title: standard.title, pillar: standard.pillar, reasons: reasons[number] ?? [],
        rank: entry?.rank, mean: entry?.mean, ballots: entry?.ballots, contextualized: contextualized.contains(number),
        inPlan: plan.contains(number), relatedPrinciples: standard.relatedPrinciples,
        linkedStandards: standard.linkedStandards)
    }
    let findings = check(selection, request: request, catalog: catalog) + extraFindings
    return PrioritizationResult(
      situation: request.situation, mode: mode, size: mode == .recommended ? request.size : nil, selected: selected,
      findings: findings.sorted { ($0.severity, $0.standard ?? 0) < ($1.severity, $1.standard ?? 0) },
      ranking: ranking, exceptions: request.exceptions.sorted { $0.standard < $1.standard },
      contextualized: request.contextualized.sorted(), planStandards: request.planStandards.sorted(),
      ballotFiles: Set(request.ballots.map(\.source)).count,
      ballotSummary: request.ballots.isEmpty
        ? nil : BallotSummary(request.ballots, catalog: catalog, rankedBy: request.rankBy))
  }

  /// The situation's rule applied to a selection.
  public static func check(_ selection: [StandardNumber], request: PrioritizationRequest, catalog: Catalog)
    -> [Diagnostic]
  {
    var findings: [Diagnostic] = []
    let t = catalog.interface
    func add(_ severity: Severity, _ rule: String, _ message: String, standard: StandardNumber? = nil) {
      findings.append(Diagnostic(severity, rule: rule, message: message, standard: standard?.value))
    }
    let range = PrioritizationRequest.sizeRange
    if !range.contains(selection.count) {
      let direction = selection.count < range.lowerBound ? "rule.sizeAdd" : "rule.sizeRemove"
      let needed =
        selection.count < range.lowerBound ? range.lowerBound - selection.count : selection.count - range.upperBound
      // The guide gives 4 to 10 for a response plan and for the situation with neither plan nor
      // contextualized standards, and no count when some standards are contextualized; cpms applies the
      // same range there by analogy, and the message says so.
      let limit = t(request.situation == .contextualized ? "rule.sizeAnalogy" : "rule.sizePlan")
      add(.error, Rule.size, t(direction, selection.count, limit, needed))
    }
    let chosen = Set(selection)
    for pillar in catalog.pillars where !chosen.contains(where: { pillar.standardNumbers.contains($0.value) }) {
      if request.situation == .none {
        add(.error, Rule.pillarCoverage, t("rule.pillarRequired", pillar.number, pillar.title))
      } else {
        add(.warning, Rule.pillarCoverage, t("rule.pillarWarning", pillar.number, pillar.title))
      }
    }
    let exceptions = Dictionary(uniqueKeysWithValues: request.exceptions.map { ($0.standard, $0.reason) })
    for number in request.contextualized.sorted() where !chosen.contains(number) {
      let title = catalog.title(of: number)
      if let reason = exceptions[number] {
        let why =
          switch reason {
          case .noConsensus: t("rule.whyNoConsensus")
          case .principle(let p):
            t("rule.whyPrinciple", p) + (catalog.principle(p).map { " (\($0.title))" } ?? "")
          }
        add(.note, Rule.exception, t("rule.leftOut", number, title, why), standard: number)
      } else if request.situation == .contextualized {
        add(.error, Rule.contextualized, t("rule.notSelectedError", number, title), standard: number)
      } else if request.situation == .plan {
        add(.warning, Rule.contextualized, t("rule.notSelectedWarning", number, title), standard: number)
      }
    }
    for number in request.contextualized.sorted() where chosen.contains(number) && exceptions[number] != nil {
      add(.warning, Rule.exception, t("rule.exceptionButSelected", number), standard: number)
    }
    if request.situation == .plan && !request.planStandards.isEmpty {
      let plan = Set(request.planStandards)
      for number in selection where !plan.contains(number) {
        add(.warning, Rule.plan, t("rule.notInPlan", number, catalog.title(of: number)), standard: number)
      }
    }
    return findings
  }

  /// Builds a selection of `size` standards from the ranking, in the order the rules give:
  /// contextualized or plan standards first, then one per pillar (situation none), then the best ranked.
  static func recommend(_ request: PrioritizationRequest, ranking: [RankingEntry], catalog: Catalog)
    -> ([StandardNumber], [StandardNumber: [SelectionReason]], [Diagnostic])
  {
    var picked: [StandardNumber] = []
    var reasons: [StandardNumber: [SelectionReason]] = [:]
    var findings: [Diagnostic] = []
    let t = catalog.interface
    let entries = Dictionary(uniqueKeysWithValues: ranking.map { ($0.standard, $0) })
    func add(_ number: StandardNumber, _ reason: SelectionReason) {
      if !picked.contains(number) {
        guard picked.count < request.size, let entry = entries[number] else { return }
        picked.append(number)
        reasons[number] = [.ranked(rank: entry.rank, of: ranking.count, mean: entry.mean, scores: entry.ballots)]
      }
      reasons[number, default: []].append(reason)
    }
    let order = ranking.map(\.standard)
    let excepted = Set(request.exceptions.map(\.standard))
    switch request.situation {
    case .contextualized:
      let required = order.filter { request.contextualized.contains($0) && !excepted.contains($0) }
      for number in required { add(number, .contextualized) }
      if required.count > request.size {
        let left = required.dropFirst(request.size).map(\.description).joined(separator: ", ")
        findings.append(
          Diagnostic(
            .note, rule: Rule.recommendation,
            message: t("rule.tooManyContextualized", required.count, request.size, left)))
      }
    case .plan:
      for number in order where request.planStandards.contains(number) { add(number, .inResponsePlan) }
    case .none:
      for pillar in catalog.pillars {
        if let best = order.first(where: { pillar.standardNumbers.contains($0.value) }) {
          add(best, .bestOfPillar(pillar.number))
        }
      }
    }
    for number in order where picked.count < request.size && !picked.contains(number) && !excepted.contains(number) {
      add(number, .amongBestRanked)
    }
    // An unscored standard is only ever taken because a rule needs it, or because too few were scored:
    // the group must hear that nobody chose it.
    for number in picked where entries[number]?.isScored == false {
      findings.append(
        Diagnostic(
          .warning, rule: Rule.unscored,
          message: t(
            "rule.unscored", number, catalog.title(of: number),
            reasons[number]?.dropFirst().map { $0.text(t) }.joined(separator: "; ") ?? ""),
          standard: number.value))
    }
    if request.situation == .plan {
      for number in picked where request.contextualized.contains(number) { reasons[number]?.append(.contextualized) }
    }
    return (picked.sorted(), reasons, findings)
  }

  /// Means print with up to two decimals and no trailing zeros, the same in every output.
  public static func formatMean(_ mean: Double) -> String {
    let hundredths = Int((mean * 100).rounded())
    let whole = hundredths / 100
    let fraction = hundredths % 100
    if fraction == 0 { return "\(whole)" }
    if fraction % 10 == 0 { return "\(whole).\(fraction / 10)" }
    return "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
  }
}
