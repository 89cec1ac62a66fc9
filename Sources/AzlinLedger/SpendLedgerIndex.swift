import AzlinCore
import Foundation

/// What `ledger.jsonl` holds, parsed once and kept up to date by reading only the records
/// appended since the last look: a turn's budget figures cost the same at the first turn and
/// the thousandth.
///
/// Every query first compares the file with what was read: records another process appended
/// are read from the last offset on; a file that shrank or was replaced (another inode) is read
/// again from the start. The ledger is append-only, so nothing read before can change. A torn
/// last record is left unread until a later record follows it; it is then a line of its own,
/// which does not parse and is skipped, as a full read would.
final class SpendLedgerIndex: @unchecked Sendable {
  /// The ledger's contents, as a full read would give them.
  struct Contents {
    /// Billing-rate entries, oldest first.
    var entries: [SpendLedger.Entry] = []
    /// Entries per resource, in file order.
    var byResource: [String: [SpendLedger.Entry]] = [:]
    /// Entries per lowercased group, then per resource, in file order.
    var byGroup: [String: [String: [SpendLedger.Entry]]] = [:]
    /// The groups as written (case kept).
    var groups: Set<String> = []
    /// Each resource's last entry.
    var latest: [String: SpendLedger.Entry] = [:]
    /// Reservations not yet settled, by ID.
    var open: [String: SpendLedger.Reservation] = [:]
    /// Reservation IDs in the order they were made (settled ones are pruned now and then).
    var order: [String] = []
  }

  private let file: AppendOnlyFile
  private let lock = NSLock()
  private var contents = Contents()
  private var offset: UInt64 = 0
  private var inode: UInt64?

  init(path: String) { file = AppendOnlyFile(path: path) }

  /// The contents as the file holds them now.
  func current() -> Contents {
    lock.lock()
    defer { lock.unlock() }
    var info = stat()
    guard stat(file.path, &info) == 0 else {
      contents = Contents()
      offset = 0
      inode = nil
      return contents
    }
    if inode != UInt64(info.st_ino) || UInt64(info.st_size) < offset {
      contents = Contents()
      offset = 0
      inode = UInt64(info.st_ino)
    }
    guard UInt64(info.st_size) > offset else { return contents }
    let (records, end) = file.read(from: offset)
    for record in records {
      if let json = try? JSONValue.parse(data: record) { apply(json) }
    }
    offset = end
    if contents.order.count > 64, contents.order.count > 2 * contents.open.count {
      contents.order.removeAll { contents.open[$0] == nil }
    }
    return contents
  }

  /// Folds one record into the contents.
  private func apply(_ json: JSONValue) {
    if let id = json["settle"]?.stringValue {
      contents.open[id] = nil
      return
    }
    if let id = json["reserve"]?.stringValue {
      guard let at = json["ts"]?.stringValue.flatMap(Timestamp.parse),
        let monthly = json["monthly"]?.stringValue.flatMap(Money.init(string:)),
        let pid = json["pid"]?.intValue
      else { return }
      var groups: [String: Money] = [:]
      if case .object(let pairs)? = json["groups"] {
        for (g, v) in pairs { groups[g] = v.stringValue.flatMap(Money.init(string:)) }
      }
      contents.open[id] = SpendLedger.Reservation(
        id: id, at: at, monthly: monthly, groups: groups, pid: Int32(pid),
        host: json["host"]?.stringValue ?? "")
      contents.order.append(id)
      return
    }
    guard let ts = json["ts"]?.stringValue.flatMap(Timestamp.parse),
      let resource = json["resource"]?.stringValue,
      let hourly = json["hourly"]?.stringValue.flatMap(Money.init(string:))
    else { return }
    let entry = SpendLedger.Entry(
      at: ts, resource: resource, group: json["group"]?.stringValue ?? "", hourly: hourly)
    contents.entries.append(entry)
    contents.byResource[resource, default: []].append(entry)
    contents.byGroup[entry.group.lowercased(), default: [:]][resource, default: []].append(entry)
    contents.groups.insert(entry.group)
    contents.latest[resource] = entry
  }
}
