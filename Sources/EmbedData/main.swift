import Foundation

// Writes a Swift file holding every JSON file of Data/ (top level, standards/, schema/, i18n/ and
// i18n/interface/) as a string literal, keyed by its path relative to Data/, and the interface texts as a
// table. Usage: EmbedData DATA_DIR OUTPUT.

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
  FileHandle.standardError.write(Data("usage: EmbedData DATA_DIR OUTPUT\n".utf8))
  exit(64)
}
let dataDirectory = URL(fileURLWithPath: arguments[1])
let outputURL = URL(fileURLWithPath: arguments[2])

func swiftLiteral(_ text: String) -> String {
  var out = "\""
  out.reserveCapacity(text.utf8.count + 16)
  for scalar in text.unicodeScalars {
    switch scalar {
    case "\\": out += "\\\\"
    case "\"": out += "\\\""
    case "\n": out += "\\n"
    case "\r": out += "\\r"
    case "\t": out += "\\t"
    default:
      if scalar.value < 0x20 {
        out += "\\u{" + String(scalar.value, radix: 16) + "}"
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
  }
  return out + "\""
}

var entries: [(String, String)] = []
for folder in ["", "standards", "schema", "i18n", "i18n/interface"] {
  let url = folder.isEmpty ? dataDirectory : dataDirectory.appendingPathComponent(folder)
  let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
  for name in names.sorted() where name.hasSuffix(".json") {
    let fileURL = url.appendingPathComponent(name)
    guard let data = FileManager.default.contents(atPath: fileURL.path),
      let text = String(data: data, encoding: .utf8)
    else {
      FileHandle.standardError.write(Data("EmbedData: cannot read \(fileURL.path) as UTF-8\n".utf8))
      exit(1)
    }
    entries.append((folder.isEmpty ? name : "\(folder)/\(name)", text))
  }
}

var source = "// Generated at build time by EmbedData from the package's Data/ folder. Do not edit.\n\n"
source += "enum EmbeddedData {\n  static let files: [String: String] = [\n"
for (path, text) in entries {
  source += "    \(swiftLiteral(path)): \(swiftLiteral(text)),\n"
}
if entries.isEmpty { source += "    :\n" }
source += "  ]\n\n"

// The interface texts as a table, so the binary does not parse 300 KB of JSON each time it speaks:
// key → the text in each language, in the order of cpms's Language (en, fr, es, ar); nil where a
// language lacks it (a test fails on that). A key given by two files keeps the later file's texts, as
// the files' names sort (another test keeps keys unique).
let interfaceLanguages = ["en", "fr", "es", "ar"]
var interfaceTexts: [String: [String?]] = [:]
for (path, text) in entries where path.hasPrefix("i18n/interface/") {
  guard let root = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
    let texts = root["texts"] as? [String: [String: String]]
  else {
    FileHandle.standardError.write(Data("EmbedData: \(path) is not {\"texts\": {key: {language: text}}}\n".utf8))
    exit(1)
  }
  for (key, byLanguage) in texts { interfaceTexts[key] = interfaceLanguages.map { byLanguage[$0] } }
}
source += "  static let interfaceTexts: [String: [String?]] = [\n"
for key in interfaceTexts.keys.sorted() {
  let texts = interfaceTexts[key]!.map { $0.map(swiftLiteral) ?? "nil" }.joined(separator: ", ")
  source += "    \(swiftLiteral(key)): [\(texts)],\n"
}
if interfaceTexts.isEmpty { source += "    :\n" }
source += "  ]\n}\n"

do {
  try source.write(to: outputURL, atomically: true, encoding: .utf8)
} catch {
  FileHandle.standardError.write(Data("EmbedData: cannot write \(outputURL.path): \(error)\n".utf8))
  exit(1)
}
