/// Why a contextualized standard may be left out: the two exceptions the guide allows.
public enum ExceptionReason: Sendable, Equatable, Hashable, CustomStringConvertible {
  case noConsensus
  case principle(Int)

  /// Reads the spelling shared by the command line and workshop files: `no-consensus` or `principle-P`.
  public init?(parsing text: String) {
    if text == "no-consensus" {
      self = .noConsensus
    } else if text.hasPrefix("principle-"), let number = Int(text.dropFirst("principle-".count)),
      Catalog.principleNumbers.contains(number), !text.dropFirst("principle-".count).hasPrefix("0"),
      !text.dropFirst("principle-".count).hasPrefix("+")
    {
      self = .principle(number)
    } else {
      return nil
    }
  }

  public var description: String {
    switch self {
    case .noConsensus: "no-consensus"
    case .principle(let number): "principle-\(number)"
    }
  }
}
