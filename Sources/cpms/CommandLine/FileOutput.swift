import CPMSArguments

/// Writes output files safely: never over existing data without `--force`, and never a half-written
/// result (content goes to a temporary name beside the target, then is renamed into place).
enum FileOutput {
  /// Writes one file.
  static func writeFile(_ text: String, to path: String, force: Bool) throws(CLIError) {
    try checkTarget(path, force: force, expectDirectory: false)
    let temporary = temporaryPath(beside: path)
    do {
      try FileSystem.createFile(temporary, bytes: text.utf8)
      try replace(path, with: temporary)
    } catch {
      FileSystem.removeTree(temporary)
      throw .failure("Cannot write '\(path)': \(error.reason).", .cannotCreate)
    }
  }

  /// Writes a folder of files (relative paths), replacing the folder as a whole.
  static func writeDirectory(_ files: [(path: String, contents: String)], to path: String, force: Bool)
    throws(CLIError)
  {
    try checkTarget(path, force: force, expectDirectory: true)
    let temporary = temporaryPath(beside: path)
    do {
      try FileSystem.createDirectory(temporary)
      for file in files {
        let full = temporary + "/" + file.path
        if let slash = full.lastIndex(of: "/"), slash > temporary.endIndex {
          try FileSystem.createDirectories(String(full[..<slash]))
        }
        try FileSystem.createFile(full, bytes: file.contents.utf8)
      }
      try replace(path, with: temporary)
    } catch {
      FileSystem.removeTree(temporary)
      throw .failure("Cannot write '\(path)': \(error.reason).", .cannotCreate)
    }
  }

  /// The folder a path is in, as the user would write it.
  static func parent(of path: String) -> String {
    let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    guard let slash = trimmed.lastIndex(of: "/") else { return "." }
    return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
  }

  static func checkTarget(_ path: String, force: Bool, expectDirectory: Bool) throws(CLIError) {
    let parent = parent(of: path)
    guard FileSystem.kind(of: parent) == .directory else {
      throw .failure("Cannot write '\(path)': the folder '\(parent)' does not exist.", .cannotCreate)
    }
    guard let kind = FileSystem.kind(of: path) else { return }
    let isDirectory = kind == .directory
    if isDirectory != expectDirectory {
      let kind = isDirectory ? "a folder" : "a file"
      throw .failure(
        "'\(path)' is \(kind); choose another path (cpms never replaces \(kind) with the other kind).",
        .cannotCreate)
    }
    let isEmptyDirectory = isDirectory && ((try? FileSystem.entries(of: path)) ?? [""]).isEmpty
    if !force && !isEmptyDirectory {
      throw .failure("'\(path)' already exists; choose another path or add --force to replace it.", .cannotCreate)
    }
  }

  static func temporaryPath(beside path: String) -> String {
    let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    let name = trimmed.split(separator: "/").last.map(String.init) ?? trimmed
    let unique = String(UInt32.random(in: 0...UInt32.max), radix: 16)
    let parent = parent(of: path)
    return (parent == "/" ? "" : parent) + "/.\(name).cpms-\(FileSystem.processID)-\(unique)"
  }

  /// Moves `temporary` to `target`; an existing target is moved aside first and removed only after.
  static func replace(_ target: String, with temporary: String) throws(FileSystem.Failure) {
    if FileSystem.kind(of: target) != nil {
      let aside = temporaryPath(beside: target)
      try FileSystem.move(target, to: aside)
      do {
        try FileSystem.move(temporary, to: target)
      } catch {
        try? FileSystem.move(aside, to: target)
        throw error
      }
      FileSystem.removeTree(aside)
    } else {
      try FileSystem.move(temporary, to: target)
    }
  }
}
