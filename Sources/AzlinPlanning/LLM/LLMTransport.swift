import AzlinCore
import Foundation

/// Sends one JSON POST synchronously (through `BlockingHTTPClient`), retrying on 429 and 5xx.
///
/// The shell is synchronous and calls from the main thread: the caller waits for each
/// answer, and no Swift concurrency pool is involved. Backoff waits go through the injected `Sleeper`
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
  private let http: BlockingHTTPClient

  init(settings: LLMSettings, sleeper: any Sleeper) {
    host = settings.host
    timeout = settings.timeoutSeconds
    maxRetries = max(0, settings.maxRetries)
    keyVariable = settings.apiKeyVariable
    self.sleeper = sleeper
    http = BlockingHTTPClient(
      timeout: settings.timeoutSeconds, queueName: "azlin.llm", callbackMargin: 2)
  }

  /// Posts `body` to `url` and returns the 2xx response body.
  /// - Returns: The body, or the failure after the retries are spent.
  func post(url: URL, headers: [(String, String)], body: Data) -> Result<Data, LLMFailure> {
    let attempts = maxRetries + 1
    var attempt = 1
    while true {
      let response: BlockingHTTPClient.Response
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

  private func send(url: URL, headers: [(String, String)], body: Data) -> Result<
    BlockingHTTPClient.Response, LLMFailure
  > {
    switch http.send(method: "POST", url: url, headers: headers, body: body) {
    case .failure(.noCallback):
      return .failure(.timedOut(host: host, seconds: timeout))
    case .failure(.transport(let error)):
      return .failure(failure(for: error))
    case .failure(.notHTTP):
      return .failure(.badResponse("not an HTTP response"))
    case .success(let response):
      guard response.body.count <= Self.largestResponse else {
        return .failure(.badResponse("larger than \(Self.largestResponse / 1_000_000) MB"))
      }
      return .success(response)
    }
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
