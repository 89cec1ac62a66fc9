import AzlinAzure
import AzlinCore
import AzlinExecution
import AzlinLedger
import AzlinPlanning

extension TurnEngine {
  /// Every strategy failed for a step: undoes what this objective created, newest first, so
  /// nothing half-built is left (`[execution] rollback_on_failure = false` keeps it for /undo).
  /// - Returns: True when the objective was rolled back.
  func rollBackAfterFailure(_ objective: inout Objective) -> Bool {
    guard config.execution.rollbackOnFailure, !objective.resourcesCreated.isEmpty else {
      return false
    }
    switch Rollback().plan(for: objective, live: live, others: store.all().objectives) {
    case .failure(let refusal):
      if refusal.refusal != .nothingToUndo {
        say(Messages.rollbackRefused(Messages.undoRefused(refusal.refusal), id: objective.id))
      }
      return false
    case .success(var steps):
      // A rollback can add cost too (restarting what the objective deallocated).
      guard let reservation = holdBudget(.undo(objective, steps), overriddenBy: nil) else {
        say(Messages.rollbackNotRun(id: objective.id))
        return false
      }
      defer { settleBudget(reservation) }
      say(Messages.rollingBack(steps.count))
      if let remaining = destroyWithTerraform(objective) { steps = remaining }
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
        record(.objectiveStatus, objective: objective.id, [("status", "rolled_back")])
      } catch {
        fail("azlin: cannot record the rollback of \(objective.id): \(error)")
      }
      return true
    }
  }

  /// Ctrl-C stopped the objective: offers to roll back what it made so far.
  func offerRollbackAfterStop(_ objective: Objective) {
    guard
      case .success(let steps) = Rollback().plan(
        for: objective, live: live, others: store.all().objectives)
    else { return }
    say(Messages.offerRollback(steps.count))
    say(Messages.undoSteps(steps, live: live))
    dialogue.apply(.ask(.undo(objective, steps, overriddenBy: nil)))
    say(Messages.confirmUndo)
  }

  /// Turns a failure into an offer where one helps: a VM size Azure cannot give in that
  /// region becomes "Try Standard_B2s (2 vCPUs, $30.37/month) instead? [y/n]"; used-up quota
  /// offers a size that fits; a storage name someone took offers a free one; a group that
  /// disappeared offers to plan again.
  func offerAfterFailure(
    _ failure: AzError, _ p: PendingPlan, outcomes: [Int: PlanExecutor.StepOutcome]
  ) {
    let failedStep = p.plan.steps.first {
      if case .failed(let e) = outcomes[$0.number], e.code == failure.code { return true }
      return false
    }
    switch failure.code {
    case "QuotaExceeded", "OperationNotAllowed":
      guard let (message, offer) = quotaProblem(p.plan, intents: p.intents) else { return }
      say(message)
      if let offer, case .offerSize(let size, _, _) = offer.kind {
        ask(offer, line: p.line, fix: "a smaller size, \(size)")
      }
      return
    case "StorageAccountAlreadyTaken":
      guard let step = failedStep,
        let index = p.intents.firstIndex(where: { $0.kind == .createStorage }),
        let free = freeStorageName(after: step.resource.name)
      else { return }
      ask(
        PendingQuestion(
          kind: .useOtherName(taken: step.resource.name, suggestion: free), intents: p.intents,
          intentIndex: index), line: p.line,
        fix: "the name \(free) instead of \(step.resource.name)")
      return
    case "ResourceGroupNotFound":
      guard let step = failedStep, live.group(named: step.resource.resourceGroup) == nil else {
        return
      }
      // The group is made again where it was, not in the default region.
      var intents = p.intents
      for i in intents.indices
      where intents[i].parameters.region == nil
        && intents[i].parameters.resourceGroup?.lowercased()
          == step.resource.resourceGroup.lowercased()
      {
        intents[i].parameters.region = step.resource.location
      }
      ask(
        PendingQuestion(
          kind: .planAgain(missing: "Resource group \(step.resource.resourceGroup)"),
          intents: intents, intentIndex: 0), line: p.line,
        fix: "creating group \(step.resource.resourceGroup) again")
      return
    default:
      break
    }
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
    ask(
      PendingQuestion(
        kind: .offerSize(
          size: offer.0.name, monthly: offer.1.rounded.perMonth, vCPUs: offer.0.vCPUs),
        intents: p.intents, intentIndex: index), line: p.line,
      fix: "\(offer.0.name) instead of \(size)")
  }

  /// Offers `q` as the fix for the failure just explained; the next line answers it. When the
  /// fix is accepted and its plan succeeds, `fix` is recorded as how that failure was fixed.
  func ask(_ q: PendingQuestion, line: String, fix: String) {
    dialogue.apply(.offered(fix: fix))
    dialogue.apply(.ask(.question(q, line: line)))
    say(Messages.question(q))
  }
}
