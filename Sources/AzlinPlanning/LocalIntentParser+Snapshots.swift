import AzlinAzure
import Foundation

extension LocalIntentParser {
  /// Words for a disk snapshot.
  static let snapshotNouns: Set<String> = ["snapshot", "snapshots"]

  /// Verbs that take a snapshot ("take a snapshot of sam", "snapshot sam").
  static let snapshotTakingVerbs: Set<String> = [
    "take", "make", "create", "snapshot", "add", "grab", "capture", "do", "get",
  ]

  /// Verbs that make a disk from a snapshot.
  static let snapshotRestoringVerbs: Set<String> = ["restore", "recover", "revert", "rollback"]

  /// Words a snapshot clause may hold without meaning anything of their own.
  static let snapshotFiller: Set<String> = [
    "a", "an", "the", "of", "for", "from", "please", "pls", "now", "quick", "quickly", "new",
    "my", "our", "its", "it's", "current", "me", "i", "we", "to", "with", "just", "first", "all",
    "every", "each", "any", "one", "in", "group", "rg", "resource", "vm", "machine", "server",
    "have", "got", "there", "are", "is", "do", "what", "which", "how", "many", "exist", "existing",
    ",", "can", "you", "could", "would", "let's", "lets", "and", "list", "show", "see", "view",
    "ls", "display", "back", "up", "again", "as", "it", "that", "this", "them", "on",
  ]

  /// Reads a clause about disk snapshots: taking one ("snapshot sam", "take a snapshot of
  /// sam's data disk called pre-upgrade"), listing them ("list my snapshots"), deleting one
  /// ("delete snapshot sam-os-snap-1") and making a disk from one ("restore sam's disk from
  /// snapshot sam-os-snap-1", "make a disk from snapshot X called Y"). "before resizing,
  /// snapshot sam" (and "snapshot sam before resizing it to D4s v3") is two intents, the
  /// snapshot first.
  ///
  /// Every word must be accounted for: a word no rule knows is asked about, never taken as a
  /// name; names come only from naming positions ("called X", right after "snapshot" in a
  /// delete or restore) or from what exists.
  /// - Returns: `nil` when the clause says nothing of snapshots.
  func snapshotClause(_ clause: [String], context: ConversationContext, live: LiveState)
    -> Result<[Intent], ParseProblem>?
  {
    let lower = clause.map { $0.lowercased() }
    // A VM, disk or group called "snapshot" is a name, not the noun; a snapshot's own name
    // ("delete s1") makes the clause about it when nothing else has that name.
    let liveNames = Set(
      live.vms.map { $0.name.lowercased() } + live.groups.map { $0.name.lowercased() }
        + live.disks.map { $0.name.lowercased() })
    guard
      lower.contains(where: {
        (Self.snapshotNouns.contains($0) || !live.snapshots(named: $0).isEmpty)
          && !liveNames.contains($0)
      })
    else { return nil }
    if lower.contains(where: { Self.negations.contains($0) }) { return .failure(.negated) }
    // "before resizing, snapshot sam" / "snapshot sam before I resize it to B4ms".
    if let at = lower.firstIndex(of: "before") {
      let (first, later): ([String], [String])
      if at == 0 {
        guard let comma = lower.firstIndex(of: ",") else { return .failure(.noOperation) }
        (first, later) = (Array(clause[(comma + 1)...]), Array(clause[1..<comma]))
      } else {
        (first, later) = (Array(clause[..<at]), Array(clause[(at + 1)...]))
      }
      // "before resizing sam …, snapshot it": "it" is the VM the other part names.
      var firstContext = context
      if let vm = later.lazy.compactMap({ live.vms(named: $0).first?.name }).first {
        firstContext.vms = [vm]
      }
      let read = snapshotClause(first, context: firstContext, live: live)
      guard case .success(let snapshots)? = read else { return read ?? .failure(.noOperation) }
      return followingSnapshot(snapshots, later, context: context, live: live)
    }
    return snapshotIntents(clause, context: context, live: live)
  }

  /// The request to carry out after `snapshots` ("resizing", "I resize it to B4ms"): read as a
  /// clause with its -ing verb made plain, on the snapshot's VM when it names none.
  private func followingSnapshot(
    _ snapshots: [Intent], _ words: [String], context: ConversationContext, live: LiveState
  ) -> Result<[Intent], ParseProblem> {
    var rest = words.filter { ![",", "i", "we", "you"].contains($0.lowercased()) }
    guard !rest.isEmpty else { return .failure(.noOperation) }
    if let plain = Self.plainVerb(rest[0].lowercased()) { rest[0] = plain }
    var carried = context
    for s in snapshots { carried.remember(s) }
    let vm = snapshots.last?.parameters.vm
    let namesTarget = rest.contains {
      let w = $0.lowercased()
      return !live.vms(named: w).isEmpty || Self.singularPronouns.contains(w)
        || Self.pluralPronouns.contains(w)
    }
    if !namesTarget, let vm { rest.insert(vm, at: 1) }
    if let vm { carried.vms = [vm] }
    switch parseClause(rest, context: carried, live: live, inheritedVerb: nil) {
    case .success(let intent): return .success(snapshots + [intent])
    case .failure(let problem): return .failure(problem.problem)
    }
  }

  /// "resizing" → "resize", "stopping" → "stop", "upgrading" → "upgrade": the verb an -ing
  /// form is of, when the grammar knows it.
  static func plainVerb(_ word: String) -> String? {
    guard word.hasSuffix("ing"), word.count > 4 else { return nil }
    let stem = String(word.dropLast(3))
    for candidate in [stem, stem + "e", String(stem.dropLast())]
    where verbWords[candidate] != nil {
      return candidate
    }
    return nil
  }

  /// The snapshot intents of a clause without "before": one per VM, disk or snapshot it names
  /// ("snapshot sam and web1" is two snapshots, never one of the last named).
  private func snapshotIntents(_ clause: [String], context: ConversationContext, live: LiveState)
    -> Result<[Intent], ParseProblem>
  {
    let words = clause.map { w -> String in
      for suffix in ["'s", "’s"] where w.lowercased().hasSuffix(suffix) && w.count > 2 {
        return String(w.dropLast(2))
      }
      return w
    }
    let lower = words.map { $0.lowercased() }
    var claimed = Set<Int>()
    var p = IntentParameters()
    func claim(_ i: Int) { claimed.insert(i) }

    // Naming positions: "called X", "named X", "as X".
    var newName: String?
    for (i, w) in lower.enumerated() where ["called", "named"].contains(w) && i + 1 < words.count {
      newName = words[i + 1]
      claim(i)
      claim(i + 1)
    }
    let restoring =
      lower.contains { Self.snapshotRestoringVerbs.contains($0) }
      || (lower.contains("from")
        && lower.contains { Self.diskNouns.contains($0) || ["copy", "clone"].contains($0) })
    let deleting = !restoring && lower.contains { Self.verbWords[$0] == .delete }
    let listing =
      !restoring && !deleting
      && (lower.contains { Self.verbWords[$0] == .list }
        || lower.contains { ["what", "which", "any", "many", "have"].contains($0) }
        || (lower.contains("snapshots")
          && !lower.contains { Self.snapshotTakingVerbs.contains($0) && $0 != "snapshots" }))
    // "how much would a snapshot of sam cost": asked about, so previewed with its price, never
    // carried out.
    if !listing, lower.contains(where: { Self.costWords.contains($0) }) { p.hypothetical = true }

    // The snapshot named right after the noun ("snapshot X", "from snapshot X") in a delete or
    // a restore, or any live snapshot's name.
    var snapshotNames: [String] = []
    for (i, w) in lower.enumerated() {
      if !live.snapshots(named: w).isEmpty, !claimed.contains(i) {
        snapshotNames.append(live.snapshots(named: w)[0].name)
        claim(i)
      } else if deleting || restoring, Self.snapshotNouns.contains(w), i + 1 < words.count,
        !claimed.contains(i + 1), Self.nameShaped(lower[i + 1])
      {
        snapshotNames.append(words[i + 1])
        claim(i + 1)
      }
    }
    // The VM or disk it is about: a live name, or what "it" / "that disk" refer to.
    var vmsNamed: [String] = []
    var disksNamed: [String] = []
    for (i, w) in lower.enumerated() where !claimed.contains(i) {
      if let vm = live.vms(named: w).first {
        p.vm = vm.name
        vmsNamed.append(vm.name)
        claim(i)
      } else if let disk = live.disks.first(where: { $0.name.lowercased() == w }) {
        p.disk = disk.name
        disksNamed.append(disk.name)
        claim(i)
      } else if let g = live.group(named: w), i > 0, ["in", "group", "rg"].contains(lower[i - 1]) {
        p.resourceGroup = g.name
        claim(i)
      }
    }
    if p.vm == nil, p.disk == nil,
      lower.contains(where: { Self.singularPronouns.contains($0) })
    {
      let diskMeant = lower.contains { Self.diskNouns.contains($0) }
      if diskMeant, let d = context.disk {
        p.disk = d
      } else if context.vms.count == 1 {
        p.vm = context.vms[0]
      }
    }
    if p.disk == nil, lower.contains(where: { Self.diskNouns.contains($0) }) {
      if lower.contains(where: { ["os", "boot", "system", "root"].contains($0) }) {
        p.disk = "os"
      } else if lower.contains("data") {
        p.disk = "data"
      }
    }
    // Every other word must be one the grammar knows.
    let known = Self.snapshotNouns.union(Self.snapshotTakingVerbs).union(
      Self.snapshotRestoringVerbs
    )
    .union(Self.snapshotFiller).union(Self.diskNouns).union(Self.singularPronouns)
    .union(["os", "boot", "system", "root", "data", "copy", "clone", "called", "named"])
    let unknown = lower.indices.filter {
      !claimed.contains($0) && !known.contains(lower[$0]) && Self.verbWords[lower[$0]] == nil
        && !Self.stopWords.contains(lower[$0])
    }.map { clause[$0] }
    if !unknown.isEmpty { return .failure(.unknownWords(unknown)) }

    if restoring {
      guard !snapshotNames.isEmpty else { return .failure(.missingTarget("restore")) }
      if let newName { p.names = [newName] }
      return .success(
        snapshotNames.map { source in
          var each = p
          each.snapshot = source
          return Intent(
            kind: .restoreSnapshot, parameters: each,
            explanation: IntentKind.restoreSnapshot.phrase + " " + source)
        })
    }
    // Several VMs or disks named: one snapshot of each (a name given is asked of each, and
    // the planner refuses it the second time).
    if !deleting, vmsNamed.count + disksNamed.count > 1 {
      let qualifier = ["os", "data"].contains(p.disk ?? "") ? p.disk : nil
      var each = vmsNamed.map { vm -> IntentParameters in
        var one = p
        (one.vm, one.disk) = (vm, qualifier)
        return one
      }
      each += disksNamed.map { disk -> IntentParameters in
        var one = p
        (one.vm, one.disk) = (nil, disk)
        return one
      }
      return .success(
        each.map { Self.snapshotIntent($0, newName: newName, listing: listing) })
    }
    let intent: Intent
    if deleting {
      guard !snapshotNames.isEmpty || context.snapshot != nil else {
        return .failure(.missingTarget("delete"))
      }
      p.names = snapshotNames.isEmpty ? [context.snapshot!] : snapshotNames
      intent = Intent(
        kind: .deleteSnapshot, parameters: p,
        explanation: "delete snapshot " + p.names.joined(separator: ", "))
    } else {
      guard listing || p.vm != nil || (p.disk != nil && p.disk != "os" && p.disk != "data")
      else {
        return .failure(.missingTarget("snapshot"))
      }
      intent = Self.snapshotIntent(p, newName: newName, listing: listing)
    }
    return .success([intent])
  }

  /// A snapshot listing, or a snapshot of the VM's or disk named in `p` (called `newName`).
  private static func snapshotIntent(_ p: IntentParameters, newName: String?, listing: Bool)
    -> Intent
  {
    if listing {
      return Intent(
        kind: .listSnapshots, parameters: p, explanation: IntentKind.listSnapshots.phrase)
    }
    var p = p
    if let newName { p.names = [newName] }
    return Intent(
      kind: .createSnapshot, parameters: p,
      explanation: "snapshot "
        + (p.disk.map { ["os", "data"].contains($0) ? "\(p.vm ?? "")'s \($0) disk" : $0 }
          ?? "\(p.vm ?? "")'s OS disk"))
  }

  /// Clauses with a "before …" clause joined to the snapshot clause after it: "before deleting
  /// it, make a snapshot of sam" is one request (snapshot first), never a delete on its own.
  static func joiningSnapshotConditions(_ clauses: [[String]]) -> [[String]] {
    var out: [[String]] = []
    var i = 0
    while i < clauses.count {
      if clauses[i].first?.lowercased() == "before", i + 1 < clauses.count,
        clauses[i + 1].contains(where: { snapshotNouns.contains($0.lowercased()) })
      {
        out.append(clauses[i] + (clauses[i].last == "," ? [] : [","]) + clauses[i + 1])
        i += 2
      } else {
        out.append(clauses[i])
        i += 1
      }
    }
    return out
  }

  /// Whether a word may stand as a name where a name is expected: not a word of the grammar.
  static func nameShaped(_ w: String) -> Bool {
    !stopWords.contains(w) && !snapshotFiller.contains(w) && verbWords[w] == nil
      && !snapshotNouns.contains(w) && !diskNouns.contains(w)
      && w.unicodeScalars.allSatisfy {
        CharacterSet.alphanumerics.contains($0) || "-_".unicodeScalars.contains($0)
      }
  }
}
