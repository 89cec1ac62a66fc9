import AzlinAzure
import AzlinCore
import Foundation

/// Parses a line with an LLM (Anthropic or an OpenAI-compatible endpoint) into intents.
///
/// It sends the embedded system prompt and a user message with the line as typed, the
/// conversation context and a compact live-state summary, then validates the reply strictly
/// (`LLMReplyValidator`). Any failure — network, HTTP status, timeout, bad JSON, an unknown
/// operation, a parameter of the wrong shape — gives `.fellBack` with a one-line reason, and
/// the shell uses `LocalIntentParser` for that line. Nothing here logs the key, the request or
/// the reply.
public struct LLMIntentParser: Sendable {
  /// The longest line sent; longer lines fall back without a request.
  public static let longestLine = 4000

  private let client: any LLMClient
  private let validator: LLMReplyValidator

  /// A parser for `settings`, choosing the client by provider; retries wait through `sleeper`.
  public init(settings: LLMSettings, sleeper: any Sleeper, catalog: AzureCatalog = .bundled) {
    switch settings.provider {
    case .anthropic: client = AnthropicClient(settings: settings, sleeper: sleeper)
    case .openai: client = OpenAICompatibleClient(settings: settings, sleeper: sleeper)
    }
    validator = LLMReplyValidator(catalog: catalog)
  }

  /// A parser over any client, such as a test double.
  public init(client: any LLMClient, catalog: AzureCatalog = .bundled) {
    self.client = client
    validator = LLMReplyValidator(catalog: catalog)
  }

  /// Parses one line. Blocks until the model answers, the timeout passes or retries run out.
  /// - Parameters:
  ///   - line: What the user typed, sent as typed.
  ///   - context: What earlier turns mentioned ("it", "them").
  ///   - live: What exists now, summarised for the model.
  /// - Returns: `.parsed(.intents(…))`, or `.fellBack(reason:)` for the local parser to take over.
  public func parse(_ line: String, context: ConversationContext, live: LiveState)
    -> LLMParseOutcome
  {
    guard line.count <= Self.longestLine else {
      return .fellBack(reason: LLMFailure.lineTooLong(limit: Self.longestLine).description)
    }
    let user = LLMPrompt.user(line: line, context: context, live: live)
    let reply: String
    switch client.complete(system: LLMPrompt.system, user: user) {
    case .failure(let failure): return .fellBack(reason: failure.description)
    case .success(let text): reply = text
    }
    switch validator.intents(from: reply) {
    case .failure(let failure): return .fellBack(reason: failure.description)
    case .success(let intents):
      if let invented = Self.inventedName(in: intents, line: line, context: context, live: live) {
        return .fellBack(
          reason: LLMFailure.badReply("it named \"\(invented)\", which the line does not say")
            .description)
      }
      // "stop sam tomorrow": a change for another time is not done now, whoever read it.
      // (Asked about, it is previewed instead, as every question is.)
      if !LocalIntentParser.asksRatherThanRequests(line) {
        let words = LocalIntentParser.tokens(of: line)
        return .parsed(LocalIntentParser.refusingLater(.intents(intents), words: words))
      }
      return .parsed(.intents(intents))
    }
  }

  /// A name in the reply that comes from nowhere: not in the line, not live, not in the
  /// conversation. Such a reply is a guess and is not used.
  static func inventedName(
    in intents: [Intent], line: String, context: ConversationContext, live: LiveState
  ) -> String? {
    let typed = line.lowercased()
    var known = Set(context.vms.map { $0.lowercased() } + context.ordered.map { $0.lowercased() })
    for n in live.vms.map(\.name) + live.groups.map(\.name) + live.storageAccounts.map(\.name)
      + live.disks.map(\.name)
    {
      known.insert(n.lowercased())
    }
    for g in [context.resourceGroup, context.storage, context.disk].compactMap({ $0 }) {
      known.insert(g.lowercased())
    }
    for intent in intents {
      let p = intent.parameters
      for name in p.names + p.excluded + [p.vm].compactMap({ $0 })
      where !known.contains(name.lowercased()) && !typed.contains(name.lowercased()) {
        return name
      }
      // A command to run inside a VM is only ever the person's own words, never the model's.
      if let script = p.script, !line.contains(script) { return script }
      if let unsaid = unsaidDetail(p, typed: typed) { return unsaid }
    }
    return nil
  }

  /// Well-known ports by the names people use for them.
  static let namedPorts = [
    "22": ["ssh"], "80": ["http", "web"], "443": ["https", "tls", "ssl"], "3389": ["rdp"],
    "5432": ["postgres", "postgresql"], "3306": ["mysql"],
  ]

  /// A port, source, time, zone or tag in the reply that the typed line does not say: the
  /// model may read these from the line, never supply them.
  static func unsaidDetail(_ p: IntentParameters, typed: String) -> String? {
    if let ports = p.ports {
      for port in ports.split(separator: "-").map(String.init)
      where !typed.contains(port) && !(namedPorts[port] ?? []).contains(where: typed.contains) {
        return port
      }
    }
    if let source = p.source, source != "*", !typed.contains(source.lowercased()) {
      return source
    }
    if let time = p.time, let hour = Int(time.prefix(2)) {
      let said = [String(hour), String(hour % 12 == 0 ? 12 : hour % 12), String(time.prefix(2))]
      let words = ["midnight", "noon", "midday"]
      if !said.contains(where: typed.contains) && !words.contains(where: typed.contains) {
        return time
      }
    }
    if let zone = p.timeZone, !typed.contains(zone.lowercased()) { return zone }
    for (key, value) in p.tags {
      if !typed.contains(key.lowercased()) { return key }
      if !value.isEmpty, !typed.contains(value.lowercased()) { return value }
    }
    if let filter = p.tagFilter {
      for part in filter.split(separator: "=").map({ $0.lowercased() })
      where !typed.contains(part) && part != "owner" {
        return part
      }
    }
    return nil
  }
}
