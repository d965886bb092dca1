@testable import CPMSCore

/// What the validation tests share: the bundled catalog, and a file validated with no other file to
/// read (files named inside a workshop do not exist).
enum ValidationFixture {
  static let catalog: Catalog = {
    switch Catalog.bundled {
    case .success(let catalog): return catalog
    case .failure(let error): fatalError("the bundled catalog does not load: \(error)")
    }
  }()

  static func validate(_ text: String) -> ValidationReport {
    FileValidator.validate(
      Array(text.utf8), path: "test.json", catalog: catalog, readFile: { _, _ in .failure(.missing) })
  }
}
