import AzlinCore
import Foundation

/// Checks a plan's cost against the limits in `config.toml`.
///
/// The projection for the month is what was spent this month, plus the monthly run-rate
/// of what exists, plus the plan's monthly cost: deliberately on the safe side. The day's
/// projection is what was spent today plus a day of the new run-rate.
public struct BudgetMonitor: Sendable {
  private let budget: AzlinConfig.Budget

  public init(budget: AzlinConfig.Budget) { self.budget = budget }

  /// What the check looks at.
  public struct Inputs: Sendable {
    /// The plan's monthly cost (what it adds).
    public var planMonthly: Money
    /// The monthly run-rate of what exists now.
    public var runRate: Money
    public var spentThisMonth: Money
    public var spentToday: Money
    /// The group the plan creates in, with its run-rate and month's spend.
    public var group: String?
    public var groupRunRate: Money
    public var groupSpentThisMonth: Money

    public init(
      planMonthly: Money, runRate: Money, spentThisMonth: Money = .zero, spentToday: Money = .zero,
      group: String? = nil, groupRunRate: Money = .zero, groupSpentThisMonth: Money = .zero
    ) {
      self.planMonthly = planMonthly
      self.runRate = runRate
      self.spentThisMonth = spentThisMonth
      self.spentToday = spentToday
      self.group = group
      self.groupRunRate = groupRunRate
      self.groupSpentThisMonth = groupSpentThisMonth
    }
  }

  /// The verdict on one plan.
  public struct Decision: Equatable, Sendable {
    public enum Level: Equatable, Sendable {
      /// Under every threshold, or no limit set.
      case ok
      /// At or past an alert threshold (a percentage) but within the limit.
      case warning(threshold: Int)
      /// Over a limit: not run unless the user overrides it explicitly.
      case refused(limit: String)
    }

    public var level: Level
    /// The projection that was compared (monthly, or daily for a daily refusal).
    public var projected: Money
    /// The limit it was compared with.
    public var limit: Money?
    /// `projected` as a percentage of `limit`.
    public var percent: Int?
    /// True when `projected` and `limit` are per day.
    public var daily = false
  }

  /// Checks a plan.
  public func check(_ inputs: Inputs) -> Decision {
    let adds = inputs.planMonthly > .zero
    let projected = inputs.spentThisMonth + inputs.runRate + inputs.planMonthly
    if let group = inputs.group, adds, let limit = groupLimit(group) {
      let groupProjected = inputs.groupSpentThisMonth + inputs.groupRunRate + inputs.planMonthly
      if groupProjected > limit {
        return Decision(
          level: .refused(limit: "resource group \(group) limit \(limit.perMonth)"),
          projected: groupProjected,
          limit: limit, percent: groupProjected.percent(of: limit))
      }
    }
    if let limit = budget.dailyLimit, adds {
      let perDay = (inputs.runRate + inputs.planMonthly) * (24 / CostEstimate.hoursPerMonth)
      let day = (inputs.spentToday + perDay).rounded
      if day > limit {
        return Decision(
          level: .refused(limit: "daily limit \(limit.description)/day"), projected: day,
          limit: limit,
          percent: day.percent(of: limit), daily: true)
      }
    }
    guard let limit = budget.monthlyLimit else {
      return Decision(level: .ok, projected: projected, limit: nil, percent: nil)
    }
    let percent = projected.percent(of: limit)
    if adds && projected > limit {
      return Decision(
        level: .refused(limit: "monthly limit \(limit.perMonth)"), projected: projected,
        limit: limit,
        percent: percent)
    }
    if let threshold = budget.alertThresholds.last(where: { percent >= $0 }) {
      return Decision(
        level: .warning(threshold: threshold), projected: projected, limit: limit, percent: percent)
    }
    return Decision(level: .ok, projected: projected, limit: limit, percent: percent)
  }

  /// The limit for `group`, matched without regard to case as Azure does.
  public func groupLimit(_ group: String) -> Money? {
    budget.groupLimits[group]
      ?? budget.groupLimits.first(where: { $0.key.lowercased() == group.lowercased() })?.value
  }

  /// The alert level of a monthly projection alone, for `/budget`.
  public func level(of projected: Money) -> Decision.Level {
    guard let limit = budget.monthlyLimit else { return .ok }
    if projected > limit { return .refused(limit: "monthly limit \(limit.perMonth)") }
    let percent = projected.percent(of: limit)
    return budget.alertThresholds.last(where: { percent >= $0 }).map { .warning(threshold: $0) }
      ?? .ok
  }
}
