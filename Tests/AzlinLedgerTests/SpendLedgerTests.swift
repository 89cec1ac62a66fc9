import AzlinCore
import AzlinLedger
import AzlinTestSupport
import Foundation
import Testing

@Suite struct SpendLedgerTests {
  let t0 = Date(timeIntervalSince1970: 1_795_683_600)

  @Test func accruesRunningThenDeallocatedThenDeleted() throws {
    let folder = TemporaryFolder()
    let ledger = SpendLedger(path: folder.file("ledger.jsonl"))
    try ledger.record(.init(at: t0, resource: "vm/rg/sam", group: "rg", hourly: Money(0.05)))
    try ledger.record(
      .init(at: t0 + 10 * 3600, resource: "vm/rg/sam", group: "rg", hourly: Money(0.01)))
    try ledger.record(.init(at: t0 + 20 * 3600, resource: "vm/rg/sam", group: "rg", hourly: .zero))
    #expect(ledger.spent(from: t0, to: t0 + 30 * 3600) == Money(0.6))
    #expect(ledger.spent(from: t0 + 5 * 3600, to: t0 + 15 * 3600) == Money(0.3))
    #expect(ledger.spent(from: t0, to: t0 + 30 * 3600, group: "other") == .zero)
    #expect(ledger.spentByGroup(from: t0, to: t0 + 30 * 3600) == ["rg": Money(0.6)])
  }

  @Test func aTornLastLineIsSkipped() throws {
    let folder = TemporaryFolder()
    let path = folder.file("ledger.jsonl")
    let ledger = SpendLedger(path: path)
    try ledger.record(.init(at: t0, resource: "vm/rg/a", group: "rg", hourly: Money(1)))
    try AppendOnlyFile.append(Data(#"{"ts":"2026-11-26T10:00:00.000Z","reso"#.utf8), to: path)
    #expect(ledger.entries().count == 1)
    #expect(ledger.spent(from: t0, to: t0 + 3600) == Money(1))
  }
}

@Suite struct SpendLedgerReservationTests {
  let t0 = Date(timeIntervalSince1970: 1_795_683_600)

  @Test func aReservationIsOpenUntilSettled() throws {
    let folder = TemporaryFolder()
    let ledger = SpendLedger(path: folder.file("ledger.jsonl"))
    try ledger.record(.init(at: t0, resource: "vm/rg/a", group: "rg", hourly: Money(1)))
    let r = SpendLedger.Reservation(
      id: "s-1", at: t0, monthly: Money(39.3), groups: ["RG": Money(39.3)])
    try ledger.reserve(r)
    #expect(ledger.openReservations() == [r])
    #expect(ledger.openReservations().first?.monthly(in: "rg") == Money(39.3))
    // Reservations are not billing-rate entries: spend is unchanged.
    #expect(ledger.entries().count == 1)
    #expect(ledger.spent(from: t0, to: t0 + 3600) == Money(1))
    try ledger.settle("s-1", at: t0 + 60)
    #expect(ledger.openReservations().isEmpty)
  }

  /// A shell killed mid-run leaves its reservation open; it counts no more once the holder is gone.
  @Test func aReservationOfAProcessThatExitedDoesNotCount() throws {
    let folder = TemporaryFolder()
    let ledger = SpendLedger(path: folder.file("ledger.jsonl"))
    let exited = Process()
    exited.executableURL = URL(fileURLWithPath: "/bin/true")
    try exited.run()
    exited.waitUntilExit()
    try ledger.reserve(.init(id: "gone", at: t0, monthly: Money(10), pid: exited.processIdentifier))
    try ledger.reserve(.init(id: "here", at: t0, monthly: Money(20)))
    try ledger.reserve(
      .init(id: "elsewhere", at: t0, monthly: Money(30), pid: 1, host: "another-machine"))
    #expect(ledger.openReservations().map(\.id) == ["here", "elsewhere"])
  }
}

/// The ledger is read incrementally: what another writer appends is seen, a replaced file is
/// read again, and a torn record never hides the one after it.
@Suite struct SpendLedgerIndexTests {
  let t0 = Date(timeIntervalSince1970: 1_795_683_600)

  @Test func anotherWritersAppendsAreSeenByAnEarlierReader() throws {
    let folder = TemporaryFolder()
    let path = folder.file("ledger.jsonl")
    let mine = SpendLedger(path: path)
    let theirs = SpendLedger(path: path)
    try mine.record(.init(at: t0, resource: "vm/rg/a", group: "rg", hourly: Money(1)))
    #expect(mine.spent(from: t0, to: t0 + 3600) == Money(1))
    try theirs.record(.init(at: t0, resource: "vm/rg/b", group: "RG", hourly: Money(2)))
    try theirs.reserve(.init(id: "r-1", at: t0, monthly: Money(10), groups: ["rg": Money(10)]))
    #expect(mine.spent(from: t0, to: t0 + 3600) == Money(3))
    #expect(mine.spent(from: t0, to: t0 + 3600, group: "rg") == Money(3))
    #expect(mine.spentByGroup(from: t0, to: t0 + 3600) == ["rg": Money(3), "RG": Money(3)])
    #expect(mine.latestEntries()["vm/rg/b"]?.hourly == Money(2))
    #expect(mine.openReservations(isRunning: { _ in true }).map(\.id) == ["r-1"])
    try theirs.settle("r-1", at: t0 + 60)
    #expect(mine.openReservations(isRunning: { _ in true }).isEmpty)
  }

  @Test func aReplacedFileIsReadAgainFromTheStart() throws {
    let folder = TemporaryFolder()
    let path = folder.file("ledger.jsonl")
    let ledger = SpendLedger(path: path)
    try ledger.record(.init(at: t0, resource: "vm/rg/a", group: "rg", hourly: Money(1)))
    try ledger.record(.init(at: t0, resource: "vm/rg/b", group: "rg", hourly: Money(1)))
    #expect(ledger.entries().count == 2)
    let other = folder.file("other.jsonl")
    try SpendLedger(path: other).record(
      .init(at: t0, resource: "vm/rg/c", group: "rg", hourly: Money(5)))
    #expect(rename(other, path) == 0)
    #expect(ledger.entries().map(\.resource) == ["vm/rg/c"])
    try FileManager.default.removeItem(atPath: path)
    #expect(ledger.entries().isEmpty)
  }

  @Test func aTornRecordReadEarlyNeverHidesTheNextOne() throws {
    let folder = TemporaryFolder()
    let path = folder.file("ledger.jsonl")
    let ledger = SpendLedger(path: path)
    try ledger.record(.init(at: t0, resource: "vm/rg/a", group: "rg", hourly: Money(1)))
    try AppendOnlyFile.append(Data(#"{"ts":"2026-11-26T10:00:00.000Z","reso"#.utf8), to: path)
    #expect(ledger.entries().count == 1)
    try ledger.record(.init(at: t0, resource: "vm/rg/b", group: "rg", hourly: Money(2)))
    #expect(ledger.entries().map(\.resource) == ["vm/rg/a", "vm/rg/b"])
  }
}

/// The running spend gives what integrating every entry gives, query after query.
@Suite struct SpendLedgerRunningTests {
  let t0 = Date(timeIntervalSince1970: 1_795_683_600)

  /// Every entry's rate until its resource's next entry, clipped to `start`…`end`.
  static func reference(_ entries: [SpendLedger.Entry], from start: Date, to end: Date) -> Money {
    var byResource: [String: [SpendLedger.Entry]] = [:]
    for e in entries { byResource[e.resource, default: []].append(e) }
    var total = Money.zero
    for list in byResource.values {
      for (i, e) in list.enumerated() {
        let from = max(e.at, start)
        let to = min(i + 1 < list.count ? list[i + 1].at : end, end)
        guard to > from else { continue }
        total = total + e.hourly * (Decimal(to.timeIntervalSince(from)) / 3600)
      }
    }
    return total
  }

  @Test(arguments: [1, 7, 42])
  func matchesTheFullIntegralAsEntriesArrive(seed: UInt64) throws {
    let folder = TemporaryFolder()
    let ledger = SpendLedger(path: folder.file("ledger.jsonl"))
    var state = seed
    func next(_ bound: UInt64) -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return (state >> 33) % bound
    }
    var written: [SpendLedger.Entry] = []
    var now = t0
    let rates = [Money.zero, Money(0.0416), Money(0.192), Money(1)]
    for _ in 0..<60 {
      now = now + TimeInterval(next(5_400))
      let entry = SpendLedger.Entry(
        at: now, resource: "vm/rg\(next(3))/v\(next(6))", group: next(2) == 0 ? "rg" : "RG",
        hourly: rates[Int(next(4))])
      try ledger.record(entry)
      written.append(entry)
      let end = now + TimeInterval(next(7_200))
      for start in [t0, t0 + 3_600, now - 1_800] {
        #expect(
          ledger.spent(from: start, to: end).rounded
            == Self.reference(written, from: start, to: end).rounded)
        let group = written.filter { $0.group.lowercased() == "rg" }
        #expect(
          ledger.spent(from: start, to: end, group: "Rg").rounded
            == Self.reference(group, from: start, to: end).rounded)
      }
    }
    // A moment before the last entry is integrated the long way, clipped as before.
    #expect(
      ledger.spent(from: t0, to: now - 600).rounded
        == Self.reference(written, from: t0, to: now - 600).rounded)
  }
}
