import AzlinAzure
import AzlinCore
import AzlinLedger
import AzlinPlanning
import Foundation

/// Runs a plan's steps through the Azure CLI strategy, recording every command.
///
/// Steps run in order; a step whose dependency failed does not start. Each command is
/// audited (argv redacted, exit code, duration, error code) and each success is recorded
/// in the objective with the command that undoes it.
public struct PlanExecutor {
  /// The strategy's name, as recorded in objectives.
  public static let strategyName = "azure-cli"

  private let backend: any AzureBackend
  private let audit: AuditLog
  private let store: ObjectiveStore
  private let clock: any Clock
  private let sleeper: any Sleeper
  private let random: any RandomSource
  private let retry: RetryPolicy

  public init(
    backend: any AzureBackend, audit: AuditLog, store: ObjectiveStore, clock: any Clock,
    sleeper: any Sleeper,
    random: any RandomSource, retry: RetryPolicy = RetryPolicy()
  ) {
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
    objective: inout Objective,
    progress: (ExecutableStep, StepOutcome?) -> Void
  ) throws -> [Int: StepOutcome] {
    if objective.status == .pending {
      try objective.move(to: .inProgress, at: clock.now)
      try store.save(objective)
      try audit.record("objective_status", objective: objective.id, [("status", "in_progress")])
    }
    var outcomes: [Int: StepOutcome] = [:]
    for n in alreadyDone { outcomes[n] = .succeeded(durationMs: 0) }
    for step in steps where !alreadyDone.contains(step.number) {
      if !approved.contains(step.number) {
        outcomes[step.number] = .skipped(becauseOf: step.number)
        progress(step, .skipped(becauseOf: step.number))
        continue
      }
      if let blocker = step.dependsOn.first(where: {
        if case .succeeded = outcomes[$0] { return false } else { return true }
      }) {
        outcomes[step.number] = .skipped(becauseOf: blocker)
        progress(step, .skipped(becauseOf: blocker))
        continue
      }
      progress(step, nil)
      let argv = ["az"] + Redactor.argv(step.command.arguments)
      var attempt = 1
      var result = backend.run(step.command)
      var error = result.error
      try recordCommand(step, argv: argv, result: result, objective: &objective)
      while let failure = error, attempt < retry.maxAttempts {
        let kind = FailureClass(failure)
        guard kind.retriable else { break }
        let delay = retry.delay(after: attempt, retryAfter: kind.retryAfter, random: random)
        try audit.record(
          "retry", objective: objective.id,
          [
            ("step", .number(Double(step.number))), ("attempt", .number(Double(attempt + 1))),
            ("delay_s", .number(delay)), ("error_code", .string(kind.code)),
          ])
        progress(
          step, .retrying(failure, attempt: attempt + 1, of: retry.maxAttempts, delay: delay))
        sleeper.sleep(seconds: delay)
        attempt += 1
        result = backend.run(step.command)
        error = result.error
        try recordCommand(step, argv: argv, result: result, objective: &objective)
      }
      if let error {
        outcomes[step.number] = .failed(error)
        progress(step, .failed(error))
      } else {
        outcomes[step.number] = .succeeded(durationMs: result.durationMs)
        if let change = step.change { objective.resourcesCreated.append(change) }
        progress(step, .succeeded(durationMs: result.durationMs))
      }
      objective.updatedAt = Timestamp.string(clock.now)
      try store.save(objective)
    }
    let failed = outcomes.values.first(where: {
      if case .failed = $0 { return true } else { return false }
    })
    if case .failed(let error) = failed {
      objective.errorMessage = Redactor.text(error.description)
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

  /// Audits one run of a step's command and adds it to the objective's results.
  private func recordCommand(
    _ step: ExecutableStep, argv: [String], result: AzResult, objective: inout Objective
  ) throws {
    let error = result.error
    try audit.record(
      "command", objective: objective.id,
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
}
