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

@Suite struct BudgetMonitorGateTests {
  func monitor(
    monthly: Decimal? = nil, daily: Decimal? = nil, groups: [String: Money] = [:]
  ) -> BudgetMonitor {
    var b = AzlinConfig.Budget()
    b.monthlyLimit = monthly.map(Money.init)
    b.dailyLimit = daily.map(Money.init)
    b.groupLimits = groups
    return BudgetMonitor(budget: b)
  }

  static let disk = "disk big (Premium_LRS, 32767 GB)"

  /// An unknown price is never taken for $0 while any limit applies.
  @Test(arguments: [
    (Decimal?(50), Decimal?.none, [String: Money](), "monthly limit $50.00/month"),
    (nil, Decimal?(5), [:], "daily limit $5.00/day"),
    (nil, nil, ["rg": Money(100)], "resource group rg limit $100.00/month"),
  ])
  func anUnknownPriceUnderALimitIsRefused(
    _ monthly: Decimal?, _ daily: Decimal?, _ groups: [String: Money], _ limit: String
  ) {
    let d = monitor(monthly: monthly, daily: daily, groups: groups).check(
      .init(
        planMonthly: .zero, runRate: .zero, unpriced: [Self.disk],
        groups: [.init(name: "rg", planMonthly: .zero)]))
    #expect(d.level == .unpriced(items: [Self.disk], limit: limit))
    #expect(d.refusal == limit)
  }

  @Test func anUnknownPriceWithoutALimitIsAllowed() {
    let d = monitor().check(.init(planMonthly: .zero, runRate: .zero, unpriced: [Self.disk]))
    #expect(d.level == .ok)
    #expect(d.refusal == nil)
  }

  @Test func aKnownOverrunIsReportedBeforeTheUnknownPrice() {
    let d = monitor(monthly: 50).check(
      .init(planMonthly: Money(60), runRate: .zero, unpriced: [Self.disk]))
    #expect(d.level == .refused(limit: "monthly limit $50.00/month"))
  }

  /// Another shell's open reservation counts, in the month, the day and its group.
  @Test func reservationsCount() {
    #expect(
      monitor(monthly: 50).check(.init(planMonthly: Money(39.3), runRate: .zero)).refusal == nil)
    #expect(
      monitor(monthly: 50).check(
        .init(planMonthly: Money(39.3), runRate: .zero, reserved: Money(39.3))
      ).refusal == "monthly limit $50.00/month")
    #expect(
      monitor(daily: 2).check(
        .init(planMonthly: Money(39.3), runRate: .zero, reserved: Money(39.3))
      )
      .refusal == "daily limit $2.00/day")
    let group = monitor(groups: ["rg": Money(50)]).check(
      .init(
        planMonthly: Money(39.3), runRate: .zero,
        groups: [.init(name: "rg", planMonthly: Money(39.3), reserved: Money(39.3))]))
    #expect(group.refusal == "resource group rg limit $50.00/month")
  }

  /// A plan under a group's own limit shows that limit, not "no limit set".
  @Test func aGroupLimitIsShownWhenItIsTheOnlyOne() {
    let d = monitor(groups: ["test-rg": Money(100)]).check(
      .init(
        planMonthly: Money(39.3), runRate: .zero,
        groups: [.init(name: "test-rg", planMonthly: Money(39.3))]))
    #expect(d.level == .ok)
    #expect(d.limit == Money(100))
    #expect(d.group == "test-rg")
    #expect(d.percent == 39)
  }

  /// Each group is checked against its own limit with what the plan adds there.
  @Test func eachGroupIsCheckedOnItsOwn() {
    let m = monitor(monthly: 1000, groups: ["small": Money(10)])
    let inputs = BudgetMonitor.Inputs(
      planMonthly: Money(60), runRate: .zero,
      groups: [
        .init(name: "big", planMonthly: Money(50)), .init(name: "small", planMonthly: Money(10.01)),
      ])
    #expect(m.check(inputs).refusal == "resource group small limit $10.00/month")
  }
}
