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
