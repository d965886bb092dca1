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

  /// Parses the data files' spelling: `"90%"`, `"yes"`, `"no"`, `"25"` or `"set in context"`, in any
  /// case, with whitespace around ignored (what `\s` matches in the JSON Schema's patterns: spaces,
  /// tabs, line breaks, U+FEFF). Numbers are written without sign, exponent or leading zero ("099%"
  /// is refused), and a percentage is at most 100. Returns nil with anything else so callers can
  /// report where the bad value is.
  public init?(parsing raw: String) {
    let text = Target.trimmed(raw).lowercased()
    switch text {
    case "yes": self = .yes
    case "no": self = .no
    case "set in context": self = .setInContext
    default:
      if text.hasSuffix("%") {
        let number = text.dropLast()
        guard let (whole, fraction) = Target.decimalParts(number),
          whole.utf8.count <= 2 || (whole == "100" && fraction.utf8.allSatisfy { $0 == UInt8(ascii: "0") }),
          let value = Double(number)
        else { return nil }
        self = .percentage(value)
      } else if let value = Target.targetNumber(text) {
        self = .number(value)
      } else {
        return nil
      }
    }
  }

  /// The text without the whitespace `\s` matches in ECMAScript (and so in JSON Schema patterns).
  static func trimmed(_ text: String) -> String {
    let scalars = text.unicodeScalars
    guard let first = scalars.firstIndex(where: { !FileGrammar.isTargetWhitespace($0) }) else { return "" }
    let last = scalars.lastIndex(where: { !FileGrammar.isTargetWhitespace($0) })!
    return String(scalars[first...last])
  }

  /// A plain decimal's whole and fractional digits: `0|[1-9][0-9]*` with an optional `.[0-9]+`; no
  /// sign, exponent, spaces or leading zero, so "1e3", "-5" and "007" are refused.
  static func decimalParts(_ text: Substring) -> (whole: Substring, fraction: Substring)? {
    let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    func digits(_ part: Substring) -> Bool {
      !part.isEmpty && part.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
    guard digits(parts[0]), parts[0] == "0" || parts[0].utf8.first != UInt8(ascii: "0"),
      parts.count == 1 || digits(parts[1])
    else { return nil }
    return (parts[0], parts.count == 2 ? parts[1] : "")
  }

  /// A target's number: a plain decimal (see `decimalParts`), so without a leading zero.
  static func targetNumber(_ text: String) -> Double? {
    guard decimalParts(Substring(text)) != nil else { return nil }
    return Double(text)
  }

  /// Digits with an optional decimal part; no sign, exponent or spaces, so "1e3" and "-5" are refused.
  /// Leading zeros are read (a ballot's score "04" is 4); targets use the stricter `targetNumber`.
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

  /// Whether a plain decimal (see `decimalParts`) is above `limit`, a power of ten written with
  /// `digits` digits, decided on the digits so that 1000000000000000.0000001 counts as above.
  static func isAbove(_ text: String, powerOfTenDigits digits: Int) -> Bool {
    guard let (whole, fraction) = decimalParts(Substring(text)) else { return false }
    if whole.utf8.count != digits { return whole.utf8.count > digits }
    return whole.utf8.dropFirst().contains { $0 != UInt8(ascii: "0") } || whole.utf8.first != UInt8(ascii: "1")
      || fraction.utf8.contains { $0 != UInt8(ascii: "0") }
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
