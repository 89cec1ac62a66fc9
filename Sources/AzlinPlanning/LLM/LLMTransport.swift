import AzlinCore
import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Sends one JSON POST synchronously over `URLSession`, retrying on 429 and 5xx.
///
/// The shell is synchronous and calls from the main thread: the request runs on the
/// session's own delegate queue and the caller waits on a semaphore, so no Swift
/// concurrency pool is involved. Backoff waits go through the injected `Sleeper`
/// (1 s, 2 s, 4 s … or the server's `retry-after`). Nothing here logs the key or the body.
final class LLMTransport: Sendable {
  /// The longest `retry-after` worth waiting for at an interactive prompt.
  static let longestWait: Double = 20
  /// The largest response read.
  static let largestResponse = 2_000_000

  let host: String
  let timeout: Double
  let maxRetries: Int
  let keyVariable: String
  let sleeper: any Sleeper
  private let session: URLSession

  init(settings: LLMSettings, sleeper: any Sleeper) {
    host = settings.host
    timeout = settings.timeoutSeconds
    maxRetries = max(0, settings.maxRetries)
    keyVariable = settings.apiKeyVariable
    self.sleeper = sleeper
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = settings.timeoutSeconds
    configuration.timeoutIntervalForResource = settings.timeoutSeconds
    configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
    configuration.urlCache = nil
    configuration.httpCookieStorage = nil
    let queue = OperationQueue()
    queue.name = "azlin.llm"
    queue.maxConcurrentOperationCount = 1
    session = URLSession(configuration: configuration, delegate: nil, delegateQueue: queue)
  }

  deinit { session.finishTasksAndInvalidate() }

  /// Posts `body` to `url` and returns the 2xx response body.
  /// - Returns: The body, or the failure after the retries are spent.
  func post(url: URL, headers: [(String, String)], body: Data) -> Result<Data, LLMFailure> {
    let attempts = maxRetries + 1
    var attempt = 1
    while true {
      let response: Response
      switch send(url: url, headers: headers, body: body) {
      case .failure(let failure): return .failure(failure)
      case .success(let r): response = r
      }
      let status = response.status
      if (200..<300).contains(status) { return .success(response.body) }
      if status == 429 || (500..<600).contains(status) {
        let wait = Self.retryAfter(response.headers)
        if let wait, wait > Self.longestWait {
          return .failure(
            status == 429
              ? .rateLimited(host: host, attempts: attempt, retryAfter: wait)
              : .serverError(host: host, status: status, attempts: attempt))
        }
        if attempt < attempts {
          sleeper.sleep(seconds: wait ?? Self.backoff(attempt: attempt))
          attempt += 1
          continue
        }
        return .failure(
          status == 429
            ? .rateLimited(host: host, attempts: attempt, retryAfter: nil)
            : .serverError(host: host, status: status, attempts: attempt))
      }
      if status == 401 || status == 403 {
        return .failure(.keyRejected(host: host, status: status, variable: keyVariable))
      }
      return .failure(
        .httpStatus(host: host, status: status, errorType: Self.errorType(in: response.body)))
    }
  }

  /// The wait before attempt `attempt + 1`: 1 s, 2 s, 4 s …, at most 16 s.
  static func backoff(attempt: Int) -> Double {
    min(16, pow(2, Double(max(0, attempt - 1))))
  }

  /// The server's requested wait in seconds (`retry-after-ms`, then `retry-after` in seconds);
  /// `nil` when absent or in another form (an HTTP date falls back to the backoff).
  static func retryAfter(_ headers: [String: String]) -> Double? {
    if let ms = headers["retry-after-ms"].flatMap(Double.init), ms.isFinite, ms >= 0 {
      return ms / 1000
    }
    let text = headers["retry-after"]?.trimmingCharacters(in: .whitespaces)
    if let seconds = text.flatMap(Double.init), seconds.isFinite, seconds >= 0 { return seconds }
    return nil
  }

  /// The provider's error code (`error.type` or `error.code`) when it is one plain word.
  static func errorType(in body: Data) -> String? {
    guard body.count < 100_000, let json = try? JSONValue.parse(data: body) else { return nil }
    for path in ["error.type", "error.code", "type"] {
      if let word = json.value(at: path)?.stringValue,
        word.range(of: #"^[A-Za-z_]{1,40}$"#, options: .regularExpression) != nil,
        word != "error"
      {
        return word
      }
    }
    return nil
  }

  /// One HTTP exchange.
  struct Response {
    var status: Int
    /// Header names in lower case.
    var headers: [String: String]
    var body: Data
  }

  private func send(url: URL, headers: [(String, String)], body: Data) -> Result<
    Response, LLMFailure
  > {
    var request = URLRequest(
      url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
    request.httpMethod = "POST"
    for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
    request.httpBody = body
    let box = ExchangeBox()
    let done = DispatchSemaphore(value: 0)
    let task = session.dataTask(with: request) { data, response, error in
      box.store(data: data, response: response, error: error)
      done.signal()
    }
    task.resume()
    // URLSession enforces the timeout itself; this deadline only guards against a lost callback.
    guard done.wait(timeout: .now() + timeout + 2) == .success else {
      task.cancel()
      return .failure(.timedOut(host: host, seconds: timeout))
    }
    let (data, response, error) = box.load()
    if let error { return .failure(failure(for: error)) }
    guard let http = response as? HTTPURLResponse else {
      return .failure(.badResponse("not an HTTP response"))
    }
    let body = data ?? Data()
    guard body.count <= Self.largestResponse else {
      return .failure(.badResponse("larger than \(Self.largestResponse / 1_000_000) MB"))
    }
    var lowered: [String: String] = [:]
    for (name, value) in http.allHeaderFields {
      if let name = name as? String, let value = value as? String {
        lowered[name.lowercased()] = value
      }
    }
    return .success(Response(status: http.statusCode, headers: lowered, body: body))
  }

  private func failure(for error: any Error) -> LLMFailure {
    let code = URLError.Code(rawValue: (error as NSError).code)
    switch code {
    case .timedOut:
      return .timedOut(host: host, seconds: timeout)
    case .cannotConnectToHost:
      return .unreachable(host: host, detail: "connection refused")
    case .cannotFindHost, .dnsLookupFailed:
      return .unreachable(host: host, detail: "unknown host")
    case .notConnectedToInternet:
      return .unreachable(host: host, detail: "no network")
    case .networkConnectionLost:
      return .unreachable(host: host, detail: "connection lost")
    case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
      .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .clientCertificateRejected:
      return .unreachable(host: host, detail: "TLS failed")
    case .badURL, .unsupportedURL:
      return .unreachable(host: host, detail: "bad endpoint URL")
    case .badServerResponse, .cannotParseResponse:
      return .unreachable(host: host, detail: "bad HTTP response")
    default:
      return .unreachable(host: host, detail: "network error \((error as NSError).code)")
    }
  }
}

/// Hands the completion handler's values to the waiting caller.
private final class ExchangeBox: @unchecked Sendable {
  private let lock = NSLock()
  private var data: Data?
  private var response: URLResponse?
  private var error: (any Error)?

  func store(data: Data?, response: URLResponse?, error: (any Error)?) {
    lock.lock()
    defer { lock.unlock() }
    self.data = data
    self.response = response
    self.error = error
  }

  func load() -> (Data?, URLResponse?, (any Error)?) {
    lock.lock()
    defer { lock.unlock() }
    return (data, response, error)
  }
}
