import Synchronization

extension DiagnosticList {
  /// The CPMS data's problems, each naming the file and what is wrong.
  init(dataProblems problems: [String]) {
    self.init(problems.map { Diagnostic(.error, rule: "cpms-data", message: "The CPMS data is invalid: \($0)") })
  }
}

extension Catalog {
  /// The catalog built into the binary.
  ///
  /// Its standards and guide are read when first needed and not re-checked at run time: the test
  /// suite loads the same embedded files with `load(files:)`, which reads and checks everything,
  /// so a binary whose data failed those checks never ships.
  public static let bundled: Result<Catalog, DiagnosticList> = Result { () throws(DiagnosticList) in
    try Catalog.read(files: EmbeddedData.files, source: CatalogSource(files: EmbeddedData.files))
  }

  /// The catalog built into the binary, in `language`: the content's working translation applied
  /// (texts without a current translation stay in English). English is `bundled` itself.
  public static func bundled(in language: Language) -> Result<Catalog, DiagnosticList> {
    guard let translation = ContentTranslation.bundled(language) else { return bundled }
    return translatedCatalogs.withLock { cache in
      if let catalog = cache[language] { return .success(catalog) }
      let files = translation.apply(to: EmbeddedData.files)
      let result = Result { () throws(DiagnosticList) in
        var catalog = try Catalog.read(files: files, source: CatalogSource(files: files))
        catalog.language = language
        return catalog
      }
      if case .success(let catalog) = result { cache[language] = catalog }
      return result
    }
  }

  private static let translatedCatalogs = Mutex<[Language: Catalog]>([:])

  /// Reads and checks the data from file contents keyed by their path under `Data/`: every file,
  /// every key, and the integrity rules across files. Tests use it on the files on disk and on the
  /// embedded copy.
  public static func load(files: [String: String]) throws(DiagnosticList) -> Catalog {
    var problems: [String] = []
    var standards: [Standard] = []
    for path in files.keys.filter({ $0.hasPrefix("standards/") }).sorted() {
      if let standard = readFile(path, in: files, problems: &problems, Standard.init) { standards.append(standard) }
    }
    let guide = readFile("guide.json", in: files, problems: &problems, WorkshopGuide.init)
    standards.sort { $0.number < $1.number }
    let catalog: Catalog
    do {
      catalog = try read(files: files, source: guide.map { CatalogSource(standards: standards, guide: $0) })
    } catch {
      throw DiagnosticList(DiagnosticList(dataProblems: problems).diagnostics + error.diagnostics)
    }
    if !problems.isEmpty { throw DiagnosticList(dataProblems: problems) }
    let integrityProblems = CatalogIntegrity.problems(in: catalog)
    if !integrityProblems.isEmpty { throw DiagnosticList(dataProblems: integrityProblems) }
    return catalog
  }

  /// Reads the four small files; `source` supplies the standards and the guide.
  private static func read(files: [String: String], source: CatalogSource?) throws(DiagnosticList) -> Catalog {
    var problems: [String] = []
    var notice = ""
    let principles = readFile("principles.json", in: files, problems: &problems) { file in
      notice = file.string("notice")
      return file.objects("principles", Principle.init)
    }
    let pillars = readFile("pillars.json", in: files, problems: &problems) { file in
      _ = file.string("notice")
      return file.objects("pillars", Pillar.init)
    }
    let inspire = readFile("inspire.json", in: files, problems: &problems) { file in
      _ = (file.string("notice"), file.optionalString("about"))
      return file.objects("strategies", InspireStrategy.init)
    }
    let functions = readFile("coordination-functions.json", in: files, problems: &problems) { file in
      _ = file.string("notice")
      return file.objects("functions", CoordinationFunction.init)
    }
    guard let principles, let pillars, let inspire, let functions, let source, problems.isEmpty else {
      throw DiagnosticList(dataProblems: problems)
    }
    return Catalog(
      principles: principles.sorted { $0.number < $1.number },
      pillars: pillars.sorted { $0.number < $1.number },
      inspireStrategies: inspire,
      coordinationFunctions: functions,
      notice: notice,
      source: source
    )
  }

  /// Reads one file's top-level object with `make`; nil (and the problems recorded) when it fails.
  static func readFile<Value>(
    _ path: String, in files: [String: String], problems: inout [String], _ make: (DataObject) -> Value
  ) -> Value? {
    guard let text = files[path] else {
      problems.append("\(path): the file is missing")
      return nil
    }
    let reader = DataFileReader(file: path)
    guard let object = reader.root(text) else {
      problems += reader.problems
      return nil
    }
    let value = make(object)
    object.finish()
    problems += reader.problems
    return reader.problems.isEmpty ? value : nil
  }
}

extension Catalog {
  /// The JSON Schema of a public file format, as shipped in Data/schema/.
  public static func schema(named name: String) -> String? {
    EmbeddedData.files["schema/\(name).schema.json"]
  }
}
