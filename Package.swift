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
    .testTarget(name: "CPMSCoreTests", dependencies: ["CPMSCore"], path: "Tests/CPMSCoreTests"),
    .testTarget(name: "CLITests", dependencies: ["cpms"], path: "Tests/CLITests", exclude: ["Golden"]),
  ]
)
