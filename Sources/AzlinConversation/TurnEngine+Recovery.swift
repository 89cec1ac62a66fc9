import AzlinAzure
import AzlinCore
import AzlinExecution
import AzlinLedger
import Foundation

extension TurnEngine {
  /// At start: objectives another session left in progress, settled against live state and offered.
  func announceInterrupted() {
    let findings = ObjectiveRecovery().interrupted(
      store.all().objectives, currentSession: sessionID, live: live)
    for f in findings {
      do { try store.save(f.objective) } catch {
        output.error("azlin: cannot update \(f.objective.id): \(error)")
      }
      record(
        .objectiveInterrupted, objective: f.objective.id,
        [("done", .array(f.done.map { .number(Double($0)) }))])
      say(
        Messages.interrupted(
          f.objective, done: f.done.count, total: f.objective.plan.count,
          underWay: underWay(f)))
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
    let found: Objective
    switch objective(named: id, in: store.all().objectives) {
    case .success(let objective): found = objective
    case .failure(let failure): return fail(failure.message)
    }
    guard found.status == .inProgress else {
      return fail(
        "Objective \(found.id.suffix(8)) is \(found.status.rawValue.replacingOccurrences(of: "_", with: " ")); only an interrupted one can be resumed."
      )
    }
    if let unreadable = found.plan.first(where: { $0.recordedOperation == nil }) {
      return fail(Messages.notResumable(found, step: unreadable))
    }
    let finding = ObjectiveRecovery().settle(found, live: live)
    let objective = finding.objective
    say(
      Messages.resuming(
        objective, left: finding.remaining.count, underWay: underWay(finding)))
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
    // What is still under way in Azure is waited out, not run again and not counted done.
    guard let finding = waitOutOperations(settled) else { return }
    var objective = finding.objective
    let remaining = finding.remaining
    let done = finding.done
    record(
      .resume, objective: objective.id,
      [("remaining", .array(remaining.map { .number(Double($0)) }))])
    let steps = objective.plan.compactMap { ExecutableStep(recorded: $0) }
    do {
      let outcomes = try terminal.withInterrupts { cancelled in
        try executor.execute(
          steps, approved: Set(remaining), alreadyDone: Set(done),
          objective: &objective, cancelled: cancelled, progress: showProgress)
      }
      refreshLive()
      reconcileLedger()
      let failed = outcomes.values.contains {
        if case .failed = $0 { return true } else { return false }
      }
      if failed { dialogue.apply(.failed) }
      say(Messages.finished(objective: objective, failed: failed))
    } catch {
      fail("azlin: cannot record objective \(objective.id): \(error)")
    }
  }

  /// What a finding has under way in Azure, as the user reads it ("VM r2 (Creating)").
  func underWay(_ f: ObjectiveRecovery.Finding) -> [String] {
    f.objective.plan.filter { f.inProgress.contains($0.number) }.compactMap {
      $0.recordedOperation?.describe(in: live)
    }
  }

  /// Settles `objective` against live state, waiting with backoff (on the injected sleeper)
  /// while any of its steps is still under way in Azure.
  /// - Returns: The settled finding, or `nil` when something is still under way after the
  ///   longest wait (said in one line; the objective stays resumable).
  func waitOutOperations(_ objective: Objective) -> ObjectiveRecovery.Finding? {
    var finding = ObjectiveRecovery().settle(objective, live: live)
    var attempt = 1
    while !finding.inProgress.isEmpty {
      guard attempt <= Self.operationWait.maxAttempts else {
        try? store.save(finding.objective)
        fail(Messages.stillUnderWay(finding.objective, underWay(finding)))
        return nil
      }
      let delay = Self.operationWait.delay(after: attempt, retryAfter: nil, random: context.random)
      say(Messages.waitingForOperations(underWay(finding), seconds: delay))
      record(
        .resumeWait, objective: objective.id,
        [
          ("steps", .array(finding.inProgress.map { .number(Double($0)) })),
          ("delay_s", .number(delay.rounded())),
        ])
      context.sleeper.sleep(seconds: delay)
      attempt += 1
      refreshLive()
      finding = ObjectiveRecovery().settle(objective, live: live)
    }
    return finding
  }

  /// How long `/resume` waits for operations still under way: 15 s, then doubling to a
  /// minute, ten times (about eight minutes; a VM create takes one to three).
  static var operationWait: RetryPolicy {
    var policy = RetryPolicy()
    policy.maxAttempts = 10
    policy.initialDelay = 15
    policy.maxDelay = 60
    return policy
  }
}
