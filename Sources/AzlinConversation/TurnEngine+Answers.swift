import AzlinAzure
import AzlinCore
import AzlinExecution
import AzlinLedger
import AzlinPlanning

extension TurnEngine {
  /// How a line answers a yes/no question, if it does.
  enum YesNo { case yes, no, always }

  /// Settles a yes/no offer: no cancels and forgets the fix offered; yes carries the fix
  /// into the plan that follows, to be recorded if that plan succeeds.
  func accepted(_ yn: YesNo) -> Bool {
    dialogue.apply(.answered)
    defer { dialogue.apply(.offerSettled) }
    guard yn != .no else {
      say(Messages.cancelled)
      return false
    }
    dialogue.apply(.fixAccepted)
    return true
  }

  static func yesNo(_ line: String) -> YesNo? {
    let t = line.lowercased().trimmingCharacters(in: .punctuationCharacters.union(.whitespaces))
    if [
      "y", "yes", "yeah", "yep", "ok", "okay", "sure", "go", "go ahead", "proceed", "do it",
      "approve",
    ].contains(t) {
      return .yes
    }
    if ["n", "no", "nope", "cancel", "abort", "stop", "never mind", "nevermind", "don't", "dont"]
      .contains(t)
    {
      return .no
    }
    if ["a", "always", "always this session"].contains(t) { return .always }
    return nil
  }

  /// The options a short answer to "Which VM: …?" picks, said among a few polite words ("to
  /// pg1", "sorry, web2", "both of them please"), or nil when it names none or adds anything else.
  static func chosen(in line: String, from options: [String]) -> [String]? {
    let polite: Set<String> = [
      "to", "for", "on", "the", "one", "vm", "sorry", "please", "just", "ok", "okay", "oh", "i",
      "meant", "mean", "it's", "its", "that", "of", "them", "ones", ",", "yes", "yeah", "on",
    ]
    let words = LocalIntentParser.tokens(of: line.lowercased()).filter { !polite.contains($0) }
    guard !words.isEmpty, words.count <= 3 else { return nil }
    if words.allSatisfy({ ["both", "all", "each", "every"].contains($0) }) { return options }
    let bare = options.map { $0.components(separatedBy: " in ")[0].lowercased() }
    guard words.count == 1, bare.filter({ $0 == words[0] }).count == 1,
      let at = bare.firstIndex(of: words[0])
    else { return nil }
    return [options[at]]
  }

  /// Treats `line` as the answer to what is pending.
  /// - Returns: false when the line is not an answer: what was pending is dropped and the line is handled as a request.
  func answer(_ p: Pending, with line: String) -> Bool {
    let yn = Self.yesNo(line)
    switch p {
    case .approval(let plan):
      guard let yn else { return notAnAnswer() }
      dialogue.apply(.answered)
      record(
        .approval, [("answer", .string(yn == .no ? "no" : (yn == .always ? "always" : "yes")))])
      switch yn {
      case .no:
        // "stop sam" — no — "delete it": what was talked about is still "it".
        for intent in plan.intents
        where ![.provisionVM, .createResourceGroup, .createStorage].contains(intent.kind) {
          conversation.remember(intent)
        }
        let existing = Set(live.vms.map(\.name))
        let acted = plan.plan.steps.filter {
          $0.resource.kind == .virtualMachine && existing.contains($0.resource.name)
        }.map(\.resource.name)
        if !acted.isEmpty {
          conversation.vms = acted
          conversation.meet(acted)
        }
        say(Messages.cancelled)
      case .always:
        dialogue.apply(.alwaysApproved)
        approve(plan)
      case .yes: approve(plan)
      }
      return true

    case .destroyConfirmation(let plan, let remaining, var approved):
      guard let yn else { return notAnAnswer() }
      dialogue.apply(.answered)
      let step = remaining[0]
      record(
        .approval,
        [("step", .number(Double(step))), ("answer", .string(yn == .no ? "no" : "yes"))])
      if yn != .no { approved.insert(step) }
      askNextDestroy(plan, remaining: Array(remaining.dropFirst()), approved: approved)
      return true

    case .question(let q, let original):
      switch q.kind {
      case .whichVM(let options):
        let t = line.lowercased().trimmingCharacters(in: .whitespaces)
        var chosen: [String]?
        if let n = Int(t), n >= 1, n <= options.count { chosen = [options[n - 1]] }
        if let name = options.first(where: { $0.lowercased() == t }) { chosen = [name] }
        if ["all", "all of them", "both", "every one", "everything"].contains(t) {
          chosen = options
        }
        // "to pg1", "sorry, web2", "both of them please": the answer inside a few polite words.
        if chosen == nil { chosen = Self.chosen(in: line, from: options) }
        // "the biggest one", "the gpu one": a description the parser resolves among the options.
        // A question of its own ("which ports are open on api2") or a line with details of its
        // own ("db gets 5432") is a new request, not a choice.
        if chosen == nil, !options.contains(where: { $0.contains(" in ") }),
          !LocalIntentParser.carriesOwnDetails(line, options: options),
          case .intents(let read) = parser.parse(line, context: conversation, live: live),
          read.count == 1,
          [.showVM, .listVMs].contains(read[0].kind)
            || read[0].kind == q.intents[q.intentIndex].kind,
          !read[0].parameters.names.isEmpty,
          read[0].parameters.names.allSatisfy({ n in options.contains { $0 == n } })
        {
          chosen = read[0].parameters.names
        }
        if Self.yesNo(line) == .no {
          dialogue.apply(.answered)
          say(Messages.cancelled)
          return true
        }
        // "web1 in dev-rg" or "web1 in prod-rg": "the one in dev", "prod".
        if chosen == nil, options.contains(where: { $0.contains(" in ") }) {
          let words = t.split(separator: " ").map(String.init).filter { $0.count >= 2 }
          let matching = options.filter { option in
            let group = option.components(separatedBy: " in ").last?.lowercased() ?? ""
            return words.contains {
              group == $0 || group.hasPrefix($0 + "-") || group.hasPrefix($0)
            }
          }
          if matching.count == 1 { chosen = matching }
        }
        guard let chosen else { return notAnAnswer() }
        dialogue.apply(.answered)
        var intents = q.intents
        if q.answerFills == .diskVM {
          intents[q.intentIndex].parameters.vm = chosen[0]
        } else if chosen.contains(where: { $0.contains(" in ") }) {
          let base = intents[q.intentIndex]
          let qualified = chosen.map { option -> Intent in
            let parts = option.components(separatedBy: " in ")
            var i = base
            i.parameters.names = [parts[0]]
            i.parameters.resourceGroup = parts.last
            i.parameters.all = false
            return i
          }
          intents.replaceSubrange(q.intentIndex...q.intentIndex, with: qualified)
        } else {
          intents[q.intentIndex].parameters.names = chosen
          intents[q.intentIndex].parameters.all = false
        }
        dialogue.lastRequest?.intents = intents
        plan(intents, line: original)
        return true
      case .useOtherName(_, let suggestion):
        guard let yn else { return notAnAnswer() }
        guard accepted(yn) else { return true }
        var intents = q.intents
        intents[q.intentIndex].parameters.names = [suggestion]
        plan(intents, line: original)
        return true
      case .offerSize(let size, _, _):
        guard let yn else { return notAnAnswer() }
        guard accepted(yn) else { return true }
        var intents = q.intents
        intents[q.intentIndex].parameters.size = size
        intents[q.intentIndex].parameters.sizeChange = nil
        plan(intents, line: original)
        return true
      case .planAgain:
        guard let yn else { return notAnAnswer() }
        guard accepted(yn) else { return true }
        plan(q.intents, line: original)
        return true
      case .confirmUnderstanding:
        // "yes, sam", "web2, yes": yes, with the name the question was about.
        let named = Set(q.intents.flatMap(\.parameters.names).map { $0.lowercased() })
        let spoken = line.lowercased().split(whereSeparator: { $0 == " " || $0 == "," })
          .map(String.init)
        // "yes, that one", "yep that's right": yes, with words that only point at the question.
        let pointing: Set<String> = [
          "that", "one", "the", "it", "is", "that's", "thats", "right", "correct", "exactly",
          "please", "him", "this",
        ]
        let sayYes =
          spoken.contains { Self.yesNo($0) == .yes }
          && spoken.allSatisfy {
            Self.yesNo($0) == .yes || named.contains($0) || pointing.contains($0)
          }
        guard let yn = yn ?? (sayYes ? .yes : nil) else { return notAnAnswer() }
        dialogue.apply(.answered)
        if yn == .no {
          say("OK — say it another way, or /help for examples.")
          return true
        }
        plan(q.intents, line: original)
        return true
      }

    case .budgetOverride(let run, let decision, let limit):
      let t = line.lowercased().trimmingCharacters(in: .whitespaces)
      if t == "override" {
        dialogue.apply(.answered)
        overrideBudget(decision, limit: limit, by: "typed override")
        proceed(run, overriddenBy: "typed override")
        return true
      }
      guard Self.yesNo(line) != nil else { return notAnAnswer() }
      dialogue.apply(.answered)
      say(yn == .no ? Messages.cancelled : Messages.overrideNeedsWord)
      return true

    case .undo(let objective, let steps, let overriddenBy):
      guard let yn else { return notAnAnswer() }
      dialogue.apply(.answered)
      record(
        .approval,
        [("undo", .string(objective.id)), ("answer", .string(yn == .no ? "no" : "yes"))])
      if yn == .no {
        // After Ctrl-C the objective is still in progress: say what stays and what is left.
        say(objective.status == .inProgress ? Messages.undoDeclined(objective) : Messages.cancelled)
        return true
      }
      runUndo(objective, steps, overriddenBy: overriddenBy)
      return true

    case .overwrite(let save):
      guard let yn else { return notAnAnswer() }
      answerOverwrite(save, yn)
      return true
    }
  }

  private func notAnAnswer() -> Bool {
    dropPending()
    return false
  }
}
