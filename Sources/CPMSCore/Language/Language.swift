/// The languages cpms speaks. The CPMS 2019 is published in each of them; cpms's own summaries are in
/// English and carried in the others as working translations (Data/i18n/).
public enum Language: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
  case en
  case fr
  case es
  case ar

  /// The language's name in itself.
  public var name: String {
    switch self {
    case .en: "English"
    case .fr: "Français"
    case .es: "Español"
    case .ar: "العربية"
    }
  }

  /// XLSForm's label column for this language: `label::Français (fr)`.
  public var xlsformName: String { "\(name) (\(rawValue))" }

  public var isRightToLeft: Bool { self == .ar }

  /// The language's place in `allCases`, which is also its column in the interface table that
  /// EmbedData writes (en, fr, es, ar).
  var ordinal: Int {
    switch self {
    case .en: 0
    case .fr: 1
    case .es: 2
    case .ar: 3
    }
  }

  /// Decimal comma in text for people (JSON and CSV for machines keep the point).
  public var decimalSeparator: Character {
    switch self {
    case .en, .ar: "."
    case .fr, .es: ","
    }
  }

  /// The language of a locale name as the environment writes it: `fr_FR.UTF-8`, `es-419`, `ar`, `C`.
  /// nil for a language cpms does not speak (and for `C` / `POSIX`).
  public init?(locale: String) {
    let base = locale.split(whereSeparator: { $0 == "_" || $0 == "-" || $0 == "." || $0 == "@" }).first
    guard let code = base.map({ $0.lowercased() }), let language = Language(rawValue: code) else { return nil }
    self = language
  }

  /// The language from the environment in gettext's order: the first of LANGUAGE's list that cpms
  /// speaks, then LC_ALL, LC_MESSAGES and LANG; nil when none names one (cpms then speaks English).
  public static func fromEnvironment(_ variables: [String: String]) -> Language? {
    // gettext ignores LANGUAGE when the locale is C.
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { variables[$0] }.first { !$0.isEmpty }
    if locale != "C" && locale != "POSIX", let list = variables["LANGUAGE"], !list.isEmpty {
      for entry in list.split(separator: ":") {
        if let language = Language(locale: String(entry)) { return language }
      }
    }
    guard let locale else { return nil }
    return Language(locale: locale)
  }

  /// A number for people: the decimal separator of the language.
  public func decimal(_ text: String) -> String {
    decimalSeparator == "." ? text : String(text.map { $0 == "." ? decimalSeparator : $0 })
  }

  /// A number for people that may end in a percent sign: French and Spanish typography put a no-break
  /// space before it ("90 %"), English and Arabic none ("90%").
  public func number(_ text: String) -> String {
    let localized = decimal(text)
    guard decimalSeparator == ",", localized.hasSuffix("%"), !localized.hasSuffix(" %") else { return localized }
    return localized.dropLast() + "\u{00A0}%"
  }
}
