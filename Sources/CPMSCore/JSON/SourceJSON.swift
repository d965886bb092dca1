/// 1-based line and column, 0-based byte offset. Columns count Unicode scalars from the line start.
///
/// Line and column are what a person looks for in an editor; the byte offset lets tools slice the
/// original bytes without decoding again. Columns count scalars rather than bytes so that "é" and
/// "漢" are one column each, as in most editors, while staying cheap to compute.
public struct SourceLocation: Sendable, Equatable, Hashable, Comparable {
  public var line: Int
  public var column: Int
  public var offset: Int

  public init(line: Int, column: Int, offset: Int) {
    self.line = line
    self.column = column
    self.offset = offset
  }

  /// File order, so findings from different checks can be sorted top to bottom before printing.
  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    (lhs.offset, lhs.line, lhs.column) < (rhs.offset, rhs.line, rhs.column)
  }
}

/// An object member; the key has its own location because messages about a key ("unknown key")
/// and about its value ("expected a string") should point at different places.
public struct JSONMember: Sendable, Equatable {
  public var key: String
  public var keyLocation: SourceLocation
  public var value: SourceJSON
}

/// The shape of a parsed value.
///
/// Objects are arrays of members rather than dictionaries so that file order and duplicate keys
/// survive parsing: the validator reports duplicates instead of silently keeping one of them.
/// It is deliberately not `indirect`: the recursion already goes through arrays, and boxing every
/// value would cost one heap allocation per number or string (about a third of the parse time).
public enum JSONValue: Sendable, Equatable {
  case object([JSONMember])
  case array([SourceJSON])
  case string(String)
  /// The number's raw text as written, so "1.50" or a 30-digit identifier reaches the validator
  /// unchanged instead of being rounded through `Double`.
  case number(String)
  case bool(Bool)
  case null
}

/// A parsed value together with the place it starts, so every later check can point the user at
/// the exact spot in their file.
public struct SourceJSON: Sendable, Equatable {
  public var value: JSONValue
  public var location: SourceLocation

  /// A plain-words name for the value's type, for messages such as
  /// "expected a string, found a number".
  public var kindName: String {
    switch value {
    case .object: "object"
    case .array: "array"
    case .string: "string"
    case .number: "number"
    case .bool: "boolean"
    case .null: "null"
    }
  }

  /// The first member's value, because duplicates are kept for reporting and the first
  /// occurrence is the one a reader of the file sees first.
  public subscript(key: String) -> SourceJSON? {
    guard case .object(let members) = value else { return nil }
    return members.first { $0.key == key }?.value
  }

  /// Nil for anything that is not a string, so a type mismatch is one `guard` away from a message.
  public var stringValue: String? {
    guard case .string(let text) = value else { return nil }
    return text
  }

  /// Only numbers written as plain integers count: "3.0" or "1e2" in a field that expects a whole
  /// number is more likely a mistake worth reporting than a value worth converting, and digits
  /// outside `Int`'s range must not wrap or round.
  public var intValue: Int? {
    guard case .number(let raw) = value else { return nil }
    if raw.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 | 0x20 == UInt8(ascii: "e") }) {
      return nil
    }
    return Int(raw)
  }

  /// Nil when the number does not fit in a finite `Double` (such as 1e400), so callers never
  /// have to handle infinity from a file that did not (and could not) write it.
  public var doubleValue: Double? {
    guard case .number(let raw) = value, let number = Double(raw), number.isFinite else {
      return nil
    }
    return number
  }

  /// Nil unless this is an object, so callers can check the type and unwrap in one step.
  public var members: [JSONMember]? {
    guard case .object(let members) = value else { return nil }
    return members
  }

  /// Nil unless this is an array, so callers can check the type and unwrap in one step.
  public var elements: [SourceJSON]? {
    guard case .array(let elements) = value else { return nil }
    return elements
  }
}
