#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The few file operations the CLI needs, on POSIX calls directly.
///
/// Full Foundation's FileManager and FileHandle pull in ICU (a 70 MB binary and slower start-up);
/// the system calls are small, and their errno gives the precise reason a user needs ("Permission
/// denied", "Read-only file system", "Is a directory").
enum FileSystem {
  enum Kind { case file, directory, other }

  /// A failed system call: what it did, and the system's reason.
  struct Failure: Error {
    var code: Int32
    var reason: String { String(cString: strerror(code)) }
  }

  /// Why `path` cannot be looked up (no such file, a name too long, a loop of links…), or nil when it can.
  static func lookupFailure(_ path: String) -> Failure? {
    var info = stat()
    return stat(path, &info) == 0 ? nil : Failure(code: errno)
  }

  /// True for a terminal, a device such as /dev/null, or a pipe: written in place, never replaced.
  static func isStream(_ path: String) -> Bool {
    var info = stat()
    guard stat(path, &info) == 0 else { return false }
    return info.st_mode & S_IFMT == S_IFCHR || info.st_mode & S_IFMT == S_IFIFO
  }

  /// The file or folder a symbolic link leads to, or nil when `path` is not a link to something.
  static func linkTarget(_ path: String) -> String? {
    var info = stat()
    guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK, let resolved = realpath(path, nil) else {
      return nil
    }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// What is at `path`, following symbolic links; nil when nothing is there.
  static func kind(of path: String) -> Kind? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    switch info.st_mode & S_IFMT {
    case S_IFREG: return .file
    case S_IFDIR: return .directory
    default: return .other
    }
  }

  /// The whole content of a file, or of standard input when `path` is nil. With a `limit`, reading
  /// stops one byte past it, so a caller can refuse a file that is too large without reading all of an
  /// endless device (`/dev/zero`) or pipe.
  static func readAll(_ path: String?, limit: Int = Int.max - 1) throws(Failure) -> [UInt8] {
    let most = limit + 1
    let descriptor: Int32
    if let path {
      descriptor = open(path, O_RDONLY | O_CLOEXEC)
      guard descriptor >= 0 else { throw Failure(code: errno) }
    } else {
      descriptor = STDIN_FILENO
    }
    defer { if path != nil { close(descriptor) } }
    var info = stat()
    var capacity = 64 * 1024
    if fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size > 0 {
      capacity = Int(info.st_size) + 1
    }
    capacity = min(capacity, most)
    // Reads straight into uninitialized storage sized from the file: no zero-filled staging buffer.
    var bytes: [UInt8] = []
    var chunkSize = capacity
    while true {
      var failure: Int32 = 0
      var reachedEnd = false
      let chunk = [UInt8](unsafeUninitializedCapacity: chunkSize) { buffer, initialized in
        var filled = 0
        while filled < buffer.count {
          let count = read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
          if count < 0 {
            if errno == EINTR { continue }
            failure = errno
            break
          }
          if count == 0 {
            reachedEnd = true
            break
          }
          filled += count
        }
        initialized = filled
      }
      if failure != 0 { throw Failure(code: failure) }
      if bytes.isEmpty { bytes = chunk } else { bytes += chunk }
      if reachedEnd || bytes.count >= most { return bytes }
      chunkSize = min(max(64 * 1024, bytes.count), most - bytes.count)
    }
  }

  /// Creates a new file (never replacing one) holding `text`.
  static func createFile(_ path: String, bytes: [UInt8]) throws(Failure) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw Failure(code: errno) }
    try writeAndClose(descriptor, bytes)
  }

  /// Writes into an existing terminal, device or pipe, as the shell's `>` does: no file is created or
  /// replaced.
  static func writeInPlace(_ path: String, bytes: [UInt8]) throws(Failure) {
    let descriptor = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY)
    guard descriptor >= 0 else { throw Failure(code: errno) }
    try writeAndClose(descriptor, bytes)
  }

  private static func writeAndClose(_ descriptor: Int32, _ bytes: [UInt8]) throws(Failure) {
    let written = bytes.withUnsafeBufferPointer { writeAll($0, to: descriptor) }
    let closed = close(descriptor) == 0 ? 0 : errno
    if written != 0 { throw Failure(code: written) }
    if closed != 0 { throw Failure(code: closed) }
  }

  /// Writes all of `text`, retrying short and interrupted writes; returns 0, or the error that
  /// stopped it (a write that makes no progress counts as an I/O error rather than looping).
  static func writeAll(_ text: String, to descriptor: Int32) -> Int32 {
    var text = text
    return text.withUTF8 { writeAll($0, to: descriptor) }
  }

  static func writeAll(_ buffer: UnsafeBufferPointer<UInt8>, to descriptor: Int32) -> Int32 {
    var offset = 0
    while offset < buffer.count {
      let count = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
      if count < 0 && errno == EINTR { continue }
      if count < 0 { return errno }
      if count == 0 { return EIO }
      offset += count
    }
    return 0
  }

  static func createDirectory(_ path: String) throws(Failure) {
    guard mkdir(path, 0o755) == 0 else { throw Failure(code: errno) }
  }

  /// Creates `path` and any missing parents.
  static func createDirectories(_ path: String) throws(Failure) {
    var prefix = ""
    for component in path.split(separator: "/", omittingEmptySubsequences: false) {
      prefix += prefix.isEmpty && component.isEmpty ? "/" : (prefix.isEmpty || prefix == "/" ? "" : "/") + component
      if prefix.isEmpty || prefix == "/" || kind(of: prefix) == .directory { continue }
      try createDirectory(prefix)
    }
  }

  static func move(_ source: String, to target: String) throws(Failure) {
    guard rename(source, target) == 0 else { throw Failure(code: errno) }
  }

  /// Removes a file, or a folder with everything in it; errors are ignored (used for clean-up).
  static func removeTree(_ path: String) {
    var info = stat()
    guard lstat(path, &info) == 0 else { return }
    if info.st_mode & S_IFMT == S_IFDIR {
      for name in (try? entries(of: path)) ?? [] { removeTree(path + "/" + name) }
      rmdir(path)
    } else {
      unlink(path)
    }
  }

  /// The names in a folder, without "." and "..", sorted by their bytes.
  static func entries(of path: String) throws(Failure) -> [String] {
    guard let directory = opendir(path) else { throw Failure(code: errno) }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }

  /// The regular files under a folder, as paths relative to it, sorted; hidden entries are skipped.
  /// Each folder is walked once, so symbolic links that lead back up cannot make the walk endless. An
  /// entry that cannot be looked up (a broken link, a name that is not UTF-8) is listed all the same,
  /// so that the caller reports it instead of skipping it in silence.
  static func filesBelow(_ path: String) -> [String] {
    var found: [String] = []
    var walked: Set<[UInt64]> = []
    func walk(_ relative: String, depth: Int) {
      guard depth < 64 else { return }
      let full = relative.isEmpty ? path : path + "/" + relative
      var info = stat()
      guard stat(full, &info) == 0, walked.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted else { return }
      for name in (try? entries(of: full)) ?? [] where !name.hasPrefix(".") {
        let child = relative.isEmpty ? name : relative + "/" + name
        switch kind(of: path + "/" + child) {
        case .file, nil: found.append(child)
        case .directory: walk(child, depth: depth + 1)
        case .other: break
        }
      }
    }
    walk("", depth: 0)
    return found.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }

  /// Everything below a folder, hidden entries included, as relative paths (folders end in "/");
  /// stops after 10,000 entries, which is already far more than any folder cpms may replace.
  static func entriesBelow(_ path: String) -> [String] {
    var found: [String] = []
    func walk(_ relative: String, depth: Int) {
      for name in (try? entries(of: relative.isEmpty ? path : path + "/" + relative)) ?? [] {
        guard found.count < 10_000 else { return }
        let child = relative.isEmpty ? name : relative + "/" + name
        var info = stat()
        let isFolder = lstat(path + "/" + child, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
        found.append(isFolder ? child + "/" : child)
        if isFolder && depth < 64 { walk(child, depth: depth + 1) }
      }
    }
    walk("", depth: 0)
    return found
  }

  /// Runs `body` with Ctrl-C, `kill`, hang-up and quit held back; they take effect when it returns.
  /// Used around writing an output and renaming it into place, so an interruption can never leave a
  /// half-written output or a stray temporary file.
  static func deferringInterrupts<Value>(_ body: () -> Value) -> Value {
    var held = sigset_t()
    sigemptyset(&held)
    for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&held, signal) }
    var previous = sigset_t()
    sigprocmask(SIG_BLOCK, &held, &previous)
    defer { sigprocmask(SIG_SETMASK, &previous, nil) }
    return body()
  }

  static var processID: Int32 { getpid() }
}
