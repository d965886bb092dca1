#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Reads lists of standard numbers as people type them: `1,4,18` or ranges like `1-3`.
public enum StandardList {
  /// Numbers in the order given; unknown numbers, backwards ranges and repeats are errors, each a
  /// diagnostic whose message the caller places after the value it quotes.
  public static func parse(_ text: String) throws(Diagnostic) -> [StandardNumber] {
    func problem(_ message: String) -> Diagnostic { Diagnostic(.error, rule: "standard-list", message: message) }
    var numbers: [StandardNumber] = []
    var seen: Set<StandardNumber> = []
    for rawItem in text.split(separator: ",", omittingEmptySubsequences: false) {
      let item = rawItem.trimmingWhitespace()
      guard !item.isEmpty else {
        throw problem("'\(Excerpt.of(text))' has an empty item; separate standard numbers with single commas.")
      }
      let bounds = item.split(separator: "-", omittingEmptySubsequences: false).map {
        $0.trimmingWhitespace()
      }
      guard (1...2).contains(bounds.count), let low = Int(bounds[0]), let high = Int(bounds[bounds.count - 1]) else {
        throw problem("'\(Excerpt.of(item))' is not a standard number or a range like 1-3.")
      }
      guard low <= high else {
        throw problem("The range '\(Excerpt.of(item))' runs backwards; write \(high)-\(low).")
      }
      guard let first = StandardNumber(low), let last = StandardNumber(high) else {
        let wrong = StandardNumber(low) == nil ? low : high
        throw problem("Standard \(wrong) does not exist; standards are numbered 1 to 28.")
      }
      for number in StandardNumber.all where first <= number && number <= last {
        guard seen.insert(number).inserted else {
          throw problem("Standard \(number) is listed twice; list each standard once.")
        }
        numbers.append(number)
      }
    }
    return numbers
  }
}
