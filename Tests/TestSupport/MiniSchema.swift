import CPMSCore
import Foundation

/// A JSON Schema interpreter for exactly the keywords the cpms schemas use (file formats and outputs); any other keyword is recorded
/// in `unsupported` so the test notices when a schema grows beyond it.
public final class MiniSchema {
  public let root: SourceJSON
  public var unsupported: Set<String> = []
  static let annotations: Set<String> = ["$schema", "$id", "title", "description", "$defs", "$comment"]

  public init(_ root: SourceJSON) { self.root = root }

  public func errors(_ instance: SourceJSON) -> [String] {
    var errors: [String] = []
    check(root, instance, "$", &errors)
    return errors
  }

  static func same(_ a: SourceJSON, _ b: SourceJSON) -> Bool {
    switch (a.value, b.value) {
    case (.object(let x), .object(let y)):
      guard x.count == y.count else { return false }
      return x.allSatisfy { member in y.contains { $0.key == member.key && same($0.value, member.value) } }
    case (.array(let x), .array(let y)): return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
    case (.number, .number): return a.doubleValue != nil && a.doubleValue == b.doubleValue
    case (.string(let x), .string(let y)): return x == y
    case (.bool(let x), .bool(let y)): return x == y
    case (.null, .null): return true
    default: return false
    }
  }

  static func hasType(_ value: SourceJSON, _ type: String) -> Bool {
    switch (type, value.value) {
    case ("object", .object), ("array", .array), ("string", .string), ("number", .number), ("boolean", .bool),
      ("null", .null):
      return true
    case ("integer", .number):
      guard let number = value.doubleValue else { return false }
      return number.rounded() == number
    default: return false
    }
  }

  func check(_ schema: SourceJSON, _ value: SourceJSON, _ path: String, _ errors: inout [String]) {
    guard let keywords = schema.members else {
      unsupported.insert("non-object schema at \(path)")
      return
    }
    for keyword in keywords {
      let rule = keyword.value
      switch keyword.key {
      case "type":
        let types = rule.elements?.compactMap(\.stringValue) ?? [rule.stringValue ?? ""]
        if !types.contains(where: { Self.hasType(value, $0) }) { errors.append("\(path): not of type \(types)") }
      case "const":
        if !Self.same(rule, value) { errors.append("\(path): not the const") }
      case "enum":
        if !(rule.elements ?? []).contains(where: { Self.same($0, value) }) { errors.append("\(path): not in enum") }
      case "minimum":
        if let number = value.doubleValue, case .number = value.value, let limit = rule.doubleValue, number < limit {
          errors.append("\(path): below minimum")
        }
      case "maximum":
        if let number = value.doubleValue, case .number = value.value, let limit = rule.doubleValue, number > limit {
          errors.append("\(path): above maximum")
        }
      case "minItems":
        if let elements = value.elements, let limit = rule.intValue, elements.count < limit {
          errors.append("\(path): too few items")
        }
      case "maxItems":
        if let elements = value.elements, let limit = rule.intValue, elements.count > limit {
          errors.append("\(path): too many items")
        }
      case "uniqueItems":
        if case .bool(true) = rule.value, let elements = value.elements {
          for (i, a) in elements.enumerated() where elements[(i + 1)...].contains(where: { Self.same(a, $0) }) {
            errors.append("\(path): repeated item")
          }
        }
      case "pattern":
        if let text = value.stringValue, let pattern = rule.stringValue {
          guard let regex = try? NSRegularExpression(pattern: pattern) else {
            unsupported.insert("pattern \(pattern)")
            continue
          }
          if regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil {
            errors.append("\(path): '\(text)' does not match \(pattern)")
          }
        }
      case "required":
        if let members = value.members {
          for key in rule.elements?.compactMap(\.stringValue) ?? [] where !members.contains(where: { $0.key == key }) {
            errors.append("\(path): missing \(key)")
          }
        }
      case "properties":
        if let members = value.members, let properties = rule.members {
          for member in members {
            if let sub = properties.first(where: { $0.key == member.key }) {
              check(sub.value, member.value, "\(path).\(member.key)", &errors)
            }
          }
        }
      case "additionalProperties":
        guard case .bool(false) = rule.value else {
          unsupported.insert("additionalProperties other than false")
          continue
        }
        if let members = value.members {
          let known = schema["properties"]?.members?.map(\.key) ?? []
          for member in members where !known.contains(member.key) {
            errors.append("\(path): additional property \(member.key)")
          }
        }
      case "items":
        if let elements = value.elements {
          for (index, element) in elements.enumerated() { check(rule, element, "\(path)[\(index)]", &errors) }
        }
      case "$ref":
        guard let reference = rule.stringValue, reference.hasPrefix("#/$defs/"),
          let target = root["$defs"]?[String(reference.dropFirst("#/$defs/".count))]
        else {
          unsupported.insert("$ref \(rule.stringValue ?? "?")")
          continue
        }
        check(target, value, path, &errors)
      case "oneOf":
        let passing = (rule.elements ?? []).filter { branch in
          var branchErrors: [String] = []
          check(branch, value, path, &branchErrors)
          return branchErrors.isEmpty
        }
        if passing.count != 1 { errors.append("\(path): \(passing.count) oneOf branches match") }
      case "allOf":
        for branch in rule.elements ?? [] { check(branch, value, path, &errors) }
      case "anyOf":
        let passing = (rule.elements ?? []).contains { branch in
          var branchErrors: [String] = []
          check(branch, value, path, &branchErrors)
          return branchErrors.isEmpty
        }
        if !passing { errors.append("\(path): no anyOf branch matches") }
      case "not":
        var inner: [String] = []
        check(rule, value, path, &inner)
        if inner.isEmpty { errors.append("\(path): matches a 'not' schema") }
      case "if":
        var condition: [String] = []
        check(rule, value, path, &condition)
        if let branch = condition.isEmpty ? schema["then"] : schema["else"] {
          check(branch, value, path, &errors)
        }
      case "then", "else":
        break  // applied by "if"
      default:
        if !Self.annotations.contains(keyword.key) { unsupported.insert(keyword.key) }
      }
    }
  }
}
