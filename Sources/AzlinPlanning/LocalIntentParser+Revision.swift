import AzlinAzure
import Foundation

extension LocalIntentParser {
  /// What a revision changes: "call it web2", "in westeurope", "the D2s_v5", "3 vms".
  public struct Revision: Sendable {
    /// The parameters the words give (names only from a naming phrase or a live VM).
    public var parameters = IntentParameters()
    /// The intents the words make on their own, when they carry a verb of their own
    /// ("no, I meant deallocate it"): they replace the request instead of revising it.
    public var replacement: [Intent]?
    /// True when the words name VMs ("make that 3 vms"): they cannot revise a request about
    /// a disk, a storage account or a group.
    public var aboutVMs = false
    /// True when the words said nothing azlin could use.
    public var isEmpty: Bool {
      replacement == nil && parameters == IntentParameters()
    }

    /// True when the words name VMs while `kind` is about something else.
    public func changesKind(of kind: IntentKind?) -> Bool {
      guard aboutVMs, let kind else { return false }
      return [
        .attachDisk, .detachDisk, .deleteDisk, .createStorage, .deleteStorage,
        .createResourceGroup, .deleteResourceGroup,
      ].contains(kind)
    }
  }

  /// Reads `words` as a revision of an earlier request.
  public func revision(_ line: String, context: ConversationContext, live: LiveState)
    -> Result<Revision, ParseProblem>
  {
    revision(Self.tokens(of: line), context: context, live: live).mapError(\.problem)
  }

  func revision(_ words: [String], context: ConversationContext, live: LiveState)
    -> Result<Revision, ParseProblemError>
  {
    var out = Revision()
    var c = ClauseScan(words: words)
    let light: Set<String> = [
      "put", "make", "give", "change", "call", "use", "go", "do", "get", "add",
    ]
    let ownVerb = c.lower.contains { w in
      guard let v = Self.verbWords[w] else { return false }
      return !light.contains(w) && v != .list
    }
    if ownVerb, case .intents(let intents) = parse(words: words, context: context, live: live) {
      out.replacement = intents
      return .success(out)
    }
    var p = IntentParameters()
    c.claimSecrets()
    p.names = c.claimNamesAfterNamingWords()
    claimRegion(&c, into: &p)
    claimGroup(&c, into: &p, context: context, live: live)
    claimLooseSize(&c, into: &p, region: p.region ?? context.region)
    c.claimDiskSizeAndSku(into: &p)
    if let bad = c.claimBadCount() { return .failure(ParseProblemError(problem: .badCount(bad))) }
    claimSizeImageCount(&c, into: &p)
    _ = c.claimVerbWord()
    out.aboutVMs = c.claimObject() == .vm
    if p.names.isEmpty {
      p.names = c.claimLiveNames(live: live, groups: false).names
    }
    if p.size == nil {
      for (i, w) in c.lower.enumerated() where !c.used.contains(i) {
        if Self.biggerWords.contains(w) && w != "up" || w == "bigger" {
          p.sizeChange = "bigger"
          c.claim([i])
        } else if Self.smallerWords.contains(w) && w != "down" {
          p.sizeChange = "smaller"
          c.claim([i])
        }
      }
    }
    let unknown = c.unknownWords()
    if !unknown.isEmpty { return .failure(ParseProblemError(problem: .unknownWords(unknown))) }
    out.parameters = p
    return .success(out)
  }

  /// Applies the revision in `words` to the last intent of `intents`.
  func revise(
    _ intents: [Intent], with words: [String], context: ConversationContext, live: LiveState
  ) -> Result<[Intent], ParseProblemError> {
    switch revision(words, context: context, live: live) {
    case .failure(let problem):
      // "create a vm named api, I mean api2, in eastus2": a bare word first, where the request
      // named one thing, is the name it meant.
      guard case .unknownWords(let unknown) = problem.problem, unknown.count == 1,
        words.first == unknown[0], Self.looksLikeName(unknown[0]),
        intents.last?.parameters.names.count == 1
      else { return .failure(problem) }
      var delta = IntentParameters()
      let rest = Array(words.dropFirst().drop(while: { $0 == "," }))
      if !rest.isEmpty {
        guard case .success(let r) = revision(rest, context: context, live: live),
          r.replacement == nil
        else { return .failure(problem) }
        delta = r.parameters
      }
      delta.names = [unknown[0]]
      return .success(Self.apply(delta, to: intents))
    case .success(let r):
      if let replacement = r.replacement { return .success(replacement) }
      if r.isEmpty { return .failure(ParseProblemError(problem: .unknownWords(words))) }
      return .success(Self.apply(r.parameters, to: intents))
    }
  }

  /// Puts what `delta` says over the last intent of `intents` (and the intents of its kind).
  public static func apply(_ delta: IntentParameters, to intents: [Intent]) -> [Intent] {
    guard let last = intents.last else { return intents }
    var out = intents
    for i in out.indices where out[i].kind == last.kind {
      var p = out[i].parameters
      if !delta.names.isEmpty {
        p.names = delta.names
        p.all = false
      }
      // "a 100gb disk, actually 200": a bare number revises the disk's size, not a count.
      if let v = delta.count {
        if last.kind == .attachDisk, delta.sizeGB == nil { p.sizeGB = v } else { p.count = v }
      }
      if let v = delta.resourceGroup { p.resourceGroup = v }
      if let v = delta.region { p.region = v }
      if let v = delta.size {
        p.size = v
        p.sizeChange = nil
      }
      if let v = delta.sizeChange, delta.size == nil {
        p.sizeChange = v
        p.size = nil
      }
      if let v = delta.looseSize { p.looseSize = v }
      if let v = delta.image { p.image = v }
      if let v = delta.sizeGB { p.sizeGB = v }
      if let v = delta.sku { p.sku = v }
      p.hypothetical = false
      out[i].parameters = p
      out[i].explanation =
        out[i].kind.phrase + (p.names.isEmpty ? "" : " " + p.names.joined(separator: ", "))
    }
    return out
  }
}
