import AzlinAzure
import Foundation

/// The words of one clause and which of them a parsing stage has already claimed.
///
/// Each stage of `LocalIntentParser` claims the words it understood, so later stages
/// (names above all) only see what is left.
struct ClauseScan {
  typealias Verb = LocalIntentParser.Verb
  typealias Object = LocalIntentParser.Object

  let words: [String]
  let lower: [String]
  var used = Set<Int>()
  /// True when the clause names something with "called", "named" or "call it".
  private(set) var naming = false
  /// True when a naming word is followed by words that cannot be one name ("called my group").
  private(set) var namingFailed = false
  /// The words after the naming word, for the question when they cannot be read.
  private(set) var namingWords: [String] = []

  init(words: [String]) {
    self.words = words
    self.lower = words.map { $0.lowercased() }
  }

  mutating func claim<R: Sequence>(_ range: R) where R.Element == Int {
    for i in range { used.insert(i) }
  }

  mutating func claim(words list: Set<String>) {
    for (i, w) in lower.enumerated() where list.contains(w) { used.insert(i) }
  }

  /// True when `phrase` appears as consecutive words.
  func has(phrase: [String]) -> Bool {
    guard phrase.count <= lower.count else { return false }
    return (0...(lower.count - phrase.count)).contains {
      Array(lower[$0..<$0 + phrase.count]) == phrase
    }
  }

  var mentionsGroupNoun: Bool {
    lower.indices.contains {
      !used.contains($0) && LocalIntentParser.groupNouns.contains(lower[$0])
    }
      || has(phrase: ["resource", "group"]) && !used.contains(lower.firstIndex(of: "resource") ?? 0)
  }

  /// A secret and the word before it are never names, sizes or anything else.
  /// - Returns: true when a secret's value was typed ("password as Hunter2!", "key: 8f3e…").
  @discardableResult
  mutating func claimSecrets() -> Bool {
    var valueTyped = false
    for (i, w) in lower.enumerated() where LocalIntentParser.secretWords.contains(w) {
      if i + 1 < lower.count, ["vault", "vaults", "keys"].contains(lower[i + 1]) { continue }
      used.insert(i)
      var j = i + 1
      while j < lower.count, ["is", "=", ":", "of", "as", "to", "be", "should"].contains(lower[j]) {
        used.insert(j)
        j += 1
      }
      // "with password Hunter2!", "and here's my key: 8f3e…": a value, not a word of the request.
      if j < lower.count, !LocalIntentParser.stopWords.contains(lower[j]),
        !ClauseScan.vocabulary.contains(lower[j]) || lower[j].contains(where: \.isNumber)
      {
        used.insert(j)
        valueTyped = true
      }
    }
    return valueTyped
  }

  /// `--name foo -g rg --size X --location L`, as people paste from az.
  mutating func claimCommandLineFlags(into p: inout IntentParameters) {
    for (i, w) in lower.enumerated() where w == "az" { used.insert(i) }
    var i = 0
    while i + 1 < lower.count {
      let flag = lower[i]
      let value = words[i + 1]
      var taken = true
      switch flag {
      case "--name", "-n": p.names.append(value)
      case "--resource-group", "-g": p.resourceGroup = value
      case "--size": p.size = value
      case "--location", "-l": p.region = value.lowercased()
      case "--image": p.image = value
      default: taken = false
      }
      if taken {
        used.insert(i)
        used.insert(i + 1)
        i += 2
      } else {
        // Other flags az takes ("--no-wait", "--admin-password"); a word like "-frontend-" is
        // not one, and is left for the naming rules to refuse.
        if flag.hasPrefix("--") { used.insert(i) }
        i += 1
      }
    }
    if let last = lower.last, last.hasPrefix("--") { used.insert(lower.count - 1) }
  }

  /// Names after "called", "named", "name it", "call it": "a vm named box" names a VM "box".
  mutating func claimNamesAfterNamingWords() -> [String] {
    guard
      let k = lower.firstIndex(where: {
        ["called", "named", "name", "call", "names", "naming"].contains($0)
          || ($0.count >= 4 && EditDistance.closest(to: $0, in: ["called", "named"]) != nil
            && LocalIntentParser.verbWords[$0] == nil && !["cancel", "calls"].contains($0))
      })
    else { return [] }
    var j = k + 1
    // "call it web2", "name them a1 and a2" — but "a vm named it" names it "it".
    if j + 1 < lower.count, ["call", "name"].contains(lower[k]),
      ["it", "them", "they", "em", "one"].contains(lower[j])
    {
      j += 1
    }
    if j < lower.count, lower[j] == ":" { j += 1 }
    var names: [String] = []
    while j < words.count {
      let w = lower[j]
      if w == "and" || w == "," {
        j += 1
        continue
      }
      // "load1 to load5": a numbered range.
      if ["to", "through", "thru", "-", ".."].contains(w), let first = names.last,
        j + 1 < words.count, let range = Self.numberedRange(from: first, to: words[j + 1])
      {
        names += range.dropFirst()
        used.insert(j)
        used.insert(j + 1)
        j += 2
        continue
      }
      // The first word after "called" is the name even when Azure would reject it ("-sam"):
      // the planner then says which rule it breaks, instead of making up a name.
      guard !used.contains(j),
        !LocalIntentParser.stopWords.contains(w)
          || (names.isEmpty && !["in", "with", "and"].contains(w)),
        LocalIntentParser.looksLikeName(words[j]) || (names.isEmpty && w != ",")
      else { break }
      // After the first name, another follows only after "and" or "," or when it looks like a
      // sibling ("web1 web2"): "called lerner im lerning linux" names one VM, not four.
      if let first = names.last, j > 0, ![",", "and"].contains(lower[j - 1]),
        !Self.siblings(first, words[j])
      {
        break
      }
      if !names.isEmpty, LocalIntentParser.fillerWords.contains(w) || Self.looksLikeSize(w) {
        break
      }
      names.append(words[j])
      used.insert(j)
      j += 1
    }
    // "a resource group called my group": a stop word followed by more words is not a name.
    if names.count == 1, LocalIntentParser.stopWords.contains(names[0].lowercased()),
      let at = lower[(k + 1)...].firstIndex(of: names[0].lowercased()), at + 1 < lower.count,
      ![",", "and", "in", "with", "please", "then", "."].contains(lower[at + 1])
    {
      used.remove(at)
      namingFailed = true
      namingWords = Array(words[at...].prefix(3))
      return []
    }
    if !names.isEmpty {
      naming = true
      used.insert(k)
    }
    return names
  }

  /// True for names that look like one series: "web1" and "web2", "app-a" and "app-b".
  static func siblings(_ a: String, _ b: String) -> Bool {
    let pa = a.lowercased().prefix { $0.isLetter }
    let pb = b.lowercased().prefix { $0.isLetter }
    return pa.count >= 2 && pa == pb
      && a.contains(where: \.isNumber) == b.contains(where: \.isNumber)
  }

  /// True for words shaped like a VM size ("D2s", "b1ms", "Standard_D4s_v3", "v5").
  static func looksLikeSize(_ w: String) -> Bool {
    let l = w.lowercased()
    if l.hasPrefix("standard_") { return true }
    if l.count <= 3, l.hasPrefix("v"), Int(l.dropFirst()) != nil { return true }
    guard let first = l.first, "abdefghlmn".contains(first), l.count <= 7 else { return false }
    let rest = l.dropFirst()
    return rest.first?.isNumber == true
      && rest.allSatisfy { $0.isNumber || $0.isLetter || $0 == "_" }
      && rest.contains(where: \.isLetter) == (l.count > 2)
  }

  /// The names from `first` to `last` when both are one prefix and a number ("web1", "web4").
  static func numberedRange(from first: String, to last: String) -> [String]? {
    func split(_ s: String) -> (String, Int)? {
      let digits = s.reversed().prefix(while: \.isNumber)
      guard !digits.isEmpty, digits.count < s.count, let n = Int(String(digits.reversed())) else {
        return nil
      }
      return (String(s.dropLast(digits.count)), n)
    }
    guard let (a, m) = split(first), let (b, n) = split(last), a.lowercased() == b.lowercased(),
      n > m, n - m < 50
    else { return nil }
    let width = first.reversed().prefix(while: \.isNumber).count
    return (m...n).map {
      let digits = String($0)
      return a + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
  }

  mutating func claimVerbPhrase() -> Verb? {
    for (phrase, verb) in LocalIntentParser.verbPhrases {
      for start in lower.indices where !used.contains(start) {
        if let end = match(phrase, at: start) {
          for k in start..<end where phrase.contains(lower[k]) || k == start { used.insert(k) }
          return verb
        }
      }
    }
    return nil
  }

  /// Where `phrase` ends when it matches at `start` (a nil element matches one to three words).
  private func match(_ phrase: [String?], at start: Int) -> Int? {
    var i = start
    for (n, element) in phrase.enumerated() {
      if let word = element {
        guard i < lower.count, lower[i] == word else { return nil }
        i += 1
      } else {
        guard let next = phrase[(n + 1)...].first(where: { $0 != nil }) ?? nil else { return nil }
        var gap = 0
        while i + gap < lower.count, lower[i + gap] != next, gap < 3 { gap += 1 }
        guard gap >= 1, i + gap < lower.count, lower[i + gap] == next else { return nil }
        i += gap
      }
    }
    return i
  }

  /// The first verb word; a light verb ("give", "make", "get") yields to a later, specific one:
  /// "give sam a reboot" restarts.
  mutating func claimVerbWord() -> Verb? {
    var found: [(Int, Verb)] = []
    for (i, w) in lower.enumerated() where !used.contains(i) {
      // "if I deallocated sam": after a subject, a past form is the verb, not a state.
      let afterSubject = i > 0 && ["i", "we", "you", "they"].contains(lower[i - 1])
      let past: [String: Verb] = [
        "deallocated": .deallocate, "stopped": .stop, "started": .start, "restarted": .restart,
      ]
      // "new resource group ci-rg", "a new vm called x": a create — but "the new one" is a reference.
      let newThing =
        w == "new"
        && (i == 0 || ["a", "an", "and", "also", "plus", "another"].contains(lower[i - 1]))
        && i + 1 < lower.count && !["one", "ones"].contains(lower[i + 1])
      if let v = LocalIntentParser.verbWords[w]
        ?? (newThing ? .create : nil)
        ?? (afterSubject ? past[w] : nil)
        ?? Self.stems(of: w).lazy.compactMap({ LocalIntentParser.verbWords[$0] }).first
      {
        found.append((i, v))
      }
    }
    guard let first = found.first else { return nil }
    let light: Set<String> = ["give", "make", "get"]
    let chosen =
      light.contains(lower[first.0])
      ? (found.dropFirst().first { $0.1 != .create && $0.1 != .cost } ?? first) : first
    used.insert(chosen.0)
    return chosen.1
  }

  /// The plain forms of an inflected verb: "stopping" → "stop", "deleted" → "delete".
  static func stems(of word: String) -> [String] {
    // Power states read as adjectives ("which vms are stopped") are not verbs.
    guard !["stopped", "deallocated", "running", "started", "restarted"].contains(word) else {
      return []
    }
    var result: [String] = []
    for suffix in ["ing", "ed", "s"] where word.hasSuffix(suffix) && word.count > suffix.count + 2 {
      let base = String(word.dropLast(suffix.count))
      result.append(base)
      result.append(base + "e")
      if let last = base.last, base.dropLast().last == last {
        result.append(String(base.dropLast()))
      }
    }
    return result
  }

  /// A verb within one edit (a swap counts as one): "creat", "stpo", "lsit".
  mutating func claimVerbTypo() -> Verb? {
    let keys = LocalIntentParser.verbWords.keys.filter { $0.count >= 4 }.sorted()
    for (i, w) in lower.enumerated()
    where !used.contains(i) && w.count >= 3 && !LocalIntentParser.stopWords.contains(w)
      && !LocalIntentParser.fillerWords.contains(w)
    {
      if let k = EditDistance.closest(to: w, in: keys), let v = LocalIntentParser.verbWords[k] {
        used.insert(i)
        return v
      }
    }
    return nil
  }

  mutating func claimObject() -> Object {
    var object = Object.unknown
    for (i, w) in lower.enumerated() where !used.contains(i) {
      if w == "virtual" && !(i + 1 < lower.count && lower[i + 1].hasPrefix("machine")) { continue }
      if LocalIntentParser.vmNouns.contains(w) {
        if object == .unknown { object = .vm }
        used.insert(i)
      } else if LocalIntentParser.groupNouns.contains(w)
        || (w == "resource" && i + 1 < lower.count && lower[i + 1].hasPrefix("group"))
      {
        if object == .unknown { object = .group }
        used.insert(i)
      } else if LocalIntentParser.storageNouns.contains(w) {
        object = .storage
        used.insert(i)
        if i + 1 < lower.count, ["account", "accounts"].contains(lower[i + 1]) {
          used.insert(i + 1)
        }
      } else if LocalIntentParser.diskNouns.contains(w) {
        object = .disk
        used.insert(i)
        // "a data disk", "the os disk": kinds of disk, not names.
        if i > 0, ["data", "os", "managed"].contains(lower[i - 1]) { used.insert(i - 1) }
      }
    }
    return object
  }

  /// What the clause asks for that azlin does not manage yet, if anything.
  func unsupported(live: LiveState, verb: Verb?) -> String? {
    let liveNames = Set(
      live.vms.map { $0.name.lowercased() } + live.groups.map { $0.name.lowercased() })
    for (i, w) in lower.enumerated() where !used.contains(i) && !liveNames.contains(w) {
      let next = i + 1 < lower.count ? lower[i + 1] : ""
      let before = i > 0 ? lower[i - 1] : ""
      // "a resource group webapp", "a vm called sql1": a name, not a service.
      if ClauseScan.resourceNouns.contains(before) || ["called", "named", "name"].contains(before) {
        continue
      }
      // "the west copy": after a determiner, a noun — not the verb azlin cannot do.
      if i == 0 || verb == nil, !["the", "a", "an", "that", "this", "my"].contains(before),
        let what = LocalIntentParser.unsupportedVerbs[w]
      {
        return what
      }
      guard let what = LocalIntentParser.unsupportedNouns[w] else { continue }
      // "a big vm for the database", "a database vm": a purpose, not a request for a database.
      let aboutAVM = lower.contains { LocalIntentParser.vmNouns.contains($0) }
      if aboutAVM, i >= 2, lower[i - 1] == "the" || lower[i - 2] == "for" || lower[i - 1] == "for" {
        continue
      }
      if aboutAVM, LocalIntentParser.vmNouns.contains(next) { continue }
      // "use ssh keys": how VMs are reached by default, not a request to connect.
      if w == "ssh", next == "key" || next == "keys" { continue }
      switch w {
      case "scale": if next == "set" || next == "sets" { return what }
      case "load": if next == "balancer" { return what }
      case "security": if next == "group" { return what }
      case "ip": if before == "public" || before == "static" { return what }
      case "app": if ["web", "an", "a", "function", "logic"].contains(before) { return what }
      case "image":
        if ["a", "an"].contains(before) || next == "from" || next == "of" { return what }
      case "port", "ports": if lower.contains("open") || lower.contains("close") { return what }
      case "container":
        if next == "registry" || next == "app" || next == "instance" { return what }
        if before == "blob" || lower.contains("blob") { return "blob containers" }
      case "role", "tag", "tags", "backup": if verb == nil || lower.first == w { return what }
      default: return what
      }
    }
    return nil
  }

  /// Live names the clause mentions, exactly or within one edit (3+ letters).
  mutating func claimLiveNames(live: LiveState, groups: Bool) -> (
    names: [String], corrected: [String]
  ) {
    let liveNames = groups ? live.groups.map(\.name) : live.vms.map(\.name)
    var names: [String] = []
    var corrected: [String] = []
    for (i, w) in lower.enumerated()
    where !used.contains(i) && !LocalIntentParser.stopWords.contains(w) {
      let bare = w.hasSuffix("'s") ? String(w.dropLast(2)) : w
      // "the dev group": dev-rg.
      if groups, i + 1 < lower.count, LocalIntentParser.groupNouns.contains(lower[i + 1]),
        let g = live.group(shortName: bare), g.name.lowercased() != bare
      {
        names.append(g.name)
        used.insert(i)
        continue
      }
      let segmentOf = liveNames.filter { name in
        name.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).contains {
          String($0) == bare
        }
      }
      if let exact = liveNames.first(where: { $0.lowercased() == bare }) {
        names.append(exact)
        used.insert(i)
      } else if !groups, i > 0, lower[i - 1] == "the", bare.count >= 4, segmentOf.count == 1 {
        // "the replica": the one VM whose name has that part (db-replica).
        names.append(segmentOf[0])
        used.insert(i)
      } else if bare.count >= 3, LocalIntentParser.verbWords[bare] == nil,
        let close = EditDistance.closest(to: bare, in: liveNames.map { $0.lowercased() }),
        let original = liveNames.first(where: { $0.lowercased() == close })
      {
        names.append(original)
        corrected.append(words[i])
        used.insert(i)
      }
    }
    return (names, corrected)
  }

  mutating func claimLiveGroupName(live: LiveState) -> String? {
    for (i, w) in lower.enumerated() where !used.contains(i) {
      if let g = live.group(named: w) {
        used.insert(i)
        return g.name
      }
    }
    return nil
  }

  /// "64 GB", "128gb", "1 TB": a disk size in GiB; and a tier or redundancy word.
  mutating func claimDiskSizeAndSku(into p: inout IntentParameters) {
    for (i, w) in lower.enumerated() where !used.contains(i) {
      let units: [(String, Int)] = [
        ("gib", 1), ("gb", 1), ("g", 1), ("gig", 1), ("gigs", 1), ("tib", 1024), ("tb", 1024),
        ("t", 1024), ("tera", 1024), ("terabyte", 1024), ("gigabytes", 1), ("gigabyte", 1),
      ]
      if let n = Int(w), i + 1 < lower.count,
        let unit = units.first(where: { $0.0 == lower[i + 1] })
      {
        p.sizeGB = n * unit.1
        claim(i...(i + 1))
      } else if let unit = units.first(where: {
        w.hasSuffix($0.0) && Int(w.dropLast($0.0.count)) != nil
      }) {
        p.sizeGB = Int(w.dropLast(unit.0.count))! * unit.1
        claim(i...i)
      } else if let sku = LocalIntentParser.skuWords[w] {
        p.sku = sku
        used.insert(i)
        if i + 1 < lower.count, lower[i + 1] == "ssd" { used.insert(i + 1) }
      }
    }
  }

  /// Words after the verb that look like names ("stop sam", "create rg demo").
  mutating func claimLeftoverNames() -> [String] {
    var names: [String] = []
    for (i, w) in words.enumerated()
    where !used.contains(i) && !LocalIntentParser.stopWords.contains(lower[i]) {
      let l = lower[i]
      guard LocalIntentParser.looksLikeName(w), LocalIntentParser.verbWords[l] == nil,
        !LocalIntentParser.vmNouns.contains(l), !LocalIntentParser.groupNouns.contains(l),
        LocalIntentParser.numberWords[l] == nil, !LocalIntentParser.allWords.contains(l),
        !LocalIntentParser.costWords.contains(l), !l.hasPrefix("-"), !l.contains("=")
      else { continue }
      names.append(w)
      used.insert(i)
    }
    return names
  }
}
