import AzlinLedger
import AzlinPlanning

/// What the conversation waits for and remembers between turns: the question, plan or offer
/// pending, the request it is about, and every flag a turn reads — one value. What is pending
/// and every flag change only through `apply(_:)`; the memory of the last request, plan and
/// estimate (`lastRequest`, `lastPlan`, `lastEstimate`) is written where it is made.
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
    /// The line answered (or cancelled) what was pending: it is not kept in history.
    case lineAnswered
    /// The turn failed or was refused.
    case failed
    /// A budget refusal was overridden: the turn goes on after all.
    case recovered
    /// A line refused with a question in words; `phrase` is what an answer replaces (nil: the
    /// answer adds the target).
    case refused(String, phrase: String?)
    /// The next line was read against the refused one (completing it or not).
    case refusalTaken
    /// A line refused for the secret it carried (redacted).
    case refusedForSecret(String)
    /// The next line was read against the line refused for its secret.
    case secretRefusalTaken
    /// "always" was answered to an approval.
    case alwaysApproved
    /// This turn's request did (or did not) carry --force.
    case budgetForced(Bool)
    /// A plan was made again because the world changed under it.
    case replannedStale
    /// A failure was explained; its signature is what a fix offered next is for.
    case failureExplained(signature: String)
    /// `fix` is offered for the last failure explained.
    case offered(fix: String)
    /// The offer was settled (taken or declined).
    case offerSettled
    /// The offered fix was taken: it is recorded as the resolution once its plan succeeds.
    case fixAccepted
    /// The plan carrying the fix has run (or not): the fix is no longer in progress.
    case fixSettled
  }

  /// The question, plan, offer or confirmation the next line may answer.
  private(set) var pending: TurnEngine.Pending?
  /// "always" was answered to an approval: later plans run without asking (destroys still ask).
  private(set) var alwaysApprove = false
  var lastPlan: Plan?
  /// The last request understood (see `TurnEngine+Revisions`).
  var lastRequest: TurnEngine.LastRequest?
  /// A line refused with a question in words ("Which VM do you mean by "the last one"?") and
  /// the words an answer naming VMs replaces (nil: the answer adds the target).
  private(set) var refusedAsk: (line: String, phrase: String?)?
  /// A line refused because it named no time of day azlin could read ("shut lamp down at 7":
  /// morning or evening?), for an answer that gives only the time ("evening", "10pm").
  var refusedForTime: String?
  /// A line refused for the secret it carried (redacted), for "ok, use ssh keys instead".
  private(set) var refusedForSecret: String?
  var lastEstimate: CostEstimate?
  /// True for a turn whose request carried --force: a budget refusal is overridden (and audited).
  private(set) var forceBudget = false
  /// Plans made again this turn because the world changed under them (see `TurnEngine+Facts`).
  private(set) var staleReplans = 0
  /// The signature of the last failure explained, and the fix offered for it.
  private(set) var lastFailureSignature: String?
  private(set) var offeredFix: (signature: String, fix: String)?
  /// An accepted fix: recorded as the resolution once its plan succeeds.
  private(set) var fixInProgress: (signature: String, fix: String)?
  /// Set when a one-shot request failed or was refused.
  private(set) var lastTurnFailed = false
  /// True when the last line answered a question (such lines are not kept in history).
  private(set) var lastLineWasAnswer = false

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
    case .lineAnswered: lastLineWasAnswer = true
    case .failed: lastTurnFailed = true
    case .recovered: lastTurnFailed = false
    case .refused(let line, let phrase): refusedAsk = (line, phrase)
    case .refusalTaken: refusedAsk = nil
    case .refusedForSecret(let line): refusedForSecret = line
    case .secretRefusalTaken: refusedForSecret = nil
    case .alwaysApproved: alwaysApprove = true
    case .budgetForced(let forced): forceBudget = forced
    case .replannedStale: staleReplans += 1
    case .failureExplained(let signature): lastFailureSignature = signature
    case .offered(let fix): offeredFix = lastFailureSignature.map { ($0, fix) }
    case .offerSettled: offeredFix = nil
    case .fixAccepted: fixInProgress = offeredFix
    case .fixSettled: fixInProgress = nil
    }
    return was
  }
}
