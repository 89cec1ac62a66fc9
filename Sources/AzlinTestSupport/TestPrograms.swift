import Foundation

/// The programs the interop tests run, when this machine has them.
///
/// `Scripts/test` prepares them (`Scripts/test-venv.sh`) and sets `AZLIN_TEST_PYTHON`; a
/// plain `swift test` without them reports those tests as skipped.
public enum TestPrograms {
  /// A python with the `mcp` and `python-hcl2` packages: `AZLIN_TEST_PYTHON`.
  public static let python: String? = ProcessInfo.processInfo.environment["AZLIN_TEST_PYTHON"]
    .flatMap { $0.isEmpty ? nil : $0 }

  /// The azlin executable: `AZLIN_BIN`, or `azlin` beside the test executable.
  public static let azlin: String? = {
    if let bin = ProcessInfo.processInfo.environment["AZLIN_BIN"], !bin.isEmpty { return bin }
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("azlin").path
    return FileManager.default.isExecutableFile(atPath: beside) ? beside : nil
  }()

  /// True when both the python and azlin are there.
  public static var haveBoth: Bool { python != nil && azlin != nil }

  /// A file of the repository, by its path from the repository's root (`Tests/MCP/…`).
  public static func repositoryFile(_ path: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent(path).path
  }
}
