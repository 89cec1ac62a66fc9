import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Sends one HTTP request at a time over `URLSession` and waits for the answer, for callers on
/// plain threads.
///
/// The shell is synchronous and calls from the main thread: each request runs on the session's
/// own delegate queue while the caller waits on a semaphore, so no Swift concurrency pool is
/// involved. The session is ephemeral: nothing is cached and no cookies are kept. URLSession
/// enforces `timeout` itself; the caller's wait ends `callbackMargin` seconds after it, only as
/// a guard against a lost callback. Nothing here logs a header or a body.
public final class BlockingHTTPClient: Sendable {
  /// One HTTP exchange's answer.
  public struct Response: Sendable {
    /// The status code.
    public var status: Int
    /// Header names in lower case.
    public var headers: [String: String]
    /// The body; empty when there was none.
    public var body: Data
  }

  /// Why no answer came.
  public enum Failure: Error {
    /// The session did not call back within `timeout` plus the margin.
    case noCallback
    /// The session failed: a timeout, a refused connection, TLS, DNS …; the `URLError` as
    /// the session gave it.
    case transport(any Error)
    /// The session answered with something other than an HTTP response.
    case notHTTP
  }

  /// The longest wait for an answer, in seconds.
  public let timeout: TimeInterval
  /// How much longer than `timeout` the caller waits for the session's callback.
  public let callbackMargin: TimeInterval
  private let session: URLSession

  /// Creates a client with a session of its own.
  /// - Parameters:
  ///   - timeout: The longest wait for an answer, in seconds.
  ///   - queueName: The name of the session's delegate queue (`azlin.llm`, …).
  ///   - callbackMargin: Seconds waited beyond `timeout` for a callback that never came.
  public init(timeout: TimeInterval, queueName: String, callbackMargin: TimeInterval) {
    self.timeout = timeout
    self.callbackMargin = callbackMargin
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = timeout
    configuration.timeoutIntervalForResource = timeout
    configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
    configuration.urlCache = nil
    configuration.httpCookieStorage = nil
    let queue = OperationQueue()
    queue.name = queueName
    queue.maxConcurrentOperationCount = 1
    session = URLSession(configuration: configuration, delegate: nil, delegateQueue: queue)
  }

  deinit { session.finishTasksAndInvalidate() }

  /// Sends one request and waits for its answer.
  /// - Parameters:
  ///   - method: `GET`, `POST`, ….
  ///   - url: The address.
  ///   - headers: The request headers, set in order (a later one replaces an earlier one of the
  ///     same name).
  ///   - body: The request body, if any.
  /// - Returns: The answer whatever its status, or why there is none.
  public func send(method: String, url: URL, headers: [(String, String)], body: Data? = nil)
    -> Result<Response, Failure>
  {
    var request = URLRequest(
      url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
    request.httpMethod = method
    for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
    request.httpBody = body
    let box = ExchangeBox()
    let done = DispatchSemaphore(value: 0)
    let task = session.dataTask(with: request) { data, response, error in
      box.store(data: data, response: response, error: error)
      done.signal()
    }
    task.resume()
    guard done.wait(timeout: .now() + timeout + callbackMargin) == .success else {
      task.cancel()
      return .failure(.noCallback)
    }
    let (data, response, error) = box.load()
    if let error { return .failure(.transport(error)) }
    guard let http = response as? HTTPURLResponse else { return .failure(.notHTTP) }
    var lowered: [String: String] = [:]
    for (name, value) in http.allHeaderFields {
      if let name = name as? String, let value = value as? String {
        lowered[name.lowercased()] = value
      }
    }
    return .success(Response(status: http.statusCode, headers: lowered, body: data ?? Data()))
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
