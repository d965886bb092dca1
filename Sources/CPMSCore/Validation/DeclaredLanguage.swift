/// The language a workshop or contextualization file names, read before the file is checked, so that
/// the command line can speak it from the first message on (the checks' own findings included).
/// Nothing here judges the file: a file that names no language, or cannot be read, gives nil, and the
/// check that follows reports what is wrong with it.
public enum DeclaredLanguage {
  /// Larger contextualization files are not read twice for their language (real ones are far smaller).
  public static let contextScanLimit = 4 * 1024 * 1024

  /// A workshop file's top-level `language` and `context` (the path as written), found without building
  /// the document.
  public static func ofWorkshop(_ bytes: [UInt8]) -> (language: String?, context: String?) {
    let text = String(decoding: bytes, as: UTF8.self)
    return (
      ShallowJSONScan.topLevelString(text, key: "language"), ShallowJSONScan.topLevelString(text, key: "context")
    )
  }

  /// A contextualization file's `context.language`.
  public static func ofContextualization(_ bytes: [UInt8]) -> String? {
    guard bytes.count <= contextScanLimit, let root = try? SourceJSONParser.parse(bytes) else { return nil }
    return root["context"]?["language"]?.stringValue
  }

  /// The first tag that names a language cpms speaks (`fr`, `es-CO`, `ar`); a tag it does not speak
  /// (`de`) is passed over, so the outputs stay in the next choice's language.
  public static func firstSpoken(_ tags: [String?]) -> Language? {
    tags.lazy.compactMap { $0 }.compactMap { LanguageTag.isValid($0) ? Language(locale: $0) : nil }.first
  }
}
