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
        number: index + 1, summary: inverse.command.description, command: inverse.command,
        dependsOn: [], change: nil)
      let record = run(step) { progress(step, $0) }
      try audit(record, of: step, objective: objective)
      progress(step, record.outcome)
      if case .failed(let error) = record.outcome { return error }
    }
    return nil
  }

  /// Audits one inverse step's attempts, in order.
  private func audit(_ record: StepRun, of step: ExecutableStep, objective: String) throws {
    let argv = JSONValue.strings(["az"] + Redactor.argv(step.command.arguments))
    for event in record.events {
      switch event {
      case .attempt(let result, let route, let endedAt):
        try auditLog.record(
          "rollback_step", objective: objective, at: endedAt,
          [
            ("argv", argv), ("strategy", .string(route.strategy)),
            ("tool", .optional(route.detail)),
            ("exit_code", .number(Double(result.exitCode))),
            ("duration_ms", .number(Double(result.durationMs))),
            ("error_code", .optional(result.error?.code)),
          ])
      case .retry(let attempt, let delay, let kind, _, let at):
        try auditLog.record(
          "retry", objective: objective, at: at,
          [
            ("argv", argv), ("attempt", .number(Double(attempt))), ("delay_s", .number(delay)),
            ("error_code", .string(kind.code)),
          ])
      case .validation(let verdict, let route, let at):
        var fields: [(String, JSONValue)] = [("argv", argv), ("strategy", .string(route.strategy))]
        switch verdict {
        case .holds: fields.append(("result", "holds"))
        case .differs(let text): fields += [("result", "differs"), ("difference", .string(text))]
        case .unchecked(let why):
          fields += [("result", "unchecked"), ("reason", .string(Redactor.text(why)))]
        case .notApplicable: continue
        }
        try auditLog.record("validation", objective: objective, at: at, fields)
      case .fallback(let error, let from, let to, let at):
        try auditLog.record(
          "fallback", objective: objective, at: at,
          [
            ("argv", argv), ("from", .string(from)), ("to", .string(to)),
            ("error_code", .string(error.code)),
          ])
      }
    }
  }
}
