import AzlinAzure
import AzlinCore
import AzlinTestSupport
import Foundation
import Testing

@testable import AzlinExecution
@testable import AzlinSimulator

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

  static func ok(_ body: String) -> StubHTTPServer.Reply { .respond(status: 200, body: body) }

  /// A search client that asks `server`.
  static func client(_ server: StubHTTPServer, timeout: TimeInterval = 3) -> LearnSearchClient {
    LearnSearchClient(baseURL: URL(string: "http://127.0.0.1:\(server.port)")!, timeout: timeout)
  }
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
      operation: .vmCreate(
        name: "sam", group: "g", location: "eastus", size: "Standard_D2s_v5", image: "Ubuntu2204"))
    #expect(analysis.link?.source == .bundled)
    #expect(analysis.documentation == LearnAnswers.skuPage)
    let unknown = FailureAnalyzer().analyze(
      AzError(code: "ResultMismatch", message: "x"),
      operation: .groupCreate(name: "g", location: "eastus"))
    #expect(unknown.link == nil && unknown.documentation == nil)
  }
}

@Suite struct LearnSearchClientTests {
  func client(_ server: StubHTTPServer, timeout: TimeInterval = 3) -> LearnSearchClient {
    LearnAnswers.client(server, timeout: timeout)
  }

  @Test func asksTheSearchAPIAndTakesTheFirstLearnPage() throws {
    let server = try StubHTTPServer(replies: [LearnAnswers.ok(LearnAnswers.sku)])
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
    let server = try StubHTTPServer(replies: [LearnAnswers.ok(LearnAnswers.sku)])
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
    let server = try StubHTTPServer(replies: [LearnAnswers.ok(body)])
    defer { server.stop() }
    let link = client(server).search(code: "QuotaExceeded")
    #expect(link?.url == "https://learn.microsoft.com/azure/q")
    #expect(link?.title == "Quotas [31m red")
  }

  @Test(arguments: [
    StubHTTPServer.Reply.respond(status: 503, body: LearnAnswers.sku),
    .respond(status: 404, body: LearnAnswers.sku),
    .respond(status: 200, body: "<html><body>Service busy</body></html>"),
    .respond(status: 200, body: #"{"results":"#),
    .respond(
      status: 200, body: #"{"value":[{"title":"x","url":"https://learn.microsoft.com/azure/x"}]}"#),
    .respond(status: 200, body: #"{"results":[{"title":"x"},{"url":42}]}"#),
    .respond(status: 200, body: LearnAnswers.answer([])),
  ])
  func failuresGiveNil(_ reply: StubHTTPServer.Reply) throws {
    let server = try StubHTTPServer(replies: [reply])
    defer { server.stop() }
    #expect(client(server).search(code: "SkuNotAvailable") == nil)
    #expect(server.requests.count == 1)
  }

  @Test func silentServerTimesOut() throws {
    let server = try StubHTTPServer(replies: [.silence])
    defer { server.stop() }
    let start = Date()
    #expect(client(server, timeout: 0.2).search(code: "SkuNotAvailable") == nil)
    #expect(Date().timeIntervalSince(start) < 2.5)
  }

  @Test func refusedConnectionGivesNil() throws {
    let port = try StubHTTPServer.unusedPort()
    let client = LearnSearchClient(baseURL: URL(string: "http://127.0.0.1:\(port)")!)
    #expect(client.search(code: "SkuNotAvailable") == nil)
  }

  @Test func codesAreReducedToLettersAndDigits() throws {
    let server = try StubHTTPServer(replies: [LearnAnswers.ok(LearnAnswers.sku)])
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

  /// A lookup on a fresh home whose search asks a loopback test server; stop it when done.
  struct Rig {
    let folder = TemporaryFolder()
    let clock = ManualClock()
    let server: StubHTTPServer
    let lookup: DocumentationLookup

    /// - Parameter replies: The server's answers, the SKU answer once unless told otherwise.
    init(replies: [StubHTTPServer.Reply] = [LearnAnswers.ok(LearnAnswers.sku)]) throws {
      server = try StubHTTPServer(replies: replies)
      lookup = DocumentationLookup(
        home: AzlinHome(root: folder.path), clock: clock, search: LearnAnswers.client(server))
    }
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
    let rig = try Rig()
    defer { rig.server.stop() }
    let (lookup, clock, server) = (rig.lookup, rig.clock, rig.server)

    let first = try #require(lookup.link(for: Self.code))
    #expect(first.source == .search)
    #expect(first.url == LearnAnswers.skuPage)

    let path = rig.folder.path + "/cache/docs/SkuNotAvailable.json"
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
    let rig = try Rig()
    defer { rig.server.stop() }
    try cache(
      rig.lookup, code: Self.code, title: "Cached SKU page", url: LearnAnswers.skuPage,
      fetched: rig.clock.now.addingTimeInterval(-3 * 24 * 3600))

    #expect(
      rig.lookup.link(for: Self.code)
        == DocumentationLink(title: "Cached SKU page", url: LearnAnswers.skuPage, source: .cache))
    #expect(rig.server.requests.isEmpty)
  }

  @Test func cacheExpiresAfterSevenDays() throws {
    let newer = LearnAnswers.answer([
      LearnAnswers.result(
        title: "SKU not available (updated)",
        url: "https://learn.microsoft.com/en-us/azure/virtual-machines/sku-not-available")
    ])
    let rig = try Rig(replies: [LearnAnswers.ok(LearnAnswers.sku), LearnAnswers.ok(newer)])
    defer { rig.server.stop() }
    let (lookup, clock, server) = (rig.lookup, rig.clock, rig.server)

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

    let port = try StubHTTPServer.unusedPort()
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
    let rig = try Rig()
    defer { rig.server.stop() }
    let home = AzlinHome(root: rig.folder.path)
    try AzlinHome.makeFolder(home.docsCache)
    let path = home.docsCache + "/SkuNotAvailable.json"
    try AtomicFile.write("{\"code\":\"SkuNotAvail", to: path)

    let offline = DocumentationLookup(home: home, clock: rig.clock)
    #expect(offline.link(for: Self.code)?.source == .bundled)

    #expect(rig.lookup.link(for: Self.code)?.source == .search)
    let saved = try JSONValue.parse(String(contentsOfFile: path, encoding: .utf8))
    #expect(saved["url"]?.stringValue == LearnAnswers.skuPage)
    #expect(rig.lookup.link(for: Self.code)?.source == .cache)
    #expect(rig.server.requests.count == 1)
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
    let rig = try Rig()
    defer { rig.server.stop() }
    try cache(
      rig.lookup, code: Self.code, title: "Later", url: LearnAnswers.skuPage,
      fetched: rig.clock.now.addingTimeInterval(3600))
    #expect(rig.lookup.link(for: Self.code)?.source == .search)
    #expect(rig.server.requests.count == 1)
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
      operation: .vmCreate(
        name: "sam", group: "g", location: "eastus", size: "Standard_D16s_v5", image: "Ubuntu2204"),
      lookup: lookup)
    #expect(analysis.link?.source == .cache)
    #expect(analysis.documentation == "https://learn.microsoft.com/azure/quota")
  }
}
