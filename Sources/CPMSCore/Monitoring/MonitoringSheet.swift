#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// How an indicator's figures are reported and added up across reporting units.
public enum MeasureKind: String, Sendable, Encodable, CaseIterable {
  /// A share: each unit reports a numerator and a denominator; the total is the sum of the numerators
  /// over the sum of the denominators.
  case percentage
  /// A yes/no statement: each unit answers yes or no; the total is yes only when every unit says yes.
  case yesNo = "yes-no"
  /// A count: each unit reports a value; the total is their sum.
  case number
}

extension Indicator {
  /// How the indicator is reported: a share when it is read as a percentage, yes/no when its target is
  /// yes or no, a count otherwise.
  public var measureKind: MeasureKind {
    if isPercentage { return .percentage }
    switch target {
    case .yes, .no: return .yesNo
    default: return .number
    }
  }
}

/// The groups a reported figure can be split into: they follow the indicator's disaggregation (sex,
/// age, disability, displacement status); location and organisation are the reporting unit itself.
public enum MonitoringGroup: String, Sendable, CaseIterable, Encodable {
  case female
  case male
  case age0to5 = "age_0_5"
  case age6to11 = "age_6_11"
  case age12to17 = "age_12_17"
  case age18plus = "age_18_plus"
  case withDisability = "with_disability"
  case idps
  case refugees
  case hostCommunity = "host_community"

  /// The sets whose parts must add up to the total when any part is given.
  public enum Family: String, Sendable, CaseIterable {
    case sex, age, disability, displacement

    public var groups: [MonitoringGroup] {
      MonitoringGroup.allCases.filter { $0.family == self }
    }

    /// The indicator disaggregation that asks for this family.
    var disaggregation: Disaggregation {
      switch self {
      case .sex: .sex
      case .age: .age
      case .disability: .disability
      case .displacement: .displacementStatus
      }
    }
  }

  public var family: Family {
    switch self {
    case .female, .male: .sex
    case .age0to5, .age6to11, .age12to17, .age18plus: .age
    case .withDisability: .disability
    case .idps, .refugees, .hostCommunity: .displacement
    }
  }

  /// The group in a sentence.
  public var label: String {
    switch self {
    case .female: "female"
    case .male: "male"
    case .age0to5: "aged 0-5"
    case .age6to11: "aged 6-11"
    case .age12to17: "aged 12-17"
    case .age18plus: "aged 18+"
    case .withDisability: "with a disability"
    case .idps: "internally displaced"
    case .refugees: "refugees"
    case .hostCommunity: "host community"
    }
  }
}

/// One column of the monitoring sheet: the header partners see and the HXL hashtag under it.
public struct MonitoringColumn: Sendable, Equatable {
  public var key: Key
  public var header: String
  public var hashtag: String

  public enum Key: Sendable, Hashable {
    case indicatorID, officialID, indicator, measure, periodStart, periodEnd, adminLevel, locationCode
    case locationName, organisation, numerator, denominator, value, answer, source, comment
    case group(MonitoringGroup)

    /// The column's place in `MonitoringSheet.columns`.
    var ordinal: Int {
      switch self {
      case .indicatorID: 0
      case .officialID: 1
      case .indicator: 2
      case .measure: 3
      case .periodStart: 4
      case .periodEnd: 5
      case .adminLevel: 6
      case .locationCode: 7
      case .locationName: 8
      case .organisation: 9
      case .numerator: 10
      case .denominator: 11
      case .value: 12
      case .answer: 13
      case .group(let group): 14 + group.index
      case .source: 24
      case .comment: 25
      }
    }
  }
}

/// The reporting sheet partners fill in each round: its columns, their HXL hashtags, and the template.
///
/// Hashtags come from the HXL core dictionary where one fits (`#indicator+code`, `#date+start`,
/// `#loc+code`, `#org+name`, `#affected+f`, `#meta+source`…). A few attributes are cpms's own, as
/// HXL allows: `+official`, `+numerator`, `+denominator`, `+answer`, the age bands (`+age0_5`…, in the
/// dictionary's style for custom age ranges), `+disabled` and `+hostcommunity`.
public enum MonitoringSheet {
  public static let columns: [MonitoringColumn] = [
    MonitoringColumn(key: .indicatorID, header: "indicator_id", hashtag: "#indicator+code"),
    MonitoringColumn(key: .officialID, header: "official_id", hashtag: "#indicator+code+official"),
    MonitoringColumn(key: .indicator, header: "indicator", hashtag: "#indicator+name"),
    MonitoringColumn(key: .measure, header: "measure", hashtag: "#indicator+type"),
    MonitoringColumn(key: .periodStart, header: "period_start", hashtag: "#date+start"),
    MonitoringColumn(key: .periodEnd, header: "period_end", hashtag: "#date+end"),
    MonitoringColumn(key: .adminLevel, header: "admin_level", hashtag: "#loc+type"),
    MonitoringColumn(key: .locationCode, header: "location_code", hashtag: "#loc+code"),
    MonitoringColumn(key: .locationName, header: "location_name", hashtag: "#loc+name"),
    MonitoringColumn(key: .organisation, header: "organisation", hashtag: "#org+name"),
    MonitoringColumn(key: .numerator, header: "numerator", hashtag: "#indicator+num+numerator"),
    MonitoringColumn(key: .denominator, header: "denominator", hashtag: "#indicator+num+denominator"),
    MonitoringColumn(key: .value, header: "value", hashtag: "#indicator+num+value"),
    MonitoringColumn(key: .answer, header: "yes_no", hashtag: "#indicator+answer"),
    MonitoringColumn(key: .group(.female), header: "female", hashtag: "#affected+f"),
    MonitoringColumn(key: .group(.male), header: "male", hashtag: "#affected+m"),
    MonitoringColumn(key: .group(.age0to5), header: "age_0_5", hashtag: "#affected+age0_5"),
    MonitoringColumn(key: .group(.age6to11), header: "age_6_11", hashtag: "#affected+age6_11"),
    MonitoringColumn(key: .group(.age12to17), header: "age_12_17", hashtag: "#affected+age12_17"),
    MonitoringColumn(key: .group(.age18plus), header: "age_18_plus", hashtag: "#affected+age18plus"),
    MonitoringColumn(key: .group(.withDisability), header: "with_disability", hashtag: "#affected+disabled"),
    MonitoringColumn(key: .group(.idps), header: "idps", hashtag: "#affected+idps"),
    MonitoringColumn(key: .group(.refugees), header: "refugees", hashtag: "#affected+refugees"),
    MonitoringColumn(key: .group(.hostCommunity), header: "host_community", hashtag: "#affected+hostcommunity"),
    MonitoringColumn(key: .source, header: "source", hashtag: "#meta+source"),
    MonitoringColumn(key: .comment, header: "comment", hashtag: "#description+comment"),
  ]

  /// A place and organisation that reports: one row of the sheet per indicator and unit.
  public struct Unit: Sendable, Equatable {
    public var organisation: String
    public var adminLevel: String
    public var locationCode: String
    public var locationName: String

    public init(organisation: String, adminLevel: String = "", locationCode: String, locationName: String = "") {
      self.organisation = organisation
      self.adminLevel = adminLevel
      self.locationCode = locationCode
      self.locationName = locationName
    }
  }

  /// The indicators the sheet covers: the core indicators of each standard, in order.
  public static func indicators(catalog: Catalog, standards: [StandardNumber]) -> [(StandardNumber, Indicator)] {
    standards.flatMap { number in catalog.standard(number).indicators.map { (number, $0) } }
  }

  /// The template: the header row, the HXL row, then one row per indicator and unit (one per
  /// indicator with the unit left blank when no unit is given), with the period filled in when known.
  /// Figures are left blank (HXL tools expect numbers or nothing in the number columns): the
  /// `measure` column says which ones a row takes, and the indicator's disaggregation which groups.
  public static func template(
    catalog: Catalog, standards: [StandardNumber], units: [Unit], periodStart: CalendarDate?,
    periodEnd: CalendarDate?, delimiter: Character = ","
  ) -> String {
    let rows = rows(
      catalog: catalog, standards: standards, units: units, periodStart: periodStart, periodEnd: periodEnd)
    // Hashtags never hold the delimiter, quotes or line breaks; the other cells are quoted as needed.
    return rows.enumerated().map { index, row in
      row.map { index == 1 ? $0 : CSV.field($0, delimiter: delimiter) }.joined(separator: String(delimiter))
    }.joined(separator: "\n") + "\n"
  }

  /// The same sheet as an Excel workbook (one sheet, "monitoring"), for partners who fill it in Excel;
  /// save it as CSV, or keep it as .xlsx for HXL tools, which read both.
  public static func xlsx(
    catalog: Catalog, standards: [StandardNumber], units: [Unit], periodStart: CalendarDate?,
    periodEnd: CalendarDate?
  ) -> [UInt8] {
    let rows = rows(
      catalog: catalog, standards: standards, units: units, periodStart: periodStart, periodEnd: periodEnd)
    return XLSXWorkbook(sheets: [XLSXWorkbook.Sheet(name: "monitoring", rows: rows)]).bytes
  }

  /// The sheet's cells: the header row, the HXL row, then one row per indicator and unit.
  static func rows(
    catalog: Catalog, standards: [StandardNumber], units: [Unit], periodStart: CalendarDate?,
    periodEnd: CalendarDate?
  ) -> [[String]] {
    var rows = [columns.map(\.header), columns.map(\.hashtag)]
    let rowUnits = units.isEmpty ? [Unit(organisation: "", locationCode: "")] : units
    for (_, indicator) in indicators(catalog: catalog, standards: standards) {
      let kind = indicator.measureKind
      for unit in rowUnits {
        rows.append(
          columns.map { column -> String in
            switch column.key {
            case .indicatorID: indicator.id
            case .officialID: indicator.officialId ?? ""
            case .indicator: indicator.text
            case .measure: kind.rawValue
            case .periodStart: periodStart?.description ?? ""
            case .periodEnd: periodEnd?.description ?? ""
            case .adminLevel: unit.adminLevel
            case .locationCode: unit.locationCode
            case .locationName: unit.locationName
            case .organisation: unit.organisation
            case .source: (indicator.local?.dataSource ?? indicator.dataSource?.first) ?? ""
            case .numerator, .denominator, .value, .answer, .group, .comment: ""
            }
          })
      }
    }
    return rows
  }
}
