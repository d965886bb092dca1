/// Why a file the user named could not be read. The command line's one reader reports it for every
/// path it reads (options, files named inside a workshop file, a folder walk, standard input), and
/// every caller words it the same way, so the same missing file always gets the same message.
public enum InputFailure: Error, Sendable, Equatable {
  /// Nothing exists at the path.
  case missing
  /// The path is a folder.
  case folder
  /// The path's bytes are not UTF-8, so it cannot be shown or typed again.
  case nameNotUTF8
  /// The path exists but cannot be opened (permissions, a loop of links…); `reason` is the system's.
  case cannotOpen(reason: String)
  /// Opening worked but reading failed.
  case cannotRead(reason: String)
  /// Standard input could not be read.
  case standardInput(reason: String)

  /// The rule id every unreadable input carries.
  public static let rule = "unreadable"

  /// "The ballot 'b.csv' does not exist; check the path.", with `what` naming the kind of file.
  public func message(what: String, path: String) -> String {
    let shown = Excerpt.of(path, limit: 300)
    return switch self {
    case .missing: "The \(what) '\(shown)' does not exist; check the path."
    case .folder: "The \(what) '\(shown)' is a folder, not a file; name a file in it."
    case .nameNotUTF8: "The \(what) '\(shown)' cannot be opened: its name is not valid UTF-8 text; rename it."
    case .cannotOpen(let reason): "The \(what) '\(shown)' cannot be opened: \(reason)."
    case .cannotRead(let reason): "The \(what) '\(shown)' cannot be read: \(reason)."
    case .standardInput(let reason): "Standard input cannot be read: \(reason)."
    }
  }
}

/// Reads a file the user named, up to `limit` bytes (one byte more tells the caller it is too
/// large). The command line supplies it, so the library does no I/O of its own.
public typealias FileReader = @Sendable (_ path: String, _ limit: Int) -> Result<[UInt8], InputFailure>
