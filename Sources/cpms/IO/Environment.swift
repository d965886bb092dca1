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
  /// The one way cpms reads a file the user named: options, files named inside a workshop file,
  /// validate's folder walk and standard input all go through it.
  var readFile: FileReader
  /// The language of the output: `--lang`, else the environment's (see `Language.fromEnvironment`).
  var language: Language = .en
  /// Whether `--lang` chose it, so that a file naming its language does not override the user.
  var languageIsExplicit = false

  static let live = Environment(
    variables: processEnvironment(),
    write: { text in
      let code = FileSystem.writeAll(text, to: STDOUT_FILENO)
      if code != 0 && code != EPIPE && outputFailure == 0 { outputFailure = code }
    },
    writeError: { _ = FileSystem.writeAll($0, to: STDERR_FILENO) },
    readFile: InputReader.read
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

  /// The bundled catalog in the output's language; a failure here means the binary was built from
  /// broken data.
  func catalog() throws(CLIError) -> Catalog {
    try catalog(in: language)
  }

  func catalog(in language: Language) throws(CLIError) -> Catalog {
    switch Catalog.bundled(in: language) {
    case .success(let catalog): return catalog
    case .failure(let error): throw .failure("\(error)", .software)
    }
  }

  /// Reads a file the user named (or stdin for `-`) through the one reader, with the same message
  /// for the same failure wherever the path came from. Reading stops one byte past `limit`; the
  /// caller says what is too large.
  func read(_ path: String, what: String, limit: Int) throws(CLIError) -> [UInt8] {
    switch readFile(path, limit) {
    case .success(let bytes): return bytes
    case .failure(let failure): throw .failure(failure.message(what: what, path: path, language: language), .noInput)
    }
  }
}
