import CPMSCore

/// The arguments of one command line, checked against a `CommandSpec`.
public struct ParsedArguments: Sendable {
  public var spec: CommandSpec
  public var positionals: [String] = []
  public var values: [String: [String]] = [:]
  public var flags: Set<String> = []
  /// The language the command line was parsed in, so that values decoded later are refused in it too.
  public var language: Language = .en

  public init(spec: CommandSpec) { self.spec = spec }

  public func value(_ name: String) -> String? { values[name]?.last }
  public func all(_ name: String) -> [String] { values[name] ?? [] }
  public func flag(_ name: String) -> Bool { flags.contains(name) }
  public func has(_ name: String) -> Bool { values[name] != nil || flags.contains(name) }
}

extension Suggestion {
  /// " Did you mean 'x'?" for the closest candidate, or "".
  public static func didYouMean(_ word: String, among candidates: [String], language: Language = .en) -> String {
    closest(word, among: candidates).map { " " + Interface(language)("error.didYouMean", $0) } ?? ""
  }
}
