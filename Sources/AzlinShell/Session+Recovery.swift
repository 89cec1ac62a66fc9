import AzlinAzure
import AzlinCore
import AzlinExecution
import AzlinLedger
import Foundation

extension Session {
  /// At start: objectives another session left in progress, settled against live state and offered.
  func announceInterrupted() {
    let findings = ObjectiveRecovery().interrupted(
      store.all().objectives, currentSession: sessionID, live: live)
    for f in findings {
      do { try store.save(f.objective) } catch {
        output.error("azlin: cannot update \(f.objective.id): \(error)")
      }
      record(
        "objective_interrupted", objective: f.objective.id,
        [("done", .array(f.done.map { .number(Double($0)) }))])
      say(Messages.interrupted(f.objective, done: f.done.count, total: f.objective.plan.count))
    }
  }

  /// `/resume <id> [--force]`: passes what an interrupted objective has left through the
  /// budget gate, then runs it.
  func resume(_ allArgs: [String]) {
    let force = allArgs.contains("--force")
    let args = allArgs.filter { $0 != "--force" }
    guard let id = args.first, args.count == 1 else {
      return fail(Messages.usage(SlashCommand.usage(of: "resume")))
    }
    refreshLive()
    guard let found = store.all().objectives.first(where: { $0.id == id || $0.id.hasSuffix(id) })
    else {
      return fail("There is no objective \(Messages.clip(id, 40)). /objectives lists them.")
    }
    guard found.status == .inProgress else {
      return fail(
        "Objective \(found.id.suffix(8)) is \(found.status.rawValue.replacingOccurrences(of: "_", with: " ")); only an interrupted one can be resumed."
      )
    }
    let finding = ObjectiveRecovery().settle(found, live: live)
    let objective = finding.objective
    say(
      "Resuming \"\(Messages.clip(objective.naturalLanguage))\" (objective \(objective.id.suffix(8))): \(finding.remaining.count) step\(finding.remaining.count == 1 ? "" : "s") left."
    )
    let run = GatedRun.resume(objective, remaining: finding.remaining, done: finding.done)
    guard let overridden = budgetGate(run, force: force ? "--force" : nil, always: false) else {
      return
    }
    proceed(run, overriddenBy: overridden)
  }

  /// Runs the steps an interrupted objective has left, with what they add held in the budget.
  func runResume(_ settled: Objective, remaining: [Int], done: [Int], overriddenBy: String?) {
    let run = GatedRun.resume(settled, remaining: remaining, done: done)
    guard let reservation = holdBudget(run, overriddenBy: overriddenBy) else { return }
    defer { settleBudget(reservation) }
    var objective = settled
    record(
      "resume", objective: objective.id,
      [("remaining", .array(remaining.map { .number(Double($0)) }))])
    let steps = objective.plan.map { ExecutableStep(recorded: $0) }
    do {
      let outcomes = try withInterrupts { cancelled in
        try executor.execute(
          steps, approved: Set(remaining), alreadyDone: Set(done),
          objective: &objective, cancelled: cancelled, progress: showProgress)
      }
      refreshLive()
      reconcileLedger()
      let failed = outcomes.values.contains {
        if case .failed = $0 { return true } else { return false }
      }
      if failed { lastTurnFailed = true }
      say(Messages.finished(objective: objective, failed: failed))
    } catch {
      fail("azlin: cannot record objective \(objective.id): \(error)")
    }
  }
}
