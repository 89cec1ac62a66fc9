import AzlinCore
import Foundation

/// Recent failure analyses in `failure_history.json`: how often each signature was seen.
public struct FailureHistory: Sendable {
  /// One signature's record.
  public struct Entry: Codable, Equatable, Sendable {
    public var signature: String
    public var code: String
    public var count: Int
    public var lastSeen: String

    enum CodingKeys: String, CodingKey {
      case signature, code, count
      case lastSeen = "last_seen"
    }
  }

  public let path: String
  /// The most signatures kept.
  public static let limit = 200

  public init(path: String) { self.path = path }

  /// Counts one more sighting of `signature` and returns how many times it was seen before.
  /// - Throws: `FileError` when the file cannot be written.
  @discardableResult
  public func record(signature: String, code: String, at date: Date) throws -> Int {
    let lock = FileLock(path: path + ".lock")
    return try lock.withLock {
      var entries = load()
      let before = entries.first { $0.signature == signature }?.count ?? 0
      entries.removeAll { $0.signature == signature }
      entries.insert(
        Entry(
          signature: signature, code: code, count: before + 1, lastSeen: Timestamp.string(date)),
        at: 0)
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
      try AtomicFile.write(try encoder.encode(Array(entries.prefix(Self.limit))), to: path)
      return before
    }
  }

  /// The recorded entries, most recent first; an unreadable file counts as empty.
  public func load() -> [Entry] {
    guard let data = FileManager.default.contents(atPath: path) else { return [] }
    return (try? JSONDecoder().decode([Entry].self, from: data)) ?? []
  }
}
