/// What an indicator measures, in cpms's own three-way split (Data/README.md explains it): a change
/// in children's lives, something delivered, or the way the work is done.
public enum IndicatorType: String, Encodable, Sendable, CaseIterable {
  case outcome
  case output
  case process
}

/// How far an indicator's fields rest on a published source; every other field is cpms's own.
public enum IndicatorBasis: String, Encodable, Sendable, CaseIterable {
  /// Text, target, type, computation and data sources are all cpms's own proposal.
  case reconstruction
  /// The official id and target are those of the published 2019 table of indicators; the wording is a
  /// summary, and type, computation and data sources are cpms's own.
  case officialIdAndTarget = "official-id-and-target"

  /// The basis in a user's words.
  public var explanation: String {
    switch self {
    case .reconstruction:
      "cpms's own proposal: the wording, target, type, computation and data sources were written by cpms, "
        + "not taken from the CPMS 2019 table of indicators."
    case .officialIdAndTarget:
      "The official id and target are those of the CPMS 2019 table of indicators; the wording is a summary, "
        + "and the type, computation and data sources are cpms's own proposal."
    }
  }
}

/// The ways an indicator's figures can be broken down; the data files use only these.
public enum Disaggregation: String, Encodable, Sendable, CaseIterable {
  case sex
  case age
  case disability
  case displacementStatus = "displacement status"
  case location
  case organisationType = "organisation type"
}

/// A core indicator from a standard's measurement section (at most four per standard), or an
/// additional measure shown beside them.
public struct Indicator: Encodable, Sendable, Equatable {
  public var id: String
  public var text: String
  public var target: Target
  public var note: String
  public var type: IndicatorType?
  /// What is counted above the line; set for every percentage indicator.
  public var numerator: String?
  /// What is counted below the line; set for every percentage indicator.
  public var denominator: String?
  /// Examples of where the figures come from.
  public var dataSource: [String]?
  public var disaggregation: [Disaggregation]?
  /// The id in the published 2019 table of indicators (`standard.section.n`), where known.
  public var officialId: String?
  /// The official wording, when a contextualization supplies it.
  public var officialText: String?
  public var basis: IndicatorBasis?
  /// Local fields a contextualization adds; nil for the global indicator.
  public var local: LocalIndicatorDetails?

  public init(
    id: String, text: String, target: Target, note: String, type: IndicatorType? = nil, numerator: String? = nil,
    denominator: String? = nil, dataSource: [String]? = nil, disaggregation: [Disaggregation]? = nil,
    officialId: String? = nil, officialText: String? = nil, basis: IndicatorBasis? = nil,
    local: LocalIndicatorDetails? = nil
  ) {
    self.id = id
    self.text = text
    self.target = target
    self.note = note
    self.type = type
    self.numerator = numerator
    self.denominator = denominator
    self.dataSource = dataSource
    self.disaggregation = disaggregation
    self.officialId = officialId
    self.officialText = officialText
    self.basis = basis
    self.local = local
  }

  /// True when the indicator is read as a share: a percentage target or text that starts with "%".
  public var isPercentage: Bool {
    if case .percentage = target { return true }
    return text.hasPrefix("%")
  }

  enum CodingKeys: String, CodingKey {
    case id, text, target, note, type, numerator, denominator, dataSource, disaggregation, officialId, officialText
    case basis, provenance, local
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(text, forKey: .text)
    try container.encode(target, forKey: .target)
    try container.encode(note, forKey: .note)
    try container.encodeIfPresent(type, forKey: .type)
    try container.encodeIfPresent(numerator, forKey: .numerator)
    try container.encodeIfPresent(denominator, forKey: .denominator)
    try container.encodeIfPresent(dataSource, forKey: .dataSource)
    try container.encodeIfPresent(disaggregation, forKey: .disaggregation)
    try container.encodeIfPresent(officialId, forKey: .officialId)
    try container.encodeIfPresent(officialText, forKey: .officialText)
    try container.encodeIfPresent(basis, forKey: .basis)
    try container.encodeIfPresent(basis?.explanation, forKey: .provenance)
    try container.encodeIfPresent(local, forKey: .local)
  }
}

/// What a country sets when it contextualizes an indicator.
public struct LocalIndicatorDetails: Encodable, Sendable, Equatable {
  public var definition: String?
  public var method: String?
  public var frequency: String?
  public var dataSource: String?
  public var disaggregation: [String]?
  /// True for a local indicator added beyond the core ones.
  public var additional: Bool?

  public init(
    definition: String? = nil, method: String? = nil, frequency: String? = nil, dataSource: String? = nil,
    disaggregation: [String]? = nil, additional: Bool? = nil
  ) {
    self.definition = definition
    self.method = method
    self.frequency = frequency
    self.dataSource = dataSource
    self.disaggregation = disaggregation
    self.additional = additional
  }
}
