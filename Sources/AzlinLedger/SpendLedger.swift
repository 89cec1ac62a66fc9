import AzlinCore
import Foundation

/// What azlin's resources have cost, from a record of when each one's billing changed.
///
/// Each executed step appends the resource's new billing rate (`ledger.jsonl`, JSON Lines,
/// append-only): a running or stopped VM accrues its hourly price plus disk and IP, a
/// deallocated one only its disk and IP, a deleted one nothing. Spend over a period is the
/// integral of those rates. These are estimates from list prices, not Azure's invoice.
///
/// The ledger also holds budget reservations: a run that passed the budget check reserves
/// what it adds (`reserve`), under `lock`, until it ends and its real rates are recorded
/// (`settle`). Another shell's check counts open reservations, so two shells cannot both
/// spend the same headroom.
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

  /// What an approved run adds to the monthly bill, held until the run ends.
  public struct Reservation: Equatable, Sendable {
    public var id: String
    public var at: Date
    /// The whole run, per month.
    public var monthly: Money
    /// What it adds per resource group, per month.
    public var groups: [String: Money]
    /// The process that holds it, and the machine it runs on.
    public var pid: Int32
    public var host: String

    public init(
      id: String, at: Date, monthly: Money, groups: [String: Money] = [:],
      pid: Int32 = getpid(), host: String = SpendLedger.hostName
    ) {
      self.id = id
      self.at = at
      self.monthly = monthly
      self.groups = groups
      self.pid = pid
      self.host = host
    }

    /// True unless the holder ran on this machine and has exited (a shell killed mid-run):
    /// its reservation then counts no more, and what it made is seen in the live state.
    public var holderIsRunning: Bool {
      guard host == SpendLedger.hostName else { return true }
      return kill(pid, 0) == 0 || errno == EPERM
    }

    /// What it reserved in `group` (matched without regard to case).
    public func monthly(in group: String) -> Money {
      groups.filter { $0.key.lowercased() == group.lowercased() }.values.reduce(.zero, +)
    }
  }

  /// The ledger file.
  public let path: String
  /// What the file holds, read incrementally; copies of this ledger share it.
  private let index: SpendLedgerIndex

  public init(path: String) {
    self.path = path
    index = SpendLedgerIndex(path: path)
  }

  /// The lock that budget decisions and reservations are made under, shared by every process
  /// on this state folder. Hold one instance per session: nested use on one thread is allowed.
  public func makeLock() -> FileLock { FileLock(path: path + ".lock") }

  /// This machine's name, to tell whether a reservation's holder can be checked.
  public static let hostName: String = {
    var buffer = [CChar](repeating: 0, count: 256)
    guard gethostname(&buffer, buffer.count) == 0 else { return "" }
    return String(cString: buffer)
  }()

  /// Appends a reservation; call it under `makeLock()`, after the budget check.
  /// - Throws: `FileError` when the ledger cannot be written.
  public func reserve(_ r: Reservation) throws {
    let groups = JSONValue.object(
      r.groups.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value.amount.description)) })
    let line =
      JSONValue.object([
        ("ts", .string(Timestamp.string(r.at))), ("reserve", .string(r.id)),
        ("monthly", .string(r.monthly.amount.description)), ("groups", groups),
        ("pid", .number(Double(r.pid))), ("host", .string(r.host)),
      ]).compact() + "\n"
    try AppendOnlyFile.append(Data(line.utf8), to: path)
  }

  /// Ends a reservation: the run finished or failed, and its real rates are recorded.
  /// - Throws: `FileError` when the ledger cannot be written.
  public func settle(_ id: String, at: Date) throws {
    let line =
      JSONValue.object([("ts", .string(Timestamp.string(at))), ("settle", .string(id))]).compact()
      + "\n"
    try AppendOnlyFile.append(Data(line.utf8), to: path)
  }

  /// Reservations not settled whose holder still runs (`Reservation.holderIsRunning`, unless
  /// `isRunning` says otherwise), oldest first.
  public func openReservations(
    isRunning: (Reservation) -> Bool = { $0.holderIsRunning }
  ) -> [Reservation] {
    let contents = index.current()
    return contents.order.compactMap { contents.open[$0] }.filter(isRunning)
  }

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
  public func entries() -> [Entry] { index.current().entries }

  /// Each resource's last entry: the rate it is billed at now, as far as the ledger knows.
  public func latestEntries() -> [String: Entry] { index.current().latest }

  /// What was spent between `start` and `end`, optionally in one group.
  public func spent(from start: Date, to end: Date, group: String? = nil) -> Money {
    index.spent(from: start, to: end, group: group)
  }

  /// Spend per group between `start` and `end`.
  public func spentByGroup(from start: Date, to end: Date) -> [String: Money] {
    var result: [String: Money] = [:]
    for g in index.current().groups { result[g] = spent(from: start, to: end, group: g) }
    return result
  }
}
