import AzlinCore
import Foundation

/// Looks an Azure error code up with Microsoft Learn's public search.
///
/// One `GET <base>/api/search?search=<Code>%20Azure%20error&locale=en-us&%24top=3`, no key
/// needed; the answer is JSON with `results: [{title, url, description, …}]`, and the first
/// result whose address is an https page on learn.microsoft.com wins. Callers are plain
/// threads: the request goes through `BlockingHTTPClient` while the caller waits, at most
/// `timeout` seconds. Every failure (no network, a refused or slow connection, a status
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

  /// Where the search API lives; tests point it at a loopback test server.
  public let baseURL: URL
  /// The longest wait for an answer, in seconds.
  public let timeout: TimeInterval
  private let http: BlockingHTTPClient

  /// Creates a client.
  /// - Parameters:
  ///   - baseURL: The site whose `/api/search` is asked; Microsoft Learn unless a test says so.
  ///   - timeout: The longest wait for an answer, in seconds.
  public init(baseURL: URL = defaultBaseURL, timeout: TimeInterval = defaultTimeout) {
    self.baseURL = baseURL
    self.timeout = timeout
    http = BlockingHTTPClient(
      timeout: timeout, queueName: "azlin.learn-search", callbackMargin: 1)
  }

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
    let headers = [("Accept", "application/json"), ("User-Agent", "azlin")]
    guard case .success(let response) = http.send(method: "GET", url: url, headers: headers),
      response.status == 200, response.body.count <= Self.largestAnswer
    else { return nil }
    return response.body
  }
}
