/// The kinds of event the audit log records, by the name written in each line's `event`.
///
/// Writers name an event by its case, so a misspelt event cannot reach the log; readers turn
/// a line's name back with `AuditEvent(rawValue:)` (a name from a newer azlin reads as `nil`).
/// The names on disk are the contract other tools rely on (DESIGN.md §3): never rename one.
public enum AuditEvent: String, Sendable, CaseIterable {
  // A session.
  case sessionStart = "session_start"
  case sessionEnd = "session_end"
  case sessionResumed = "session_resumed"
  // What the user typed and what azlin made of it.
  case input, slash, intent, parser, routed
  // Planning, pricing and deciding.
  case plan
  case planStale = "plan_stale"
  case costEstimate = "cost_estimate"
  case budget, quota
  case budgetOverride = "budget_override"
  case approval
  // Carrying it out.
  case command, retry, fallback, validation
  case objectiveStatus = "objective_status"
  case objectiveInterrupted = "objective_interrupted"
  case resume
  case resumeWait = "resume_wait"
  // Taking it back.
  case rollbackStep = "rollback_step"
  case undoRefused = "undo_refused"
  // Inside a VM and connecting to it.
  case runCommand = "run_command"
  case ssh
  case sshEnd = "ssh_end"
  // azlin-bench's own appends.
  case benchAppend = "bench_append"
}
