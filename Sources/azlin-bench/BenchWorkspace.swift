import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Where the benchmark builds its workloads and finds what it runs.
///
/// Every workload lives under one temporary folder, removed at the end unless `--keep`.
final class BenchWorkspace {
  /// The temporary folder.
  let root: String
  /// This executable, as the kernel knows it (`/proc/self/exe`).
  let executable: String
  /// The `azlin` binary built next to this one, when it exists.
  let azlinBinary: String?
  /// The package folder (holding `Package.swift`), when it can be found.
  let packageRoot: String?

  /// Makes a fresh temporary folder.
  /// - Throws: `CocoaError` when the folder cannot be made.
  init() throws {
    root = NSTemporaryDirectory() + "azlin-bench-\(getpid())"
    try? FileManager.default.removeItem(atPath: root)
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    executable =
      (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? CommandLine.arguments[0]
    let sibling = (executable as NSString).deletingLastPathComponent + "/azlin"
    azlinBinary = FileManager.default.isExecutableFile(atPath: sibling) ? sibling : nil
    packageRoot = Self.findPackageRoot(
      from: [
        FileManager.default.currentDirectoryPath,
        (executable as NSString).deletingLastPathComponent,
      ])
  }

  /// A new empty folder under the workspace.
  func folder(_ name: String) throws -> String {
    let path = root + "/" + name
    try? FileManager.default.removeItem(atPath: path)
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  /// A file of the package, such as `transcripts`, when the package can be found and has it.
  func packageFile(_ relative: String) -> String? {
    guard let packageRoot else { return nil }
    let path = packageRoot + "/" + relative
    return FileManager.default.fileExists(atPath: path) ? path : nil
  }

  /// Removes the temporary folder.
  func remove() { try? FileManager.default.removeItem(atPath: root) }

  /// The first folder, walking up from each start, that holds azlin's `Package.swift`.
  private static func findPackageRoot(from starts: [String]) -> String? {
    for start in starts {
      var folder = start
      while !folder.isEmpty && folder != "/" {
        let manifest = folder + "/Package.swift"
        if let text = try? String(contentsOfFile: manifest, encoding: .utf8),
          text.contains("azlin-bench")
        {
          return folder
        }
        folder = (folder as NSString).deletingLastPathComponent
      }
    }
    return nil
  }
}
