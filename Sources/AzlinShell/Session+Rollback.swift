import AzlinAzure
import AzlinCore
import AzlinExecution
import AzlinLedger
import AzlinPlanning

extension Session {
  /// Every strategy failed for a step: undoes what this objective created, newest first, so
  /// nothing half-built is left (`[execution] rollback_on_failure = false` keeps it for /undo).
  /// - Returns: True when the objective was rolled back.
  func rollBackAfterFailure(_ objective: inout Objective) -> Bool {
    guard config.execution.rollbackOnFailure, !objective.resourcesCreated.isEmpty else {
      return false
    }
    switch Rollback().plan(for: objective, live: live) {
    case .failure(let refusal):
      if refusal.refusal != .nothingToUndo {
        say(Messages.rollbackRefused(Messages.undoRefused(refusal.refusal), id: objective.id))
      }
      return false
    case .success(let steps):
      say(Messages.rollingBack(steps.count))
      let failure = runInverse(steps, of: objective.id)
      refreshLive()
      reconcileLedger()
      if let failure {
        say(Messages.rollbackFailed(failure, id: objective.id))
        return false
      }
      do {
        try objective.move(
          to: .rolledBack, at: context.clock.now, note: "rolled back after a failed step")
        try store.save(objective)
        record("objective_status", objective: objective.id, [("status", "rolled_back")])
      } catch {
        fail("azlin: cannot record the rollback of \(objective.id): \(error)")
      }
      return true
    }
  }

  /// Ctrl-C stopped the objective: offers to roll back what it made so far.
  func offerRollbackAfterStop(_ objective: Objective) {
    guard case .success(let steps) = Rollback().plan(for: objective, live: live) else { return }
    say(Messages.offerRollback(steps.count))
    say(steps.map(Messages.undoStep))
    pending = .undo(objective, steps)
    say(Messages.confirmUndo)
  }

  /// Turns a failure into an offer where one helps: a VM size Azure cannot give in that
  /// region becomes "Try Standard_B2s (2 vCPUs, $30.37/month) instead? [y/n]".
  func offerAfterFailure(
    _ failure: AzError, _ p: PendingPlan, outcomes: [Int: PlanExecutor.StepOutcome]
  ) {
    guard failure.code == "SkuNotAvailable",
      let step = p.plan.steps.first(where: {
        if case .failed(let e) = outcomes[$0.number], e.code == "SkuNotAvailable" { return true }
        return false
      }),
      let size = step.resource.size,
      let index = p.intents.firstIndex(where: { $0.kind == .provisionVM || $0.kind == .resizeVM })
    else { return }
    let region = step.resource.location
    let catalog = AzureCatalog.bundled
    // The same series first (a D for a D), then the cheapest.
    let series = size.dropFirst("Standard_".count).prefix(1)
    let priced = catalog.alternatives(to: size, in: region, limit: 10).compactMap { alternative in
      catalog.vmPrice(size: alternative.name, region: region).map { (alternative, $0.monthly) }
    }
    guard
      let offer = priced.min(by: {
        let a = ($0.0.name.dropFirst("Standard_".count).prefix(1) == series ? 0 : 1, $0.1)
        let b = ($1.0.name.dropFirst("Standard_".count).prefix(1) == series ? 0 : 1, $1.1)
        return a < b
      })
    else { return }
    let q = PendingQuestion(
      kind: .offerSize(
        size: offer.0.name, monthly: offer.1.rounded.perMonth, vCPUs: offer.0.vCPUs),
      intents: p.intents, intentIndex: index)
    pending = .question(q, line: p.line)
    say(Messages.question(q))
  }
}
