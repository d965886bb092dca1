/// The number of one of the 28 standards, checked once where it enters cpms (an argument, a ballot
/// row, a file), so that every later lookup in the catalog succeeds without a check or a crash.
public struct StandardNumber: Sendable, Hashable, Comparable, CustomStringConvertible {
  public let value: Int

  /// The standards' numbers run over this range.
  public static let range = 1...28
  public static let all = range.map { StandardNumber(unchecked: $0) }

  /// nil unless `value` is 1–28.
  public init?(_ value: Int) {
    guard StandardNumber.range.contains(value) else { return nil }
    self.value = value
  }

  private init(unchecked value: Int) { self.value = value }

  public static func < (lhs: StandardNumber, rhs: StandardNumber) -> Bool { lhs.value < rhs.value }

  public var description: String { String(value) }
}

/// Literal numbers in code and tests (`[1, 6, 18]`) are standards by construction; a literal outside
/// 1–28 is a programming error and stops at once.
extension StandardNumber: ExpressibleByIntegerLiteral {
  public init(integerLiteral value: Int) {
    precondition(StandardNumber.range.contains(value), "standards are numbered 1 to 28, not \(value)")
    self.value = value
  }
}

extension StandardNumber: Codable {
  public init(from decoder: any Decoder) throws {
    let value = try decoder.singleValueContainer().decode(Int.self)
    guard let number = StandardNumber(value) else {
      throw DecodingError.dataCorrupted(
        DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "standards are numbered 1 to 28"))
    }
    self = number
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(value)
  }
}

extension Catalog {
  /// A standard by its checked number: always there.
  public func standard(_ number: StandardNumber) -> Standard {
    // The bundled data is checked to hold all 28 standards (CatalogIntegrity), so this lookup succeeds.
    standard(number.value)!
  }

  /// A standard's title, cheaper than `standard(_:)` when only the title is shown.
  public func title(of number: StandardNumber) -> String {
    standardTitle(number.value)!
  }

  /// The pillar a standard belongs to.
  public func pillarNumber(of number: StandardNumber) -> Int {
    pillarNumber(ofStandard: number.value)!
  }
}
