import AzlinAzure
import AzlinCore
import Foundation

extension LocalIntentParser {
  /// Parses one clause: finds its parts in stages, each stage claiming the words it uses.
  ///
  /// - Parameters:
  ///   - words: The clause's words, as typed.
  ///   - context: What earlier turns (and clauses) mentioned.
  ///   - live: What exists.
  ///   - inheritedVerb: The verb of the previous clause, for "… then 2 vms".
  func parseClause(
    _ words: [String], context: ConversationContext, live: LiveState, inheritedVerb: Verb?
  )
    -> Result<Intent, ParseProblemError>
  {
    var c = ClauseScan(words: words)
    var p = IntentParameters()
    var confidence = 1.0

    // Negated requests are not carried out: "don't delete sam".
    if c.lower.contains(where: { Self.negations.contains($0) }) || c.has(phrase: ["do", "not"]) {
      return .failure(ParseProblemError(problem: .noOperation))
    }

    c.claimSecrets()
    c.claimCommandLineFlags(into: &p)
    var names = p.names + c.claimNamesAfterNamingWords()
    claimRegion(&c, into: &p)
    claimGroup(&c, into: &p, context: context, live: live)
    c.claimDiskSizeAndSku(into: &p)
    claimSizeImageCount(&c, into: &p)

    // Verb, by phrase first ("shut sam down"), then by word, then by a one-edit typo.
    var verb = c.claimVerbPhrase()
    if verb == nil { verb = c.claimVerbWord() }
    if verb == nil, let typo = c.claimVerbTypo() {
      verb = typo
      confidence = 0.85
    }
    if c.lower.contains("deallocate") || c.lower.contains("dealloc") { verb = .deallocate }
    let costQuestion =
      c.lower.contains(where: { Self.costWords.contains($0) }) || c.has(phrase: ["how", "much"])
    if costQuestion { verb = .cost }

    // Object.
    let object = c.claimObject()
    if let what = c.unsupported(live: live, verb: verb) {
      return .failure(ParseProblemError(problem: .unsupported(what)))
    }

    // Names of live resources (with one-edit typos), then name-like words.
    let groupNamed = object == .group || (object == .unknown && c.mentionsGroupNoun)
    var corrected: [String] = []
    if names.isEmpty {
      (names, corrected) = c.claimLiveNames(live: live, groups: groupNamed)
      if !corrected.isEmpty { confidence = min(confidence, 0.6) }
    }
    // "tear down test-rg": a live group named where a VM was expected.
    var groupTarget = groupNamed
    if names.isEmpty, !groupNamed, verb == .delete || verb == .cost,
      let g = c.claimLiveGroupName(live: live)
    {
      if verb == .cost {
        p.resourceGroup = g
      } else {
        names = [g]
        groupTarget = true
      }
    }
    let showOne = verb == .list && object == .vm && c.lower.contains("vm")
    if names.isEmpty && (verb != .list || showOne) && verb != .cost && verb != nil {
      names = c.claimLeftoverNames()
    }
    if !p.corrections.isEmpty { confidence = min(confidence, 0.6) }

    // Filters and relative sizes.
    p.all = c.lower.contains(where: { Self.allWords.contains($0) })
    for (state, markers) in [
      ("running", ["running", "on"]), ("stopped", ["stopped"]), ("deallocated", ["deallocated"]),
    ]
    where c.lower.contains(where: { markers.contains($0) }) {
      if p.all || verb == .list || verb == nil { p.powerState = state }
    }
    if p.size == nil {
      if c.lower.contains(where: { Self.biggerWords.contains($0) }) && !c.lower.contains("up") {
        p.sizeChange = "bigger"
      } else if c.lower.contains(where: { Self.smallerWords.contains($0) })
        && !c.lower.contains("down")
      {
        p.sizeChange = "smaller"
      }
      if c.lower.contains("memory") || c.lower.contains("ram") || c.lower.contains("cpu") {
        p.sizeChange = "bigger"
      }
    }

    // Pronouns: "it", "them", "both", "the vm", "that group".
    let singular =
      c.lower.contains(where: { Self.singularPronouns.contains($0) })
      || (c.lower.contains("the") && object == .vm && !p.all)
    let plural = c.lower.contains(where: { Self.pluralPronouns.contains($0) })
    if names.isEmpty, object == .storage, let s = context.storage, singular { names = [s] }
    if names.isEmpty, object == .disk, let d = context.disk, singular,
      verb == .delete || verb == .detach
    {
      names = [d]
    }
    if names.isEmpty && !p.all && object != .storage && (object != .disk || verb == .create) {
      if plural, !context.vms.isEmpty {
        names = context.vms
        p.fromContext = "them"
      } else if singular, groupTarget, let g = context.resourceGroup {
        names = [g]
        p.fromContext = "that group"
      } else if singular, context.vms.count == 1, object != .group {
        names = context.vms
        p.fromContext = "it"
      }
    }
    p.names = names
    p.corrections = corrected
    // A disk is for a VM: "a 64 GB disk for it", "attach a disk to sam".
    if object == .disk {
      if let vm = p.names.first(where: { !live.vms(named: $0).isEmpty }) {
        p.vm = live.vms(named: vm).first?.name
        p.names.removeAll { $0 == vm }
      } else if p.names.isEmpty, context.vms.count == 1,
        singular || c.lower.contains("for") || c.lower.contains("to")
      {
        p.vm = context.vms[0]
      }
    }

    return decide(
      verb: verb ?? inheritedVerb, object: object, groupTarget: groupTarget, p: p, c: c, live: live,
      confidence: verb == nil && inheritedVerb != nil ? confidence * 0.9 : confidence)
  }

  // MARK: - Stages that need the catalogue or the context

  private func claimGroup(
    _ c: inout ClauseScan, into p: inout IntentParameters, context: ConversationContext,
    live: LiveState
  ) {
    if p.resourceGroup != nil { return }
    // "in it", "in there", "there", "in the same group": the group the conversation is about.
    if let g = context.resourceGroup,
      c.has(phrase: ["in", "it"]) || c.lower.contains("there") || c.has(phrase: ["same", "group"])
        || c.has(phrase: ["same", "rg"])
    {
      p.resourceGroup = g
      c.claim(words: ["in", "it", "there", "same", "group", "rg"])
      return
    }
    for (i, w) in c.lower.enumerated()
    where ["in", "into", "under", "inside", "to", "from"].contains(w) {
      var j = i + 1
      while j < c.lower.count, ["the", "a", "resource"].contains(c.lower[j]) { j += 1 }
      let explicit = j < c.lower.count && Self.groupNouns.contains(c.lower[j])
      if explicit { j += 1 }
      guard j < c.words.count, !c.used.contains(j) else { continue }
      let candidate = c.words[j]
      if let g = live.group(named: candidate) {
        p.resourceGroup = g.name
      } else if let g = EditDistance.closest(
        to: candidate.lowercased(), in: live.groups.map { $0.name.lowercased() }),
        candidate.count >= 3,
        explicit || w == "in"
      {
        p.resourceGroup = live.groups.first { $0.name.lowercased() == g }?.name
        p.corrections.append(candidate)
      } else if (explicit || candidate.lowercased().hasSuffix("rg")) && w != "to" && w != "from" {
        p.resourceGroup = candidate
      } else if catalog.normalizeRegion(candidate) == nil,
        Self.looksLikeRegion(candidate.lowercased()), w == "in"
      {
        p.region = candidate
        c.claim(i...j)
        continue
      } else {
        continue
      }
      c.claim(i...j)
      return
    }
  }

  private func claimRegion(_ c: inout ClauseScan, into p: inout IntentParameters) {
    var i = 0
    while i < c.lower.count {
      var matched = false
      for span in stride(from: 3, through: 1, by: -1) where i + span <= c.lower.count {
        guard !(i..<i + span).contains(where: { c.used.contains($0) }) else { continue }
        let text = c.lower[i..<i + span].joined(separator: " ")
        if span == 1 && Self.stopWords.contains(text) { continue }
        if let region = catalog.normalizeRegion(text) {
          p.region = region
          c.claim(i..<i + span)
          i += span
          matched = true
          break
        }
      }
      if !matched { i += 1 }
    }
  }

  private func claimSizeImageCount(_ c: inout ClauseScan, into p: inout IntentParameters) {
    for i in c.lower.indices where !c.used.contains(i) && p.size == nil {
      let w = c.lower[i]
      if i + 1 < c.lower.count, !c.used.contains(i + 1), c.lower[i + 1].hasPrefix("v"),
        c.lower[i + 1].count <= 3,
        let size = catalog.vmSize(named: w + " " + c.lower[i + 1])
      {
        p.size = size.name
        c.claim(i...(i + 1))
      } else if w.contains(where: \.isNumber), w.contains(where: \.isLetter),
        let size = catalog.vmSize(named: w)
      {
        p.size = size.name
        c.claim(i...i)
      } else if w.hasPrefix("standard_")
        || (i > 0 && ["size", "sized", "sku"].contains(c.lower[i - 1])
          && w.contains(where: \.isNumber))
      {
        p.size = c.words[i]
        c.claim(i...i)
      }
    }
    for i in c.lower.indices where !c.used.contains(i) {
      let w = c.lower[i]
      if p.size == nil, let alias = Self.sizeWords[w],
        !(w == "cheap" || w == "cheapest") || c.lower.contains("vm")
      {
        p.size = alias
        c.claim(i...i)
      } else if let image = Self.imageWords[w] {
        p.image = image
        c.claim(i...i)
      }
    }
    if c.has(phrase: ["half", "a", "dozen"]) {
      p.count = 6
      c.claim(words: ["half", "dozen"])
    }
    for i in c.lower.indices where !c.used.contains(i) && p.count == nil {
      let w = c.lower[i]
      if let n = Int(w), n > 0, n < 1000 {
        p.count = n
        c.claim(i...i)
      } else if let n = Self.numberWords[w] {
        p.count = n
        c.claim(i...i)
      }
    }
  }

  // MARK: - Deciding the operation

  private func decide(
    verb: Verb?, object: Object, groupTarget: Bool, p: IntentParameters, c: ClauseScan,
    live: LiveState,
    confidence: Double
  ) -> Result<Intent, ParseProblemError> {
    var p = p
    let namesLiveVM = p.names.contains { !live.vms(named: $0).isEmpty }
    let question = c.lower.first.map { Self.questionWords.contains($0) } ?? false
    // "and a 64 GB disk for it", "also some storage": a follow-up that adds.
    let addsMore = ["and", "also", "plus", "with"].contains(c.lower.first ?? "")
    if verb == nil, addsMore, object != .unknown {
      return decide(
        verb: .create, object: object, groupTarget: groupTarget, p: p, c: c, live: live,
        confidence: confidence * 0.9)
    }
    guard let verb else {
      // No verb: a question or a noun alone ("is sam up", "vms", "what's in test-rg").
      if (namesLiveVM || p.fromContext == "it") && !p.names.isEmpty && p.names.count == 1
        && (question || c.lower.count <= 3)
      {
        return .success(make(.showVM, p, confidence))
      }
      if p.sizeChange != nil || p.size != nil, namesLiveVM || p.fromContext != nil {
        return .success(make(.resizeVM, p, confidence * 0.9))
      }
      if object == .vm || (question && (p.powerState != nil || p.resourceGroup != nil)) {
        if c.lower.contains(where: { ["new", "need", "want", "another"].contains($0) }) && !question
        {
          return .success(make(.provisionVM, p, confidence * 0.8))
        }
        return .success(make(.listVMs, p, confidence * 0.9))
      }
      if object == .group {
        return .success(make(.listResourceGroups, p, confidence * 0.9))
      }
      return .failure(ParseProblemError(problem: .noOperation))
    }
    if object == .storage {
      switch verb {
      case .create: return .success(make(.createStorage, p, confidence))
      case .delete: return .success(make(.deleteStorage, p, confidence))
      case .list: return .success(make(.listStorage, p, confidence))
      case .cost: break
      default:
        return .failure(
          ParseProblemError(problem: .unsupported("that operation on storage accounts")))
      }
    }
    if object == .disk {
      switch verb {
      case .create: return .success(make(.attachDisk, p, confidence))
      case .delete: return .success(make(.deleteDisk, p, confidence))
      case .detach: return .success(make(.detachDisk, p, confidence))
      case .cost: break
      default: return .failure(ParseProblemError(problem: .unsupported("that operation on disks")))
      }
    }
    switch verb {
    case .detach:
      if p.names.isEmpty && p.vm == nil {
        return .failure(ParseProblemError(problem: .missingTarget("detach")))
      }
      if let vm = p.names.first(where: { !live.vms(named: $0).isEmpty }), p.names.count == 1 {
        p.vm = vm
        p.names = []
      }
      return .success(make(.detachDisk, p, confidence))
    case .create:
      let phrasal = c.lower.first.map { ["spin", "fire", "bring", "boot"].contains($0) } ?? false
      if phrasal && namesLiveVM && !c.lower.contains("new") {
        return .success(make(.startVM, p, confidence))
      }
      let reshape = c.lower.contains(where: { ["make", "give", "change"].contains($0) })
      if reshape && (namesLiveVM || p.fromContext == "it") && (p.size != nil || p.sizeChange != nil)
        && !c.naming
      {
        return .success(make(.resizeVM, p, confidence))
      }
      if groupTarget {
        if p.names.isEmpty, let g = p.resourceGroup {
          p.names = [g]
          p.resourceGroup = nil
        }
        return .success(make(.createResourceGroup, p, confidence))
      }
      p.sizeChange = nil
      return .success(
        make(.provisionVM, p, object == .unknown ? confidence * 0.8 : confidence))
    case .delete:
      if groupTarget {
        return .success(make(.deleteResourceGroup, p, confidence))
      }
      if p.names.isEmpty && !p.all {
        return .failure(ParseProblemError(problem: .missingTarget("delete")))
      }
      return .success(make(.deleteVM, p, confidence))
    case .list:
      if groupTarget && object != .vm {
        return .success(make(.listResourceGroups, p, confidence))
      }
      if p.names.count == 1, !p.all, !c.lower.contains("vms") {
        return .success(make(.showVM, p, confidence))
      }
      return .success(make(.listVMs, p, object == .vm ? confidence : confidence * 0.8))
    case .start:
      if c.lower.contains("new") && !namesLiveVM {
        return .success(make(.provisionVM, p, confidence))
      }
      return .success(make(.startVM, p, confidence))
    case .stop: return .success(make(.stopVM, p, confidence))
    case .deallocate: return .success(make(.deallocateVM, p, confidence))
    case .restart: return .success(make(.restartVM, p, confidence))
    case .resize: return .success(make(.resizeVM, p, confidence))
    case .cost:
      if groupTarget, p.resourceGroup == nil, let g = p.names.first, live.group(named: g) != nil {
        p.resourceGroup = g
        p.names = []
      }
      return .success(make(.costReport, p, confidence))
    }
  }

  private func make(_ kind: IntentKind, _ p: IntentParameters, _ confidence: Double) -> Intent {
    var text = kind.phrase
    if !p.names.isEmpty { text += " " + p.names.joined(separator: ", ") }
    if !p.corrections.isEmpty {
      text += " (you typed " + p.corrections.joined(separator: ", ") + ")"
    }
    return Intent(kind: kind, parameters: p, confidence: confidence, explanation: text)
  }

  /// True for words shaped like Azure region names: a place and a compass word, maybe a digit.
  static func looksLikeRegion(_ word: String) -> Bool {
    let compass = ["east", "west", "north", "south", "central"]
    let trimmed = word.replacingOccurrences(of: "-", with: "").trimmingCharacters(
      in: .decimalDigits)
    return compass.contains { trimmed.hasSuffix($0) || trimmed.hasPrefix($0) }
      && !trimmed.hasSuffix("rg")
  }

  static func looksLikeName(_ word: String) -> Bool {
    guard let first = word.unicodeScalars.first, !word.isEmpty, word.count <= 90 else {
      return false
    }
    return first.properties.isAlphabetic || ("0"..."9").contains(Character(first))
      || !word.unicodeScalars.allSatisfy { $0.isASCII }
  }
}

/// A parse problem carried through `Result`.
struct ParseProblemError: Error, Equatable {
  var problem: ParseProblem
}
