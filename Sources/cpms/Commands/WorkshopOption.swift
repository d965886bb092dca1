import CPMSArguments
import CPMSCore

/// The `--workshop FILE` option: reads a saved workshop; command-line flags override it.
enum WorkshopOption {
  static let spec = OptionSpec(
    long: "workshop", valueName: "file",
    help: "Read the situation, lists, exceptions, ballots, size, context name and date from a workshop file.")

  /// The workshop file, read and checked; files it names are read through the same reader as options.
  static func load(_ path: String?, _ environment: Environment) throws(CLIError) -> WorkshopFile? {
    guard let path else { return nil }
    let bytes = try environment.read(path, what: "workshop file", limit: FileValidator.maxFileSize)
    // The catalog in the output's language: the rules' findings name standards by their titles.
    let (report, workshop) = FileValidator.workshop(
      bytes, path: path, catalog: try environment.catalog(), readFile: environment.readFile,
      language: environment.language)
    guard let workshop, report.valid else {
      throw ContextOption.invalidFile("workshop file", report, environment.language)
    }
    return workshop
  }
}
