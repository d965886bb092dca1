/// How serious a finding is: errors make a selection non-compliant, warnings and notes inform.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
  case error
  case warning
  case note

  public static func < (lhs: Severity, rhs: Severity) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}

/// One result of checking a selection against the rules; `rule` names the rule it applies.
public struct Finding: Sendable, Equatable, Codable {
  public var severity: Severity
  public var rule: String
  public var message: String
  public var standard: Int?

  public init(severity: Severity, rule: String, message: String, standard: Int? = nil) {
    self.severity = severity
    self.rule = rule
    self.message = message
    self.standard = standard
  }
}

/// A selected standard with the reasons it is in the selection.
public struct SelectedStandard: Sendable, Equatable, Codable {
  public var standard: Int
  public var title: String
  public var pillar: Int
  public var reasons: [String]
  public var rank: Int?
  public var mean: Double?
  public var ballots: Int?
  public var contextualized: Bool
  public var inPlan: Bool
  public var relatedPrinciples: [Int]
  public var linkedStandards: [Int]
}

/// The outcome of `cpms prioritize`: the selection, whether it complies, and why.
public struct PrioritizationResult: Sendable, Equatable {
  public enum Mode: String, Sendable, Codable {
    case checked
    case recommended
  }

  public var situation: Situation
  public var mode: Mode
  public var size: Int?
  public var selected: [SelectedStandard]
  public var findings: [Finding]
  public var ranking: [RankingEntry]?
  public var exceptions: [PrioritizationException]
  public var contextualized: [Int]
  public var planStandards: [Int]
  /// How many ballot files the ranking came from.
  public var ballotFiles: Int = 0
  /// The ballots themselves, in the order given, so a pack can show each standard's median and spread.
  public var ballots: [Ballot] = []

  public var selection: [Int] { selected.map(\.standard) }
  public var compliant: Bool { !findings.contains { $0.severity == .error } }
}

/// Why a request cannot be evaluated at all (the CLI maps it to a usage error).
public struct PrioritizationUsageError: Error, Sendable, Equatable, CustomStringConvertible {
  public var message: String
  public var description: String { message }
}

/// The rule names findings carry, so scripts and groups can tell which rule applied.
public enum Rule {
  public static let size = "size-4-to-10"
  public static let pillarCoverage = "one-per-pillar"
  public static let contextualized = "contextualized-selected"
  public static let exception = "contextualized-exception"
  public static let plan = "in-response-plan"
  public static let recommendation = "recommendation"
}

public enum Prioritizer {
  /// Checks the request's selection, or recommends one from its ballots, under the situation's rule.
  public static func run(_ request: PrioritizationRequest, catalog: Catalog) throws(PrioritizationUsageError)
    -> PrioritizationResult
  {
    try validate(request)
    let ranking = request.ballots.isEmpty ? nil : Ranking.rank(request.ballots, catalog: catalog)
    var reasons: [Int: [String]] = [:]
    var extraFindings: [Finding] = []
    let selection: [Int]
    let mode: PrioritizationResult.Mode
    if let given = request.selection {
      selection = given.sorted()
      mode = .checked
    } else {
      guard let ranking else {
        throw PrioritizationUsageError(
          message: "Give the selection to check with --select, or ballots to rank with --ballot.")
      }
      (selection, reasons, extraFindings) = recommend(request, ranking: ranking, catalog: catalog)
      mode = .recommended
    }
    let contextualized = Set(request.contextualized)
    let plan = Set(request.planStandards)
    let selected = selection.map { number -> SelectedStandard in
      let standard = catalog.standard(number)!
      let entry = ranking?.first { $0.standard == number }
      var why = reasons[number] ?? []
      if mode == .checked {
        why.append("Chosen by the group")
        if contextualized.contains(number) { why.append("Contextualized") }
        if plan.contains(number) { why.append("In the response plan") }
      }
      return SelectedStandard(
        standard: number, title: standard.title, pillar: standard.pillar, reasons: why, rank: entry?.rank,
        mean: entry?.mean, ballots: entry?.ballots, contextualized: contextualized.contains(number),
        inPlan: plan.contains(number), relatedPrinciples: standard.relatedPrinciples,
        linkedStandards: standard.linkedStandards)
    }
    let findings = check(selection, request: request, catalog: catalog) + extraFindings
    return PrioritizationResult(
      situation: request.situation, mode: mode, size: mode == .recommended ? request.size : nil, selected: selected,
      findings: findings.sorted { ($0.severity, $0.standard ?? 0) < ($1.severity, $1.standard ?? 0) },
      ranking: ranking, exceptions: request.exceptions.sorted { $0.standard < $1.standard },
      contextualized: request.contextualized.sorted(), planStandards: request.planStandards.sorted(),
      ballotFiles: request.ballots.count, ballots: request.ballots)
  }

  /// Refuses requests that mix options the situation does not use, so a typo never passes silently.
  static func validate(_ request: PrioritizationRequest) throws(PrioritizationUsageError) {
    func fail(_ message: String) throws(PrioritizationUsageError) { throw PrioritizationUsageError(message: message) }
    for (name, list) in [
      ("selection", request.selection ?? []), ("contextualized standards", request.contextualized),
      ("plan standards", request.planStandards),
    ] {
      if let bad = list.first(where: { !Catalog.standardNumbers.contains($0) }) {
        try fail("Standard \(bad) in the \(name) does not exist; standards are numbered 1 to 28.")
      }
      var seen: Set<Int> = []
      if let repeated = list.first(where: { !seen.insert($0).inserted }) {
        try fail("Standard \(repeated) appears twice in the \(name); list each standard once.")
      }
    }
    if !PrioritizationRequest.sizeRange.contains(request.size) {
      try fail("The size must be from 4 to 10 standards; \(request.size) is outside that range.")
    }
    switch request.situation {
    case .contextualized where request.contextualized.isEmpty:
      try fail("The 'contextualized' situation needs the contextualized standards: add --contextualized LIST.")
    case .none where !request.contextualized.isEmpty:
      try fail(
        "The 'none' situation means no standard was contextualized; use --situation contextualized (or plan) instead.")
    case .none where !request.exceptions.isEmpty:
      try fail(
        "Exceptions (--except) apply only to contextualized standards, which the 'none' situation does not have.")
    default: break
    }
    if request.situation != .plan && !request.planStandards.isEmpty {
      try fail("--plan-standards applies only when a response plan is in place (--situation plan).")
    }
    var seen: Set<Int> = []
    for exception in request.exceptions {
      if !request.contextualized.contains(exception.standard) {
        try fail(
          "The exception for standard \(exception.standard) names a standard that is not contextualized; "
            + "exceptions record why a contextualized standard is left out.")
      }
      if !seen.insert(exception.standard).inserted {
        try fail("Standard \(exception.standard) has two exceptions; record one reason per standard.")
      }
    }
  }

  /// The situation's rule applied to a selection.
  public static func check(_ selection: [Int], request: PrioritizationRequest, catalog: Catalog) -> [Finding] {
    var findings: [Finding] = []
    let range = PrioritizationRequest.sizeRange
    if !range.contains(selection.count) {
      let direction = selection.count < range.lowerBound ? "add" : "remove"
      let needed =
        selection.count < range.lowerBound ? range.lowerBound - selection.count : selection.count - range.upperBound
      findings.append(
        Finding(
          severity: .error, rule: Rule.size,
          message:
            "\(selection.count) standards selected; the guide asks for a limited number, 4 to 10"
            + (request.situation == .contextualized
              ? " (it gives no count for this situation: cpms applies the range of the plan situation by analogy)"
              : "") + ": \(direction) at least \(needed)."))
    }
    let chosen = Set(selection)
    for pillar in catalog.pillars where !pillar.standardNumbers.contains(where: chosen.contains) {
      let required = request.situation == .none
      findings.append(
        Finding(
          severity: required ? .error : .warning, rule: Rule.pillarCoverage,
          message: required
            ? "No standard from Pillar \(pillar.number) (\(pillar.title)); with no plan and nothing contextualized, "
              + "select at least one standard from each pillar."
            : "No standard from Pillar \(pillar.number) (\(pillar.title)); check this is intended."))
    }
    let exceptions = Dictionary(uniqueKeysWithValues: request.exceptions.map { ($0.standard, $0.reason) })
    for number in request.contextualized.sorted() where !chosen.contains(number) {
      let title = catalog.standardTitle(number)!
      if let reason = exceptions[number] {
        let why =
          switch reason {
          case .noConsensus: "the members could not reach consensus"
          case .principle(let p): "prioritizing it would go against Principle \(p) (\(catalog.principle(p)!.title))"
          }
        findings.append(
          Finding(
            severity: .note, rule: Rule.exception,
            message: "Standard \(number) (\(title)) is contextualized but left out: \(why).", standard: number))
      } else if request.situation == .contextualized {
        findings.append(
          Finding(
            severity: .error, rule: Rule.contextualized,
            message:
              "Standard \(number) (\(title)) is contextualized but not selected; select it, or record why with "
              + "--except \(number):no-consensus or --except \(number):principle-P.", standard: number))
      } else if request.situation == .plan {
        findings.append(
          Finding(
            severity: .warning, rule: Rule.contextualized,
            message: "Standard \(number) (\(title)) is contextualized but not selected; consider it.",
            standard: number))
      }
    }
    for number in request.contextualized.sorted() where chosen.contains(number) && exceptions[number] != nil {
      findings.append(
        Finding(
          severity: .warning, rule: Rule.exception,
          message:
            "Standard \(number) has an exception recorded but is selected; remove the exception or the standard.",
          standard: number))
    }
    if request.situation == .plan && !request.planStandards.isEmpty {
      let plan = Set(request.planStandards)
      for number in selection where !plan.contains(number) {
        findings.append(
          Finding(
            severity: .warning, rule: Rule.plan,
            message:
              "Standard \(number) (\(catalog.standardTitle(number)!)) is not among the standards the response "
              + "plan relies on; check the group supports it.", standard: number))
      }
    }
    return findings
  }

  /// Builds a selection of `size` standards from the ranking, in the order the rules give:
  /// contextualized or plan standards first, then one per pillar (situation none), then the best ranked.
  static func recommend(_ request: PrioritizationRequest, ranking: [RankingEntry], catalog: Catalog)
    -> ([Int], [Int: [String]], [Finding])
  {
    var picked: [Int] = []
    var reasons: [Int: [String]] = [:]
    var findings: [Finding] = []
    let entries = Dictionary(uniqueKeysWithValues: ranking.map { ($0.standard, $0) })
    func describe(_ number: Int) -> String {
      let entry = entries[number]!
      guard let mean = entry.mean else { return "Ranked \(entry.rank) of 28 (not scored)" }
      let plural = entry.ballots == 1 ? "" : "s"
      return "Ranked \(entry.rank) of 28 (mean \(formatMean(mean)) from \(entry.ballots) score\(plural))"
    }
    func add(_ number: Int, _ reason: String) {
      if !picked.contains(number) {
        guard picked.count < request.size else { return }
        picked.append(number)
        reasons[number] = [describe(number)]
      }
      reasons[number, default: []].append(reason)
    }
    let order = ranking.map(\.standard)
    let excepted = Set(request.exceptions.map(\.standard))
    switch request.situation {
    case .contextualized:
      let required = order.filter { request.contextualized.contains($0) && !excepted.contains($0) }
      for number in required { add(number, "Contextualized") }
      if required.count > request.size {
        let left = required.dropFirst(request.size).map(String.init).joined(separator: ", ")
        findings.append(
          Finding(
            severity: .note, rule: Rule.recommendation,
            message:
              "\(required.count) contextualized standards do not fit in \(request.size): raise --size (at most 10) "
              + "or record exceptions for the ones left out (\(left))."))
      }
    case .plan:
      for number in order where request.planStandards.contains(number) { add(number, "In the response plan") }
    case .none:
      for pillar in catalog.pillars {
        if let best = order.first(where: { pillar.standardNumbers.contains($0) }) {
          add(best, "Best ranked standard of Pillar \(pillar.number)")
        }
      }
    }
    for number in order where picked.count < request.size && !picked.contains(number) && !excepted.contains(number) {
      add(number, "Among the best ranked")
    }
    if request.situation == .plan {
      for number in picked where request.contextualized.contains(number) { reasons[number]?.append("Contextualized") }
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
