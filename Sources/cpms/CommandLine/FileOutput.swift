import Foundation

/// Writes output files safely: never over existing data without `--force`, and never a half-written
/// result (content goes to a temporary name beside the target, then is renamed into place).
enum FileOutput {
  /// Writes one file.
  static func writeFile(_ text: String, to path: String, force: Bool) throws(CLIError) {
    let target = URL(fileURLWithPath: path)
    try checkTarget(target, force: force, expectDirectory: false)
    let temporary = temporaryURL(beside: target)
    do {
      try Data(text.utf8).write(to: temporary, options: .withoutOverwriting)
      try replace(target, with: temporary)
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw .failure("Cannot write '\(path)': \(describe(error)).", .cannotCreate)
    }
  }

  /// Writes a folder of files (relative paths), replacing the folder as a whole.
  static func writeDirectory(_ files: [(path: String, contents: String)], to path: String, force: Bool)
    throws(CLIError)
  {
    let target = URL(fileURLWithPath: path)
    try checkTarget(target, force: force, expectDirectory: true)
    let temporary = temporaryURL(beside: target)
    do {
      try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: false)
      for file in files {
        let url = temporary.appendingPathComponent(file.path)
        try FileManager.default.createDirectory(
          at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(file.contents.utf8).write(to: url, options: .withoutOverwriting)
      }
      try replace(target, with: temporary)
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw .failure("Cannot write '\(path)': \(describe(error)).", .cannotCreate)
    }
  }

  static func checkTarget(_ target: URL, force: Bool, expectDirectory: Bool) throws(CLIError) {
    let manager = FileManager.default
    let parent = target.deletingLastPathComponent()
    var isDirectory: ObjCBool = false
    guard manager.fileExists(atPath: parent.path, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw .failure(
        "Cannot write '\(target.relativePath)': the folder '\(parent.relativePath)' does not exist.", .cannotCreate)
    }
    guard manager.fileExists(atPath: target.path, isDirectory: &isDirectory) else { return }
    if isDirectory.boolValue != expectDirectory {
      let kind = isDirectory.boolValue ? "a folder" : "a file"
      throw .failure(
        "'\(target.relativePath)' is \(kind); choose another path (cpms never replaces \(kind) with the other kind).",
        .cannotCreate)
    }
    let isEmptyDirectory =
      isDirectory.boolValue && ((try? manager.contentsOfDirectory(atPath: target.path)) ?? [""]).isEmpty
    if !force && !isEmptyDirectory {
      throw .failure(
        "'\(target.relativePath)' already exists; choose another path or add --force to replace it.", .cannotCreate)
    }
  }

  static func temporaryURL(beside target: URL) -> URL {
    target.deletingLastPathComponent().appendingPathComponent(
      ".\(target.lastPathComponent).cpms-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
  }

  /// Moves `temporary` to `target`; an existing target is moved aside first and removed only after.
  static func replace(_ target: URL, with temporary: URL) throws {
    let manager = FileManager.default
    if manager.fileExists(atPath: target.path) {
      let aside = temporaryURL(beside: target)
      try manager.moveItem(at: target, to: aside)
      do {
        try manager.moveItem(at: temporary, to: target)
      } catch {
        try? manager.moveItem(at: aside, to: target)
        throw error
      }
      try? manager.removeItem(at: aside)
    } else {
      try manager.moveItem(at: temporary, to: target)
    }
  }

  static func describe(_ error: any Error) -> String {
    let nsError = error as NSError
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError {
      return String(cString: strerror(Int32(underlying.code)))
    }
    return nsError.localizedDescription
  }
}
