import Foundation
import PackagePlugin

/// Runs `EmbedData` on the package's `Data/` folder before `CPMSCore` compiles.
///
/// The folders themselves are declared as inputs as well as the files, so adding or removing a
/// file (which changes the folder) also re-runs the command.
@main
struct EmbedDataPlugin: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let dataDirectory = context.package.directoryURL.appending(path: "Data")
    let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedData.swift")
    var inputs: [URL] = []
    for folder in ["", "standards", "schema", "i18n", "i18n/interface"] {
      let url = folder.isEmpty ? dataDirectory : dataDirectory.appending(path: folder)
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue
      else { continue }
      inputs.append(url)
      let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
      for name in names.sorted() where name.hasSuffix(".json") {
        inputs.append(url.appending(path: name))
      }
    }
    return [
      .buildCommand(
        displayName: "Embedding the CPMS data from Data/",
        executable: try context.tool(named: "EmbedData").url,
        arguments: [dataDirectory.path, output.path],
        inputFiles: inputs,
        outputFiles: [output]
      )
    ]
  }
}
