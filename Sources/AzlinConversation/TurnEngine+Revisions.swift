import AzlinAzure
import AzlinCore
import AzlinLedger
import AzlinPlanning
import Foundation

extension TurnEngine {
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
    /// True when it was refused for a name Azure would reject: a bare word next is the new name.
    var refusedName = false
    /// What it was refused for, when a short answer can fill that in: "count", "region",
    /// "size" or "disk size".
    var refused: String?
  }

  /// Whole lines that are words for a slash command: "undo that", "what did i just do", "bye".
  static let spokenPhrases: [String: String] = {
    let phrases: [(command: String, said: [String])] = [
      (
        "/undo",
        [
          "undo", "undo that", "undo it", "undo this", "undo the last thing", "undo last",
          "revert", "revert that", "revert it", "revert this", "roll back", "roll it back",
          "roll that back", "rollback", "rollback that", "take that back", "put it back",
          "put it back the way it was", "put things back", "put that back", "change it back",
          "undo that last change", "undo the last change", "revert the last change", "reverse that",
          "go back to what it was", "go back to what it was before", "scratch that last thing",
          "scratch the last thing", "go back to how it was", "back to how it was",
        ]
      ),
      (
        "/history",
        [
          "what did i just do", "what did i do", "what have i done", "what did i just run",
          "show my history", "show me my history", "show history", "show me the history", "history",
          "my history", "what happened", "what have i done so far", "what did we do",
          "what did i do today", "show me what i did", "show the history", "show the audit log",
          "audit log", "what ran",
        ]
      ),
      (
        "/plan",
        [
          "show me the plan", "show the plan", "show me the plan you ran", "what was the plan",
          "the plan", "show plan", "show the last plan",
          "show me the plan again", "show me what you ran", "what did you run", "show the commands",
          "show me the commands",
        ]
      ),
      (
        "/clear",
        [
          "forget the context", "forget that", "clear the context", "forget everything",
          "start over",
          "clear context", "forget it all",
        ]
      ),
      (
        "/quit",
        [
          "goodbye", "bye", "bye bye", "good bye", "see you", "see ya", "i'm done goodbye",
          "i'm done bye", "that's all", "thats all", "quit", "exit", "logout", "log out",
        ]
      ),
      (
        "/state",
        [
          "ls", "state", "what exists", "show state", "show me everything", "what do i have",
          "show me the current state", "show the current state", "current state",
          "show me the state",
          "what's there", "whats there",
        ]
      ),
      (
        "/help",
        [
          "help", "what can you do", "what can i say", "commands", "what can you do for me",
          "what do you do", "how does this work",
        ]
      ),
    ]
    var table: [String: String] = [:]
    for (command, said) in phrases {
      for phrase in said { table[phrase] = command }
    }
    return table
  }()

  /// Slash commands people say in words: "undo that", "what did I just do", "show my history".
  static func spokenCommand(_ line: String) -> String? {
    // "hmm that's pricey. put it back the way it was": the last sentence decides.
    let sentences = line.split(whereSeparator: { ".!?".contains($0) }).map {
      $0.trimmingCharacters(in: .whitespaces)
    }.filter { !$0.isEmpty }
    if sentences.count > 1, let last = sentences.last { return spokenCommand(sentence: last) }
    return spokenCommand(sentence: line)
  }

  private static func spokenCommand(sentence line: String) -> String? {
    var words = LocalIntentParser.tokens(of: line.lowercased()).filter {
      !["please", "pls", "can", "you", "could", "ok", "okay", "hmm", "so", "just", ",", "now"]
        .contains($0)
    }
    while let first = words.first,
      ["wait", "no", "oh", "actually", "nah", "ugh", "yeah"].contains(first)
    {
      words.removeFirst()
    }
    let text = words.joined(separator: " ")
    if let command = spokenPhrases[text] { return command }
    // "undo the last resize", "revert the storage delete": undo takes the most recent objective.
    if let first = words.first, ["undo", "revert"].contains(first), words.count <= 5 {
      return "/undo"
    }
    if text.hasPrefix("what did i do") || text.hasPrefix("what have i done")
      || text.hasPrefix("what did we do") || text.hasPrefix("what have we done")
      || ["hist", "h"].contains(text)
      || (words.contains("history") && words.count <= 5 && !LocalIntentParser.mentionsVerb(words))
    {
      return "/history"
    }
    // "i'm done, quit", "ok bye", "q": leaving.
    if text == "q"
      || (words.count <= 4 && ["quit", "exit", "bye", "goodbye"].contains(words.last ?? ""))
    {
      return "/quit"
    }
    // "forget our conversation", "start over, forget the context".
    if words.contains("forget"), words.count <= 6,
      words.contains(where: { ["conversation", "context", "everything", "chat"].contains($0) })
    {
      return "/clear"
    }
    // "show me my state", "show the last 5 things I did", "show only the failures",
    // "show me the plan you'd run", "ok show me the commands you know".
    if words.first == "show" || words.first == "list", words.count <= 9,
      !LocalIntentParser.mentionsVerb(Array(words.dropFirst()))
    {
      if words.contains("failures") || words.contains("failed") { return "/history --failed" }
      if words.contains("state") { return "/state" }
      if words.contains("plan") { return "/plan" }
      if words.contains("commands"), words.contains("you") || words.contains("know") {
        return "/help"
      }
      if words.contains(where: { ["did", "ran", "done", "happened"].contains($0) }),
        words.contains("i") || words.contains("we")
      {
        if let n = words.compactMap({ Int($0) }).first { return "/history \(n)" }
        return "/history"
      }
    }
    // "how do I use the budget command": help on that command.
    if text.hasPrefix("how do i use the "), words.last == "command", words.count == 7 {
      return "/help " + words[5]
    }
    if text.hasPrefix("what exists") || text.hasPrefix("what do i have") && words.count <= 6 {
      return "/state"
    }
    let said = line.lowercased()
    if words.count <= 6, said.contains("can you do") || said.contains("can you actually do") {
      return "/help"
    }
    // "give backend a 400 a month cap", "put a limit of 100 a month on the interns group".
    if words.contains(where: { ["cap", "limit", "budget"].contains($0) }),
      words.contains("month") || words.contains("monthly") || words.contains("day")
        || words.contains("daily"),
      let amount = words.compactMap({
        Decimal(string: $0.trimmingCharacters(in: CharacterSet(charactersIn: "$")))
      }).first,
      words.count <= 12, !words.contains("clear")
    {
      let period = words.contains("daily") || words.contains("day") ? "daily" : "monthly"
      if let at = words.lastIndex(where: { ["on", "for"].contains($0) }), at + 1 < words.count {
        let rest = words[(at + 1)...].filter { !["the", "group", "rg"].contains($0) }
        if rest.count == 1, let group = rest.first, period == "monthly" {
          return "/budget set group \(group) \(amount)"
        }
      }
      if period == "monthly", words.count > 1, words[0] == "give",
        !["a", "me", "it", "the", "us"].contains(words[1])
      {
        return "/budget set group \(words[1]) \(amount)"
      }
      return "/budget set \(period) \(amount)"
    }
    // "clear the daily limit", "remove the monthly budget".
    if words.contains(where: { ["clear", "remove", "drop"].contains($0) }),
      words.contains(where: { ["limit", "budget", "cap"].contains($0) }), words.count <= 6
    {
      let period = words.contains("daily") || words.contains("day") ? "daily" : "monthly"
      return "/budget clear \(period)"
    }
    if words.contains("objectives") && words.count <= 4 { return "/objectives" }
    // "set a monthly budget of 300", "raise the daily budget to 20".
    if words.contains("budget") || words.contains("limit"),
      words.contains(where: {
        ["set", "raise", "lower", "change", "make", "increase", "bump"].contains($0)
      }),
      let amount = words.compactMap({
        Decimal(string: $0.trimmingCharacters(in: CharacterSet(charactersIn: "$")))
      }).first,
      words.count <= 10
    {
      let period = words.contains("daily") || words.contains("day") ? "daily" : "monthly"
      return "/budget set \(period) \(amount)"
    }
    if words.contains("budget")
      && !words.contains(where: { ["set", "raise", "lower", "change", "to", "of"].contains($0) })
      && words.count <= 7
    {
      return "/budget"
    }
    if text.hasPrefix("put it back") && text.contains("way it was") {
      return "/undo"
    }
    // "revert that, the site got slow", "roll that back, it was fine": the first part decides.
    if let first = line.lowercased().split(separator: ",").first, line.contains(","),
      Self.spokenPhrases[
        LocalIntentParser.tokens(of: String(first)).filter {
          !["please", "ok", "okay", "hmm", "so", "just", "now"].contains($0)
        }.joined(separator: " ")] == "/undo"
    {
      return "/undo"
    }
    if text.hasPrefix("tell me about the "), let name = words.dropFirst(4).first,
      words.last == "command"
    {
      return "/help " + name
    }
    if words.contains("sessions") && words.count <= 5 { return "/sessions" }
    if text.hasPrefix("carry on from") || text.hasPrefix("pick up where")
      || text.hasPrefix("continue my last session")
      || text.hasPrefix("resume my last session") || text.hasPrefix("resume the last session")
    {
      return "/resume-session"
    }
    if words.contains("strategy") && words.count <= 8 { return "/strategy" }
    if words.first == "save", words.contains("session"), let file = words.last, file.contains(".") {
      return "/save " + file
    }
    if words.contains("failed"),
      words.contains(where: { ["commands", "steps", "history", "things"].contains($0) }),
      words.count <= 7
    {
      return "/history --failed"
    }
    if text.hasPrefix("what were the last"), let n = words.compactMap({ Int($0) }).first {
      return "/history \(n)"
    }
    return nil
  }

  /// True for words that acknowledge rather than approve: "ok", "okay", "sure", "cool".
  static func acknowledges(_ line: String) -> Bool {
    let t = line.lowercased().trimmingCharacters(in: .punctuationCharacters.union(.whitespaces))
    return ["ok", "okay", "sure", "k", "cool", "go"].contains(t)
  }

  /// Words that say "go on" to a previewed or refused request.
  static func goAhead(_ line: String) -> Bool {
    let t = line.lowercased().trimmingCharacters(in: .punctuationCharacters.union(.whitespaces))
      .replacingOccurrences(of: ",", with: "")
    if ["yes please", "go on", "ok try again", "try again now"].contains(t) { return true }
    // "yeah do it", "ok then, go ahead now": assent and filler around one of the phrases.
    var words = t.split(separator: " ").map(String.init)
    let assent: Set<String> = [
      "ok", "okay", "yes", "yeah", "yep", "yup", "sure", "alright", "right", "fine", "then", "so",
      "well", "cool", "great", "now", "please", "just",
    ]
    while let first = words.first, assent.contains(first) { words.removeFirst() }
    while let last = words.last, assent.contains(last) { words.removeLast() }
    return [
      "do it", "go ahead", "run it", "do that", "go for it", "proceed", "make it so", "let's do it",
      "lets do it",
    ].contains(words.joined(separator: " "))
  }

  /// Handles a revision, a retry or "do the same for …" of the last request.
  /// - Returns: false when `line` is none of these.
  func reviseOrRepeat(_ line: String) -> Bool {
    let words = LocalIntentParser.tokens(of: line)
    let lower = words.map { $0.lowercased() }
    if let n = LocalIntentParser.correctionPrefix(lower), n < lower.count || lower == ["no"] {
      let rest = words.dropFirst(n).joined(separator: " ")
      guard let last = dialogue.lastRequest else {
        request(rest)
        return true
      }
      switch parser.revision(rest, context: conversation, live: live) {
      case .failure:
        // "wait, is it running?": not a revision — the rest is a request of its own.
        request(rest)
        return true
      case .success(let r):
        if let replacement = r.replacement {
          plan(recorded(replacement), line: line)
        } else if r.changesKind(of: last.intents.last?.kind) {
          // "give it a 64 GB disk" — "actually, make that 3 vms": not a change of the disk.
          fail(Messages.revisionChangesKind)
        } else if r.isEmpty {
          // "wait, is it running?": nothing to revise — the rest is a request of its own.
          request(rest)
        } else {
          revise(last, with: r.parameters, line: line)
        }
      }
      return true
    }
    guard let last = dialogue.lastRequest else { return false }
    // "and in west europe?", "what about d4s v5 there", "and the same in eastus?", "sorry,
    // southafricanorth": the last request again with what changed.
    let follow: [[String]] = [
      ["what", "about"], ["how", "about"], ["and", "the", "same"], ["same", "but"], ["and"],
      ["sorry"],
    ]
    if let f = follow.first(where: { lower.count > $0.count && Array(lower.prefix($0.count)) == $0 }
    ),
      !LocalIntentParser.mentionsVerb(lower),
      !lower.contains(where: {
        [
          "disk", "disks", "storage", "vm", "vms", "group", "rg", "other", "first", "second",
          "third",
          "last", "rest", "both", "others", "one", "ones", "it", "them",
          // "and a pair of D2s v3 too", "and 2 more": more things, not the last request again.
          "a", "an", "another", "more", "extra", "pair", "couple",
        ].contains($0) || Int($0) != nil
      })
    {
      let rest = words.dropFirst(f.count).joined(separator: " ")
      if case .success(let r) = parser.revision(rest, context: conversation, live: live),
        r.replacement == nil, !r.isEmpty, r.parameters.names.isEmpty
      {
        revise(last, with: r.parameters, line: line)
        return true
      }
    }
    // "webserver then", "mylogs2024": a new name after one Azure would reject.
    let around: Set<String> = [
      "then", "instead", "please", "ok", "okay", "use", "try", ",", "fine", "just", "call", "it",
      "name", "sure", "alright", "how", "about", "go", "with",
    ]
    if last.refusedName, !last.executed, lower.count <= 4,
      let name = words.first(where: { !around.contains($0.lowercased()) }),
      lower.filter({ !around.contains($0) }).count == 1,
      LocalIntentParser.tokens(of: name).count == 1
    {
      var delta = IntentParameters()
      delta.names = [name]
      plan(recorded(LocalIntentParser.apply(delta, to: last.intents)), line: line)
      return true
    }
    // "64", "north europe is fine", "just eastus", "ok 2 then", "dev-us": what the refused
    // request lacked, said among a few polite words.
    let said = words.filter { !Self.answerFiller.contains($0.lowercased()) }
    if let wanted = last.refused, !last.executed, lower.count <= 6, !said.isEmpty,
      !LocalIntentParser.mentionsVerb(lower)
    {
      // Only what was refused is taken from the answer, and a number only as digits.
      var delta = IntentParameters()
      let digits = lower.contains { Int($0) != nil }
      if case .success(let r) = parser.revision(
        said.joined(separator: " "), context: conversation, live: live),
        r.replacement == nil, !r.isEmpty
      {
        switch wanted {
        case "count" where digits: delta.count = r.parameters.count
        case "region": delta.region = r.parameters.region
        case "size": delta.size = r.parameters.size
        case "disk size" where digits:
          // "100 gigs standard hdd": the tier said with the size is the disk's too.
          delta.sizeGB = r.parameters.sizeGB ?? r.parameters.count
          delta.sku = r.parameters.sku
        default: break
        }
      }
      // "dev-us", "sorry, web2", "mydatastore": the one name the refusal asked for.
      if delta == IntentParameters(), said.count == 1 {
        let word = said[0]
        switch wanted {
        case "group name": if let g = live.group(named: word) { delta.names = [g.name] }
        case "vm name":
          if live.vms(named: word).count == 1 { delta.names = [live.vms(named: word)[0].name] }
        case "new name":
          if LocalIntentParser.looksLikeName(word) { delta.names = [word] }
        default: break
        }
      }
      if delta != IntentParameters() {
        revise(last, with: delta, line: line)
        return true
      }
    }
    // "try that again", "again", "try that again with frontend1".
    let spoken = Array(
      lower.drop(while: { ["sorry", "ok", "okay", ",", "please", "hmm", "oh"].contains($0) }))
    let typed = Array(words.suffix(spoken.count))
    let retry: [[String]] = [
      ["try", "that", "again"], ["try", "again"], ["again"], ["retry"], ["do", "it", "again"],
      ["same", "again"], ["one", "more", "time"], ["do", "that", "again"], ["try", "it", "again"],
    ]
    for r in retry where spoken.count >= r.count && Array(spoken.prefix(r.count)) == r {
      let rest = typed.dropFirst(r.count)
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
    // "do it again for proxy2", "same again for bob".
    if let i = lower.firstIndex(where: { $0 == "same" || $0 == "again" }),
      lower.dropFirst(i).contains("for")
    {
      target = Array(words.drop(while: { $0.lowercased() != "for" }).dropFirst())
    } else if lower.count <= 4,
      ["too", "also", "as well"].contains(where: { lower.last == $0 })
        || (lower.count >= 3 && lower.suffix(2) == ["as", "well"])
    {
      target = words.filter {
        !["and", "too", "also", "as", "well", "for", "now", "ok", ","].contains($0.lowercased())
      }
    }
    guard let target else { return false }
    // "do the same for green-rg": the same request in another group.
    if target.count == 1, let g = live.group(shortName: target[0]) {
      let again = last.intents.map { intent -> Intent in
        var i = intent
        i.parameters.resourceGroup = g.name
        i.parameters.names = []
        if !i.kind.isReadOnly && i.kind != .provisionVM { i.parameters.all = true }
        return i
      }
      plan(recorded(again), line: line)
      return true
    }
    let names = target.compactMap { w in live.vms(named: w).first?.name }
    guard !names.isEmpty,
      names.count == target.filter({ $0 != "," && $0.lowercased() != "and" }).count,
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
    // "make that 4" after naming three: which name the fourth gets is not said.
    if let want = delta.count, delta.names.isEmpty, !last.executed,
      let named = last.intents.last?.parameters.names, !named.isEmpty, named.count != want
    {
      dialogue.apply(.failed)
      say(Messages.countAgainstNames(want, named: named))
      return
    }
    var intents = LocalIntentParser.apply(delta, to: last.intents)
    if last.executed, let made = intents.last, made.kind == .provisionVM {
      let created = last.created
      if let want = delta.count, delta.names.isEmpty, delta.region == nil, delta.size == nil,
        delta.image == nil
      {
        // "make that 3 vms" after 2 were made: one more. "a dozen more": twelve more.
        let additive = line.lowercased().split(separator: " ").contains {
          ["more", "another", "extra", "additional"].contains($0)
        }
        let more = additive ? want : want - created.count
        guard more > 0 else {
          say(Messages.alreadyHave(created))
          return
        }
        intents[intents.count - 1].parameters.count = more
        intents[intents.count - 1].parameters.names = []
        plan(recorded(intents), line: line)
        return
      }
      if delta.size != nil || delta.sizeChange != nil, delta.names.isEmpty, delta.region == nil,
        delta.image == nil, !created.isEmpty
      {
        var resize = Intent(
          kind: .resizeVM, explanation: "resize " + created.joined(separator: ", "))
        resize.parameters.names = created
        resize.parameters.size = delta.size
        resize.parameters.sizeChange = delta.size == nil ? delta.sizeChange : nil
        say(
          Messages.revisedAsChange(created, size: delta.size ?? "a \(delta.sizeChange ?? "") size"))
        plan(recorded([resize]), line: line)
        return
      }
      dialogue.apply(.failed)
      say(Messages.cannotReviseCreated(created))
      return
    }
    plan(recorded(intents), line: line)
  }

  /// Records intents reached without the parser (revisions, retries) as the turn's understanding.
  func recorded(_ intents: [Intent]) -> [Intent] {
    record(.intent, [("intents", .array(intents.map(\.json)))])
    dialogue.lastRequest = LastRequest(line: dialogue.lastRequest?.line ?? "", intents: intents)
    return intents
  }

  /// What a short answer may fill in after `problem`: nil when an answer cannot mend it.
  static func refusalKind(_ problem: PlanProblem) -> String? {
    switch problem {
    case .tooMany: return "count"
    case .unknownRegion: return "region"
    case .unknownSize, .sizeNotOffered: return "size"
    case .badDiskSize: return "disk size"
    case .nothingNamed("resource group"): return "group name"
    case .nothingNamed("size"): return "size"
    case .nothingNamed("disk size"): return "disk size"
    case .nothingNamed("storage account"): return "new name"
    case .vmNotFound: return "vm name"
    default: return nil
    }
  }

  /// Words around a short answer that say nothing of their own: "ok, 2 then", "just eastus",
  /// "north europe is fine", "sorry, web2".
  static let answerFiller: Set<String> = [
    "ok", "okay", "then", "just", "fine", "is", "sorry", "please", "yes", "yeah", "sure", ",",
    "oh", "i", "meant", "mean", "use", "try", "instead", "alright", "works", "good", "that's",
    "thats", "ok,", "go", "with", "let's", "lets", "do", "how", "about", "hmm", "well", "no",
  ]
}
