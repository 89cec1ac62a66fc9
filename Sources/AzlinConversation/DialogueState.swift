import AzlinLedger
import AzlinPlanning

/// What the conversation waits for and remembers between turns: the question, plan or offer
/// pending, the request it is about, and every flag a turn reads — one value. What is pending
/// changes only through `apply(_:)`.
struct DialogueState {
  /// How the dialogue moves on from one line to the next.
  enum Transition {
    /// A new line begins: what described the last turn is cleared; what the conversation
    /// waits for and remembers stays.
    case turnBegan
    /// A question, plan, offer or confirmation now waits for the next line.
    case ask(TurnEngine.Pending)
    /// The line answered what was pending.
    case answered
    /// "cancel" (or Ctrl-C, Ctrl-D at a question): what was pending goes, with the fix it offered.
    case cancelled
    /// A slash command, or a line that is no answer: what was pending goes, and so does the
    /// refused line an answer could have completed; a question takes the fix it offered along.
    case dropped
  }

  /// The question, plan, offer or confirmation the next line may answer.
  private(set) var pending: TurnEngine.Pending?
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

  /// Moves the dialogue on by `transition`.
  /// - Returns: What was pending before it.
  @discardableResult
  mutating func apply(_ transition: Transition) -> TurnEngine.Pending? {
    let was = pending
    switch transition {
    case .turnBegan:
      lastTurnFailed = false
      staleReplans = 0
      lastLineWasAnswer = false
    case .ask(let next): pending = next
    case .answered: pending = nil
    case .cancelled:
      guard was != nil else { break }
      pending = nil
      offeredFix = nil
    case .dropped:
      refusedAsk = nil
      pending = nil
      if case .question = was { offeredFix = nil }
    }
    return was
  }
}
