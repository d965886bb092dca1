import CPMSArguments
import CPMSCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes output files safely: never over existing data without `--force`, and never a half-written
/// result (content goes to a temporary name beside the target, then is renamed into place). Ctrl-C
/// during those few milliseconds takes effect only once the output is complete or cleaned up.
enum FileOutput {
  /// Writes one file. A terminal, device or pipe (`-o /dev/stdout`) is written into as it is; a
  /// symbolic link is followed, so the file it leads to is replaced and the link stays.
  /// Refusals and failures are worded in `language`.
  static func writeFile(_ text: String, to given: String, force: Bool, language: Language = .en) throws(CLIError) {
    try writeFile(Array(text.utf8), to: given, force: force, language: language)
  }

  static func writeFile(_ bytes: [UInt8], to given: String, force: Bool, language: Language = .en) throws(CLIError) {
    if FileSystem.isStream(given) {
      do {
        try FileSystem.writeInPlace(given, bytes: bytes)
      } catch {
        throw .failure(
          Interface(language)("cli.cannotWriteStream", Excerpt.of(given, limit: 300), error.reason), .cannotCreate)
      }
      return
    }
    let path = FileSystem.linkTarget(given) ?? given
    let existed = try checkTarget(path, force: force, expectDirectory: false, shown: given, language: language)
    try install(at: path, shown: given, existed: existed, language: language) {
      (temporary) throws(FileSystem.Failure) in
      try FileSystem.createFile(temporary, bytes: bytes)
    }
  }

  /// Writes a folder of files (relative paths), replacing the folder as a whole.
  ///
  /// `--force` replaces an existing folder only when everything in it passes `mayReplace` (given each
  /// entry's path relative to the folder, folders ending in "/"): a mistyped `-o ~/Documents --force`
  /// must not delete a folder of other work.
  static func writeDirectory(
    _ files: [(path: String, contents: String)], to given: String, force: Bool,
    mayReplace: (String) -> Bool = { _ in false }, language: Language = .en
  ) throws(CLIError) {
    let path = FileSystem.linkTarget(given) ?? given
    let existed = try checkTarget(path, force: force, expectDirectory: true, shown: given, language: language)
    if existed, let stranger = FileSystem.entriesBelow(path).first(where: { !mayReplace($0) }) {
      throw .failure(
        Interface(language)("cli.folderHoldsOthers", Excerpt.of(given, limit: 300), Excerpt.of(stranger, limit: 200)),
        .cannotCreate)
    }
    try install(at: path, shown: given, existed: existed, language: language) {
      (temporary) throws(FileSystem.Failure) in
      try FileSystem.createDirectory(temporary)
      for file in files {
        let full = temporary + "/" + file.path
        if let slash = full.lastIndex(of: "/"), slash > temporary.endIndex {
          try FileSystem.createDirectories(String(full[..<slash]))
        }
        try FileSystem.createFile(full, bytes: Array(file.contents.utf8))
      }
    }
  }

  /// Has `fill` write the output under a temporary name beside `path`, then renames it into place,
  /// with interrupts held back throughout; on failure the temporary is removed and nothing else changes.
  private static func install(
    at path: String, shown given: String, existed: Bool, language: Language,
    _ fill: (String) throws(FileSystem.Failure) -> Void
  ) throws(CLIError) {
    let temporary = temporaryPath(beside: path)
    let written = FileSystem.deferringInterrupts { () -> Result<Void, FileSystem.Failure> in
      do throws(FileSystem.Failure) {
        try fill(temporary)
        return .success(try replace(path, with: temporary))
      } catch {
        FileSystem.removeTree(temporary)
        return .failure(error)
      }
    }
    if case .failure(let error) = written { throw failure(given, error, existed: existed, language: language) }
  }

  /// Why the output could not be written, what to do, and that nothing was changed: the content goes
  /// to a temporary name that is removed on failure, and an existing output is only replaced at the end.
  static func failure(_ path: String, _ error: FileSystem.Failure, existed: Bool, language: Language = .en)
    -> CLIError
  {
    let t = Interface(language)
    let shown = Excerpt.of(path, limit: 300)
    let parent = Excerpt.of(parent(of: path), limit: 300)
    let advice: String
    switch error.code {
    case ENOSPC, EDQUOT, EFBIG: advice = t("cli.adviceFreeSpace")
    case EROFS, EACCES, EPERM, ENOENT, ENOTDIR: advice = t("cli.adviceWritableFolder", parent)
    default: advice = t("cli.adviceElsewhere")
    }
    let unchanged = existed ? t("cli.existingUnchanged", shown) : t("cli.nothingWritten")
    return .failure(t("cli.cannotWrite", shown, error.reason, advice, unchanged), .cannotCreate)
  }

  /// The folder a path is in, as the user would write it.
  static func parent(of path: String) -> String {
    let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    guard let slash = trimmed.lastIndex(of: "/") else { return "." }
    return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
  }

  /// Checks that `path` can be written (shown to the user as `shown`); returns whether it exists.
  @discardableResult
  static func checkTarget(
    _ path: String, force: Bool, expectDirectory: Bool, shown given: String? = nil, language: Language = .en
  ) throws(CLIError) -> Bool {
    let t = Interface(language)
    let shown = Excerpt.of(given ?? path, limit: 300)
    guard !path.isEmpty else {
      throw .failure(t(expectDirectory ? "cli.emptyPath.folder" : "cli.emptyPath.file"), .cannotCreate)
    }
    let parent = parent(of: path)
    switch FileSystem.kind(of: parent) {
    case .directory: break
    case nil:
      throw .failure(t("cli.parentMissing", shown, Excerpt.of(parent, limit: 300)), .cannotCreate)
    case .file, .other:
      throw .failure(t("cli.parentIsFile", shown, Excerpt.of(parent, limit: 300)), .cannotCreate)
    }
    let name = path.split(separator: "/").last ?? ""
    if name.isEmpty || name == "." || name == ".." {
      throw .failure(t("cli.nameNeeded", shown, name.isEmpty ? "/" : name), .cannotCreate)
    }
    guard let kind = FileSystem.kind(of: path) else { return false }
    if kind == .other {
      throw .failure(t(expectDirectory ? "cli.deviceNotFolder" : "cli.deviceNotFile", shown), .cannotCreate)
    }
    let isDirectory = kind == .directory
    if isDirectory != expectDirectory {
      throw .failure(t(isDirectory ? "cli.isFolder" : "cli.isFile", shown), .cannotCreate)
    }
    let isEmptyDirectory = isDirectory && ((try? FileSystem.entries(of: path)) ?? [""]).isEmpty
    if !force && !isEmptyDirectory {
      throw .failure(t("cli.exists", shown), .cannotCreate)
    }
    return true
  }

  static func temporaryPath(beside path: String) -> String {
    let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    let name = trimmed.split(separator: "/").last.map(String.init) ?? trimmed
    let unique = String(UInt32.random(in: 0...UInt32.max), radix: 16)
    let parent = parent(of: path)
    return (parent == "/" ? "" : parent) + "/.\(name).cpms-\(FileSystem.processID)-\(unique)"
  }

  /// Moves `temporary` to `target`. A file is replaced in one step (rename is atomic, so the old file
  /// stays whole until the new one is in place); a folder cannot be renamed over, so it is moved aside
  /// first and removed only after.
  static func replace(_ target: String, with temporary: String) throws(FileSystem.Failure) {
    if FileSystem.kind(of: target) == .directory {
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
