/// JSON as scripts expect it: sorted keys and stable formatting, so the same input gives the same bytes.
///
/// The output is byte for byte what Foundation's `JSONEncoder` writes with `.prettyPrinted`,
/// `.sortedKeys` and `.withoutEscapingSlashes` (two-space indent, `"key" : value`, whole doubles
/// without ".0"), which keeps scripts and golden files stable; this small encoder does it in a
/// fraction of the time, which matters because every `--format json` run pays for it.
public enum JSONOutput {
  public static func encode<T: Encodable>(_ value: T) -> String {
    let root = JSONOutputNode()
    // Our model types encode only strings, numbers, booleans, arrays and objects: nothing throws.
    try? value.encode(to: JSONOutputEncoder(node: root, codingPath: []))
    var output: [UInt8] = []
    output.reserveCapacity(16 * 1024)
    root.write(to: &output, indent: 0)
    return String(decoding: output, as: UTF8.self)
  }
}

/// One value under construction; a class because containers hand out children that are filled later.
final class JSONOutputNode {
  enum Value {
    case null
    case literal(String)  // numbers and booleans, already spelled
    case string(String)
    case array([JSONOutputNode])
    case object([String: JSONOutputNode])
  }

  var value: Value = .null

  /// Writes UTF-8 bytes: appending to a byte array is much cheaper than growing a String piece by piece.
  func write(to output: inout [UInt8], indent: Int) {
    switch value {
    case .null:
      output.append(contentsOf: "null".utf8)
    case .literal(let text):
      output.append(contentsOf: text.utf8)
    case .string(let text):
      Self.writeString(text, to: &output)
    case .array(let elements):
      output.append(UInt8(ascii: "["))
      output.append(UInt8(ascii: "\n"))
      for index in elements.indices {
        Self.pad(&output, indent + 2)
        elements[index].write(to: &output, indent: indent + 2)
        if index != elements.count - 1 { output.append(UInt8(ascii: ",")) }
        output.append(UInt8(ascii: "\n"))
      }
      if elements.isEmpty { output.append(UInt8(ascii: "\n")) }
      Self.pad(&output, indent)
      output.append(UInt8(ascii: "]"))
    case .object(let members):
      output.append(UInt8(ascii: "{"))
      output.append(UInt8(ascii: "\n"))
      let keys = members.keys.sorted()
      for index in keys.indices {
        Self.pad(&output, indent + 2)
        Self.writeString(keys[index], to: &output)
        output.append(contentsOf: " : ".utf8)
        members[keys[index]]!.write(to: &output, indent: indent + 2)
        if index != keys.count - 1 { output.append(UInt8(ascii: ",")) }
        output.append(UInt8(ascii: "\n"))
      }
      if keys.isEmpty { output.append(UInt8(ascii: "\n")) }
      Self.pad(&output, indent)
      output.append(UInt8(ascii: "}"))
    }
  }

  private static func pad(_ output: inout [UInt8], _ count: Int) {
    for _ in 0..<count { output.append(UInt8(ascii: " ")) }
  }

  /// Quotes and escapes a string; bytes other than quotes, backslashes and control characters
  /// (nearly all of them) are copied as they are.
  static func writeString(_ text: String, to output: inout [UInt8]) {
    output.append(UInt8(ascii: "\""))
    guard text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
      output.append(contentsOf: text.utf8)
      output.append(UInt8(ascii: "\""))
      return
    }
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\""): output.append(contentsOf: "\\\"".utf8)
      case UInt8(ascii: "\\"): output.append(contentsOf: "\\\\".utf8)
      case UInt8(ascii: "\n"): output.append(contentsOf: "\\n".utf8)
      case UInt8(ascii: "\r"): output.append(contentsOf: "\\r".utf8)
      case UInt8(ascii: "\t"): output.append(contentsOf: "\\t".utf8)
      case 0x08: output.append(contentsOf: "\\b".utf8)
      case 0x0C: output.append(contentsOf: "\\f".utf8)
      case 0..<0x20:
        let hex = String(byte, radix: 16)
        output.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
      default:
        output.append(byte)
      }
    }
    output.append(UInt8(ascii: "\""))
  }

  static func spell(_ value: Double) -> String {
    guard value.isFinite else { return "null" }
    let text = value.description
    return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
  }

  static func spell(_ value: Float) -> String {
    guard value.isFinite else { return "null" }
    let text = value.description
    return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
  }
}

private struct JSONOutputEncoder: Encoder {
  let node: JSONOutputNode
  var codingPath: [any CodingKey]
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    if case .object = node.value {} else { node.value = .object([:]) }
    return KeyedEncodingContainer(JSONOutputKeyedContainer<Key>(node: node, codingPath: codingPath))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    if case .array = node.value {} else { node.value = .array([]) }
    return JSONOutputUnkeyedContainer(node: node, codingPath: codingPath)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer {
    JSONOutputSingleValueContainer(node: node, codingPath: codingPath)
  }
}

private struct JSONOutputKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let node: JSONOutputNode
  var codingPath: [any CodingKey]

  private func child(_ key: Key) -> JSONOutputNode {
    let child = JSONOutputNode()
    if case .object(var members) = node.value {
      node.value = .null  // keeps `members` uniquely referenced while it changes
      members[key.stringValue] = child
      node.value = .object(members)
    }
    return child
  }

  mutating func encodeNil(forKey key: Key) throws { _ = child(key) }
  mutating func encode(_ value: Bool, forKey key: Key) throws { child(key).value = .literal(value ? "true" : "false") }
  mutating func encode(_ value: String, forKey key: Key) throws { child(key).value = .string(value) }
  mutating func encode(_ value: Double, forKey key: Key) throws {
    child(key).value = .literal(JSONOutputNode.spell(value))
  }
  mutating func encode(_ value: Float, forKey key: Key) throws {
    child(key).value = .literal(JSONOutputNode.spell(value))
  }
  mutating func encode(_ value: Int, forKey key: Key) throws { child(key).value = .literal(String(value)) }
  mutating func encode(_ value: Int8, forKey key: Key) throws { child(key).value = .literal(String(value)) }
  mutating func encode(_ value: Int16, forKey key: Key) throws { child(key).value = .literal(String(value)) }
  mutating func encode(_ value: Int32, forKey key: Key) throws { child(key).value = .literal(String(value)) }
  mutating func encode(_ value: Int64, forKey key: Key) throws { child(key).value = .literal(String(value)) }
  mutating func encode(_ value: UInt, forKey key: Key) throws { child(key).value = .literal(String(value)) }
  mutating func encode(_ value: UInt8, forKey key: Key) throws { child(key).value = .literal(String(value)) }
  mutating func encode(_ value: UInt16, forKey key: Key) throws { child(key).value = .literal(String(value)) }
  mutating func encode(_ value: UInt32, forKey key: Key) throws { child(key).value = .literal(String(value)) }
  mutating func encode(_ value: UInt64, forKey key: Key) throws { child(key).value = .literal(String(value)) }

  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
    try value.encode(to: JSONOutputEncoder(node: child(key), codingPath: codingPath + [key]))
  }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy keyType: NestedKey.Type, forKey key: Key
  ) -> KeyedEncodingContainer<NestedKey> {
    JSONOutputEncoder(node: child(key), codingPath: codingPath + [key]).container(keyedBy: keyType)
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    JSONOutputEncoder(node: child(key), codingPath: codingPath + [key]).unkeyedContainer()
  }

  mutating func superEncoder() -> any Encoder {
    JSONOutputEncoder(node: node, codingPath: codingPath)
  }

  mutating func superEncoder(forKey key: Key) -> any Encoder {
    JSONOutputEncoder(node: child(key), codingPath: codingPath + [key])
  }
}

private struct JSONOutputUnkeyedContainer: UnkeyedEncodingContainer {
  let node: JSONOutputNode
  var codingPath: [any CodingKey]

  var count: Int {
    if case .array(let elements) = node.value { return elements.count }
    return 0
  }

  private func next() -> JSONOutputNode {
    let child = JSONOutputNode()
    if case .array(var elements) = node.value {
      node.value = .null  // keeps `elements` uniquely referenced while it grows
      elements.append(child)
      node.value = .array(elements)
    }
    return child
  }

  mutating func encodeNil() throws { _ = next() }
  mutating func encode(_ value: Bool) throws { next().value = .literal(value ? "true" : "false") }
  mutating func encode(_ value: String) throws { next().value = .string(value) }
  mutating func encode(_ value: Double) throws { next().value = .literal(JSONOutputNode.spell(value)) }
  mutating func encode(_ value: Float) throws { next().value = .literal(JSONOutputNode.spell(value)) }
  mutating func encode(_ value: Int) throws { next().value = .literal(String(value)) }
  mutating func encode(_ value: Int8) throws { next().value = .literal(String(value)) }
  mutating func encode(_ value: Int16) throws { next().value = .literal(String(value)) }
  mutating func encode(_ value: Int32) throws { next().value = .literal(String(value)) }
  mutating func encode(_ value: Int64) throws { next().value = .literal(String(value)) }
  mutating func encode(_ value: UInt) throws { next().value = .literal(String(value)) }
  mutating func encode(_ value: UInt8) throws { next().value = .literal(String(value)) }
  mutating func encode(_ value: UInt16) throws { next().value = .literal(String(value)) }
  mutating func encode(_ value: UInt32) throws { next().value = .literal(String(value)) }
  mutating func encode(_ value: UInt64) throws { next().value = .literal(String(value)) }

  mutating func encode<T: Encodable>(_ value: T) throws {
    try value.encode(to: JSONOutputEncoder(node: next(), codingPath: codingPath))
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<
    NestedKey
  > {
    JSONOutputEncoder(node: next(), codingPath: codingPath).container(keyedBy: keyType)
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    JSONOutputEncoder(node: next(), codingPath: codingPath).unkeyedContainer()
  }

  mutating func superEncoder() -> any Encoder {
    JSONOutputEncoder(node: next(), codingPath: codingPath)
  }
}

private struct JSONOutputSingleValueContainer: SingleValueEncodingContainer {
  let node: JSONOutputNode
  var codingPath: [any CodingKey]

  mutating func encodeNil() throws { node.value = .null }
  mutating func encode(_ value: Bool) throws { node.value = .literal(value ? "true" : "false") }
  mutating func encode(_ value: String) throws { node.value = .string(value) }
  mutating func encode(_ value: Double) throws { node.value = .literal(JSONOutputNode.spell(value)) }
  mutating func encode(_ value: Float) throws { node.value = .literal(JSONOutputNode.spell(value)) }
  mutating func encode(_ value: Int) throws { node.value = .literal(String(value)) }
  mutating func encode(_ value: Int8) throws { node.value = .literal(String(value)) }
  mutating func encode(_ value: Int16) throws { node.value = .literal(String(value)) }
  mutating func encode(_ value: Int32) throws { node.value = .literal(String(value)) }
  mutating func encode(_ value: Int64) throws { node.value = .literal(String(value)) }
  mutating func encode(_ value: UInt) throws { node.value = .literal(String(value)) }
  mutating func encode(_ value: UInt8) throws { node.value = .literal(String(value)) }
  mutating func encode(_ value: UInt16) throws { node.value = .literal(String(value)) }
  mutating func encode(_ value: UInt32) throws { node.value = .literal(String(value)) }
  mutating func encode(_ value: UInt64) throws { node.value = .literal(String(value)) }

  mutating func encode<T: Encodable>(_ value: T) throws {
    try value.encode(to: JSONOutputEncoder(node: node, codingPath: codingPath))
  }
}
