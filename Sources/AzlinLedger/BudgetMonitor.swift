import AzlinCore
import Foundation

/// Checks a plan's cost against the limits in `config.toml`.
///
/// The projection for the month is what was spent this month, plus the monthly run-rate
/// of what exists, plus what other runs have reserved and not yet settled, plus the plan's
/// monthly cost: deliberately on the safe side. The day's projection is what was spent today
/// plus a day of the new run-rate. A plan that adds something azlin cannot price is refused
/// while any limit applies: an unknown price is never counted as $0.
public struct BudgetMonitor: Sendable {
  private let budget: AzlinConfig.Budget

  public init(budget: AzlinConfig.Budget) { self.budget = budget }

  /// One resource group's share of the check: what the plan adds there and what it already costs.
  public struct GroupInputs: Equatable, Sendable {
    public var name: String
    /// What the plan adds in this group, per month.
    public var planMonthly: Money
    public var runRate: Money
    public var spentThisMonth: Money
    /// What other runs reserved in this group and have not settled.
    public var reserved: Money

    public init(
      name: String, planMonthly: Money, runRate: Money = .zero, spentThisMonth: Money = .zero,
      reserved: Money = .zero
    ) {
      self.name = name
      self.planMonthly = planMonthly
      self.runRate = runRate
      self.spentThisMonth = spentThisMonth
      self.reserved = reserved
    }
  }

  /// What the check looks at.
  public struct Inputs: Sendable {
    /// The plan's monthly cost (what it adds).
    public var planMonthly: Money
    /// The monthly run-rate of what exists now.
    public var runRate: Money
    public var spentThisMonth: Money
    public var spentToday: Money
    /// What other runs reserved (approved, not yet settled), per month.
    public var reserved: Money
    /// What the plan adds whose price is unknown, as the cost lines name them.
    public var unpriced: [String]
    /// The groups the plan adds cost in, each checked against its own limit.
    public var groups: [GroupInputs]

    /// - Parameters:
    ///   - group: With `groupRunRate` and `groupSpentThisMonth`: the one group a plan adds
    ///     `planMonthly` in (a shorthand for `groups`).
    public init(
      planMonthly: Money, runRate: Money, spentThisMonth: Money = .zero, spentToday: Money = .zero,
      reserved: Money = .zero, unpriced: [String] = [], groups: [GroupInputs] = [],
      group: String? = nil, groupRunRate: Money = .zero, groupSpentThisMonth: Money = .zero
    ) {
      self.planMonthly = planMonthly
      self.runRate = runRate
      self.spentThisMonth = spentThisMonth
      self.spentToday = spentToday
      self.reserved = reserved
      self.unpriced = unpriced
      self.groups = groups
      if let group {
        self.groups.append(
          GroupInputs(
            name: group, planMonthly: planMonthly, runRate: groupRunRate,
            spentThisMonth: groupSpentThisMonth))
      }
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
      /// Adds something without a known price while `limit` applies: refused the same way.
      case unpriced(items: [String], limit: String)
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
    /// The resource group whose own limit this is; `nil` for the monthly or daily limit.
    public var group: String?

    /// The limit that refuses the plan, as a phrase ("monthly limit $50.00/month"); `nil`
    /// when the plan may run.
    public var refusal: String? {
      switch level {
      case .refused(let limit), .unpriced(_, let limit): return limit
      case .ok, .warning: return nil
      }
    }
  }

  /// Checks a plan.
  public func check(_ inputs: Inputs) -> Decision {
    let adds = inputs.planMonthly > .zero || !inputs.unpriced.isEmpty
    let projected = inputs.spentThisMonth + inputs.runRate + inputs.reserved + inputs.planMonthly
    var groupDecisions: [Decision] = []
    for g in inputs.groups {
      guard let limit = groupLimit(g.name) else { continue }
      let groupProjected = g.spentThisMonth + g.runRate + g.reserved + g.planMonthly
      let percent = groupProjected.percent(of: limit)
      if g.planMonthly > .zero && groupProjected > limit {
        return Decision(
          level: .refused(limit: Self.groupPhrase(g.name, limit)), projected: groupProjected,
          limit: limit, percent: percent, group: g.name)
      }
      groupDecisions.append(
        Decision(
          level: level(percent: percent), projected: groupProjected, limit: limit,
          percent: percent, group: g.name))
    }
    if let limit = budget.dailyLimit, adds {
      let perDay =
        (inputs.runRate + inputs.reserved + inputs.planMonthly) * (24 / CostEstimate.hoursPerMonth)
      let day = (inputs.spentToday + perDay).rounded
      if day > limit {
        return Decision(
          level: .refused(limit: "daily limit \(limit.description)/day"), projected: day,
          limit: limit, percent: day.percent(of: limit), daily: true)
      }
    }
    var overall = Decision(level: .ok, projected: projected, limit: nil, percent: nil)
    if let limit = budget.monthlyLimit {
      let percent = projected.percent(of: limit)
      if adds && projected > limit {
        return Decision(
          level: .refused(limit: "monthly limit \(limit.perMonth)"), projected: projected,
          limit: limit, percent: percent)
      }
      overall = Decision(
        level: level(percent: percent), projected: projected, limit: limit, percent: percent)
    }
    if !inputs.unpriced.isEmpty, let limit = applyingLimit(inputs) {
      return Decision(
        level: .unpriced(items: inputs.unpriced, limit: limit), projected: projected,
        limit: budget.monthlyLimit, percent: overall.percent)
    }
    // The limit nearest to being reached is the one worth showing.
    let candidates = (overall.limit == nil ? [] : [overall]) + groupDecisions
    return candidates.max(by: { ($0.percent ?? 0) < ($1.percent ?? 0) }) ?? overall
  }

  /// The first limit that applies to a plan, as a phrase, or `nil` when none is set.
  private func applyingLimit(_ inputs: Inputs) -> String? {
    if let limit = budget.monthlyLimit { return "monthly limit \(limit.perMonth)" }
    if let limit = budget.dailyLimit { return "daily limit \(limit.description)/day" }
    for g in inputs.groups {
      if let limit = groupLimit(g.name) { return Self.groupPhrase(g.name, limit) }
    }
    return nil
  }

  static func groupPhrase(_ group: String, _ limit: Money) -> String {
    "resource group \(group) limit \(limit.perMonth)"
  }

  /// The limit for `group`, matched without regard to case as Azure does.
  public func groupLimit(_ group: String) -> Money? {
    budget.groupLimits[group]
      ?? budget.groupLimits.first(where: { $0.key.lowercased() == group.lowercased() })?.value
  }

  /// The alert level of a percentage of a limit that is not exceeded.
  private func level(percent: Int) -> Decision.Level {
    budget.alertThresholds.last(where: { percent >= $0 }).map { .warning(threshold: $0) } ?? .ok
  }

  /// The alert level of a monthly projection alone, for `/budget`.
  public func level(of projected: Money) -> Decision.Level {
    guard let limit = budget.monthlyLimit else { return .ok }
    if projected > limit { return .refused(limit: "monthly limit \(limit.perMonth)") }
    return level(percent: projected.percent(of: limit))
  }
}
