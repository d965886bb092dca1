#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Reads lists of standard numbers as people type them: `1,4,18` or ranges like `1-3`.
public enum StandardList {
  /// Numbers in the order given; unknown numbers, backwards ranges and repeats are errors, each a
  /// diagnostic whose message, in `language`, the caller places after the value it quotes.
  public static func parse(_ text: String, language: Language = .en) throws(Diagnostic) -> [StandardNumber] {
    let t = Interface(language)
    func problem(_ message: String) -> Diagnostic { Diagnostic(.error, rule: "standard-list", message: message) }
    var numbers: [StandardNumber] = []
    var seen: Set<StandardNumber> = []
    for rawItem in text.split(separator: ",", omittingEmptySubsequences: false) {
      let item = rawItem.trimmingWhitespace()
      guard !item.isEmpty else {
        throw problem(t("select.emptyItem", Excerpt.of(text)))
      }
      let bounds = item.split(separator: "-", omittingEmptySubsequences: false).map {
        $0.trimmingWhitespace()
      }
      guard (1...2).contains(bounds.count), let low = Int(bounds[0]), let high = Int(bounds[bounds.count - 1]) else {
        throw problem(t("select.notANumber", Excerpt.of(item)))
      }
      guard low <= high else {
        throw problem(t("select.backwards", Excerpt.of(item), high, low))
      }
      guard let first = StandardNumber(low), let last = StandardNumber(high) else {
        let wrong = StandardNumber(low) == nil ? low : high
        throw problem(t("select.unknownStandard", wrong))
      }
      for number in StandardNumber.all where first <= number && number <= last {
        guard seen.insert(number).inserted else {
          throw problem(t("select.listedTwice", number))
        }
        numbers.append(number)
      }
    }
    return numbers
  }
}
