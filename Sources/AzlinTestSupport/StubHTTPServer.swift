import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A blocking HTTP/1.1 server on 127.0.0.1 with a random port, for one test.
///
/// A background thread accepts one connection at a time, records the request (method, target,
/// headers, and the body its `Content-Length` announces), answers with the next scripted reply
/// and closes the connection. GET and POST are read alike; an `Expect: 100-continue` is
/// answered before the body is read. When the script runs out, every further request gets a
/// 500. Call `stop` when the test ends (usually `defer { server.stop() }`).
public final class StubHTTPServer: @unchecked Sendable {
  /// What to answer one request with.
  public enum Reply: Sendable, CustomStringConvertible {
    /// An answer with `status`, the extra `headers` and a JSON `body`.
    case respond(status: Int, headers: [(String, String)] = [], body: String)
    /// Read the request and never answer (until `stop`).
    case silence

    /// The status and the start of the body, for a parameterised test's name.
    public var description: String {
      switch self {
      case .respond(let status, _, let body): "HTTP \(status): \(body.prefix(40))"
      case .silence: "silence"
      }
    }
  }

  /// One request as received.
  public struct Request: Sendable {
    /// The method: `GET`, `POST`, ….
    public var method: String
    /// The request target: path and query, as sent.
    public var target: String
    /// Header names in lower case.
    public var headers: [String: String]
    /// The body, empty when there is none.
    public var body: String
  }

  /// The server could not start.
  public struct Failure: Error, CustomStringConvertible {
    /// What went wrong, with the `errno`.
    public var description: String
  }

  /// The port the server listens on.
  public let port: UInt16
  private let listener: Int32
  private let lock = NSLock()
  private var replies: [Reply]
  private var received: [Request] = []
  private var held: [Int32] = []
  private var stopping = false
  private let finished = DispatchSemaphore(value: 0)

  /// Starts listening.
  /// - Parameter replies: The answers to give, one per request, in order.
  /// - Throws: `Failure` when no loopback socket can be bound.
  public init(replies: [Reply]) throws {
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
  public var requests: [Request] {
    lock.lock()
    defer { lock.unlock() }
    return received
  }

  /// A loopback port nothing listens on (bound, then closed).
  /// - Throws: `Failure` when no loopback socket can be bound.
  public static func unusedPort() throws -> UInt16 {
    let (fd, port) = try bindLoopback()
    close(fd)
    return port
  }

  /// Closes the listener and every held connection, and waits for the thread to end.
  public func stop() {
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
      ? .respond(status: 500, body: #"{"error":"no recorded reply left"}"#)
      : replies.removeFirst()
    if case .silence = reply { held.append(connection) }
    lock.unlock()
    guard case .respond(let status, let headers, let body) = reply else { return }
    var head = "HTTP/1.1 \(status) \(status < 300 ? "OK" : "Error")\r\n"
    head += "Content-Type: application/json\r\n"
    head += "Content-Length: \(body.utf8.count)\r\n"
    head += "Connection: close\r\n"
    for (name, value) in headers { head += "\(name): \(value)\r\n" }
    write(connection, head + "\r\n" + body)
    close(connection)
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
        guard requestLine.count >= 2 else { return nil }
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
        if bytes.count - bodyStart >= length {
          let body = String(decoding: bytes[bodyStart..<(bodyStart + length)], as: UTF8.self)
          return Request(
            method: requestLine[0], target: requestLine[1], headers: headers, body: body)
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
