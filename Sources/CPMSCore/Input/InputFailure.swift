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

  /// "The ballot 'b.csv' does not exist; check the path.", with `what` naming the kind of file
  /// (`ballot`, `workshop file`, `context file`, `file`), in `language`.
  public func message(what: String, path: String, language: Language = .en) -> String {
    let t = Interface(language)
    let shown = Excerpt.of(path, limit: 300)
    let kind = Interface.text("what.\(what)", in: .en) == nil ? what : t("what.\(what)")
    return switch self {
    case .missing: t("input.missing", kind, shown)
    case .folder: t("input.folder", kind, shown)
    case .nameNotUTF8: t("input.nameNotUTF8", kind, shown)
    case .cannotOpen(let reason): t("input.cannotOpen", kind, shown, reason)
    case .cannotRead(let reason): t("input.cannotRead", kind, shown, reason)
    case .standardInput(let reason): t("input.standardInput", reason)
    }
  }
}

/// Reads a file the user named, up to `limit` bytes (one byte more tells the caller it is too
/// large). The command line supplies it, so the library does no I/O of its own.
public typealias FileReader = @Sendable (_ path: String, _ limit: Int) -> Result<[UInt8], InputFailure>
