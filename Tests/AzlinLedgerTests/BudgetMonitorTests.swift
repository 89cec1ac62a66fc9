import AzlinCore
import AzlinLedger
import Foundation
import Testing

@Suite struct BudgetMonitorTests {
  func monitor(monthly: Decimal? = 500, groups: [String: Money] = [:]) -> BudgetMonitor {
    var b = AzlinConfig.Budget()
    b.monthlyLimit = monthly.map(Money.init)
    b.groupLimits = groups
    return BudgetMonitor(budget: b)
  }

  @Test func noLimitIsOK() {
    let d = monitor(monthly: nil).check(.init(planMonthly: Money(1000), runRate: .zero))
    #expect(d.level == .ok)
    #expect(d.limit == nil)
  }

  @Test(arguments: [
    (Decimal(100), Decimal(100), BudgetMonitor.Decision.Level.ok),
    (Decimal(200), Decimal(60), .warning(threshold: 50)),
    (Decimal(300), Decimal(100), .warning(threshold: 80)),
    (Decimal(450), Decimal(50), .warning(threshold: 100)),
    (Decimal(450), Decimal(51), .refused(limit: "monthly limit $500.00/month")),
  ])
  func thresholdsAndLimit(_ rate: Decimal, _ plan: Decimal, _ level: BudgetMonitor.Decision.Level) {
    #expect(monitor().check(.init(planMonthly: Money(plan), runRate: Money(rate))).level == level)
  }

  @Test func aPlanThatSavesIsNeverRefused() {
    let d = monitor().check(.init(planMonthly: Money(-50), runRate: Money(600)))
    #expect(d.level == .warning(threshold: 100))
  }

  @Test func spendThisMonthCounts() {
    let d = monitor().check(
      .init(planMonthly: Money(100), runRate: Money(300), spentThisMonth: Money(101)))
    #expect(d.level == .refused(limit: "monthly limit $500.00/month"))
    #expect(d.projected == Money(501))
  }

  @Test func dailyLimitLooksAtADayOfTheNewRunRate() {
    var b = AzlinConfig.Budget()
    b.dailyLimit = Money(5)
    let d = BudgetMonitor(budget: b).check(
      .init(planMonthly: Money(146), runRate: .zero, spentToday: Money(1)))
    #expect(d.level == .refused(limit: "daily limit $5.00/day"))
    #expect(d.projected == Money(5.8))
    #expect(d.daily)
  }

  @Test func groupLimitRefusesOnItsOwn() {
    let d = monitor(monthly: 10_000, groups: ["test-rg": Money(100)]).check(
      .init(planMonthly: Money(60), runRate: Money(60), group: "Test-RG", groupRunRate: Money(60)))
    #expect(d.level == .refused(limit: "resource group Test-RG limit $100.00/month"))
  }
}
