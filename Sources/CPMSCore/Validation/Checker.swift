#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Collects diagnostics while walking a parsed file; the shared vocabulary of both file formats.
struct Checker {
  /// More findings than anyone reads: a hostile or badly broken file (a million wrong entries) stops
  /// here instead of filling memory and the terminal, and one last finding says how many were left out.
  static let maxDiagnostics = 1_000

  var diagnostics: [Diagnostic] = []
  /// Findings past `maxDiagnostics`, counted but not kept, and where the first of them was.
  var suppressed = 0
  var firstSuppressed: SourceLocation?
  /// Whether any error was found, kept or not.
  private(set) var hasErrors = false

  mutating func error(_ rule: String, _ message: @autoclosure () -> String, at location: SourceLocation) {
    add(.error, rule, message, at: location)
  }

  mutating func warning(_ rule: String, _ message: @autoclosure () -> String, at location: SourceLocation) {
    add(.warning, rule, message, at: location)
  }

  private mutating func add(
    _ severity: Severity, _ rule: String, _ message: () -> String, at location: SourceLocation
  ) {
    if severity == .error { hasErrors = true }
    guard diagnostics.count < Checker.maxDiagnostics else {
      if suppressed == 0 { firstSuppressed = location }
      suppressed += 1
      return
    }
    diagnostics.append(Diagnostic(severity, rule: rule, message: message(), location: DiagnosticLocation(location)))
  }

  /// The findings, with a last one saying how many were left out past the limit.
  var allDiagnostics: [Diagnostic] {
    guard suppressed > 0, let location = firstSuppressed else { return diagnostics }
    return diagnostics + [
      Diagnostic(
        .error, rule: "too-many-findings",
        message: "\(suppressed) more finding\(suppressed == 1 ? " is" : "s are") not shown (cpms stops listing after "
          + "\(Checker.maxDiagnostics)); fix the ones above and validate again.",
        location: DiagnosticLocation(location))
    ]
  }

  /// Checks an object's keys: unknown keys (with a suggestion), repeated keys and missing required keys.
  /// Returns the members by key (first occurrence), or nil when the node is not an object.
  mutating func object(_ node: SourceJSON, _ what: String, known: [String], required: [String] = [])
    -> CheckedObject?
  {
    guard let members = node.members else {
      error("type", "\(what) must be an object ({ … }), found \(node.kindName).", at: node.location)
      return nil
    }
    var kept: [JSONMember] = []
    kept.reserveCapacity(members.count)
    // Small objects (nearly all) are checked for duplicates pairwise, which is cheaper than hashing;
    // large ones use a set so that a hostile file with a million keys stays linear.
    var seen: Set<String>? = members.count > 16 ? [] : nil
    for member in members {
      if seen?.contains(member.key) ?? kept.contains(where: { $0.key == member.key }) {
        error(
          "duplicate-key", "The key \"\(Excerpt.of(member.key))\" appears twice in \(what); keep one.",
          at: member.keyLocation)
        continue
      }
      seen?.insert(member.key)
      kept.append(member)
      if !known.contains(member.key) {
        let suggestion = Suggestion.closest(member.key, among: known).map { " Did you mean \"\($0)\"?" } ?? ""
        let allowed = known.map { "\"\($0)\"" }.joined(separator: ", ")
        error(
          "unknown-key",
          "Unknown key \"\(Excerpt.of(member.key))\" in \(what).\(suggestion) Allowed keys: \(allowed).",
          at: member.keyLocation)
      }
    }
    let object = CheckedObject(members: kept)
    for key in required where object[key] == nil {
      error(
        "required-key", "\(what.prefix(1).uppercased() + what.dropFirst()) is missing the required key \"\(key)\".",
        at: node.location)
    }
    return object
  }

  mutating func string(_ node: SourceJSON?, _ what: String, allowEmpty: Bool = false) -> String? {
    guard let node else { return nil }
    guard let value = node.stringValue else {
      error("type", "\(what) must be a string in double quotes, found \(node.kindName).", at: node.location)
      return nil
    }
    if !allowEmpty && value.isBlank {
      error("empty-value", "\(what) is empty; write a value or remove the key.", at: node.location)
      return nil
    }
    if let control = Checker.firstControlCharacter(in: value) {
      let code = "U+" + Excerpt.hexDigits(control.value)
      error(
        "control-character",
        "\(what) contains the invisible control character \(code) (in \"\(Excerpt.of(value))\"); remove it. "
          + "Only line breaks and tabs are allowed in text.", at: node.location)
      return nil
    }
    return value
  }

  /// The first control character other than a line feed or a tab (a NUL, an escape sequence that
  /// would recolour a terminal, a carriage return that would overwrite a line), or a bidirectional
  /// override that would reorder printed text. Plain text is checked in one pass over its bytes.
  static func firstControlCharacter(in text: String) -> Unicode.Scalar? {
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
    return text.unicodeScalars.first { scalar in
      switch scalar.value {
      case 0x0A, 0x09: false
      case 0x00..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
      default: false
      }
    }
  }

  mutating func array(_ node: SourceJSON?, _ what: String) -> [SourceJSON]? {
    guard let node else { return nil }
    guard let elements = node.elements else {
      error("type", "\(what) must be an array ([ … ]), found \(node.kindName).", at: node.location)
      return nil
    }
    return elements
  }

  mutating func bool(_ node: SourceJSON?, _ what: String) -> Bool? {
    guard let node else { return nil }
    guard case .bool(let value) = node.value else {
      error("type", "\(what) must be true or false, found \(node.kindName).", at: node.location)
      return nil
    }
    return value
  }

  /// A standard number 1–28.
  mutating func standardNumber(_ node: SourceJSON?, _ what: String) -> StandardNumber? {
    guard let node else { return nil }
    guard let number = node.intValue else {
      error("type", "\(what) must be a whole number from 1 to 28, found \(node.shownKind).", at: node.location)
      return nil
    }
    guard let standard = StandardNumber(number) else {
      error("standard-number", "\(what) is \(number); standards are numbered 1 to 28.", at: node.location)
      return nil
    }
    return standard
  }

  /// A list of distinct standard numbers.
  mutating func standardList(_ node: SourceJSON?, _ what: String) -> [StandardNumber]? {
    guard let elements = array(node, what) else { return nil }
    var numbers: [StandardNumber] = []
    for element in elements {
      guard let number = standardNumber(element, "Each entry of \(what)") else { continue }
      if numbers.contains(number) {
        error("repeated-standard", "Standard \(number) is listed twice in \(what); list it once.", at: element.location)
      } else {
        numbers.append(number)
      }
    }
    return numbers
  }

  /// A calendar date written YYYY-MM-DD.
  mutating func date(_ node: SourceJSON?, _ what: String) -> String? {
    guard let text = string(node, what), let node else { return nil }
    guard CalendarDate(parsing: text) != nil else {
      error(
        "date", "\(what) '\(Excerpt.of(text))' is not a date written YYYY-MM-DD (for example 2026-03-31).",
        at: node.location)
      return nil
    }
    return text
  }

}

extension SourceJSON {
  /// The kind of value for "found …" in messages; a number is shown as written ("found 1e999"), since
  /// "must be a whole number, found number" would not say what is wrong with it.
  var shownKind: String {
    guard case .number(let raw) = value else { return kindName }
    return "the number " + Excerpt.of(raw, limit: 40)
  }
}

/// An object's members after the duplicate check, looked up by key (first occurrence wins).
struct CheckedObject {
  let members: [JSONMember]

  subscript(key: String) -> SourceJSON? {
    members.first { $0.key == key }?.value
  }

  /// Where the key itself is written, for findings about the key rather than its value.
  func keyLocation(_ key: String) -> SourceLocation? {
    members.first { $0.key == key }?.keyLocation
  }
}
