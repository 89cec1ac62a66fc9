import AzlinLedger
import AzlinPlanning

/// What the conversation waits for and remembers between turns: the question, plan or offer
/// pending, the request it is about, and every flag a turn reads — one value, changed by the
/// session's turns and by its transitions.
struct DialogueState {
  /// The question, plan, offer or confirmation the next line may answer.
  var pending: TurnEngine.Pending?
  /// "always" was answered to an approval: later plans run without asking (destroys still ask).
  var alwaysApprove = false
  var lastPlan: Plan?
  /// The last request understood (see `TurnEngine+Revisions`).
  var lastRequest: TurnEngine.LastRequest?
  /// A line refused with a question in words ("Which VM do you mean by "the last one"?") and
  /// the words an answer naming VMs replaces (nil: the answer adds the target).
  var refusedAsk: (line: String, phrase: String?)?
  /// A line refused for the secret it carried (redacted), for "ok, use ssh keys instead".
  var refusedForSecret: String?
  var lastEstimate: CostEstimate?
  /// True for a turn whose request carried --force: a budget refusal is overridden (and audited).
  var forceBudget = false
  /// Plans made again this turn because the world changed under them (see `TurnEngine+Facts`).
  var staleReplans = 0
  /// The signature of the last failure explained, and the fix offered for it.
  var lastFailureSignature: String?
  var offeredFix: (signature: String, fix: String)?
  /// An accepted fix: recorded as the resolution once its plan succeeds.
  var fixInProgress: (signature: String, fix: String)?
  /// Set when a one-shot request failed or was refused.
  var lastTurnFailed = false
  /// True when the last line answered a question (such lines are not kept in history).
  var lastLineWasAnswer = false

  /// A new line begins: what described the last turn is cleared; what the conversation
  /// waits for and remembers stays.
  mutating func beginTurn() {
    lastTurnFailed = false
    staleReplans = 0
    lastLineWasAnswer = false
  }
}
