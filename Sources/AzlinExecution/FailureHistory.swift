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
    /// What fixed it the last time, in words ("Standard_D4as_v5 instead of Standard_D4s_v3").
    public var resolution: String?

    enum CodingKeys: String, CodingKey {
      case signature, code, count, resolution
      case lastSeen = "last_seen"
    }
  }

  public let path: String
  /// The most signatures kept.
  public static let limit = 200

  public init(path: String) { self.path = path }

  /// Counts one more sighting of `signature` and returns how many times it was seen before.
  /// - Throws: `FileError` when the file cannot be written, or `Unreadable` when it holds
  ///   something that is not a history (it is left as it is, never overwritten).
  @discardableResult
  public func record(signature: String, code: String, at date: Date) throws -> Int {
    let lock = FileLock(path: path + ".lock")
    return try lock.withLock {
      var entries = try loadForUpdate()
      let old = entries.first { $0.signature == signature }
      let before = old?.count ?? 0
      entries.removeAll { $0.signature == signature }
      entries.insert(
        Entry(
          signature: signature, code: code, count: before + 1, lastSeen: Timestamp.string(date),
          resolution: old?.resolution),
        at: 0)
      try save(entries)
      return before
    }
  }

  /// Records what fixed `signature`: an offer accepted whose plan then succeeded.
  /// - Throws: `FileError` when the file cannot be written.
  public func resolve(signature: String, by resolution: String) throws {
    let lock = FileLock(path: path + ".lock")
    try lock.withLock {
      var entries = try loadForUpdate()
      guard let i = entries.firstIndex(where: { $0.signature == signature }) else { return }
      entries[i].resolution = resolution
      try save(entries)
    }
  }

  /// The entry for `signature`, if it was seen.
  public func entry(for signature: String) -> Entry? {
    load().first { $0.signature == signature }
  }

  private func save(_ entries: [Entry]) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try AtomicFile.write(try encoder.encode(Array(entries.prefix(Self.limit))), to: path)
  }

  /// The file cannot be read as a failure history; it was left as it is.
  public struct Unreadable: Error, CustomStringConvertible {
    public var path: String
    public var description: String {
      "\(path) is not a failure history azlin can read; it was left as it is (move it aside to start a new one)"
    }
  }

  /// The entries to update: a file that exists but cannot be read is never overwritten.
  private func loadForUpdate() throws -> [Entry] {
    guard let data = FileManager.default.contents(atPath: path) else { return [] }
    guard let entries = try? JSONDecoder().decode([Entry].self, from: data) else {
      throw Unreadable(path: path)
    }
    return entries
  }

  /// The recorded entries, most recent first; an unreadable file counts as empty.
  public func load() -> [Entry] {
    guard let data = FileManager.default.contents(atPath: path) else { return [] }
    return (try? JSONDecoder().decode([Entry].self, from: data)) ?? []
  }
}
