import Synchronization

/// A working translation of the CPMS content (Data/i18n/LANG.json): for each English text, found by
/// its place in the data files, the text in the language and a hash of the English it was made from.
/// A translation whose English has changed since is not used (the English shows) and the test suite
/// fails until it is redone, so no outdated sentence is ever shown as current.
public struct ContentTranslation: Sendable {
  public struct Entry: Sendable, Equatable {
    /// FNV-1a 64-bit hash of the English text, 16 hex digits.
    public var source: String
    public var text: String
  }

  public var language: Language
  /// The official edition's title in the language.
  public var officialEdition: String
  /// Said once in every translated output: a working translation of a summary, and where the
  /// official text is.
  public var notice: String
  public var glossary: [String: String]
  public var entries: [String: Entry]

  /// The bundled translation of `language`; nil for English and for a language without a file.
  public static func bundled(_ language: Language) -> ContentTranslation? {
    guard language != .en, let text = EmbeddedData.files["i18n/\(language.rawValue).json"] else { return nil }
    return cache.withLock { cache in
      if let cached = cache[language] { return cached }
      let translation = try? parse(text, language: language)
      cache[language] = translation
      return translation
    }
  }

  private static let cache = Mutex<[Language: ContentTranslation?]>([:])

  /// Reads a translation file; throws a diagnostic naming the problem.
  public static func parse(_ text: String, language: Language) throws(Diagnostic) -> ContentTranslation {
    let root = try SourceJSONParser.parse(Array(text.utf8))
    func invalid(_ message: String) -> Diagnostic {
      Diagnostic(
        .error, rule: "translation", message: message,
        location: DiagnosticLocation(file: "i18n/\(language.rawValue).json"))
    }
    guard let edition = root["officialEdition"]?.stringValue,
      let notice = root["workingTranslationNotice"]?.stringValue,
      let members = root["entries"]?.members
    else { throw invalid("a translation needs officialEdition, workingTranslationNotice and entries") }
    var entries: [String: Entry] = [:]
    for member in members {
      guard let source = member.value["source"]?.stringValue, let text = member.value["text"]?.stringValue else {
        throw invalid("the entry \(member.key) needs a source and a text")
      }
      entries[member.key] = Entry(source: source, text: text)
    }
    var glossary: [String: String] = [:]
    for member in root["glossary"]?.members ?? [] {
      glossary[member.key] = member.value["text"]?.stringValue ?? member.value.stringValue
    }
    return ContentTranslation(
      language: language, officialEdition: edition, notice: notice, glossary: glossary, entries: entries)
  }

  /// The data files with every text that has a current translation replaced by it.
  public func apply(to files: [String: String]) -> [String: String] {
    var result = files
    for (path, text) in files where ContentTranslation.isContent(path) {
      result[path] = translate(text, file: path)
    }
    return result
  }

  static func isContent(_ path: String) -> Bool {
    !path.hasPrefix("schema/") && !path.hasPrefix("i18n/") && path.hasSuffix(".json")
  }

  /// Keys and their English texts for one file, in the order they appear: the same scheme as
  /// Tests/I18n/strings.py, which lists them for translators.
  public static func texts(in text: String, file: String) -> [(key: String, text: String, location: SourceLocation)] {
    guard let root = try? SourceJSONParser.parse(Array(text.utf8)) else { return [] }
    var found: [(String, String, SourceLocation)] = []
    walk(root, path: "", into: &found)
    return found.map { ("\(file)#\($0.0)", $0.1, $0.2) }
  }

  /// Keys that are identifiers, targets or notes for maintainers, not text to translate.
  static let skippedKeys: Set<String> = [
    "id", "actor", "phase", "part", "stage", "group", "letter", "target", "provenance", "notice",
    "type", "disaggregation", "officialId", "cpms", "$schema", "basis", "standards", "function",
  ]

  /// A standard's `strategies` lists INSPIRE ids; inspire.json's `strategies` are the strategies
  /// themselves, whose titles and summaries people read.
  static func isSkipped(_ member: JSONMember) -> Bool {
    if skippedKeys.contains(member.key) { return true }
    guard member.key == "strategies", let elements = member.value.elements else { return false }
    return elements.allSatisfy { $0.stringValue != nil }
  }

  static func walk(_ node: SourceJSON, path: String, into found: inout [(String, String, SourceLocation)]) {
    switch node.value {
    case .object(let members):
      for member in members where !isSkipped(member) {
        walk(member.value, path: path.isEmpty ? member.key : path + "." + member.key, into: &found)
      }
    case .array(let elements):
      for (index, element) in elements.enumerated() {
        var label = String(index)
        if let id = element["id"]?.stringValue {
          label = id
        } else if case .number(let raw)? = element["number"]?.value {
          label = raw
        }
        walk(element, path: "\(path)[\(label)]", into: &found)
      }
    case .string(let text): found.append((path, text, node.location))
    case .number, .bool, .null: break
    }
  }

  /// The file's JSON with each translated string literal replaced, byte for byte elsewhere.
  func translate(_ text: String, file: String) -> String {
    let bytes = Array(text.utf8)
    var replacements: [(start: Int, end: Int, literal: [UInt8])] = []
    for (key, english, location) in ContentTranslation.texts(in: text, file: file) {
      guard let entry = entries[key], entry.source == ContentTranslation.hash(english) else { continue }
      let start = location.offset
      guard start < bytes.count, bytes[start] == UInt8(ascii: "\"") else { continue }
      var end = start + 1
      while end < bytes.count && bytes[end] != UInt8(ascii: "\"") {
        end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1
      }
      var literal: [UInt8] = []
      JSONOutputNode.writeString(entry.text, to: &literal)
      replacements.append((start, end + 1, literal))
    }
    guard !replacements.isEmpty else { return text }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count * 2)
    var position = 0
    for replacement in replacements.sorted(by: { $0.start < $1.start }) {
      out += bytes[position..<replacement.start]
      out += replacement.literal
      position = replacement.end
    }
    out += bytes[position...]
    return String(decoding: out, as: UTF8.self)
  }

  /// FNV-1a 64-bit over the text's UTF-8, as 16 lowercase hex digits.
  public static func hash(_ text: String) -> String {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      value ^= UInt64(byte)
      value = value &* 0x100_0000_01b3
    }
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
