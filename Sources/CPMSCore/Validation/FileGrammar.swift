// The exact grammar of the values in cpms files, written once so that the validator and the JSON
// Schemas (Data/schema/*.schema.json) say the same thing. Each rule names the schema pattern that
// mirrors it; the differential test (Tests/Differential) checks that both agree on generated files.

/// Ids, whole numbers, text and the whitespace around targets, as cpms files write them.
enum FileGrammar {
  // MARK: ids

  /// A number in an id: `[1-9][0-9]*`, so no sign, no leading zero and no zero (`Int(_:)` would
  /// take "+1" and "007"). Nil when the text is not of that shape; `Int.max` when it is but does
  /// not fit an `Int`, so a very long id is one that does not exist rather than a malformed one.
  static func idNumber<S: StringProtocol>(_ text: S) -> Int? {
    let utf8 = text.utf8
    guard let first = utf8.first, first >= UInt8(ascii: "1"), first <= UInt8(ascii: "9"),
      utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
    else { return nil }
    return Int(text) ?? Int.max
  }

  /// The numbers of an id written as `count` id numbers joined by dots (`18.2.12`), else nil.
  /// Schema pattern for three: `^[1-9][0-9]*\.[1-9][0-9]*\.[1-9][0-9]*$`.
  static func idNumbers(_ id: String, count: Int) -> [Int]? {
    let parts = id.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == count else { return nil }
    var numbers: [Int] = []
    for part in parts {
      guard let number = idNumber(part) else { return nil }
      numbers.append(number)
    }
    return numbers
  }

  /// A local indicator id `S.Lk` (`18.L1`): the standard's number and k. Schema pattern:
  /// `^[1-9][0-9]*\.L[1-9][0-9]*$`.
  static func localIndicatorID(_ id: String) -> (standard: Int, number: Int)? {
    let parts = id.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[1].utf8.first == UInt8(ascii: "L"), let standard = idNumber(parts[0]),
      let number = idNumber(parts[1].dropFirst())
    else { return nil }
    return (standard, number)
  }

  // MARK: whole numbers

  /// The value of a JSON number that is exactly whole, however it is written: `18`, `18.0`,
  /// `1.8e1` and `180e-1` are all 18, as JSON Schema's "integer" counts them. Nil for a number
  /// with a fraction (`18.5`, and `18.0000000000000001`, which binary floating point would round
  /// to 18) and for whole numbers beyond `Int`. `raw` is a number as the JSON parser accepted it.
  static func wholeNumber(_ raw: String) -> Int? {
    // One pass over the bytes without copying digits, so a number of a hundred megabytes costs no more
    // than reading it.
    let bytes = Array(raw.utf8)
    func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    var index = 0
    let negative = bytes.first == UInt8(ascii: "-")
    if negative { index += 1 }
    // The digits before and after the point, as one run with the point skipped over.
    let wholeStart = index
    while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    let wholeEnd = index
    var fractionStart = index
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      fractionStart = index
      while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }
    let fractionEnd = max(index, fractionStart)
    var exponent = 0
    if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
      index += 1
      let negativeExponent = index < bytes.count && bytes[index] == UInt8(ascii: "-")
      if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
      while index < bytes.count, isDigit(bytes[index]) {
        // Past a billion the answer no longer changes (a file has far fewer digits); stop counting.
        exponent = min(exponent * 10 + Int(bytes[index] - UInt8(ascii: "0")), 1_000_000_000)
        index += 1
      }
      if negativeExponent { exponent = -exponent }
    }
    guard index == bytes.count, wholeEnd > wholeStart || fractionEnd > fractionStart else { return nil }
    let digits = Array(bytes[wholeStart..<wholeEnd]) + bytes[fractionStart..<fractionEnd]
    guard let first = digits.firstIndex(where: { $0 != UInt8(ascii: "0") }) else { return 0 }
    let last = digits.lastIndex { $0 != UInt8(ascii: "0") }!
    // value = digits[first...last] × 10^scale
    let scale = exponent - (fractionEnd - fractionStart) + (digits.count - 1 - last)
    guard scale >= 0, last - first + 1 + scale <= 19 else { return nil }
    var value = 0
    for digit in digits[first...last] {
      let (times, overflow) = value.multipliedReportingOverflow(by: 10)
      let (sum, carry) = times.addingReportingOverflow(Int(digit - UInt8(ascii: "0")))
      guard !overflow, !carry else { return nil }
      value = sum
    }
    for _ in 0..<scale {
      let (times, overflow) = value.multipliedReportingOverflow(by: 10)
      guard !overflow else { return nil }
      value = times
    }
    return negative ? -value : value
  }

  // MARK: text

  /// Whitespace around a target: exactly what `\s` matches in the JSON Schema's (ECMAScript)
  /// patterns, written out there as `[\t-\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]`.
  static func isTargetWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09...0x0D, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: true
    default: false
    }
  }

  /// Characters that show nothing: whitespace and line breaks, invisible format characters (zero
  /// width spaces and joiners, the byte order mark U+FEFF, soft hyphens, direction marks), fillers
  /// and variation selectors. Text made only of these is blank. The schemas' `text` requires one
  /// character outside this set: `[^\t-\r \u0085\u00a0\u00ad\u034f\u061c\u115f\u1160\u1680\u17b4\u17b5`
  /// `\u180b-\u180f\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\u3164\ufe00-\ufe0f\ufeff\uffa0]`.
  static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0xAD, 0x34F, 0x61C, 0x115F, 0x1160, 0x1680, 0x17B4, 0x17B5,
      0x180B...0x180F, 0x2000...0x200F, 0x2028...0x202F, 0x205F...0x206F, 0x3000, 0x3164, 0xFE00...0xFE0F,
      0xFEFF, 0xFFA0:
      true
    default: false
    }
  }

  /// True when the text shows nothing (see `isInvisible`).
  static func isBlank(_ text: String) -> Bool {
    text.unicodeScalars.allSatisfy(isInvisible)
  }

  /// The first character text may not hold: a control character (a NUL, an escape sequence that
  /// would recolour a terminal, DEL, U+0085) other than a tab, a line feed, or a carriage return
  /// that starts a CR-LF line break; or a bidirectional embedding or override U+202A–U+202E, which
  /// would reorder the text printed after it. The isolates U+2066–U+2069, which Arabic and Hebrew
  /// editors insert and which end with their paragraph, are allowed. Schema:
  /// `"not": { "pattern": "[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e]|\r(?!\n)" }`.
  static func firstForbiddenCharacter(in text: String) -> Unicode.Scalar? {
    var text = text
    // Plain ASCII text without control characters is passed eight bytes at a time; anything else (a
    // byte below 0x20, DEL, or a byte of a longer character) is looked at scalar by scalar.
    let plain = text.withUTF8 { bytes in
      let raw = UnsafeRawBufferPointer(bytes)
      let ones: UInt64 = 0x0101_0101_0101_0101
      let highs: UInt64 = 0x8080_8080_8080_8080
      var index = 0
      while index + 8 <= raw.count {
        let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        let del = word ^ (ones &* 0x7F)
        let below20 = (word &- ones &* 0x20) & ~word & highs
        let isDel = (del &- ones) & ~del & highs
        if below20 | isDel | (word & highs) != 0 { return false }
        index += 8
      }
      while index < raw.count {
        let byte = raw[index]
        if byte < 0x20 || byte >= 0x7F { return false }
        index += 1
      }
      return true
    }
    guard !plain else { return nil }
    var previousWasCR = false
    for scalar in text.unicodeScalars {
      if previousWasCR && scalar.value != 0x0A { return "\r" }
      previousWasCR = scalar.value == 0x0D
      switch scalar.value {
      case 0x0A, 0x09, 0x0D: continue
      case 0x00..<0x20, 0x7F...0x9F, 0x202A...0x202E: return scalar
      default: continue
      }
    }
    return previousWasCR ? "\r" : nil
  }

  /// The text with each CR-LF line break written as a line feed, as every other line is. For text
  /// that `firstForbiddenCharacter` accepted, where every carriage return starts a CR-LF pair.
  static func normalizingLineBreaks(_ text: String) -> String {
    guard text.utf8.contains(UInt8(ascii: "\r")) else { return text }
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars where scalar != "\r" { scalars.append(scalar) }
    return String(scalars)
  }
}
