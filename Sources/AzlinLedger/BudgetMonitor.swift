import AzlinCore
import Foundation

/// Checks a plan's cost against the limits in `config.toml`.
public struct BudgetMonitor: Sendable {
  private let budget: AzlinConfig.Budget

  public init(budget: AzlinConfig.Budget) { self.budget = budget }

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
    /// Run-rate of what exists now plus the plan, per month.
    public var projected: Money
    /// The monthly limit, when set.
    public var limit: Money?
    /// `projected` as a percentage of `limit`.
    public var percent: Int?
  }

  /// Checks `planMonthly` on top of `runRate`, and the group's own limit on top of `groupRunRate`.
  public func check(planMonthly: Money, runRate: Money, group: String?, groupRunRate: Money)
    -> Decision
  {
    let projected = runRate + planMonthly
    if let group,
      let limit = budget.groupLimits[group]
        ?? budget.groupLimits.first(where: { $0.key.lowercased() == group.lowercased() })?.value,
      planMonthly > .zero, groupRunRate + planMonthly > limit
    {
      return Decision(
        level: .refused(limit: "resource group \(group) limit \(limit.perMonth)"),
        projected: groupRunRate + planMonthly, limit: limit,
        percent: (groupRunRate + planMonthly).percent(of: limit))
    }
    guard let limit = budget.monthlyLimit else {
      return Decision(level: .ok, projected: projected, limit: nil, percent: nil)
    }
    let percent = projected.percent(of: limit)
    if planMonthly > .zero && projected > limit {
      return Decision(
        level: .refused(limit: "monthly limit \(limit.perMonth)"), projected: projected,
        limit: limit, percent: percent)
    }
    if let threshold = budget.alertThresholds.last(where: { percent >= $0 }) {
      return Decision(
        level: .warning(threshold: threshold), projected: projected, limit: limit, percent: percent)
    }
    return Decision(level: .ok, projected: projected, limit: limit, percent: percent)
  }
}
