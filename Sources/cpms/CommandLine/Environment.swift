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
    write: { writeAll($0, to: STDOUT_FILENO) },
    writeError: { writeAll($0, to: STDERR_FILENO) }
  )

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

  /// Writes everything, retrying short writes; a closed pipe (`cpms list | head`) is not an error.
  private static func writeAll(_ text: String, to descriptor: Int32) {
    var text = text
    text.withUTF8 { buffer in
      var offset = 0
      while offset < buffer.count {
        let count = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if count < 0 && errno == EINTR { continue }
        if count <= 0 { return }
        offset += count
      }
    }
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
  func read(_ path: String, what: String) throws(CLIError) -> [UInt8] {
    if path == "-" {
      do {
        return try FileSystem.readAll(nil)
      } catch {
        throw .failure("Standard input cannot be read: \(error.reason).", .noInput)
      }
    }
    switch FileSystem.kind(of: path) {
    case nil: throw .failure("The \(what) '\(path)' does not exist.", .noInput)
    case .directory: throw .failure("The \(what) '\(path)' is a folder, not a file.", .noInput)
    case .file, .other: break
    }
    do {
      return try FileSystem.readAll(path)
    } catch {
      throw .failure("The \(what) '\(path)' cannot be read: \(error.reason).", .noInput)
    }
  }
}

/// The C `write`, which `Environment.write` hides inside the type.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
  write(descriptor, bytes, count)
}
