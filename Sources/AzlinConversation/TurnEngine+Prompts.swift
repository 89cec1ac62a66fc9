import AzlinCore

extension TurnEngine {
  /// The word that cancels whatever question is waiting, whole: an approval, every
  /// remaining destroy confirmation, a which-one question, an undo, "overwrite?".
  /// Ctrl-C and Ctrl-D at a question send it, so a saved session replays them as typed.
  public static let cancelWord = "cancel"

  /// Cancels what is pending, saying so.
  func cancelPending() {
    guard let p = dialogue.apply(.cancelled) else { return }
    record(.approval, [("answer", .string("cancelled"))])
    if case .overwrite(let save) = p {
      unsavedTurns.insert(output.turns.count - 1)
      say(Messages.notSaved(save.path))
    } else {
      say(Messages.cancelled)
    }
  }

  /// Ctrl-C at a question: cancels that question (not the shell).
  public func cancelQuestion() {
    guard isWaitingForAnswer else { return }
    handle(Self.cancelWord)
  }

  /// Ctrl-D (end of input) at a question: cancels it and says the shell is leaving.
  public func leaveAtQuestion() {
    guard isWaitingForAnswer else { return }
    handle(Self.cancelWord)
    say(Messages.leavingAtQuestion)
  }
}
