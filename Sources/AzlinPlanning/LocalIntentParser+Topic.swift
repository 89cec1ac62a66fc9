import AzlinAzure
import Foundation

extension LocalIntentParser {
  /// "remove it from lee", "take that off web2", "cancel it for sam": a removal whose "it" is
  /// taken *from* a VM cannot be the VM itself — in English, what is removed from something
  /// is a thing it has. That thing is the feature just talked about: an auto-shutdown schedule
  /// just set is cleared on the VMs named. Any other topic (or none) is asked about, never read
  /// as deleting VMs.
  /// - Returns: nil when the line has no such removal.
  func removalFromTopic(_ words: [String], context: ConversationContext, live: LiveState)
    -> ParseResult?
  {
    let w = words.map { $0.lowercased() }
    let removing: Set<String> = [
      "remove", "delete", "drop", "cancel", "clear", "disable", "take", "kill", "undo",
    ]
    guard
      let v = w.indices.first(where: { i in
        removing.contains(w[i]) && i + 2 < w.count && ["it", "that", "this"].contains(w[i + 1])
          && ["from", "for", "on", "off"].contains(w[i + 2])
      })
    else { return nil }
    var at = v + 3
    if w[v + 2] == "off", at < w.count, ["of", "from"].contains(w[at]) { at += 1 }
    var names: [String] = []
    while at < w.count {
      if let vm = live.vms(named: w[at]).first {
        names.append(vm.name)
      } else if !["and", ",", "the", "vm", "vms", "too", "also", "."].contains(w[at]) {
        break
      }
      at += 1
    }
    let said = "\(words[v]) \(words[v + 1]) \(words[v + 2])"
    guard !names.isEmpty else { return .notUnderstood(.unresolvedReference(said)) }
    switch context.lastKind {
    case .setAutoShutdown?, .showAutoShutdown?:
      var p = IntentParameters()
      p.names = names
      return .intents([
        Intent(
          kind: .clearAutoShutdown, parameters: p,
          explanation: "turn off auto-shutdown on " + names.joined(separator: ", "))
      ])
    default:
      return .notUnderstood(.unresolvedReference(said))
    }
  }
}

extension LocalIntentParser {
  /// "create a vm in the first", "put it in the last one": a place said by position only.
  /// Where something goes is a group or region, and a position among them is not known here —
  /// asked, never the default group.
  /// - Returns: The phrase ("the first"), or nil when no place is said by position.
  static func placeByPosition(_ lower: [String]) -> String? {
    let positions: Set<String> = [
      "first", "second", "third", "fourth", "last", "other", "previous", "1st", "2nd", "3rd",
    ]
    for i in lower.indices where ["in", "into", "inside", "under"].contains(lower[i]) {
      var j = i + 1
      guard j < lower.count, lower[j] == "the" else { continue }
      j += 1
      guard j < lower.count, positions.contains(lower[j]) else { continue }
      let next = j + 1 < lower.count ? lower[j + 1] : ""
      // "in the first group" is the same question; "in the last hour" is time, not a place.
      guard ["", "one", ",", ".", "group", "rg", "and", "then", "please"].contains(next) else {
        continue
      }
      return "the " + lower[j]
    }
    return nil
  }
}

extension LocalIntentParser {
  /// "make one called tulip there" when the conversation holds no place: "there" points back at
  /// a region or group, and with none known the create is asked where, never put in the default
  /// region. "is there", "there is", "hi there" and "over there" are not places pointed at.
  static func placeUnknown(_ intents: [Intent], words: [String], context: ConversationContext)
    -> Bool
  {
    guard context.region == nil, context.resourceGroup == nil,
      intents.contains(where: {
        [.provisionVM, .createStorage, .createResourceGroup].contains($0.kind)
          && $0.parameters.region == nil && $0.parameters.resourceGroup == nil
      })
    else { return false }
    let w = words.map { $0.lowercased() }
    let notAPlace: Set<String> = [
      "is", "are", "was", "were", "hi", "hello", "hey", "over", "out", "thanks", "ok",
    ]
    return w.indices.contains { i in
      w[i] == "there" && (i == 0 || !notAPlace.contains(w[i - 1]))
        && (i + 1 == w.count || !["is", "are", "was", "were", "'s"].contains(w[i + 1]))
    }
  }
}

extension LocalIntentParser {
  /// "delete the vm k1, don't delete the disk": after a comma or "and", a negated verb starts a
  /// clause of its own — what is not wanted, beside what is — so the negation never swallows
  /// the request before it.
  static func startsNegatedVerb(_ words: [String], at k: Int) -> Bool {
    let w = words.map { $0.lowercased() }
    guard k < w.count else { return false }
    var j = k
    if ["don't", "dont", "never"].contains(w[j]) {
      j += 1
    } else if w[j] == "do", j + 1 < w.count, w[j + 1] == "not" {
      j += 2
    } else {
      return false
    }
    guard j < w.count else { return false }
    return verbWords[w[j]] != nil
  }
}

extension LocalIntentParser {
  /// The live VMs and groups a clause names, as they are spelled live.
  static func liveNames(in clause: [String], live: LiveState) -> [String] {
    clause.compactMap { word in
      live.vms(named: word).first?.name ?? live.group(named: word)?.name
    }
  }

  /// Keeps what a negated clause named ("don't stop web2") out of the line's changes over
  /// everything; a change that names it outright contradicts the line.
  /// - Returns: The intents, or nil when one change both names and refuses the same thing.
  static func keepingRefused(_ refused: [String], out intents: [Intent]) -> [Intent]? {
    guard !refused.isEmpty else { return intents }
    let kept = Set(refused.map { $0.lowercased() })
    var out = intents
    for i in out.indices where !out[i].kind.isReadOnly {
      let p = out[i].parameters
      if p.names.contains(where: { kept.contains($0.lowercased()) })
        || p.vm.map({ kept.contains($0.lowercased()) }) == true
      {
        return nil
      }
      if p.all || p.resourceGroup.map({ kept.contains($0.lowercased()) }) == true {
        out[i].parameters.excluded += refused
      }
    }
    return out
  }
}

extension LocalIntentParser {
  /// "and the other one" after a request about a storage account: the same request on the
  /// other account in play — the one left besides the account just named, in its group. When
  /// that is not exactly one, asked. "The other" refers to something that exists, so it is never
  /// read as making a new one.
  /// - Returns: nil when the line is not such a reference.
  func otherStorage(_ words: [String], context: ConversationContext, live: LiveState)
    -> ParseResult?
  {
    let w = words.map { $0.lowercased() }.filter {
      !["and", "now", "also", "too", ",", ".", "please", "ok", "then"].contains($0)
    }
    guard [["the", "other", "one"], ["the", "other"], ["other", "one"]].contains(w),
      let kind = context.lastKind, [.deleteStorage, .listStorage, .createStorage].contains(kind),
      let said = context.storage
    else { return nil }
    let group = live.storageAccounts(named: said).first?.resourceGroup ?? context.resourceGroup
    let others = live.storageAccounts.filter {
      $0.name.lowercased() != said.lowercased()
        && (group == nil || $0.resourceGroup.lowercased() == group!.lowercased())
    }
    guard kind == .deleteStorage, others.count == 1 else {
      return .notUnderstood(.unresolvedReference(words.joined(separator: " ")))
    }
    var p = IntentParameters()
    p.names = [others[0].name]
    return .intents([
      Intent(
        kind: .deleteStorage, parameters: p, explanation: "delete storage account \(others[0].name)"
      )
    ])
  }
}

extension LocalIntentParser {
  /// "and the other one", "the other" read as a create: "the other" points at one that exists
  /// ("another" is a new one), so a create it would make is asked about instead.
  /// - Returns: The phrase pointed with, or nil.
  static func pointsAtAnExistingOne(_ intents: [Intent], words: [String]) -> String? {
    let w = words.map { $0.lowercased() }
    guard
      intents.contains(where: {
        [.provisionVM, .createStorage, .createResourceGroup, .attachDisk].contains($0.kind)
      }),
      let at = w.indices.first(where: { $0 + 1 < w.count && w[$0] == "the" && w[$0 + 1] == "other" }
      )
    else { return nil }
    return w[at..<min(w.count, at + 3)].joined(separator: " ")
  }
}

extension LocalIntentParser {
  /// "make it 8pm instead", "ok, 6pm every day", "22:30 CET then": right after a turn about
  /// VMs' auto-shutdown, a line that says only a time of day is the schedule's new time, on
  /// the same VMs. Anything more than the time and a few joining words is left to the grammar.
  /// - Returns: nil when the line is not such a time.
  func scheduleTime(_ words: [String], context: ConversationContext, live: LiveState)
    -> ParseResult?
  {
    guard let kind = context.lastKind, [.setAutoShutdown, .showAutoShutdown].contains(kind),
      !context.vms.isEmpty
    else { return nil }
    let joining: Set<String> = [
      "ok", "okay", ",", ".", "make", "it", "that", "instead", "then", "actually", "every", "day",
      "daily", "at", "please", "let's", "lets", "just", "set", "change", "to", "do", "how",
      "about", "and", "evening", "night", "tonight", "alright", "fine", "sure", "yes", "yeah",
    ]
    let w = words.map { $0.lowercased() }
    guard let (hour, minute, zoneIndex) = Self.timeOfDay(w) else { return nil }
    let rest = w.indices.filter { i in
      !joining.contains(w[i]) && i != zoneIndex && Self.timeOfDay([w[i]]) == nil
    }
    guard rest.isEmpty else { return nil }
    var p = IntentParameters()
    p.names = context.vms
    p.fromContext = context.vms.count == 1 ? "it" : "them"
    return Self.autoShutdown(p, hour: hour, minute: minute, zone: zoneIndex.map { words[$0] })
  }
}
