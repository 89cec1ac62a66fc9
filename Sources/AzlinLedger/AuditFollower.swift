import AzlinCore
import Foundation

/// Reads the audit log forward from a point, a little at a time: each `readNew()` gives only
/// the lines appended since the last, so a reader that keeps what it needs pays for each line
/// once however long the log grows.
///
/// Rotation is followed: when `audit.log` was renamed to `.1` (and on), the rest of the file
/// being read is read under its new name, then every newer file. A torn last line is not read
/// until a later line follows it; it is then a line of its own that does not parse.
public final class AuditFollower {
  /// One line read: the entry, or nil for a line that is not an event (it does not parse).
  public typealias Line = AuditReader.Entry?

  /// The log file (rotated files are `.1`…`.5` beside it).
  public let path: String
  private var inode: UInt64?
  private var offset: UInt64 = 0

  /// Starts at the end of the log as it is now: only lines appended later are read.
  /// - Parameter path: `$AZLIN_HOME/audit.log`.
  public init(path: String) {
    self.path = path
    var info = stat()
    if stat(path, &info) == 0 {
      inode = UInt64(info.st_ino)
      offset = UInt64(info.st_size)
    }
  }

  /// The lines appended since the last call, oldest first, and whether the log now ends with
  /// a torn line (text after its last newline).
  public func readNew() -> (lines: [Line], tornTail: Bool) {
    var lines: [Line] = []
    var info = stat()
    guard stat(path, &info) == 0 else { return ([], false) }
    if let inode, inode != UInt64(info.st_ino) {
      // Rotated since: finish the file being read under its new name, then the newer ones.
      let rotated = (1...5).map { "\(path).\($0)" }
      let found = rotated.firstIndex { name in
        var old = stat()
        return stat(name, &old) == 0 && UInt64(old.st_ino) == inode
      }
      if let found {
        lines += read(rotated[found], from: offset).lines
        for name in rotated[..<found].reversed() { lines += read(name, from: 0).lines }
      }
      offset = 0
    }
    inode = UInt64(info.st_ino)
    let (current, end) = read(path, from: offset)
    lines += current
    offset = end
    return (lines, UInt64(info.st_size) > end)
  }

  /// The complete lines of `file` from `start`, parsed, and where they end.
  private func read(_ file: String, from start: UInt64) -> (lines: [Line], end: UInt64) {
    let (records, end) = AppendOnlyFile(path: file).read(from: start)
    let lines = records.map { record -> Line in
      guard let json = try? JSONValue.parse(data: record), json["event"] != nil else { return nil }
      return AuditReader.Entry(json: json)
    }
    return (lines, end)
  }
}
