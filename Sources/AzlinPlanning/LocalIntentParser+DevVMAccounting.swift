import AzlinAzure
import Foundation

extension LocalIntentParser {
  /// The words the readings of a development VM's day know beyond the main grammar's: ports,
  /// their verbs and sources, schedules and times, tags.
  static let devVMVocabulary: Set<String> = [
    "port", "ports", "ssh", "http", "https", "rdp", "postgres", "mysql", "open", "opened",
    "opening", "allow", "expose", "unblock", "close", "closed", "closing", "block", "deny",
    "shut", "unexpose", "anywhere", "everyone", "everybody", "anyone", "internet", "world",
    "public", "inbound", "incoming", "traffic", "access", "address", "ip", "ips", "only",
    "auto-shutdown", "autoshutdown", "auto", "shutdown", "auto-shut-down", "schedule",
    "scheduled", "daily", "nightly", "everyday", "evenings", "nights", "day", "days", "night",
    "evening", "weekday", "weekdays", "workday", "morning", "mornings", "at", "am", "pm", "a.m",
    "p.m", "midnight", "noon", "midday", "o'clock", "oclock", "time", "local", "tonight",
    "disable", "enable", "cancel", "clear", "strip", "turn", "set", "setting", "no", "more",
    "shutting", "shuts", "tag", "tags", "tagged", "untag", "label", "labels", "labelled",
    "labeled", "owned", "owner", "key", "value", "having", "has", "most", "top", "biggest",
    "priciest", "highest", "rank", "costing", "pricey", "costs", "expensive", "on", "for",
  ]

  /// A change read by the development-VM readings whose line holds words no grammar knows, or
  /// a verb of another request that the reading left out ("open 8080 on sam and rebuild it",
  /// "close sam's ssh session"), is confirmed before it is planned: the reading may have
  /// caught a keyword and missed what the line asks.
  /// - Returns: The intents, with a confidence that asks first when words are unaccounted for.
  func accountedDevVM(_ intents: [Intent], words: [String], live: LiveState) -> [Intent] {
    let own: Set<IntentKind> = [
      .openPort, .closePort, .setAutoShutdown, .clearAutoShutdown, .setTag, .removeTag,
    ]
    // A request chosen by a tag ("restart everything tagged env=dev") was read by the main
    // grammar, which accounts for its own words.
    guard intents.contains(where: { !$0.kind.isReadOnly }),
      intents.allSatisfy({ $0.kind.isReadOnly || own.contains($0.kind) }),
      !intents.contains(where: \.parameters.hypothetical)
    else { return intents }
    var said = Self.liveWords(live)
    for i in intents {
      let p = i.parameters
      for n in p.names + p.excluded { said.insert(n.lowercased()) }
      for (k, v) in p.tags {
        said.insert(k.lowercased())
        said.insert(v.lowercased())
      }
      for x in [p.ports, p.source, p.timeZone, p.tagFilter, p.resourceGroup].compactMap({ $0 }) {
        said.insert(x.lowercased())
      }
    }
    let lower = words.map { $0.lowercased() }
    let understood: Set<String> = [
      "open", "close", "shut", "shutdown", "stop", "block", "allow", "expose", "tag", "untag",
      "label", "remove", "delete", "drop", "clear", "set", "turn", "add", "put", "give", "make",
      "get", "deny", "unblock", "cancel", "disable", "enable", "strip",
    ]
    let unaccounted = lower.enumerated().filter { i, w in
      if said.contains(w) || w.contains("=") { return false }
      let bare = w.hasSuffix("'s") ? String(w.dropLast(2)) : w
      if said.contains(bare) { return false }
      // A verb of another request beside the one read.
      if let v = Self.verbWords[bare], !understood.contains(bare), !Self.costWords.contains(bare),
        v != .list
      {
        return true
      }
      if ClauseScan.vocabulary.contains(bare) || Self.devVMVocabulary.contains(bare) {
        return false
      }
      if ClauseScan.stems(of: bare).contains(where: {
        Self.verbWords[$0] != nil || Self.devVMVocabulary.contains($0)
      }) {
        return false
      }
      // Ports, times, addresses, zones: read by shape.
      if bare.first?.isNumber == true || bare.contains("/") || bare.contains(":") { return false }
      if CommandPlanner.timeZone(named: bare) != nil { return false }
      // A word after "called" or "named" is a name the planner checks.
      if i > 0, ["called", "named"].contains(lower[i - 1]) { return false }
      return bare.contains(where: { $0.isLetter })
    }
    guard !unaccounted.isEmpty else { return intents }
    return intents.map {
      var i = $0
      i.confidence = min(i.confidence, 0.6)
      return i
    }
  }
}
