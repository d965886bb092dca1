#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Reads lists of standard numbers as people type them: `1,4,18` or ranges like `1-3`.
public enum StandardList {
  public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
  }

  /// Numbers in the order given; unknown numbers, backwards ranges and repeats are errors.
  public static func parse(_ text: String) throws(ParseError) -> [Int] {
    var numbers: [Int] = []
    var seen: Set<Int> = []
    for rawItem in text.split(separator: ",", omittingEmptySubsequences: false) {
      let item = rawItem.trimmingWhitespace()
      guard !item.isEmpty else {
        throw ParseError(
          message: "'\(Excerpt.of(text))' has an empty item; separate standard numbers with single commas.")
      }
      let bounds = item.split(separator: "-", omittingEmptySubsequences: false).map {
        $0.trimmingWhitespace()
      }
      guard (1...2).contains(bounds.count), let low = Int(bounds[0]), let high = Int(bounds.last!) else {
        throw ParseError(message: "'\(Excerpt.of(item))' is not a standard number or a range like 1-3.")
      }
      guard low <= high else {
        throw ParseError(message: "The range '\(Excerpt.of(item))' runs backwards; write \(high)-\(low).")
      }
      for number in [low, high] where !Catalog.standardNumbers.contains(number) {
        throw ParseError(message: "Standard \(number) does not exist; standards are numbered 1 to 28.")
      }
      for number in low...high {
        guard seen.insert(number).inserted else {
          throw ParseError(message: "Standard \(number) is listed twice; list each standard once.")
        }
        numbers.append(number)
      }
    }
    return numbers
  }
}
