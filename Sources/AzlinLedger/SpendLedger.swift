import AzlinCore
import Foundation

/// What azlin's resources have cost, from a record of when each one's billing changed.
///
/// Each executed step appends the resource's new billing rate (`ledger.jsonl`, JSON Lines,
/// append-only): a running or stopped VM accrues its hourly price plus disk and IP, a
/// deallocated one only its disk and IP, a deleted one nothing. Spend over a period is the
/// integral of those rates. These are estimates from list prices, not Azure's invoice.
public struct SpendLedger {
  /// One change of a resource's billing rate.
  public struct Entry: Equatable, Sendable {
    public var at: Date
    /// `vm/<group>/<name>`, lowercased.
    public var resource: String
    public var group: String
    /// Dollars per hour from this moment on (0 once deleted).
    public var hourly: Money

    public init(at: Date, resource: String, group: String, hourly: Money) {
      self.at = at
      self.resource = resource
      self.group = group
      self.hourly = hourly
    }
  }

  /// The ledger file.
  public let path: String

  public init(path: String) { self.path = path }

  /// Appends one rate change.
  /// - Throws: `FileError` when the ledger cannot be written.
  public func record(_ entry: Entry) throws {
    let line =
      JSONValue.object([
        ("ts", .string(Timestamp.string(entry.at))), ("resource", .string(entry.resource)),
        ("group", .string(entry.group)), ("hourly", .string(entry.hourly.amount.description)),
      ]).compact() + "\n"
    try AppendOnlyFile.append(Data(line.utf8), to: path)
  }

  /// Every readable entry, oldest first; a torn last line is skipped.
  public func entries() -> [Entry] {
    guard let data = FileManager.default.contents(atPath: path) else { return [] }
    return data.split(separator: UInt8(ascii: "\n")).compactMap { line in
      guard let json = try? JSONValue.parse(data: Data(line)),
        let ts = json["ts"]?.stringValue.flatMap(Timestamp.parse),
        let resource = json["resource"]?.stringValue,
        let hourly = json["hourly"]?.stringValue.flatMap(Money.init(string:))
      else { return nil }
      return Entry(
        at: ts, resource: resource, group: json["group"]?.stringValue ?? "", hourly: hourly)
    }
  }

  /// What was spent between `start` and `end`, optionally in one group.
  public func spent(from start: Date, to end: Date, group: String? = nil) -> Money {
    var total = Money.zero
    var byResource: [String: [Entry]] = [:]
    for e in entries() where group == nil || e.group.lowercased() == group!.lowercased() {
      byResource[e.resource, default: []].append(e)
    }
    for (_, list) in byResource {
      for (i, e) in list.enumerated() {
        let from = max(e.at, start)
        let to = min(i + 1 < list.count ? list[i + 1].at : end, end)
        guard to > from else { continue }
        let hours = Decimal(to.timeIntervalSince(from)) / 3600
        total = total + e.hourly * hours
      }
    }
    return total
  }

  /// Spend per group between `start` and `end`.
  public func spentByGroup(from start: Date, to end: Date) -> [String: Money] {
    var groups = Set<String>()
    for e in entries() { groups.insert(e.group) }
    var result: [String: Money] = [:]
    for g in groups { result[g] = spent(from: start, to: end, group: g) }
    return result
  }
}

/// Appends whole records to a file under an exclusive lock, flushed with fsync.
public enum AppendOnlyFile {
  /// Appends `data` in one write.
  /// - Throws: `FileError`.
  public static func append(_ data: Data, to path: String) throws {
    let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
    guard fd >= 0 else { throw FileError(path: path, operation: "open", code: errno) }
    defer { close(fd) }
    while flock(fd, LOCK_EX) != 0 {
      guard errno == EINTR else { throw FileError(path: path, operation: "lock", code: errno) }
    }
    defer { flock(fd, LOCK_UN) }
    let written = data.withUnsafeBytes { raw in Glibc.write(fd, raw.baseAddress!, raw.count) }
    guard written == data.count else {
      throw FileError(path: path, operation: "append to", code: errno)
    }
    fsync(fd)
  }
}
