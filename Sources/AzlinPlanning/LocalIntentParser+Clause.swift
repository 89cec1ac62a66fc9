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

    // Exclusions first: "but don't touch prod" and "not web3" are not negations of the request.
    switch c.claimExclusions(live: live, context: context) {
    case .failure(let problem): return .failure(problem)
    case .success(let names): p.excluded = names
    case nil: break
    }
    // Negated requests are not carried out: "don't delete sam", "please do not stop it".
    if c.negatesVerb() { return .failure(ParseProblemError(problem: .negated)) }

    // Services named in several words, before their words are read as verbs ("scale set").
    for (phrase, what) in [
      (["scale", "set"], "scale sets"), (["scale", "sets"], "scale sets"),
      (["load", "balancer"], "load balancers"), (["key", "vault"], "key vaults"),
      (["app", "service"], "app services"), (["function", "app"], "function apps"),
      (["machine", "learning"], "machine learning workspaces"),
      (["container", "registry"], "container registries"), (["data", "factory"], "data factories"),
    ] where c.has(phrase: phrase) {
      return .failure(ParseProblemError(problem: .unsupported(what)))
    }
    // "with password Hunter2!": azlin never takes a secret typed in a line (VMs get SSH keys).
    if c.claimSecrets() { return .failure(ParseProblemError(problem: .secretInLine)) }
    c.claimCommandLineFlags(into: &p)
    var names = p.names + unclaimingDetails(c.claimNamesAfterNamingWords(), &c)
    if c.namingFailed {
      // "a group called my group": a name azlin cannot read is asked about, never defaulted.
      return .failure(ParseProblemError(problem: .unknownWords(c.namingWords)))
    }
    // "is cheap still running?", "make cheap a B1s": a live VM whose name is also a word of the
    // grammar, standing where the subject or the object stands, is that VM.
    if let k = Self.subjectOrObject(c.lower), !c.used.contains(k) {
      let w = c.lower[k]
      let reserved =
        Self.allWords.contains(w) || Self.singularPronouns.contains(w)
        || Self.pluralPronouns.contains(w) || Self.numberWords[w] != nil || Int(w) != nil
      let subject =
        ["is", "was", "are"].contains(c.lower[k == 0 ? 0 : k - 1])
        || (k >= 2 && c.lower[k - 1] == "the" && ["is", "was", "are"].contains(c.lower[k - 2]))
      if !reserved, ClauseScan.vocabulary.contains(w) || subject, live.vms(named: w).count == 1,
        let vm = live.vms(named: w).first
      {
        c.claim(k...k)
        names.append(vm.name)
      }
    }
    claimRegion(&c, into: &p)
    claimGroup(&c, into: &p, context: context, live: live)
    if p.resourceGroup == nil, Self.placeByPosition(c.lower) != nil {
      return .failure(
        ParseProblemError(
          problem: .missingDetail("group", example: "create a vm called web1 in dev-rg")))
    }
    // "everything in dev and qa": more live groups listed after the one claimed.
    var moreGroups: [(name: String, at: [Int])] = []
    if let g = p.resourceGroup, live.group(named: g) != nil {
      for (i, w) in c.lower.enumerated() where i >= 2 && !c.used.contains(i) {
        guard ["and", ",", "&"].contains(c.lower[i - 1]), c.used.contains(i - 2),
          let other = live.group(named: w) ?? live.group(shortName: w),
          other.name.lowercased() != g.lowercased(), live.vms(named: w).isEmpty
        else { continue }
        moreGroups.append((other.name, [i - 1, i]))
      }
    }
    if p.resourceGroup == "" {
      return .failure(ParseProblemError(problem: .unresolvedReference("the same group")))
    }
    // "the gpu ones", "the web tier", "the raw one", "the biggest one": what exists, described
    // by a part of its name or by its size — before those words are read as sizes or prices.
    var superlative = false
    var describedStorage = false
    if names.isEmpty, !c.mentionsGroupNoun,
      !c.lower.contains(where: { Self.diskNouns.contains($0) })
    {
      let storage = c.lower.contains(where: { Self.storageNouns.contains($0) })
      switch described(
        &c, live: live, object: storage ? .storage : .unknown, group: p.resourceGroup)
      {
      case .failure(let problem): return .failure(problem)
      case .success(let found?):
        names = found.names
        superlative = found.superlative
        describedStorage = found.storage
      case .success(nil): break
      }
    }
    claimLooseSize(&c, into: &p, region: p.region ?? context.region)
    c.claimDiskSizeAndSku(into: &p)
    if let bad = c.claimBadCount() { return .failure(ParseProblemError(problem: .badCount(bad))) }
    if let refused = claimImage(&c, into: &p) { return .failure(refused) }
    claimSizeImageCount(&c, into: &p)

    // Verb, by phrase first ("shut sam down"), then by word, then by a one-edit typo.
    var verb = c.claimVerbPhrase()
    if verb == nil { verb = c.claimVerbWord() }
    // "shut it down so I'm not charged for it": a stop that is meant to end the bill deallocates.
    if verb == .stop, c.lower.contains(where: Self.billWords.contains) {
      verb = .deallocate
      for (i, w) in c.lower.enumerated() where Self.billWords.contains(w) { c.used.insert(i) }
    }
    // A VM called "all", "it" or "two": "restart all" could mean that VM or every VM — ask;
    // a number beside any verb but create names the VM ("stop two").
    if let v = verb, v != .create {
      for (i, w) in c.lower.enumerated() {
        guard let vm = live.vms.first(where: { $0.name.lowercased() == w }) else { continue }
        let next = i + 1 < c.lower.count ? c.lower[i + 1] : ""
        // "restart vm all": after a noun the word is the name — and never "every VM".
        if i > 0, ClauseScan.resourceNouns.contains(c.lower[i - 1]) {
          c.used.insert(i)
          if !names.contains(vm.name) { names.append(vm.name) }
          continue
        }
        if !c.used.contains(i),
          Self.allWords.contains(w) || Self.singularPronouns.contains(w)
            || Self.pluralPronouns.contains(w),
          !Self.vmNouns.contains(next), !["of", "the", "my", "in"].contains(next)
        {
          return .failure(ParseProblemError(problem: .unresolvedReference(c.words[i])))
        }
        if Self.numberWords[w] != nil || Int(w) != nil, !Self.vmNouns.contains(next) {
          c.used.insert(i)
          names.append(vm.name)
          p.count = nil
        }
      }
    }
    // "stop etl2, start nothing else": a verb whose object is "nothing" asks for nothing.
    if verb != nil, names.isEmpty, let k = c.lower.firstIndex(of: "nothing"), k > 0,
      Self.verbWords[c.lower[k - 1]] != nil
    {
      return .failure(ParseProblemError(problem: .negated))
    }
    // "deallocate it or delete it": two actions offered as alternatives — which is not said.
    if verb != nil, let or = c.lower.firstIndex(of: "or"),
      let other = c.lower[(or + 1)...].prefix(3).first(where: {
        Self.verbWords[$0] != nil && Self.verbWords[$0] != verb && !Self.costWords.contains($0)
      })
    {
      let first = c.lower[..<or].last(where: { Self.verbWords[$0] == verb }) ?? "that"
      return .failure(ParseProblemError(problem: .alternatives([first, other])))
    }
    // "stpo sam", but also "half the size" read as "halt": a verb read from a slip is
    // confirmed before it is planned, like a live name read from one.
    var verbFromSlip = false
    if verb == nil, let typo = c.claimVerbTypo() {
      verb = typo
      confidence = 0.85
      verbFromSlip = true
    }
    if c.lower.contains("deallocate") || c.lower.contains("dealloc")
      || c.has(phrase: ["i", "deallocated"])
    {
      verb = .deallocate
    }
    let costQuestion =
      c.lower.indices.contains { !c.used.contains($0) && Self.costWords.contains(c.lower[$0]) }
      || c.has(phrase: ["how", "much"])
    if costQuestion { verb = .cost }
    // "which region is cheapest for a D4s v5?", "is uksouth cheaper than westeurope for a B2s?":
    // a comparison of prices asked is a price question.
    if verb == nil,
      ["which", "is", "where", "what", "what's", "whats"].contains(c.lower.first ?? ""),
      let k = c.lower.indices.first(where: {
        !c.used.contains($0)
          && ["cheapest", "cheaper", "pricier", "priciest"].contains(c.lower[$0])
      })
    {
      verb = .cost
      c.claim(k...k)
    }
    let filter = c.claimStateFilter()

    // Object: named, or implied ("a 1 TB standard hdd" is a disk; "another one" is what the
    // conversation was about).
    var object = c.claimObject()
    if describedStorage { object = .storage }
    if object == .unknown, p.sizeGB != nil, p.sku != nil || verb == .create { object = .disk }
    if object == .unknown, verb == nil || verb == .create || verb == .delete || verb == .list,
      c.lower.contains(where: { ["another", "one", "it", "that"].contains($0) }),
      let kind = context.lastKind
    {
      switch kind {
      // "now also add storage" — "make it a D4s_v3": a VM size is never a storage account's,
      // so "it" is the VM the conversation is about.
      case .createStorage, .deleteStorage, .listStorage:
        if p.size == nil && p.sizeChange == nil && p.looseSize == nil { object = .storage }
      case .createResourceGroup, .deleteResourceGroup:
        object = c.lower.contains("another") ? .group : .unknown
      case .listResourceGroups:
        // "how many resource groups do I have" — "create one called poems": a group.
        object = verb == .create && c.lower.contains("one") ? .group : .unknown
      default: break
      }
    }
    // Live storage accounts and disks by name: "delete archivelogs01", "detach db1-logs".
    if names.isEmpty {
      let (found, kind) = c.claimLiveStorageOrDisk(live: live, object: object)
      if !found.isEmpty {
        names = found
        if object == .unknown { object = kind }
      }
    }
    // A name with no kind, in a conversation about VMs: "and another one called web3".
    if object == .unknown, c.naming, verb == nil || verb == .create {
      switch context.lastKind {
      case .createStorage?: object = .storage
      case .createResourceGroup? where c.lower.contains("another"): object = .group
      default: object = .vm
      }
    }
    // "just like sam": the size and region of that VM.
    if p.size == nil, let k = c.lower.firstIndex(of: "like"), k + 1 < c.lower.count,
      let model = live.vms(named: c.lower[k + 1]).first
    {
      p.size = model.size
      if p.region == nil { p.region = model.location }
      c.claim(k...(k + 1))
    }
    // "one of those", "like that one", "the same size": the size and region just discussed.
    if p.size == nil,
      c.has(phrase: ["of", "those"]) || c.has(phrase: ["like", "that"])
        || c.has(phrase: ["same", "size"]) || c.has(phrase: ["like", "it"])
        || c.has(phrase: ["same", "way"])
    {
      p.size = context.size
      if p.region == nil { p.region = context.region }
    }
    if let what = c.unsupported(live: live, verb: verb) {
      return .failure(ParseProblemError(problem: .unsupported(what)))
    }

    // References by position and recency: "the second one", "the other one", "the rest".
    var rest = false
    if names.isEmpty, object != .storage, object != .group {
      switch c.claimReferences(live: live, context: context, group: p.resourceGroup) {
      case .failure(let problem): return .failure(problem)
      case .success(let found):
        names = found.names
        rest = found.rest
      case nil: break
      }
    }

    // Names of live resources (with one-edit typos), then words in a naming position.
    let groupNamed = object == .group || (object == .unknown && c.mentionsGroupNoun)
    var corrected: [String] = []
    if names.isEmpty && !rest {
      (names, corrected) = c.claimLiveNames(live: live, groups: groupNamed)
      if !corrected.isEmpty { confidence = min(confidence, 0.6) }
    }
    // "bigger", "smaller still": a relative size alone is for the one VM just talked about.
    if verb == nil, names.isEmpty, !rest, context.vms.count == 1,
      c.lower.count <= 4 || (c.lower.count <= 6 && p.size != nil),
      c.lower.contains(where: { Self.biggerWords.contains($0) || Self.smallerWords.contains($0) }),
      !live.vms(named: context.vms[0]).isEmpty
    {
      names = context.vms
      p.fromContext = "it"
    }
    // "tear down test-rg": a live group named where a VM was expected.
    var groupTarget = groupNamed
    if names.isEmpty, !rest, !groupNamed, verb == .delete || verb == .cost,
      let g = c.claimLiveGroupName(live: live)
    {
      if verb == .cost {
        p.resourceGroup = g
      } else if live.vms.contains(where: {
        $0.name.lowercased().hasPrefix(g.lowercased()) && $0.name.lowercased() != g.lowercased()
      }) {
        // "delete web" with a group web and VMs web1, web2: the group, or one of those VMs?
        return .failure(ParseProblemError(problem: .unresolvedReference(g)))
      } else {
        names = [g]
        groupTarget = true
      }
    }
    // "vm new box1 westus3 b2ms", "sa new stlogs02": terse creates name what follows "new".
    let terseNew = c.lower.indices.contains { i in
      i + 1 < c.lower.count && c.lower[i + 1] == "new"
        && (Self.vmNouns.contains(c.lower[i]) || Self.groupNouns.contains(c.lower[i])
          || Self.storageNouns.contains(c.lower[i]))
    }
    // "list fleet", "show me site": a live group (and no VM of that name) listed.
    if names.isEmpty, !rest, verb == .list, p.resourceGroup == nil, object != .storage,
      object != .disk,
      let k = c.lower.indices.first(where: { i in
        !c.used.contains(i) && live.vms(named: c.lower[i]).isEmpty
          && live.group(named: c.lower[i]) != nil
      })
    {
      p.resourceGroup = live.group(named: c.lower[k])?.name
      c.claim(k...k)
      if object == .unknown { object = .vm }
    }
    if names.isEmpty && !rest && verb != .cost && ((verb ?? inheritedVerb) != nil || terseNew) {
      names = c.claimNamesInObjectPosition(creating: (verb ?? inheritedVerb) == .create || terseNew)
    }
    if !p.corrections.isEmpty { confidence = min(confidence, 0.6) }

    // Filters and relative sizes.
    p.all =
      c.lower.indices.contains { i in
        Self.allWords.contains(c.lower[i]) && !c.used.contains(i)
          && !(i + 1 < c.lower.count
            && ["month", "day", "week", "night", "hour", "time", "morning", "evening"].contains(
              c.lower[i + 1]))
      } || rest
    if let filter { p.powerState = filter }
    // "delete all of them": the VMs "them" is, not every VM. "delete all three": the three
    // the conversation met, when it met exactly three.
    if p.all, !rest, names.isEmpty, p.resourceGroup == nil, p.powerState == nil,
      c.has(phrase: ["all", "of", "them"]) || c.has(phrase: ["all", "of", "those"])
        || c.has(phrase: ["all", "of", "these"])
    {
      p.all = false
    }
    if p.all, !rest, names.isEmpty, p.resourceGroup == nil, p.powerState == nil,
      let k = c.lower.firstIndex(of: "all"), k + 1 < c.lower.count,
      let n = Self.numberWords[c.lower[k + 1]] ?? Int(c.lower[k + 1]), n > 1
    {
      let met = context.ordered.filter { !live.vms(named: $0).isEmpty }
      let all = live.vms.map(\.name)
      if met.count == n || all.count == n {
        names = met.count == n ? met : all
        p.all = false
        p.count = nil
        c.claim(k...(k + 1))
      }
    }
    if p.size == nil && p.sizeChange == nil && !superlative {
      if c.lower.contains(where: { Self.biggerWords.contains($0) }) && !c.lower.contains("up") {
        p.sizeChange = "bigger"
      } else if c.lower.contains(where: { Self.smallerWords.contains($0) })
        && !c.lower.contains("down")
      {
        p.sizeChange = "smaller"
      }
      if c.has(phrase: ["size", "up"]) || c.has(phrase: ["one", "up"]) { p.sizeChange = "bigger" }
      if c.has(phrase: ["size", "down"]) || c.has(phrase: ["one", "down"]) {
        p.sizeChange = "smaller"
      }
    }

    // Pronouns: "it", "them", "both", "the vm", "that group".
    let singular =
      c.lower.contains(where: { Self.singularPronouns.contains($0) })
      || (c.lower.contains("the") && object == .vm && !p.all)
    let plural = c.lower.contains(where: { Self.pluralPronouns.contains($0) })
    if verb == .cost, names.isEmpty, p.resourceGroup == nil, p.size == nil {
      switch Self.costedFromContext(
        c, object: object, pointed: singular || plural, all: p.all, context: context, live: live)
      {
      case .group(let g)?:
        p.resourceGroup = g
        p.all = false
      case .vms(let vms)?:
        names = vms
        p.count = nil
        p.fromContext = vms.count == 1 ? "it" : "them"
        if let g = context.resourceGroup,
          vms.allSatisfy({ live.vms(named: $0).contains { $0.resourceGroup == g } })
        {
          p.resourceGroup = g
        }
      case .storage(let s)?:
        names = [s]
        object = .storage
      case nil: break
      }
    }
    // "detach bastion-logs" — "and delete it as well": the disk just detached.
    if names.isEmpty, object == .unknown, singular, verb == .delete,
      context.lastKind == .detachDisk,
      let d = context.disk, live.disks.contains(where: { $0.name == d })
    {
      object = .disk
    }
    // "detach it, keep the disk": "it" is the VM the disk hangs on.
    if names.isEmpty, verb == .detach, singular, p.vm == nil, context.vms.count == 1,
      object == .unknown || object == .disk
    {
      p.vm = context.vms[0]
      object = .disk
    }
    if names.isEmpty, object == .storage, let s = context.storage, singular { names = [s] }
    if names.isEmpty, object == .disk, let d = context.disk, singular,
      verb == .delete || verb == .detach
    {
      names = [d]
    }
    // "then 2 vms in it": a pronoun after "in" is where things go (the group), never what
    // they are called.
    let pronounIsPlace =
      c.lower.indices.contains { i in
        Self.singularPronouns.contains(c.lower[i])
      }
      && c.lower.indices.allSatisfy { i in
        !Self.singularPronouns.contains(c.lower[i])
          || (i > 0 && ["in", "into", "inside", "within"].contains(c.lower[i - 1]))
      }
    // "stop the vm" while two VMs exist: "the vm" picks none of them — the planner asks which,
    // even when the conversation last met one ("it" would be that one).
    let theAmongMany =
      !c.lower.contains(where: { Self.singularPronouns.contains($0) }) && live.vms.count > 1
      && c.lower.indices.contains { i in
        c.lower[i] == "the" && i + 1 < c.lower.count && Self.vmNouns.contains(c.lower[i + 1])
      }
    if names.isEmpty && !p.all && object != .storage && (object != .disk || verb == .create) {
      // "which runners are not running" — "delete those": the listing just shown.
      let listed = context.ordered.filter { n in live.vms.contains { $0.name == n } }
      if plural, context.lastKind == .listVMs, !listed.isEmpty, !c.lower.contains("both") {
        names = listed
        p.fromContext = "them"
      } else if plural, let word = Self.pluralAmongOne(c.lower, verb: verb, context, live) {
        return .failure(ParseProblemError(problem: .unresolvedReference(word)))
      } else if plural, !context.vms.isEmpty {
        names = context.vms
        p.fromContext = "them"
      } else if singular, groupTarget, let g = context.resourceGroup {
        names = [g]
        p.fromContext = "that group"
      } else if singular, context.vms.count == 1, object != .group, !theAmongMany,
        !pronounIsPlace
      {
        names = context.vms
        p.fromContext = "it"
      }
    }
    // "create them in westeurope" after pricing 3 D4s_v3: the count and size just discussed.
    if verb == .create, plural, names.isEmpty, object != .storage, object != .disk {
      if p.size == nil { p.size = context.size }
      if p.count == nil { p.count = context.count }
      names = []
      p.fromContext = nil
      if p.count == nil { return .failure(ParseProblemError(problem: .howMany)) }
    }
    // "deallocate everything in dev and qa": the VMs of every group listed, by name. A create,
    // a listing or a price over several groups is left to the accounting (asked about).
    if !moreGroups.isEmpty, names.isEmpty, let v = verb,
      [.start, .stop, .deallocate, .restart, .delete, .resize].contains(v), object != .group,
      object != .storage, object != .disk, let first = p.resourceGroup
    {
      let groups = Set(([first] + moreGroups.map(\.name)).map { $0.lowercased() })
      let kept = Set(p.excluded.map { $0.lowercased() })
      names = live.vms.filter {
        groups.contains($0.resourceGroup.lowercased()) && !kept.contains($0.name.lowercased())
          && (p.powerState == nil || CommandPlanner.vm($0, isIn: p.powerState!))
      }.map(\.name)
      for g in moreGroups { c.claim(g.at) }
      p.resourceGroup = nil
      p.all = false
      p.powerState = nil
      if names.isEmpty { return .failure(ParseProblemError(problem: .unresolvedReference(first))) }
    }
    // "start staging back up", "start green-rg back up": a live group where a VM was expected,
    // with a power verb, is every VM in it.
    if let v = verb, [.start, .stop, .deallocate, .restart].contains(v), names.count == 1,
      p.resourceGroup == nil, live.vms(named: names[0]).isEmpty,
      let g = live.group(named: names[0]) ?? live.group(shortName: names[0])
    {
      names = []
      p.resourceGroup = g.name
      p.all = true
    }
    // "deallocate the vms in it", "start only the ones in web-rg": every VM of that group.
    if let v = verb, [.start, .stop, .deallocate, .restart, .delete].contains(v), names.isEmpty,
      let g = p.resourceGroup, live.group(named: g) != nil, !p.all,
      c.lower.contains(where: {
        ["vms", "machines", "servers", "boxes", "ones", "instances"].contains($0)
      })
    {
      p.all = true
    }
    // A filter without names means every VM in that state: "start whatever is stopped".
    if p.powerState != nil, names.isEmpty, verb != nil, verb != .list, verb != .cost {
      p.all = true
    }
    if rest || p.fromContext != nil {
      // "deallocate all of them but small1": what is kept out is not among "them".
      names = names.filter { n in !p.excluded.contains { $0.lowercased() == n.lowercased() } }
    }
    p.names = names
    p.corrections += corrected
    // A disk is for a VM: "a 64 GB disk for it", "attach a disk to sam".
    if object == .disk {
      let vmNames = p.names.filter { !live.vms(named: $0).isEmpty }
      if vmNames.count > 1, vmNames.count == p.names.count, verb == .create || verb == nil {
        // "put a 64 gb disk on both": one disk for each VM, never a disk named after a VM.
        p.names = []
        p.vm = vmNames[0]
        p.alsoFor = Array(vmNames.dropFirst())
      } else if let vm = p.names.first(where: { !live.vms(named: $0).isEmpty }) {
        p.vm = live.vms(named: vm).first?.name
        p.names.removeAll { $0 == vm }
      } else if p.names.isEmpty, context.vms.count == 1,
        singular || c.lower.contains("for") || c.lower.contains("to")
      {
        p.vm = context.vms[0]
      }
    }

    // "put three vms in it for my team: alice, bob and carol", "another storage account then,
    // curatedevents": names listed after a colon, or one set off by a comma at the end, on a
    // create that names nothing else.
    if p.names.isEmpty, verb == .create || (verb == nil && object != .unknown),
      let listed = c.claimAppositiveNames(count: p.count)
    {
      p.names = listed
      if p.count == listed.count { p.count = nil }
    }
    // Every word accounted for: a word no stage understood stops a change, and is named.
    // A purpose after "for" on a create ("a gpu vm for training") is not a request.
    let liveWords = Self.liveWords(live)
    var unknown = c.unknownWords(known: liveWords)
    // So is "to run k3s on", "to host the wiki".
    let purposeStart =
      c.lower.lastIndex(of: "for").flatMap { c.used.contains($0) ? nil : $0 }
      ?? c.lower.indices.first {
        c.lower[$0] == "to" && $0 + 1 < c.lower.count
          && ["run", "host", "test", "serve", "try", "play", "build", "train", "use"].contains(
            c.lower[$0 + 1])
      }
    // Content words passed over as a remark are not understood either: a change they stand
    // beside is confirmed before it is planned. (A purpose on a create — "for a load test" —
    // says why, not what.)
    if !c.remarkWords(known: liveWords).isEmpty { confidence = min(confidence, 0.6) }
    if verb == .create || verb == nil, let f = purposeStart {
      let purpose = Set(c.words[(f + 1)...])
      unknown.removeAll { purpose.contains($0) }
    }
    let decided = decide(
      verb: verb ?? inheritedVerb, object: object, groupTarget: groupTarget, p: p, c: c, live: live,
      lastVerb: context.lastKind.map(Self.verb(of:)),
      confidence: verb == nil && inheritedVerb != nil ? confidence * 0.9 : confidence)
    guard !unknown.isEmpty else {
      // A detail named by its kind alone ("with lots of memory", "in a new group") is asked
      // about, never filled with a default.
      guard case .success(var intent) = decided, !intent.kind.isReadOnly,
        !intent.parameters.hypothetical
      else { return decided }
      // "make the disk on web1 bigger": a disk made bigger is an existing disk resized, never
      // a new default-sized one; "upgrade ubuntu on web1": the OS, not the VM's size.
      if intent.kind == .attachDisk, intent.parameters.sizeChange != nil,
        intent.parameters.sizeGB == nil
      {
        return .failure(ParseProblemError(problem: .unsupported("resizing disks")))
      }
      if intent.kind == .resizeVM, intent.parameters.image != nil, intent.parameters.size == nil {
        return .failure(
          ParseProblemError(problem: .unsupported("changing a VM's operating system")))
      }
      if let part = Self.partOfAVM(intent, in: c) {
        return .failure(ParseProblemError(problem: .unknownWords([part])))
      }
      // "delete web1 if it's stopped": a condition is refused by name, never dropped.
      if let condition = Self.condition(in: c, of: intent, live: live) {
        return .failure(ParseProblemError(problem: .unknownWords(condition)))
      }
      if let detail = halfSaid(intent, in: c, context: context) {
        return .failure(ParseProblemError(problem: detail.problem))
      }
      if verbFromSlip || Self.leavesOutPart(intent, of: c) {
        intent.confidence = min(intent.confidence, 0.6)
      }
      return .success(intent)
    }
    switch decided {
    case .success(let intent) where intent.kind.isReadOnly: return decided
    // "make me a sandwich": a create of something unknown names the word; a verbless remark
    // beside a request ("load test done, delete them") stays an aside.
    case .failure(let e) where e.problem != .noOperation || verb == nil: return decided
    default: return .failure(ParseProblemError(problem: .unknownWords(unknown)))
    }
  }

  /// What a description picks among what exists.
  struct Described {
    var names: [String]
    var storage = false
    var superlative = false
  }

  /// "the biggest one", "the cheapest one", "the most expensive one": the one VM (in `group`, if
  /// said) with the most or fewest vCPUs, or the highest or lowest price; "the gpu ones", "the
  /// web tier", "the hack vms", "the raw one": the VMs (or storage accounts) whose names hold
  /// the word. A singular description that fits several, or a tie, is asked about.
  func described(
    _ c: inout ClauseScan, live: LiveState, object: Object, group: String?
  ) -> Result<Described?, ParseProblemError> {
    let vms = live.vms.filter {
      group == nil || $0.resourceGroup.lowercased() == group!.lowercased()
    }
    let pluralMarks: Set<String> = [
      "ones", "vms", "tier", "boxes", "machines", "servers", "nodes", "instances",
    ]
    let singularMarks: Set<String> = ["one", "vm", "box", "machine", "server", "node", "instance"]
    for (i, w) in c.lower.enumerated() where !c.used.contains(i) && i > 0 {
      let most = c.lower[i - 1] == "most" && i > 1 && c.lower[i - 2] == "the"
      guard c.lower[i - 1] == "the" || most, object != .storage, vms.count > 1 else { continue }
      let key: (LiveState.VM) -> Double?
      var highest = true
      switch w {
      case "biggest", "largest":
        key = { vm in self.catalog.vmSize(named: vm.size).map { Double($0.vCPUs) } }
      case "smallest", "tiniest":
        key = { vm in self.catalog.vmSize(named: vm.size).map { Double($0.vCPUs) } }
        highest = false
      case "cheapest":
        key = { vm in self.billed(vm) }
        highest = false
      case "priciest",
        "expensive" where w == "priciest" || most:
        key = { vm in self.billed(vm) }
      default: continue
      }
      let keyed = vms.compactMap { vm in key(vm).map { (vm, $0) } }
      guard keyed.count == vms.count,
        let best = (highest ? keyed.map(\.1).max() : keyed.map(\.1).min())
      else {
        return .failure(ParseProblemError(problem: .unresolvedReference("the " + w + " one")))
      }
      let picked = keyed.filter { $0.1 == best }
      guard picked.count == 1 else {
        return .failure(ParseProblemError(problem: .unresolvedReference("the " + w + " one")))
      }
      // "which vm is the most expensive": still a price question, now about that VM.
      let asked = ["which", "what", "what's", "whats"].contains(c.lower.first ?? "")
      if !asked || ["biggest", "largest", "smallest", "tiniest"].contains(w) { c.claim(i...i) }
      if most, !asked { c.claim((i - 1)...(i - 1)) }
      if i + 1 < c.lower.count, singularMarks.contains(c.lower[i + 1]) {
        c.claim((i + 1)...(i + 1))
      }
      return .success(Described(names: [picked[0].0.name], superlative: true))
    }
    // "the ones in europe", "the asian one", "the one on the west coast": by where they run.
    if let (at, regions) = Self.placeDescribed(c), object != .storage {
      let marks = c.lower.filter { pluralMarks.contains($0) || singularMarks.contains($0) }
      if let mark = marks.first {
        let found = vms.filter { regions($0.location.lowercased()) }.map(\.name)
        if !found.isEmpty {
          if singularMarks.contains(mark), found.count > 1 {
            return .failure(
              ParseProblemError(
                problem: .unresolvedReference(
                  "the " + at.map { c.words[$0] }.joined(separator: " ") + " " + mark)))
          }
          c.claim(at)
          return .success(Described(names: found))
        }
      }
    }
    for (i, w) in c.lower.enumerated() where !c.used.contains(i) && i > 0 && i + 1 < c.lower.count {
      let mark = c.lower[i + 1]
      let plural = pluralMarks.contains(mark)
      guard c.lower[i - 1] == "the", plural || singularMarks.contains(mark), w.count >= 3,
        Self.verbWords[w] == nil, !Self.stopWords.contains(w), !Self.allWords.contains(w),
        Self.numberWords[w] == nil, !Self.biggerWords.contains(w), !Self.smallerWords.contains(w),
        !["other", "first", "last", "new", "old", "same", "second", "third", "next"].contains(w)
      else { continue }
      let bare = plural && w.hasSuffix("s") && w.count > 3 ? String(w.dropLast()) : w
      let matchingVMs = vms.filter { $0.name.lowercased().contains(bare) }.map(\.name)
      let matchingStorage = live.storageAccounts.filter { $0.name.lowercased().contains(bare) }
        .map(\.name)
      let storage = object == .storage || (matchingVMs.isEmpty && !matchingStorage.isEmpty)
      let found = storage ? matchingStorage : matchingVMs
      guard !found.isEmpty else { continue }
      if !plural, found.count > 1 {
        return .failure(ParseProblemError(problem: .unresolvedReference("the " + w + " " + mark)))
      }
      c.claim(i...(i + 1))
      return .success(Described(names: found, storage: storage))
    }
    return .success(nil)
  }

  /// A place said in words ("europe", "asian", "american", "the west coast") and a test of a
  /// region name against it, with the words' positions; nil when the clause names no place.
  static func placeDescribed(_ c: ClauseScan) -> ([Int], (String) -> Bool)? {
    let europe = ["europe", "uk", "france", "germany", "norway", "sweden", "switzerland", "poland"]
    let asia = ["asia", "japan", "korea", "india", "singapore"]
    let places: [String: (String) -> Bool] = [
      "europe": { r in europe.contains { r.contains($0) } },
      "european": { r in europe.contains { r.contains($0) } },
      "asia": { r in asia.contains { r.contains($0) } },
      "asian": { r in asia.contains { r.contains($0) } },
      "america": { r in r.hasSuffix("us") || r.dropLast().hasSuffix("us") },
      "american": { r in r.hasSuffix("us") || r.dropLast().hasSuffix("us") },
      "australia": { r in r.contains("australia") },
      "australian": { r in r.contains("australia") },
      "japan": { r in r.contains("japan") },
      "japanese": { r in r.contains("japan") },
    ]
    for (i, w) in c.lower.enumerated() where !c.used.contains(i) {
      if let test = places[w] { return ([i], test) }
      if ["west", "east"].contains(w), i + 1 < c.lower.count, c.lower[i + 1] == "coast" {
        let side = w
        return ([i, i + 1], { r in r.hasPrefix(side + "us") })
      }
    }
    return nil
  }

  /// What `vm` is billed an hour for compute now: nothing while deallocated.
  func billed(_ vm: LiveState.VM) -> Double? {
    guard vm.powerState != "deallocated" else { return 0 }
    return (catalog.vmPrice(size: vm.size, region: vm.location)?.hourly.amount).map {
      NSDecimalNumber(decimal: $0).doubleValue
    }
  }

  /// What a price question with no name of its own is about.
  enum Costed: Equatable {
    case group(String)
    case vms([String])
    case storage(String)
  }

  /// "how much is that per month", "cost?", "what are the two of them costing me", "what does
  /// the lab cost", "what will all of this cost": the group named by its short name, what the
  /// conversation just made or talked about — or nil (everything is priced).
  static func costedFromContext(
    _ c: ClauseScan, object: Object, pointed: Bool, all: Bool, context: ConversationContext,
    live: LiveState
  ) -> Costed? {
    // "the lab", "the pool": a live group by its short name (lab-rg, pool-rg).
    for (i, w) in c.lower.enumerated() where !c.used.contains(i) && live.vms(named: w).isEmpty {
      guard w.count >= 3, !ClauseScan.vocabulary.contains(w) || live.group(named: w) != nil,
        let g = live.group(shortName: w)
      else { continue }
      return .group(g.name)
    }
    let count = c.lower.compactMap { numberWords[$0] }.first { $0 > 1 }
    let each = c.lower.contains("each")
    let all = all && c.lower.contains { ["all", "everything"].contains($0) }
    // "cost?", "how much per month": bare, about what was just talked about — but "what am I
    // spending" is about everything.
    let whole: Set<String> = [
      "i", "i'm", "im", "my", "we", "our", "us", "me", "spend", "spending", "spent", "total",
      "bill",
    ]
    let bare = c.unknownWords().isEmpty && !c.lower.contains(where: whole.contains)
    guard pointed || count != nil || each || all || bare else { return nil }
    if [.createStorage, .listStorage, .deleteStorage].contains(context.lastKind)
      || object == .storage
    {
      return context.storage.map { .storage($0) }
    }
    // "what will all of this cost" after a group was made with its contents: that group.
    if all, let g = context.resourceGroup, live.group(named: g) != nil,
      [.createResourceGroup, .provisionVM, .createStorage, .attachDisk].contains(context.lastKind)
    {
      return .group(g)
    }
    guard object == .unknown || object == .vm, !all else { return nil }
    var vms = context.vms.filter { !live.vms(named: $0).isEmpty }
    // "what are the two of them costing me", "how much does each cost": as many as were met.
    if let n = count, vms.count != n {
      let met = context.ordered.filter { !live.vms(named: $0).isEmpty }
      vms = met.count >= n ? Array(met.suffix(n)) : live.vms.count == n ? live.vms.map(\.name) : []
    } else if each, vms.count < 2 {
      let met = context.ordered.filter { !live.vms(named: $0).isEmpty }
      vms = met.count >= 2 ? met : live.vms.map(\.name)
    }
    return vms.isEmpty ? nil : .vms(vms)
  }

  /// Where the subject of a yes/no question ("is cheap up") or the object of a leading verb
  /// ("make cheap a B1s", "stop backup") stands, after greetings and filler; nil otherwise.
  static func subjectOrObject(_ lower: [String]) -> Int? {
    let lead: Set<String> = [
      "ok", "okay", "so", "and", "now", "good", "morning", "hey", "hi", ",", "please", "also",
      "hmm", "oh", "well", "then", "but", "just", "wait",
    ]
    guard let first = lower.firstIndex(where: { !lead.contains($0) }) else { return nil }
    let w = lower[first]
    guard ["is", "was", "are"].contains(w) || verbWords[w] != nil else { return nil }
    var k = first + 1
    if k < lower.count, lower[k] == "the" { k += 1 }
    return k < lower.count ? k : nil
  }

  /// "how much is a D8s v3 in westus2" — "ok create one called heavy there": a create that
  /// names no size takes the size the last turn weighed (priced, previewed or refused), with its
  /// region and disks when the line names none.
  /// - Returns: The intents, with one disk attach per named VM when the weighed create had a
  ///   disk each ("2 D4s v3 with a 128gb disk each" — "create them, named p1 and p2").
  static func takeWeighed(_ weighed: IntentParameters?, into intents: [Intent]) -> [Intent] {
    var out: [Intent] = []
    for var intent in intents {
      var p = intent.parameters
      guard intent.kind == .provisionVM, let w = weighed, let size = w.size, p.size == nil,
        p.sizeChange == nil, p.looseSize == nil
      else {
        out.append(intent)
        continue
      }
      p.size = size
      if p.region == nil, p.resourceGroup == nil { p.region = w.region }
      if p.image == nil { p.image = w.image }
      intent.parameters = p
      out.append(intent)
      guard p.sizeGB == nil, let gb = w.sizeGB else { continue }
      if p.names.isEmpty {
        out[out.count - 1].parameters.sizeGB = gb
        out[out.count - 1].parameters.sku = w.sku
        continue
      }
      for name in p.names {
        var disk = Intent(
          kind: .attachDisk, confidence: intent.confidence,
          explanation: IntentKind.attachDisk.phrase + " to " + name)
        disk.parameters.vm = name
        disk.parameters.sizeGB = gb
        disk.parameters.sku = w.sku
        disk.parameters.resourceGroup = p.resourceGroup
        out.append(disk)
      }
    }
    return out
  }

  // MARK: - Stages that need the catalogue or the context

  func claimGroup(
    _ c: inout ClauseScan, into p: inout IntentParameters, context: ConversationContext,
    live: LiveState
  ) {
    if p.resourceGroup != nil { return }
    // "in it", "in there", "there", "in the same group": the group the conversation is about.
    if let g = context.resourceGroup,
      c.has(phrase: ["in", "it"]) || c.lower.contains("there") || c.has(phrase: ["same", "group"])
        || c.has(phrase: ["same", "rg"]) || c.has(phrase: ["that", "group"])
        || c.has(phrase: ["this", "group"])
        || c.has(phrase: ["to", "it"])
          && context.vms.isEmpty
    {
      p.resourceGroup = g
      c.claim(words: ["in", "it", "there", "same", "group", "rg", "that", "this"])
      return
    }
    // "in the default group": the configured default — never the group the conversation is in.
    if c.has(phrase: ["default", "group"]) || c.has(phrase: ["default", "rg"])
      || c.has(phrase: ["default", "resource", "group"])
    {
      c.claim(words: ["in", "the", "default", "group", "rg", "resource"])
      p.resourceGroup = defaultGroup
      return
    }
    if context.resourceGroup == nil,
      c.has(phrase: ["same", "group"]) || c.has(phrase: ["same", "rg"])
    {
      // "in the same group" with no group in the conversation: asked, never defaulted.
      p.resourceGroup = ""
      c.claim(words: ["same", "group", "rg"])
      return
    }
    if context.resourceGroup == nil, c.lower.contains("there"), let r = context.region {
      p.region = r
      c.claim(words: ["there"])
    }
    // "in the group", "into the rg": the group the conversation is about, said with "the".
    if let g = context.resourceGroup, live.group(named: "the") == nil,
      let at = Self.definiteGroupPlace(c)
    {
      p.resourceGroup = g
      c.claim(at)
      return
    }
    for (i, w) in c.lower.enumerated()
    where ["in", "into", "under", "inside", "to", "from", "of", "on"].contains(w) {
      var j = i + 1
      while j < c.lower.count, ["the", "a", "resource"].contains(c.lower[j]) { j += 1 }
      // "in rg", "in the rg group", "on test": a group that exists by that very name wins over
      // the word's meaning in the grammar ("rg" for resource group).
      if j < c.lower.count, !c.used.contains(j), let g = live.group(named: c.words[j]),
        !Self.singularPronouns.contains(c.lower[j]), !Self.pluralPronouns.contains(c.lower[j])
      {
        p.resourceGroup = g.name
        if j + 1 < c.lower.count, Self.groupNouns.contains(c.lower[j + 1]) { c.claim([j + 1]) }
        c.claim(i...j)
        return
      }
      let explicit = j < c.lower.count && Self.groupNouns.contains(c.lower[j])
      if explicit { j += 1 }
      guard j < c.words.count, !c.used.contains(j) else { continue }
      let candidate = c.words[j]
      // "in the rg group": a word of the grammar is never taken for a new group's name — except
      // right after the word for group ("rg other"), where a name stands.
      let l = candidate.lowercased()
      if live.group(named: candidate) == nil,
        explicit
          ? Self.groupNouns.contains(l) || Self.singularPronouns.contains(l)
            || Self.pluralPronouns.contains(l) || ["a", "an", "the"].contains(l)
          : ClauseScan.vocabulary.contains(l)
      {
        continue
      }
      // "the rest of test-rg", "everything on dev-rg": only a group that exists.
      if ["of", "on"].contains(w), live.group(named: candidate) == nil { continue }
      if let g = live.group(named: candidate)
        ?? (explicit || (j + 1 < c.lower.count && Self.groupNouns.contains(c.lower[j + 1]))
          ? live.group(shortName: candidate) : nil)
      {
        if j + 1 < c.lower.count, Self.groupNouns.contains(c.lower[j + 1]) { c.claim([j + 1]) }
        p.resourceGroup = g.name
      } else if let g = EditDistance.closest(
        to: candidate.lowercased(), in: live.groups.map { $0.name.lowercased() }),
        candidate.count >= 3,
        explicit || w == "in"
      {
        p.resourceGroup = live.groups.first { $0.name.lowercased() == g }?.name
        p.corrections.append(candidate)
      } else if (explicit || Self.looksLikeGroupName(candidate.lowercased())) && w != "to"
        && w != "from"
      {
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

  func claimRegion(_ c: inout ClauseScan, into p: inout IntentParameters) {
    var i = 0
    while i < c.lower.count {
      var matched = false
      for span in stride(from: 3, through: 1, by: -1) where i + span <= c.lower.count {
        guard !(i..<i + span).contains(where: { c.used.contains($0) }) else { continue }
        let text = c.lower[i..<i + span].joined(separator: " ")
        if span == 1 && Self.stopWords.contains(text) { continue }
        if let region = catalog.normalizeRegion(text) {
          // A second, different region in one clause is not guessed between: it is left
          // unclaimed, and the accounting refuses it by name.
          if let earlier = p.region, earlier != region {
            i += span
            matched = true
            break
          }
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

  func claimSizeImageCount(_ c: inout ClauseScan, into p: inout IntentParameters) {
    for i in c.lower.indices where !c.used.contains(i) && p.size == nil {
      let w = c.lower[i]
      if i + 1 < c.lower.count, !c.used.contains(i + 1), c.lower[i + 1].hasPrefix("v"),
        c.lower[i + 1].count <= 3,
        let size = catalog.vmSize(named: w + " " + c.lower[i + 1])
      {
        p.size = size.name
        c.claim(i...(i + 1))
      } else if i + 2 < c.lower.count, !c.used.contains(i + 1), !c.used.contains(i + 2),
        w.contains(where: \.isNumber), c.lower[i + 1].count <= 3,
        c.lower[i + 2].hasPrefix("v"), c.lower[i + 2].count <= 3,
        let size = catalog.vmSize(named: w + c.lower[i + 1] + " " + c.lower[i + 2])
      {
        // "d4 s v3": a size typed with a space inside its name.
        p.size = size.name
        c.claim(i...(i + 2))
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
        // "size Standrd_D2s_v3": one slip in a size's name is mended, and said.
        if catalog.vmSize(named: w) == nil,
          let close = EditDistance.closest(to: w, in: catalog.sizes.map { $0.name.lowercased() }),
          let size = catalog.vmSize(named: close)
        {
          p.size = size.name
          p.corrections.append(c.words[i])
        }
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
        // "debian 12", "ubuntu 24.04", "ubuntu 22.04 lts": the version picks the alias.
        if i + 1 < c.lower.count, !c.used.contains(i + 1) {
          let version = c.lower[i + 1].replacingOccurrences(of: ".", with: "")
          if let exact = Self.imageWords[w + version] {
            p.image = exact
            c.claim((i + 1)...(i + 1))
            if i + 2 < c.lower.count, c.lower[i + 2] == "lts" { c.claim((i + 2)...(i + 2)) }
          }
        }
      }
    }
    if c.has(phrase: ["half", "a", "dozen"]) {
      p.count = 6
      c.claim(words: ["half", "dozen"])
    }
    for i in c.lower.indices where !c.used.contains(i) && p.count == nil {
      let w = c.lower[i]
      if let n = Int(w), n > 0 {
        p.count = n
        c.claim(i...i)
      } else if w.hasSuffix("x"), let n = Int(w.dropLast()), n > 0, n <= 1000 {
        // "3x b1s": three of them.
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
    live: LiveState, lastVerb: Verb?,
    confidence: Double
  ) -> Result<Intent, ParseProblemError> {
    var p = p
    let namesLiveVM = p.names.contains { !live.vms(named: $0).isEmpty }
    // "ok, is shop running though", "x1 is still running, right?": asked, whatever leads.
    let leadWord = c.lower.first {
      ![",", "ok", "okay", "so", "and", "hmm", "well", "oh", "now", "then", "but"].contains($0)
    }
    let question =
      leadWord.map { Self.questionWords.contains($0) } ?? false
      || (namesLiveVM && c.lower.count > 2 && ["is", "are"].contains(c.lower[1]))
    // "and a 64 GB disk for it", "also some storage": a follow-up that adds.
    let lead = c.lower.first {
      !Self.fillerWords.contains($0) || ["and", "also", "plus", "with"].contains($0)
    }
    let addsMore =
      ["and", "also", "plus", "with"].contains(lead ?? "")
      || ["too", "also"].contains(c.lower.last ?? "")
    let indefinite =
      c.lower.contains { ["a", "an", "another", "more", "extra", "new"].contains($0) }
      || p.count != nil
    // "and a pair of D2s v3 in the same region": a size with no noun is VMs.
    if verb == nil, addsMore, object != .unknown || (p.size != nil && indefinite),
      indefinite || lastVerb != nil
    {
      return decide(
        verb: indefinite ? .create : lastVerb, object: object == .unknown ? .vm : object,
        groupTarget: groupTarget, p: p, c: c,
        live: live, lastVerb: nil, confidence: confidence * 0.9)
    }
    // "just the one called all", "the vm named stop": a VM that exists, pointed at — never a
    // new VM of the same name.
    if c.naming, !p.names.isEmpty, p.names.allSatisfy({ !live.vms(named: $0).isEmpty }),
      c.lower.contains("the"), verb == nil || verb == .create,
      let at = c.lower.firstIndex(where: { ["called", "named"].contains($0) }), at >= 2,
      c.lower[at - 2] == "the"
    {
      if let last = lastVerb, verb == nil, last != .create, last != .list, last != .cost {
        return decide(
          verb: last, object: .vm, groupTarget: false, p: p, c: c, live: live, lastVerb: nil,
          confidence: confidence * 0.9)
      }
      var show = make(.showVM, p, confidence)
      show.explanation = "~" + show.explanation
      return .success(show)
    }
    guard let verb else {
      // Terse: "k1 off", "both on", "k1 d4sv5", "bigger still".
      if namesLiveVM, !question, c.lower.count <= 3, p.sizeChange == nil,
        !Self.describesState(c.lower)
      {
        if p.size != nil { return .success(make(.resizeVM, p, confidence * 0.9)) }
        let last = c.lower.last ?? ""
        if ["off", "down"].contains(last) || p.powerState == "stopped" {
          var q = p
          q.powerState = nil
          q.all = false
          return .success(make(.stopVM, q, confidence * 0.9))
        }
        if ["on", "up"].contains(last) {
          var q = p
          q.powerState = nil
          q.all = false
          return .success(make(.startVM, q, confidence * 0.9))
        }
      }
      // No verb: a question or a noun alone ("is sam up", "vms", "what's in test-rg").
      if (namesLiveVM || p.fromContext == "it") && !p.names.isEmpty && p.names.count == 1
        && (question || (c.lower.count <= 3 && p.sizeChange == nil))
      {
        var show = make(.showVM, p, confidence)
        show.explanation = "~" + show.explanation
        return .success(show)
      }
      // "are they all up", "are those running": the state of the VMs just talked about.
      if question, object != .group, object != .storage, object != .disk,
        c.lower.contains(where: { ["they", "them", "those", "these", "all"].contains($0) })
      {
        var list = make(.listVMs, p, confidence * 0.9)
        list.explanation = "~" + list.explanation
        return .success(list)
      }
      if p.count != nil, p.size != nil, !question {
        // "and a pair of D2s v3 in the same region": more VMs, confirmed first.
        return .success(make(.provisionVM, p, 0.6))
      }
      if p.sizeChange != nil, p.names.isEmpty, !question,
        lastVerb == .resize || lastVerb == .create,
        c.lower.count <= 6
      {
        // "bigger still", "too pricey now, something cheaper": the VM just talked about.
        return .success(make(.resizeVM, p, 0.6))
      }
      if p.sizeChange != nil || p.size != nil, namesLiveVM || p.fromContext != nil {
        return .success(make(.resizeVM, p, confidence * 0.9))
      }
      let wants =
        c.lower.contains(where: { ["new", "need", "want", "another", "wanna"].contains($0) })
        || c.has(phrase: ["would", "like"]) || c.naming
      // "and the first one too": the verb of the conversation's last request. So too after a
      // word of sequence ("now the other one", "next the second one"): the same again, on the
      // VMs pointed at — never a question ("now is the other one up").
      let next = !question && ["now", "next", "then"].contains(c.lower.first ?? "")
      if addsMore || c.lower.last == "too" || next, !p.names.isEmpty, let last = lastVerb,
        last != .create
      {
        return decide(
          verb: last, object: object, groupTarget: groupTarget, p: p, c: c, live: live,
          lastVerb: nil, confidence: confidence * 0.9)
      }
      if wants && !question && object != .unknown {
        return decide(
          verb: .create, object: object, groupTarget: groupTarget, p: p, c: c, live: live,
          lastVerb: nil, confidence: confidence * 0.9)
      }
      if object == .storage { return .success(make(.listStorage, p, confidence * 0.9)) }
      if object == .group { return .success(make(.listResourceGroups, p, confidence * 0.9)) }
      // "good, leave it like that", "keep sam": only something kept out — nothing to do.
      if !p.excluded.isEmpty { return .failure(ParseProblemError(problem: .negated)) }
      if object == .vm, p.count != nil, !question {
        // "3 vms": most likely a create, but the line does not say so — confirm first.
        return .success(make(.provisionVM, p, 0.6))
      }
      if object == .vm || (question && (p.powerState != nil || p.resourceGroup != nil))
        || (question
          && c.lower.contains(where: { ["left", "remaining", "there", "exist"].contains($0) }))
      {
        // "the machine of yesterday, put it on again": beside a change, only a remark.
        var list = make(.listVMs, p, confidence * 0.9)
        if !question { list.explanation = "~" + list.explanation }
        return .success(list)
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
      case .detach:
        // "detach db1-logs (from db1)": the VM it hangs on, as Azure says.
        if p.vm == nil, p.names.count == 1,
          let disk = live.disks.first(where: { $0.name.lowercased() == p.names[0].lowercased() }),
          let owner = disk.managedBy
        {
          p.vm = String(owner.split(separator: "/").last ?? Substring(owner))
        }
        return .success(make(.detachDisk, p, confidence))
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
      // "make this machine smaller, like a D2s v3": a VM pointed at, not a new one.
      let pointedAt = c.lower.indices.contains { i in
        ["this", "that"].contains(c.lower[i]) && i + 1 < c.lower.count
          && Self.vmNouns.contains(c.lower[i + 1])
      }
      let existing =
        namesLiveVM || p.fromContext != nil || p.all || pointedAt
        || (p.names.isEmpty && p.sizeChange != nil && p.count == nil)
      if reshape && existing && (p.size != nil || p.sizeChange != nil) && !c.naming
        && !c.lower.contains(where: { ["new", "another", "more"].contains($0) })
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
      // "i'm pretty new to azure": a create of nothing in particular is no request.
      if object == .unknown, p.names.isEmpty, p.count == nil, p.size == nil, p.image == nil,
        p.sizeGB == nil, !c.naming
      {
        return .failure(ParseProblemError(problem: .noOperation))
      }
      p.sizeChange = nil
      // "create test-rg": a name shaped like a group, with no kind said.
      if object == .unknown, p.names.count == 1, p.names[0].lowercased().hasSuffix("rg") {
        p.resourceGroup = nil
        return .success(make(.createResourceGroup, p, confidence * 0.9))
      }
      // "create vms for the hackathon": how many is not said.
      if p.names.isEmpty, p.count == nil, p.size == nil || object == .vm,
        c.lower.contains(where: {
          ["vms", "servers", "machines", "boxes", "instances"].contains($0)
        })
      {
        return .failure(ParseProblemError(problem: .howMany))
      }
      // "give him something with 4 cores": a create with no kind and no name is confirmed first.
      return .success(
        make(.provisionVM, p, object == .unknown && !c.naming ? 0.6 : confidence))
    case .delete where p.size != nil || p.sizeChange != nil && c.lower.contains("to"):
      // "drop it to a d2s v3", "take it down to a B2s": a size is never deleted.
      return .success(make(.resizeVM, p, confidence * 0.9))
    case .delete:
      if groupTarget
        || (p.names.count == 1 && !namesLiveVM && Self.looksLikeGroupName(p.names[0].lowercased()))
      {
        return .success(make(.deleteResourceGroup, p, confidence))
      }
      // "delete everything" with no kind, group or filter: which things is not said.
      if p.names.isEmpty, object == .unknown, p.resourceGroup == nil, p.powerState == nil,
        p.excluded.isEmpty
      {
        return .failure(ParseProblemError(problem: .missingTarget("delete")))
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
      if p.names.isEmpty, let vm = p.vm {
        p.names = [vm]
        p.vm = nil
      }
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

  /// True for a word that can stand as a resource's name: it starts with a letter or a digit
  /// (or is not ASCII), and is not longer than any Azure name.
  public static func looksLikeName(_ word: String) -> Bool {
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

extension LocalIntentParser {
  /// Sizes by what they hold: "8 vcpus and 32 gb memory", "something with 2 cores",
  /// "16gb of ram". The cheapest size in the region that fits is chosen (no GPUs unless asked).
  func claimLooseSize(_ c: inout ClauseScan, into p: inout IntentParameters, region: String?) {
    var cpus: Int?
    var memory: Double?
    let cpuWords: Set<String> = ["vcpu", "vcpus", "cpu", "cpus", "core", "cores", "vcores"]
    let memoryWords: Set<String> = ["ram", "memory", "mem"]
    for i in c.lower.indices where !c.used.contains(i) {
      let w = c.lower[i]
      let next = i + 1 < c.lower.count ? c.lower[i + 1] : ""
      if let n = Int(w) ?? Self.numberWords[w], cpuWords.contains(next) {
        cpus = n
        c.claim(i...(i + 1))
      } else if let suffix = cpuWords.first(where: { w.hasSuffix($0) }),
        let n = Int(w.dropLast(suffix.count))
      {
        cpus = n
        c.claim(i...i)
      } else if let n = Double(w), ["gb", "gib", "g"].contains(next) {
        var k = i + 2
        if k < c.lower.count, c.lower[k] == "of" { k += 1 }
        if k < c.lower.count, memoryWords.contains(c.lower[k]) {
          memory = n
          c.claim(i...k)
        }
      } else if let unit = ["gb", "gib", "g"].first(where: { w.hasSuffix($0) }),
        let n = Double(w.dropLast(unit.count))
      {
        var k = i + 1
        if k < c.lower.count, c.lower[k] == "of" { k += 1 }
        if k < c.lower.count, memoryWords.contains(c.lower[k]) {
          memory = n
          c.claim(i...k)
        }
      }
    }
    // "a memory optimized vm with 64 gb": where memory is the only thing the clause measures
    // (no disk, no storage), an amount of GB is the memory.
    if memory == nil,
      c.lower.indices.contains(where: { !c.used.contains($0) && memoryWords.contains(c.lower[$0]) }
      ),
      !c.lower.contains(where: { Self.diskNouns.contains($0) || Self.storageNouns.contains($0) })
    {
      let amounts = c.lower.indices.filter { i in
        guard !c.used.contains(i) else { return false }
        let w = c.lower[i]
        let next = i + 1 < c.lower.count ? c.lower[i + 1] : ""
        return (Double(w) != nil && ["gb", "gib"].contains(next))
          || ["gb", "gib"].contains(where: {
            w.hasSuffix($0) && Double(w.dropLast($0.count)) != nil
          })
      }
      if amounts.count == 1, let i = amounts.first {
        let w = c.lower[i]
        if let n = Double(w) {
          memory = n
          c.claim(i...(i + 1))
        } else if let unit = ["gib", "gb"].first(where: { w.hasSuffix($0) }),
          let n = Double(w.dropLast(unit.count))
        {
          memory = n
          c.claim(i...i)
        }
        for k in c.lower.indices where memoryWords.contains(c.lower[k]) { c.claim(k...k) }
      }
    }
    guard cpus != nil || memory != nil else { return }
    let wantsGPU = c.lower.contains("gpu")
    let offered = catalog.sizesOffered(in: region ?? "eastus").filter {
      $0.vCPUs >= (cpus ?? 0) && $0.memoryGB >= (memory ?? 0) && ($0.gpus > 0) == wantsGPU
    }
    let region = region ?? "eastus"
    let cheapest = offered.min { a, b in
      let pa = catalog.vmPrice(size: a.name, region: region)?.hourly
      let pb = catalog.vmPrice(size: b.name, region: region)?.hourly
      switch (pa, pb) {
      case (let x?, let y?): return x < y || (x == y && a.name < b.name)
      case (.some, nil): return true
      default: return false
      }
    }
    if let cheapest { p.size = cheapest.name }
    p.looseSize = LooseSize(vCPUs: cpus, memoryGB: memory)
  }
}

extension LocalIntentParser {
  /// The words of what exists: names, and the parts of hyphenated names ("replica" of
  /// `db-replica`), which are understood though they name nothing on their own.
  static func liveWords(_ live: LiveState) -> Set<String> {
    var words = Set<String>()
    let names =
      live.vms.map(\.name) + live.groups.map(\.name) + live.storageAccounts.map(\.name)
      + live.disks.map(\.name)
    for n in names {
      let l = n.lowercased()
      words.insert(l)
      for part in l.split(whereSeparator: { $0 == "-" || $0 == "_" }) where part.count >= 3 {
        words.insert(String(part))
      }
    }
    return words
  }
}

extension LocalIntentParser {
  /// Words that make a stop about the bill ("so I'm not charged"): a deallocate.
  static let billWords: Set<String> = [
    "charged", "charge", "billed", "billing", "pay", "paying", "cost", "costs", "money",
  ]

  /// Names shaped like resource groups: "rg1", "rg-demo", "demo-rg", "team_rg2".
  static func looksLikeGroupName(_ word: String) -> Bool {
    let trimmed = word.trimmingCharacters(in: .decimalDigits)
    return trimmed.hasSuffix("rg") || word.hasPrefix("rg-") || word.hasPrefix("rg_")
      || (word.hasPrefix("rg") && word.dropFirst(2).allSatisfy(\.isNumber) && word.count > 2)
  }
}
