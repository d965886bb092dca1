import CPMSCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The one reader of the files a user names (and of standard input for `-`): it says why a file
/// cannot be read, so every path that reads one reports the same failure the same way.
enum InputReader {
  static let read: FileReader = { path, limit in
    if path == "-" {
      do throws(FileSystem.Failure) {
        return .success(try FileSystem.readAll(nil, limit: limit))
      } catch {
        return .failure(.standardInput(reason: error.reason))
      }
    }
    switch FileSystem.kind(of: path) {
    case nil:
      if path.unicodeScalars.contains("\u{FFFD}") { return .failure(.nameNotUTF8) }
      if let failure = FileSystem.lookupFailure(path), failure.code != ENOENT {
        return .failure(.cannotOpen(reason: failure.reason))
      }
      return .failure(.missing)
    case .directory:
      return .failure(.folder)
    case .file, .other:
      do throws(FileSystem.Failure) {
        return .success(try FileSystem.readAll(path, limit: limit))
      } catch {
        return .failure(.cannotRead(reason: error.reason))
      }
    }
  }
}
