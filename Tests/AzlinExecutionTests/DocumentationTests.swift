import AzlinCore
import AzlinTestSupport
import Foundation
import Testing

@testable import AzlinAzure
@testable import AzlinExecution

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a Microsoft Learn search answer looks like, with the fields azlin does not read.
enum LearnAnswers {
  static let skuPage =
    "https://learn.microsoft.com/azure/azure-resource-manager/troubleshooting/error-sku-not-available"

  /// One result as the search API gives it.
  static func result(title: String, url: String) -> JSONValue {
    .object([
      ("title", .string(title)),
      ("url", .string(url)),
      (
        "displayUrl",
        .object([("content", .string(URL(string: url)?.path ?? "")), ("hitHighlights", [])])
      ),
      ("description", "Describes how to resolve the error when deploying resources."),
      (
        "descriptions",
        .array([
          .object([
            ("content", "Describes how to resolve the error."),
            ("hitHighlights", .array([.object([("start", 0), ("length", 8)])])),
          ])
        ])
      ),
      ("lastUpdatedDate", "2024-06-20T00:00:00+00:00"),
      ("breadcrumbs", .array([.object([("title", "Azure"), ("url", "/azure/")])])),
    ])
  }

  /// A whole answer with `results`.
  static func answer(_ results: [JSONValue]) -> String {
    JSONValue.object([
      ("results", .array(results)),
      ("count", .number(Double(results.count))),
      ("nextLink", "https://learn.microsoft.com/api/search?search=x&locale=en-us&%24skip=3"),
      ("scopes", []),
      ("terms", .strings(["skunotavailable", "azure", "error"])),
      ("facets", .object([])),
    ]).compact()
  }

  /// The answer for SkuNotAvailable: the troubleshooting page first, in English.
  static let sku = answer([
    result(
      title: "Resolve errors for SKU not available - Azure Resource Manager",
      url:
        "https://learn.microsoft.com/en-us/azure/azure-resource-manager/troubleshooting/error-sku-not-available"
    ),
    result(
      title: "Troubleshoot common Azure deployment errors - Azure Resource Manager",
      url:
        "https://learn.microsoft.com/en-us/azure/azure-resource-manager/troubleshooting/common-deployment-errors"
    ),
  ])

  static func ok(_ body: String) -> DocsStubServer.Reply { .respond(status: 200, body: body) }
}

@Suite struct DocumentationIndexTests {
  /// Codes azlin's classification, its simulator and its advice know, and the common ones
  /// Azure gives for deployments.
  static var expectedCodes: Set<String> {
    Set(SimulatorFaultPlan.knownCodes).subtracting([SimulatorFaultPlan.noEffect])
      .union(FailureClass.retriableCodes)
      .union([
        "AllocationFailed", "ServiceUnavailable", "GatewayTimeout", "RetryableError",
        "InternalServerError", "OperationNotAllowed", "InvalidTemplateDeployment",
        "DeploymentFailed", "ResourceQuotaExceeded", "SubscriptionNotRegistered",
        "MissingSubscriptionRegistration", "InvalidParameter", "PropertyChangeNotAllowed",
        "AnotherOperationInProgress", "Conflict", "QuotaExceeded", "AuthorizationFailed",
        "ResourceGroupNotFound", "ResourceNotFound", "StorageAccountAlreadyTaken",
        "InvalidResourceName", "TooManyRequests", "SkuNotAvailable",
      ])
  }

  @Test func coversEveryCodeAzlinKnows() {
    let missing = Self.expectedCodes.filter { DocumentationIndex.page(for: $0) == nil }
    #expect(missing.isEmpty, "no page for \(missing.sorted())")
  }

  @Test func everyAddressIsALocaleFreeLearnAzurePage() {
    #expect(DocumentationIndex.codes.count >= Self.expectedCodes.count)
    for code in DocumentationIndex.codes {
      guard let page = DocumentationIndex.page(for: code) else {
        Issue.record("\(code) is listed but has no page")
        continue
      }
      #expect(page.url.hasPrefix("https://learn.microsoft.com/azure/"), "\(code): \(page.url)")
      #expect(LearnSearchClient.learnPage(page.url) == page.url, "\(code): \(page.url)")
      #expect(!page.title.isEmpty && page.title == page.title.trimmingCharacters(in: .whitespaces))
      #expect(code.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) })
    }
    #expect(DocumentationIndex.general.url.hasPrefix("https://learn.microsoft.com/azure/"))
  }

  @Test func specificPagesWhereThereAreSome() {
    #expect(DocumentationIndex.page(for: "SkuNotAvailable")?.url == LearnAnswers.skuPage)
    #expect(
      DocumentationIndex.page(for: "MissingSubscriptionRegistration")
        == DocumentationIndex.page(for: "SubscriptionNotRegistered"))
    #expect(DocumentationIndex.page(for: "GatewayTimeout") == DocumentationIndex.general)
    #expect(DocumentationIndex.page(for: "ResultMismatch") == nil)
    #expect(DocumentationIndex.page(for: "skunotavailable") == nil)
    #expect(
      DocumentationIndex.link(for: "QuotaExceeded")
        == DocumentationLink(
          title: "Resolve errors for resource quotas",
          url:
            "https://learn.microsoft.com/azure/azure-resource-manager/troubleshooting/error-resource-quota",
          source: .bundled))
  }

  @Test func analyzerLinksTheBundledPageByDefault() {
    let analysis = FailureAnalyzer().analyze(
      AzError(code: "SkuNotAvailable", message: "not available"),
      command: .vmCreate(
        name: "sam", group: "g", location: "eastus", size: "Standard_D2s_v5", image: "Ubuntu2204"))
    #expect(analysis.link?.source == .bundled)
    #expect(analysis.documentation == LearnAnswers.skuPage)
    let unknown = FailureAnalyzer().analyze(
      AzError(code: "ResultMismatch", message: "x"),
      command: .groupCreate(name: "g", location: "eastus"))
    #expect(unknown.link == nil && unknown.documentation == nil)
  }
}

@Suite struct LearnSearchClientTests {
  func client(_ server: DocsStubServer, timeout: TimeInterval = 3) -> LearnSearchClient {
    LearnSearchClient(
      baseURL: URL(string: "http://127.0.0.1:\(server.port)")!, timeout: timeout)
  }

  @Test func asksTheSearchAPIAndTakesTheFirstLearnPage() throws {
    let server = try DocsStubServer(replies: [LearnAnswers.ok(LearnAnswers.sku)])
    defer { server.stop() }
    let link = client(server).search(code: "SkuNotAvailable")
    #expect(
      link
        == DocumentationLink(
          title: "Resolve errors for SKU not available - Azure Resource Manager",
          url: LearnAnswers.skuPage, source: .search))
    let request = try #require(server.requests.first)
    #expect(server.requests.count == 1)
    #expect(request.method == "GET")
    #expect(
      request.target == "/api/search?search=SkuNotAvailable%20Azure%20error&locale=en-us&%24top=3")
    #expect(request.headers["accept"] == "application/json")
  }

  @Test func baseURLWithAPathAndTrailingSlash() throws {
    let server = try DocsStubServer(replies: [LearnAnswers.ok(LearnAnswers.sku)])
    defer { server.stop() }
    let client = LearnSearchClient(
      baseURL: URL(string: "http://127.0.0.1:\(server.port)/learn/")!, timeout: 3)
    #expect(client.search(code: "Conflict") != nil)
    #expect(
      server.requests.first?.target
        == "/learn/api/search?search=Conflict%20Azure%20error&locale=en-us&%24top=3")
  }

  @Test func skipsResultsThatAreNotLearnPages() throws {
    let body = LearnAnswers.answer([
      LearnAnswers.result(title: "A blog", url: "https://example.com/azure/sku"),
      LearnAnswers.result(title: "Plain HTTP", url: "http://learn.microsoft.com/azure/x"),
      LearnAnswers.result(
        title: "Look-alike", url: "https://learn.microsoft.com.example.net/azure/x"),
      LearnAnswers.result(
        title: "Quotas\u{1B}[31m red", url: "https://learn.microsoft.com/de-de/azure/q?view=1#top"),
    ])
    let server = try DocsStubServer(replies: [LearnAnswers.ok(body)])
    defer { server.stop() }
    let link = client(server).search(code: "QuotaExceeded")
    #expect(link?.url == "https://learn.microsoft.com/azure/q")
    #expect(link?.title == "Quotas [31m red")
  }

  @Test(arguments: [
    DocsStubServer.Reply.respond(status: 503, body: LearnAnswers.sku),
    .respond(status: 404, body: LearnAnswers.sku),
    .respond(status: 200, body: "<html><body>Service busy</body></html>"),
    .respond(status: 200, body: #"{"results":"#),
    .respond(
      status: 200, body: #"{"value":[{"title":"x","url":"https://learn.microsoft.com/azure/x"}]}"#),
    .respond(status: 200, body: #"{"results":[{"title":"x"},{"url":42}]}"#),
    .respond(status: 200, body: LearnAnswers.answer([])),
  ])
  func failuresGiveNil(_ reply: DocsStubServer.Reply) throws {
    let server = try DocsStubServer(replies: [reply])
    defer { server.stop() }
    #expect(client(server).search(code: "SkuNotAvailable") == nil)
    #expect(server.requests.count == 1)
  }

  @Test func silentServerTimesOut() throws {
    let server = try DocsStubServer(replies: [.silence])
    defer { server.stop() }
    let start = Date()
    #expect(client(server, timeout: 0.2).search(code: "SkuNotAvailable") == nil)
    #expect(Date().timeIntervalSince(start) < 2.5)
  }

  @Test func refusedConnectionGivesNil() throws {
    let port = try DocsStubServer.unusedPort()
    let client = LearnSearchClient(baseURL: URL(string: "http://127.0.0.1:\(port)")!)
    #expect(client.search(code: "SkuNotAvailable") == nil)
  }

  @Test func codesAreReducedToLettersAndDigits() throws {
    let server = try DocsStubServer(replies: [LearnAnswers.ok(LearnAnswers.sku)])
    defer { server.stop() }
    let client = client(server)
    #expect(client.search(code: "../&?#% ") == nil)
    #expect(server.requests.isEmpty)
    _ = client.search(code: "Sku&top=9 NotAvailable")
    #expect(
      server.requests.first?.target
        == "/api/search?search=Skutop9NotAvailable%20Azure%20error&locale=en-us&%24top=3")
  }

  @Test func learnPagesAreRecognised() {
    #expect(
      LearnSearchClient.learnPage("https://learn.microsoft.com/en-us/azure/a/b")
        == "https://learn.microsoft.com/azure/a/b")
    #expect(
      LearnSearchClient.learnPage("https://LEARN.microsoft.com/zh-hans/azure/a")
        == "https://learn.microsoft.com/azure/a")
    #expect(
      LearnSearchClient.learnPage("https://learn.microsoft.com/troubleshoot/azure/x")
        == "https://learn.microsoft.com/troubleshoot/azure/x")
    #expect(LearnSearchClient.learnPage("https://learn.microsoft.com/en-us/") == nil)
    #expect(LearnSearchClient.learnPage("https://user@learn.microsoft.com/azure/a") == nil)
    #expect(LearnSearchClient.learnPage("https://learn.microsoft.com:8443/azure/a") == nil)
    #expect(LearnSearchClient.learnPage("ftp://learn.microsoft.com/azure/a") == nil)
    #expect(LearnSearchClient.learnPage("/azure/a") == nil)
  }
}

@Suite struct DocumentationLookupTests {
  static let code = "SkuNotAvailable"

  func search(_ server: DocsStubServer) -> LearnSearchClient {
    LearnSearchClient(baseURL: URL(string: "http://127.0.0.1:\(server.port)")!, timeout: 3)
  }

  /// Writes a cache file as the lookup would.
  func cache(
    _ lookup: DocumentationLookup, code: String, title: String, url: String, fetched: Date
  ) throws {
    try AzlinHome.makeFolder(lookup.folder)
    let json: JSONValue = .object([
      ("code", .string(code)), ("title", .string(title)), ("url", .string(url)),
      ("fetchedAt", .string(Timestamp.string(fetched))),
    ])
    try AtomicFile.write(json.pretty(), to: try #require(lookup.cacheFile(for: code)))
  }

  @Test func searchAnswerIsCachedAndUsedForSevenDays() throws {
    let folder = TemporaryFolder()
    let home = AzlinHome(root: folder.path)
    let clock = ManualClock()
    let server = try DocsStubServer(replies: [LearnAnswers.ok(LearnAnswers.sku)])
    defer { server.stop() }
    let lookup = DocumentationLookup(home: home, clock: clock, search: search(server))

    let first = try #require(lookup.link(for: Self.code))
    #expect(first.source == .search)
    #expect(first.url == LearnAnswers.skuPage)

    let path = home.root + "/cache/docs/SkuNotAvailable.json"
    #expect(lookup.cacheFile(for: Self.code) == path)
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    let saved = try JSONValue.parse(String(contentsOfFile: path, encoding: .utf8))
    #expect(saved["code"]?.stringValue == Self.code)
    #expect(saved["url"]?.stringValue == LearnAnswers.skuPage)
    #expect(saved["fetchedAt"]?.stringValue.flatMap(Timestamp.parse) == clock.now)

    clock.advance(by: DocumentationLookup.timeToLive - 1)
    let second = lookup.link(for: Self.code)
    #expect(second == DocumentationLink(title: first.title, url: first.url, source: .cache))
    #expect(server.requests.count == 1)
  }

  @Test func freshCacheHitTouchesNoNetwork() throws {
    let folder = TemporaryFolder()
    let clock = ManualClock()
    let server = try DocsStubServer(replies: [LearnAnswers.ok(LearnAnswers.sku)])
    defer { server.stop() }
    let lookup = DocumentationLookup(
      home: AzlinHome(root: folder.path), clock: clock, search: search(server))
    try cache(
      lookup, code: Self.code, title: "Cached SKU page", url: LearnAnswers.skuPage,
      fetched: clock.now.addingTimeInterval(-3 * 24 * 3600))

    #expect(
      lookup.link(for: Self.code)
        == DocumentationLink(title: "Cached SKU page", url: LearnAnswers.skuPage, source: .cache))
    #expect(server.requests.isEmpty)
  }

  @Test func cacheExpiresAfterSevenDays() throws {
    let folder = TemporaryFolder()
    let clock = ManualClock()
    let newer = LearnAnswers.answer([
      LearnAnswers.result(
        title: "SKU not available (updated)",
        url: "https://learn.microsoft.com/en-us/azure/virtual-machines/sku-not-available")
    ])
    let server = try DocsStubServer(replies: [
      LearnAnswers.ok(LearnAnswers.sku), LearnAnswers.ok(newer),
    ])
    defer { server.stop() }
    let lookup = DocumentationLookup(
      home: AzlinHome(root: folder.path), clock: clock, search: search(server))

    #expect(lookup.link(for: Self.code)?.source == .search)
    clock.advance(by: DocumentationLookup.timeToLive)
    let renewed = lookup.link(for: Self.code)
    #expect(renewed?.source == .search)
    #expect(renewed?.title == "SKU not available (updated)")
    #expect(server.requests.count == 2)

    let path = try #require(lookup.cacheFile(for: Self.code))
    let saved = try JSONValue.parse(String(contentsOfFile: path, encoding: .utf8))
    #expect(saved["fetchedAt"]?.stringValue.flatMap(Timestamp.parse) == clock.now)
    #expect(lookup.link(for: Self.code)?.source == .cache)
    #expect(server.requests.count == 2)
  }

  @Test func offlineFallsBackToTheBundledIndex() throws {
    let folder = TemporaryFolder()
    let clock = ManualClock()
    let home = AzlinHome(root: folder.path)
    let offline = DocumentationLookup(home: home, clock: clock)
    #expect(offline.link(for: Self.code) == DocumentationIndex.link(for: Self.code))
    #expect(offline.link(for: Self.code)?.source == .bundled)
    #expect(offline.link(for: "NoSuchCodeAnywhere") == nil)
    #expect(!FileManager.default.fileExists(atPath: home.docsCache))

    let port = try DocsStubServer.unusedPort()
    let unreachable = DocumentationLookup(
      home: home, clock: clock,
      search: LearnSearchClient(baseURL: URL(string: "http://127.0.0.1:\(port)")!))
    #expect(unreachable.link(for: "AllocationFailed")?.source == .bundled)
    #expect(!FileManager.default.fileExists(atPath: home.docsCache))
  }

  @Test func expiredCacheGivesWayToTheIndexOffline() throws {
    let folder = TemporaryFolder()
    let clock = ManualClock()
    let lookup = DocumentationLookup(home: AzlinHome(root: folder.path), clock: clock)
    let old = clock.now.addingTimeInterval(-30 * 24 * 3600)
    try cache(lookup, code: Self.code, title: "Old page", url: LearnAnswers.skuPage, fetched: old)
    #expect(lookup.link(for: Self.code)?.source == .bundled)

    // A code the index does not know keeps its old answer rather than none.
    try cache(
      lookup, code: "BrandNewCode", title: "Brand new code",
      url: "https://learn.microsoft.com/azure/new", fetched: old)
    #expect(
      lookup.link(for: "BrandNewCode")
        == DocumentationLink(
          title: "Brand new code", url: "https://learn.microsoft.com/azure/new", source: .cache))
  }

  @Test func corruptCacheIsIgnoredAndReplaced() throws {
    let folder = TemporaryFolder()
    let clock = ManualClock()
    let home = AzlinHome(root: folder.path)
    try AzlinHome.makeFolder(home.docsCache)
    let path = home.docsCache + "/SkuNotAvailable.json"
    try AtomicFile.write("{\"code\":\"SkuNotAvail", to: path)

    #expect(DocumentationLookup(home: home, clock: clock).link(for: Self.code)?.source == .bundled)

    let server = try DocsStubServer(replies: [LearnAnswers.ok(LearnAnswers.sku)])
    defer { server.stop() }
    let lookup = DocumentationLookup(home: home, clock: clock, search: search(server))
    #expect(lookup.link(for: Self.code)?.source == .search)
    let saved = try JSONValue.parse(String(contentsOfFile: path, encoding: .utf8))
    #expect(saved["url"]?.stringValue == LearnAnswers.skuPage)
    #expect(lookup.link(for: Self.code)?.source == .cache)
    #expect(server.requests.count == 1)
  }

  @Test(arguments: [
    #"{"code":"SkuNotAvailable","title":"Evil","url":"https://evil.example/azure","fetchedAt":"2026-11-26T06:00:00.000Z"}"#,
    #"{"code":"Other","title":"Other","url":"https://learn.microsoft.com/azure/x","fetchedAt":"2026-11-26T06:00:00.000Z"}"#,
    #"{"code":"SkuNotAvailable","title":"No time","url":"https://learn.microsoft.com/azure/x"}"#,
    #"{"code":"SkuNotAvailable","title":"","url":"https://learn.microsoft.com/azure/x","fetchedAt":"2026-11-26T06:00:00.000Z"}"#,
    #"[1,2,3]"#,
  ])
  func unusableCacheEntriesAreIgnored(_ content: String) throws {
    let folder = TemporaryFolder()
    let clock = ManualClock(start: Timestamp.parse("2026-11-27T06:00:00.000Z")!)
    let home = AzlinHome(root: folder.path)
    try AzlinHome.makeFolder(home.docsCache)
    try AtomicFile.write(content, to: home.docsCache + "/SkuNotAvailable.json")
    #expect(DocumentationLookup(home: home, clock: clock).link(for: Self.code)?.source == .bundled)
  }

  @Test func cacheFromTheFutureIsNotFresh() throws {
    let folder = TemporaryFolder()
    let clock = ManualClock()
    let server = try DocsStubServer(replies: [LearnAnswers.ok(LearnAnswers.sku)])
    defer { server.stop() }
    let lookup = DocumentationLookup(
      home: AzlinHome(root: folder.path), clock: clock, search: search(server))
    try cache(
      lookup, code: Self.code, title: "Later", url: LearnAnswers.skuPage,
      fetched: clock.now.addingTimeInterval(3600))
    #expect(lookup.link(for: Self.code)?.source == .search)
    #expect(server.requests.count == 1)
  }

  @Test func codesBecomeSafeFileNames() {
    let lookup = DocumentationLookup(home: AzlinHome(root: "/tmp/azlin-home"), clock: ManualClock())
    #expect(
      lookup.cacheFile(for: "Sku-Not/Available")
        == "/tmp/azlin-home/cache/docs/SkuNotAvailable.json")
    #expect(
      lookup.cacheFile(for: "../../etc/passwd") == "/tmp/azlin-home/cache/docs/etcpasswd.json")
    #expect(lookup.cacheFile(for: "Ünïcode") == "/tmp/azlin-home/cache/docs/ncode.json")
    #expect(lookup.cacheFile(for: "../") == nil)
    #expect(lookup.link(for: "../") == nil)
  }

  @Test func analyzerUsesTheLookupWhenGiven() throws {
    let folder = TemporaryFolder()
    let clock = ManualClock()
    let lookup = DocumentationLookup(home: AzlinHome(root: folder.path), clock: clock)
    try cache(
      lookup, code: "QuotaExceeded", title: "Cached quota page",
      url: "https://learn.microsoft.com/azure/quota", fetched: clock.now)
    let analysis = FailureAnalyzer().analyze(
      AzError(code: "QuotaExceeded", message: "Current Limit: 10"),
      command: .vmCreate(
        name: "sam", group: "g", location: "eastus", size: "Standard_D16s_v5", image: "Ubuntu2204"),
      lookup: lookup)
    #expect(analysis.link?.source == .cache)
    #expect(analysis.documentation == "https://learn.microsoft.com/azure/quota")
  }
}

/// A blocking HTTP/1.1 server on 127.0.0.1 with a random port, for one test.
///
/// The same approach as `StubHTTPServer` in AzlinPlanningTests, which another test target
/// cannot import: a background thread accepts one connection at a time, records the request
/// line and headers, answers with the next recorded reply and closes the connection.
final class DocsStubServer: @unchecked Sendable {
  /// What to answer one request with.
  enum Reply: Sendable, CustomTestStringConvertible {
    case respond(status: Int, body: String)
    /// Read the request and never answer (until `stop`).
    case silence

    var testDescription: String {
      switch self {
      case .respond(let status, let body): "HTTP \(status): \(body.prefix(40))"
      case .silence: "silence"
      }
    }
  }

  /// One request as received.
  struct Request: Sendable {
    var method: String
    /// The request target: path and query, as sent.
    var target: String
    /// Header names in lower case.
    var headers: [String: String]
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
    Thread { [self] in self.serve() }.start()
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
    // Close the listener only once the thread left accept(), so its number is not reused by
    // another test's socket while this thread still accepts on it.
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
    guard let request = readHead(connection) else {
      close(connection)
      return
    }
    lock.lock()
    received.append(request)
    let reply: Reply =
      replies.isEmpty
      ? .respond(status: 500, body: "no recorded reply left") : replies.removeFirst()
    if case .silence = reply { held.append(connection) }
    lock.unlock()
    guard case .respond(let status, let body) = reply else { return }
    var head = "HTTP/1.1 \(status) \(status == 200 ? "OK" : "Error")\r\n"
    head += "Content-Type: application/json; charset=utf-8\r\n"
    head += "Content-Length: \(body.utf8.count)\r\n"
    head += "Connection: close\r\n\r\n"
    transmit(connection, head + body)
    close(connection)
  }

  /// Reads the request line and headers, up to the blank line (GET requests have no body).
  private func readHead(_ connection: Int32) -> Request? {
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 16_384)
    while true {
      let text = String(decoding: bytes, as: UTF8.self)
      if let end = text.range(of: "\r\n\r\n") {
        let lines = text[..<end.lowerBound].components(separatedBy: "\r\n")
        let requestLine = lines.first?.split(separator: " ").map(String.init) ?? []
        guard requestLine.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
          guard let colon = line.firstIndex(of: ":") else { continue }
          headers[line[..<colon].lowercased()] = line[line.index(after: colon)...]
            .trimmingCharacters(in: .whitespaces)
        }
        return Request(method: requestLine[0], target: requestLine[1], headers: headers)
      }
      let count = recv(connection, &buffer, buffer.count, 0)
      if count <= 0 { return nil }
      bytes.append(contentsOf: buffer[0..<count])
    }
  }

  private func transmit(_ connection: Int32, _ text: String) {
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
