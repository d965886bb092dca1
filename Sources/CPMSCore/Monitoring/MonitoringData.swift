#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// When a reporting period starts and ends (both days included).
public struct MonitoringPeriod: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var start: CalendarDate
  public var end: CalendarDate

  public init(start: CalendarDate, end: CalendarDate) {
    self.start = start
    self.end = end
  }

  public static func < (lhs: MonitoringPeriod, rhs: MonitoringPeriod) -> Bool {
    (lhs.start, lhs.end) < (rhs.start, rhs.end)
  }

  public var description: String { "\(start) to \(end)" }
}

/// Who reports from where: an organisation at a location. Organisations are told apart without
/// regard to case or surrounding spaces, locations by their code.
public struct ReportingUnit: Sendable, Hashable, Comparable, CustomStringConvertible {
  public let organisation: String
  public let locationCode: String
  /// What tells units apart, worked out once: units are compared and hashed many times per report.
  let key: String
  /// The order people expect in any language: accents, case and Arabic vowel marks ignored
  /// ("Équipe" among the E's, not after "Z"); `key` breaks ties so the order is total.
  let sortKey: String

  public init(organisation: String, locationCode: String) {
    self.organisation = organisation
    self.locationCode = locationCode
    key = organisation.lowercased() + "\u{1F}" + locationCode.lowercased()
    sortKey = TextFolding.fold(organisation) + "\u{1F}" + TextFolding.fold(locationCode)
  }

  public static func == (lhs: ReportingUnit, rhs: ReportingUnit) -> Bool { lhs.key == rhs.key }
  public func hash(into hasher: inout Hasher) { hasher.combine(key) }
  public static func < (lhs: ReportingUnit, rhs: ReportingUnit) -> Bool {
    (lhs.sortKey, lhs.key) < (rhs.sortKey, rhs.key)
  }

  public var description: String {
    switch (organisation.isEmpty, locationCode.isEmpty) {
    case (false, false): "\(organisation) in \(locationCode)"
    case (false, true): organisation
    default: locationCode
    }
  }
}

/// What one row reports.
public enum ReportedFigure: Sendable, Equatable {
  case share(numerator: Int, denominator: Int)
  case count(Int)
  case answer(Bool)
  /// The row names the indicator, unit and period but carries no figure: not reported.
  case blank
}

/// One row of a monitoring sheet, read and checked.
public struct MonitoringRow: Sendable {
  public var file: String
  public var line: Int
  public var standard: StandardNumber
  public var indicatorID: String
  public var period: MonitoringPeriod
  public var unit: ReportingUnit
  public var figure: ReportedFigure
  public var groups: GroupFigures
}

/// A row's disaggregated figures, one optional count per group, held inline: a sheet has many rows,
/// and a dictionary per row would cost an allocation each.
public struct GroupFigures: Sendable, Equatable {
  // -1 stands for "not given" (figures are never negative): eight bytes a group, not sixteen.
  private var female = -1, male = -1, age0to5 = -1, age6to11 = -1, age12to17 = -1, age18plus = -1
  private var withDisability = -1, idps = -1, refugees = -1, hostCommunity = -1

  public init() {}

  public subscript(group: MonitoringGroup) -> Int? {
    get {
      let value =
        switch group {
        case .female: female
        case .male: male
        case .age0to5: age0to5
        case .age6to11: age6to11
        case .age12to17: age12to17
        case .age18plus: age18plus
        case .withDisability: withDisability
        case .idps: idps
        case .refugees: refugees
        case .hostCommunity: hostCommunity
        }
      return value < 0 ? nil : value
    }
    set {
      let value = newValue ?? -1
      switch group {
      case .female: female = value
      case .male: male = value
      case .age0to5: age0to5 = value
      case .age6to11: age6to11 = value
      case .age12to17: age12to17 = value
      case .age18plus: age18plus = value
      case .withDisability: withDisability = value
      case .idps: idps = value
      case .refugees: refugees = value
      case .hostCommunity: hostCommunity = value
      }
    }
  }
}

extension MonitoringGroup {
  /// The group's place in `allCases`.
  var index: Int {
    switch self {
    case .female: 0
    case .male: 1
    case .age0to5: 2
    case .age6to11: 3
    case .age12to17: 4
    case .age18plus: 5
    case .withDisability: 6
    case .idps: 7
    case .refugees: 8
    case .hostCommunity: 9
    }
  }
}

/// One monitoring file read: its usable rows and its findings. `malformed` is set when the file as a
/// whole cannot be read as a monitoring sheet (not CSV, no header, required columns missing).
public struct MonitoringFile: Sendable {
  public var path: String
  public var rows: [MonitoringRow]
  public var diagnostics: [Diagnostic]
  public var malformed: Bool
  /// Rows that carried figures but were left out because of an error in them.
  public var rejectedRows: Int
}

/// Reads partners' monitoring sheets: CSV with `,` or `;`, with or without the HXL hashtag row. Columns
/// are found by their hashtag when the file has an HXL row (so a partner's own headers work), else by
/// the header names of `cpms monitor template`; other columns are ignored.
public enum MonitoringReader {
  /// A monitoring sheet of a whole response for a year stays far below this.
  public static let maxFileSize = 256 * 1024 * 1024
  /// Figures above this are typing errors, and keeping them below it keeps sums exact.
  public static let maxFigure = 1_000_000_000_000
  /// The columns a sheet cannot do without.
  static let required: [MonitoringColumn.Key] = [.indicatorID, .periodStart, .periodEnd]

  /// True when the bytes look like a monitoring sheet: a header or HXL row naming the indicator id column.
  public static func looksLikeMonitoringSheet(_ bytes: [UInt8]) -> Bool {
    let head = String(decoding: bytes.prefix(64 * 1024), as: UTF8.self).lowercased()
    let firstLines = head.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).prefix(3)
    return firstLines.contains { $0.contains("#indicator+code") || $0.contains("indicator_id") }
  }

  /// Reads a sheet, with findings in the catalog's language.
  public static func read(_ bytes: [UInt8], path: String, catalog: Catalog) -> MonitoringFile {
    read(bytes, path: path, indicators: IndicatorIndex(catalog: catalog), language: catalog.language)
  }

  /// Reads with an index of the catalog's indicators built once for many files; findings are written
  /// in `language` (their rule ids stay).
  public static func read(_ bytes: [UInt8], path: String, indicators: IndicatorIndex, language: Language = .en)
    -> MonitoringFile
  {
    let t = Interface(language)
    var file = MonitoringFile(path: path, rows: [], diagnostics: [], malformed: false, rejectedRows: 0)
    func malformed(_ rule: String, _ message: String, line: Int = 1, column: Int? = nil) -> MonitoringFile {
      file.diagnostics.append(
        Diagnostic(
          .error, rule: rule, message: message, location: DiagnosticLocation(file: path, line: line, column: column)))
      file.malformed = true
      return file
    }
    if bytes.count > maxFileSize {
      return malformed("file-too-large", t("mon.sheet.tooLarge", maxFileSize / 1_048_576))
    }
    if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
      return malformed("workbook", t("mon.sheet.workbook"))
    }
    let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
    guard let text = String(validating: body, as: UTF8.self) else {
      return malformed("not-utf8", t("mon.sheet.notUTF8"))
    }
    let records: [CSV.Record]
    do {
      records = try CSV.parse(text, delimiter: CSV.detectDelimiter(in: text))
    } catch {
      // The reader's own words for too many columns speak of ballots.
      let message =
        error.message.contains("more than \(CSV.maxColumns) columns")
        ? t("mon.sheet.tooManyColumns", CSV.maxColumns, MonitoringSheet.columns.count)
        : error.message
      return malformed("csv-syntax", t("mon.sheet.csvSyntax", message), line: error.line)
    }
    var index = 0
    while index < records.count && records[index].isBlank { index += 1 }
    guard index < records.count else {
      return malformed("empty-file", t("mon.sheet.empty"))
    }
    var header: CSV.Record? = records[index]
    var tags: CSV.Record?
    if isHashtagRow(records[index]) {
      tags = records[index]
      header = nil
    } else if index + 1 < records.count && isHashtagRow(records[index + 1]) {
      tags = records[index + 1]
      index += 1
    }
    index += 1
    let (columns, problems) = mapColumns(header: header, tags: tags, path: path, language: language)
    file.diagnostics += problems
    if problems.hasErrors {
      file.malformed = true
      return file
    }
    let missing = required.filter { columns[$0] == nil }
    if !missing.isEmpty {
      let names = missing.compactMap { key in MonitoringSheet.columns.first { $0.key == key } }
        .map { "\($0.header) (\($0.hashtag))" }
      return malformed(
        "missing-column", t("mon.sheet.missingColumn", CSVNames.list(names, t)), line: (header ?? tags)?.line ?? 1)
    }
    var checker = RowChecker(path: path, columns: columns, indicators: indicators, language: language)
    for record in records[index...] where !record.isBlank {
      checker.check(record, into: &file)
    }
    return file
  }

  /// A row of hashtags: every non-empty cell starts with "#", and at least one does.
  static func isHashtagRow(_ record: CSV.Record) -> Bool {
    var any = false
    for field in record.fields {
      let trimmed = field.trimmingWhitespace()
      if trimmed.isEmpty { continue }
      guard trimmed.hasPrefix("#") else { return false }
      any = true
    }
    return any
  }

  /// `#Indicator +num+Numerator` and `#indicator+numerator+num` are the same column.
  static func normalizedHashtag(_ text: String) -> String {
    let compact = text.lowercased().filter { !$0.isWhitespace }
    let parts = compact.split(separator: "+", omittingEmptySubsequences: true)
    guard let tag = parts.first else { return compact }
    return ([tag] + parts.dropFirst().sorted()).joined(separator: "+")
  }

  static func normalizedHeader(_ text: String) -> String {
    text.trimmingWhitespace().lowercased().replacing(" ", with: "_").replacing("-", with: "_")
  }

  static let byHashtag: [String: MonitoringColumn.Key] = Dictionary(
    uniqueKeysWithValues: MonitoringSheet.columns.map { (normalizedHashtag($0.hashtag), $0.key) })
  static let byHeader: [String: MonitoringColumn.Key] = Dictionary(
    uniqueKeysWithValues: MonitoringSheet.columns.map { ($0.header, $0.key) })

  static func mapColumns(header: CSV.Record?, tags: CSV.Record?, path: String, language: Language = .en)
    -> ([MonitoringColumn.Key: Int], [Diagnostic])
  {
    var columns: [MonitoringColumn.Key: Int] = [:]
    var problems: [Diagnostic] = []
    let count = max(header?.fields.count ?? 0, tags?.fields.count ?? 0)
    for position in 0..<count {
      var key: MonitoringColumn.Key?
      if let tags, position < tags.fields.count, !tags.fields[position].trimmingWhitespace().isEmpty {
        key = byHashtag[normalizedHashtag(tags.fields[position])]
      }
      if key == nil, let header, position < header.fields.count {
        key = byHeader[normalizedHeader(header.fields[position])]
      }
      guard let key else { continue }
      if let earlier = columns[key] {
        let name = MonitoringSheet.columns.first { $0.key == key }?.header ?? "?"
        problems.append(
          Diagnostic(
            .error, rule: "repeated-column",
            message: Interface(language)("mon.sheet.repeatedColumn", earlier + 1, position + 1, name),
            location: DiagnosticLocation(file: path, line: (tags ?? header)?.line ?? 1, column: position + 1)))
        continue
      }
      columns[key] = position
    }
    return (columns, problems)
  }
}

/// "a, b or c" in the language, without depending on the command-line module.
enum CSVNames {
  static func list(_ items: [String], _ t: Interface) -> String {
    guard items.count > 1 else { return items.first ?? "" }
    return t("mon.or", items.dropLast().joined(separator: t("list.comma")), items.last!)
  }
}

/// The catalog's indicators by cpms id and by official id.
public struct IndicatorIndex: Sendable {
  var byID: [String: (StandardNumber, Indicator)] = [:]
  var byOfficialID: [String: (StandardNumber, Indicator)] = [:]

  public init(catalog: Catalog) {
    for number in StandardNumber.all {
      for indicator in catalog.standard(number).indicators {
        byID[indicator.id.lowercased()] = (number, indicator)
        if let official = indicator.officialId { byOfficialID[official.lowercased()] = (number, indicator) }
      }
    }
  }

  func find(_ id: String) -> (StandardNumber, Indicator)? {
    byID[id.lowercased()] ?? byOfficialID[id.lowercased()]
  }
}

/// Checks one data row after another, keeping the findings in the file.
struct RowChecker {
  let path: String
  /// The position of each column in the file, by the column's place in `MonitoringSheet.columns`.
  let positions: [Int?]
  let indicators: IndicatorIndex

  /// The language of the findings.
  let t: Interface

  init(path: String, columns: [MonitoringColumn.Key: Int], indicators: IndicatorIndex, language: Language = .en) {
    self.path = path
    t = Interface(language)
    positions = MonitoringSheet.columns.map { columns[$0.key] }
    self.indicators = indicators
  }

  /// Dates repeat on every row of a sheet: each text is parsed once.
  var dates: [String: CalendarDate?] = [:]
  /// Units repeat too: rows of the same unit share one value (and its normalised key).
  var units: [String: [String: ReportingUnit]] = [:]

  mutating func unit(_ organisation: String, _ locationCode: String) -> ReportingUnit {
    if let known = units[organisation]?[locationCode] { return known }
    let unit = ReportingUnit(organisation: organisation, locationCode: locationCode)
    units[organisation, default: [:]][locationCode] = unit
    return unit
  }

  func cell(_ record: CSV.Record, _ key: MonitoringColumn.Key) -> String? {
    guard let position = positions[key.ordinal], position < record.fields.count else { return nil }
    let field = record.fields[position]
    if field.isEmpty { return nil }
    let text = field.trimmingWhitespace()
    guard text.utf8.count <= 3 else { return text }
    switch text.lowercased() {
    case "", "n/a", "na", "-": return nil
    default: return text
    }
  }

  func location(_ record: CSV.Record, _ key: MonitoringColumn.Key?) -> DiagnosticLocation {
    DiagnosticLocation(file: path, line: record.line, column: key.flatMap { positions[$0.ordinal] }.map { $0 + 1 })
  }

  mutating func check(_ record: CSV.Record, into file: inout MonitoringFile) {
    var errors: [Diagnostic] = []
    func error(_ rule: String, _ key: MonitoringColumn.Key?, _ message: String, standard: StandardNumber? = nil) {
      errors.append(
        Diagnostic(.error, rule: rule, message: message, location: location(record, key), standard: standard?.value))
    }
    let figureKeys: [MonitoringColumn.Key] = [.numerator, .denominator, .value, .answer]
    let hasFigure = figureKeys.contains { cell(record, $0) != nil }
    guard let id = cell(record, .indicatorID) ?? cell(record, .officialID) else {
      if hasFigure {
        error(
          "missing-indicator-id", .indicatorID, t("mon.row.noIndicator"))
        file.diagnostics += errors
        file.rejectedRows += 1
      }
      return
    }
    guard let (standard, indicator) = indicators.find(id) else {
      error("unknown-indicator", .indicatorID, t("mon.row.unknownIndicator", Excerpt.of(id)))
      file.diagnostics += errors
      if hasFigure { file.rejectedRows += 1 }
      return
    }
    // Numbers: whole, not negative, not absurd.
    /// A column's name in the findings: its header, the same in every language.
    func name(_ key: MonitoringColumn.Key) -> String { MonitoringSheet.columns[key.ordinal].header }
    func number(_ key: MonitoringColumn.Key) -> Int? {
      guard let text = cell(record, key) else { return nil }
      if let value = Int(text), value >= 0 {
        if value > MonitoringReader.maxFigure {
          error("number-too-large", key, t("mon.row.tooLarge", name(key), Excerpt.of(text)), standard: standard)
          return nil
        }
        return value
      }
      if let value = Double(text), value < 0 {
        error("negative-number", key, t("mon.row.negative", name(key), Excerpt.of(text)), standard: standard)
      } else if text.contains(",") || text.contains(" ") || text.contains("\u{A0}") {
        error("not-a-number", key, t("mon.row.separators", name(key), Excerpt.of(text)), standard: standard)
      } else {
        error("not-a-number", key, t("mon.row.notNumber", name(key), Excerpt.of(text)), standard: standard)
      }
      return nil
    }
    func date(_ key: MonitoringColumn.Key) -> CalendarDate? {
      guard let text = cell(record, key) else { return nil }
      let parsed: CalendarDate?
      if let known = dates[text] {
        parsed = known
      } else {
        parsed = CalendarDate(parsing: text)
        dates[text] = parsed
      }
      guard let date = parsed else {
        error("bad-date", key, t("mon.row.badDate", name(key), Excerpt.of(text)), standard: standard)
        return nil
      }
      return date
    }
    let start = date(.periodStart)
    let end = date(.periodEnd)
    var period: MonitoringPeriod?
    if let start, let end {
      if end < start {
        error(
          "period-order", .periodEnd,
          t("mon.row.periodOrder", t.date(end.description), t.date(start.description)), standard: standard)
      } else {
        period = MonitoringPeriod(start: start, end: end)
      }
    } else if errors.isEmpty {
      if !hasFigure { return }
      let empty: MonitoringColumn.Key = start == nil ? .periodStart : .periodEnd
      error("missing-period", empty, t("mon.row.missingPeriod", name(empty)), standard: standard)
    }
    let organisation = cell(record, .organisation) ?? ""
    let locationCode = cell(record, .locationCode) ?? ""
    if organisation.isEmpty && locationCode.isEmpty && hasFigure {
      error("missing-unit", .organisation, t("mon.row.missingUnit"), standard: standard)
    }
    var figure = ReportedFigure.blank
    var total: Int?
    switch indicator.measureKind {
    case .percentage:
      let numerator = number(.numerator)
      let denominator = number(.denominator)
      switch (numerator, denominator) {
      case (let numerator?, let denominator?):
        if denominator == 0 {
          error("zero-denominator", .denominator, t("mon.row.zeroDenominator"), standard: standard)
        } else if numerator > denominator {
          error(
            "numerator-above-denominator", .numerator,
            t("mon.row.numeratorAbove", numerator, denominator, indicator.id), standard: standard)
        } else {
          figure = .share(numerator: numerator, denominator: denominator)
          total = numerator
        }
      case (nil, nil):
        if cell(record, .numerator) == nil && cell(record, .denominator) == nil && cell(record, .value) != nil {
          error("wrong-figure", .value, t("mon.row.percentageNotValue", indicator.id), standard: standard)
        }
      case (_, nil) where cell(record, .denominator) == nil:
        error("missing-figure", .denominator, t("mon.row.noDenominator"), standard: standard)
      case (nil, _) where cell(record, .numerator) == nil:
        error("missing-figure", .numerator, t("mon.row.noNumerator"), standard: standard)
      default: break
      }
    case .number:
      if let value = number(.value) {
        figure = .count(value)
        total = value
      } else if cell(record, .value) == nil && (cell(record, .numerator) != nil || cell(record, .denominator) != nil) {
        error("wrong-figure", .value, t("mon.row.countInValue", indicator.id), standard: standard)
      }
    case .yesNo:
      if let text = cell(record, .answer) {
        switch text.lowercased() {
        case "yes", "y", "true", "1", "oui", "sí", "si": figure = .answer(true)
        case "no", "n", "false", "0", "non": figure = .answer(false)
        default:
          error("bad-answer", .answer, t("mon.row.badAnswer", Excerpt.of(text)), standard: standard)
        }
      } else if cell(record, .value) != nil || cell(record, .numerator) != nil {
        error("wrong-figure", .answer, t("mon.row.answerInYesNo", indicator.id), standard: standard)
      }
    }
    var groups = GroupFigures()
    for group in MonitoringGroup.allCases {
      if let value = number(.group(group)) { groups[group] = value }
    }
    if let total {
      for family in MonitoringGroup.Family.allCases {
        let given = family.groups.compactMap { groups[$0] }
        guard !given.isEmpty else { continue }
        let sum = given.reduce(0, +)
        let first = family.groups.first { groups[$0] != nil }.map { MonitoringColumn.Key.group($0) }
        if family == .disability {
          if sum > total {
            error("disaggregation-total", first, t("mon.row.disabilityAboveTotal", sum, total), standard: standard)
          }
        } else if sum != total {
          let names = family.groups.map(\.rawValue).joined(separator: " + ")
          error(
            "disaggregation-total", first,
            t("mon.row.groupsTotal", t("mon.family." + family.rawValue), sum, names, total), standard: standard)
        }
      }
    }
    file.diagnostics += errors
    guard errors.isEmpty, let period else {
      if hasFigure { file.rejectedRows += 1 }
      return
    }
    file.rows.append(
      MonitoringRow(
        file: path, line: record.line, standard: standard, indicatorID: indicator.id, period: period,
        unit: unit(organisation, locationCode), figure: figure,
        groups: total == nil ? GroupFigures() : groups))
  }
}

extension MonitoringReader {
  /// Reads a list of reporting units for the template: CSV with the sheet's `organisation`,
  /// `admin_level`, `location_code` and `location_name` columns (by header or HXL hashtag).
  public static func units(_ bytes: [UInt8], path: String, language: Language = .en) throws(Diagnostic)
    -> [MonitoringSheet.Unit]
  {
    let t = Interface(language)
    func failure(_ rule: String, _ message: String, line: Int = 1) -> Diagnostic {
      Diagnostic(.error, rule: rule, message: message, location: DiagnosticLocation(file: path, line: line))
    }
    let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
    guard bytes.count <= maxFileSize, let text = String(validating: body, as: UTF8.self) else {
      throw failure("not-utf8", t("mon.units.notUTF8"))
    }
    let records: [CSV.Record]
    do {
      records = try CSV.parse(text, delimiter: CSV.detectDelimiter(in: text)).filter { !$0.isBlank }
    } catch {
      throw failure("csv-syntax", t("mon.units.csvSyntax", error.message), line: error.line)
    }
    guard let first = records.first else {
      throw failure("empty-file", t("mon.units.empty"))
    }
    var start = 1
    var tags: CSV.Record?
    var header: CSV.Record? = first
    if isHashtagRow(first) {
      (tags, header) = (first, nil)
    } else if records.count > 1 && isHashtagRow(records[1]) {
      tags = records[1]
      start = 2
    }
    let (columns, problems) = mapColumns(header: header, tags: tags, path: path, language: language)
    if let problem = problems.first { throw problem }
    guard columns[.organisation] != nil || columns[.locationCode] != nil else {
      throw failure("missing-column", t("mon.units.missingColumn"), line: first.line)
    }
    var units: [MonitoringSheet.Unit] = []
    for record in records.dropFirst(start) {
      func cell(_ key: MonitoringColumn.Key) -> String {
        guard let position = columns[key], position < record.fields.count else { return "" }
        return record.fields[position].trimmingWhitespace()
      }
      let unit = MonitoringSheet.Unit(
        organisation: cell(.organisation), adminLevel: cell(.adminLevel), locationCode: cell(.locationCode),
        locationName: cell(.locationName))
      if unit.organisation.isEmpty && unit.locationCode.isEmpty { continue }
      units.append(unit)
    }
    return units
  }
}
