import AzlinAzure
import AzlinCore
import AzlinExecution
import AzlinLedger
import AzlinPlanning
import Foundation

extension TurnEngine {
  /// A run that would change something, held at the budget gate: a plan (a request, an
  /// accepted offer, an LLM's reading of a request; whatever strategy — az, MCP, Terraform —
  /// then carries it out), an undo, or the rest of an interrupted objective.
  enum GatedRun {
    case plan(PendingPlan)
    case undo(Objective, [Rollback.Step])
    case resume(Objective, remaining: [Int], done: [Int])
  }

  /// What a run adds to the monthly bill, priced against the live state.
  struct PlannedSpend {
    var estimate: CostEstimate
    /// What it adds per resource group (as the plan spells the group).
    var byGroup: [(group: String, monthly: Money)]

    /// True when it adds to the bill, or adds something whose price is unknown.
    var adds: Bool { estimate.totalMonthly > .zero || !estimate.unpriced.isEmpty }
  }

  /// The commands `run` would carry out, as a plan to price, and those that cannot be read as one.
  func commands(of run: GatedRun) -> (plan: Plan, unread: [AzCommand]) {
    switch run {
    case .plan(let p):
      return (p.plan, [])
    case .undo(_, let steps):
      return (Plan.reading(steps.map(\.operation), live: live), [])
    case .resume(let objective, let remaining, _):
      return Plan.reading(
        recorded: objective.plan.filter { remaining.contains($0.number) }, live: live)
    }
  }

  /// Prices `run` against the live state: the same estimate a plan shows, and a line of
  /// unknown price for any command that cannot be priced.
  func spending(of run: GatedRun) -> PlannedSpend {
    let (plan, unread) = commands(of: run)
    let whole = price(plan.steps)
    var estimate = whole
    estimate.lines += unread.map {
      CostEstimate.Line(
        item: Messages.clip($0.description, 60), quantity: 1, hourly: nil, monthly: nil,
        confidence: .unknown)
    }
    var groups: [String] = []
    for step in plan.steps
    where !groups.contains(where: { $0.lowercased() == step.resource.resourceGroup.lowercased() }) {
      groups.append(step.resource.resourceGroup)
    }
    // A plan in one group is priced once: its group's share is the whole.
    if groups.count == 1 {
      return PlannedSpend(estimate: estimate, byGroup: [(groups[0], whole.totalMonthly)])
    }
    let byGroup = groups.map { g in
      let steps = plan.steps.filter { $0.resource.resourceGroup.lowercased() == g.lowercased() }
      return (g, estimator.estimate(Plan(steps: steps), live: live).totalMonthly)
    }
    return PlannedSpend(estimate: estimate, byGroup: byGroup)
  }

  /// The one budget decision: what was spent, the run-rate of what exists, what other runs
  /// reserved and have not settled, and what `spend` adds, against every limit that applies.
  func budgetDecision(for spend: PlannedSpend) -> BudgetMonitor.Decision {
    timed(\.price) { decide(spend) }
  }

  /// `budgetDecision(for:)`, untimed.
  private func decide(_ spend: PlannedSpend) -> BudgetMonitor.Decision {
    let reserved = ledger.openReservations()
    let total = spent()
    let groups = spend.byGroup.map { g in
      BudgetMonitor.GroupInputs(
        name: g.group, planMonthly: g.monthly, runRate: runRate(group: g.group),
        spentThisMonth: spent(group: g.group).month,
        reserved: reserved.map { $0.monthly(in: g.group) }.reduce(.zero, +))
    }
    return BudgetMonitor(budget: config.budget).check(
      .init(
        planMonthly: spend.estimate.totalMonthly, runRate: runRate(),
        spentThisMonth: total.month, spentToday: total.today,
        reserved: reserved.map(\.monthly).reduce(.zero, +), unpriced: spend.estimate.unpriced,
        groups: groups))
  }

  /// The budget gate, which every run that changes something passes before it is approved:
  /// requests, accepted offers, LLM-read requests, MCP and Terraform routes (all plans),
  /// `/undo`, `/resume`. It shows the budget line, then stops the run when the shell is
  /// read-only or dry-running, or when a limit refuses it and `force` does not override
  /// it (the user may then type "override"). `--yes` never overrides a refusal.
  /// - Parameters:
  ///   - run: What would run.
  ///   - force: "--force" when the request or command carried it.
  ///   - always: Show the budget line even when the run adds nothing (plans do).
  /// - Returns: `nil` when the run stops here; otherwise how a refusal was overridden
  ///   (`.some(nil)` when there was none).
  func budgetGate(_ run: GatedRun, force: String?, always: Bool) -> String?? {
    let spend = spending(of: run)
    if spend.adds, let setting = config.budget.unreadable.first {
      // Fails closed: a limit that cannot be read is not no limit, and no override applies.
      record(.budget, [("decision", "refused"), ("reason", .string("unreadable \(setting)"))])
      if !always { say(Messages.cost(spend.estimate)) }
      fail(Messages.budgetUnreadable(setting))
      return nil
    }
    let decision = budgetDecision(for: spend)
    if !always && spend.adds { say(Messages.cost(spend.estimate)) }
    if let limit = decision.refusal, let force, !readOnly {
      record(
        .budget, [("decision", "refused"), ("projected", .string(decision.projected.plain))])
      overrideBudget(decision, limit: limit, by: force)
      return .some(force)
    }
    if always || spend.adds {
      say(Messages.budget(decision))
      record(
        .budget,
        [
          ("decision", .string(Self.describe(decision.level))),
          ("projected", .string(decision.projected.plain)),
        ])
    }
    if readOnly {
      fail(Messages.readOnly(Self.describe(run)))
      return nil
    }
    if let limit = decision.refusal {
      dialogue.apply(.failed)
      if case .plan = run { dialogue.lastRequest?.resumable = true }
      if options.dryRun {
        say(Messages.dryRun)
        return nil
      }
      dialogue.apply(.ask(.budgetOverride(run, decision, limit: limit)))
      if case .unpriced = decision.level {
        say(Messages.unpricedHint)
      } else {
        say(Messages.overrideHint)
      }
      return nil
    }
    if options.dryRun {
      say(Messages.dryRun)
      return nil
    }
    return .some(nil)
  }

  /// The budget was overridden explicitly: audited and said in one line.
  func overrideBudget(_ decision: BudgetMonitor.Decision, limit: String, by how: String) {
    record(
      .budgetOverride,
      [
        ("limit", .string(limit)), ("projected", .string(decision.projected.plain)),
        ("by", .string(how)),
      ])
    say(Messages.overridden(decision, limit: limit, by: how))
    dialogue.apply(.recovered)
  }

  /// Carries on a run the gate let through, or whose refusal was overridden `by`.
  func proceed(_ run: GatedRun, overriddenBy by: String?) {
    switch run {
    case .plan(var p):
      p.overriddenBy = by
      seekApproval(p)
    case .undo(let objective, let steps):
      confirmUndo(objective, steps, overriddenBy: by)
    case .resume(let objective, let remaining, let done):
      runResume(objective, remaining: remaining, done: done, overriddenBy: by)
    }
  }

  /// Right before `run` executes: under the budget lock shared by every process on this
  /// state folder, reads what exists again, decides again (counting what other shells
  /// reserved meanwhile) and reserves what the run adds in the spend ledger.
  /// - Returns: The reservation to settle with `settleBudget` once the run has ended and
  ///   its real rates are recorded (`.some(nil)` when it adds nothing), or `nil` when the
  ///   run must not start: read-only, refused now, or no way to check.
  func holdBudget(_ run: GatedRun, overriddenBy: String?) -> String?? {
    guard !readOnly else {
      fail(Messages.readOnly(Self.describe(run)))
      return nil
    }
    do {
      return try budgetLock.withLock { () throws -> String?? in
        refreshLive()
        let spend = spending(of: run)
        guard spend.adds else { return .some(nil) }
        if let setting = config.budget.unreadable.first {
          fail(Messages.budgetUnreadable(setting))
          return nil
        }
        if let error = liveError {
          fail(Messages.stateUnknown(error))
          return nil
        }
        let decision = budgetDecision(for: spend)
        if decision.refusal != nil, overriddenBy == nil {
          record(
            .budget,
            [
              ("decision", "refused"), ("projected", .string(decision.projected.plain)),
              ("at", "run"),
            ])
          say(Messages.budget(decision))
          fail(Messages.budgetChangedSinceShown)
          return nil
        }
        reservations += 1
        let id = "\(sessionID)-\(reservations)"
        try ledger.reserve(
          .init(
            id: id, at: context.clock.now, monthly: spend.estimate.totalMonthly,
            groups: Dictionary(
              spend.byGroup.filter { $0.monthly > .zero }.map { ($0.group, $0.monthly) },
              uniquingKeysWith: +)))
        return .some(id)
      }
    } catch {
      fail(Messages.ledgerUnusable(error))
      return nil
    }
  }

  /// Ends a reservation once its run has ended and `reconcileLedger` recorded what it really costs.
  func settleBudget(_ reservation: String?) {
    guard let reservation else { return }
    do {
      try budgetLock.withLock { try ledger.settle(reservation, at: context.clock.now) }
    } catch {
      output.error("azlin: cannot write the spend ledger: \(error)")
    }
  }

  /// What a run is, for the read-only line.
  static func describe(_ run: GatedRun) -> String {
    switch run {
    case .plan: return "this plan"
    case .undo: return "/undo"
    case .resume: return "/resume"
    }
  }
}
