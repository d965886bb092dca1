import CPMSArguments
import CPMSCore

/// The language a command's files name: the workshop file's `language`, else the contextualization
/// file's (`--context`, or the one the workshop names). `--lang` wins over both, and both win over the
/// environment; a language cpms does not speak is passed over.
enum FileLanguage {
  static func declared(_ arguments: ParsedArguments, _ environment: Environment) -> Language? {
    var workshopLanguage: String?
    var contextPath = arguments.value("context")
    if let path = arguments.value("workshop"), path != "-",
      case .success(let bytes) = environment.readFile(path, FileValidator.maxFileSize)
    {
      let declared = DeclaredLanguage.ofWorkshop(bytes)
      workshopLanguage = declared.language
      if contextPath == nil, let relative = declared.context { contextPath = resolve(relative, besides: path) }
    }
    if let language = DeclaredLanguage.firstSpoken([workshopLanguage]) { return language }
    guard let contextPath, contextPath != "-",
      case .success(let bytes) = environment.readFile(contextPath, DeclaredLanguage.contextScanLimit)
    else { return nil }
    return DeclaredLanguage.firstSpoken([DeclaredLanguage.ofContextualization(bytes)])
  }

  /// A path inside a workshop file, relative to the workshop's folder (as the workshop checker reads it).
  static func resolve(_ relative: String, besides path: String) -> String {
    if relative.hasPrefix("/") { return relative }
    guard let slash = path.lastIndex(of: "/") else { return relative }
    let folder = path[..<slash]
    return folder.isEmpty ? "/" + relative : folder + "/" + relative
  }
}
