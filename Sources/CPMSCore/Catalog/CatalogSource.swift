import Synchronization

/// Where a catalog's standards and guide come from: read up front (`load(files:)`) or read from
/// the embedded files the first time each is needed (`bundled`).
final class CatalogSource: Sendable {
  private enum Storage {
    case loaded(standards: [Standard], guide: WorkshopGuide)
    case files([String: String])
  }

  private let storage: Storage
  private let cache = Mutex<(standards: [Int: Standard], guide: WorkshopGuide?)>(([:], nil))

  init(standards: [Standard], guide: WorkshopGuide) {
    storage = .loaded(standards: standards, guide: guide)
  }

  init(files: [String: String]) {
    storage = .files(files)
  }

  /// Every standard, in number order.
  var allStandards: [Standard] {
    switch storage {
    case .loaded(let standards, _): standards
    case .files: Catalog.standardNumbers.compactMap(standard)
    }
  }

  func standard(_ number: Int) -> Standard? {
    switch storage {
    case .loaded(let standards, _):
      return standards.first { $0.number == number }
    case .files(let files):
      if let standard = cache.withLock({ $0.standards[number] }) { return standard }
      guard let path = Self.path(of: number, in: files) else { return nil }
      let standard = Self.readTrusted(path, files) { Standard($0) }
      cache.withLock { $0.standards[number] = standard }
      return standard
    }
  }

  /// A standard's title; for embedded files, read without reading the whole standard.
  func title(_ number: Int) -> String? {
    switch storage {
    case .loaded:
      return standard(number)?.title
    case .files(let files):
      if let standard = cache.withLock({ $0.standards[number] }) { return standard.title }
      guard let path = Self.path(of: number, in: files) else { return nil }
      return ShallowJSONScan.topLevelString(files[path]!, key: "title") ?? standard(number)?.title
    }
  }

  private static func path(of number: Int, in files: [String: String]) -> String? {
    let prefix = "standards/" + (number < 10 ? "0" : "") + String(number) + "-"
    return files.keys.first { $0.hasPrefix(prefix) }
  }

  var guide: WorkshopGuide {
    switch storage {
    case .loaded(_, let guide):
      return guide
    case .files(let files):
      if let guide = cache.withLock({ $0.guide }) { return guide }
      let guide = Self.readTrusted("guide.json", files) { WorkshopGuide($0) }
      cache.withLock { $0.guide = guide }
      return guide
    }
  }

  /// Reads an embedded file that the test suite has already checked; a failure here means the
  /// binary was built without running the tests, which no recovery could fix.
  private static func readTrusted<Value>(
    _ path: String, _ files: [String: String], _ make: (DataObject) -> Value
  ) -> Value {
    var problems: [String] = []
    guard let value = Catalog.readFile(path, in: files, problems: &problems, make) else {
      preconditionFailure("The embedded CPMS data is invalid: \(problems.joined(separator: "; "))")
    }
    return value
  }
}
