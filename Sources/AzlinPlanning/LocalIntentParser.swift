import AzlinAzure
import AzlinCore
import Foundation

/// The embedded, offline intent parser: a small grammar over what people type.
///
/// It splits a line into clauses ("… then …"), finds each clause's verb (with
/// synonyms and one-edit typos), its object (VMs or groups), names, count, size,
/// region, image and group, and resolves "it"/"them" from the conversation.
public struct LocalIntentParser: Sendable {
  /// What a verb means, before the object decides the operation.
  enum Verb: Sendable {
    case create, delete, list, start, stop, deallocate, restart, resize, cost, detach
  }

  /// What a clause is about.
  enum Object: Sendable { case vm, group, storage, disk, network, unknown }

  let catalog: AzureCatalog
  /// The configured default group, for "in the default group".
  let defaultGroup: String?

  /// - Parameters:
  ///   - catalog: Sizes, regions and prices.
  ///   - defaultGroup: The group "the default group" names (the configured default).
  public init(catalog: AzureCatalog = .bundled, defaultGroup: String? = nil) {
    self.catalog = catalog
    self.defaultGroup = defaultGroup
  }

  /// Parses one line.
  /// - Parameters:
  ///   - line: What the user typed.
  ///   - context: What earlier turns mentioned.
  ///   - live: What exists now (names for typo correction and bare-name recognition).
  /// - Returns: The intents in order, or why nothing was understood.
  public func parse(_ line: String, context: ConversationContext, live: LiveState) -> ParseResult {
    // "and alpha, what's its ip": the question, about the VMs named ahead of it.
    if let (names, rest) = Self.dislocated(Self.tokens(of: line), live: live) {
      var about = context
      about.vms = names
      return parse(rest.joined(separator: " "), context: about, live: live)
    }
    if let asked = connectOrRun(line, context: context, live: live) { return asked }
    let typed = Self.possessivesMended(Self.tokens(of: line), live: live)
    var words = Self.mendingTypos(typed, live: live, regions: catalog.regions)
    // "the vms that are stepped" read as "stopped", "a very big vm" as "every": a word mended
    // to another is confirmed before a change is planned, and the question says what was typed.
    let mended = zip(typed, words).filter { t, w in
      t.lowercased() != w.lowercased() && Self.swappedShortWords[t.lowercased()] == nil
    }.map(\.0)
    // "what happens if I deallocate sam", "how do I stop it": asked about, never carried out.
    var hypothetical = false
    if let n = Self.hypotheticalPrefix(words.map { $0.lowercased() }) {
      hypothetical = true
      words = Array(words.dropFirst(n))
    }
    let questionMark =
      !hypothetical && Self.asksWithoutAsking(line, words: words.map { $0.lowercased() })
    // "create a vm called web1, no wait, call it web2": the words after an in-line correction
    // revise the request before it.
    var revision: [String] = []
    if let (at, length) = Self.inlineCorrection(words.map { $0.lowercased() }) {
      revision = Array(words[(at + length)...])
      words = Array(words[..<at])
    }
    var result =
      removalFromTopic(words, context: context, live: live)
      ?? otherStorage(words, context: context, live: live)
      ?? scheduleTime(words, context: context, live: live)
      ?? devVMParse(words, context: context, live: live)
      ?? parse(words: words, context: context, live: live)
    if !revision.isEmpty, case .intents(let intents) = result {
      switch revise(intents, with: revision, context: context, live: live) {
      case .success(let revised): result = .intents(revised)
      case .failure(let problem): result = .notUnderstood(problem.problem)
      }
    }
    if !mended.isEmpty, case .intents(let intents) = result {
      result = .intents(
        intents.map {
          var i = $0
          guard !i.kind.isReadOnly else { return i }
          i.confidence = min(i.confidence, 0.6)
          i.explanation += " (you typed " + mended.joined(separator: ", ") + ")"
          return i
        })
    }
    // "stop sam tomorrow", "restart it every night": not now, and azlin schedules nothing but
    // the daily auto-shutdown.
    if !hypothetical, !questionMark { result = Self.refusingLater(result, words: words) }
    if questionMark, case .intents(let intents) = result {
      // A change asked about with only a question mark is previewed; reads are answered.
      return .intents(
        intents.map {
          var i = $0
          if !i.kind.isReadOnly { i.parameters.hypothetical = true }
          return i
        })
    }
    guard hypothetical else { return result }
    switch result {
    case .intents(let intents):
      return .intents(
        intents.map {
          var i = $0
          i.parameters.hypothetical = true
          return i
        })
    case .notUnderstood: return .notUnderstood(.question)
    }
  }

  /// Parses a line's words, clause by clause.
  func parse(words: [String], context: ConversationContext, live: LiveState) -> ParseResult {
    let clauses = Self.joiningSnapshotConditions(Self.clauses(of: words))
    var intents: [Intent] = []
    var carried = context
    var lineGroup: Intent?
    var previousVerb: Verb?
    var lineExcluded: [String] = []
    var aside: ParseProblem?
    var refused: [String] = []
    var weighed = context.weighed
    for clause in clauses {
      let lower = clause.map { $0.lowercased() }
      if Self.isAside(lower) { continue }
      // "keep b1 running and deallocate the rest": a clause that only keeps something out.
      if let kept = Self.keepClause(clause, live: live, context: carried) {
        lineExcluded += kept
        continue
      }
      if let snapshots = snapshotClause(clause, context: carried, live: live) {
        guard case .success(let found) = snapshots else {
          if case .failure(let problem) = snapshots { return .notUnderstood(problem) }
          continue
        }
        for intent in found { carried.remember(intent) }
        intents += found
        previousVerb = found.last.map { Self.verb(of: $0.kind) }
        continue
      }
      // "another storage account then, curatedevents": one name alone after a create that
      // named nothing is its name.
      let bare = clause.filter { $0 != "," }
      if bare.count == 1, let last = intents.last, last.parameters.names.isEmpty,
        [.provisionVM, .createStorage, .createResourceGroup].contains(last.kind),
        (last.parameters.count ?? 1) == 1, !ClauseScan.vocabulary.contains(bare[0].lowercased()),
        Self.looksLikeName(bare[0]), live.vms(named: bare[0]).isEmpty,
        live.group(named: bare[0]) == nil
      {
        intents[intents.count - 1].parameters.names = bare
        intents[intents.count - 1].parameters.count = nil
        carried.remember(intents[intents.count - 1])
        continue
      }
      switch parseClause(clause, context: carried, live: live, inheritedVerb: previousVerb) {
      case .success(var intent):
        // "create rg demo … then a vm": later VMs on the line go into the group it creates.
        if intent.kind == .createResourceGroup { lineGroup = intent }
        if [.provisionVM, .createStorage].contains(intent.kind),
          intent.parameters.resourceGroup == nil, let g = lineGroup
        {
          intent.parameters.resourceGroup = g.parameters.names.first
          if intent.parameters.region == nil { intent.parameters.region = g.parameters.region }
        }
        if intent.kind == .deleteResourceGroup, intent.parameters.names.isEmpty,
          let g = carried.resourceGroup
        {
          intent.parameters.names = [g]
        }
        previousVerb = Self.verb(of: intent.kind)
        intents.append(intent)
        carried.remember(intent)
      case .failure(let problem):
        // "load test done, delete all of them": a remark without a verb beside a request.
        if problem.problem == .noOperation, clauses.count > 1,
          !lower.contains(where: { Self.verbWords[$0] != nil })
        {
          aside = problem.problem
          // "go with the b4ms ones. name them …": a size or region chosen in the remark.
          if let chosen = chosenSize(in: clause) { weighed = chosen }
          continue
        }
        // "ok I'm not going to delete it. just stop it": what is not wanted, beside what is.
        if problem.problem == .negated, clauses.count > 1 {
          aside = problem.problem
          refused += Self.liveNames(in: clause, live: live)
          continue
        }
        return .notUnderstood(problem.problem)
      }
    }
    if intents.isEmpty, let aside { return .notUnderstood(aside) }
    // "stop everything, don't stop web2": what a negated clause names stays out, and a thing
    // both asked for and refused is not guessed between.
    guard let kept = Self.keepingRefused(refused, out: intents) else {
      return .notUnderstood(.negated)
    }
    intents = kept
    // Only a create that points back takes what was weighed ("create one there", "4 then",
    // "create them"); "create a vm called web" is a VM of its own.
    let pointsBack = words.contains {
      ["one", "ones", "them", "it", "that", "those", "these", "there", "then", "same"].contains(
        $0.lowercased())
    }
    // "add 2 disks to web1": one attach for each disk counted, never one disk for all.
    intents = intents.flatMap { i -> [Intent] in
      guard i.kind == .attachDisk, let n = i.parameters.count, n > 1 else { return [i] }
      var one = i
      one.parameters.count = nil
      return Array(repeating: one, count: min(n, CommandPlanner.maximumCount))
    }
    intents = Self.takeWeighed(pointsBack ? weighed : nil, into: Self.disksForNewVMs(intents))
    if let phrase = Self.pointsAtAnExistingOne(intents, words: words) {
      return .notUnderstood(.unresolvedReference(phrase))
    }
    if Self.placeUnknown(intents, words: words, context: context) {
      return .notUnderstood(
        .missingDetail("region", example: "create a vm called web1 in westus2"))
    }
    // "stg-worker needs more memory, make it an E4s v3": the size named wins over "bigger".
    let sized = intents
    intents.removeAll { vague in
      vague.kind == .resizeVM && vague.parameters.size == nil
        && sized.contains {
          $0.kind == .resizeVM && $0.parameters.size != nil
            && $0.parameters.names == vague.parameters.names
        }
    }
    // "site is struggling, make it bigger": a verbless remark beside a request is not a question.
    if intents.contains(where: { !$0.kind.isReadOnly }) {
      intents.removeAll { [.showVM, .listVMs].contains($0.kind) && $0.explanation.hasPrefix("~") }
    }
    for i in intents.indices where intents[i].explanation.hasPrefix("~") {
      intents[i].explanation.removeFirst()
    }
    if !lineExcluded.isEmpty {
      for i in intents.indices where !intents[i].kind.isReadOnly {
        intents[i].parameters.excluded += lineExcluded
        let kept = Set(lineExcluded.map { $0.lowercased() })
        intents[i].parameters.names.removeAll { kept.contains($0.lowercased()) }
        if intents[i].parameters.names.isEmpty { intents[i].parameters.all = true }
      }
    }
    return intents.isEmpty ? .notUnderstood(.noOperation) : .intents(intents)
  }

  /// "a vm called data1 with a 128 GB disk", "3 vms each with a 64 GB disk": a disk that follows
  /// a VM create on the line goes on each VM it creates — one attach per named VM, or with the
  /// create itself when the names are generated.
  static func disksForNewVMs(_ intents: [Intent]) -> [Intent] {
    var out: [Intent] = []
    for intent in intents {
      if intent.kind == .attachDisk, !intent.parameters.alsoFor.isEmpty {
        var first = intent
        first.parameters.alsoFor = []
        out.append(first)
        for vm in intent.parameters.alsoFor {
          var more = first
          more.parameters.vm = vm
          more.explanation = IntentKind.attachDisk.phrase + " to " + vm
          out.append(more)
        }
        continue
      }
      guard intent.kind == .attachDisk, intent.parameters.names.isEmpty,
        let provision = out.last(where: { $0.kind == .provisionVM }),
        intent.parameters.vm == nil || provision.parameters.names.contains(intent.parameters.vm!)
      else {
        out.append(intent)
        continue
      }
      if provision.parameters.names.isEmpty {
        let i = out.lastIndex(where: { $0.kind == .provisionVM })!
        // A create takes one disk of its own: a second is left as it is, and asked about.
        if out[i].parameters.sizeGB != nil {
          out.append(intent)
          continue
        }
        out[i].parameters.sizeGB = intent.parameters.sizeGB ?? CommandPlanner.defaultDiskGB
        out[i].parameters.sku = intent.parameters.sku
        continue
      }
      for name in provision.parameters.names {
        var disk = intent
        disk.parameters.vm = name
        disk.explanation = IntentKind.attachDisk.phrase + " to " + name
        out.append(disk)
      }
    }
    return out
  }

  /// The size (and region) a verbless remark chooses ("go with the b4ms ones"), or nil.
  func chosenSize(in clause: [String]) -> IntentParameters? {
    var c = ClauseScan(words: clause)
    var p = IntentParameters()
    claimRegion(&c, into: &p)
    claimSizeImageCount(&c, into: &p)
    guard p.size != nil else { return nil }
    p.count = nil
    return p
  }

  /// Where an in-line correction starts ("…, no wait, …", "… scratch that …", "…, actually …"),
  /// and how many words it takes.
  static func inlineCorrection(_ lower: [String]) -> (Int, Int)? {
    let markers: [[String]] = [
      [",", "no", "wait", ","], [",", "no", "wait"], ["no", "wait", ","], ["no", "wait"],
      ["scratch", "that", ","], ["scratch", "that"], [",", "actually", ","], [",", "actually"],
      [",", "i", "mean"], [",", "i", "meant"], [",", "sorry", ","], [",", "sorry"],
      [",", "make", "that"], [",", "or", "rather"], [",", "rather"],
      // "stop it. no, deallocate it": a sentence that takes the one before back.
      [".", "no", ","], [".", "no", "wait"], [".", "actually", ","], [".", "actually"],
      [".", "sorry", ","],
    ]
    var found: (Int, Int)?
    for start in lower.indices where start > 1 {
      for m in markers where start + m.count <= lower.count {
        if Array(lower[start..<start + m.count]) == m {
          var length = m.count
          // "no wait, scratch that, call it web2": take every marker in a row.
          while start + length < lower.count,
            [",", "scratch", "that", "actually", "no", "wait"]
              .contains(lower[start + length])
          {
            length += 1
          }
          if found == nil { found = (start, length) }
        }
      }
    }
    return found
  }

  /// A clause that only keeps something out: "keep b1 running", "but leave db alone".
  static func keepClause(_ clause: [String], live: LiveState, context: ConversationContext)
    -> [String]?
  {
    let lower = clause.map { $0.lowercased() }
    var i = 0
    while i < lower.count, ["but", "and", "please", "just"].contains(lower[i]) { i += 1 }
    guard i < lower.count, ["keep", "leave", "spare", "except"].contains(lower[i]) else {
      return nil
    }
    guard !lower.contains(where: { verbWords[$0] != nil && $0 != "keep" }) else { return nil }
    var names: [String] = []
    for w in lower[(i + 1)...] {
      if let vm = live.vms.first(where: { $0.name.lowercased() == w }) {
        names.append(vm.name)
      } else if let g = live.group(named: w) {
        names.append(g.name)
      } else if ["it", "that"].contains(w), context.vms.count == 1 {
        names.append(context.vms[0])
      }
    }
    return names.isEmpty ? nil : names
  }

  static func verb(of kind: IntentKind) -> Verb {
    switch kind {
    case .provisionVM, .createResourceGroup, .createStorage, .attachDisk: return .create
    case .deleteVM, .deleteResourceGroup, .deleteStorage, .deleteDisk: return .delete
    case .listVMs, .showVM, .listResourceGroups, .listStorage: return .list
    case .detachDisk: return .detach
    case .startVM: return .start
    case .stopVM: return .stop
    case .deallocateVM: return .deallocate
    case .restartVM: return .restart
    case .resizeVM: return .resize
    case .costReport: return .cost
    case .createSnapshot, .restoreSnapshot: return .create
    case .deleteSnapshot: return .delete
    case .listSnapshots: return .list
    // A clause without a verb after these is never carried on as a change.
    case .openPort, .closePort, .listPorts, .setAutoShutdown, .clearAutoShutdown,
      .showAutoShutdown, .setTag, .removeTag, .listTagged:
      return .list
    case .connectVM, .runCommand: return .list
    }
  }

  /// Splits a line into clauses at "then", ";", sentence ends, and "and" or "," before a new verb.
  static func clauses(of line: String) -> [[String]] { clauses(of: tokens(of: line)) }

  /// Splits words into clauses (see `clauses(of:)` for a line).
  static func clauses(of words: [String]) -> [[String]] {
    var result: [[String]] = [[]]
    var i = 0
    func startsVerb(_ k: Int) -> Bool {
      guard k < words.count else { return false }
      let w = words[k].lowercased()
      if verbWords[w] != nil && !costWords.contains(w) { return true }
      return verbPhrases.contains { $0.phrase.first == w }
        && [
          "shut", "turn", "power", "bring", "spin", "fire", "tear", "get", "wake", "boot", "switch",
        ]
        .contains(w)
    }
    while i < words.count {
      let w = words[i].lowercased()
      let next = i + 1 < words.count ? words[i + 1].lowercased() : ""
      if w == ";" || w == "then" || w == "afterwards" || w == "." {
        result.append([])
        i += 1
      } else if (w == "and" && next == "then") || (w == "after" && next == "that") {
        result.append([])
        i += 2
      } else if (w == "and" || w == ",")
        && (startsVerb(i + 1) || startsNegatedVerb(words, at: i + 1))
        && result[result.count - 1].count > 1
      {
        result.append([])
        i += 1
      } else if ["with", "and", "plus", ",", "each"].contains(w), hasNoun(result[result.count - 1]),
        startsResource(words, at: w == "each" && next == "with" ? i + 2 : i + 1)
      {
        // "a vm called data1 with a 128 GB disk", "rg demo with 2 vms and a storage account".
        result.append([])
        i += w == "each" && next == "with" ? 2 : 1
      } else {
        result[result.count - 1].append(words[i])
        i += 1
      }
    }
    return result.filter { !$0.isEmpty }
  }

  /// True when the clause names a kind of resource.
  static func hasNoun(_ clause: [String]) -> Bool {
    clause.contains {
      let l = $0.lowercased()
      return vmNouns.contains(l) || groupNouns.contains(l) || storageNouns.contains(l)
        || diskNouns.contains(l)
    }
  }

  /// True when the words from `k` are a resource with only articles, counts and sizes before
  /// its noun: "a 128gb disk", "2 vms", "a storage account", "another premium disk".
  static func startsResource(_ words: [String], at k: Int) -> Bool {
    var j = k
    while j < words.count, j < k + 6 {
      let l = words[j].lowercased()
      if vmNouns.contains(l) || storageNouns.contains(l) || diskNouns.contains(l) {
        return l != "virtual"
          || (j + 1 < words.count && words[j + 1].lowercased().hasPrefix("machine"))
      }
      // "each with a 512 GB standard ssd": a disk named by its kind, after its size.
      if ["ssd", "hdd"].contains(l), j > k,
        j + 1 == words.count || !diskNouns.contains(words[j + 1].lowercased())
      {
        return words[k..<j].contains {
          let w = $0.lowercased()
          return w == "gb" || w == "tb" || w.hasSuffix("gb") || w.hasSuffix("tb")
        }
      }
      let modifier =
        [
          "a", "an", "one", "another", "extra", "data", "new", "small", "big", "large", "fast",
          "premium", "standard", "ssd", "hdd", "gb", "tb", "managed", "separate", "its", "own",
        ]
        .contains(l) || numberWords[l] != nil || Int(l) != nil
        || ((l.hasSuffix("gb") || l.hasSuffix("tb")) && Int(l.dropLast(2)) != nil)
      guard modifier else { return false }
      j += 1
    }
    return false
  }

  /// Splits a line into words: quotes keep a name whole, edge punctuation is dropped, ";" stands alone.
  public static func tokens(of text: String) -> [String] {
    var words: [String] = []
    var current = ""
    var quote: Character?
    var quoted = false
    func flush() {
      var w = Substring(current)
      // A full stop standing alone (as `tokens` itself writes one when words are joined again)
      // still ends a sentence.
      if !quoted, w == "." {
        words.append(".")
        current = ""
        return
      }
      var colon = false
      // "a group called rg!": a name typed with a mark in it is kept as typed (and refused as
      // a name), never trimmed into another name.
      let naming = ["called", "named"].contains(words.last?.lowercased() ?? "")
      if naming, !quoted, w.count > 1, w.last == "!",
        w.dropLast().last?.isLetter == true || w.dropLast().last?.isNumber == true
      {
        words.append(String(w))
        current = ""
        return
      }
      if !quoted {
        while let last = w.last, ".?!:\"'()".contains(last) {
          colon = colon || last == ":"
          w = w.dropLast()
        }
        while let first = w.first, "\"'(".contains(first) { w = w.dropFirst() }
      }
      if !w.isEmpty { words.append(String(w)) }
      // "for my team: alice, bob and carol": a colon introduces a list, and stays a word.
      if colon, !w.isEmpty { words.append(":") }
      current = ""
      quoted = false
    }
    for c in text {
      if let q = quote {
        if c == q {
          quote = nil
          quoted = true
          flush()
        } else {
          current.append(c)
        }
      } else if (c == "\"" || c == "'") && current.isEmpty {
        quote = c
      } else if c == " " || c == "\t" {
        if current.hasSuffix("."), current.count > 1, !current.dropLast().contains(".") {
          current.removeLast()
          flush()
          words.append(".")
        }
        flush()
      } else if c == "," {
        flush()
        words.append(",")
      } else if c == ";" {
        flush()
        words.append(";")
      } else {
        current.append(c)
      }
    }
    if quote != nil { quoted = true }
    flush()
    return words
  }
}

/// The parser's answer for one line.
public enum ParseResult: Equatable, Sendable {
  case intents([Intent])
  case notUnderstood(ParseProblem)
}

/// Why a line was not understood, for one clear sentence.
public enum ParseProblem: Error, Equatable, Sendable {
  /// No operation found at all.
  case noOperation
  /// An operation azlin knows of but cannot do yet, such as storage accounts.
  case unsupported(String)
  /// A verb without anything to apply it to.
  case missingTarget(String)
  /// Words no rule understood; azlin asks instead of guessing what they mean.
  case unknownWords([String])
  /// A count that cannot be a number of resources (0, negative, a fraction), as typed.
  case badCount(String)
  /// The request is negated ("don't delete sam"): nothing is done.
  case negated
  /// A create of several VMs that does not say how many.
  case howMany
  /// A question azlin cannot answer ("how do I …" about something it does not know).
  case question
  /// A password, key or token typed in the line: azlin does not take secrets that way.
  case secretInLine
  /// Two actions offered as alternatives ("deallocate it or delete it"): which is not said.
  case alternatives([String])
  /// A reference the conversation cannot resolve ("the second one" before any list).
  case unresolvedReference(String)
  /// A request that lacks one detail azlin will not guess (a port, a time, a tag), with an
  /// example of the request said whole.
  case missingDetail(String, example: String)
  /// An image azlin knows no alias for ("rocky", "debian 13"), as typed.
  case unknownImage(String)
  /// A Windows image, as typed: azlin's VMs are Linux.
  case windowsImage(String)
  /// A command to run in a VM whose words cannot be told from the rest of the line, unquoted.
  case unclearCommand(String)
  /// A change said for another time ("tomorrow", "at 6pm", "every night"), as typed: azlin
  /// acts now or not at all, and schedules only the daily auto-shutdown.
  case later(String)
}
