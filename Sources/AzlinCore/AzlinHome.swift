import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The state folder, `$AZLIN_HOME` (default `~/.azlin`), and the paths inside it.
public struct AzlinHome: Sendable {
  /// The folder itself.
  public var root: String

  /// Uses `root` as the state folder.
  public init(root: String) { self.root = root }

  /// `$AZLIN_HOME`, or `~/.azlin`.
  public static func fromEnvironment(
    _ environment: [String: String] = ProcessInfo.processInfo.environment
  )
    -> AzlinHome
  {
    if let value = environment["AZLIN_HOME"], !value.isEmpty { return AzlinHome(root: value) }
    let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    return AzlinHome(root: home + "/.azlin")
  }

  public var configFile: String { root + "/config.toml" }
  public var objectivesFolder: String { root + "/objectives" }
  public var auditLog: String { root + "/audit.log" }
  public var failureHistory: String { root + "/failure_history.json" }
  public var spendLedger: String { root + "/ledger.jsonl" }
  public var shellHistory: String { root + "/shell_history" }
  public var simulatorFolder: String { root + "/sim" }
  public var sessionsFolder: String { root + "/sessions" }
  /// The simulator's modelled time ahead of the wall clock, in seconds.
  public var simulatorClockOffset: String { root + "/sim/clock-offset" }
  public var docsCache: String { root + "/cache/docs" }
  /// Where `/save` puts a transcript given a relative path.
  public var transcriptsFolder: String { root + "/transcripts" }
  public var lockFile: String { root + "/.lock" }

  /// Creates the folder (mode 0700) and its sub-folders when missing, and checks it is writable.
  /// - Throws: `FileError` naming the folder that cannot be made or written.
  public func prepare() throws {
    for folder in [root, objectivesFolder, simulatorFolder] {
      try Self.makeFolder(folder)
    }
    guard access(root, W_OK) == 0 else {
      throw FileError(path: root, operation: "write to", code: errno)
    }
  }

  /// Creates `folder` and its parents with mode 0700 when missing.
  /// - Throws: `FileError` when it cannot be created or is not a folder.
  public static func makeFolder(_ folder: String) throws {
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
      guard isFolder.boolValue else {
        throw FileError(path: folder, operation: "use as a folder", code: ENOTDIR)
      }
      return
    }
    let parent = (folder as NSString).deletingLastPathComponent
    if !parent.isEmpty, parent != folder, !FileManager.default.fileExists(atPath: parent) {
      try makeFolder(parent)
    }
    if mkdir(folder, 0o700) != 0, errno != EEXIST {
      throw FileError(path: folder, operation: "create", code: errno)
    }
  }
}
