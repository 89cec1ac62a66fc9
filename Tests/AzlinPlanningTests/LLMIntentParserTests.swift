import AzlinAzure
import AzlinPlanning
import Foundation
import Testing

/// Answers every request with one fixed result and records what it was asked.
private final class FixedClient: LLMClient, @unchecked Sendable {
  private let lock = NSLock()
  private let result: Result<String, LLMFailure>
  private var asked: [(system: String, user: String)] = []

  init(_ result: Result<String, LLMFailure>) { self.result = result }
  convenience init(reply: String) { self.init(.success(reply)) }

  var calls: [(system: String, user: String)] {
    lock.lock()
    defer { lock.unlock() }
    return asked
  }

  func complete(system: String, user: String) -> Result<String, LLMFailure> {
    lock.lock()
    asked.append((system, user))
    lock.unlock()
    return result
  }
}

@Suite struct LLMIntentParserTests {
  /// What the parser makes of `reply`; the typed line defaults to the reply itself, so every
  /// name in the reply was "typed" (a name from nowhere is tested on its own).
  func outcome(_ reply: String, line: String? = nil) -> LLMParseOutcome {
    LLMIntentParser(client: FixedClient(reply: reply)).parse(
      line ?? String(reply.prefix(LLMIntentParser.longestLine)), context: ConversationContext(),
      live: LiveState())
  }

  func intents(_ reply: String) -> [Intent] {
    guard case .parsed(.intents(let intents)) = outcome(reply) else { return [] }
    return intents
  }

  func reason(_ reply: String) -> String? {
    guard case .fellBack(let reason) = outcome(reply) else { return nil }
    return reason
  }

  @Test func singleObjectIsParsed() {
    let result = intents(
      #"{"intent":"stop_vm","parameters":{"names":["sam"]},"confidence":0.93,"explanation":"x"}"#)
    var p = IntentParameters()
    p.names = ["sam"]
    #expect(
      result == [
        Intent(kind: .stopVM, parameters: p, confidence: 0.93, explanation: "stop VMs sam")
      ])
  }

  @Test func fencedArrayIsParsedAndALaterVMGoesIntoTheNewGroup() {
    let result = intents(
      """
      Here you go:
      ```json
      [
        {"intent": "create_resource_group", "parameters": {"names": ["demo"], "region": "West Europe"},
         "confidence": 0.9, "explanation": "group"},
        {"intent": "provision_vm", "parameters": {"count": 2, "size": "d4s v3"}, "confidence": 0.9,
         "explanation": "vms"}
      ]
      ```
      """)
    #expect(result.map(\.kind) == [.createResourceGroup, .provisionVM])
    #expect(result.first?.parameters.region == "westeurope")
    #expect(result.last?.parameters.count == 2)
    #expect(result.last?.parameters.size == "Standard_D4s_v3")
    #expect(result.last?.parameters.resourceGroup == "demo")
    #expect(result.last?.parameters.region == "westeurope")
  }

  @Test func proseAroundTheJSONIsTolerated() {
    let result = intents(
      #"Sure. {"intent":"list_vms","parameters":{"power_state":"Stopped"},"confidence":1} Done."#)
    #expect(result.first?.kind == .listVMs)
    #expect(result.first?.parameters.powerState == "stopped")
  }

  @Test func trailingProseAfterTheJSONIsTolerated() {
    let result = intents(
      "{\"intent\":\"list_resource_groups\",\"confidence\":1}\n\nThat lists groups.")
    #expect(result.first?.kind == .listResourceGroups)
  }

  @Test func everyParameterIsRead() {
    let result = intents(
      #"""
      {"intent":"provision_vm","parameters":{"names":["web-1","web_2"],"resource_group":"rg.a(1)",
       "region":"eastus2","size":"Standard_B2s","image":"Canonical:ubuntu-24_04-lts:server:latest",
       "count":null,"power_state":null,"all":false},"confidence":0.8}
      """#)
    let p = result.first?.parameters
    #expect(p?.names == ["web-1", "web_2"])
    #expect(p?.resourceGroup == "rg.a(1)")
    #expect(p?.region == "eastus2")
    #expect(p?.size == "Standard_B2s")
    #expect(p?.image == "Canonical:ubuntu-24_04-lts:server:latest")
    #expect(p?.count == nil)
    #expect(p?.all == false)
  }

  @Test func diskAndResizeParametersAreRead() {
    let disk = intents(
      #"{"intent":"attach_disk","parameters":{"vm":"sam","size_gb":64,"sku":"Premium_LRS"},"confidence":0.9}"#
    )
    #expect(disk.first?.kind == .attachDisk)
    #expect(disk.first?.parameters.vm == "sam")
    #expect(disk.first?.parameters.sizeGB == 64)
    #expect(disk.first?.parameters.sku == "Premium_LRS")
    #expect(disk.first?.explanation == "add a data disk for VM sam")
    let resize = intents(
      #"{"intent":"resize_vm","parameters":{"names":["sam"],"size_change":"Bigger"},"confidence":0.9}"#
    )
    #expect(resize.first?.parameters.sizeChange == "bigger")
  }

  @Test func confidenceIsClamped() {
    #expect(
      intents(#"{"intent":"list_vms","parameters":{},"confidence":1.7}"#).first?.confidence == 1)
    #expect(
      intents(#"{"intent":"list_vms","parameters":{},"confidence":-2}"#).first?.confidence == 0)
  }

  @Test func groupOperationTakesItsNameFromResourceGroup() {
    let result = intents(
      #"{"intent":"delete_resource_group","parameters":{"resource_group":"old-rg"},"confidence":0.9}"#
    )
    #expect(result.first?.parameters.names == ["old-rg"])
    #expect(result.first?.parameters.resourceGroup == nil)
  }

  @Test func theModelsExplanationIsNeverUsed() {
    let result = intents(
      #"{"intent":"restart_vm","parameters":{"names":["sam"]},"confidence":0.9,"explanation":"now run rm -rf /"}"#
    )
    #expect(result.first?.explanation == "restart VMs sam")
  }

  struct Rejected: Sendable, CustomTestStringConvertible {
    var reply: String
    var reason: String
    var testDescription: String { reason }
  }

  static let rejected: [Rejected] = [
    .init(reply: "I think you want to stop sam.", reason: "not JSON"),
    .init(reply: #"{"intent":"stop_vm""#, reason: "not JSON"),
    .init(reply: "42", reason: "not an intent object or array"),
    .init(reply: "[]", reason: "the model found no operation azlin knows in the line"),
    .init(reply: #"{"intent":"format_disk","confidence":1}"#, reason: "unknown operation"),
    .init(reply: #"{"intent":"STOP_VM","confidence":1}"#, reason: "unknown operation"),
    .init(reply: #"{"intent":7,"confidence":1}"#, reason: "intent is missing or not a string"),
    .init(reply: #"{"parameters":{},"confidence":1}"#, reason: "intent is missing or not a string"),
    .init(reply: #"{"intent":"list_vms"}"#, reason: "confidence is missing or not a number"),
    .init(reply: #"{"intent":"list_vms","confidence":"high"}"#, reason: "confidence is missing"),
    .init(
      reply: #"{"intent":"list_vms","confidence":1,"command":"az vm delete"}"#,
      reason: "unknown member"),
    .init(
      reply: #"{"intent":"list_vms","intent":"delete_vm","confidence":1}"#, reason: "given twice"),
    .init(
      reply: #"{"intent":"list_vms","confidence":1,"explanation":5}"#,
      reason: "explanation is not a string"),
    .init(
      reply: #"{"intent":"list_vms","confidence":1,"parameters":[]}"#,
      reason: "parameters is not an object"),
    .init(
      reply: #"{"intent":"stop_vm","confidence":1,"parameters":{"target":"sam"}}"#,
      reason: "unknown parameter"),
    .init(
      reply: #"{"intent":"stop_vm","confidence":1,"parameters":{"names":"sam"}}"#,
      reason: "names is not an array"),
    .init(
      reply: #"{"intent":"stop_vm","confidence":1,"parameters":{"names":[3]}}"#,
      reason: "a name is not"),
    .init(
      reply: #"{"intent":"stop_vm","confidence":1,"parameters":{"names":["--yes"]}}"#,
      reason: "a name is not"),
    .init(
      reply: #"{"intent":"stop_vm","confidence":1,"parameters":{"names":["a b"]}}"#,
      reason: "a name is not"),
    .init(
      reply: #"{"intent":"stop_vm","confidence":1,"parameters":{"names":[""]}}"#,
      reason: "a name is not"),
    .init(
      reply: #"{"intent":"stop_vm","confidence":1,"parameters":{"names":[""#
        + String(repeating: "a", count: 91) + "\"]}}",
      reason: "a name is not"),
    .init(
      reply: #"{"intent":"provision_vm","confidence":1,"parameters":{"count":0}}"#,
      reason: "count is not"),
    .init(
      reply: #"{"intent":"provision_vm","confidence":1,"parameters":{"count":51}}"#,
      reason: "count is not"),
    .init(
      reply: #"{"intent":"provision_vm","confidence":1,"parameters":{"count":2.5}}"#,
      reason: "count is not"),
    .init(
      reply: #"{"intent":"provision_vm","confidence":1,"parameters":{"count":"3"}}"#,
      reason: "count is not"),
    .init(
      reply: #"{"intent":"provision_vm","confidence":1,"parameters":{"region":"mars; rm"}}"#,
      reason: "region is not"),
    .init(
      reply: #"{"intent":"resize_vm","confidence":1,"parameters":{"size":"big one"}}"#,
      reason: "size is not"),
    .init(
      reply: #"{"intent":"provision_vm","confidence":1,"parameters":{"image":"-x"}}"#,
      reason: "image is not"),
    .init(
      reply: #"{"intent":"list_vms","confidence":1,"parameters":{"power_state":"asleep"}}"#,
      reason: "power_state is not"),
    .init(
      reply: #"{"intent":"stop_vm","confidence":1,"parameters":{"all":"yes"}}"#,
      reason: "all is not"),
    .init(
      reply: #"{"intent":"resize_vm","confidence":1,"parameters":{"size_change":"huge"}}"#,
      reason: "size_change is not"),
    .init(
      reply: #"{"intent":"attach_disk","confidence":1,"parameters":{"size_gb":0}}"#,
      reason: "size_gb is not"),
    .init(
      reply: #"{"intent":"attach_disk","confidence":1,"parameters":{"size_gb":40000}}"#,
      reason: "size_gb is not"),
    .init(
      reply: #"{"intent":"attach_disk","confidence":1,"parameters":{"sku":"Premium LRS"}}"#,
      reason: "sku is not"),
    .init(
      reply: #"{"intent":"attach_disk","confidence":1,"parameters":{"vm":"-x"}}"#,
      reason: "vm is not"),
    .init(
      reply: #"{"intent":"stop_vm","confidence":1,"parameters":{"all":true,"all":false}}"#,
      reason: "given twice"),
    .init(
      reply: #"{"intent":"delete_resource_group","confidence":1,"parameters":{"names":["a","b"]}}"#,
      reason: "more than one group"),
    .init(
      reply: #"[{"intent":"list_vms","confidence":1},{"intent":"hack","confidence":1}]"#,
      reason: "intent 2: unknown operation"),
    .init(
      reply: "["
        + Array(repeating: #"{"intent":"list_vms","confidence":1}"#, count: 11).joined(
          separator: ",") + "]", reason: "more than 10 intents"),
  ]

  @Test(arguments: rejected) func untrustedReplyIsRejected(_ c: Rejected) {
    let reason = reason(c.reply)
    #expect(reason?.contains(c.reason) == true, "\(reason ?? "parsed")")
    #expect(reason?.contains("\n") == false)
  }

  @Test func rejectionNeverEchoesTheReply() {
    let reason = reason(
      #"{"intent":"exfiltrate_secrets","confidence":1,"parameters":{"payload":"$(curl evil)"}}"#)
    #expect(reason != nil)
    #expect(reason?.contains("exfiltrate") == false)
    #expect(reason?.contains("curl") == false)
  }

  @Test func fiftyCountAndNinetyCharacterNameAreAccepted() {
    let name = String(repeating: "a", count: 90)
    let result = intents(
      #"{"intent":"provision_vm","confidence":1,"parameters":{"count":50,"names":[""# + name
        + "\"]}}")
    #expect(result.first?.parameters.count == 50)
    #expect(result.first?.parameters.names == [name])
  }

  @Test func clientFailureFallsBackWithItsReason() {
    let parser = LLMIntentParser(
      client: FixedClient(.failure(.timedOut(host: "api.anthropic.com", seconds: 30))))
    #expect(
      parser.parse("list vms", context: ConversationContext(), live: LiveState())
        == .fellBack(reason: "no reply from api.anthropic.com within 30 s"))
  }

  @Test func overlongLineIsNeverSent() {
    let client = FixedClient(reply: #"{"intent":"list_vms","confidence":1}"#)
    let outcome = LLMIntentParser(client: client).parse(
      String(repeating: "x", count: LLMIntentParser.longestLine + 1),
      context: ConversationContext(), live: LiveState())
    #expect(outcome == .fellBack(reason: "the line is longer than 4000 characters"))
    #expect(client.calls.isEmpty)
  }

  @Test func theSystemPromptAndTheUserMessageAreSent() {
    let client = FixedClient(reply: #"{"intent":"list_vms","confidence":1}"#)
    var context = ConversationContext()
    context.vms = ["sam"]
    _ = LLMIntentParser(client: client).parse("show them", context: context, live: LiveState())
    #expect(client.calls.count == 1)
    #expect(client.calls.first?.system == EmbeddedPrompts.intentSystem)
    #expect(client.calls.first?.user.contains("show them") == true)
    #expect(client.calls.first?.user.contains("last VMs: sam") == true)
  }

  // MARK: - Issue 12: exclusions, mood, and names that come from nowhere

  @Test func exclusionsAndMoodAreRead() {
    let parsed = intents(
      #"{"intent":"stop_vm","parameters":{"all":true,"except":["web3"],"mood":"question"},"confidence":0.9,"explanation":"stop all but web3"}"#
    )
    #expect(parsed.first?.parameters.excluded == ["web3"])
    #expect(parsed.first?.parameters.hypothetical == true)
  }

  @Test(arguments: [
    #"{"intent":"stop_vm","parameters":{"except":"web3"},"confidence":0.9,"explanation":"x"}"#,
    #"{"intent":"stop_vm","parameters":{"mood":"maybe"},"confidence":0.9,"explanation":"x"}"#,
  ])
  func malformedExclusionsAndMoodFallBack(_ reply: String) {
    #expect(reason(reply) != nil)
  }

  @Test func aNameTheLineDoesNotSayIsAGuessAndFallsBack() {
    let client = FixedClient(
      reply:
        #"{"intent":"provision_vm","parameters":{"names":["sandwich2"]},"confidence":0.95,"explanation":"x"}"#
    )
    let outcome = LLMIntentParser(client: client).parse(
      "make me a sandwich", context: ConversationContext(), live: LiveState())
    guard case .fellBack(let why) = outcome else {
      Issue.record("an invented name was accepted")
      return
    }
    #expect(why.contains("sandwich2"))
  }

  @Test func aNameTypedOrLiveIsAccepted() {
    let client = FixedClient(
      reply:
        #"{"intent":"provision_vm","parameters":{"names":["web7"]},"confidence":0.95,"explanation":"x"}"#
    )
    let outcome = LLMIntentParser(client: client).parse(
      "create a vm called web7", context: ConversationContext(), live: LiveState())
    guard case .parsed(.intents(let list)) = outcome else {
      Issue.record("a typed name was refused")
      return
    }
    #expect(list.first?.parameters.names == ["web7"])
  }

  @Test func aChangeTheModelReadsForAnotherTimeIsRefusedNotDoneNow() {
    let reply =
      #"{"intent":"deallocate_vm","parameters":{"names":["sam"]},"confidence":0.9,"explanation":"x"}"#
    #expect(
      outcome(reply, line: "deallocate sam on saturday")
        == .parsed(.notUnderstood(.later("on saturday"))))
    guard case .parsed(.intents(let now)) = outcome(reply, line: "deallocate sam") else {
      Issue.record("a change for now was not read")
      return
    }
    #expect(now.map(\.kind) == [.deallocateVM])
  }
}
