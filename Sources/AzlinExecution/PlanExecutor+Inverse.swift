import AzlinAzure
import AzlinCore
import AzlinLedger
import Foundation

extension PlanExecutor {
  /// Runs an undo's or a rollback's inverse steps in order, each through the same chain as a
  /// plan's step — its route (an MCP tool, the Azure CLI), retries with backoff on transient
  /// failures, the next strategy on a lasting one, the check against live state — auditing
  /// every attempt as `rollback_step` (with `retry`, `validation` and `fallback` events);
  /// stops at the first step that fails.
  /// - Parameters:
  ///   - steps: The inverse steps, in the order they must run.
  ///   - objective: The objective being undone, for the audit log.
  ///   - progress: Told about each step as it ends, and of retries and fallbacks as they happen.
  /// - Returns: The failure, or `nil` when every step succeeded.
  /// - Throws: `FileError` when the audit log cannot be written.
  public func runInverse(
    _ steps: [Rollback.Step], objective: String,
    progress: (ExecutableStep, StepOutcome) -> Void
  ) throws -> AzError? {
    for (index, inverse) in steps.enumerated() {
      let step = ExecutableStep(
        number: index + 1, summary: inverse.command.description, operation: inverse.operation,
        dependsOn: [], change: nil)
      let stepRun = run(step) { progress(step, $0) }
      let argv = ["az"] + Redactor.argv(step.command.arguments)
      for event in stepRun.events {
        try record(
          event, objective: objective, step: ("argv", .strings(argv)), argv: argv,
          attemptEvent: .rollbackStep)
      }
      progress(step, stepRun.outcome)
      if case .failed(let error) = stepRun.outcome { return error }
    }
    return nil
  }
}
