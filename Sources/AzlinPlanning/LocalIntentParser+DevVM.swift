import AzlinAzure
import Foundation

extension LocalIntentParser {
  /// Reads the requests of a development VM's day: ports ("open port 8080 on sam"),
  /// auto-shutdown ("shut sam down every day at 7pm"), tags ("tag sam env=dev") and the
  /// questions about them ("which ports are open on sam", "what is tagged env=dev").
  ///
  /// A line that is about one of these but lacks what it needs (no port, no time, no tag)
  /// is asked about, never guessed. VMs come only from live names, explicit naming or the
  /// conversation ("it"); a word that names nothing live is passed on as a name, so the
  /// planner says it does not exist.
  /// - Returns: `nil` when the line is about none of these.
  func devVMParse(_ words: [String], context: ConversationContext, live: LiveState) -> ParseResult?
  {
    guard let result = devVMReading(words, context: context, live: live) else { return nil }
    // "don't open port 22", "never shut it down at night": a change said with a negation is
    // not done; a question ("which ports are not open") is still answered.
    let w = words.map { $0.lowercased() }
    if case .intents(let intents) = result, intents.contains(where: { !$0.kind.isReadOnly }),
      w.contains(where: { Self.negations.contains($0) }) || w.contains("do") && w.contains("not")
    {
      return .notUnderstood(.negated)
    }
    // "how much would a shutdown at 6pm save", "should I open 8080": asked about, so only
    // previewed ("can you open…" is a request, "can I open…" a question).
    if case .intents(var intents) = result, Self.asksAbout(w) || Self.forLater(w) {
      for i in intents.indices where !intents[i].kind.isReadOnly {
        intents[i].parameters.hypothetical = true
      }
      return .intents(intents)
    }
    if case .intents(let intents) = result {
      // "close everything on sam except ssh": these readings keep nothing out, so an exclusion
      // is refused by name, never dropped (dropped, it would close the port it spares).
      if intents.contains(where: { !$0.kind.isReadOnly }),
        let at = w.indices.first(where: { i in
          ["except", "excluding", "besides"].contains(w[i])
            || (i + 1 < w.count && ["other", "apart", "aside"].contains(w[i])
              && ["than", "from"].contains(w[i + 1]))
            || (i + 1 < w.count && w[i] == "but" && ["not", "keep", "leave"].contains(w[i + 1]))
        })
      {
        return .notUnderstood(.unknownWords(Array(words[at...].prefix(3))))
      }
      return .intents(accountedDevVM(intents, words: words, live: live))
    }
    return result
  }

  /// True when a line says what the person means to do later, not now ("I'll tag sam
  /// tomorrow", "maybe open 8080 later", "remind me to …"): previewed, never carried out.
  static func forLater(_ w: [String]) -> Bool {
    let later: Set<String> = ["later", "tomorrow", "tonight", "someday", "eventually", "remind"]
    let intending =
      ["i'll", "ill", "gonna", "maybe", "perhaps"].contains(w.first ?? "")
      || (w.count > 1 && w[0] == "i" && ["will", "might", "may"].contains(w[1]))
    return w.contains(where: later.contains) || intending
      || w.indices.contains { i in
        w[i] == "next" && i + 1 < w.count && ["week", "month"].contains(w[i + 1])
      }
  }

  /// True when a line asks about something rather than asking for it.
  static func asksAbout(_ w: [String]) -> Bool {
    guard let first = w.first else { return false }
    let asking: Set<String> = [
      "how", "what", "what's", "whats", "would", "should", "does", "do", "is", "are", "will",
      "which", "why", "when",
    ]
    if asking.contains(first) { return true }
    return ["can", "could", "may"].contains(first) && w.count > 1 && ["i", "we"].contains(w[1])
  }

  private func devVMReading(_ words: [String], context: ConversationContext, live: LiveState)
    -> ParseResult?
  {
    // "sam's": the possessive names sam.
    let words = words.map { $0.lowercased().hasSuffix("'s") ? String($0.dropLast(2)) : $0 }
    let w = words.map { $0.lowercased() }
    if let tags = tagRequest(words, w, context: context, live: live) { return tags }
    // "what's costing me the most", "what costs the most": a ranking by run-rate.
    let money = w.contains {
      ["costing", "cost", "costs", "expensive", "pricey", "spend", "spending"].contains($0)
    }
    let most = w.contains {
      ["most", "top", "biggest", "priciest", "highest", "rank"].contains($0)
    }
    // Only as a question: "delete the most expensive one" is a request about one VM.
    let asks = ["what", "what's", "whats", "which", "who", "show", "list", "rank", "where", "tell"]
      .contains(w.first ?? "")
    // "which vm is the most expensive one" names one VM: the description grammar answers it.
    let aboutOne = w.contains { Self.vmNouns.contains($0) || $0 == "one" }
    if money && most && asks && !aboutOne
      && !w.contains(where: { ["create", "make", "would", "if"].contains($0) })
    {
      var p = IntentParameters()
      p.ranking = true
      return .intents([
        Intent(kind: .costReport, parameters: p, explanation: "rank what costs the most")
      ])
    }
    // "what is sam's ip", "sam's address?": the VM's details, which carry its public IP.
    if w.contains(where: { ["ip", "ips", "address"].contains($0) }),
      ["what", "what's", "whats", "show", "which", "give", "tell", "where"].contains(w.first ?? "")
    {
      var p = IntentParameters()
      p.names = vmNames(words, w, context: context, live: live, &p)
      guard p.names.count == 1 else {
        return .intents([Intent(kind: .listVMs, parameters: p, explanation: "list VMs")])
      }
      return .intents([Intent(kind: .showVM, parameters: p, explanation: "show VM \(p.names[0])")])
    }
    if let shutdown = autoShutdownRequest(words, w, context: context, live: live) {
      return shutdown
    }
    if let more = morePorts(w, context: context) { return more }
    return portRequest(words, w, context: context, live: live)
  }

  // MARK: - Ports

  static let portNames: [String: String] = [
    "ssh": "22", "http": "80", "https": "443", "rdp": "3389", "postgres": "5432",
    "mysql": "3306",
  ]
  private static let openWords: Set<String> = [
    "open", "opened", "opening", "allow", "expose", "unblock",
  ]
  private static let closeWords: Set<String> = [
    "close", "closed", "closing", "block", "deny", "shut", "unexpose",
  ]
  private static let everyoneWords: Set<String> = [
    "anywhere", "everyone", "everybody", "anyone", "internet", "world", "public", "all",
  ]

  private func portRequest(
    _ words: [String], _ w: [String], context: ConversationContext, live: LiveState
  ) -> ParseResult? {
    let mentionsPort = w.contains { $0 == "port" || $0 == "ports" }
    let countsThings = w.indices.contains { i in
      i + 1 < w.count && Self.isPortToken(w[i])
        && (Self.vmNouns.contains(w[i + 1]) || Self.diskNouns.contains(w[i + 1]))
    }
    let opens = w.contains { Self.openWords.contains($0) }
    let closes = w.contains { Self.closeWords.contains($0) } && !w.contains("down")
    let named = w.compactMap { Self.portNames[$0] }
    let isQuestion =
      ["which", "what", "what's", "whats", "list", "show", "are", "is", "any", "does"].contains(
        w.first ?? "")
    // "what's open on bob": a question about its ports, when no other thing is named.
    let asksWhatIsOpen =
      isQuestion && w.contains("open")
      && !w.contains(where: { Self.vmNouns.contains($0) || Self.diskNouns.contains($0) })
    guard
      mentionsPort || asksWhatIsOpen
        || ((opens || closes) && !countsThings
          && (!named.isEmpty || w.contains(where: Self.isPortToken)))
    else { return nil }
    var p = IntentParameters()
    p.names = vmNames(words, w, context: context, live: live, &p)
    // "is port 22 open on sam", "which ports are open": a question, never a change.
    if isQuestion || (!opens && !closes) {
      if !isQuestion && !mentionsPort { return nil }
      return .intents([Intent(kind: .listPorts, parameters: p, explanation: "list open ports")])
    }
    if opens && closes { return .notUnderstood(.alternatives(["open", "close"])) }
    var ports: [String] = named
    for (i, word) in w.enumerated() where Self.isPortToken(word) {
      // "allow 3 vms", "close the 2 disks": counts of things are not ports.
      if i + 1 < w.count,
        Self.vmNouns.contains(w[i + 1]) || Self.diskNouns.contains(w[i + 1])
          || ["gb", "gib", "tb", "more", "of"].contains(w[i + 1])
      {
        continue
      }
      ports.append(word)
    }
    // "8000 to 8100": one range.
    if let to = w.firstIndex(of: "to"), to > 0, to + 1 < w.count, Self.isPortToken(w[to - 1]),
      Self.isPortToken(w[to + 1]), !w[to - 1].contains("-")
    {
      ports.removeAll { $0 == w[to - 1] || $0 == w[to + 1] }
      ports.append("\(w[to - 1])-\(w[to + 1])")
    }
    if closes { ports.removeAll(where: Self.portsLeftOpen(w).contains) }
    guard !ports.isEmpty else {
      return .notUnderstood(
        .missingDetail("port", example: opens ? "open port 8080 on sam" : "close port 8080 on sam"))
    }
    if let to = w.firstIndex(where: { $0 == "to" }), to + 1 < w.count,
      w[to + 1].first?.isNumber == true, w[to + 1].contains(".")
    {
      p.source = w[to + 1]
    }
    if let from = w.firstIndex(where: { $0 == "from" || $0 == "for" || $0 == "only" }),
      from + 1 < w.count
    {
      let next = w[(from + 1)...].first { !["the", "my", "ip", "address"].contains($0) } ?? ""
      if Self.everyoneWords.contains(next) {
        p.source = "*"
      } else if next.first?.isNumber == true, next.contains(".") {
        p.source = next
      } else if w[from] != "for" {
        // "only from my ip", "from the office": an address azlin cannot know — never everyone.
        return .notUnderstood(
          .missingDetail("address", example: "open port 22 on sam from 203.0.113.7/32"))
      }
    }
    if p.source == nil, w.contains(where: { Self.everyoneWords.contains($0) && $0 != "all" }) {
      p.source = "*"
    }
    let kind: IntentKind = opens ? .openPort : .closePort
    let intents = ports.map { port -> Intent in
      var q = p
      q.ports = port
      return Intent(
        kind: kind, parameters: q,
        explanation: "\(opens ? "open" : "close") port \(port)"
          + (q.names.isEmpty ? "" : " on \(q.names.joined(separator: ", "))"))
    }
    return .intents(intents)
  }

  /// "and 443", "443 too", "also ssh": more ports for the port request just made, on the same
  /// VMs. Only ports and joining words may be said; anything else is left to the grammar.
  private func morePorts(_ w: [String], context: ConversationContext) -> ParseResult? {
    guard let kind = context.lastKind, [.openPort, .closePort].contains(kind),
      !context.vms.isEmpty
    else { return nil }
    let joining: Set<String> = ["and", "also", "too", "plus", "then", ",", "as", "well", "port"]
    var ports: [String] = []
    for word in w where !joining.contains(word) {
      if Self.isPortToken(word) {
        ports.append(word)
      } else if let named = Self.portNames[word] {
        ports.append(named)
      } else {
        return nil
      }
    }
    guard !ports.isEmpty, w.contains(where: joining.contains) else { return nil }
    return .intents(
      ports.map { port in
        var p = IntentParameters()
        p.names = context.vms
        p.fromContext = "it"
        p.ports = port
        return Intent(
          kind: kind, parameters: p,
          explanation: "\(kind == .openPort ? "open" : "close") port \(port) on "
            + context.vms.joined(separator: ", "))
      })
  }

  /// `8080`, `8000-8100`: a port or range token (not a CIDR, not a size).
  static func isPortToken(_ word: String) -> Bool {
    let parts = word.split(separator: "-", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count) else { return false }
    return parts.allSatisfy { part in
      !part.isEmpty && part.allSatisfy(\.isNumber)
        && Int(part).map { (1...65535).contains($0) } == true
    }
  }

  // MARK: - Auto-shutdown

  private static let dailyWords: Set<String> = [
    "daily", "nightly", "everyday", "evenings", "nights",
  ]
  private static let dayWords: Set<String> = [
    "day", "night", "evening", "weekday", "workday", "morning",
  ]

  /// "daily", "nightly", or "every/each day|night|evening": a schedule, not "every vm".
  static func saysDaily(_ w: [String]) -> Bool {
    w.indices.contains { i in
      dailyWords.contains(w[i])
        || (["every", "each"].contains(w[i]) && i + 1 < w.count && dayWords.contains(w[i + 1]))
    }
  }

  private func autoShutdownRequest(
    _ words: [String], _ w: [String], context: ConversationContext, live: LiveState
  ) -> ParseResult? {
    let joined = " " + w.joined(separator: " ") + " "
    let named =
      joined.contains(" auto-shutdown ") || joined.contains(" autoshutdown ")
      || joined.contains(" auto shutdown ") || joined.contains(" auto-shut-down ")
      || joined.contains(" shutdown schedule ")
    let shutVerb =
      joined.contains(" shut ") || joined.contains(" shutdown ") || joined.contains(" stop ")
      || joined.contains(" shuts ") || joined.contains(" off ")
    let daily = Self.saysDaily(w)
    let time = Self.timeOfDay(w)
    let asksWhen = w.first == "when" && shutVerb
    let atTime = w.indices.contains { i in
      w[i] == "at" && i + 1 < w.count
        && (w[i + 1].first?.isNumber == true || ["midnight", "noon"].contains(w[i + 1]))
    }
    guard named || asksWhen || (shutVerb && daily) || (shutVerb && atTime)
    else {
      return nil
    }
    var p = IntentParameters()
    p.names = vmNames(words, w, context: context, live: live, &p)
    if ["when", "what", "what's", "whats", "show", "is", "does", "list"].contains(w.first ?? "") {
      return .intents([
        Intent(kind: .showAutoShutdown, parameters: p, explanation: "show auto-shutdown")
      ])
    }
    let off =
      joined.contains(" off auto") || joined.contains(" disable ") || joined.contains(" remove ")
      || joined.contains(" cancel ") || joined.contains(" no more ") || joined.contains(" delete ")
      || joined.contains(" stop shutting ") || joined.contains(" turn off the auto")
      || (named && joined.contains(" off ") && time == nil)
    if off {
      return .intents([
        Intent(kind: .clearAutoShutdown, parameters: p, explanation: "turn off auto-shutdown")
      ])
    }
    guard let (hour, minute, zoneIndex) = time else {
      return .notUnderstood(
        .missingDetail("time", example: "shut sam down every day at 7pm"))
    }
    // "set sam to power off at 6pm": a VM set to do something at a time is a setting it keeps,
    // the schedule; "shut sam down at 7pm" without "every day" may be tonight only, and azlin
    // sets daily schedules only.
    let setTo = w.indices.contains { i in
      ["set", "configure"].contains(w[i]) && w[(i + 1)...].prefix(4).contains("to")
    }
    guard named || daily || setTo else {
      return .notUnderstood(
        .missingDetail(
          "schedule",
          example: "shut sam down every day at \(hour):\(String(format: "%02d", minute))"))
    }
    return Self.autoShutdown(p, hour: hour, minute: minute, zone: zoneIndex.map { words[$0] })
  }

  /// The time of day a line names ("7pm", "7:30 pm", "19:00", "midnight"), and the index of
  /// the zone word after it, if any.
  static func timeOfDay(_ w: [String]) -> (Int, Int, Int?)? {
    for (i, word) in w.enumerated() {
      var text = word
      var suffix: String?
      for s in ["am", "pm"] where text.hasSuffix(s) && text.count > 2 {
        suffix = s
        text = String(text.dropLast(2))
      }
      var next = i + 1
      if suffix == nil, next < w.count, ["am", "pm", "a.m", "p.m"].contains(w[next]) {
        suffix = w[next].hasPrefix("a") ? "am" : "pm"
        next += 1
      }
      var hour: Int?
      var minute = 0
      if word == "midnight" {
        hour = 0
      } else if word == "noon" || word == "midday" {
        hour = 12
      } else if text.contains(":") {
        let parts = text.split(separator: ":").map { Int($0) }
        if parts.count == 2, let h = parts[0], let m = parts[1], m < 60 {
          (hour, minute) = (h, m)
        }
      } else if let h = Int(text), suffix != nil || (i > 0 && w[i - 1] == "at" && text.count <= 2) {
        hour = h
        // "at 7" alone: morning or evening? Only the line's words may say.
        if suffix == nil, (1...12).contains(h) {
          if w.contains(where: {
            ["night", "nightly", "evening", "evenings", "tonight", "pm"].contains($0)
          }) {
            suffix = "pm"
          } else if w.contains(where: { ["morning", "mornings", "am"].contains($0) }) {
            suffix = "am"
          } else {
            return nil
          }
        }
      } else if text.count == 4, let hhmm = Int(text), i > 0, w[i - 1] == "at" {
        (hour, minute) = (hhmm / 100, hhmm % 100)
      }
      guard var h = hour, h < 24, minute < 60 else { continue }
      if suffix == "pm", h < 12 { h += 12 }
      if suffix == "am", h == 12 { h = 0 }
      let zone = next < w.count && CommandPlanner.timeZone(named: w[next]) != nil ? next : nil
      return (h, minute, zone)
    }
    return nil
  }

  /// Words that carry a time of day ("evening", "midnight") or mark one ("at", "pm").
  static let timeOfDayWords: Set<String> = [
    "at", "am", "pm", "a.m", "p.m", "o'clock", "oclock", "in", "the", "night", "evening",
    "morning", "tonight", "midnight", "noon", "midday",
  ]

  /// True when `line` says a time of day and nothing else but a few words of answering ("10pm",
  /// "11 at night", "in the evening", "ok 18:30 CET"): the answer to "Which time?", never a
  /// request of its own.
  public static func saysOnlyTimeOfDay(_ line: String) -> Bool {
    let filler: Set<String> = [
      "ok", "okay", "oh", "sorry", "i", "meant", "mean", "then", "please", "make", "it", ",", ".",
      "yes", "yeah", "um", "uh", "hmm",
    ]
    let w = tokens(of: line.lowercased())
    guard !w.isEmpty, w.count <= 6 else { return false }
    var saysTime = false
    for word in w {
      let clock = word.hasSuffix("am") || word.hasSuffix("pm") ? String(word.dropLast(2)) : word
      if !clock.isEmpty, clock.allSatisfy({ $0.isNumber || $0 == ":" }), clock.first!.isNumber {
        saysTime = true
      } else if timeOfDayWords.contains(word) {
        if !["at", "in", "the"].contains(word) { saysTime = true }
      } else if CommandPlanner.timeZone(named: word) == nil, !filler.contains(word) {
        return false
      }
    }
    return saysTime
  }

  // MARK: - Tags

  private func tagRequest(
    _ words: [String], _ w: [String], context: ConversationContext, live: LiveState
  ) -> ParseResult? {
    let tagWord = w.contains {
      ["tag", "tags", "tagged", "untag", "label", "labelled", "labeled"].contains($0)
    }
    let ownedBy = w.firstIndex(of: "owned").flatMap { i in
      i + 2 < w.count && w[i + 1] == "by" ? i + 2 : nil
    }
    var pairs: [(String, String)] = []
    for word in words where word.contains("=") {
      let parts = word.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      pairs.append((String(parts[0]), parts.count > 1 ? String(parts[1]) : ""))
    }
    // "show me everything with env=dev": a key=value after "with" is a tag.
    let withPair = !pairs.isEmpty && w.contains(where: { ["with", "having", "has"].contains($0) })
    guard tagWord || ownedBy != nil || withPair else { return nil }
    if let o = ownedBy { pairs.append(("owner", words[o])) }
    let isQuestion =
      ["what", "what's", "whats", "which", "show", "list", "who"].contains(w.first ?? "")
      || (w.first == "everything" && w.count <= 3)
    let filterWord =
      w.contains("tagged") || w.contains("labelled") || w.contains("labeled") || ownedBy != nil
      || (withPair && !tagWord)
    if isQuestion, filterWord || w.contains("with"), let (k, v) = pairs.first {
      var p = IntentParameters()
      p.tagFilter = v.isEmpty ? k : "\(k)=\(v)"
      return .intents([
        Intent(kind: .listTagged, parameters: p, explanation: "list what is tagged \(p.tagFilter!)")
      ])
    }
    // "what are sam's tags", "which tags does sam have": the VM's details, which list them.
    if isQuestion, pairs.isEmpty {
      var p = IntentParameters()
      p.names = vmNames(words, w, context: context, live: live, &p)
      guard p.names.count == 1, !live.vms(named: p.names[0]).isEmpty else {
        return .notUnderstood(.missingDetail("tag", example: "what is tagged env=dev"))
      }
      return .intents([Intent(kind: .showVM, parameters: p, explanation: "show VM \(p.names[0])")])
    }
    // "stop everything tagged env=dev": the tag selects what another request applies to.
    if filterWord, let (k, v) = pairs.first,
      let at = w.firstIndex(where: {
        ["tagged", "labelled", "labeled", "owned", "with", "having", "has"].contains($0)
      })
    {
      // The filter's words go; what is left is the request ("stop every vm").
      var rest = words
      let end = ownedBy.map { $0 + 1 } ?? min(w.count, at + 2)
      rest.removeSubrange(at..<end)
      rest.removeAll { $0.lowercased() == "with" || $0.contains("=") }
      guard case .intents(var intents) = parse(words: rest, context: context, live: live) else {
        return .notUnderstood(.noOperation)
      }
      for i in intents.indices {
        intents[i].parameters.tagFilter = v.isEmpty ? k : "\(k)=\(v)"
        if intents[i].parameters.names.isEmpty { intents[i].parameters.all = true }
        intents[i].explanation += " tagged \(intents[i].parameters.tagFilter!)"
      }
      return .intents(intents)
    }
    let remove = w.contains {
      ["remove", "delete", "drop", "untag", "clear", "strip"].contains($0)
    }
    var p = IntentParameters()
    if remove {
      // "remove the env tag from sam", "untag sam env": keys, with or without values.
      var keys = pairs.map(\.0)
      if keys.isEmpty, let t = w.firstIndex(where: { $0 == "tag" }), t > 0 {
        let before = words[t - 1]
        if !["the", "a", "remove", "delete", "drop", "clear"].contains(before.lowercased()) {
          keys = [before]
        }
      }
      if keys.isEmpty, let t = w.firstIndex(where: { $0 == "tag" }), t + 1 < w.count,
        !["from", "on", "of"].contains(w[t + 1])
      {
        keys = [words[t + 1]]
      }
      guard !keys.isEmpty else {
        return .notUnderstood(.missingDetail("tag", example: "remove the env tag from sam"))
      }
      for k in keys { p.tags[k] = "" }
      let skip = Set(keys.map { $0.lowercased() })
      p.names = vmNames(words, w, context: context, live: live, &p, skipping: skip)
      return .intents([
        Intent(
          kind: .removeTag, parameters: p, explanation: "remove tag \(keys.joined(separator: ", "))"
        )
      ])
    }
    guard !pairs.isEmpty else {
      return .notUnderstood(.missingDetail("tag", example: "tag sam env=dev"))
    }
    // "tag a owner=a and b owner=b": one value per key — a key said twice is two requests.
    if Set(pairs.map { $0.0.lowercased() }).count < pairs.count {
      return tagsPerTarget(words, context: context, live: live)
    }
    for (k, v) in pairs { p.tags[k] = v }
    // "tag that storage account …": the one meant, or asked — never a VM by default.
    if let object = Self.pointedObject(w, context: context, live: live) {
      guard !object.isEmpty else { return .notUnderstood(.missingTarget("tag")) }
      p.names = object
    } else {
      p.names = vmNames(words, w, context: context, live: live, &p)
    }
    return .intents([
      Intent(
        kind: .setTag, parameters: p,
        explanation: "tag " + pairs.map { "\($0.0)=\($0.1)" }.joined(separator: ", "))
    ])
  }

  // MARK: - Targets

  /// The resources a line names: live VM, group, disk or storage names among its words (or
  /// after "called"/"named"), else what "it"/"them" refer to. A group named after "in" is
  /// where, not what, unless nothing else is named.
  private func vmNames(
    _ words: [String], _ w: [String], context: ConversationContext, live: LiveState,
    _ p: inout IntentParameters, skipping: Set<String> = []
  ) -> [String] {
    var names: [String] = []
    for (i, word) in words.enumerated() where !skipping.contains(w[i]) && !word.contains("=") {
      let lower = w[i]
      if i > 0, ["in", "of"].contains(w[i - 1]), let g = live.group(named: word),
        live.vms(named: word).isEmpty
      {
        p.resourceGroup = g.name
        continue
      }
      if !live.vms(named: word).isEmpty
        || live.group(named: word) != nil
        || live.disks.contains(where: { $0.name.lowercased() == lower })
        || !live.storageAccounts(named: word).isEmpty
      {
        names.append(live.vms(named: word).first?.name ?? word)
      } else if i > 0, ["called", "named", "vm"].contains(w[i - 1]), word.first?.isLetter == true,
        !Self.stopWords.contains(lower)
      {
        names.append(word)
      }
    }
    // "the running ones", "all stopped vms": the VMs in that state, chosen from what exists.
    if names.isEmpty, let state = Self.stateSelection(w) {
      p.powerState = state
      return []
    }
    // "everything", "all", "every vm" — never "every day", which is when, not what.
    let every =
      w.contains(where: { ["everything", "all"].contains($0) })
      || w.indices.contains { i in
        ["every", "each"].contains(w[i]) && i + 1 < w.count && Self.vmNouns.contains(w[i + 1])
      }
    if names.isEmpty, p.resourceGroup == nil,
      w.contains(where: { ["it", "that", "this", "its"].contains($0) }), let last = context.vms.last
    {
      names = [last]
      p.fromContext = "it"
    } else if names.isEmpty, every {
      // "tag everything in dev": every VM there, not the group itself.
      p.all = true
    } else if names.isEmpty, p.resourceGroup == nil {
      if w.contains("both") {
        // "both" is two things the conversation met, or a question.
        if context.vms.count == 2 {
          names = context.vms
          p.fromContext = "both"
        }
      } else if w.contains(where: { ["them", "those"].contains($0) }) {
        names = context.vms
        p.fromContext = "them"
      }
    }
    var seen = Set<String>()
    return names.filter { seen.insert($0.lowercased()).inserted }
  }
}

extension LocalIntentParser {
  /// The daily auto-shutdown of `p`'s VMs at `hour`:`minute`, in `zone` when the line said one.
  static func autoShutdown(_ p: IntentParameters, hour: Int, minute: Int, zone: String?)
    -> ParseResult
  {
    var p = p
    p.time = String(format: "%02d:%02d", hour, minute)
    if let zone { p.timeZone = zone }
    return .intents([
      Intent(
        kind: .setAutoShutdown, parameters: p,
        explanation: "shut down every day at \(p.time!)\(p.timeZone.map { " \($0)" } ?? "")")
    ])
  }
}

extension LocalIntentParser {
  /// The power state a dev-VM line selects its VMs by: "the running ones", "all stopped vms",
  /// "every deallocated machine" — a state word between a determiner and a word for VMs, so
  /// that "shut sam down" or "stop at 7" is never read as one.
  static func stateSelection(_ w: [String]) -> String? {
    let states = ["running": "running", "stopped": "stopped", "deallocated": "deallocated"]
    let determiners: Set<String> = ["the", "all", "every", "each", "those"]
    let things: Set<String> = ["ones", "vms", "vm", "machines", "machine", "boxes", "servers"]
    for i in w.indices.dropFirst().dropLast() {
      if let state = states[w[i]], determiners.contains(w[i - 1]), things.contains(w[i + 1]) {
        return state
      }
    }
    return nil
  }
}
