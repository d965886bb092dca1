import CPMSCore
import Foundation

/// What a command may touch outside the library: output streams, environment, files, clock.
/// Commands receive it instead of reaching for globals, which keeps them easy to read.
struct Environment: Sendable {
  var variables: [String: String]
  var write: @Sendable (String) -> Void
  var writeError: @Sendable (String) -> Void

  static let live = Environment(
    variables: ProcessInfo.processInfo.environment,
    write: { FileHandle.standardOutput.write(Data($0.utf8)) },
    writeError: { FileHandle.standardError.write(Data($0.utf8)) }
  )

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
      return [UInt8](FileHandle.standardInput.readDataToEndOfFile())
    }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw .failure("The \(what) '\(path)' does not exist.", .noInput)
    }
    if isDirectory.boolValue { throw .failure("The \(what) '\(path)' is a folder, not a file.", .noInput) }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .failure("The \(what) '\(path)' cannot be read; check its permissions.", .noInput)
    }
    return [UInt8](data)
  }
}
