import AzlinCore
import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Looks an Azure error code up with Microsoft Learn's public search.
///
/// One `GET <base>/api/search?search=<Code>%20Azure%20error&locale=en-us&%24top=3`, no key
/// needed; the answer is JSON with `results: [{title, url, description, …}]`, and the first
/// result whose address is an https page on learn.microsoft.com wins. Callers are plain
/// threads: the request runs on the session's own queue while the caller waits on a semaphore,
/// at most `timeout` seconds. Every failure (no network, a refused or slow connection, a status
/// other than 200, an answer that is not that JSON, no Microsoft Learn page in it) gives `nil`;
/// nothing is thrown and nothing is printed.
public final class LearnSearchClient: Sendable {
  /// Microsoft Learn.
  public static let defaultBaseURL = URL(string: "https://learn.microsoft.com")!
  /// The longest wait for an answer, in seconds, unless told otherwise.
  public static let defaultTimeout: TimeInterval = 3
  /// The largest answer read; anything longer is treated as a failure.
  static let largestAnswer = 1_000_000
  /// The host every accepted page must be on.
  static let learnHost = "learn.microsoft.com"

  /// Where the search API lives; tests point it at a loopback stub.
  public let baseURL: URL
  /// The longest wait for an answer, in seconds.
  public let timeout: TimeInterval
  private let session: URLSession

  /// Creates a client.
  /// - Parameters:
  ///   - baseURL: The site whose `/api/search` is asked; Microsoft Learn unless a test says so.
  ///   - timeout: The longest wait for an answer, in seconds.
  public init(baseURL: URL = defaultBaseURL, timeout: TimeInterval = defaultTimeout) {
    self.baseURL = baseURL
    self.timeout = timeout
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = timeout
    configuration.timeoutIntervalForResource = timeout
    configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
    configuration.urlCache = nil
    configuration.httpCookieStorage = nil
    let queue = OperationQueue()
    queue.name = "azlin.learn-search"
    queue.maxConcurrentOperationCount = 1
    session = URLSession(configuration: configuration, delegate: nil, delegateQueue: queue)
  }

  deinit { session.finishTasksAndInvalidate() }

  /// Searches Microsoft Learn for `code`.
  /// - Parameter code: An Azure error code; anything but letters and digits is dropped.
  /// - Returns: The first Microsoft Learn page found, marked as from search, or `nil` on any
  ///   failure.
  public func search(code: String) -> DocumentationLink? {
    guard let url = requestURL(for: code) else { return nil }
    guard let body = fetch(url) else { return nil }
    return Self.firstPage(in: body)
  }

  /// The request for `code`:
  /// `<base>/api/search?search=<Code>%20Azure%20error&locale=en-us&%24top=3`.
  /// - Parameter code: An Azure error code; anything but letters and digits is dropped.
  /// - Returns: The address, or `nil` when nothing of the code is left.
  func requestURL(for code: String) -> URL? {
    let word = Self.sanitized(code)
    guard !word.isEmpty else { return nil }
    var base = baseURL.absoluteString
    while base.hasSuffix("/") { base.removeLast() }
    let query = "\(word) Azure error".addingPercentEncoding(withAllowedCharacters: Self.unreserved)
    guard let query else { return nil }
    return URL(string: base + "/api/search?search=" + query + "&locale=en-us&%24top=3")
  }

  /// The ASCII letters and digits of `code`, at most 100 of them.
  /// - Parameter code: Text that should be an Azure error code.
  /// - Returns: What is safe to use as a word in a query or a file name.
  static func sanitized(_ code: String) -> String {
    let kept = code.unicodeScalars.filter {
      ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
    }
    return String(String.UnicodeScalarView(kept.prefix(100)))
  }

  /// The first result of a search answer that is a Microsoft Learn page.
  /// - Parameter body: The answer's bytes.
  /// - Returns: The page, or `nil` when the answer is not the search JSON or names no such page.
  static func firstPage(in body: Data) -> DocumentationLink? {
    guard body.count <= largestAnswer, let json = try? JSONValue.parse(data: body),
      let results = json["results"]?.arrayValue
    else { return nil }
    for result in results {
      guard let address = result["url"]?.stringValue, let url = learnPage(address) else {
        continue
      }
      let title = result["title"]?.stringValue.map(cleanTitle) ?? ""
      return DocumentationLink(
        title: title.isEmpty ? "Microsoft Learn" : title, url: url, source: .search)
    }
    return nil
  }

  /// `address` as a locale-free Microsoft Learn page, or `nil` when it is not an https page on
  /// learn.microsoft.com.
  /// - Parameter address: An absolute address.
  /// - Returns: The address with a leading locale segment (`/en-us/`) removed, and without a
  ///   query or fragment.
  static func learnPage(_ address: String) -> String? {
    guard address.count <= 2000,
      let parts = URLComponents(string: address.trimmingCharacters(in: .whitespaces)),
      parts.scheme?.lowercased() == "https", parts.host?.lowercased() == learnHost,
      parts.user == nil, parts.password == nil, parts.port == nil
    else { return nil }
    var segments = parts.percentEncodedPath.split(separator: "/", omittingEmptySubsequences: true)
    if let first = segments.first,
      first.range(of: #"^[A-Za-z]{2}-[A-Za-z]{2,4}$"#, options: .regularExpression) != nil
    {
      segments.removeFirst()
    }
    guard !segments.isEmpty,
      segments.allSatisfy({ $0.allSatisfy { $0.isASCII && !$0.isWhitespace && $0 != "\\" } })
    else { return nil }
    return "https://\(learnHost)/" + segments.joined(separator: "/")
  }

  /// `title` with each run of control characters and white space made one space, trimmed, and
  /// at most 200 characters, so it is safe to print on a terminal.
  /// - Parameter title: A title from the search answer or the cache.
  /// - Returns: The cleaned title; empty when nothing printable is left.
  static func cleanTitle(_ title: String) -> String {
    let printable = title.unicodeScalars.map { scalar -> Character in
      scalar.properties.generalCategory == .control || scalar.properties.isWhitespace
        ? " " : Character(scalar)
    }
    let words = String(printable).split(separator: " ", omittingEmptySubsequences: true)
    return String(words.joined(separator: " ").prefix(200))
  }

  /// Characters a query value may carry as they are.
  private static let unreserved: CharacterSet = {
    var set = CharacterSet()
    set.insert(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
    return set
  }()

  /// The body of a 200 answer to a GET of `url`, or `nil`.
  private func fetch(_ url: URL) -> Data? {
    var request = URLRequest(
      url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
    request.httpMethod = "GET"
    request.setValue("application/json", forHTTPHeaderField: "Accept")
    request.setValue("azlin", forHTTPHeaderField: "User-Agent")
    let box = AnswerBox()
    let done = DispatchSemaphore(value: 0)
    let task = session.dataTask(with: request) { data, response, error in
      box.store(data: data, response: response, failed: error != nil)
      done.signal()
    }
    task.resume()
    // URLSession enforces the timeout itself; this deadline only guards against a lost callback.
    guard done.wait(timeout: .now() + timeout + 1) == .success else {
      task.cancel()
      return nil
    }
    let (data, response, failed) = box.load()
    guard !failed, let http = response as? HTTPURLResponse, http.statusCode == 200,
      let data, data.count <= Self.largestAnswer
    else { return nil }
    return data
  }
}

/// Hands the completion handler's values to the waiting caller.
private final class AnswerBox: @unchecked Sendable {
  private let lock = NSLock()
  private var data: Data?
  private var response: URLResponse?
  private var failed = false

  func store(data: Data?, response: URLResponse?, failed: Bool) {
    lock.lock()
    defer { lock.unlock() }
    self.data = data
    self.response = response
    self.failed = failed
  }

  func load() -> (Data?, URLResponse?, Bool) {
    lock.lock()
    defer { lock.unlock() }
    return (data, response, failed)
  }
}
