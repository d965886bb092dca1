import Foundation
import XCTest

/// The completion scripts and the manual page, checked by the programs that read them: each shell
/// parses its script, bash completes real command lines, and groff renders the page without a warning.
final class ShellCompletionTests: XCTestCase {
  /// Runs a program found on PATH; a missing one is a skip that names the package to install (CI
  /// installs them in .ci/run).
  func tool(_ name: String, package: String) throws -> URL {
    try CLIRunner.program(name, install: "'apt-get install \(package)'")
  }

  func script(_ shell: String) throws -> String {
    let result = try CLIRunner.run(["completions", shell])
    XCTAssertEqual(result.status, 0, result.stderr)
    return result.stdout
  }

  func shell(_ executable: URL, _ arguments: [String]) throws -> CLIResult {
    try CLIRunner.run(arguments, executable: executable)
  }

  /// Completes `words` (the last one being typed) with the bash script and returns the candidates.
  func bashCompletions(_ words: [String]) throws -> [String] {
    let bash = try tool("bash", package: "bash")
    let folder = try CLIRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("cpms.bash")
    try script("bash").write(to: file, atomically: true, encoding: .utf8)
    let quotedWords = words.map { "'\($0)'" }.joined(separator: " ")
    let program = """
      compgen() { builtin compgen "$@"; }
      complete() { :; }
      source '\(file.path)'
      COMP_WORDS=(\(quotedWords)); COMP_CWORD=\(words.count - 1)
      _cpms
      printf '%s\\n' "${COMPREPLY[@]}"
      """
    let result = try shell(bash, ["-c", program])
    XCTAssertEqual(result.status, 0, result.stderr)
    return result.stdout.split(separator: "\n").map(String.init)
  }

  func testBashCompletesSubcommandsOptionsAndValues() throws {
    XCTAssertEqual(try bashCompletions(["cpms", "pri"]), ["principles", "prioritize"])
    XCTAssertEqual(try bashCompletions(["cpms", "prioritize", "--situation", ""]), ["plan", "contextualized", "none"])
    XCTAssertEqual(try bashCompletions(["cpms", "show", "--fo"]), ["--format"])
    XCTAssertEqual(try bashCompletions(["cpms", "validate", "--format", "g"]), ["github"])
    XCTAssertEqual(try bashCompletions(["cpms", "help", "val"]), ["validate"])
  }

  func testEveryShellParsesItsScript() throws {
    let bash = try tool("bash", package: "bash")
    let folder = try CLIRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    for (name, check) in [("bash", ["-n"]), ("zsh", ["-n"]), ("fish", ["--no-execute"])] {
      let file = folder.appendingPathComponent("cpms.\(name)")
      try script(name).write(to: file, atomically: true, encoding: .utf8)
      let executable = name == "bash" ? bash : try tool(name, package: name)
      let result = try shell(executable, check + [file.path])
      XCTAssertEqual(result.status, 0, "\(name): \(result.stderr)")
      XCTAssertEqual(result.stderr, "", name)
    }
  }

  func testUnknownShellIsAUsageError() throws {
    let result = try CLIRunner.run(["completions", "zhs"])
    XCTAssertEqual(result.status, 64)
    XCTAssertTrue(result.stderr.contains("Did you mean 'zsh'?"), result.stderr)
  }

  func testManualPageRendersWithoutWarnings() throws {
    let groff = try tool("groff", package: "groff-base")
    let folder = try CLIRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let page = try CLIRunner.run(["man", "--date", "2026-01-15"])
    XCTAssertEqual(page.status, 0, page.stderr)
    XCTAssertEqual(page.stdout, try CLIRunner.run(["man", "--date", "2026-01-15"]).stdout, "same bytes every run")
    let file = folder.appendingPathComponent("cpms.1")
    try page.stdout.write(to: file, atomically: true, encoding: .utf8)
    let rendered = try shell(groff, ["-man", "-Tutf8", "-ww", "-z", file.path])
    XCTAssertEqual(rendered.status, 0, rendered.stderr)
    XCTAssertEqual(rendered.stderr, "", "groff warnings")
    let text = try shell(groff, ["-man", "-Tutf8", "-P", "-cbou", file.path])
    for heading in ["NAME", "SYNOPSIS", "COMMANDS", "EXIT STATUS"] {
      XCTAssertTrue(text.stdout.contains(heading), heading)
    }
    XCTAssertTrue(text.stdout.contains("cpms prioritize"), "every command has its section")
  }
}
