import AzlinCore
import Foundation

/// The append-only audit trail: one JSON object a line, written with `fsync` under an exclusive lock.
///
/// Every line leads with `ts`, `session`, `objective` and `event`. Two shells on one
/// `$AZLIN_HOME` interleave whole lines; at 10 MB the file rotates, keeping `.1`…`.5`.
public final class AuditLog {
  /// The log file.
  public let path: String
  /// This shell run's session id.
  public let session: String
  private let clock: any Clock
  private let file: AppendOnlyFile

  /// - Parameters:
  ///   - path: `$AZLIN_HOME/audit.log`.
  ///   - session: The session id written on every line.
  ///   - clock: Gives each line its timestamp.
  ///   - rotateBytes: Size at which the file rotates.
  ///   - keep: How many rotated files to keep.
  public init(
    path: String, session: String, clock: any Clock, rotateBytes: Int = 10 * 1024 * 1024,
    keep: Int = 5
  ) {
    self.path = path
    self.session = session
    self.clock = clock
    self.file = AppendOnlyFile(path: path, rotation: .init(bytes: rotateBytes, keep: keep))
  }

  /// Appends one event.
  /// - Parameters:
  ///   - event: The event name, such as `command` or `objective_status`.
  ///   - objective: The objective it belongs to, if any.
  ///   - fields: The event's fields, already redacted where they carry user text or argv.
  /// - Throws: `FileError` when the log cannot be written.
  public func record(
    _ event: AuditEvent, objective: String? = nil, at time: Date? = nil,
    _ fields: [(String, JSONValue)] = []
  ) throws {
    let line =
      JSONValue.object(
        [
          ("ts", .string(Timestamp.string(time ?? clock.now))), ("session", .string(session)),
          ("objective", .optional(objective)),
          ("event", .string(event.rawValue)),
        ] + fields
      ).compact() + "\n"
    try file.append(Data(line.utf8))
  }
}
