import CPMSArguments
import CPMSCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a command may touch outside the library: output streams, environment, files, clock.
/// Commands receive it instead of reaching for globals, which keeps them easy to read.
struct Environment: Sendable {
  var variables: [String: String]
  var write: @Sendable (String) -> Void
  var writeError: @Sendable (String) -> Void

  static let live = Environment(
    variables: processEnvironment(),
    write: { text in
      let code = FileSystem.writeAll(text, to: STDOUT_FILENO)
      if code != 0 && code != EPIPE && outputFailure == 0 { outputFailure = code }
    },
    writeError: { _ = FileSystem.writeAll($0, to: STDERR_FILENO) }
  )

  /// The first error met writing to standard output, other than a closed pipe, for `main` to report:
  /// output lost to a full disk (`cpms validate > report.txt`) must not end in success. Only the one
  /// thread of the command line writes it.
  nonisolated(unsafe) static var outputFailure: Int32 = 0

  private static func processEnvironment() -> [String: String] {
    var variables: [String: String] = [:]
    var entry = environ
    while let pointer = entry.pointee {
      let text = String(cString: pointer)
      if let equals = text.firstIndex(of: "=") {
        variables[String(text[..<equals])] = String(text[text.index(after: equals)...])
      }
      entry += 1
    }
    return variables
  }

  /// The terminal width from COLUMNS, or 80.
  var columns: Int {
    if let text = variables["COLUMNS"], let value = Int(text), value > 0 { return value }
    return 80
  }

  var layout: TextLayout { TextLayout(width: columns) }

  /// The bundled catalog; a failure here means the binary was built from broken data.
  func catalog() throws(CLIError) -> Catalog {
    switch Catalog.bundled {
    case .success(let catalog): return catalog
    case .failure(let error): throw .failure("\(error)", .software)
    }
  }

  /// Reads a file the user named (or stdin for `-`), with a clear error when it cannot be read.
  /// Reading stops one byte past `limit`; the caller says what is too large.
  func read(_ path: String, what: String, limit: Int) throws(CLIError) -> [UInt8] {
    if path == "-" {
      do {
        return try FileSystem.readAll(nil, limit: limit)
      } catch {
        throw .failure("Standard input cannot be read: \(error.reason).", .noInput)
      }
    }
    let shown = Excerpt.of(path, limit: 300)
    switch FileSystem.kind(of: path) {
    case nil:
      if path.unicodeScalars.contains("\u{FFFD}") {
        throw .failure(
          "The \(what) '\(shown)' cannot be opened: its name is not valid UTF-8 text; rename it.", .noInput)
      }
      if let failure = FileSystem.lookupFailure(path), failure.code != ENOENT {
        throw .failure("The \(what) '\(shown)' cannot be opened: \(failure.reason).", .noInput)
      }
      throw .failure("The \(what) '\(shown)' does not exist; check the path.", .noInput)
    case .directory:
      throw .failure("The \(what) '\(shown)' is a folder, not a file; name a file in it.", .noInput)
    case .file, .other: break
    }
    do {
      return try FileSystem.readAll(path, limit: limit)
    } catch {
      throw .failure("The \(what) '\(shown)' cannot be read: \(error.reason).", .noInput)
    }
  }
}
