// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "cpms",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "cpms", targets: ["cpms"]),
    .library(name: "CPMSCore", targets: ["CPMSCore"]),
  ],
  targets: [
    // Turns the JSON files under Data/ into a Swift source file at build time, so the
    // binary carries the CPMS content and works when copied alone to another machine.
    .executableTarget(name: "EmbedData", path: "Sources/EmbedData"),
    .plugin(
      name: "EmbedDataPlugin",
      capability: .buildTool(),
      dependencies: ["EmbedData"],
      path: "Sources/EmbedDataPlugin"
    ),
    .target(name: "CPMSCore", path: "Sources/CPMSCore", plugins: ["EmbedDataPlugin"]),
    // The command-line parser (specs, parsing, usage errors) lives in a library so that a fuzz target can link it.
    .target(name: "CPMSArguments", dependencies: ["CPMSCore"], path: "Sources/CPMSArguments"),
    .executableTarget(name: "cpms", dependencies: ["CPMSCore", "CPMSArguments"], path: "Sources/cpms"),
    // What the fuzz targets do with one input, shared with the tests that replay their corpus and regressions.
    .target(name: "FuzzHarness", dependencies: ["CPMSCore", "CPMSArguments"], path: "Tests/Fuzz/FuzzHarness"),
    .testTarget(name: "CPMSCoreTests", dependencies: ["CPMSCore", "FuzzHarness"], path: "Tests/CPMSCoreTests"),
    .testTarget(
      name: "CLITests", dependencies: ["cpms", "FuzzHarness"], path: "Tests/CLITests", exclude: ["Golden", "Fixtures"]),
  ]
)

// libFuzzer targets, declared only with CPMS_FUZZ=1 (see `make fuzz`): they only link with libFuzzer, so
// plain `swift build` and `swift test` must not see them. The sanitizer flags are set per target rather
// than with `--sanitize`, which would also reach the EmbedData build tool and break it.
if Context.environment["CPMS_FUZZ"] == "1" {
  // AddressSanitizer by default; CPMS_FUZZ_SANITIZERS=fuzzer runs faster without it.
  let sanitizers = "-sanitize=" + (Context.environment["CPMS_FUZZ_SANITIZERS"] ?? "fuzzer,address")
  let sanitize: [SwiftSetting] = [.unsafeFlags([sanitizers])]
  let link: [LinkerSetting] = [.unsafeFlags([sanitizers, "-use-ld=lld"])]
  // The argument target parses against the real command specs, which are internal to the executable.
  // An executable module cannot be imported, so in this mode the same sources, less main.swift, form a
  // library (debug builds allow `@testable import`).
  package.products.removeAll { $0.name == "cpms" }
  package.targets.removeAll { $0.name == "cpms" || $0.name == "CLITests" }
  package.targets.append(
    .target(
      name: "cpms", dependencies: ["CPMSCore", "CPMSArguments"], path: "Sources/cpms", exclude: ["main.swift"]))
  for target in package.targets where ["CPMSCore", "CPMSArguments", "cpms", "FuzzHarness"].contains(target.name) {
    target.swiftSettings = (target.swiftSettings ?? []) + sanitize
  }
  // Each target's main hands over to libFuzzer's driver (FuzzDriver), because SwiftPM gives every
  // executable its own `main` and libFuzzer's is then never linked in.
  package.targets.append(
    .target(
      name: "FuzzDriver", path: "Tests/Fuzz/FuzzDriver", swiftSettings: [.enableExperimentalFeature("Extern")]))
  let fuzzTargets: [(String, [Target.Dependency])] = [
    ("FuzzValidate", ["FuzzHarness"]), ("FuzzWorkshop", ["FuzzHarness"]), ("FuzzBallot", ["FuzzHarness"]),
    ("FuzzMonitoring", ["FuzzHarness"]),
    ("FuzzArguments", ["FuzzHarness", "CPMSArguments", "cpms"]),
  ]
  for (name, dependencies) in fuzzTargets {
    package.targets.append(
      .executableTarget(
        name: name, dependencies: dependencies + ["FuzzDriver"], path: "Tests/Fuzz/\(name)",
        swiftSettings: sanitize, linkerSettings: link))
  }
}
