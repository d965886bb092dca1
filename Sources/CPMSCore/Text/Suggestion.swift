/// "Did you mean …?" for every misspelling cpms meets: commands, options, option values and the keys
/// of a file, all by the same rule.
public enum Suggestion {
  /// The candidate closest to `word` by edit distance (ignoring case), when it is close enough to be a
  /// typo: at most 3 edits, for words under 6 characters at most 2, and always fewer than the word has
  /// characters, so that a short word does not match everything. Ties go to the alphabetically first candidate; a candidate equal to the word suggests nothing, one that
  /// differs only in case is suggested.
  public static func closest(_ word: String, among candidates: [String]) -> String? {
    // A long text is not a typo of a short name; checking the length first keeps a hostile one cheap.
    guard word.utf8.count <= 200 else { return nil }
    // Never as many edits as the word has letters: "de" is not a typo of "ar".
    let limit = min(3, max(2, word.count / 2), word.count - 1)
    let lowered = word.lowercased()
    let scored = candidates.map { ($0, EditDistance.between(lowered, $0.lowercased(), limit: limit)) }
      .filter { $0.1 <= limit }
    guard let best = scored.min(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }), best.0 != word else {
      return nil
    }
    return best.0
  }
}
