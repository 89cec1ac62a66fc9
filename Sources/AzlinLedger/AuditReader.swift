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
        var lines = block.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        carry = start > 0 ? Data(lines.removeFirst()) : Data()
        if first && !lines.isEmpty {
          // The text after the last newline is a torn line, if any.
          if let last = lines.last, !last.isEmpty { skipped += 1 }
          lines.removeLast()
          first = false
        }
        for line in lines.reversed() where !line.isEmpty {
          if let needle, stopAt == nil, !Self.contains(line, needle) { continue }
          guard let json = try? JSONValue.parse(data: Data(line)), json["event"] != nil else {
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

  /// True when `haystack` contains the bytes of `needle`.
  static func contains(_ haystack: Data.SubSequence, _ needle: [UInt8]) -> Bool {
    guard let first = needle.first, haystack.count >= needle.count else { return needle.isEmpty }
    var i = haystack.startIndex
    let last = haystack.endIndex - needle.count
    while i <= last {
      if haystack[i] == first {
        var j = 1
        while j < needle.count, haystack[i + j] == needle[j] { j += 1 }
        if j == needle.count { return true }
      }
      i += 1
    }
    return false
  }
}
