import AzlinAzure
import AzlinCore
import AzlinLedger
import AzlinPlanning
import Foundation

/// Runs a plan's steps through the chosen strategies, recording every command.
///
/// A plan strategy (Terraform) takes the whole plan first when the selector chooses one;
/// each step is then checked against live state, and what does not hold goes on step by
/// step. Each step runs through its fallback chain: a transient failure is retried with
/// backoff on the same strategy; a failure that is not transient, or retries used up, moves
/// to the next strategy; a success is checked against live state, and a difference counts as
/// a failure. Independent steps run side by side; a step whose dependency failed does not start.
///
/// Worker threads share only the strategies, the backend (the simulator serialises its state
/// under its lock; the real az runs one process each), the sleeper and the random source; the
/// audit log and the objective are written on the calling thread, in step order.
public struct PlanExecutor: @unchecked Sendable {
  /// The Azure CLI strategy's name, as recorded in objectives.
  public static let strategyName = AzureCLIStrategy.strategyName

  private let strategies: StrategySelector
  /// Where a create step checks, right before it runs, that its resource does not exist.
  private let backend: any AzureBackend
  private let validator: StepValidator?
  private let audit: AuditLog
  private let store: ObjectiveStore
  private let clock: any Clock
  private let sleeper: any Sleeper
  private let random: any RandomSource
  private let retry: RetryPolicy
  /// The most steps run side by side.
  public let maxParallel: Int

  /// - Parameters:
  ///   - backend: Where live state is read to check each step.
  ///   - strategies: The strategies and their order; the Azure CLI on `backend` when `nil`.
  ///   - validate: Whether each step is checked against live state after it succeeds.
  public init(
    backend: any AzureBackend, strategies: StrategySelector? = nil, audit: AuditLog,
    store: ObjectiveStore, clock: any Clock, sleeper: any Sleeper, random: any RandomSource,
    retry: RetryPolicy = RetryPolicy(), maxParallel: Int = 8, validate: Bool = true
  ) {
    self.maxParallel = max(1, maxParallel)
    self.strategies = strategies ?? StrategySelector(azureCLI: AzureCLIStrategy(backend: backend))
    self.backend = backend
    self.validator = validate ? StepValidator(backend: backend) : nil
    self.audit = audit
    self.store = store
    self.clock = clock
    self.sleeper = sleeper
    self.random = random
    self.retry = retry
  }

  /// What happened to one step.
  public enum StepOutcome: Equatable, Sendable {
    /// A transient failure; the step runs again after `delay` seconds.
    case retrying(AzError, attempt: Int, of: Int, delay: TimeInterval)
    /// A failure that the next strategy in the chain takes over.
    case fallingBack(AzError, from: String, to: String)
    /// Done, and (unless `via` is a plan strategy) checked against live state.
    case succeeded(durationMs: Int, via: String)
    case failed(AzError)
    case skipped(becauseOf: Int)
    /// Not started: the user pressed Ctrl-C.
    case cancelled
  }

  /// Executes `steps`, moving `objective` from pending (or in_progress, when resumed) to completed or failed.
  /// - Parameters:
  ///   - approved: The steps the user approved; the rest are skipped.
  ///   - alreadyDone: Steps done before (a resumed objective); their dependents may run.
  ///   - progress: Told about each step as it starts (`nil` outcome) and ends.
  ///   - output: Told what a step that succeeded printed (az's JSON), after its outcome — for
  ///     a step whose answer is what the person asked for (`vm run-command invoke`).
  /// - Returns: Each step's outcome, by step number.
  /// - Throws: `FileError` when the objective or audit log cannot be written.
  public func execute(
    _ steps: [ExecutableStep], approved: Set<Int>, alreadyDone: Set<Int> = [],
    objective: inout Objective, cancelled: () -> Bool = { false },
    progress: (ExecutableStep, StepOutcome?) -> Void,
    output: (ExecutableStep, String) -> Void = { _, _ in }
  ) throws -> [Int: StepOutcome] {
    if objective.status == .pending {
      try objective.move(to: .inProgress, at: clock.now)
      try store.save(objective)
      try audit.record(.objectiveStatus, objective: objective.id, [("status", "in_progress")])
    }
    var outcomes: [Int: StepOutcome] = [:]
    for n in alreadyDone { outcomes[n] = .succeeded(durationMs: 0, via: objective.strategy) }
    var pending = steps.filter { !alreadyDone.contains($0.number) }
    let known = Set(steps.map(\.number))
    if let whole = strategies.planStrategy(for: pending.filter { approved.contains($0.number) }) {
      try applyWhole(
        pending.filter { approved.contains($0.number) }, with: whole, objective: &objective,
        outcomes: &outcomes, progress: progress)
      pending.removeAll { outcomes[$0.number] != nil }
    }
    while !pending.isEmpty {
      // Ctrl-C: start nothing new; what ran is kept for /undo.
      if cancelled() {
        for step in pending {
          outcomes[step.number] = .cancelled
          progress(step, .cancelled)
        }
        objective.errorMessage = "stopped by Ctrl-C before all steps ran"
        break
      }
      // Decide what can be decided: skips, and the wave of steps whose dependencies succeeded.
      var wave: [ExecutableStep] = []
      var decided = Set<Int>()
      for step in pending {
        let deps = step.dependsOn.filter { known.contains($0) }
        if deps.contains(where: { outcomes[$0] == nil }) { continue }
        decided.insert(step.number)
        if !approved.contains(step.number) {
          outcomes[step.number] = .skipped(becauseOf: step.number)
          progress(step, .skipped(becauseOf: step.number))
        } else if let blocker = deps.first(where: {
          if case .succeeded = outcomes[$0] { return false } else { return true }
        }) {
          outcomes[step.number] = .skipped(becauseOf: blocker)
          progress(step, .skipped(becauseOf: blocker))
        } else {
          wave.append(step)
        }
      }
      guard !decided.isEmpty else { break }
      pending.removeAll { decided.contains($0.number) }
      // Independent steps run side by side, at most `maxParallel` at once.
      var start = 0
      while start < wave.count {
        let chunk = Array(wave[start..<min(start + maxParallel, wave.count)])
        start += chunk.count
        let runs: [StepRun]
        if chunk.count == 1 {
          progress(chunk[0], nil)
          runs = [run(chunk[0]) { progress(chunk[0], $0) }]
        } else {
          runs = runSideBySide(chunk)
        }
        for (step, run) in zip(chunk, runs) {
          try apply(
            run, of: step, to: &objective, outcomes: &outcomes, reportEvents: chunk.count > 1,
            progress: progress)
          progress(step, outcomes[step.number])
          if case .succeeded = run.outcome, !run.stdout.isEmpty { output(step, run.stdout) }
        }
        objective.updatedAt = Timestamp.string(clock.now)
        try store.save(objective)
      }
    }
    let failed = outcomes.values.first(where: {
      if case .failed = $0 { return true } else { return false }
    })
    let stopped = outcomes.values.contains(.cancelled)
    if case .failed(let error) = failed {
      objective.errorMessage = Redactor.text(error.description)
      try objective.move(to: .failed, at: clock.now)
    } else if stopped {
      // Stopped by Ctrl-C: it stays in progress, so /resume can finish it (or /undo roll it back).
    } else {
      try objective.move(to: .completed, at: clock.now)
    }
    try store.save(objective)
    try audit.record(
      .objectiveStatus, objective: objective.id,
      [
        ("status", .string(objective.status.rawValue)),
        ("cost_monthly", .optional(objective.costEstimate)),
      ])
    return outcomes
  }

  /// One attempt at a step, or what happened between attempts.
  enum Event {
    case attempt(AzResult, route: StepRoute, endedAt: Date)
    case retry(attempt: Int, delay: TimeInterval, kind: FailureClass, error: AzError, at: Date)
    case validation(StepValidator.Verdict, route: StepRoute, at: Date)
    case fallback(error: AzError, from: String, to: String, at: Date)
  }

  /// What running one step produced: every attempt through every strategy, in order.
  struct StepRun {
    var events: [Event] = []
    /// The final result: success, or the last strategy's failure.
    var outcome: StepOutcome = .failed(
      AzError(code: "NoStrategy", message: "no strategy can carry out this step"))
    /// The strategy that succeeded.
    var route: StepRoute?
    /// What the successful attempt printed.
    var stdout = ""
  }

  /// Runs one step through its fallback chain; `report` hears of retries and fallbacks as
  /// they happen.
  func run(_ step: ExecutableStep, report: (StepOutcome) -> Void = { _ in }) -> StepRun {
    var record = StepRun()
    // az's create is create-or-update: a resource that appeared since the plan was made
    // would be changed and taken for azlin's. Checked right before the create; it stops here.
    if let appeared = appearedSincePlanned(step) ?? groupGrewSinceApproved(step) {
      record.outcome = .failed(appeared)
      return record
    }
    let chain = strategies.chain(for: step)
    for (index, link) in chain.enumerated() {
      let started = clock.now
      var result = link.strategy.run(step, via: link.route)
      record.events.append(.attempt(result, route: link.route, endedAt: clock.now))
      var attempts = 1
      while let failure = result.error, attempts < retry.maxAttempts {
        let kind = FailureClass(failure)
        guard kind.retriable else { break }
        let delay = retry.delay(after: attempts, retryAfter: kind.retryAfter, random: random)
        record.events.append(
          .retry(attempt: attempts + 1, delay: delay, kind: kind, error: failure, at: clock.now))
        report(.retrying(failure, attempt: attempts + 1, of: retry.maxAttempts, delay: delay))
        sleeper.sleep(seconds: delay)
        result = link.strategy.run(step, via: link.route)
        attempts += 1
        record.events.append(.attempt(result, route: link.route, endedAt: clock.now))
      }
      var failure = result.error
      let ms = Int((clock.now.timeIntervalSince(started) * 1000).rounded())
      if failure == nil, let validator {
        let verdict = validator.check(step)
        record.events.append(.validation(verdict, route: link.route, at: clock.now))
        if case .differs(let difference) = verdict {
          failure = AzError(
            code: "ResultMismatch",
            message: "\(link.route.strategy) reported success, but \(difference).")
        }
      }
      guard let failure else {
        record.outcome = .succeeded(durationMs: max(ms, result.durationMs), via: link.route.label)
        record.route = link.route
        record.stdout = result.stdout
        return record
      }
      record.outcome = .failed(failure)
      if index + 1 < chain.count {
        let next = chain[index + 1].route.label
        record.events.append(
          .fallback(error: failure, from: link.route.label, to: next, at: clock.now))
        report(.fallingBack(failure, from: link.route.label, to: next))
      }
    }
    return record
  }

  /// For a group delete: what the group holds now that it did not hold when the plan was
  /// approved (a destroy never takes what it did not name).
  func groupGrewSinceApproved(_ step: ExecutableStep) -> AzError? {
    guard let approved = step.approvedMembers, case .groupDelete(let name) = step.operation
    else { return nil }
    let live: LiveState
    if let source = backend as? LiveStateSource, let read = try? source.liveState() {
      live = read
    } else if let read = try? LiveState.fetch(from: backend) {
      live = read
    } else {
      return nil
    }
    let more = PlanStep.members(ofGroup: name, in: live).filter { !approved.contains($0) }
    guard !more.isEmpty else { return nil }
    return AzError(
      code: "GroupChanged",
      message:
        "resource group \(name) now also holds \(more.joined(separator: ", ")), which the approved plan did not name; nothing was deleted."
    )
  }

  /// For a create step: the resource it would create, if it exists already (someone made
  /// it by hand or from another shell after the plan was made).
  func appearedSincePlanned(_ step: ExecutableStep) -> AzError? {
    let (name, group) = (step.operation.name, step.operation.group)
    let probe: AzCommand
    let noun: String
    switch step.operation {
    case .vmCreate:
      (probe, noun) = (.vmShow(name: name, group: group), "VM \(name) in \(group)")
    case .diskCreate, .diskCreateFromSnapshot:
      (probe, noun) = (.diskShow(name: name, group: group), "disk \(name) in \(group)")
    case .snapshotCreate:
      (probe, noun) = (.snapshotShow(name: name, group: group), "snapshot \(name) in \(group)")
    case .storageCreate:
      (probe, noun) = (.storageShow(name: name, group: group), "storage account \(name)")
    case .groupCreate:
      (probe, noun) = (.groupShow(name: name), "resource group \(name)")
    default:
      return nil
    }
    guard !name.isEmpty else { return nil }
    // The simulator answers from one read of its state (no modelled time); az is asked.
    if let source = backend as? LiveStateSource, let live = try? source.liveState() {
      let same: (String, String) -> Bool = { $0.lowercased() == $1.lowercased() }
      let exists: Bool
      switch step.operation {
      case .vmCreate:
        exists = live.vms.contains { same($0.name, name) && same($0.resourceGroup, group) }
      case .diskCreate, .diskCreateFromSnapshot:
        exists = live.disks.contains { same($0.name, name) && same($0.resourceGroup, group) }
      case .snapshotCreate:
        exists = live.snapshots.contains { same($0.name, name) && same($0.resourceGroup, group) }
      case .storageCreate: exists = !live.storageAccounts(named: name).isEmpty
      default: exists = live.group(named: name) != nil
      }
      guard exists else { return nil }
    } else {
      guard backend.run(probe).exitCode == 0 else { return nil }
    }
    return AzError(
      code: "ResourceAppeared",
      message:
        "\(noun) appeared after the plan was made; azlin creates, it never changes what it did not make, so it left it as it is."
    )
  }

  /// Runs `chunk` on threads of their own (never the concurrency pool, whose few threads
  /// the modelled clock would starve); the modelled waits overlap.
  private func runSideBySide(_ chunk: [ExecutableStep]) -> [StepRun] {
    sleeper.beginParallel(workers: chunk.count)
    return SideBySide.run(chunk.count) { i in
      let outcome = self.run(chunk[i])
      self.sleeper.workerFinished()
      return outcome
    }
  }

  /// Audits a step's attempts in order, adds them to the objective, and settles its outcome.
  private func apply(
    _ run: StepRun, of step: ExecutableStep, to objective: inout Objective,
    outcomes: inout [Int: StepOutcome],
    reportEvents: Bool, progress: (ExecutableStep, StepOutcome?) -> Void
  ) throws {
    let argv = ["az"] + Redactor.argv(step.command.arguments)
    for event in run.events {
      try record(
        event, objective: objective.id, step: ("step", .number(Double(step.number))),
        argv: argv, attemptEvent: .command)
      switch event {
      case .attempt(let result, let route, _):
        let error = result.error
        objective.executionResults.append(
          Objective.StepResult(
            step: step.number, argv: argv, exitCode: result.exitCode,
            durationMs: result.durationMs, errorCode: error?.code,
            message: error.map { Redactor.text($0.message) }, strategy: route.label))
      case .retry(let attempt, let delay, _, let error, _):
        if reportEvents {
          progress(step, .retrying(error, attempt: attempt, of: retry.maxAttempts, delay: delay))
        }
      case .fallback(let error, let from, let to, _):
        if reportEvents { progress(step, .fallingBack(error, from: from, to: to)) }
      case .validation:
        break
      }
    }
    outcomes[step.number] = run.outcome
    if case .succeeded = run.outcome, let change = step.change {
      objective.resourcesCreated.append(change)
    }
  }

  /// Audits one event of a step's run: an attempt as `attemptEvent` (`command` for a plan's
  /// step, `rollback_step` for an inverse one) with the step's argv and route, a retry, the
  /// check against live state, or a fallback.
  /// - Parameter step: How the event names its step: `("step", n)`, or `("argv", …)` for an
  ///   inverse step, which has no number of its own.
  func record(
    _ event: Event, objective: String, step: (String, JSONValue), argv: [String],
    attemptEvent: AuditEvent
  ) throws {
    switch event {
    case .attempt(let result, let route, let endedAt):
      var fields: [(String, JSONValue)] = step.0 == "argv" ? [] : [step]
      fields += [
        ("argv", .strings(argv)), ("strategy", .string(route.strategy)),
        ("tool", .optional(route.detail)), ("exit_code", .number(Double(result.exitCode))),
        ("duration_ms", .number(Double(result.durationMs))),
        ("error_code", .optional(result.error?.code)),
      ]
      try audit.record(attemptEvent, objective: objective, at: endedAt, fields)
    case .retry(let attempt, let delay, let kind, _, let at):
      try audit.record(
        .retry, objective: objective, at: at,
        [
          step, ("attempt", .number(Double(attempt))), ("delay_s", .number(delay)),
          ("error_code", .string(kind.code)),
        ])
    case .validation(let verdict, let route, let at):
      var fields: [(String, JSONValue)] = [step, ("strategy", .string(route.strategy))]
      switch verdict {
      case .holds: fields.append(("result", "holds"))
      case .differs(let text): fields += [("result", "differs"), ("difference", .string(text))]
      case .unchecked(let why):
        fields += [("result", "unchecked"), ("reason", .string(Redactor.text(why)))]
      case .notApplicable: return
      }
      try audit.record(.validation, objective: objective, at: at, fields)
    case .fallback(let error, let from, let to, let at):
      try audit.record(
        .fallback, objective: objective, at: at,
        [step, ("from", .string(from)), ("to", .string(to)), ("error_code", .string(error.code))])
    }
  }

  /// Lets a plan strategy carry out `steps` whole, then checks each step against live state:
  /// what holds is done; the rest is left for the step strategies.
  private func applyWhole(
    _ steps: [ExecutableStep], with strategy: any PlanStrategy, objective: inout Objective,
    outcomes: inout [Int: StepOutcome], progress: (ExecutableStep, StepOutcome?) -> Void
  ) throws {
    guard let first = steps.first else { return }
    progress(first, nil)
    let started = clock.now
    let application = strategy.apply(steps, objectiveID: objective.id)
    for command in application.commands {
      try audit.record(
        .command, objective: objective.id,
        [
          ("argv", .strings(command.argv)), ("strategy", .string(strategy.name)),
          ("exit_code", .number(Double(command.exitCode))),
          ("duration_ms", .number(Double(command.durationMs))),
        ])
    }
    let ms = Int((clock.now.timeIntervalSince(started) * 1000).rounded())
    for step in steps {
      let verdict = validator?.check(step) ?? (application.error == nil ? .holds : .differs(""))
      guard verdict == .holds || (verdict == .notApplicable && application.error == nil) else {
        continue
      }
      outcomes[step.number] = .succeeded(durationMs: ms, via: strategy.name)
      objective.executionResults.append(
        Objective.StepResult(
          step: step.number, argv: ["az"] + Redactor.argv(step.command.arguments), exitCode: 0,
          durationMs: ms, errorCode: nil, message: nil, strategy: strategy.name))
      if let change = step.change { objective.resourcesCreated.append(change) }
      progress(step, outcomes[step.number])
    }
    let left = steps.filter { outcomes[$0.number] == nil }
    if let error = application.error, let next = left.first {
      let to = strategies.firstRoute(for: next)?.label ?? "nothing"
      try audit.record(
        .fallback, objective: objective.id,
        [
          ("from", .string(strategy.name)), ("to", .string(to)),
          ("error_code", .string(error.code)),
          ("steps", .array(left.map { .number(Double($0.number)) })),
        ])
      progress(next, .fallingBack(error, from: strategy.name, to: to))
    }
    objective.updatedAt = Timestamp.string(clock.now)
    try store.save(objective)
  }
}
