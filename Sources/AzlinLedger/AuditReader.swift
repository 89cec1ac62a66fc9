import AzlinCore
import Foundation

/// Reads the audit log newest-first without loading the whole file.
///
/// A torn last line (a crash mid-write) is reported and skipped, never fatal.
public struct AuditReader {
  /// One event as read back.
  public struct Entry: Equatable {
    public var json: JSONValue
    public var event: String { json["event"]?.stringValue ?? "" }
    /// The event's kind; `nil` for a name this azlin does not know (a newer one's).
    public var kind: AuditEvent? { AuditEvent(rawValue: event) }
    public var session: String? { json["session"]?.stringValue }
    public var objective: String? { json["objective"]?.stringValue }
    public var timestamp: Date? { json["ts"]?.stringValue.flatMap(Timestamp.parse) }
  }

  /// The log file (rotated files `.1`…`.5` are read after it).
  public let path: String

  public init(path: String) { self.path = path }

  /// Lines that could not be read, seen by the last `newest` call.
  public private(set) var skipped = 0

  /// Up to `limit` entries matching `filter`, newest first.
  /// - Parameters:
  ///   - limit: The most entries to return.
  ///   - mustContain: Text a line must contain to be parsed at all (a fast pre-filter).
  ///   - stopAt: Reading stops at the first entry for which this is true (e.g. older than a cut-off).
  ///   - filter: Which entries to keep.
  public mutating func newest(
    limit: Int, mustContain: String? = nil, stopAt: ((Entry) -> Bool)? = nil,
    where filter: (Entry) -> Bool
  ) -> [Entry] {
    let needle = mustContain.map { Array($0.utf8) }
    var result: [Entry] = []
    skipped = 0
    let files = [path] + (1...5).map { "\(path).\($0)" }
    for file in files {
      guard let handle = FileHandle(forReadingAtPath: file) else { continue }
      defer { try? handle.close() }
      var end = (try? handle.seekToEnd()) ?? 0
      var carry = Data()
      let chunk: UInt64 = 256 * 1024
      var first = true
      while end > 0 || !carry.isEmpty {
        let start = end > chunk ? end - chunk : 0
        var block = Data()
        if end > start {
          try? handle.seek(toOffset: start)
          block = handle.readData(ofLength: Int(end - start))
        }
        end = start
        block.append(carry)
        let bytes = [UInt8](block)
        var lines = Self.lineRanges(in: bytes)
        carry = start > 0 ? Data(bytes[lines.removeFirst()]) : Data()
        if first && !lines.isEmpty {
          // The text after the last newline is a torn line, if any.
          if let last = lines.last, !last.isEmpty { skipped += 1 }
          lines.removeLast()
          first = false
        }
        for range in lines.reversed() where !range.isEmpty {
          if let needle, stopAt == nil, !Self.contains(bytes, range, needle) { continue }
          guard let json = try? JSONValue.parse(data: Data(bytes[range])), json["event"] != nil
          else {
            skipped += 1
            continue
          }
          let entry = Entry(json: json)
          if let stopAt, stopAt(entry) { return result }
          if filter(entry) {
            result.append(entry)
            if result.count >= limit { return result }
          }
        }
        if start == 0 && carry.isEmpty { break }
      }
    }
    return result
  }

  /// The lines of `bytes` split at newlines, as `split(omittingEmptySubsequences: false)` would,
  /// found with `memchr` (a million-line log is scanned at memory speed).
  static func lineRanges(in bytes: [UInt8]) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      var start = 0
      while start <= buffer.count {
        let remaining = buffer.count - start
        guard remaining > 0, let hit = memchr(base + start, 0x0A, remaining) else {
          ranges.append(start..<buffer.count)
          break
        }
        let index = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
        ranges.append(start..<index)
        start = index + 1
      }
    }
    if ranges.isEmpty { ranges = [0..<0] }
    return ranges
  }

  /// True when `bytes[range]` contains `needle`: `memchr` to each candidate first byte, then `memcmp`.
  static func contains(_ bytes: [UInt8], _ range: Range<Int>, _ needle: [UInt8]) -> Bool {
    guard let first = needle.first else { return true }
    guard range.count >= needle.count else { return false }
    return bytes.withUnsafeBufferPointer { buffer in
      needle.withUnsafeBufferPointer { n in
        let base = UnsafeRawPointer(buffer.baseAddress!)
        var at = range.lowerBound
        let last = range.upperBound - n.count
        while at <= last {
          guard let hit = memchr(base + at, Int32(first), last - at + 1) else { return false }
          let index = base.distance(to: UnsafeRawPointer(hit))
          if memcmp(base + index, n.baseAddress!, n.count) == 0 { return true }
          at = index + 1
        }
        return false
      }
    }
  }
}
