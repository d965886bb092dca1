// Reads the CPMS data files into model values.
//
// The files are parsed with SourceJSONParser (hundreds of MB/s, positions kept) and mapped by
// hand. Foundation's JSONDecoder spent about ten times longer on the same files, most of it in
// Codable's generic machinery, and every command pays for loading data before it prints a line.
// Mapping by hand also lets one pass report every problem in a file, with line and column, and
// refuse unknown keys, which catches a misspelt key in the data before it silently drops content.

/// Collects the problems found in one data file, each with its place.
final class DataFileReader {
  let file: String
  private(set) var problems: [String] = []

  init(file: String) {
    self.file = file
  }

  func report(_ message: String, at location: SourceLocation) {
    problems.append("\(file):\(location.line):\(location.column): \(message)")
  }

  /// The file's top-level object, or nil (with the problem recorded) when it is not one.
  func root(_ text: String) -> DataObject? {
    let node: SourceJSON
    do {
      node = try SourceJSONParser.parse(Array(text.utf8))
    } catch {
      problems.append(error.located(in: file).locatedMessage)
      return nil
    }
    return object(node, path: .root)
  }

  func object(_ node: SourceJSON, path: DataPath) -> DataObject? {
    guard let members = node.members else {
      report("\(path.described) should be an object, found \(article(node.kindName))", at: node.location)
      return nil
    }
    return DataObject(reader: self, node: node, members: members, path: path)
  }

  func article(_ kind: String) -> String {
    kind == "array" || kind == "object" ? "an \(kind)" : "a \(kind)"
  }
}

/// Where a value sits in its file, spelled out only when a problem needs it: building the text
/// for every value read would cost more than reading the value.
indirect enum DataPath {
  case root
  case key(DataPath, String)
  case index(DataPath, Int)

  var text: String {
    switch self {
    case .root: ""
    case .key(.root, let key): key
    case .key(let parent, let key): parent.text + "." + key
    case .index(let parent, let index): parent.text + "[\(index)]"
    }
  }

  /// The path quoted for a message, or "the file" for the top level.
  var described: String {
    if case .root = self { return "the file" }
    return "'\(text)'"
  }
}

/// One JSON object of a data file. Each accessor records a problem and returns a placeholder when
/// the value is missing or of the wrong type, so one pass finds every problem; `finish()` then
/// reports the keys nobody asked for.
final class DataObject {
  let reader: DataFileReader
  let node: SourceJSON
  private let members: [JSONMember]
  let path: DataPath
  private var used: [Bool]

  init(reader: DataFileReader, node: SourceJSON, members: [JSONMember], path: DataPath) {
    self.reader = reader
    self.node = node
    self.members = members
    self.path = path
    self.used = Array(repeating: false, count: members.count)
  }

  private func child(_ key: String) -> String {
    DataPath.key(path, key).text
  }

  /// The value of `key`, marking it as known; duplicates are reported because JSON readers
  /// disagree about which one wins.
  private func value(_ key: String, required: Bool) -> SourceJSON? {
    var found: SourceJSON?
    for index in members.indices where members[index].key == key {
      if found != nil {
        reader.report("duplicate key '\(child(key))'", at: members[index].keyLocation)
      } else {
        found = members[index].value
      }
      used[index] = true
    }
    if found == nil && required {
      reader.report("missing key '\(child(key))'", at: node.location)
    }
    if let value = found, case .null = value.value, !required { return nil }
    return found
  }

  private func mismatch(_ key: String, _ expected: String, _ value: SourceJSON) {
    reader.report(
      "'\(child(key))' should be \(expected), found \(reader.article(value.kindName))", at: value.location)
  }

  func optionalString(_ key: String) -> String? {
    guard let value = value(key, required: false) else { return nil }
    guard let text = value.stringValue else {
      mismatch(key, "a string", value)
      return nil
    }
    return text
  }

  func string(_ key: String) -> String {
    guard let value = value(key, required: true) else { return "" }
    guard let text = value.stringValue else {
      mismatch(key, "a string", value)
      return ""
    }
    return text
  }

  func optionalInt(_ key: String) -> Int? {
    value(key, required: false).flatMap { wholeNumber(key, $0) }
  }

  func int(_ key: String) -> Int {
    value(key, required: true).flatMap { wholeNumber(key, $0) } ?? 0
  }

  private func wholeNumber(_ key: String, _ value: SourceJSON) -> Int? {
    guard let number = value.intValue else {
      mismatch(key, "a whole number", value)
      return nil
    }
    return number
  }

  func optionalBool(_ key: String) -> Bool? {
    value(key, required: false).flatMap { flag(key, $0) }
  }

  func bool(_ key: String) -> Bool {
    value(key, required: true).flatMap { flag(key, $0) } ?? false
  }

  private func flag(_ key: String, _ value: SourceJSON) -> Bool? {
    guard case .bool(let flag) = value.value else {
      mismatch(key, "true or false", value)
      return nil
    }
    return flag
  }

  /// A string that must be one of an enumeration's raw values.
  func choice<Choice: RawRepresentable>(_ key: String, _ type: Choice.Type, required: Bool = true) -> Choice?
  where Choice.RawValue == String {
    guard let value = value(key, required: required) else { return nil }
    guard let text = value.stringValue, let choice = Choice(rawValue: text) else {
      reader.report("'\(child(key))' has a value that is not allowed here", at: value.location)
      return nil
    }
    return choice
  }

  /// An indicator target in the files' spelling (see `Target.init(parsing:)`).
  func target(_ key: String) -> Target {
    guard let value = value(key, required: true) else { return .setInContext }
    guard let text = value.stringValue, let target = Target(parsing: text) else {
      let found = value.stringValue.map { "'\($0)'" } ?? reader.article(value.kindName)
      reader.report(
        "'\(child(key))' is \(found), not a target: use \"N%\", \"yes\", \"no\", a number or \"set in context\"",
        at: value.location)
      return .setInContext
    }
    return target
  }

  /// An array whose elements are read by `element`; wrong elements are reported and skipped.
  func optionalArray<Element>(_ key: String, _ element: (SourceJSON, DataPath) -> Element?) -> [Element]? {
    value(key, required: false).flatMap { items(key, $0, element) }
  }

  func array<Element>(_ key: String, _ element: (SourceJSON, DataPath) -> Element?) -> [Element] {
    value(key, required: true).flatMap { items(key, $0, element) } ?? []
  }

  private func items<Element>(
    _ key: String, _ value: SourceJSON, _ element: (SourceJSON, DataPath) -> Element?
  ) -> [Element]? {
    guard let elements = value.elements else {
      mismatch(key, "an array", value)
      return nil
    }
    var result: [Element] = []
    result.reserveCapacity(elements.count)
    for (index, node) in elements.enumerated() {
      if let item = element(node, .index(.key(path, key), index)) { result.append(item) }
    }
    return result
  }

  func strings(_ key: String) -> [String] {
    array(key, stringElement)
  }

  func optionalStrings(_ key: String) -> [String]? {
    optionalArray(key, stringElement)
  }

  /// An array of strings that must each be one of an enumeration's raw values.
  func choices<Choice: RawRepresentable>(_ key: String, _ type: Choice.Type) -> [Choice]
  where Choice.RawValue == String {
    array(key) { node, path in
      guard let text = node.stringValue, let choice = Choice(rawValue: text) else {
        reader.report("'\(path.text)' has a value that is not allowed here", at: node.location)
        return nil
      }
      return choice
    }
  }

  func ints(_ key: String) -> [Int] {
    array(key) { node, path in
      guard let number = node.intValue else {
        reader.report(
          "'\(path.text)' should be a whole number, found \(reader.article(node.kindName))", at: node.location)
        return nil
      }
      return number
    }
  }

  /// An array of objects, each read by `make`.
  func objects<Element>(_ key: String, _ make: (DataObject) -> Element) -> [Element] {
    array(key) { node, path in readObject(node, path, make) }
  }

  func optionalObjects<Element>(_ key: String, _ make: (DataObject) -> Element) -> [Element]? {
    optionalArray(key) { node, path in readObject(node, path, make) }
  }

  func object<Element>(_ key: String, _ make: (DataObject) -> Element) -> Element? {
    guard let value = value(key, required: true) else { return nil }
    return readObject(value, .key(path, key), make)
  }

  private func stringElement(_ node: SourceJSON, _ path: DataPath) -> String? {
    guard let text = node.stringValue else {
      reader.report("'\(path.text)' should be a string, found \(reader.article(node.kindName))", at: node.location)
      return nil
    }
    return text
  }

  private func readObject<Element>(_ node: SourceJSON, _ path: DataPath, _ make: (DataObject) -> Element) -> Element? {
    guard let object = reader.object(node, path: path) else { return nil }
    let element = make(object)
    object.finish()
    return element
  }

  /// Reports keys that no accessor asked for: in the data files they are misspellings.
  func finish() {
    for index in members.indices where !used[index] {
      reader.report("unknown key '\(child(members[index].key))'", at: members[index].keyLocation)
    }
  }
}
