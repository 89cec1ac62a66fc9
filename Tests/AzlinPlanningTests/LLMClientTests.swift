import AzlinAzure
import AzlinCore
import AzlinPlanning
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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
    #expect(request.path == "/v1/messages")
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
    #expect(request.path == "/v1/chat/completions")
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
    #expect(server.requests.first?.path == "/chat/completions")
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

/// A blocking HTTP/1.1 server on 127.0.0.1 with a random port, for one test.
///
/// A background thread accepts one connection at a time, records the raw request (method,
/// path, headers, body) and answers with the next recorded reply, then closes the connection.
final class StubHTTPServer: @unchecked Sendable {
  /// What to answer one request with.
  enum Reply: Sendable {
    case respond(status: Int, headers: [(String, String)], body: String)
    /// Read the request and never answer (until `stop`).
    case silence
  }

  /// One request as received.
  struct Request: Sendable {
    var method: String
    var path: String
    /// Header names in lower case.
    var headers: [String: String]
    var body: String
  }

  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  let port: UInt16
  private let listener: Int32
  private let lock = NSLock()
  private var replies: [Reply]
  private var received: [Request] = []
  private var held: [Int32] = []
  private var stopping = false
  private let finished = DispatchSemaphore(value: 0)

  init(replies: [Reply]) throws {
    let (fd, port) = try Self.bindLoopback()
    guard listen(fd, 16) == 0 else {
      close(fd)
      throw Failure(description: "listen failed: errno \(errno)")
    }
    self.listener = fd
    self.port = port
    self.replies = replies
    let thread = Thread { [self] in self.serve() }
    thread.start()
  }

  /// The requests received so far.
  var requests: [Request] {
    lock.lock()
    defer { lock.unlock() }
    return received
  }

  /// A loopback port nothing listens on (bound, then closed).
  static func unusedPort() throws -> UInt16 {
    let (fd, port) = try bindLoopback()
    close(fd)
    return port
  }

  /// Closes the listener and every held connection, and waits for the thread to end.
  func stop() {
    lock.lock()
    stopping = true
    let connections = held
    held = []
    lock.unlock()
    _ = shutdown(listener, Int32(SHUT_RDWR))
    for c in connections { close(c) }
    // Close the listener only once the thread left accept(): closed earlier, its number could
    // be reused by another test's socket, and this thread would accept that test's connection.
    _ = finished.wait(timeout: .now() + 5)
    close(listener)
  }

  private static func bindLoopback() throws -> (Int32, UInt16) {
    #if canImport(Glibc)
      let stream = Int32(SOCK_STREAM.rawValue)
    #else
      let stream = SOCK_STREAM
    #endif
    let fd = socket(AF_INET, stream, 0)
    guard fd >= 0 else { throw Failure(description: "socket failed: errno \(errno)") }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let size = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, size) }
    }
    var length = size
    let named = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    guard bound == 0, named == 0 else {
      close(fd)
      throw Failure(description: "bind failed: errno \(errno)")
    }
    return (fd, UInt16(bigEndian: address.sin_port))
  }

  private var isStopping: Bool {
    lock.lock()
    defer { lock.unlock() }
    return stopping
  }

  private func serve() {
    while true {
      let connection = accept(listener, nil, nil)
      if connection < 0 {
        if errno == EINTR && !isStopping { continue }
        break
      }
      if isStopping {
        close(connection)
        break
      }
      handle(connection)
    }
    finished.signal()
  }

  private func handle(_ connection: Int32) {
    var timeout = timeval(tv_sec: 5, tv_usec: 0)
    setsockopt(
      connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    guard let request = read(connection) else {
      close(connection)
      return
    }
    lock.lock()
    received.append(request)
    let reply: Reply =
      replies.isEmpty
      ? .respond(status: 500, headers: [], body: #"{"error":"no recorded reply left"}"#)
      : replies.removeFirst()
    lock.unlock()
    switch reply {
    case .silence:
      lock.lock()
      held.append(connection)
      lock.unlock()
    case .respond(let status, let headers, let body):
      var head = "HTTP/1.1 \(status) \(status < 300 ? "OK" : "Error")\r\n"
      head += "Content-Type: application/json\r\n"
      head += "Content-Length: \(body.utf8.count)\r\n"
      head += "Connection: close\r\n"
      for (name, value) in headers { head += "\(name): \(value)\r\n" }
      write(connection, head + "\r\n" + body)
      close(connection)
    }
  }

  /// Reads one request: the head up to the blank line, then `Content-Length` bytes of body.
  private func read(_ connection: Int32) -> Request? {
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    let separator: [UInt8] = Array("\r\n\r\n".utf8)
    var headEnd: Int?
    var continued = false
    while true {
      if headEnd == nil, let range = Self.find(separator, in: bytes) {
        headEnd = range
      }
      if let end = headEnd {
        let head = String(decoding: bytes[..<end], as: UTF8.self)
        let lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.first?.split(separator: " ").map(String.init) ?? []
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
          guard let colon = line.firstIndex(of: ":") else { continue }
          headers[line[..<colon].lowercased()] = line[line.index(after: colon)...]
            .trimmingCharacters(in: .whitespaces)
        }
        if headers["expect"]?.lowercased() == "100-continue", !continued {
          continued = true
          write(connection, "HTTP/1.1 100 Continue\r\n\r\n")
        }
        let length = Int(headers["content-length"] ?? "0") ?? 0
        let bodyStart = end + separator.count
        if bytes.count - bodyStart >= length, requestLine.count >= 2 {
          let body = String(decoding: bytes[bodyStart..<(bodyStart + length)], as: UTF8.self)
          return Request(
            method: requestLine[0], path: requestLine[1], headers: headers, body: body)
        }
      }
      let count = recv(connection, &buffer, buffer.count, 0)
      if count <= 0 { return nil }
      bytes.append(contentsOf: buffer[0..<count])
    }
  }

  private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
    guard haystack.count >= needle.count else { return nil }
    for i in 0...(haystack.count - needle.count)
    where haystack[i..<(i + needle.count)].elementsEqual(needle) {
      return i
    }
    return nil
  }

  private func write(_ connection: Int32, _ text: String) {
    let bytes = Array(text.utf8)
    var sent = 0
    while sent < bytes.count {
      #if canImport(Glibc)
        let flags = Int32(MSG_NOSIGNAL)
      #else
        let flags: Int32 = 0
      #endif
      let n = bytes[sent...].withUnsafeBytes { send(connection, $0.baseAddress, $0.count, flags) }
      if n <= 0 { return }
      sent += n
    }
  }
}
