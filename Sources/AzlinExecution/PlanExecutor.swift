import AzlinAzure
import AzlinCore
import AzlinLedger
import AzlinPlanning
import Foundation

/// Runs a plan's steps through the Azure CLI strategy, recording every command.
///
/// Worker threads share only the backend (the simulator serialises its state under its
/// lock; the real az runs one process each), the sleeper and the random source; the audit
/// log and the objective are written on the calling thread, in step order.
///
/// Steps run in order; a step whose dependency failed does not start. Each command is
/// audited (argv redacted, exit code, duration, error code) and each success is recorded
/// in the objective with the command that undoes it.
public struct PlanExecutor: @unchecked Sendable {
  /// The strategy's name, as recorded in objectives.
  public static let strategyName = "azure-cli"

  private let backend: any AzureBackend
  private let audit: AuditLog
  private let store: ObjectiveStore
  private let clock: any Clock
  private let sleeper: any Sleeper
  private let random: any RandomSource
  private let retry: RetryPolicy
  /// The most steps run side by side.
  public let maxParallel: Int

  public init(
    backend: any AzureBackend, audit: AuditLog, store: ObjectiveStore, clock: any Clock,
    sleeper: any Sleeper,
    random: any RandomSource, retry: RetryPolicy = RetryPolicy(), maxParallel: Int = 4
  ) {
    self.maxParallel = max(1, maxParallel)
    self.backend = backend
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
    case succeeded(durationMs: Int)
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
  /// - Returns: Each step's outcome, by step number.
  /// - Throws: `FileError` when the objective or audit log cannot be written.
  public func execute(
    _ steps: [ExecutableStep], approved: Set<Int>, alreadyDone: Set<Int> = [],
    objective: inout Objective, cancelled: () -> Bool = { false },
    progress: (ExecutableStep, StepOutcome?) -> Void
  ) throws -> [Int: StepOutcome] {
    if objective.status == .pending {
      try objective.move(to: .inProgress, at: clock.now)
      try store.save(objective)
      try audit.record("objective_status", objective: objective.id, [("status", "in_progress")])
    }
    var outcomes: [Int: StepOutcome] = [:]
    for n in alreadyDone { outcomes[n] = .succeeded(durationMs: 0) }
    var pending = steps.filter { !alreadyDone.contains($0.number) }
    let known = Set(steps.map(\.number))
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
            run, of: step, to: &objective, outcomes: &outcomes, reportRetries: chunk.count > 1,
            progress: progress)
          progress(step, outcomes[step.number])
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
      try objective.move(to: .failed, at: clock.now)
    } else {
      try objective.move(to: .completed, at: clock.now)
    }
    try store.save(objective)
    try audit.record(
      "objective_status", objective: objective.id,
      [
        ("status", .string(objective.status.rawValue)),
        ("cost_monthly", .optional(objective.costEstimate)),
      ])
    return outcomes
  }

  /// What running one step produced: every attempt, and the waits between them.
  struct StepRun {
    var attempts: [AzResult] = []
    /// When each attempt ended, on the context's clock.
    var endedAt: [Date] = []
    var retries: [(attempt: Int, delay: TimeInterval, kind: FailureClass, error: AzError)] = []
  }

  /// Runs one step with retries; `retrying` hears of each retry as it happens.
  func run(_ step: ExecutableStep, retrying: (StepOutcome) -> Void = { _ in }) -> StepRun {
    var record = StepRun()
    var result = backend.run(step.command)
    record.attempts.append(result)
    record.endedAt.append(clock.now)
    while let failure = result.error, record.attempts.count < retry.maxAttempts {
      let kind = FailureClass(failure)
      guard kind.retriable else { break }
      let attempt = record.attempts.count
      let delay = retry.delay(after: attempt, retryAfter: kind.retryAfter, random: random)
      record.retries.append((attempt + 1, delay, kind, failure))
      retrying(.retrying(failure, attempt: attempt + 1, of: retry.maxAttempts, delay: delay))
      sleeper.sleep(seconds: delay)
      result = backend.run(step.command)
      record.attempts.append(result)
      record.endedAt.append(clock.now)
    }
    return record
  }

  /// Runs `chunk` on threads of their own (never the concurrency pool, whose few threads
  /// the modelled clock would starve); the modelled waits overlap.
  private func runSideBySide(_ chunk: [ExecutableStep]) -> [StepRun] {
    let results = RunBox(count: chunk.count)
    let group = DispatchGroup()
    sleeper.beginParallel(workers: chunk.count)
    for (i, step) in chunk.enumerated() {
      group.enter()
      let thread = Thread {
        let outcome = self.run(step)
        results.set(i, outcome)
        self.sleeper.workerFinished()
        group.leave()
      }
      thread.stackSize = 1 << 20
      thread.start()
    }
    group.wait()
    return results.values
  }

  /// Audits a step's attempts in order, adds them to the objective, and settles its outcome.
  private func apply(
    _ run: StepRun, of step: ExecutableStep, to objective: inout Objective,
    outcomes: inout [Int: StepOutcome],
    reportRetries: Bool, progress: (ExecutableStep, StepOutcome?) -> Void
  ) throws {
    let argv = ["az"] + Redactor.argv(step.command.arguments)
    for (n, result) in run.attempts.enumerated() {
      if n > 0 {
        let r = run.retries[n - 1]
        try audit.record(
          "retry", objective: objective.id, at: run.endedAt[n - 1],
          [
            ("step", .number(Double(step.number))), ("attempt", .number(Double(r.attempt))),
            ("delay_s", .number(r.delay)), ("error_code", .string(r.kind.code)),
          ])
        if reportRetries {
          progress(
            step, .retrying(r.error, attempt: r.attempt, of: retry.maxAttempts, delay: r.delay))
        }
      }
      let error = result.error
      try audit.record(
        "command", objective: objective.id, at: run.endedAt[n],
        [
          ("step", .number(Double(step.number))), ("argv", .strings(argv)),
          ("exit_code", .number(Double(result.exitCode))),
          ("duration_ms", .number(Double(result.durationMs))),
          ("error_code", .optional(error?.code)),
        ])
      objective.executionResults.append(
        Objective.StepResult(
          step: step.number, argv: argv, exitCode: result.exitCode, durationMs: result.durationMs,
          errorCode: error?.code, message: error.map { Redactor.text($0.message) }))
    }
    guard let last = run.attempts.last else { return }
    if let error = last.error {
      outcomes[step.number] = .failed(error)
    } else {
      outcomes[step.number] = .succeeded(durationMs: last.durationMs)
      if let change = step.change { objective.resourcesCreated.append(change) }
    }
  }
}

/// Results written by worker threads, one slot each.
private final class RunBox: @unchecked Sendable {
  private let lock = NSLock()
  private var slots: [PlanExecutor.StepRun?]

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func set(_ i: Int, _ run: PlanExecutor.StepRun) {
    lock.lock()
    slots[i] = run
    lock.unlock()
  }

  var values: [PlanExecutor.StepRun] {
    lock.lock()
    defer { lock.unlock() }
    return slots.map { $0 ?? PlanExecutor.StepRun() }
  }
}
