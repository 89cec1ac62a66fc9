import AzlinPlanning

extension TurnEngine {
  /// Reads the world again and compares it with the facts `p` was made on. When they still
  /// hold, the plan may go on; when not, the change is said and the request is planned
  /// again on what exists now (shown, and approved again), never run stale. A world that
  /// keeps changing is said once more and the request stops.
  /// - Returns: True when the plan may go on.
  func worldStillHolds(_ p: PendingPlan) -> Bool {
    guard !p.facts.isEmpty else { return true }
    refreshLive()
    if let error = liveError {
      fail(Messages.stateUnknown(error))
      return false
    }
    let changes = Plan.changedFacts(p.facts, p.plan.facts(in: live))
    guard !changes.isEmpty else { return true }
    record(.planStale, [("changed", .strings(changes))])
    dialogue.apply(.replannedStale)
    guard dialogue.staleReplans <= 2 else {
      fail(Messages.worldKeepsChanging(changes))
      return false
    }
    say(Messages.worldChanged(changes))
    plan(p.intents, line: p.line)
    return false
  }
}
