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
  /// kept in order. `maxDepth` is clamped to `0...1_000`; see `depthCeiling`.
  public static func parse(
    _ bytes: [UInt8], maxDepth: Int = defaultMaxDepth, maxValues: Int = defaultMaxValues
  ) throws(Diagnostic) -> SourceJSON {
    let limit = min(max(maxDepth, 0), depthCeiling)
    return try bytes.withUnsafeBufferPointer { (buffer) throws(Diagnostic) -> SourceJSON in
      var parser = SourceJSONReader(bytes: buffer, maxDepth: limit, maxValues: maxValues)
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

  init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int, maxValues: Int) {
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
        .error, rule: "empty-file",
        message:
          "The file is empty. It should contain a JSON object, starting with '{' and "
          + "ending with '}'.",
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
      let kind = isObject ? "object" : "array"
      throw Diagnostic(
        .error, rule: "nesting-too-deep",
        message:
          "Objects and arrays are nested too deeply here: this \(kind) would be level "
          + "\(stack.count + 1), but at most \(maxDepth) levels are allowed. "
          + "Flatten the structure so it is nested at most \(maxDepth) levels deep.",
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
      throw unexpectedEnd(stillNeeds: comma == nil ? nil : "another member after the last ','")
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
      throw syntax(
        comma == nil
          ? "Unexpected ',' right after '{'. Remove it; a comma only goes between members."
          : "Two commas in a row. Remove one of them, or put a member between them.",
        at: pos)
    } else if byte == SourceJSONByte.apostrophe {
      throw singleQuoted(isKey: true)
    } else if isWordStart(at: pos) || SourceJSONByte.isDigit(byte) {
      let word = Excerpt.of(scanWord(from: pos).text, limit: 40)
      throw syntax(
        "The key \(word) is not in quotes. Put the key in double quotes, as in \"\(word)\".",
        at: pos)
    } else if byte == SourceJSONByte.closeBracket {
      throw mismatchedBracket()
    } else {
      throw unexpectedCharacter(expected: "a key in double quotes, such as \"name\"")
    }

    try skipWhitespace()
    if pos < end && bytes[pos] == SourceJSONByte.colon {
      pos += 1
      return
    }
    // Only on the way to an error: quoting the key for every member would slow every parse.
    let key = Excerpt.of(stack[stack.count - 1].key, limit: 40)
    guard pos < end else {
      throw unexpectedEnd(stillNeeds: "':' and a value for the key \"\(key)\"")
    }
    switch bytes[pos] {
    case SourceJSONByte.equals:
      throw syntax(
        "Use ':' between a key and its value, not '='. Write \"\(key)\": followed by the value.",
        at: pos)
    default:
      throw syntax(
        "Missing ':' after the key \"\(key)\". Put a colon between the key and its value, "
          + "as in \"\(key)\": value.",
        at: pos)
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
      throw syntax(
        "Numbers cannot start with '+'. Remove the plus sign"
          + (rest.isEmpty ? "." : " and write \(rest)."),
        at: pos)
    case SourceJSONByte.dot where pos + 1 < end && SourceJSONByte.isDigit(bytes[pos + 1]):
      let text = numberText(from: pos)
      throw syntax(
        "A number must start with a digit. Write 0\(text) instead of \(text).", at: pos)
    case SourceJSONByte.apostrophe:
      throw singleQuoted(isKey: false)
    case SourceJSONByte.comma, SourceJSONByte.closeBrace, SourceJSONByte.closeBracket:
      throw missingValue()
    default:
      if isWordStart(at: pos) {
        return try parseWord()
      }
      throw unexpectedCharacter(
        expected: "a value (a string in double quotes, a number, an object, an array, "
          + "true, false or null)")
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
        throw syntax(
          "JSON's true, false and null are written in lowercase. Write \(lower) "
            + "instead of \(word).",
          at: start)
      }
      if lower == "none" || lower == "nil" || lower == "undefined" {
        throw syntax(
          "\(word) is not a JSON value. Write null for \"no value\".", at: start)
      }
      if isNonFiniteWord(word) {
        throw nonFiniteNumber(word, at: start)
      }
      let shown = Excerpt.of(word, limit: 40)
      throw syntax(
        "Unexpected word \(shown). Text must be in double quotes: write \"\(shown)\".",
        at: start)
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
        throw syntax("A '-' must be followed by digits, as in -1 or -0.5.", at: start)
      }
    }
    if bytes[index] == SourceJSONByte.zero {
      index += 1
      if index < end, SourceJSONByte.isDigit(bytes[index]) {
        let text = numberText(from: start)
        throw syntax(
          "Numbers cannot have leading zeros. Write \(withoutLeadingZeros(text)) instead of "
            + "\(text); if the zeros matter (as in a code), put the value in double quotes: "
            + "\"\(text)\".",
          at: start)
      }
    } else {
      while index < end, SourceJSONByte.isDigit(bytes[index]) { index += 1 }
    }
    if index < end, bytes[index] == SourceJSONByte.dot {
      index += 1
      guard index < end, SourceJSONByte.isDigit(bytes[index]) else {
        let text = asciiText(start..<index)
        throw syntax(
          "The number \(text) has no digits after the decimal point. Write \(text)0, "
            + "or remove the point.",
          at: start)
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
        throw syntax(
          "The exponent in \(text) has no digits. Write it like 1e5, or remove the 'e'.",
          at: start)
      }
      while index < end, SourceJSONByte.isDigit(bytes[index]) { index += 1 }
    }
    if index < end, isNumberCharacter(bytes[index]) {
      let text = numberText(from: start)
      let lower = text.lowercased()
      if lower.hasPrefix("0x") || lower.hasPrefix("-0x") {
        throw syntax(
          "Hexadecimal numbers such as \(text) are not allowed in JSON. Write the number in "
            + "decimal, or put it in double quotes if it is text.",
          at: start)
      }
      throw syntax(
        "\(text) is not a valid number. A JSON number looks like 12, -3.5 or 1e6; if this is "
          + "meant as text, put it in double quotes: \"\(text)\".",
        at: start)
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
        throw syntax(
          "'\\u' must be followed by exactly four hexadecimal digits (0-9, A-F), as in \\u00E9. "
            + "Fix the digits, or write \\\\ if you meant a backslash.",
          at: index)
      }
      var next = index + 6
      var scalar = unit
      if (0xD800...0xDBFF).contains(unit) {
        guard next + 1 < end, bytes[next] == SourceJSONByte.backslash,
          bytes[next + 1] == SourceJSONByte.lowerU,
          let low = hex4(at: next + 2), (0xDC00...0xDFFF).contains(low)
        else {
          throw loneSurrogate(unit, at: index, expectation: "must be followed by a low surrogate")
        }
        scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
        next += 6
      } else if (0xDC00...0xDFFF).contains(unit) {
        throw loneSurrogate(unit, at: index, expectation: "must follow a high surrogate")
      }
      appendUTF8(scalar, to: &output)
      return next
    default:
      let escaped = bytes[index + 1]
      let shown =
        escaped >= 0x21 && escaped <= 0x7E
        ? "'\\\(Character(Unicode.Scalar(escaped)))'"
        : "a backslash followed by "
          + describeCharacter(at: index + 1)
      throw syntax(
        "Invalid escape \(shown) in a string. JSON only understands \\\", \\\\, \\/, \\b, \\f, "
          + "\\n, \\r, \\t and \\uXXXX; to write a backslash itself, double it: \\\\.",
        at: index)
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
        throw syntax("JSON has no comments. Remove this \(form) comment.", at: pos)
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
    case 0x20: return "a space"
    case 0x21...0x7E: return "'\(Character(scalar))'"
    case 0x00..<0x20, 0x7F...0x9F: return "the control character \(code)"
    case 0xA0: return "a no-break space (\(code))"
    case 0xFEFF: return "a byte order mark (\(code))"
    case 0x200B: return "a zero-width space (\(code))"
    default: return "'\(Character(scalar))' (\(code))"
    }
  }

  /// Extra advice for characters that are usually pasted in by accident.
  func hint(forCharacterAt index: Int) -> String? {
    switch scalar(at: index).scalar.value {
    case 0xA0, 0x200B, 0xFEFF, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
      return "This invisible character often comes from copying and pasting; replace it with "
        + "an ordinary space or delete it."
    case 0x201C, 0x201D, 0x201E, 0x2018, 0x2019:
      return "Use straight double quotes (\") instead of curly quotes."
    case UInt32(SourceJSONByte.hash):
      return "JSON has no comments; remove the comment."
    case 0x00..<0x20, 0x7F:
      return "Remove it."
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
      looksLikeUTF16
      ? "The file is saved as UTF-16, not UTF-8. Save the file as UTF-8 (in most editors: "
        + "Save As, then choose the UTF-8 encoding)."
      : "The file is not valid UTF-8: the byte 0x\(byte.count == 1 ? "0" + byte : byte) here "
        + "cannot be read as text. Save the file as UTF-8 (in most editors: Save As, then "
        + "choose the UTF-8 encoding)."
    return Diagnostic(
      .error, rule: "invalid-utf8", message: message, location: DiagnosticLocation(location(at: offset)))
  }

  mutating func tooManyValues() -> Diagnostic {
    Diagnostic(
      .error, rule: "too-many-values",
      message: "The file holds more than \(maxValues) values (objects, arrays, strings and numbers) and this one "
        + "would be the next; cpms files hold far fewer. Check that this is the right file.",
      location: DiagnosticLocation(location(at: pos)))
  }

  mutating func unexpectedEndAtValue() -> Diagnostic {
    guard let top = stack.last else {
      return syntax("The file ends where a value was expected. Add a value.", at: end)
    }
    if top.isObject {
      return unexpectedEnd(stillNeeds: "a value for the key \"\(Excerpt.of(top.key, limit: 40))\"")
    }
    return unexpectedEnd(stillNeeds: top.elements.isEmpty ? nil : "a value after the last ','")
  }

  mutating func unexpectedEnd(stillNeeds missing: String? = nil) -> Diagnostic {
    guard let top = stack.last else {
      return syntax("The file ends unexpectedly. Complete the value.", at: end)
    }
    let closers = String(decoding: stack.reversed().map(\.closer), as: UTF8.self)
    var message =
      "The file ends before the \(top.kind) opened at line \(top.start.line), column "
      + "\(top.start.column) is closed"
    if let missing {
      message += ", and it still needs \(missing)"
    }
    message += ". Add '\(closers)' at the end of the file"
    message += stack.count > 1 ? " to close every open bracket." : "."
    return syntax(message, at: end)
  }

  mutating func trailingComma(at comma: Int, closer: String) -> Diagnostic {
    let last = closer == "}" ? "member" : "element"
    return syntax(
      "Trailing comma before '\(closer)': JSON does not allow a comma after the last \(last). "
        + "Remove the comma.",
      at: comma)
  }

  mutating func mismatchedBracket() -> Diagnostic {
    let found = Character(Unicode.Scalar(bytes[pos]))
    guard let top = stack.last else {
      return syntax("Unexpected '\(found)'. Remove it.", at: pos)
    }
    let closer = Character(Unicode.Scalar(top.closer))
    return syntax(
      "Mismatched bracket: '\(found)' cannot close the \(top.kind) opened at line "
        + "\(top.start.line), column \(top.start.column). Close it with '\(closer)' instead.",
      at: pos)
  }

  /// A ',', '}' or ']' where a value should be.
  mutating func missingValue() -> Diagnostic {
    let byte = bytes[pos]
    guard let top = stack.last else {
      return unexpectedCharacter(expected: "a value")
    }
    if top.isObject {
      let key = Excerpt.of(top.key, limit: 40)
      return syntax(
        "The key \"\(key)\" has no value. Add a value after the ':' (for example null), "
          + "or remove the key.",
        at: pos)
    }
    if byte == SourceJSONByte.comma {
      return syntax(
        top.elements.isEmpty
          ? "Unexpected ',' right after '['. Remove it; a comma only goes between elements."
          : "Two commas in a row. Remove one of them, or put a value between them.",
        at: pos)
    }
    return mismatchedBracket()
  }

  mutating func unexpectedAfterMember() -> Diagnostic {
    let byte = bytes[pos]
    let key = Excerpt.of(stack[stack.count - 1].key, limit: 40)
    if byte == SourceJSONByte.quote || byte == SourceJSONByte.apostrophe || isWordStart(at: pos) {
      return syntax(
        "Missing comma between members. Add ',' after the value of \"\(key)\".", at: pos)
    }
    if byte == SourceJSONByte.closeBracket {
      return mismatchedBracket()
    }
    return unexpectedCharacter(
      expected: "',' or '}' after the value of \"\(key)\"",
      fix: "Add a comma to start another member, or '}' to close the object.")
  }

  mutating func unexpectedAfterElement() -> Diagnostic {
    let byte = bytes[pos]
    switch byte {
    case SourceJSONByte.quote, SourceJSONByte.apostrophe, SourceJSONByte.openBrace,
      SourceJSONByte.openBracket, SourceJSONByte.minus,
      SourceJSONByte.zero...SourceJSONByte.nine:
      return syntax(
        "Missing comma between elements. Add ',' after the previous element.", at: pos)
    case SourceJSONByte.closeBrace:
      return mismatchedBracket()
    case SourceJSONByte.colon:
      return syntax(
        "Unexpected ':' inside an array. Arrays hold plain values; to use keys, make it an "
          + "object with '{' and '}'.",
        at: pos)
    default:
      if isWordStart(at: pos) {
        return syntax(
          "Missing comma between elements. Add ',' after the previous element.", at: pos)
      }
      return unexpectedCharacter(
        expected: "',' or ']' after an array element",
        fix: "Add a comma to continue the array, or ']' to close it.")
    }
  }

  mutating func textAfterDocument(_ document: SourceJSON) -> Diagnostic {
    let byte = bytes[pos]
    let kind = document.kindName
    if byte == SourceJSONByte.closeBrace || byte == SourceJSONByte.closeBracket {
      let found = Character(Unicode.Scalar(byte))
      return syntax(
        "Extra '\(found)' after the end of the top-level \(kind). Remove it; the brackets "
          + "are not balanced.",
        at: pos)
    }
    return syntax(
      "Unexpected text after the end of the top-level \(kind). Remove it; a JSON file holds "
        + "exactly one value (to hold several, put them in one array).",
      at: pos)
  }

  mutating func unexpectedCharacter(expected: String, fix: String? = nil) -> Diagnostic {
    var message = "Expected \(expected), found \(describeCharacter(at: pos))."
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
    let what = isKey ? "Keys" : "Strings"
    var message = "\(what) must use double quotes (\"), not single quotes (')."
    if index < end, bytes[index] == SourceJSONByte.apostrophe {
      let text = Excerpt.of(asciiText((pos + 1)..<index), limit: 40)
      message += " Write \"\(text)\" instead of '\(text)'."
    } else {
      message += " Replace the single quotes with double quotes."
    }
    return syntax(message, at: pos)
  }

  mutating func unterminatedString(quote: Int) -> Diagnostic {
    syntax(
      "Unterminated string: the string that starts here has no closing quote before the end of "
        + "the file. Add the closing quote (\").",
      at: quote)
  }

  mutating func controlCharacterInString(at index: Int) -> Diagnostic {
    let byte = bytes[index]
    if byte == SourceJSONByte.lineFeed || byte == SourceJSONByte.carriageReturn {
      return syntax(
        "Line break inside a string: JSON strings must stay on one line. If the string should "
          + "end here, add the closing quote (\"); if the line break belongs to the text, "
          + "escape it as \\n.",
        at: index)
    }
    if byte == SourceJSONByte.tab {
      return syntax("Tab character inside a string. Escape it as \\t.", at: index)
    }
    let escape = "\\u" + Excerpt.hexDigits(UInt32(byte))
    let description = describeCharacter(at: index)
    return syntax(
      "\(description.prefix(1).uppercased() + description.dropFirst()) inside a string. "
        + "Remove it, or escape "
        + "it as \(escape).",
      at: index)
  }

  mutating func loneSurrogate(
    _ unit: UInt32, at index: Int, expectation: String
  ) -> Diagnostic {
    syntax(
      "Lone surrogate \\u\(Excerpt.hexDigits(unit)) in a string: it \(expectation) to form one "
        + "character. Write the character itself, or give the complete pair (for example "
        + "\\uD83D\\uDE00 for 😀).",
      at: index)
  }

  mutating func nonFiniteNumber(_ word: String, at offset: Int) -> Diagnostic {
    syntax(
      "\(Excerpt.of(word, limit: 40)) is not a valid JSON number: JSON has no NaN or Infinity. Use null, or "
        + "write the value as a string such as \"\(Excerpt.of(word, limit: 40))\".",
      at: offset)
  }
}
