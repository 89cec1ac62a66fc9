import AzlinAzure
import Foundation

extension LocalIntentParser {
  /// Kinds that change a VM's power or remove it, and take no size, image or disk.
  static let takesNoSize: Set<IntentKind> = [
    .startVM, .stopVM, .deallocateVM, .restartVM, .deleteVM, .deleteResourceGroup,
  ]

  /// Words that make a request wait on a condition ("delete web1 if it's stopped", "stop it
  /// once the job ends", "restart it unless it's busy"): the operations have no conditions, so
  /// such a change is refused, never done whatever the condition.
  static let conditionWords: Set<String> = ["if", "unless", "once", "when", "whenever", "until"]

  /// The words of a condition on a change, from the condition word on; nil when there is none.
  /// "if you can", "if possible", "if that's ok": politeness, not a condition; "stop every vm
  /// if it's running": the power-state filter, honoured over the set it chooses from.
  static func condition(in c: ClauseScan, of intent: Intent, live: LiveState) -> [String]? {
    for (i, w) in c.lower.enumerated() where i > 0 && !c.used.contains(i) {
      guard Self.conditionWords.contains(w) else { continue }
      let next = i + 1 < c.lower.count ? c.lower[i + 1] : ""
      if w == "if",
        ["you", "u", "possible", "poss", "that's", "thats", "ok", "okay", "needed", "necessary"]
          .contains(next)
      {
        continue
      }
      // "when you can", "once you get a chance", "whenever you're free": politeness too.
      if ["when", "once", "whenever"].contains(w), ["you", "you're", "youre", "u"].contains(next) {
        continue
      }
      // "when" after a question word is part of the question ("what happens when …").
      if w == "when", ["what", "happens", "how"].contains(c.lower[i - 1]) { continue }
      // "deallocate them if they're running": a power state the filter read is honoured.
      let end = c.lower[(i + 1)...].firstIndex(where: { [",", "."].contains($0) }) ?? c.lower.count
      let pointing: Set<String> = [
        "it", "it's", "its", "they", "they're", "theyre", "them", "that", "that's", "thats", "is",
        "are", "was", "were", "still", "already", "the", "those", "these", "one", "ones",
      ]
      let read = (i + 1..<end).allSatisfy { c.used.contains($0) || pointing.contains(c.lower[$0]) }
      // Over a set, the filter chooses; named VMs go ahead only when each is in that state now
      // ("stop web1 if it's running" while it runs) — otherwise the condition is refused.
      let p = intent.parameters
      if read, (i + 1..<end).contains(where: c.used.contains) {
        guard let state = p.powerState, !p.names.isEmpty else { continue }
        let vms = p.names.map { live.vms(named: $0) }
        if vms.allSatisfy({ $0.count == 1 && CommandPlanner.vm($0[0], isIn: state) }) { continue }
      }
      return Array(c.words[i...].prefix(4))
    }
    return nil
  }

  /// True when the clause says more than the operation read from it takes: a size or image
  /// beside a power change or a delete ("restart web1 and make it bigger"), or a second verb
  /// after the one read ("stop sam and then resize it" read as one clause). The reading is
  /// then confirmed before it is planned, so what it left out is seen.
  static func leavesOutPart(_ intent: Intent, of c: ClauseScan) -> Bool {
    let p = intent.parameters
    if takesNoSize.contains(intent.kind),
      p.size != nil || p.sizeChange != nil || p.looseSize != nil || p.image != nil
        || p.sizeGB != nil
    {
      return true
    }
    guard
      let read = c.lower.indices.first(where: { i in
        c.used.contains(i)
          && (verbWords[c.lower[i]] != nil
            || ClauseScan.stems(of: c.lower[i]).contains { verbWords[$0] != nil })
      })
    else { return false }
    // A verb word after the verb read, after a joining word: a second request.
    var joined = false
    for i in c.lower.indices where i > read {
      let w = c.lower[i]
      if ["and", "also", "then", ",", "plus"].contains(w) { joined = true }
      guard joined, !c.used.contains(i), let v = verbWords[w], !costWords.contains(w) else {
        continue
      }
      if v == verb(of: intent.kind) { continue }
      return true
    }
    return false
  }

  /// The thing a change is really about when it is a part of a VM: "cycle the keys on web1",
  /// "restart the service on api", "delete the logs from db". A word after "the" (or "its",
  /// "my") that no stage read, before "on", "of", "in" or "from" and a VM's name, is the
  /// object — not the VM — so the change is refused by that word, never applied to the VM.
  static func partOfAVM(_ intent: Intent, in c: ClauseScan) -> String? {
    let kinds: Set<IntentKind> = [
      .startVM, .stopVM, .deallocateVM, .restartVM, .deleteVM, .resizeVM,
    ]
    guard kinds.contains(intent.kind), !intent.parameters.names.isEmpty else { return nil }
    let determiners: Set<String> = ["the", "its", "my", "his", "her", "their", "our", "your"]
    for i in c.lower.indices where i > 0 && i + 2 < c.lower.count {
      let w = c.lower[i]
      guard determiners.contains(c.lower[i - 1]), !c.used.contains(i),
        ["on", "of", "in", "from", "inside", "for"].contains(c.lower[i + 1]),
        c.used.contains(i + 2),
        !singularPronouns.contains(w), !pluralPronouns.contains(w), !allWords.contains(w),
        !vmNouns.contains(w), !fillerWords.contains(w), !stopWords.contains(w) || w == "rest",
        w.contains(where: \.isLetter)
      else { continue }
      return c.words[i]
    }
    return nil
  }
}
