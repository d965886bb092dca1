#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Why the CPMS data could not be loaded; each problem names the file and what is wrong.
public struct CatalogError: Error, Sendable, Equatable, CustomStringConvertible {
  public var problems: [String]

  public var description: String {
    "The CPMS data is invalid:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
  }
}

extension Catalog {
  /// The catalog built into the binary, decoded and checked once per process.
  public static let bundled: Result<Catalog, CatalogError> = Result { () throws(CatalogError) in
    try Catalog.load(files: EmbeddedData.files)
  }

  /// Decodes and checks the data from file contents keyed by their path under `Data/`.
  /// Tests use it to load the files on disk and compare them with the embedded copy.
  public static func load(files: [String: String]) throws(CatalogError) -> Catalog {
    var problems: [String] = []
    let decoder = JSONDecoder()

    func decode<T: Decodable>(_ type: T.Type, _ path: String) -> T? {
      guard let text = files[path] else {
        problems.append("\(path): the file is missing")
        return nil
      }
      do {
        return try decoder.decode(T.self, from: Data(text.utf8))
      } catch {
        problems.append("\(path): \(describe(error))")
        return nil
      }
    }

    let principles = decode(PrinciplesFile.self, "principles.json")
    let pillars = decode(PillarsFile.self, "pillars.json")
    let inspire = decode(InspireFile.self, "inspire.json")
    let functions = decode(CoordinationFunctionsFile.self, "coordination-functions.json")
    let guide = decode(WorkshopGuide.self, "guide.json")
    var standards: [Standard] = []
    for path in files.keys.filter({ $0.hasPrefix("standards/") }).sorted() {
      if let standard = decode(Standard.self, path) { standards.append(standard) }
    }
    standards.sort { $0.number < $1.number }

    guard let principles, let pillars, let inspire, let functions, let guide, problems.isEmpty else {
      throw CatalogError(problems: problems)
    }
    let catalog = Catalog(
      principles: principles.principles.sorted { $0.number < $1.number },
      pillars: pillars.pillars.sorted { $0.number < $1.number },
      standards: standards,
      inspireStrategies: inspire.strategies,
      coordinationFunctions: functions.functions,
      guide: guide,
      notice: principles.notice,
      contextName: nil
    )
    let integrityProblems = CatalogIntegrity.problems(in: catalog)
    if !integrityProblems.isEmpty { throw CatalogError(problems: integrityProblems) }
    return catalog
  }

  private static func describe(_ error: any Error) -> String {
    guard let error = error as? DecodingError else { return "\(error)" }
    func path(_ codingPath: [any CodingKey]) -> String {
      codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }
    switch error {
    case .keyNotFound(let key, let context):
      return "missing key '\(key.stringValue)' at \(path(context.codingPath))"
    case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
      return "\(context.debugDescription) at \(path(context.codingPath))"
    @unknown default:
      return "\(error)"
    }
  }
}

private struct PrinciplesFile: Decodable {
  var notice: String
  var principles: [Principle]
}

private struct PillarsFile: Decodable {
  var pillars: [Pillar]
}

private struct InspireFile: Decodable {
  var strategies: [InspireStrategy]
}

private struct CoordinationFunctionsFile: Decodable {
  var functions: [CoordinationFunction]
}

extension Catalog {
  /// The JSON Schema of a public file format, as shipped in Data/schema/.
  public static func schema(named name: String) -> String? {
    EmbeddedData.files["schema/\(name).schema.json"]
  }
}
