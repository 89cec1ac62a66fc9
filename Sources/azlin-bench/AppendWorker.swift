import AzlinCore
import AzlinLedger
import Foundation

/// The hidden `--append-worker PATH N TAG` subcommand: appends `N` events to the audit log at
/// `PATH` through `AuditLog.record` (flock + fsync each), as session `TAG`. Figure 6 runs two
/// at once on one file.
enum AppendWorker {
  /// The subcommand's name.
  static let flag = "--append-worker"

  /// The fields every appended event carries besides its sequence number: the size of a
  /// typical `command` line.
  static let payload: [(String, JSONValue)] = [
    (
      "argv",
      .strings([
        "az", "vm", "create", "--resource-group", "azlin-rg", "--name", "web7", "--size",
        "Standard_B2s", "--image", "Ubuntu2204",
      ])
    ),
    ("exit_code", 0), ("duration_ms", 90_000), ("error_code", nil),
  ]

  /// Runs the worker with `arguments` (those after the flag).
  /// - Returns: The exit status: 0, or 2 for bad arguments, 1 when a write failed.
  static func main(_ arguments: [String]) -> Int32 {
    guard arguments.count == 3, let count = Int(arguments[1]), count > 0 else {
      FileHandle.standardError.write(Data("usage: azlin-bench \(flag) PATH N TAG\n".utf8))
      return 2
    }
    let log = AuditLog(path: arguments[0], session: arguments[2], clock: SystemClock())
    do {
      for seq in 0..<count {
        try log.record(.benchAppend, [("seq", .number(Double(seq)))] + payload)
      }
    } catch {
      FileHandle.standardError.write(Data("azlin-bench: \(error)\n".utf8))
      return 1
    }
    return 0
  }
}
