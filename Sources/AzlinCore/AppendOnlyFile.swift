import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file of newline-terminated records that only grows: the audit log and the spend ledger.
///
/// Appending takes an exclusive `flock` on the file, writes the record in one `write` with
/// `O_APPEND`, and flushes it (`FileDurability`), so two processes on one `$AZLIN_HOME`
/// interleave whole records. A record torn by a crash (no newline at the end) stays a line of
/// its own: the next record starts on a fresh line and is never merged into it. Reading
/// returns complete lines only; the text after the last newline is a torn record, skipped.
///
/// With `rotation`, a file about to grow past the size is renamed to `.1` (older ones shift
/// up to `.keep`, the oldest is dropped) and the record starts a new file; an appender that
/// waited for the lock while another rotated reopens the new file.
public struct AppendOnlyFile: Sendable {
  /// When a file is rotated, and how many rotated files are kept.
  public struct Rotation: Sendable, Equatable {
    /// The size a record may not make the file exceed (a first record is always written).
    public var bytes: Int
    /// How many rotated files (`.1`…`.keep`) are kept.
    public var keep: Int

    public init(bytes: Int, keep: Int) {
      self.bytes = bytes
      self.keep = keep
    }
  }

  /// The file.
  public let path: String
  /// Rotation by size; nil for a file that is never rotated.
  public let rotation: Rotation?

  /// - Parameters:
  ///   - path: The file, created (mode 0600) on the first append.
  ///   - rotation: When to rotate, or nil never to.
  public init(path: String, rotation: Rotation? = nil) {
    self.path = path
    self.rotation = rotation
  }

  /// Appends `record` (which should end with a newline) in one write.
  /// - Throws: `FileError` when the file cannot be opened, locked or written.
  public static func append(_ record: Data, to path: String) throws {
    try AppendOnlyFile(path: path).append(record)
  }

  /// Appends `record` (which should end with a newline) in one write, under the file's lock.
  /// - Throws: `FileError` when the file cannot be opened, locked or written.
  public func append(_ record: Data) throws {
    var fd = try openLocked()
    defer { close(fd) }
    var opened = stat()
    if rotation != nil {
      // Another process may have rotated the file while we waited: reopen if so.
      var onDisk = stat()
      if stat(path, &onDisk) != 0 || fstat(fd, &opened) != 0 || onDisk.st_ino != opened.st_ino {
        close(fd)
        fd = try openLocked()
        fstat(fd, &opened)
      }
    }
    if let rotation, Int(opened.st_size) + record.count > rotation.bytes, opened.st_size > 0 {
      rotate(keep: rotation.keep)
      close(fd)
      fd = try openLocked()
    }
    defer { flock(fd, LOCK_UN) }
    var data = record
    var current = stat()
    if fstat(fd, &current) == 0, current.st_size > 0 {
      var last: UInt8 = 0
      if pread(fd, &last, 1, current.st_size - 1) == 1, last != 0x0A { data.insert(0x0A, at: 0) }
    }
    let written = data.withUnsafeBytes { raw in write(fd, raw.baseAddress!, raw.count) }
    guard written == data.count else {
      throw FileError(path: path, operation: "append to", code: errno)
    }
    FileDurability.sync(fd)
  }

  /// Every complete record, oldest first, without its newline (empty lines are left out);
  /// a torn last record is skipped. A missing file has none.
  public func records() -> [Data] {
    read(from: 0).records
  }

  /// The complete records that start at or after byte `offset`, and the offset just past the
  /// last of them: where the next read continues. A torn last record is not read, and the
  /// offset stays before it: once a later record follows it, it is read as a line of its own
  /// (which a JSON reader skips), never merged with that record.
  /// - Parameter offset: Where to start: 0, or an `end` an earlier read returned.
  /// - Returns: The records and the end offset; `offset` unchanged when the file is missing
  ///   or holds nothing new.
  public func read(from offset: UInt64) -> (records: [Data], end: UInt64) {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return ([], offset) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, UInt64(info.st_size) > offset else { return ([], offset) }
    let count = Int(UInt64(info.st_size) - offset)
    var bytes = [UInt8](repeating: 0, count: count)
    var filled = 0
    while filled < count {
      let n = bytes.withUnsafeMutableBytes { raw in
        pread(fd, raw.baseAddress! + filled, count - filled, off_t(offset) + off_t(filled))
      }
      if n < 0, errno == EINTR { continue }
      guard n > 0 else { break }
      filled += n
    }
    var records: [Data] = []
    var start = 0
    var end = 0
    bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      while start < filled, let hit = memchr(base + start, 0x0A, filled - start) {
        let index = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
        if index > start { records.append(Data(buffer[start..<index])) }
        start = index + 1
        end = start
      }
    }
    return (records, offset + UInt64(end))
  }

  /// Opens the file for appending and takes its exclusive lock.
  private func openLocked() throws -> Int32 {
    let fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
    guard fd >= 0 else { throw FileError(path: path, operation: "open", code: errno) }
    while flock(fd, LOCK_EX) != 0 {
      guard errno == EINTR else {
        let code = errno
        close(fd)
        throw FileError(path: path, operation: "lock", code: code)
      }
    }
    return fd
  }

  /// Shifts `path` to `.1`, `.1` to `.2`…, dropping `.keep`.
  private func rotate(keep: Int) {
    unlink("\(path).\(keep)")
    if keep > 1 {
      for n in stride(from: keep - 1, through: 1, by: -1) {
        rename("\(path).\(n)", "\(path).\(n + 1)")
      }
    }
    rename(path, "\(path).1")
  }
}
