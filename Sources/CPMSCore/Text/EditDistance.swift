/// Levenshtein distance, for "Did you mean …?" suggestions on commands, options and file keys.
public enum EditDistance {
  /// The distance between `a` and `b`; when it is certainly above `limit`, some value above `limit`
  /// without building the table, so a pasted paragraph (or a hostile megabyte) compared with a short
  /// name costs a length count instead of a quadratic table.
  public static func between(_ a: String, _ b: String, limit: Int = .max) -> Int {
    let (countA, countB) = (a.count, b.count)
    if abs(countA - countB) > limit { return abs(countA - countB) }
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in 1...b.count {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      previous = current
    }
    return previous[b.count]
  }
}
