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

  /// The words of the findings: the language of the output, which the command line chooses.
  let t: Interface

  init(language: Language = .en) {
    t = Interface(language)
  }

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
        message: t(
          suppressed == 1 ? "validate.tooMany.one" : "validate.tooMany.other", suppressed, Checker.maxDiagnostics),
        location: DiagnosticLocation(location))
    ]
  }

  /// Checks an object's keys: unknown keys (with a suggestion), repeated keys and missing required keys.
  /// Returns the members by key (first occurrence), or nil when the node is not an object.
  mutating func object(_ node: SourceJSON, _ what: String, known: [String], required: [String] = [])
    -> CheckedObject?
  {
    let t = self.t
    guard let members = node.members else {
      error("type", t("validate.notObject", what, Checker.kind(node, t)), at: node.location)
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
          "duplicate-key", t("validate.duplicateKey", Excerpt.of(member.key), what),
          at: member.keyLocation)
        continue
      }
      seen?.insert(member.key)
      kept.append(member)
      if !known.contains(member.key) {
        let suggestion = Suggestion.closest(member.key, among: known).map { " " + t("validate.didYouMean", $0) } ?? ""
        let allowed = known.map { "\"\($0)\"" }.joined(separator: ", ")
        error(
          "unknown-key", t("validate.unknownKey", Excerpt.of(member.key), what, suggestion, allowed),
          at: member.keyLocation)
      }
    }
    let object = CheckedObject(members: kept)
    for key in required where object[key] == nil {
      error("required-key", t("validate.requiredKey", Checker.capitalized(what), key), at: node.location)
    }
    return object
  }

  /// Text: not blank (see `FileGrammar.isBlank`), without control characters or bidirectional
  /// overrides (see `FileGrammar.firstForbiddenCharacter`); CR-LF line breaks are returned as "\n".
  mutating func string(_ node: SourceJSON?, _ what: String) -> String? {
    let t = self.t
    guard let node else { return nil }
    guard let value = node.stringValue else {
      error("type", t("validate.notString", what, Checker.kind(node, t)), at: node.location)
      return nil
    }
    if FileGrammar.isBlank(value) {
      error("empty-value", t("validate.emptyValue", what), at: node.location)
      return nil
    }
    if let control = FileGrammar.firstForbiddenCharacter(in: value) {
      let code = "U+" + Excerpt.hexDigits(control.value)
      let shown = control == "\r" ? t("validate.loneCarriageReturn", code) : code
      error("control-character", t("validate.controlCharacter", what, shown, Excerpt.of(value)), at: node.location)
      return nil
    }
    return FileGrammar.normalizingLineBreaks(value)
  }

  mutating func array(_ node: SourceJSON?, _ what: String) -> [SourceJSON]? {
    let t = self.t
    guard let node else { return nil }
    guard let elements = node.elements else {
      error("type", t("validate.notArray", what, Checker.kind(node, t)), at: node.location)
      return nil
    }
    return elements
  }

  mutating func bool(_ node: SourceJSON?, _ what: String) -> Bool? {
    let t = self.t
    guard let node else { return nil }
    guard case .bool(let value) = node.value else {
      error("type", t("validate.notBool", what, Checker.kind(node, t)), at: node.location)
      return nil
    }
    return value
  }

  /// A standard number 1–28.
  mutating func standardNumber(_ node: SourceJSON?, _ what: String) -> StandardNumber? {
    let t = self.t
    guard let node else { return nil }
    guard let number = node.wholeNumber else {
      error("type", t("validate.notStandardNumber", what, Checker.shownKind(node, t)), at: node.location)
      return nil
    }
    guard let standard = StandardNumber(number) else {
      error("standard-number", t("validate.standardOutOfRange", what, number), at: node.location)
      return nil
    }
    return standard
  }

  /// A list of distinct standard numbers.
  mutating func standardList(_ node: SourceJSON?, _ what: String) -> [StandardNumber]? {
    let t = self.t
    guard let elements = array(node, what) else { return nil }
    var numbers: [StandardNumber] = []
    for element in elements {
      guard let number = standardNumber(element, t("validate.what.eachEntryOf", what)) else { continue }
      if numbers.contains(number) {
        error("repeated-standard", t("validate.standardListedTwice", number, what), at: element.location)
      } else {
        numbers.append(number)
      }
    }
    return numbers
  }

  /// A calendar date written YYYY-MM-DD.
  mutating func date(_ node: SourceJSON?, _ what: String) -> String? {
    let t = self.t
    guard let text = string(node, what), let node else { return nil }
    guard CalendarDate(parsing: text) != nil else {
      error("date", t("validate.notDate", what, Excerpt.of(text)), at: node.location)
      return nil
    }
    return text
  }

  /// The kind of a value for "found …", in the language.
  static func kind(_ node: SourceJSON, _ t: Interface) -> String {
    t("validate.kind.\(node.kindName)")
  }

  /// The kind, with a number shown as written ("found 1e999"), since "must be a whole number, found
  /// number" would not say what is wrong with it.
  static func shownKind(_ node: SourceJSON, _ t: Interface) -> String {
    guard case .number(let raw) = node.value else { return kind(node, t) }
    return t("validate.kind.theNumber", Excerpt.of(raw, limit: 40))
  }

  /// A description that starts a sentence ("the file" → "The file").
  static func capitalized(_ text: String) -> String {
    text.prefix(1).uppercased() + text.dropFirst()
  }
}

extension SourceJSON {
  /// A number that is exactly whole, however it is written (`18`, `18.0`, `1.8e1`), as JSON Schema's
  /// "integer" counts it; see `FileGrammar.wholeNumber`.
  var wholeNumber: Int? {
    guard case .number(let raw) = value else { return nil }
    return FileGrammar.wholeNumber(raw)
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
