import AzlinAzure
import AzlinCore
import AzlinPlanning
import AzlinTestSupport
import Foundation
import Testing

@Suite struct LLMClientTests {
  static let key = "sk-test-0123456789abcdef"

  static let context: ConversationContext = {
    var c = ConversationContext()
    c.vms = ["sam"]
    c.resourceGroup = "azlin-rg"
    c.region = "eastus"
    c.size = "Standard_B2s"
    return c
  }()

  static let live = LiveState(
    groups: [.init(name: "azlin-rg", location: "eastus")],
    vms: [
      .init(
        name: "sam", resourceGroup: "azlin-rg", location: "eastus", size: "Standard_B2s",
        powerState: "running", id: "")
    ])

  /// A Messages API response whose text is `text`.
  static func anthropicReply(_ text: String, status: Int = 200, headers: [(String, String)] = [])
    -> StubHTTPServer.Reply
  {
    let body: JSONValue = .object([
      ("id", "msg_01"), ("type", "message"), ("role", "assistant"),
      ("content", .array([.object([("type", "text"), ("text", .string(text))])])),
      ("stop_reason", "end_turn"),
    ])
    return .respond(status: status, headers: headers, body: body.compact())
  }

  /// A chat completions response whose first choice says `text`.
  static func openAIReply(_ text: String) -> StubHTTPServer.Reply {
    let body: JSONValue = .object([
      ("id", "chatcmpl-1"), ("object", "chat.completion"),
      (
        "choices",
        .array([
          .object([
            ("index", 0),
            ("message", .object([("role", "assistant"), ("content", .string(text))])),
            ("finish_reason", "stop"),
          ])
        ])
      ),
    ])
    return .respond(status: 200, headers: [], body: body.compact())
  }

  static let stopSam =
    #"{"intent":"stop_vm","parameters":{"names":["sam"]},"confidence":0.93,"explanation":"stop sam"}"#

  static func error(_ status: Int, _ type: String, headers: [(String, String)] = [])
    -> StubHTTPServer.Reply
  {
    .respond(
      status: status, headers: headers,
      body: #"{"type":"error","error":{"type":""# + type + #"","message":"details"}}"#)
  }

  func anthropic(
    _ server: StubHTTPServer, clock: ManualClock = ManualClock(), timeout: Double = 10,
    retries: Int = 2
  ) -> LLMIntentParser {
    let settings = LLMSettings(
      provider: .anthropic, model: "claude-test", endpoint: "http://127.0.0.1:\(server.port)",
      apiKey: Self.key, timeoutSeconds: timeout, maxRetries: retries)
    return LLMIntentParser(settings: settings, sleeper: ClockSleeper(clock: clock))
  }

  func stopSamIntent(confidence: Double = 0.93) -> Intent {
    var p = IntentParameters()
    p.names = ["sam"]
    return Intent(kind: .stopVM, parameters: p, confidence: confidence, explanation: "stop VMs sam")
  }

  @Test func anthropicRequestAndReply() throws {
    let server = try StubHTTPServer(replies: [Self.anthropicReply(Self.stopSam)])
    defer { server.stop() }
    let outcome = anthropic(server).parse("stop it", context: Self.context, live: Self.live)
    #expect(outcome == .parsed(.intents([stopSamIntent()])))

    let request = try #require(server.requests.first)
    #expect(server.requests.count == 1)
    #expect(request.method == "POST")
    #expect(request.target == "/v1/messages")
    #expect(request.headers["x-api-key"] == Self.key)
    #expect(request.headers["anthropic-version"] == "2023-06-01")
    #expect(request.headers["content-type"] == "application/json")
    #expect(request.headers["authorization"] == nil)
    let body = try JSONValue.parse(request.body)
    #expect(body["model"]?.stringValue == "claude-test")
    #expect(body["max_tokens"]?.intValue == 1024)
    #expect(body["system"]?.stringValue == EmbeddedPrompts.intentSystem)
    let messages = try #require(body["messages"]?.arrayValue)
    #expect(messages.count == 1)
    #expect(messages.first?["role"]?.stringValue == "user")
    let user = try #require(messages.first?["content"]?.stringValue)
    #expect(user.contains("<line>\nstop it\n</line>"))
    #expect(user.contains("- last VMs: sam"))
    #expect(user.contains("- last resource group: azlin-rg"))
    #expect(user.contains("- last region: eastus"))
    #expect(user.contains("- last size: Standard_B2s"))
    #expect(user.contains("sam: group azlin-rg, running, Standard_B2s"))
  }

  @Test func openAICompatibleRequestAndReply() throws {
    let reply =
      "```json\n[{\"intent\":\"create_resource_group\",\"parameters\":{\"names\":[\"demo\"]},\"confidence\":0.9,\"explanation\":\"\"},"
      + "{\"intent\":\"provision_vm\",\"parameters\":{\"count\":2},\"confidence\":0.85,\"explanation\":\"\"}]\n```"
    let server = try StubHTTPServer(replies: [Self.openAIReply(reply)])
    defer { server.stop() }
    let settings = LLMSettings(
      provider: .openai, model: "llama3.1", endpoint: "http://127.0.0.1:\(server.port)/v1/",
      apiKey: Self.key)
    let parser = LLMIntentParser(settings: settings, sleeper: ClockSleeper(clock: ManualClock()))
    let outcome = parser.parse(
      "create rg demo then two vms in it", context: Self.context, live: Self.live)
    guard case .parsed(.intents(let intents)) = outcome else {
      Issue.record("expected intents, got \(outcome)")
      return
    }
    #expect(intents.map(\.kind) == [.createResourceGroup, .provisionVM])
    #expect(intents.last?.parameters.count == 2)
    #expect(intents.last?.parameters.resourceGroup == "demo")

    let request = try #require(server.requests.first)
    #expect(request.method == "POST")
    #expect(request.target == "/v1/chat/completions")
    #expect(request.headers["authorization"] == "Bearer \(Self.key)")
    #expect(request.headers["x-api-key"] == nil)
    let body = try JSONValue.parse(request.body)
    #expect(body["model"]?.stringValue == "llama3.1")
    let messages = try #require(body["messages"]?.arrayValue)
    #expect(messages.count == 2)
    #expect(messages.first?["role"]?.stringValue == "system")
    #expect(messages.first?["content"]?.stringValue == EmbeddedPrompts.intentSystem)
    #expect(messages.last?["role"]?.stringValue == "user")
    #expect(
      messages.last?["content"]?.stringValue?.contains("create rg demo then two vms in it") == true)
    #expect(messages.last?["content"]?.stringValue?.contains("- last VMs: sam") == true)
  }

  @Test func localServerWithoutKeyGetsNoAuthorization() throws {
    let server = try StubHTTPServer(replies: [Self.openAIReply(Self.stopSam)])
    defer { server.stop() }
    let settings = LLMSettings(
      provider: .openai, model: "m", endpoint: "http://127.0.0.1:\(server.port)", apiKey: nil)
    let outcome = LLMIntentParser(settings: settings, sleeper: ClockSleeper(clock: ManualClock()))
      .parse("stop sam", context: Self.context, live: Self.live)
    #expect(outcome == .parsed(.intents([stopSamIntent()])))
    #expect(server.requests.first?.target == "/chat/completions")
    #expect(server.requests.first?.headers["authorization"] == nil)
  }

  @Test func badJSONFallsBack() throws {
    let server = try StubHTTPServer(replies: [Self.anthropicReply("You want to stop sam.")])
    defer { server.stop() }
    let outcome = anthropic(server).parse("stop it", context: Self.context, live: Self.live)
    #expect(outcome == .fellBack(reason: "the model's reply was not usable: not JSON"))
  }

  @Test func unknownIntentKindFallsBack() throws {
    let server = try StubHTTPServer(replies: [
      Self.anthropicReply(#"{"intent":"wipe_subscription","parameters":{},"confidence":1}"#)
    ])
    defer { server.stop() }
    let outcome = anthropic(server).parse("stop it", context: Self.context, live: Self.live)
    #expect(outcome == .fellBack(reason: "the model's reply was not usable: unknown operation"))
  }

  @Test func responseThatIsNotTheMessagesFormatFallsBack() throws {
    let server = try StubHTTPServer(replies: [.respond(status: 200, headers: [], body: "<html>")])
    defer { server.stop() }
    let outcome = anthropic(server).parse("stop it", context: Self.context, live: Self.live)
    #expect(outcome == .fellBack(reason: "unexpected response from the LLM endpoint: not JSON"))
  }

  @Test func unauthorizedFallsBackAtOnceWithoutTheKey() throws {
    let clock = ManualClock()
    let start = clock.now
    let server = try StubHTTPServer(replies: [Self.error(401, "authentication_error")])
    defer { server.stop() }
    let outcome = anthropic(server, clock: clock).parse(
      "stop it", context: Self.context, live: Self.live)
    #expect(
      outcome
        == .fellBack(
          reason:
            "127.0.0.1:\(server.port) rejected the API key (HTTP 401); check ANTHROPIC_API_KEY"
        ))
    #expect(server.requests.count == 1)
    #expect(clock.now == start)
  }

  @Test func notFoundNamesTheProvidersErrorType() throws {
    let server = try StubHTTPServer(replies: [Self.error(404, "not_found_error")])
    defer { server.stop() }
    let outcome = anthropic(server).parse("stop it", context: Self.context, live: Self.live)
    #expect(
      outcome
        == .fellBack(
          reason:
            "127.0.0.1:\(server.port) refused the request (HTTP 404, not_found_error); check llm.endpoint and llm.model"
        ))
  }

  @Test func rateLimitedThenOKIsRetriedAfterRetryAfter() throws {
    let clock = ManualClock()
    let start = clock.now
    let server = try StubHTTPServer(replies: [
      Self.error(429, "rate_limit_error", headers: [("retry-after", "7")]),
      Self.anthropicReply(Self.stopSam),
    ])
    defer { server.stop() }
    let outcome = anthropic(server, clock: clock).parse(
      "stop it", context: Self.context, live: Self.live)
    #expect(outcome == .parsed(.intents([stopSamIntent()])))
    #expect(server.requests.count == 2)
    #expect(clock.now.timeIntervalSince(start) == 7)
  }

  @Test func serverErrorsBackOffThenSucceed() throws {
    let clock = ManualClock()
    let start = clock.now
    let server = try StubHTTPServer(replies: [
      Self.error(529, "overloaded_error"), Self.error(500, "api_error"),
      Self.anthropicReply(Self.stopSam),
    ])
    defer { server.stop() }
    let outcome = anthropic(server, clock: clock).parse(
      "stop it", context: Self.context, live: Self.live)
    #expect(outcome == .parsed(.intents([stopSamIntent()])))
    #expect(server.requests.count == 3)
    #expect(clock.now.timeIntervalSince(start) == 3)  // 1 s, then 2 s
  }

  @Test func rateLimitedOnEveryAttemptFallsBack() throws {
    let clock = ManualClock()
    let server = try StubHTTPServer(
      replies: Array(repeating: Self.error(429, "rate_limit_error"), count: 3))
    defer { server.stop() }
    let outcome = anthropic(server, clock: clock).parse(
      "stop it", context: Self.context, live: Self.live)
    #expect(
      outcome
        == .fellBack(reason: "rate limited by 127.0.0.1:\(server.port) (HTTP 429) after 3 attempts")
    )
    #expect(server.requests.count == 3)
  }

  @Test func retryAfterTooLongIsNotWaitedFor() throws {
    let clock = ManualClock()
    let start = clock.now
    let server = try StubHTTPServer(replies: [
      Self.error(429, "rate_limit_error", headers: [("Retry-After", "120")])
    ])
    defer { server.stop() }
    let outcome = anthropic(server, clock: clock).parse(
      "stop it", context: Self.context, live: Self.live)
    #expect(
      outcome
        == .fellBack(
          reason: "rate limited by 127.0.0.1:\(server.port) (HTTP 429); it asks to wait 120 s"))
    #expect(server.requests.count == 1)
    #expect(clock.now == start)
  }

  @Test func connectionRefusedFallsBack() throws {
    let port = try StubHTTPServer.unusedPort()
    let settings = LLMSettings(
      provider: .anthropic, endpoint: "http://127.0.0.1:\(port)", apiKey: Self.key)
    let outcome = LLMIntentParser(settings: settings, sleeper: ClockSleeper(clock: ManualClock()))
      .parse("stop it", context: Self.context, live: Self.live)
    #expect(outcome == .fellBack(reason: "cannot reach 127.0.0.1:\(port) (connection refused)"))
  }

  @Test func silentServerTimesOut() throws {
    let server = try StubHTTPServer(replies: [.silence])
    defer { server.stop() }
    let outcome = anthropic(server, timeout: 0.3).parse(
      "stop it", context: Self.context, live: Self.live)
    #expect(outcome == .fellBack(reason: "no reply from 127.0.0.1:\(server.port) within 0.3 s"))
  }
}
