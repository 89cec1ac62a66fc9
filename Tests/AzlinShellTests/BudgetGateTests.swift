import AzlinAzure
import AzlinConversation
import AzlinCore
import AzlinLedger
import AzlinPlanning
import AzlinSimulator
import AzlinTestSupport
import Foundation
import Testing

/// The budget gate across sessions that share one state folder, and for LLM-read requests.
@Suite struct BudgetGateTests {
  /// A session and the lines it said, movable to another thread (each is used by one thread at a time).
  final class Shell: @unchecked Sendable {
    let session: TurnEngine
    let output = BufferOutput()
    init(_ make: (BufferOutput) -> TurnEngine) { session = make(output) }
    func say(_ line: String) -> [String] {
      session.handle(line)
      return output.take()
    }
  }

  /// A backend that stops in its first `vm create` until released: a VM that takes long to
  /// create while another shell decides.
  final class SlowCreates: AzureBackend, @unchecked Sendable {
    let inner: any AzureBackend
    let entered = DispatchSemaphore(value: 0)
    let release = DispatchSemaphore(value: 0)
    private var armed = true
    private let lock = NSLock()
    var kind: BackendKind { inner.kind }
    var displayName: String { inner.displayName }
    init(_ inner: any AzureBackend) { self.inner = inner }
    func run(_ command: AzCommand) -> AzResult {
      lock.lock()
      let stop = armed && command.verb == "vm create"
      if stop { armed = false }
      lock.unlock()
      if stop {
        entered.signal()
        release.wait()
      }
      return inner.run(command)
    }
  }

  /// One state folder, its config, and what every session on it shares.
  final class Home: @unchecked Sendable {
    let folder = TemporaryFolder()
    let home: AzlinHome
    let ids = SequentialIDGenerator()
    let config: AzlinConfig

    init(config text: String) throws {
      home = AzlinHome(root: folder.path)
      try home.prepare()
      try AtomicFile.write(text, to: home.configFile, mode: 0o600)
      config = AzlinConfig.load(path: home.configFile).0
    }

    func simulator() throws -> AzureSimulator {
      let clock = ManualClock()
      return try AzureSimulator(
        folder: home.simulatorFolder, clock: clock, sleeper: ClockSleeper(clock: clock), ids: ids,
        faults: nil)
    }

    /// A session on this folder; `wrap` may slow its backend down.
    func shell(
      yes: Bool, llm: LLMIntentParser? = nil,
      wrap: (any AzureBackend) -> any AzureBackend = { $0 }
    ) throws -> Shell {
      var context = AzlinContext.deterministic(home: home, runner: UnexpectedProcessRunner())
      context.ids = ids
      var options = TurnEngine.Options()
      options.autoApprove = yes
      let backend = wrap(SimulatorBackend(simulator: try simulator()))
      return Shell { output in
        let session = TurnEngine(
          context: context, backend: backend, config: config, output: output, options: options,
          version: "test", llm: llm)
        session.start()
        _ = output.take()
        return session
      }
    }

    /// The VMs that exist, by name.
    func vms() throws -> [String] {
      try simulator().run(["vm", "list"]).json?.arrayValue?.compactMap { $0["name"]?.stringValue }
        .sorted() ?? []
    }
  }

  static let limit50 = "[budget]\nmonthly_limit = 50\n"

  /// Runs `first` on a thread of its own until its VM create stops in `slow`, then `second`
  /// here, then lets the VM create finish. Every wait happens off the concurrency pool.
  /// - Returns: What each said; `nil` when the first never reached its VM create.
  static func race(
    _ slow: SlowCreates, first: @escaping @Sendable () -> [String],
    second: @escaping @Sendable () -> [String]
  ) async throws -> (first: [String], second: [String])? {
    try await onOwnThread {
      final class Said: @unchecked Sendable { var lines: [String] = [] }
      let said = Said()
      let done = DispatchSemaphore(value: 0)
      Thread {
        said.lines = first()
        done.signal()
      }.start()
      guard slow.entered.wait(timeout: .now() + 120) == .success else { return nil }
      let secondSaid = second()
      slow.release.signal()
      done.wait()
      return (said.lines, secondSaid)
    }
  }

  /// Limit $50; each shell asks for a $39.30 VM with --yes while the other's is being
  /// created: the first holds its $39.30 in the ledger, so the second is refused.
  @Test func twoShellsWithYesCannotBothSpendTheSameHeadroom() async throws {
    let home = try Home(config: Self.limit50)
    let slow = SlowCreates(SimulatorBackend(simulator: try home.simulator()))
    let a = try home.shell(yes: true, wrap: { _ in slow })
    let b = try home.shell(yes: true)
    let said = try #require(
      try await Self.race(
        slow, first: { a.say("create a vm called a") }, second: { b.say("create a vm called b") }))
    let (firstSaid, second) = (said.first, said.second)
    #expect(firstSaid.last?.hasPrefix("Done") == true, "\(firstSaid)")
    #expect(
      second.contains { $0.hasPrefix("Refused: this would bring spending to $78.60/month") },
      "\(second)")
    #expect(try home.vms() == ["a"])
    #expect(SpendLedger(path: home.home.spendLedger).openReservations().isEmpty)
  }

  /// Both shells show their plan within the limit; the first approves and its VM is being
  /// created when the second approves: the second is refused at the last moment.
  @Test func approvalIsCheckedAgainUnderTheLock() async throws {
    let home = try Home(config: Self.limit50)
    // The group exists, so neither plan rests on a fact the other shell changes (a plan
    // whose facts changed is made again before it reaches the lock: see ApprovalTests).
    _ = try home.simulator().run(["group", "create", "-n", "azlin-rg", "-l", "eastus"])
    let slow = SlowCreates(SimulatorBackend(simulator: try home.simulator()))
    let a = try home.shell(yes: false, wrap: { _ in slow })
    let b = try home.shell(yes: false)
    #expect(a.say("create a vm called a").contains(where: { $0.hasPrefix("Budget warning") }))
    #expect(b.say("create a vm called b").contains(where: { $0.hasPrefix("Budget warning") }))
    let second = try #require(
      try await Self.race(slow, first: { a.say("y") }, second: { b.say("y") })
    ).second
    #expect(second.contains { $0.hasPrefix("Refused just before it ran") }, "\(second)")
    #expect(try home.vms() == ["a"])
    #expect(b.session.lastTurnFailed)
  }

  /// A request read by an LLM (here a stub HTTP server answering as Anthropic's API would)
  /// is planned and passes the same budget gate: refused over the limit, run after "override".
  @Test func anLLMReadRequestPassesTheSameGate() async throws {
    let intent =
      #"{"intent":"provision_vm","parameters":{"names":["big"],"size":"Standard_D4s_v3"},"confidence":0.95,"explanation":"a big VM"}"#
    let body: JSONValue = .object([
      ("id", "msg_01"), ("type", "message"), ("role", "assistant"),
      ("content", .array([.object([("type", "text"), ("text", .string(intent))])])),
      ("stop_reason", "end_turn"),
    ])
    let server = try StubHTTPServer(replies: [.respond(status: 200, body: body.compact())])
    defer { server.stop() }
    let home = try Home(config: Self.limit50)
    let llm = LLMIntentParser(
      settings: LLMSettings(
        provider: .anthropic, model: "claude-test", endpoint: "http://127.0.0.1:\(server.port)",
        apiKey: "sk-test-0123456789", timeoutSeconds: 10, maxRetries: 0),
      sleeper: ClockSleeper(clock: ManualClock()))
    let shell = try home.shell(yes: true, llm: llm)
    let refused = try await onOwnThread { shell.say("I need a beefy machine named big") }
    #expect(server.requests.count == 1)
    #expect(refused.contains { $0.contains("VM big (Standard_D4s_v3, eastus)") }, "\(refused)")
    #expect(
      refused.contains { $0.hasPrefix("Refused: this would bring spending to $149.09/month") },
      "\(refused)")
    #expect(try home.vms().isEmpty)
    let overridden = try await onOwnThread { shell.say("override") }
    #expect(overridden.contains { $0.hasPrefix("Budget override (typed override)") })
    #expect(try home.vms() == ["big"])
  }
}
