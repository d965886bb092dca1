#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// How a period's total compares with the indicator's target.
public enum TargetStatus: String, Sendable, Encodable {
  case met
  case notMet = "not met"
  /// The target is "set in context" and no contextualization sets it, or it cannot be compared.
  case noTarget = "no target"
  case noData = "no data"
}

/// The movement since the previous period with data.
public enum Trend: String, Sendable, Encodable {
  case up, down, same
}

/// One indicator in one period, added up over the reporting units.
public struct IndicatorPeriodResult: Sendable {
  public var period: MonitoringPeriod
  public var status: TargetStatus
  public var numerator: Int?
  public var denominator: Int?
  /// numerator / denominator × 100, unrounded.
  public var percentage: Double?
  public var value: Int?
  public var yesCount: Int?
  public var noCount: Int?
  /// The total answer: yes only when every unit that answered says yes.
  public var answer: Bool?
  /// Summed disaggregated figures, for the groups any unit gave.
  public var groups: [(group: MonitoringGroup, total: Int)]
  /// How many of the reporting units gave each family of groups (sex, age…), for the families any gave.
  public var groupUnits: [(family: MonitoringGroup.Family, units: Int)] = []
  public var reportingUnits: [ReportingUnit]
  /// Units expected this period that sent no figure: they reported the indicator in the previous
  /// period, or their row for it is blank.
  public var missingUnits: [ReportingUnit]
  public var trend: Trend?
  /// The change since the previous period with data: percentage points, or the count's difference.
  public var change: Double?
}

public struct IndicatorResult: Sendable {
  public var standard: StandardNumber
  public var id: String
  public var officialId: String?
  public var text: String
  public var kind: MeasureKind
  public var target: Target
  /// True when the target comes from the contextualization file rather than the global standards.
  public var localTarget: Bool
  public var periods: [IndicatorPeriodResult]
}

/// The whole report: per indicator of the selected standards and per period, with every finding.
public struct MonitoringReport: Sendable {
  public var contextName: String?
  public var standards: [(number: StandardNumber, title: String)]
  public var periods: [MonitoringPeriod]
  public var indicators: [IndicatorResult]
  public var findings: [Diagnostic]
  public var files: [String]
  /// Rows with figures that went into the totals.
  public var rowsUsed: Int
  /// Rows with figures left out because of an error in them.
  public var rowsRejected: Int
  public var units: [ReportingUnit]

  /// No figure is inconsistent: the report is complete.
  public var consistent: Bool { !findings.hasErrors }
}

/// Adds up the rows of all files into the report.
///
/// The rules, which README.md documents: a percentage is the sum of the numerators over the sum of the
/// denominators (never an average of the units' percentages); a count is the sum of the units' values;
/// a yes/no indicator is yes only when every unit that answered says yes; disaggregated figures are
/// summed per group. A percentage target is met when the total reaches it; a count target of 0 is a
/// ceiling (met when the total is 0), any other count target a floor; a yes or no target is met when
/// the total answer is that. When the same unit reports the same indicator for the same period twice,
/// the row read last (files in the order given, then line order) is used and the repeat is an error.
public enum MonitoringAggregator {
  public static func report(
    files: [MonitoringFile], catalog: Catalog, selection: [StandardNumber], selectionGiven: Bool,
    globalCatalog: Catalog? = nil, language: Language? = nil
  ) -> MonitoringReport {
    // Findings speak the catalog's language unless told otherwise; dates in them are for people.
    let t = Interface(language ?? catalog.language)
    let words = MonitoringRendering(language: language ?? catalog.language)
    var findings: [Diagnostic] = files.flatMap(\.diagnostics)
    let selected = Set(selection)
    // Keep the last row per indicator, unit and period; the earlier one is reported. Indicators,
    // units and periods are numbered as they come, so the key is three integers.
    struct Key: Hashable {
      var indicator: Int
      var unit: Int
      var period: Int
    }
    var indicatorNumbers: [String: Int] = [:]
    var unitNumbers: [ReportingUnit: Int] = [:]
    var periodNumbers: [MonitoringPeriod: Int] = [:]
    func number<T: Hashable>(_ value: T, in numbers: inout [T: Int]) -> Int {
      if let known = numbers[value] { return known }
      numbers[value] = numbers.count
      return numbers.count - 1
    }
    // Every row once, in reading order; the rest works on positions in it.
    let all = files.flatMap(\.rows)
    var latest: [Key: Int] = [:]
    latest.reserveCapacity(all.count)
    var order: [Key] = []
    order.reserveCapacity(all.count)
    var outside: [String: (count: Int, first: MonitoringRow)] = [:]
    for (index, row) in all.enumerated() {
      if selectionGiven && !selected.contains(row.standard) {
        if let seen = outside[row.indicatorID] {
          outside[row.indicatorID] = (seen.count + 1, seen.first)
        } else {
          outside[row.indicatorID] = (1, row)
        }
        continue
      }
      let key = Key(
        indicator: number(row.indicatorID, in: &indicatorNumbers), unit: number(row.unit, in: &unitNumbers),
        period: number(row.period, in: &periodNumbers))
      if let earlierIndex = latest[key] {
        let earlier = all[earlierIndex]
        // Two blank rows, or a blank row then figures, are not a conflict.
        if earlier.figure != .blank && row.figure != .blank {
          findings.append(
            Diagnostic(
              .error, rule: "duplicate-report",
              message: t(
                "mon.report.duplicate", words.unit(row.unit), row.indicatorID, words.period(row.period),
                "\(earlier.file):\(earlier.line)"),
              location: DiagnosticLocation(file: row.file, line: row.line), standard: row.standard.value))
        }
        if row.figure == .blank && earlier.figure != .blank { continue }
      } else {
        order.append(key)
      }
      latest[key] = index
    }
    for (id, seen) in outside.sorted(by: { ($0.value.first.standard, $0.key) < ($1.value.first.standard, $1.key) }) {
      findings.append(
        Diagnostic(
          .warning, rule: "not-in-selection",
          message: t.counted("mon.report.notInSelection", seen.count, id, seen.first.standard),
          location: DiagnosticLocation(file: seen.first.file, line: seen.first.line),
          standard: seen.first.standard.value))
    }
    // Positions of the rows kept, by indicator and period.
    var byIndicator: [String: [MonitoringPeriod: [Int]]] = [:]
    var periodSet: Set<MonitoringPeriod> = []
    var standardSet: Set<StandardNumber> = []
    var unitSet: Set<ReportingUnit> = []
    var used = 0
    for key in order {
      let index = latest[key]!
      let row = all[index]
      byIndicator[row.indicatorID, default: [:]][row.period, default: []].append(index)
      periodSet.insert(row.period)
      standardSet.insert(row.standard)
      if row.figure != .blank {
        used += 1
        unitSet.insert(row.unit)
      }
    }
    let periods = periodSet.sorted()
    // Partners who date the same round differently make two periods that overlap: say so once per pair.
    for (earlier, later) in zip(periods, periods.dropFirst()) where later.start <= earlier.end {
      findings.append(
        Diagnostic(
          .warning, rule: "overlapping-periods",
          message: t("mon.report.overlap", words.period(earlier), words.period(later))))
    }
    let standards = selectionGiven ? selection : standardSet.sorted()
    var results: [IndicatorResult] = []
    for (number, indicator) in MonitoringSheet.indicators(catalog: catalog, standards: standards) {
      let rows = byIndicator[indicator.id] ?? [:]
      // A local target: the context changed the global one, or added the indicator.
      let global = globalCatalog?.standard(number).indicators.first { $0.id == indicator.id }
      let local = catalog.contextName != nil && globalCatalog != nil && global?.target != indicator.target
      if case .setInContext = indicator.target {
        findings.append(
          Diagnostic(
            .warning, rule: "no-local-target",
            message: t(
              catalog.contextName == nil ? "mon.report.noLocalTargetHint" : "mon.report.noLocalTarget", indicator.id),
            standard: number.value))
      }
      var periodResults: [IndicatorPeriodResult] = []
      var previousUnits: Set<ReportingUnit> = []
      var previousWithData: IndicatorPeriodResult?
      for period in periods {
        let inPeriod = (rows[period] ?? []).map { all[$0] }
        var result = aggregate(inPeriod, period: period, kind: indicator.measureKind, target: indicator.target)
        let reported = Set(result.reportingUnits)
        let blank = Set(inPeriod.filter { $0.figure == .blank }.map(\.unit))
        result.missingUnits = previousUnits.union(blank).subtracting(reported).sorted()
        if result.status != .noData {
          if let previous = previousWithData { compare(&result, with: previous) }
          previousWithData = result
          previousUnits = reported
        }
        periodResults.append(result)
      }
      results.append(
        IndicatorResult(
          standard: number, id: indicator.id, officialId: indicator.officialId, text: indicator.text,
          kind: indicator.measureKind, target: indicator.target, localTarget: local, periods: periodResults))
    }
    // By file, line and column; findings without a place last; equal places keep the order found
    // (which follows the files and the indicators), so the same input always gives the same report.
    findings = findings.enumerated().sorted { lhs, rhs in
      let (left, right) = (lhs.element.location, rhs.element.location)
      return (left?.file ?? "\u{10FFFF}", left?.line ?? 0, left?.column ?? 0, lhs.offset)
        < (right?.file ?? "\u{10FFFF}", right?.line ?? 0, right?.column ?? 0, rhs.offset)
    }.map(\.element)
    return MonitoringReport(
      contextName: catalog.contextName, standards: standards.map { ($0, catalog.title(of: $0)) }, periods: periods,
      indicators: results, findings: findings, files: files.map(\.path), rowsUsed: used,
      rowsRejected: files.reduce(0) { $0 + $1.rejectedRows }, units: unitSet.sorted())
  }

  /// One indicator's rows for one period, added up and compared with the target.
  static func aggregate(_ rows: [MonitoringRow], period: MonitoringPeriod, kind: MeasureKind, target: Target)
    -> IndicatorPeriodResult
  {
    var result = IndicatorPeriodResult(
      period: period, status: .noData, groups: [], reportingUnits: [], missingUnits: [])
    var numerator = 0
    var denominator = 0
    var value = 0
    var yes = 0
    var no = 0
    var groups = [Int](repeating: 0, count: MonitoringGroup.allCases.count)
    var given = [Bool](repeating: false, count: MonitoringGroup.allCases.count)
    var familyUnits = [Int](repeating: 0, count: MonitoringGroup.Family.allCases.count)
    var units: [ReportingUnit] = []
    for row in rows {
      switch row.figure {
      case .blank: continue
      case .share(let n, let d):
        numerator += n
        denominator += d
      case .count(let v): value += v
      case .answer(let answer): if answer { yes += 1 } else { no += 1 }
      }
      units.append(row.unit)
      for (familyIndex, family) in MonitoringGroup.Family.allCases.enumerated() {
        var gave = false
        for group in family.groups {
          if let figure = row.groups[group] {
            groups[group.index] += figure
            given[group.index] = true
            gave = true
          }
        }
        if gave { familyUnits[familyIndex] += 1 }
      }
    }
    result.reportingUnits = units.sorted()
    result.groups = MonitoringGroup.allCases.filter { given[$0.index] }.map { ($0, groups[$0.index]) }
    result.groupUnits = zip(MonitoringGroup.Family.allCases, familyUnits).filter { $0.1 > 0 }.map { ($0.0, $0.1) }
    guard !units.isEmpty else { return result }
    switch kind {
    case .percentage:
      result.numerator = numerator
      result.denominator = denominator
      result.percentage = Double(numerator) * 100 / Double(denominator)
      if case .percentage(let goal) = target {
        result.status = Double(numerator) * 100 >= goal * Double(denominator) ? .met : .notMet
      } else {
        result.status = .noTarget
      }
    case .number:
      result.value = value
      if case .number(let goal) = target {
        result.status = (goal == 0 ? Double(value) <= 0 : Double(value) >= goal) ? .met : .notMet
      } else {
        result.status = .noTarget
      }
    case .yesNo:
      result.yesCount = yes
      result.noCount = no
      result.answer = no == 0
      switch target {
      case .yes: result.status = no == 0 ? .met : .notMet
      case .no: result.status = no > 0 ? .met : .notMet
      default: result.status = .noTarget
      }
    }
    return result
  }

  static func compare(_ result: inout IndicatorPeriodResult, with previous: IndicatorPeriodResult) {
    var change: Double?
    if let now = result.percentage, let before = previous.percentage {
      change = now - before
    } else if let now = result.value, let before = previous.value {
      change = Double(now - before)
    } else if let now = result.answer, let before = previous.answer {
      result.trend = now == before ? .same : (now ? .up : .down)
      return
    }
    guard let change else { return }
    // Changes smaller than the one decimal shown read as no change.
    result.change = change
    result.trend = abs(change) < 0.05 ? .same : (change > 0 ? .up : .down)
  }
}
