import CPMSArguments
import CPMSCore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// `cpms validate PATH...`: checks contextualization and workshop files, for people and for CI.
enum ValidateCommand: Command {
  static let spec = CommandSpec(
    name: "validate",
    abstract: "Check contextualization and workshop files; made for CI.",
    discussion: """
      Each path is a file, a folder (searched recursively for *.json) or - for stdin. The kind of file comes from its "cpms" key: "contextualization/1" or "workshop/1". Every finding gives the file, line and column of the key or value to fix, and a rule name.

      Exit status: 0 when every file is valid, 1 when any is not, 64 for usage errors, 66 when a path does not exist or cannot be read (also reported among the findings).
      The JSON Schemas of both formats are printed by 'cpms schema'.
      """,
    arguments: [ArgumentSpec(name: "paths", help: "Files, folders, or - for stdin.", repeating: true)],
    options: [.format(["text", "json", "github"], help: " github writes GitHub Actions annotations.")]
  )

  static func run(_ arguments: ParsedArguments, _ environment: Environment) throws(CLIError) -> ExitCode {
    let catalog = try environment.catalog()
    var reports: [ValidationReport] = []
    for path in arguments.positionals {
      for file in expand(path) {
        reports.append(validate(file, catalog: catalog, environment))
      }
    }
    let output =
      switch arguments.format {
      case "json": ValidationReporters.json(reports)
      case "github": ValidationReporters.github(reports)
      default: ValidationReporters.text(reports)
      }
    environment.write(output)
    // A path that cannot be read is a finding (CI annotations show it) and also a missing input: a
    // mistyped path in a CI script must not look like an ordinary invalid file.
    let unreadable = reports.flatMap { $0.diagnostics.filter { $0.rule == "unreadable" } }
    for finding in unreadable { environment.writeError("Error: \(finding.message)\n") }
    if !unreadable.isEmpty { return .noInput }
    return reports.allSatisfy(\.valid) ? .success : .failure
  }

  /// A folder becomes its *.json files, sorted; anything else stays as given (and is reported if unreadable).
  static func expand(_ path: String) -> [String] {
    guard path != "-", FileSystem.kind(of: path) == .directory else { return [path] }
    let files = FileSystem.filesBelow(path).filter { $0.hasSuffix(".json") }
    let prefix = path.hasSuffix("/") ? path : path + "/"
    return files.isEmpty ? [prefix] : files.map { prefix + $0 }
  }

  static func validate(_ path: String, catalog: Catalog, _ environment: Environment) -> ValidationReport {
    let shown = path == "-" ? "<stdin>" : path
    func unreadable(_ message: String) -> ValidationReport {
      ValidationReport(
        path: shown, kind: nil,
        diagnostics: [Diagnostic(severity: .error, rule: "unreadable", message: message, line: 1, column: 1)])
    }
    if path.hasSuffix("/") && FileSystem.kind(of: path) == .directory {
      return unreadable(
        "The folder '\(Excerpt.of(path.dropLast(), limit: 300))' holds no .json file to validate; "
          + "name the files, or a folder that holds them.")
    }
    let bytes: [UInt8]
    do {
      bytes = try environment.read(path, what: "file", limit: FileValidator.maxFileSize)
    } catch {
      if case .failure(let message, _) = error { return unreadable(message) }
      return unreadable("The file cannot be read.")
    }
    return FileValidator.validate(bytes, path: shown, catalog: catalog, readFile: FileReading.reader)
  }
}

/// Reads files named inside other files (ballots and contexts in a workshop file).
enum FileReading {
  static let reader: FileReader = { path in
    guard FileSystem.kind(of: path) == .file else { return nil }
    return try? FileSystem.readAll(path, limit: FileValidator.maxFileSize)
  }
}
