/// Finds one top-level string in a JSON object without building the document.
///
/// `cpms show 18` names the standards 18 links to; reading ten whole standard files just for their
/// titles would cost more than everything else the command does. The scan skips other values by
/// counting brackets and stepping over strings, and gives up (returns nil) on anything unusual,
/// such as escapes in the wanted value, so that the caller falls back to the full parser.
enum ShallowJSONScan {
  static func topLevelString(_ text: String, key wanted: String) -> String? {
    var text = text
    return text.withUTF8 { bytes -> String? in
      var index = 0
      func skipSpace() {
        while index < bytes.count,
          bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D
            || bytes[index] == 0x09
        {
          index += 1
        }
      }
      /// The plain string starting at `index` (a quote), or nil if it holds an escape.
      func plainString() -> Range<Int>? {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
        let start = index + 1
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "\"") {
          if bytes[end] == UInt8(ascii: "\\") { return nil }
          end += 1
        }
        guard end < bytes.count else { return nil }
        index = end + 1
        return start..<end
      }
      /// Steps over one value of any kind; false when the text is not as expected.
      func skipValue() -> Bool {
        var depth = 0
        repeat {
          guard index < bytes.count else { return false }
          switch bytes[index] {
          case UInt8(ascii: "\""):
            index += 1
            while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
              index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
            }
            index += 1
          case UInt8(ascii: "["), UInt8(ascii: "{"):
            depth += 1
            index += 1
          case UInt8(ascii: "]"), UInt8(ascii: "}"):
            depth -= 1
            index += 1
          case UInt8(ascii: ","), UInt8(ascii: ":"), 0x20, 0x0A, 0x0D, 0x09:
            index += 1
          default:  // numbers, true, false, null
            while index < bytes.count, !",]} \n\r\t".utf8.contains(bytes[index]) { index += 1 }
          }
          if depth < 0 { return false }
        } while depth > 0
        return true
      }

      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { return nil }
      index += 1
      while true {
        skipSpace()
        guard let key = plainString() else { return nil }
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
        index += 1
        skipSpace()
        if bytes[key].elementsEqual(wanted.utf8) {
          guard let value = plainString() else { return nil }
          return String(decoding: bytes[value], as: UTF8.self)
        }
        guard skipValue() else { return nil }
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ",") else { return nil }
        index += 1
      }
    }
  }
}
