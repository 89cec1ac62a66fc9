import AzlinAzure
import AzlinCore
import AzlinPlanning
import AzlinSimulator
import Foundation

/// The embedded shell twin: a whole shell in a fresh deterministic sandbox — a temporary
/// `$AZLIN_HOME`, the simulator, an injected `ManualClock`, sequential IDs and no colour —
/// built by `Services.sandbox`.
///
/// Transcript replay, `azlin-bench`, the held-out dialogue scorer and unit tests all run turns
/// through one (`send(_:)`); the folder is removed when the sandbox is closed.
public final class ShellSandbox {
  /// The sandbox's state folder.
  public let home: AzlinHome
  /// The clock the session and the simulator share: moving it moves time for both.
  public let clock: ManualClock
  /// The simulated Azure the session works on.
  public let simulator: AzureSimulator
  /// The session's turn engine; lines go in through `send(_:)` (or `session.handle(_:)`).
  public let session: TurnEngine
  /// What the session said since the last `take()`.
  public let output = BufferOutput()

  /// Makes the sandbox and starts its session.
  /// - Parameters:
  ///   - files: Files written into `$AZLIN_HOME` before the session starts (`config.toml`, …).
  ///   - environment: The environment the session sees (`AZLIN_SIM_FAULTS`, …).
  ///   - options: --yes, --dry-run, --verbose.
  ///   - version: The version named in the audit log.
  ///   - llm: An LLM intent parser the session asks first (tests pass one with a stand-in client).
  ///   - ids: The session's identifiers (sequential when nil; a saved session's seed otherwise).
  ///   - start: The moment the fixed clock starts at (a saved session's start when given).
  ///   - setup: az commands (without "az") run on the simulator before the session starts: the
  ///     starting state of a saved session.
  ///   - parent: The folder the sandbox is made in (the system's temporary folder when nil).
  ///   - root: The folder to use as `$AZLIN_HOME` itself (made if missing; files already
  ///     there, such as a prefilled audit log, are kept) instead of a new one in `parent`.
  /// - Throws: `FileError` when the folder cannot be made, or the simulator's state cannot be read;
  ///   `SandboxSetupError` when a set-up command fails.
  public init(
    files: [(name: String, content: String)] = [], environment: [String: String] = [:],
    options: TurnEngine.Options = TurnEngine.Options(), version: String,
    llm: LLMIntentParser? = nil,
    ids: (any IDGenerator)? = nil, start: Date? = nil, setup: [String] = [],
    parent: String? = nil, root: String? = nil
  ) throws {
    let folder = parent.map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? NSTemporaryDirectory()
    let root = root ?? folder + "azlin-sandbox-\(getpid())-\(UUID().uuidString.prefix(8))"
    home = AzlinHome(root: root)
    try home.prepare()
    for file in files {
      try AtomicFile.write(file.content, to: root + "/" + file.name, mode: 0o600)
    }
    clock = start.map { ManualClock(start: $0) } ?? ManualClock()
    let services: Services
    do {
      (services, simulator) = try Services.sandbox(
        home: home, clock: clock, environment: environment, ids: ids, setup: setup,
        version: version, llm: llm)
    } catch let error as SandboxSetupError {
      try? FileManager.default.removeItem(atPath: root)
      throw error
    }
    session = TurnEngine(services: services, output: output, options: options, version: version)
    session.start()
    _ = output.take()
  }

  /// Types `line` into the session and returns what the shell said, line by line.
  @discardableResult
  public func send(_ line: String) -> [String] {
    session.handle(line)
    return output.take()
  }

  /// Types `line` into the session and returns what the shell said, as one text.
  public func reply(to line: String) -> String {
    send(line).joined(separator: "\n")
  }

  /// Runs one az command on the simulator, as a person would by hand, and returns what az printed.
  public func az(_ line: String) -> [String] {
    let result = simulator.run(Self.words(line))
    let printed = (result.stdout + result.stderr).split(
      separator: "\n", omittingEmptySubsequences: false)
    return printed.last == "" ? printed.dropLast().map(String.init) : printed.map(String.init)
  }

  /// The words of an az line: split at spaces.
  static func words(_ line: String) -> [String] {
    line.split(separator: " ").map(String.init)
  }

  /// Ends the session and removes the folder.
  public func close() {
    session.end()
    try? FileManager.default.removeItem(atPath: home.root)
  }
}
