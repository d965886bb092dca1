#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// An indicator's target: the handbook uses percentages, yes/no, plain numbers, or leaves it to the context.
public enum Target: Sendable, Equatable, Encodable, CustomStringConvertible {
  case percentage(Double)
  case yes
  case no
  case number(Double)
  case setInContext

  /// Parses the data files' spelling: `"90%"`, `"yes"`, `"no"`, `"25"` or `"set in context"`.
  /// Returns nil with anything else so callers can report where the bad value is.
  public init?(parsing raw: String) {
    let text = raw.trimmingWhitespace().lowercased()
    switch text {
    case "yes": self = .yes
    case "no": self = .no
    case "set in context": self = .setInContext
    default:
      if text.hasSuffix("%") {
        guard let value = Target.plainNumber(String(text.dropLast())), value <= 100 else { return nil }
        self = .percentage(value)
      } else if let value = Target.plainNumber(text) {
        self = .number(value)
      } else {
        return nil
      }
    }
  }

  /// Digits with an optional decimal part; no sign, exponent or spaces, so "1e3" and "-5" are refused.
  static func plainNumber(_ text: String) -> Double? {
    var digitsBefore = 0
    var digitsAfter = 0
    var dots = 0
    for byte in text.utf8 {
      if byte == UInt8(ascii: ".") {
        dots += 1
      } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
        if dots == 0 { digitsBefore += 1 } else { digitsAfter += 1 }
      } else {
        return nil
      }
    }
    guard digitsBefore > 0, dots == 0 || (dots == 1 && digitsAfter > 0) else { return nil }
    return Double(text)
  }

  public var description: String {
    switch self {
    case .percentage(let value): Target.format(value) + "%"
    case .yes: "yes"
    case .no: "no"
    case .number(let value): Target.format(value)
    case .setInContext: "set in context"
    }
  }

  /// Whole numbers without ".0"; values too large for `Int` (which the validator refuses anyway)
  /// are written as Swift spells them instead of trapping.
  static func format(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}
