/// The words of cpms's own outputs (headings, labels, notices) in one language, from
/// Data/i18n/interface/ (a file per area), which gives every text in every language (the tests check it).
public struct Interface: Sendable {
  public let language: Language

  public init(_ language: Language) {
    self.language = language
  }

  /// key → the text in each language (in `Language.allCases` order), from every file of
  /// Data/i18n/interface/ (one per area of the tool, so texts for different outputs are edited apart),
  /// made into a table at build time so that no run parses the files.
  static var table: [String: [String?]] { EmbeddedData.interfaceTexts }

  static func isInterfaceFile(_ path: String) -> Bool {
    path.hasPrefix("i18n/interface/") && path.hasSuffix(".json")
  }

  /// Keys given by more than one file of Data/i18n/interface/ (a test keeps this empty: the later file
  /// would silently win).
  public static var keysGivenTwice: [String] {
    var seen: Set<String> = []
    var twice: Set<String> = []
    for (path, text) in EmbeddedData.files where isInterfaceFile(path) {
      let root = try? SourceJSONParser.parse(Array(text.utf8))
      for member in root?["texts"]?.members ?? [] where !seen.insert(member.key).inserted {
        twice.insert(member.key)
      }
    }
    return twice.sorted()
  }

  /// Every key, for the tests that check each language has each text with the same placeholders.
  public static var keys: [String] { table.keys.sorted() }

  public static func text(_ key: String, in language: Language) -> String? {
    guard let texts = table[key], language.ordinal < texts.count else { return nil }
    return texts[language.ordinal]
  }

  /// The text of `key` with `{1}`, `{2}`… replaced by `values`; English when the language lacks it, and
  /// the key itself when no language has it (a test fails on that before a user could see it).
  public func callAsFunction(_ key: String, _ values: CustomStringConvertible...) -> String {
    text(key, values)
  }

  /// The same, for values gathered by a caller that forwards its own.
  public func text(_ key: String, _ values: [CustomStringConvertible]) -> String {
    let text = Interface.text(key, in: language) ?? Interface.text(key, in: .en) ?? key
    return values.isEmpty ? text : Interface.filling(text, with: values)
  }

  /// `{1}`…`{9}` replaced by the values in one pass, so a value that itself holds "{2}" stays as written
  /// (and the validator, which words a finding per checked field, pays little).
  static func filling(_ text: String, with values: [CustomStringConvertible]) -> String {
    var out = ""
    var pending = Substring(text)
    while let open = pending.firstIndex(of: "{") {
      let digit = pending.index(after: open)
      guard digit < pending.endIndex, let number = pending[digit].wholeNumberValue, number >= 1,
        number <= values.count, pending.index(after: digit) < pending.endIndex,
        pending[pending.index(after: digit)] == "}"
      else {
        out += pending[...open]
        pending = pending[pending.index(after: open)...]
        continue
      }
      out += pending[..<open]
      out += values[number - 1].description
      pending = pending[pending.index(digit, offsetBy: 2)...]
    }
    return out + pending
  }
}

extension Interface {
  /// A target as people read it in the language: "yes", "set in context" and decimals localised.
  public func target(_ target: Target) -> String {
    switch target {
    case .yes: self("target.yes")
    case .no: self("target.no")
    case .setInContext: self("target.setInContext")
    case .percentage, .number: language.number(target.description)
    }
  }
}

extension Interface {
  /// A date for people, the way the language writes it: "14 October 2026", "1er octobre 2026",
  /// "14 de octubre de 2026", "14 أكتوبر 2026". Text that is not a YYYY-MM-DD date is returned as given;
  /// machine outputs (JSON, CSV) keep YYYY-MM-DD.
  public func date(_ text: String) -> String {
    guard let date = CalendarDate(parsing: text) else { return text }
    let day = date.day == 1 ? self("date.firstDay") : String(date.day)
    return self("date.long", day, self("date.month.\(date.month)"), String(date.year))
  }

  /// A period for people: "1 January 2026 to 31 March 2026", "du 1er janvier 2026 au 31 mars 2026".
  public func period(from start: String, to end: String) -> String {
    self("date.range", date(start), date(end))
  }
}

extension Interface {
  /// The form of a counted text for `count`: `KEY.one`, `KEY.many` or `KEY.other`, chosen by the
  /// language's rule. French counts 0 and 1 as singular, English and Spanish only 1. Arabic writes one
  /// thing with the singular, 3 to 10 with the plural (`.other`) and 11 to 99 with the singular again
  /// (`.many`, which the other languages write as their `.other`). `{1}` is the count.
  public func counted(_ key: String, _ count: Int, _ values: CustomStringConvertible...) -> String {
    let form =
      switch language {
      case .fr: count == 0 || count == 1 ? "one" : "other"
      case .en, .es: count == 1 ? "one" : "other"
      case .ar: count == 1 ? "one" : (11...99).contains(count % 100) ? "many" : "other"
      }
    let chosen = Interface.text("\(key).\(form)", in: language) == nil ? "\(key).other" : "\(key).\(form)"
    return text(chosen, [count] + values)
  }
}
