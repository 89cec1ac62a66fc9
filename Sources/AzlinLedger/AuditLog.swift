import AzlinCore
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

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
  private let rotateBytes: Int
  private let keep: Int

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
    self.rotateBytes = rotateBytes
    self.keep = keep
  }

  /// Appends one event.
  /// - Parameters:
  ///   - event: The event name, such as `command` or `objective_status`.
  ///   - objective: The objective it belongs to, if any.
  ///   - fields: The event's fields, already redacted where they carry user text or argv.
  /// - Throws: `FileError` when the log cannot be written.
  public func record(
    _ event: String, objective: String? = nil, at time: Date? = nil,
    _ fields: [(String, JSONValue)] = []
  ) throws {
    let line =
      JSONValue.object(
        [
          ("ts", .string(Timestamp.string(time ?? clock.now))), ("session", .string(session)),
          ("objective", .optional(objective)),
          ("event", .string(event)),
        ] + fields
      ).compact() + "\n"
    try append(Data(line.utf8))
  }

  private func append(_ data: Data) throws {
    var fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
    guard fd >= 0 else { throw FileError(path: path, operation: "open", code: errno) }
    defer { close(fd) }
    while flock(fd, LOCK_EX) != 0 {
      guard errno == EINTR else { throw FileError(path: path, operation: "lock", code: errno) }
    }
    // Another process may have rotated the file while we waited: reopen if so.
    var onDisk = stat()
    var opened = stat()
    if stat(path, &onDisk) != 0 || fstat(fd, &opened) != 0 || onDisk.st_ino != opened.st_ino {
      close(fd)
      fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
      guard fd >= 0 else { throw FileError(path: path, operation: "open", code: errno) }
      while flock(fd, LOCK_EX) != 0 {
        guard errno == EINTR else { throw FileError(path: path, operation: "lock", code: errno) }
      }
      fstat(fd, &opened)
    }
    if Int(opened.st_size) + data.count > rotateBytes, opened.st_size > 0 {
      rotate()
      close(fd)
      fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
      guard fd >= 0 else { throw FileError(path: path, operation: "open", code: errno) }
      while flock(fd, LOCK_EX) != 0 {
        guard errno == EINTR else { throw FileError(path: path, operation: "lock", code: errno) }
      }
    }
    // A line torn by a crash (no newline at the end) stays a line of its own, which readers
    // skip: the event appended now starts on a fresh line and is never merged into it.
    var data = data
    var current = stat()
    if fstat(fd, &current) == 0, current.st_size > 0 {
      var last: UInt8 = 0
      if pread(fd, &last, 1, current.st_size - 1) == 1, last != 0x0A {
        data.insert(0x0A, at: 0)
      }
    }
    let written = data.withUnsafeBytes { raw in Glibc.write(fd, raw.baseAddress!, raw.count) }
    guard written == data.count else {
      throw FileError(path: path, operation: "append to", code: errno)
    }
    FileDurability.sync(fd)
    flock(fd, LOCK_UN)
  }

  private func rotate() {
    unlink("\(path).\(keep)")
    if keep > 1 {
      for n in stride(from: keep - 1, through: 1, by: -1) {
        rename("\(path).\(n)", "\(path).\(n + 1)")
      }
    }
    rename(path, "\(path).1")
  }
}
