import AzlinAzure
import AzlinCore
import AzlinLedger
import AzlinPlanning
import Foundation

extension Session {
  /// The last request understood, for corrections ("actually, in westeurope"), retries ("try
  /// that again"), "do the same for bob", and "do it" after a preview or a refusal.
  struct LastRequest {
    var line: String
    var intents: [Intent]
    /// The names of the VMs its plan created, once it ran.
    var created: [String] = []
    /// True once its plan ran.
    var executed = false
    /// True when it was only previewed, or refused by the budget: "do it" / "go ahead" runs it.
    var resumable = false
  }

  /// Slash commands people say in words: "undo that", "what did I just do", "show my history".
  static func spokenCommand(_ line: String) -> String? {
    let words = LocalIntentParser.tokens(of: line.lowercased()).filter {
      !["please", "pls", "can", "you", "could", "ok", "okay", "hmm", "so", "just", ",", "now"]
        .contains($0)
    }
    let text = words.joined(separator: " ")
    let undo = [
      "undo", "undo that", "undo it", "undo this", "undo the last thing", "undo last",
      "revert", "revert that", "revert it", "revert this", "roll back", "roll it back",
      "roll that back", "rollback", "rollback that", "take that back", "put it back",
      "put it back the way it was", "put things back", "put that back", "change it back",
      "undo that last change", "undo the last change", "revert the last change", "reverse that",
    ]
    if undo.contains(text) || (text.hasPrefix("put it back") && text.contains("way it was")) {
      return "/undo"
    }
    let history = [
      "what did i just do", "what did i do", "what have i done", "what did i just run",
      "show my history", "show me my history", "show history", "show me the history", "history",
      "my history", "what happened", "what have i done so far", "what did we do",
      "what did i do today", "show me what i did", "show the history", "show the audit log",
      "audit log", "what ran",
    ]
    if history.contains(text) { return "/history" }
    if ["ls", "state", "what exists", "show state", "show me everything", "what do i have"]
      .contains(text)
    {
      return "/state"
    }
    if ["help", "what can you do", "what can i say", "commands"].contains(text) { return "/help" }
    return nil
  }

  /// Words that say "go on" to a previewed or refused request.
  static func goAhead(_ line: String) -> Bool {
    let t = line.lowercased().trimmingCharacters(in: .punctuationCharacters.union(.whitespaces))
      .replacingOccurrences(of: ",", with: "")
    return [
      "do it", "ok do it", "okay do it", "yes do it", "go ahead", "go ahead now", "ok go ahead",
      "okay go ahead", "then do it", "do it now", "ok then do it", "alright do it", "run it",
      "do that", "go for it", "yes please", "ok now do it", "ok try again", "try again now",
      "go on", "proceed", "ok proceed", "make it so", "let's do it", "lets do it",
    ].contains(t)
  }

  /// Handles a revision, a retry or "do the same for …" of the last request.
  /// - Returns: false when `line` is none of these.
  func reviseOrRepeat(_ line: String) -> Bool {
    let words = LocalIntentParser.tokens(of: line)
    let lower = words.map { $0.lowercased() }
    if let n = LocalIntentParser.correctionPrefix(lower), n < lower.count || lower == ["no"] {
      let rest = words.dropFirst(n).joined(separator: " ")
      guard let last = lastRequest else {
        request(rest)
        return true
      }
      switch parser.revision(rest, context: conversation, live: live) {
      case .failure(let problem):
        record("intent", [("understood", false)])
        fail(Messages.notUnderstood(problem, line: rest))
      case .success(let r):
        if let replacement = r.replacement {
          plan(recorded(replacement), line: line)
        } else if r.isEmpty {
          fail(Messages.notUnderstood(.unknownWords(Array(words.dropFirst(n))), line: rest))
        } else {
          revise(last, with: r.parameters, line: line)
        }
      }
      return true
    }
    guard let last = lastRequest else { return false }
    // "try that again", "again", "try that again with frontend1".
    let retry: [[String]] = [
      ["try", "that", "again"], ["try", "again"], ["again"], ["retry"], ["do", "it", "again"],
      ["same", "again"], ["one", "more", "time"], ["do", "that", "again"], ["try", "it", "again"],
    ]
    for r in retry where lower.count >= r.count && Array(lower.prefix(r.count)) == r {
      let rest = words.dropFirst(r.count)
      if rest.isEmpty {
        plan(recorded(last.intents), line: line)
        return true
      }
      if rest.first?.lowercased() == "with" || rest.first?.lowercased() == "but" {
        var delta = IntentParameters()
        let tail = Array(rest.dropFirst())
        switch parser.revision(tail.joined(separator: " "), context: conversation, live: live) {
        case .success(let r) where !r.isEmpty:
          delta = r.parameters
        default:
          // "try that again with frontend1": a bare word after "with" is the new name.
          if tail.count == 1 { delta.names = tail }
        }
        if delta == IntentParameters() { return false }
        plan(recorded(LocalIntentParser.apply(delta, to: last.intents)), line: line)
        return true
      }
      return false
    }
    // "do the same for bob", "same for bob", "bob too", "and bob as well".
    var target: [String]?
    if let i = lower.firstIndex(of: "same"), lower.dropFirst(i).contains("for") {
      target = Array(words.drop(while: { $0.lowercased() != "for" }).dropFirst())
    } else if lower.count <= 4, ["too", "also", "as well"].contains(where: { lower.last == $0 })
      || (lower.count >= 3 && lower.suffix(2) == ["as", "well"])
    {
      target = words.filter {
        !["and", "too", "also", "as", "well", "for", "now", "ok", ","].contains($0.lowercased())
      }
    }
    guard let target else { return false }
    let names = target.compactMap { w in live.vms(named: w).first?.name }
    guard !names.isEmpty, names.count == target.filter({ $0 != "," && $0.lowercased() != "and" }).count,
      !last.intents.allSatisfy(\.kind.isReadOnly) || last.intents.count == 1
    else { return false }
    let again = last.intents.map { intent -> Intent in
      var i = intent
      if [.attachDisk, .detachDisk].contains(i.kind) {
        i.parameters.vm = names[0]
        i.parameters.names = []
      } else {
        i.parameters.names = names
        i.parameters.all = false
        i.parameters.powerState = nil
      }
      return i
    }
    plan(recorded(again), line: line)
    return true
  }

  /// Applies a revision to the last request: a request not yet run is planned again; one
  /// that ran becomes a change from what now exists, or a question when only re-making would do.
  func revise(_ last: LastRequest, with delta: IntentParameters, line: String) {
    var intents = LocalIntentParser.apply(delta, to: last.intents)
    if last.executed, let made = intents.last, made.kind == .provisionVM {
      let created = last.created
      if let want = delta.count, delta.names.isEmpty, delta.region == nil, delta.size == nil,
        delta.image == nil
      {
        // "make that 3 vms" after 2 were made: one more.
        let more = want - created.count
        guard more > 0 else {
          say(Messages.alreadyHave(created))
          return
        }
        intents[intents.count - 1].parameters.count = more
        intents[intents.count - 1].parameters.names = []
        plan(recorded(intents), line: line)
        return
      }
      if let size = delta.size, delta.names.isEmpty, delta.region == nil, delta.image == nil,
        !created.isEmpty
      {
        var resize = Intent(kind: .resizeVM, explanation: "resize " + created.joined(separator: ", "))
        resize.parameters.names = created
        resize.parameters.size = size
        say(Messages.revisedAsChange(created, size: size))
        plan(recorded([resize]), line: line)
        return
      }
      lastTurnFailed = true
      say(Messages.cannotReviseCreated(created))
      return
    }
    plan(recorded(intents), line: line)
  }

  /// Records intents reached without the parser (revisions, retries) as the turn's understanding.
  func recorded(_ intents: [Intent]) -> [Intent] {
    record("intent", [("intents", .array(intents.map(\.json)))])
    lastRequest = LastRequest(line: lastRequest?.line ?? "", intents: intents)
    return intents
  }
}
