// A JSON parser that remembers where every key and value came from.
//
// Foundation's JSONSerialization and Codable throw away positions, so `cpms validate` could only
// say *what* is wrong in a user's file, never *where*. This parser keeps the line and column of
// every key and value, keeps duplicate keys (so they can be reported instead of silently
// collapsed), and explains syntax errors in words a non-programmer can act on.
//
// It is built to survive hostile or broken input: it validates UTF-8 up front, parses with an
// explicit stack instead of recursion, caps nesting depth, and does all position bookkeeping with
// a forward-moving cursor so time and memory stay linear in the input size.

/// Entry point for reading user-edited JSON files with positions attached.
public enum SourceJSONParser {
  /// Deep enough for any real CPMS file, shallow enough that walking, comparing or freeing the
  /// parsed tree (all of which recurse) can never overflow the stack.
  public static let defaultMaxDepth = 64

  /// Larger requested limits are lowered to this, because the finished tree is freed and compared
  /// recursively by the Swift runtime; a much deeper tree could overflow the stack of a thread.
  static let depthCeiling = 1_000

  /// How many values (objects, arrays, strings, numbers, booleans, nulls) a document may hold. A
  /// generated contextualization file of 100 MB holds about 600,000; this bound stops a file of
  /// `[0,0,0,…]`, which costs 2 bytes per value on disk but about 50 in the tree, from needing
  /// gigabytes, while leaving room for any real file under the validator's size limit.
  public static let defaultMaxValues = 4_000_000

  /// Parses one JSON document.
  ///
  /// Takes bytes rather than a `String` so that invalid UTF-8 can be reported at its real
  /// position instead of being silently replaced while the file is loaded. Duplicate keys are
  /// kept in order. `maxDepth` is clamped to `0...1_000`; see `depthCeiling`. A syntax error is
  /// worded in `language`, the reader's; the words are looked up only once parsing has failed.
  public static func parse(
    _ bytes: [UInt8], maxDepth: Int = defaultMaxDepth, maxValues: Int = defaultMaxValues, language: Language = .en
  ) throws(Diagnostic) -> SourceJSON {
    let limit = min(max(maxDepth, 0), depthCeiling)
    return try bytes.withUnsafeBufferPointer { (buffer) throws(Diagnostic) -> SourceJSON in
      var parser = SourceJSONReader(bytes: buffer, maxDepth: limit, maxValues: maxValues, language: language)
      return try parser.parseDocument()
    }
  }
}

// MARK: - SourceJSONReader

/// ASCII bytes by name, so the grammar below reads like the JSON specification.
private enum SourceJSONByte {
  static let tab = UInt8(ascii: "\t")
  static let lineFeed = UInt8(ascii: "\n")
  static let carriageReturn = UInt8(ascii: "\r")
  static let space = UInt8(ascii: " ")
  static let quote = UInt8(ascii: "\"")
  static let hash = UInt8(ascii: "#")
  static let dollar = UInt8(ascii: "$")
  static let apostrophe = UInt8(ascii: "'")
  static let star = UInt8(ascii: "*")
  static let plus = UInt8(ascii: "+")
  static let comma = UInt8(ascii: ",")
  static let minus = UInt8(ascii: "-")
  static let dot = UInt8(ascii: ".")
  static let slash = UInt8(ascii: "/")
  static let zero = UInt8(ascii: "0")
  static let nine = UInt8(ascii: "9")
  static let colon = UInt8(ascii: ":")
  static let equals = UInt8(ascii: "=")
  static let upperA = UInt8(ascii: "A")
  static let upperF = UInt8(ascii: "F")
  static let upperZ = UInt8(ascii: "Z")
  static let openBracket = UInt8(ascii: "[")
  static let backslash = UInt8(ascii: "\\")
  static let closeBracket = UInt8(ascii: "]")
  static let underscore = UInt8(ascii: "_")
  static let lowerA = UInt8(ascii: "a")
  static let lowerB = UInt8(ascii: "b")
  static let lowerE = UInt8(ascii: "e")
  static let lowerF = UInt8(ascii: "f")
  static let lowerN = UInt8(ascii: "n")
  static let lowerR = UInt8(ascii: "r")
  static let lowerT = UInt8(ascii: "t")
  static let lowerU = UInt8(ascii: "u")
  static let lowerZ = UInt8(ascii: "z")
  static let openBrace = UInt8(ascii: "{")
  static let closeBrace = UInt8(ascii: "}")

  static func isDigit(_ byte: UInt8) -> Bool { byte >= zero && byte <= nine }

  static func isLetter(_ byte: UInt8) -> Bool {
    (byte >= lowerA && byte <= lowerZ) || (byte >= upperA && byte <= upperZ)
  }

  static func hexValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case zero...nine: UInt32(byte - zero)
    case lowerA...lowerF: UInt32(byte - lowerA + 10)
    case upperA...upperF: UInt32(byte - upperA + 10)
    default: nil
    }
  }
}

/// One open object or array. An explicit stack of these replaces recursion, so no input, however
/// deeply nested, can overflow the call stack.
private struct SourceJSONFrame {
  var isObject: Bool
  var start: SourceLocation
  var members: [JSONMember] = []
  var elements: [SourceJSON] = []
  /// The key whose value is being parsed; kept after the value is stored so that later messages
  /// ("missing comma after the value of …") can name it.
  var key = ""
  var keyLocation: SourceLocation

  var kind: String { isObject ? "object" : "array" }
  var closer: UInt8 { isObject ? SourceJSONByte.closeBrace : SourceJSONByte.closeBracket }
}

/// The state of one parse. It reads a borrowed buffer rather than the array so the byte loops
/// stay free of copy-on-write checks, and it never recurses, so its stack use is constant.
private struct SourceJSONReader {
  let bytes: UnsafeBufferPointer<UInt8>
  let end: Int
  let maxDepth: Int
  let maxValues: Int
  var valueCount = 0
  /// Where the text starts: after the byte order mark, if any, so that it does not count as a
  /// column while offsets stay true byte offsets.
  let contentStart: Int
  var pos: Int
  /// The last computed location. Locations are requested in increasing order while parsing, so
  /// each one is found by scanning forward from the previous one, never from the line start;
  /// this keeps a 100 MB single-line file linear. Only error reporting may step backwards.
  var cursor: SourceLocation
  var stack: [SourceJSONFrame] = []
  /// The words of the error messages; only read on the way to an error.
  let t: Interface

  init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int, maxValues: Int, language: Language) {
    self.t = Interface(language)
    self.bytes = bytes
    self.end = bytes.count
    self.maxDepth = maxDepth
    self.maxValues = maxValues
    let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    contentStart = hasBOM ? 3 : 0
    pos = contentStart
    cursor = SourceLocation(line: 1, column: 1, offset: contentStart)
  }

  // MARK: Document

  mutating func parseDocument() throws(Diagnostic) -> SourceJSON {
    if let bad = firstInvalidUTF8() {
      throw invalidUTF8(at: bad)
    }
    var firstContent = contentStart
    while firstContent < end, isWhitespace(bytes[firstContent]) {
      firstContent += 1
    }
    if firstContent == end {
      throw Diagnostic(
        .error, rule: "empty-file", message: t("json.emptyFile"),
        location: DiagnosticLocation(location(at: contentStart)))
    }

    var completed: SourceJSON
    parsing: while true {
      // A value is expected at `pos`.
      try skipWhitespace()
      guard pos < end else { throw unexpectedEndAtValue() }
      valueCount += 1
      if valueCount > maxValues { throw tooManyValues() }
      switch bytes[pos] {
      case SourceJSONByte.openBrace:
        try open(isObject: true)
        try skipWhitespace()
        if pos < end, bytes[pos] == SourceJSONByte.closeBrace {
          pos += 1
          completed = close()
        } else {
          try parseKeyAndColon(afterComma: nil)
          continue parsing
        }
      case SourceJSONByte.openBracket:
        try open(isObject: false)
        try skipWhitespace()
        if pos < end, bytes[pos] == SourceJSONByte.closeBracket {
          pos += 1
          completed = close()
        } else {
          continue parsing
        }
      default:
        completed = try parseScalar()
      }

      // Store the finished value in its container, then look for ',' or the closing bracket.
      while let top = stack.indices.last {
        if stack[top].isObject {
          let member = JSONMember(
            key: stack[top].key, keyLocation: stack[top].keyLocation, value: completed)
          stack[top].members.append(member)
        } else {
          stack[top].elements.append(completed)
        }
        try skipWhitespace()
        guard pos < end else { throw unexpectedEnd() }
        let byte = bytes[pos]
        if byte == SourceJSONByte.comma {
          let comma = pos
          pos += 1
          if stack[top].isObject {
            try parseKeyAndColon(afterComma: comma)
          } else {
            try skipWhitespace()
            if pos < end, bytes[pos] == SourceJSONByte.closeBracket {
              throw trailingComma(at: comma, closer: "]")
            }
          }
          continue parsing
        }
        if byte == stack[top].closer {
          pos += 1
          completed = close()
          continue
        }
        throw stack[top].isObject ? unexpectedAfterMember() : unexpectedAfterElement()
      }

      try skipWhitespace()
      if pos < end {
        throw textAfterDocument(completed)
      }
      return completed
    }
  }

  mutating func open(isObject: Bool) throws(Diagnostic) {
    let start = location(at: pos)
    if stack.count >= maxDepth {
      throw Diagnostic(
        .error, rule: "nesting-too-deep",
        message: t(
          "json.nestingTooDeep", t(isObject ? "json.this.object" : "json.this.array"), stack.count + 1, maxDepth),
        location: DiagnosticLocation(start))
    }
    stack.append(SourceJSONFrame(isObject: isObject, start: start, keyLocation: start))
    pos += 1
  }

  mutating func close() -> SourceJSON {
    let frame = stack.removeLast()
    let value: JSONValue = frame.isObject ? .object(frame.members) : .array(frame.elements)
    return SourceJSON(value: value, location: frame.start)
  }

  /// Parses `"key":` (leaving `pos` where the value should start) and records the key in the
  /// innermost object. `afterComma` is the comma's offset when the key follows one, so that a
  /// trailing comma can be blamed on the comma itself.
  mutating func parseKeyAndColon(afterComma comma: Int?) throws(Diagnostic) {
    try skipWhitespace()
    guard pos < end else {
      throw unexpectedEnd(stillNeeds: comma == nil ? nil : t("json.needs.anotherMember"))
    }
    let byte = bytes[pos]
    if byte == SourceJSONByte.quote {
      let keyLocation = location(at: pos)
      let key = try parseString()
      stack[stack.count - 1].key = key
      stack[stack.count - 1].keyLocation = keyLocation
    } else if byte == SourceJSONByte.closeBrace, let comma {
      throw trailingComma(at: comma, closer: "}")
    } else if byte == SourceJSONByte.comma {
      throw syntax(t(comma == nil ? "json.commaAfterOpenBrace" : "json.twoCommas.members"), at: pos)
    } else if byte == SourceJSONByte.apostrophe {
      throw singleQuoted(isKey: true)
    } else if isWordStart(at: pos) || SourceJSONByte.isDigit(byte) {
      let word = Excerpt.of(scanWord(from: pos).text, limit: 40)
      throw syntax(t("json.unquotedKey", word), at: pos)
    } else if byte == SourceJSONByte.closeBracket {
      throw mismatchedBracket()
    } else {
      throw unexpectedCharacter(expected: t("json.expected.key"))
    }

    try skipWhitespace()
    if pos < end && bytes[pos] == SourceJSONByte.colon {
      pos += 1
      return
    }
    // Only on the way to an error: quoting the key for every member would slow every parse.
    let key = Excerpt.of(stack[stack.count - 1].key, limit: 40)
    guard pos < end else {
      throw unexpectedEnd(stillNeeds: t("json.needs.colonAndValue", key))
    }
    switch bytes[pos] {
    case SourceJSONByte.equals:
      throw syntax(t("json.equalsForColon", key), at: pos)
    default:
      throw syntax(t("json.missingColon", key), at: pos)
    }
  }

  // MARK: Scalars

  mutating func parseScalar() throws(Diagnostic) -> SourceJSON {
    let byte = bytes[pos]
    switch byte {
    case SourceJSONByte.quote:
      let start = location(at: pos)
      let text = try parseString()
      return SourceJSON(value: .string(text), location: start)
    case SourceJSONByte.minus, SourceJSONByte.zero...SourceJSONByte.nine:
      return try parseNumber()
    case SourceJSONByte.plus:
      let rest = numberText(from: pos + 1)
      if isNonFiniteWord(rest) { throw nonFiniteNumber(rest, at: pos) }
      throw syntax(rest.isEmpty ? t("json.plusSign") : t("json.plusSignBefore", rest), at: pos)
    case SourceJSONByte.dot where pos + 1 < end && SourceJSONByte.isDigit(bytes[pos + 1]):
      let text = numberText(from: pos)
      throw syntax(t("json.leadingPoint", text), at: pos)
    case SourceJSONByte.apostrophe:
      throw singleQuoted(isKey: false)
    case SourceJSONByte.comma, SourceJSONByte.closeBrace, SourceJSONByte.closeBracket:
      throw missingValue()
    default:
      if isWordStart(at: pos) {
        return try parseWord()
      }
      throw unexpectedCharacter(expected: t("json.expected.value"))
    }
  }

  mutating func parseWord() throws(Diagnostic) -> SourceJSON {
    let start = pos
    let (word, wordEnd) = scanWord(from: pos)
    let value: JSONValue
    switch word {
    case "true": value = .bool(true)
    case "false": value = .bool(false)
    case "null": value = .null
    default:
      let lower = word.lowercased()
      if lower == "true" || lower == "false" || lower == "null" {
        throw syntax(t("json.literalCase", lower, word), at: start)
      }
      if lower == "none" || lower == "nil" || lower == "undefined" {
        throw syntax(t("json.notAValue", word), at: start)
      }
      if isNonFiniteWord(word) {
        throw nonFiniteNumber(word, at: start)
      }
      let shown = Excerpt.of(word, limit: 40)
      throw syntax(t("json.unexpectedWord", shown), at: start)
    }
    let location = location(at: start)
    pos = wordEnd
    return SourceJSON(value: value, location: location)
  }

  mutating func parseNumber() throws(Diagnostic) -> SourceJSON {
    let start = pos
    var index = pos
    if bytes[index] == SourceJSONByte.minus {
      index += 1
      guard index < end, SourceJSONByte.isDigit(bytes[index]) else {
        if index < end, isWordStart(at: index) {
          let word = scanWord(from: index).text
          if isNonFiniteWord(word) { throw nonFiniteNumber("-" + word, at: start) }
        }
        throw syntax(t("json.minusWithoutDigits"), at: start)
      }
    }
    if bytes[index] == SourceJSONByte.zero {
      index += 1
      if index < end, SourceJSONByte.isDigit(bytes[index]) {
        let text = numberText(from: start)
        throw syntax(t("json.leadingZeros", withoutLeadingZeros(text), text), at: start)
      }
    } else {
      while index < end, SourceJSONByte.isDigit(bytes[index]) { index += 1 }
    }
    if index < end, bytes[index] == SourceJSONByte.dot {
      index += 1
      guard index < end, SourceJSONByte.isDigit(bytes[index]) else {
        let text = asciiText(start..<index)
        throw syntax(t("json.noDigitsAfterPoint", text), at: start)
      }
      while index < end, SourceJSONByte.isDigit(bytes[index]) { index += 1 }
    }
    if index < end, bytes[index] | 0x20 == SourceJSONByte.lowerE {
      index += 1
      if index < end, bytes[index] == SourceJSONByte.plus || bytes[index] == SourceJSONByte.minus {
        index += 1
      }
      guard index < end, SourceJSONByte.isDigit(bytes[index]) else {
        let text = asciiText(start..<index)
        throw syntax(t("json.exponentWithoutDigits", text), at: start)
      }
      while index < end, SourceJSONByte.isDigit(bytes[index]) { index += 1 }
    }
    if index < end, isNumberCharacter(bytes[index]) {
      let text = numberText(from: start)
      let lower = text.lowercased()
      if lower.hasPrefix("0x") || lower.hasPrefix("-0x") {
        throw syntax(t("json.hexadecimal", text), at: start)
      }
      throw syntax(t("json.invalidNumber", text), at: start)
    }
    let location = location(at: start)
    pos = index
    return SourceJSON(value: .number(asciiText(start..<index)), location: location)
  }

  /// Parses the string whose opening quote is at `pos`. Runs without escapes are copied as whole
  /// byte slices (the input is already known to be valid UTF-8), so long strings stay cheap.
  mutating func parseString() throws(Diagnostic) -> String {
    let quote = pos
    var index = pos + 1
    var runStart = index
    var decoded: [UInt8] = []
    var hasEscapes = false
    while true {
      guard index < end else { throw unterminatedString(quote: quote) }
      let byte = bytes[index]
      if byte == SourceJSONByte.quote { break }
      if byte == SourceJSONByte.backslash {
        hasEscapes = true
        decoded.append(contentsOf: bytes[runStart..<index])
        index = try decodeEscape(at: index, into: &decoded, quote: quote)
        runStart = index
        continue
      }
      if byte < 0x20 { throw controlCharacterInString(at: index) }
      index += 1
    }
    let text: String
    if hasEscapes {
      decoded.append(contentsOf: bytes[runStart..<index])
      text = String(decoding: decoded, as: UTF8.self)
    } else {
      text = String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<index]), as: UTF8.self)
    }
    pos = index + 1
    return text
  }

  /// Decodes the escape whose backslash is at `index` into `output` and returns the offset just
  /// after it.
  mutating func decodeEscape(
    at index: Int, into output: inout [UInt8], quote: Int
  ) throws(Diagnostic) -> Int {
    guard index + 1 < end else { throw unterminatedString(quote: quote) }
    let simple: UInt8
    switch bytes[index + 1] {
    case SourceJSONByte.quote: simple = SourceJSONByte.quote
    case SourceJSONByte.backslash: simple = SourceJSONByte.backslash
    case SourceJSONByte.slash: simple = SourceJSONByte.slash
    case SourceJSONByte.lowerB: simple = 0x08
    case SourceJSONByte.lowerF: simple = 0x0C
    case SourceJSONByte.lowerN: simple = SourceJSONByte.lineFeed
    case SourceJSONByte.lowerR: simple = SourceJSONByte.carriageReturn
    case SourceJSONByte.lowerT: simple = SourceJSONByte.tab
    case SourceJSONByte.lowerU:
      guard let unit = hex4(at: index + 2) else {
        throw syntax(t("json.unicodeEscapeDigits"), at: index)
      }
      var next = index + 6
      var scalar = unit
      if (0xD800...0xDBFF).contains(unit) {
        guard next + 1 < end, bytes[next] == SourceJSONByte.backslash,
          bytes[next + 1] == SourceJSONByte.lowerU,
          let low = hex4(at: next + 2), (0xDC00...0xDFFF).contains(low)
        else {
          throw loneSurrogate(unit, at: index, high: true)
        }
        scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
        next += 6
      } else if (0xDC00...0xDFFF).contains(unit) {
        throw loneSurrogate(unit, at: index, high: false)
      }
      appendUTF8(scalar, to: &output)
      return next
    default:
      let escaped = bytes[index + 1]
      let shown =
        escaped >= 0x21 && escaped <= 0x7E
        ? "'\\\(Character(Unicode.Scalar(escaped)))'"
        : t("json.backslashFollowedBy", describeCharacter(at: index + 1))
      throw syntax(t("json.invalidEscape", shown), at: index)
    }
    output.append(simple)
    return index + 2
  }

  func hex4(at index: Int) -> UInt32? {
    guard index + 4 <= end else { return nil }
    var value: UInt32 = 0
    for offset in index..<(index + 4) {
      guard let digit = SourceJSONByte.hexValue(bytes[offset]) else { return nil }
      value = value << 4 | digit
    }
    return value
  }

  func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
    switch scalar {
    case 0..<0x80:
      output.append(UInt8(scalar))
    case 0x80..<0x800:
      output.append(UInt8(0xC0 | scalar >> 6))
      output.append(UInt8(0x80 | scalar & 0x3F))
    case 0x800..<0x10000:
      output.append(UInt8(0xE0 | scalar >> 12))
      output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
      output.append(UInt8(0x80 | scalar & 0x3F))
    default:
      output.append(UInt8(0xF0 | scalar >> 18))
      output.append(UInt8(0x80 | scalar >> 12 & 0x3F))
      output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
      output.append(UInt8(0x80 | scalar & 0x3F))
    }
  }

  // MARK: Whitespace and positions

  func isWhitespace(_ byte: UInt8) -> Bool {
    byte == SourceJSONByte.space || byte == SourceJSONByte.lineFeed
      || byte == SourceJSONByte.carriageReturn || byte == SourceJSONByte.tab
  }

  /// Skips JSON whitespace. Comments are refused here, where they would otherwise be skipped,
  /// because people often add them and deserve a specific message rather than "unexpected '/'".
  mutating func skipWhitespace() throws(Diagnostic) {
    while pos < end {
      let byte = bytes[pos]
      if isWhitespace(byte) {
        pos += 1
      } else if byte == SourceJSONByte.slash, pos + 1 < end,
        bytes[pos + 1] == SourceJSONByte.slash || bytes[pos + 1] == SourceJSONByte.star
      {
        let form = bytes[pos + 1] == SourceJSONByte.slash ? "'//'" : "'/* */'"
        throw syntax(t("json.comment", form), at: pos)
      } else {
        return
      }
    }
  }

  /// The location of `offset`, found by scanning forward from the previous answer.
  mutating func location(at offset: Int) -> SourceLocation {
    if offset < cursor.offset {
      cursor = SourceLocation(line: 1, column: 1, offset: contentStart)
    }
    var line = cursor.line
    var column = cursor.column
    var index = cursor.offset
    while index < offset {
      let byte = bytes[index]
      if byte == SourceJSONByte.lineFeed {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
      index += 1
    }
    cursor = SourceLocation(line: line, column: column, offset: offset)
    return cursor
  }

  /// The offset of the first byte that does not start a well-formed UTF-8 sequence (Unicode
  /// table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF), or nil.
  func firstInvalidUTF8() -> Int? {
    var index = 0
    let raw = UnsafeRawBufferPointer(bytes)
    while index < end {
      // Most files are ASCII; checking eight bytes at a time keeps this pass cheap.
      while index + 8 <= end,
        raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
      {
        index += 8
      }
      guard index < end else { break }
      let lead = bytes[index]
      if lead < 0x80 {
        index += 1
        continue
      }
      var low: UInt8 = 0x80
      var high: UInt8 = 0xBF
      let continuation: Int
      switch lead {
      case 0xC2...0xDF: continuation = 1
      case 0xE0:
        continuation = 2
        low = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: continuation = 2
      case 0xED:
        continuation = 2
        high = 0x9F
      case 0xF0:
        continuation = 3
        low = 0x90
      case 0xF1...0xF3: continuation = 3
      case 0xF4:
        continuation = 3
        high = 0x8F
      default: return index
      }
      guard index + continuation < end else { return index }
      let second = bytes[index + 1]
      guard second >= low, second <= high else { return index }
      var next = index + 2
      while next <= index + continuation {
        guard bytes[next] & 0xC0 == 0x80 else { return index }
        next += 1
      }
      index = next
    }
    return nil
  }

  /// The scalar starting at `index` and its length in bytes; the input is valid UTF-8 by now.
  func scalar(at index: Int) -> (scalar: Unicode.Scalar, length: Int) {
    let lead = bytes[index]
    if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
    let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
    var value = UInt32(lead) & (0x7F >> length)
    var offset = index + 1
    while offset < index + length, offset < end {
      value = value << 6 | UInt32(bytes[offset] & 0x3F)
      offset += 1
    }
    return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
  }

  // MARK: Words and number text (used for messages)

  func isWordStart(at index: Int) -> Bool {
    let byte = bytes[index]
    if byte < 0x80 {
      return SourceJSONByte.isLetter(byte) || byte == SourceJSONByte.underscore
        || byte == SourceJSONByte.dollar
    }
    return scalar(at: index).scalar.properties.isAlphabetic
  }

  func isWordContinuation(at index: Int) -> Bool {
    let byte = bytes[index]
    if byte < 0x80 {
      return SourceJSONByte.isLetter(byte) || SourceJSONByte.isDigit(byte)
        || byte == SourceJSONByte.underscore
        || byte == SourceJSONByte.dollar || byte == SourceJSONByte.minus
    }
    let properties = scalar(at: index).scalar.properties
    return properties.isAlphabetic || properties.numericType != nil
  }

  func scanWord(from start: Int) -> (text: String, end: Int) {
    var index = start
    while index < end, isWordContinuation(at: index) {
      index += scalar(at: index).length
    }
    return (
      String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self), index
    )
  }

  func isNumberCharacter(_ byte: UInt8) -> Bool {
    SourceJSONByte.isLetter(byte) || SourceJSONByte.isDigit(byte) || byte == SourceJSONByte.dot
      || byte == SourceJSONByte.underscore
      || byte == SourceJSONByte.plus || byte == SourceJSONByte.minus
  }

  /// The number-like token at `start`, shortened for messages.
  func numberText(from start: Int) -> String {
    var index = start
    while index < end, index - start < 40, isNumberCharacter(bytes[index]) { index += 1 }
    let text = asciiText(start..<index)
    return index < end && isNumberCharacter(bytes[index]) ? text + "…" : text
  }

  func asciiText(_ range: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
  }

  func withoutLeadingZeros(_ text: String) -> String {
    let sign = text.hasPrefix("-") ? "-" : ""
    var digits = Substring(text.dropFirst(sign.count))
    while digits.hasPrefix("0"), let next = digits.dropFirst().first, next.isASCII, next.isNumber {
      digits = digits.dropFirst()
    }
    return sign + digits
  }

  func isNonFiniteWord(_ word: String) -> Bool {
    ["nan", "inf", "infinity"].contains(word.lowercased())
  }

  func describeCharacter(at index: Int) -> String {
    let scalar = scalar(at: index).scalar
    let code = "U+" + Excerpt.hexDigits(scalar.value)
    switch scalar.value {
    case 0x20: return t("json.character.space")
    case 0x21...0x7E: return "'\(Character(scalar))'"
    case 0x00..<0x20, 0x7F...0x9F: return t("json.character.control", code)
    case 0xA0: return t("json.character.noBreakSpace", code)
    case 0xFEFF: return t("json.character.byteOrderMark", code)
    case 0x200B: return t("json.character.zeroWidthSpace", code)
    default: return "'\(Character(scalar))' (\(code))"
    }
  }

  /// Extra advice for characters that are usually pasted in by accident.
  func hint(forCharacterAt index: Int) -> String? {
    switch scalar(at: index).scalar.value {
    case 0xA0, 0x200B, 0xFEFF, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
      return t("json.hint.invisible")
    case 0x201C, 0x201D, 0x201E, 0x2018, 0x2019:
      return t("json.hint.curlyQuotes")
    case UInt32(SourceJSONByte.hash):
      return t("json.hint.comment")
    case 0x00..<0x20, 0x7F:
      return t("json.hint.removeIt")
    default:
      return nil
    }
  }

  // MARK: Errors

  mutating func syntax(_ message: String, at offset: Int) -> Diagnostic {
    Diagnostic(.error, rule: "json-syntax", message: message, location: DiagnosticLocation(location(at: offset)))
  }

  mutating func invalidUTF8(at offset: Int) -> Diagnostic {
    let byte = String(bytes[offset], radix: 16, uppercase: true)
    let looksLikeUTF16 =
      end >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
    let message =
      looksLikeUTF16 ? t("json.utf16") : t("json.invalidUTF8", byte.count == 1 ? "0" + byte : byte)
    return Diagnostic(
      .error, rule: "invalid-utf8", message: message, location: DiagnosticLocation(location(at: offset)))
  }

  mutating func tooManyValues() -> Diagnostic {
    Diagnostic(
      .error, rule: "too-many-values", message: t("json.tooManyValues", maxValues),
      location: DiagnosticLocation(location(at: pos)))
  }

  mutating func unexpectedEndAtValue() -> Diagnostic {
    guard let top = stack.last else {
      return syntax(t("json.endWhereValueExpected"), at: end)
    }
    if top.isObject {
      return unexpectedEnd(stillNeeds: t("json.needs.valueForKey", Excerpt.of(top.key, limit: 40)))
    }
    return unexpectedEnd(stillNeeds: top.elements.isEmpty ? nil : t("json.needs.valueAfterComma"))
  }

  mutating func unexpectedEnd(stillNeeds missing: String? = nil) -> Diagnostic {
    guard let top = stack.last else {
      return syntax(t("json.endUnexpected"), at: end)
    }
    let closers = String(decoding: stack.reversed().map(\.closer), as: UTF8.self)
    let several = stack.count > 1 ? "several" : "one"
    let message =
      if let missing {
        t("json.endBeforeCloseNeeding.\(several)", opened(top), missing, closers)
      } else {
        t("json.endBeforeClose.\(several)", opened(top), closers)
      }
    return syntax(message, at: end)
  }

  /// "the object opened at line 3, column 5", for messages about a bracket left open.
  func opened(_ frame: SourceJSONFrame) -> String {
    t("json.opened.\(frame.kind)", frame.start.line, frame.start.column)
  }

  mutating func trailingComma(at comma: Int, closer: String) -> Diagnostic {
    syntax(t(closer == "}" ? "json.trailingComma.member" : "json.trailingComma.element"), at: comma)
  }

  mutating func mismatchedBracket() -> Diagnostic {
    let found = Character(Unicode.Scalar(bytes[pos]))
    guard let top = stack.last else {
      return syntax(t("json.strayBracket", found), at: pos)
    }
    let closer = Character(Unicode.Scalar(top.closer))
    return syntax(t("json.mismatchedBracket", found, opened(top), closer), at: pos)
  }

  /// A ',', '}' or ']' where a value should be.
  mutating func missingValue() -> Diagnostic {
    let byte = bytes[pos]
    guard let top = stack.last else {
      return unexpectedCharacter(expected: t("json.expected.aValue"))
    }
    if top.isObject {
      return syntax(t("json.keyWithoutValue", Excerpt.of(top.key, limit: 40)), at: pos)
    }
    if byte == SourceJSONByte.comma {
      return syntax(t(top.elements.isEmpty ? "json.commaAfterOpenBracket" : "json.twoCommas.elements"), at: pos)
    }
    return mismatchedBracket()
  }

  mutating func unexpectedAfterMember() -> Diagnostic {
    let byte = bytes[pos]
    let key = Excerpt.of(stack[stack.count - 1].key, limit: 40)
    if byte == SourceJSONByte.quote || byte == SourceJSONByte.apostrophe || isWordStart(at: pos) {
      return syntax(t("json.missingComma.members", key), at: pos)
    }
    if byte == SourceJSONByte.closeBracket {
      return mismatchedBracket()
    }
    return unexpectedCharacter(expected: t("json.expected.afterMember", key), fix: t("json.fix.afterMember"))
  }

  mutating func unexpectedAfterElement() -> Diagnostic {
    let byte = bytes[pos]
    switch byte {
    case SourceJSONByte.quote, SourceJSONByte.apostrophe, SourceJSONByte.openBrace,
      SourceJSONByte.openBracket, SourceJSONByte.minus,
      SourceJSONByte.zero...SourceJSONByte.nine:
      return syntax(t("json.missingComma.elements"), at: pos)
    case SourceJSONByte.closeBrace:
      return mismatchedBracket()
    case SourceJSONByte.colon:
      return syntax(t("json.colonInArray"), at: pos)
    default:
      if isWordStart(at: pos) {
        return syntax(t("json.missingComma.elements"), at: pos)
      }
      return unexpectedCharacter(expected: t("json.expected.afterElement"), fix: t("json.fix.afterElement"))
    }
  }

  mutating func textAfterDocument(_ document: SourceJSON) -> Diagnostic {
    let byte = bytes[pos]
    let document = t("json.endOf.\(document.kindName)")
    if byte == SourceJSONByte.closeBrace || byte == SourceJSONByte.closeBracket {
      return syntax(t("json.extraBracket", Character(Unicode.Scalar(byte)), document), at: pos)
    }
    return syntax(t("json.textAfterDocument", document), at: pos)
  }

  mutating func unexpectedCharacter(expected: String, fix: String? = nil) -> Diagnostic {
    var message = t("json.expectedFound", expected, describeCharacter(at: pos))
    if let extra = hint(forCharacterAt: pos) ?? fix {
      message += " " + extra
    }
    return syntax(message, at: pos)
  }

  mutating func singleQuoted(isKey: Bool) -> Diagnostic {
    var index = pos + 1
    while index < end, index - pos < 200, bytes[index] != SourceJSONByte.apostrophe,
      bytes[index] != SourceJSONByte.lineFeed, bytes[index] != SourceJSONByte.carriageReturn
    {
      index += 1
    }
    let what = isKey ? "key" : "string"
    if index < end, bytes[index] == SourceJSONByte.apostrophe {
      let text = Excerpt.of(asciiText((pos + 1)..<index), limit: 40)
      return syntax(t("json.singleQuoted.\(what).quoting", text), at: pos)
    }
    return syntax(t("json.singleQuoted.\(what)"), at: pos)
  }

  mutating func unterminatedString(quote: Int) -> Diagnostic {
    syntax(t("json.unterminatedString"), at: quote)
  }

  mutating func controlCharacterInString(at index: Int) -> Diagnostic {
    let byte = bytes[index]
    if byte == SourceJSONByte.lineFeed || byte == SourceJSONByte.carriageReturn {
      return syntax(t("json.lineBreakInString"), at: index)
    }
    if byte == SourceJSONByte.tab {
      return syntax(t("json.tabInString"), at: index)
    }
    let code = Excerpt.hexDigits(UInt32(byte))
    return syntax(t("json.controlCharacterInString", "U+" + code, "\\u" + code), at: index)
  }

  mutating func loneSurrogate(_ unit: UInt32, at index: Int, high: Bool) -> Diagnostic {
    syntax(
      t(high ? "json.loneSurrogate.high" : "json.loneSurrogate.low", "\\u" + Excerpt.hexDigits(unit)), at: index)
  }

  mutating func nonFiniteNumber(_ word: String, at offset: Int) -> Diagnostic {
    syntax(t("json.nonFiniteNumber", Excerpt.of(word, limit: 40)), at: offset)
  }
}
