import AzlinCore
import Foundation
import MCP
import SystemPackage

/// One MCP server, started as a child process and reached over its stdin and stdout — or,
/// in a replay sandbox, served in-process over a connected in-memory pair.
///
/// The server is started on first use; `initialize` and `tools/list` are sent then, and
/// the tools are kept. A server that exits makes every later call fail at once instead of
/// waiting for its deadline.
final class MCPConnection: @unchecked Sendable {
  /// Why the server cannot be used.
  struct Failure: Error, Equatable, CustomStringConvertible {
    var description: String
  }

  let settings: MCPServerSettings
  private let environment: [String: String]
  private let startTimeout: TimeInterval
  private let inProcess: (@Sendable () async throws -> any Transport)?
  private let lock = NSLock()
  private var process: Process?
  /// The parent's ends of the pipes: closed with the connection.
  private var pipes: [FileHandle] = []
  private var client: Client?
  private var tools: [Tool]?
  private var startFailure: Failure?

  /// - Parameters:
  ///   - inProcess: Connects to a server in this process instead of starting `settings.command`.
  init(
    settings: MCPServerSettings, environment: [String: String], startTimeout: TimeInterval? = nil,
    inProcess: (@Sendable () async throws -> any Transport)? = nil
  ) {
    self.settings = settings
    self.environment = environment
    self.startTimeout = startTimeout ?? settings.startTimeout
    self.inProcess = inProcess
  }

  deinit { close() }

  /// The server's tools, starting it on first use.
  /// - Throws: `Failure` when it cannot be started or did not answer.
  func listTools() throws -> [Tool] {
    lock.lock()
    defer { lock.unlock() }
    if let tools { return tools }
    if let startFailure { throw startFailure }
    do {
      let listed = try start()
      tools = listed
      return listed
    } catch let failure as Failure {
      startFailure = failure
      close(locked: true)
      throw failure
    }
  }

  /// Calls `name` with `arguments`, waiting at most `timeout` seconds.
  /// - Throws: `Failure` when the server is gone, did not answer in time, or refused the call.
  /// - Returns: The text contents joined, whether the tool reported an error, and the
  ///   duration the server gave (`azlin/durationMs` in a content's `_meta`), if any.
  func callTool(_ name: String, arguments: [String: Value], timeout: TimeInterval) throws -> (
    text: String, isError: Bool, durationMs: Int?
  ) {
    _ = try listTools()
    guard let client = lock.withLock({ self.client }) else {
      throw Failure(description: "MCP server \(settings.name) is not running")
    }
    let process = lock.withLock { self.process }
    if let process, !process.isRunning { throw exited(process) }
    do {
      let call: @Sendable () async throws -> ([Tool.Content], Bool) = {
        let r: (content: [Tool.Content], isError: Bool?) = try await client.callTool(
          name: name, arguments: arguments)
        return (r.content, r.isError ?? false)
      }
      let result = try BlockingCall.run(
        timeout: timeout, abandon: { process?.isRunning == false }, call)
      var durationMs: Int?
      let text = result.0.compactMap { content -> String? in
        guard case .text(let text, _, let meta) = content else { return nil }
        if let ms = meta?["azlin/durationMs"]?.intValue { durationMs = ms }
        return text
      }.joined(separator: "\n")
      return (text, result.1, durationMs)
    } catch BlockingCall.Failure.timedOut {
      throw Failure(
        description: "MCP server \(settings.name) did not answer \(name) within \(Int(timeout)) s")
    } catch BlockingCall.Failure.abandoned {
      throw process.map(exited) ?? Failure(description: "MCP server \(settings.name) stopped")
    } catch let error as MCPError {
      if let process, Self.settles({ !process.isRunning }) { throw exited(process) }
      throw Failure(description: "MCP server \(settings.name) refused \(name): \(error)")
    }
  }

  /// True while the server process runs.
  var isRunning: Bool {
    lock.withLock { client != nil && (process?.isRunning ?? (inProcess != nil)) }
  }

  /// Stops the server.
  func close() {
    lock.lock()
    close(locked: true)
    lock.unlock()
  }

  /// Ends the server: SIGTERM, then SIGKILL if it is still there after two seconds. It does
  /// not use `waitUntilExit`, which needs a run loop that worker threads do not have.
  private func close(locked: Bool) {
    if let client {
      _ = try? BlockingCall.run(timeout: 2) { await client.disconnect() }
    }
    for handle in pipes { try? handle.close() }
    pipes = []
    if let process, process.isRunning {
      process.terminate()
      let deadline = Date().addingTimeInterval(2)
      while process.isRunning && Date() < deadline { usleep(10_000) }
      if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
    process = nil
    client = nil
  }

  private func exited(_ process: Process) -> Failure {
    if process.isRunning {
      return Failure(description: "MCP server \(settings.name) stopped answering")
    }
    return Failure(
      description: "MCP server \(settings.name) exited with status \(process.terminationStatus)")
  }

  /// Starts the process, initialises the session and lists every tool (all pages).
  private func start() throws -> [Tool] {
    if let inProcess {
      let client = Client(name: "azlin", version: "0.1.0")
      self.client = client
      return try listAll(client, abandon: { false }, transport: inProcess)
    }
    guard let path = SystemProcessRunner.locate(settings.command, path: environment["PATH"]) else {
      throw Failure(description: "\(settings.command) is not installed or not on PATH")
    }
    // A server that exits while azlin writes to it must give azlin an error (EPIPE), not
    // end it with SIGPIPE.
    signal(SIGPIPE, SIG_IGN)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = settings.args
    process.environment = environment
    let toServer = Pipe()
    let fromServer = Pipe()
    process.standardInput = toServer
    process.standardOutput = fromServer
    process.standardError = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      throw Failure(description: "cannot start \(settings.command): \(error.localizedDescription)")
    }
    self.process = process
    // The child's ends belong to the child now: closing them here lets its exit reach us as EOF.
    try? fromServer.fileHandleForWriting.close()
    try? toServer.fileHandleForReading.close()
    pipes = [fromServer.fileHandleForReading, toServer.fileHandleForWriting]
    let transport = StdioTransport(
      input: FileDescriptor(rawValue: fromServer.fileHandleForReading.fileDescriptor),
      output: FileDescriptor(rawValue: toServer.fileHandleForWriting.fileDescriptor))
    let client = Client(name: "azlin", version: "0.1.0")
    self.client = client
    return try listAll(
      client, abandon: { !process.isRunning }, exited: { self.exited(process) },
      transport: { transport })
  }

  /// Connects `client`, initialises the session and lists every tool (all pages).
  private func listAll(
    _ client: Client, abandon: @escaping () -> Bool,
    exited: () -> Failure = { Failure(description: "the server stopped") },
    transport: @escaping @Sendable () async throws -> any Transport
  ) throws -> [Tool] {
    let connectAndList: @Sendable () async throws -> [Tool] = {
      _ = try await client.connect(transport: try await transport())
      var all: [Tool] = []
      var cursor: String?
      repeat {
        let page = try await client.listTools(cursor: cursor)
        all += page.tools
        cursor = page.nextCursor
      } while cursor != nil && all.count < 10_000
      return all
    }
    do {
      return try BlockingCall.run(timeout: startTimeout, abandon: abandon, connectAndList)
    } catch BlockingCall.Failure.timedOut {
      throw Failure(
        description:
          "MCP server \(settings.name) did not answer initialize within \(Int(startTimeout)) s")
    } catch BlockingCall.Failure.abandoned {
      throw exited()
    } catch let failure as Failure {
      throw failure
    } catch {
      // Writing to a server that already exited fails first (EPIPE): say that it exited.
      if Self.settles(abandon) { throw exited() }
      throw Failure(description: "MCP server \(settings.name): \(error)")
    }
  }

  /// True when `gone` becomes true within half a second: a failed read or write often comes
  /// just before the process's exit is seen.
  static func settles(_ gone: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(0.5)
    while !gone() && Date() < deadline { usleep(10_000) }
    return gone()
  }
}
