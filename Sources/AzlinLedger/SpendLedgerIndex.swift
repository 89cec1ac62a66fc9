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

  /// Spend over one period (from `start`, in one group or all) folded in as entries arrive:
  /// an entry followed by a later one of its resource adds its interval once, and only each
  /// resource's last entry is priced again at a query.
  private struct RunningSpend {
    /// Entries of `Contents.entries` folded in.
    var cursor = 0
    /// The intervals that ended: each entry up to its resource's next entry.
    var closed = Money.zero
    /// Each resource's last entry (in the group).
    var last: [String: SpendLedger.Entry] = [:]
    /// Resources whose last rate is not zero: the only ones still accruing.
    var accruing: Set<String> = []
    /// The last answer, until an entry arrives or the period's end moves.
    var answered: (end: Date, total: Money)?
  }

  private let file: AppendOnlyFile
  private let lock = NSLock()
  private var contents = Contents()
  private var offset: UInt64 = 0
  private var inode: UInt64?
  /// Running spends by period start and lowercased group ("*" for all).
  private var running: [String: RunningSpend] = [:]
  /// The latest moment of any entry read.
  private var latest = Date.distantPast

  init(path: String) { file = AppendOnlyFile(path: path) }

  /// The contents as the file holds them now.
  func current() -> Contents {
    lock.lock()
    defer { lock.unlock() }
    return refreshed()
  }

  /// What was spent between `start` and `end`, in `group` (any case) or all: the integral of
  /// each resource's rates, an entry's rate holding until the resource's next entry.
  ///
  /// When `end` is at or after every entry (a query for "until now"), the running spend of
  /// the period is brought up to date with the entries appended since the last query, and
  /// only resources still accruing are priced: the cost does not grow with the ledger.
  func spent(from start: Date, to end: Date, group: String?) -> Money {
    lock.lock()
    defer { lock.unlock() }
    let contents = refreshed()
    let key = group?.lowercased()
    guard end >= latest else {
      let lists = key.map { contents.byGroup[$0] ?? [:] } ?? contents.byResource
      return Self.spent(lists, from: start, to: end)
    }
    let name = "\(start.timeIntervalSince1970)|\(key ?? "*")"
    if running[name] == nil, running.count >= 64 { running = [:] }
    var spend = running[name] ?? RunningSpend()
    if let answered = spend.answered, answered.end == end,
      spend.cursor == contents.entries.count
    {
      return answered.total
    }
    while spend.cursor < contents.entries.count {
      let e = contents.entries[spend.cursor]
      spend.cursor += 1
      guard key == nil || e.group.lowercased() == key else { continue }
      if let previous = spend.last[e.resource] {
        spend.closed = spend.closed + Self.accrued(previous, from: start, to: e.at)
      }
      spend.last[e.resource] = e
      if e.hourly == .zero {
        spend.accruing.remove(e.resource)
      } else {
        spend.accruing.insert(e.resource)
      }
    }
    // Resources whose rate changed at one moment (a reconcile) share their hours: each
    // distinct moment is divided once.
    var hoursSince: [Date: Decimal] = [:]
    var total = spend.closed
    for resource in spend.accruing {
      guard let e = spend.last[resource] else { continue }
      let from = max(e.at, start)
      guard end > from else { continue }
      let hours =
        hoursSince[from]
        ?? {
          let h = Decimal(end.timeIntervalSince(from)) / 3600
          hoursSince[from] = h
          return h
        }()
      total = total + e.hourly * hours
    }
    spend.answered = (end, total)
    running[name] = spend
    return total
  }

  /// What `e`'s rate adds between `max(e.at, start)` and `to`.
  private static func accrued(_ e: SpendLedger.Entry, from start: Date, to: Date) -> Money {
    let from = max(e.at, start)
    guard to > from else { return .zero }
    let hours = Decimal(to.timeIntervalSince(from)) / 3600
    return e.hourly * hours
  }

  /// `spent(from:to:group:)` the long way: every entry of every resource in `byResource`.
  static func spent(_ byResource: [String: [SpendLedger.Entry]], from start: Date, to end: Date)
    -> Money
  {
    var total = Money.zero
    for (_, list) in byResource {
      for (i, e) in list.enumerated() {
        total =
          total + accrued(e, from: start, to: min(i + 1 < list.count ? list[i + 1].at : end, end))
      }
    }
    return total
  }

  /// Brings the contents up to date with the file; call it under `lock`.
  private func refreshed() -> Contents {
    var info = stat()
    guard stat(file.path, &info) == 0 else {
      reset(inode: nil)
      return contents
    }
    if inode != UInt64(info.st_ino) || UInt64(info.st_size) < offset {
      reset(inode: UInt64(info.st_ino))
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

  /// Forgets everything read: the file is gone or another one.
  private func reset(inode: UInt64?) {
    contents = Contents()
    offset = 0
    self.inode = inode
    running = [:]
    latest = .distantPast
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
    latest = max(latest, ts)
  }
}
