import AzlinAzure
import AzlinCore
import AzlinExecution
import AzlinLedger
import Foundation

extension TurnEngine {
  /// `/undo [id] [--force]`: shows the inverse plan of the most recent objective not yet
  /// undone, passes it through the budget gate (an undo can start billing again), and asks.
  func undo(_ allArgs: [String]) {
    let force = allArgs.contains("--force")
    let args = allArgs.filter { $0 != "--force" }
    refreshLive()
    let (objectives, _) = store.all()
    let candidates = objectives.filter {
      ($0.status == .completed || $0.status == .failed || $0.status == .inProgress)
        && !$0.resourcesCreated.isEmpty
    }
    let target: Objective?
    if let id = args.first {
      switch objective(named: id, in: objectives) {
      case .success(let found): target = found
      case .failure(let failure):
        fail(failure.message)
        return
      }
    } else {
      target = candidates.last
    }
    guard let objective = target else {
      fail(Messages.undoNothing)
      return
    }
    guard objective.status != .rolledBack else {
      fail("Objective \(objective.id.suffix(8)) was already undone.")
      return
    }
    switch Rollback().plan(for: objective, live: live, others: store.all().objectives) {
    case .failure(let refusal):
      record(
        .undoRefused, objective: objective.id,
        [("reason", .string(Messages.undoRefused(refusal.refusal)))])
      fail(Messages.undoRefused(refusal.refusal))
    case .success(let steps):
      say(
        "Undo \"\(Messages.clip(objective.naturalLanguage))\" (objective \(objective.id.suffix(8))):"
      )
      say(Messages.undoSteps(steps, live: live))
      let run = GatedRun.undo(objective, steps)
      // What it saves is shown too (the gate shows what it adds).
      let spend = spending(of: run)
      if !spend.adds, !spend.estimate.lines.isEmpty { say(Messages.cost(spend.estimate)) }
      guard let overridden = budgetGate(run, force: force ? "--force" : nil, always: false) else {
        return
      }
      proceed(run, overriddenBy: overridden)
    }
  }

  /// Runs the undo at once with --yes, or asks.
  func confirmUndo(_ objective: Objective, _ steps: [Rollback.Step], overriddenBy: String?) {
    if options.autoApprove {
      record(.approval, [("undo", .string(objective.id)), ("answer", "auto"), ("by", "--yes")])
      runUndo(objective, steps, overriddenBy: overriddenBy)
      return
    }
    dialogue.apply(.ask(.undo(objective, steps, overriddenBy: overriddenBy)))
    say(Messages.confirmUndo)
  }

  /// An objective Terraform applied is undone with `terraform destroy` from its folder first;
  /// what is left after it (steps that fell back to other strategies) is undone step by step.
  /// - Returns: The inverse steps still needed, or `nil` when Terraform was not used.
  func destroyWithTerraform(_ objective: Objective) -> [Rollback.Step]? {
    guard let terraform = strategies.terraform, objective.strategy == terraform.name,
      terraform.availability().isAvailable, terraform.canDestroy(objectiveID: objective.id)
    else { return nil }
    let application = terraform.destroy(objectiveID: objective.id)
    for command in application.commands {
      record(
        .rollbackStep, objective: objective.id,
        [
          ("argv", .strings(command.argv)), ("strategy", .string(terraform.name)),
          ("exit_code", .number(Double(command.exitCode))),
          ("duration_ms", .number(Double(command.durationMs))),
        ])
      let mark = command.exitCode == 0 ? "✓" : "✗"
      say(
        "  \(mark) \(command.argv.joined(separator: " ")) (\(Messages.duration(command.durationMs)))"
      )
    }
    refreshLive()
    switch Rollback().plan(for: objective, live: live, others: store.all().objectives) {
    case .success(let steps): return steps
    case .failure: return []
    }
  }

  /// Runs inverse steps in order through the executor — routes, retries, fallback and the
  /// check against live state, as a plan's steps — showing each; stops at the first failure.
  /// - Returns: The failure, or `nil` when every step succeeded.
  func runInverse(_ steps: [Rollback.Step], of objective: String) -> AzError? {
    do {
      return try executor.runInverse(steps, objective: objective) { step, outcome in
        switch outcome {
        case .succeeded(let ms, let via):
          say(Messages.stepDone(step, ms: ms, via: via))
        case .failed: say("  ✗ \(step.command)")
        case .retrying(let e, let attempt, let total, let delay):
          say(Messages.stepRetrying(step, e, attempt: attempt, of: total, delay: delay))
        case .fallingBack(let e, let from, let to):
          say(Messages.stepFallingBack(step, e, from: from, to: to))
        case .skipped, .cancelled: break
        }
      }
    } catch {
      output.error("azlin: cannot write the audit log: \(error)")
      return AzError(code: "AuditLogUnwritable", message: "\(error)")
    }
  }

  /// Runs the inverse steps, with what they add held in the budget, and marks the objective
  /// rolled back.
  func runUndo(_ original: Objective, _ planned: [Rollback.Step], overriddenBy: String?) {
    guard let reservation = holdBudget(.undo(original, planned), overriddenBy: overriddenBy) else {
      return
    }
    defer { settleBudget(reservation) }
    var objective = original
    var steps = planned
    if let remaining = destroyWithTerraform(objective) {
      steps = remaining
    }
    if let error = runInverse(steps, of: objective.id) {
      fail(Messages.undoFailed(error))
      refreshLive()
      reconcileLedger()
      return
    }
    do {
      try objective.move(to: .rolledBack, at: context.clock.now, note: "undone by /undo")
      try store.save(objective)
      record(.objectiveStatus, objective: objective.id, [("status", "rolled_back")])
      say(Messages.undone(objective.id))
    } catch {
      fail("azlin: cannot record the undo of \(objective.id): \(error)")
    }
    refreshLive()
    reconcileLedger()
    conversation.forgetMissing(in: live)
  }
}
