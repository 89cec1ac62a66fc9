import AzlinAzure
import Foundation

extension ClauseScan {
  /// Every word any stage of the grammar knows, claimed or not.
  static let vocabulary: Set<String> = {
    typealias P = LocalIntentParser
    var all = P.stopWords.union(P.fillerWords).union(P.vmNouns).union(P.groupNouns)
      .union(P.storageNouns).union(P.diskNouns).union(P.allWords).union(P.singularPronouns)
      .union(P.pluralPronouns).union(P.negations).union(P.questionWords).union(P.costWords)
      .union(P.biggerWords).union(P.smallerWords).union(P.secretWords).union(P.purposeWords)
    all.formUnion(P.verbWords.keys)
    all.formUnion(P.numberWords.keys)
    all.formUnion(P.sizeWords.keys)
    all.formUnion(P.imageWords.keys)
    all.formUnion(P.skuWords.keys)
    all.formUnion(P.verbPhrases.flatMap { $0.phrase.compactMap { $0 } })
    all.formUnion([
      ",", ".", ";", "?", "!", "-", "account", "accounts", "data", "os", "managed", "standard",
      "ssd", "hdd", "disk", "region", "location", "zone", "ones", "called", "named", "size",
      "vcpu", "vcpus", "core", "cores", "gb", "gib", "memory", "ram", "cpu", "cpus", "sku",
      "image", "os", "version", "v", "each", "per", "apiece", "every", "whichever", "whatever",
      "current", "currently", "anymore", "left", "exist", "exists", "existing", "there", "up",
      "down", "back", "over", "around", "out", "into", "onto", "from", "under", "inside", "across",
      "both", "extra", "additional", "another", "again", "same", "similar", "like",
      "identical", "matching", "match", "one", "two", "too", "plus", "times", "x", "more", "ssh",
      "keys", "rest", "remaining", "else", "latest", "newest", "previous", "oldest", "first",
      "second", "third", "fourth", "fifth", "last", "fresh", "space", "optimized", "optimised",
      "fits", "fit", "safe", "plain", "rate", "run-rate",
    ])
    return all
  }()

  /// Words that are not names even right after a resource noun ("a linux vm instead").
  static let neverNames: Set<String> = [
    "instead", "too", "then", "now", "again", "please", "also", "anyway", "though", "tho",
    "later", "today", "tomorrow", "tonight", "right", "quickly", "asap", "here", "there", "only",
    "already", "yet", "still", "either", "as", "well", "or", "but", "running", "stopped",
    "deallocated", "first", "last", "next", "please?", "thanks", "ok", "okay",
  ]

  /// Nouns after which the next word is a name ("vm sam", "rg demo", "account logs").
  static let resourceNouns: Set<String> = LocalIntentParser.vmNouns.union(
    LocalIntentParser.groupNouns
  )
  .union(["account", "disk", "group"])

  /// The words no stage claimed and no vocabulary knows: what azlin did not understand.
  /// - Parameter known: Words that name something that exists (parts of live names count).
  func unknownWords(known: Set<String> = []) -> [String] {
    let remarks = remarkIndices()
    return lower.indices.filter { i in
      let w = lower[i]
      guard !used.contains(i), !remarks.contains(i), !Self.vocabulary.contains(w),
        !known.contains(w)
      else {
        return false
      }
      let bare = w.hasSuffix("'s") ? String(w.dropLast(2)) : w
      if Self.vocabulary.contains(bare) { return false }
      // Inflections of known verbs ("stopping", "deleted") are understood.
      if Self.stems(of: w).contains(where: { LocalIntentParser.verbWords[$0] != nil }) {
        return false
      }
      return w.contains(where: { $0.isLetter || $0.isNumber })
    }.map { words[$0] }
  }

  /// The words of remarks beside the request that no vocabulary knows ("class" and "over" in
  /// "stop it now, class is over"): passed over, so not understood either.
  func remarkWords(known: Set<String> = []) -> [String] {
    remarkIndices().sorted().filter { i in
      let w = lower[i]
      return !Self.vocabulary.contains(w) && !known.contains(w)
        && !Self.stems(of: w).contains(where: { LocalIntentParser.verbWords[$0] != nil })
        && w.contains(where: { $0.isLetter || $0.isNumber })
    }.map { words[$0] }
  }

  /// The words of remarks beside the request: "stop it now, class is over", "delete it i
  /// messed up", "restart it, I broke the kernel module". A remark comes after the verb,
  /// starts at a comma, a speaker ("i", "we") or a reason ("because"), runs to the next comma,
  /// claims nothing, and holds no condition ("unless", "if", "only", "but") that could change
  /// the request.
  func remarkIndices() -> Set<Int> {
    guard let firstUsed = used.min() else { return [] }
    let starters: Set<String> = [
      "i", "i'm", "im", "we", "we're", "it's", "its", "they", "that's", "because", "since",
      "cause", "coz", "cuz", "as",
    ]
    let conditions: Set<String> = [
      "unless", "if", "only", "when", "until", "before", "after", "but", "except", "not", "don't",
      "dont", "keep", "leave", "instead", "without",
    ]
    var result: Set<Int> = []
    var i = firstUsed + 1
    while i < lower.count {
      guard lower[i] == "," || (starters.contains(lower[i]) && !used.contains(i)) else {
        i += 1
        continue
      }
      var end = i + 1
      while end < lower.count, lower[end] != "," { end += 1 }
      let span = i..<end
      // ", curatedevents": one word set off alone that no vocabulary knows is not a remark —
      // it may be a name, and is asked about.
      let content = span.filter { lower[$0] != "," }
      let lone = content.count == 1 && !Self.vocabulary.contains(lower[content[0]])
      if !lone, !span.contains(where: { used.contains($0) || conditions.contains(lower[$0]) }) {
        result.formUnion(span)
      }
      i = end == i ? i + 1 : end
    }
    return result
  }

  /// Names listed after a colon ("for my team: alice, bob and carol"), or one name set off by
  /// a comma at the end of the clause ("another storage account then, curatedevents"): words no
  /// vocabulary knows, shaped like names, as many as `count` when a count was said.
  /// - Returns: The names, claimed; nil when the clause has no such list.
  mutating func claimAppositiveNames(count: Int?) -> [String]? {
    let start: Int
    if let colon = lower.lastIndex(of: ":") {
      start = colon + 1
    } else if lower.count >= 3, lower[lower.count - 2] == "," {
      start = lower.count - 1
    } else {
      return nil
    }
    guard start < lower.count else { return nil }
    var names: [String] = []
    for i in start..<lower.count {
      let l = lower[i]
      if [",", "and", "&"].contains(l) { continue }
      guard !used.contains(i), !Self.vocabulary.contains(l), LocalIntentParser.looksLikeName(l),
        LocalIntentParser.verbWords[l] == nil
      else { return nil }
      names.append(words[i])
    }
    guard !names.isEmpty, count == nil || count == names.count else { return nil }
    for i in start..<lower.count { used.insert(i) }
    if start > 0, lower[start - 1] == ":" { used.insert(start - 1) }
    return names
  }

  /// True when a negation governs the clause's verb: "don't delete sam", "please do not stop
  /// it", "never restart db". A negation elsewhere ("isn't running") is a filter, not this.
  func negatesVerb() -> Bool {
    for (i, w) in lower.enumerated() where !used.contains(i) {
      var j: Int
      switch w {
      case "don't", "dont", "never", "do't", "mustn't", "shouldn't", "cannot", "can't":
        j = i + 1
      case "do" where i + 1 < lower.count && lower[i + 1] == "not": j = i + 2
      case "not" where i == 0: j = i + 1
      default: continue
      }
      // "don't you", "please don't", "don't ever": up to two words before the verb.
      var k = j
      while k < min(lower.count, j + 3) {
        let v = lower[k]
        if LocalIntentParser.verbWords[v] != nil
          || LocalIntentParser.verbPhrases.contains(where: { $0.phrase.first == v })
          || ["touch", "run", "change", "do"].contains(v)
        {
          return true
        }
        k += 1
      }
    }
    return false
  }

  /// A count that cannot be one: "0 vms", "-2 vms", "2.5 vms", "zero". Returns it as typed.
  mutating func claimBadCount() -> String? {
    for (i, w) in lower.enumerated() where !used.contains(i) {
      // "ubuntu 24.04", "debian 12": a version, not a count.
      if i > 0, LocalIntentParser.imageWords[lower[i - 1]] != nil { continue }
      let next = i + 1 < lower.count ? lower[i + 1] : ""
      let countsThings =
        LocalIntentParser.vmNouns.contains(next) || LocalIntentParser.storageNouns.contains(next)
        || LocalIntentParser.diskNouns.contains(next)
        || ["more", "of", "new", "extra"].contains(next)
        || i + 1 == lower.count
      if w == "zero" || w == "0" || w == "none", countsThings, next != "" || w != "none" {
        return w
      }
      if let d = Double(w), countsThings, d < 0 || d != d.rounded() || w.contains("e") {
        return w
      }
      // "1e6 vms", "10k vms": a number azlin will not read as a count.
      if countsThings, w.first?.isNumber == true, let last = w.last, "km".contains(last),
        Int(w.dropLast()) != nil
      {
        return w
      }
      // "make some vms", "a few servers": how many is not said.
      if ["some", "few", "several", "bunch", "couple"].contains(w), countsThings || next == "vms",
        i + 1 < lower.count, LocalIntentParser.vmNouns.contains(lower[i + 1]) || next == "of"
      {
        if w == "couple" { continue }
        return w
      }
    }
    return nil
  }

  /// Names in a naming position: right after a resource noun ("vm sam", "rg demo", "storage
  /// account logs"), or — for verbs other than create — right after the verb ("stop sam",
  /// "shut sam down"); more names may follow in a list ("web1 web2", "web1 and web2").
  ///
  /// A word anywhere else is never a name: "make me a sandwich" names nothing.
  mutating func claimNamesInObjectPosition(creating: Bool) -> [String] {
    var names: [String] = []
    var anchored = false
    for (i, w) in words.enumerated() {
      let l = lower[i]
      if used.contains(i) {
        let anchor =
          LocalIntentParser.vmNouns.contains(l) || LocalIntentParser.groupNouns.contains(l)
          || LocalIntentParser.storageNouns.contains(l) || LocalIntentParser.diskNouns.contains(l)
          || ["account", "accounts", "group"].contains(l)
          || (!creating
            && (LocalIntentParser.verbWords[l] != nil
              || LocalIntentParser.verbPhrases.contains { $0.phrase.contains(l) }))
        anchored = anchor || (anchored && !names.isEmpty && (l == "and" || l == ","))
        continue
      }
      if ["and", ",", "&"].contains(l), !names.isEmpty {
        used.insert(i)
        continue
      }
      // "web-01 through web-04".
      if ["through", "thru", "to", ".."].contains(l), let first = names.last, i + 1 < words.count,
        let range = Self.numberedRange(from: first, to: words[i + 1])
      {
        names += range.dropFirst()
        used.insert(i)
        used.insert(i + 1)
        continue
      }
      if i > 0, lower[i - 1] == "through" || lower[i - 1] == "thru", used.contains(i) { continue }
      // Terse: "vm new box1", "sa rm stlogs01", "vm stop x": a verb (or "new") right after a
      // resource noun keeps the naming position for the word after it.
      let terse =
        i >= 2 && Self.resourceNouns.union(LocalIntentParser.storageNouns).contains(lower[i - 2])
        && (LocalIntentParser.verbWords[lower[i - 1]] != nil || lower[i - 1] == "new")
      if l == "new", names.isEmpty, i > 0,
        Self.resourceNouns.union(LocalIntentParser.storageNouns).contains(lower[i - 1])
      {
        anchored = true
        continue
      }
      // Right after a create verb, only an identifier-like word is a name ("create web1"),
      // never an English word ("make me a sandwich").
      let afterCreateVerb =
        creating && i > 0 && used.contains(i - 1)
        && LocalIntentParser.verbWords[lower[i - 1]] != nil
        && (l.contains(where: \.isNumber) || l.contains("-")) && !Self.vocabulary.contains(l)
      if afterCreateVerb { anchored = true }
      guard anchored, !LocalIntentParser.stopWords.contains(l), LocalIntentParser.looksLikeName(w),
        !Self.vocabulary.contains(l) || (i > 0 && Self.resourceNouns.contains(lower[i - 1]))
          || terse,
        !Self.neverNames.contains(l), !LocalIntentParser.singularPronouns.contains(l),
        !LocalIntentParser.pluralPronouns.contains(l),
        LocalIntentParser.verbWords[l] == nil, !LocalIntentParser.vmNouns.contains(l),
        !LocalIntentParser.groupNouns.contains(l), LocalIntentParser.numberWords[l] == nil,
        !LocalIntentParser.allWords.contains(l), !LocalIntentParser.costWords.contains(l),
        !LocalIntentParser.fillerWords.contains(l)
          || (i > 0 && Self.resourceNouns.contains(lower[i - 1])) || terse,
        !l.hasPrefix("-"), !l.contains("=")
      else {
        anchored = false
        continue
      }
      names.append(w)
      used.insert(i)
    }
    return names
  }
}

extension ClauseScan {
  /// Live storage accounts and disks the clause names: "delete archivelogs01", "detach db1-logs".
  mutating func claimLiveStorageOrDisk(live: LiveState, object: LocalIntentParser.Object)
    -> (names: [String], kind: LocalIntentParser.Object)
  {
    var names: [String] = []
    var kind = object
    for (i, w) in lower.enumerated() where !used.contains(i) {
      if object != .disk, let s = live.storageAccounts.first(where: { $0.name.lowercased() == w }) {
        names.append(s.name)
        kind = .storage
        used.insert(i)
      } else if object != .storage, let d = live.disks.first(where: { $0.name.lowercased() == w }) {
        names.append(d.name)
        kind = .disk
        used.insert(i)
      } else if object == .disk, i > 0, lower[i - 1] == "the", w.count >= 3,
        i + 1 < lower.count, LocalIntentParser.diskNouns.contains(lower[i + 1])
      {
        // "the spare disk": the one disk whose name has that part.
        let fits = live.disks.filter {
          $0.name.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).contains {
            String($0) == w
          }
        }
        if fits.count == 1 {
          names.append(fits[0].name)
          used.insert(i)
        }
      }
    }
    return (names, kind)
  }
}
