import AzlinAzure
import AzlinCore
import AzlinExecution
import AzlinLedger
import AzlinSimulator
import AzlinTestSupport
import Foundation
import Testing

/// The executor against the real embedded simulator on a manual clock: exact modelled time.
@Suite struct PlanExecutorTests {
  struct Rig {
    let folder = TemporaryFolder()
    let clock = ManualClock()
    let sleeper: ClockSleeper
    let simulator: AzureSimulator
    let audit: AuditLog
    let store: ObjectiveStore

    init(faults: String? = nil) throws {
      sleeper = ClockSleeper(clock: clock)
      try AzlinHome.makeFolder(folder.file("sim"))
      try AzlinHome.makeFolder(folder.file("objectives"))
      simulator = try AzureSimulator(
        folder: folder.file("sim"), clock: clock, sleeper: sleeper, ids: SequentialIDGenerator(),
        faults: faults)
      audit = AuditLog(path: folder.file("audit.log"), session: "s", clock: clock)
      store = ObjectiveStore(folder: folder.file("objectives"))
    }

    var backend: SimulatorBackend { SimulatorBackend(simulator: simulator) }

    func executor(maxParallel: Int = 4, strategies: StrategySelector? = nil) -> PlanExecutor {
      PlanExecutor(
        backend: backend, strategies: strategies, audit: audit, store: store, clock: clock,
        sleeper: sleeper, random: FixedRandomSource(), maxParallel: maxParallel)
    }

    func objective() -> Objective {
      Objective(
        id: "o1", session: "s", naturalLanguage: "test", intents: [], plan: [],
        strategy: "azure-cli", costEstimate: nil, at: clock.now)
    }
  }

  static func createVMs(_ count: Int) -> [ExecutableStep] {
    var steps = [
      ExecutableStep(
        number: 1, summary: "group", operation: .groupCreate(name: "rg", location: "eastus"),
        dependsOn: [], change: nil)
    ]
    for n in 1...count {
      steps.append(
        ExecutableStep(
          number: n + 1, summary: "vm\(n)",
          operation: .vmCreate(
            name: "vm\(n)", group: "rg", location: "eastus", size: "Standard_B1s",
            image: "Ubuntu2204"),
          dependsOn: [1], change: nil))
    }
    return steps
  }

  static let timings: [(Int, Double)] = [(1, 455), (4, 183.5), (5, 93)]

  /// Five 90-second VM creates after a 2-second group create, each checked by a half-second read.
  @Test(arguments: timings)
  func independentStepsOverlapOnTheModelledClock(_ parallel: Int, _ seconds: Double) throws {
    let rig = try Rig()
    let start = rig.clock.now
    var objective = rig.objective()
    let steps = Self.createVMs(5)
    let outcomes = try rig.executor(maxParallel: parallel).execute(
      steps, approved: Set(steps.map(\.number)), objective: &objective
    ) { _, _ in }
    #expect(
      outcomes.values.allSatisfy { if case .succeeded = $0 { return true } else { return false } })
    #expect(rig.clock.now.timeIntervalSince(start) == seconds)
    #expect(objective.status == .completed)
    #expect(objective.executionResults.map(\.step) == [1, 2, 3, 4, 5, 6])
  }

  @Test func transientFaultsAreRetriedWithBackoffThenSucceed() throws {
    let rig = try Rig(faults: "vm create=InternalServerError*2")
    var objective = rig.objective()
    var seen: [String] = []
    let steps = Self.createVMs(1)
    _ = try rig.executor().execute(steps, approved: [1, 2], objective: &objective) { _, outcome in
      if case .retrying(_, let attempt, _, let delay) = outcome {
        seen.append("\(attempt):\(delay)")
      }
    }
    #expect(seen == ["2:2.0", "3:4.0"])
    #expect(objective.status == .completed)
    #expect(objective.executionResults.map(\.exitCode) == [0, 1, 1, 0])
  }

  @Test func aNonRetriableFailureStopsItsDependents() throws {
    let rig = try Rig(faults: "group create=AuthorizationFailed*1")
    var objective = rig.objective()
    let steps = Self.createVMs(2)
    let outcomes = try rig.executor().execute(steps, approved: [1, 2, 3], objective: &objective) {
      _, _ in
    }
    #expect(
      outcomes[1].map { if case .failed(let e) = $0 { return e.code } else { return "" } }
        == "AuthorizationFailed")
    #expect(outcomes[2] == .skipped(becauseOf: 1))
    #expect(objective.executionResults.count == 1)
    #expect(objective.status == .failed)
  }
}

@Suite struct RetryPolicyTests {
  static let delays: [(Int, Double, Double)] = [
    (1, 0.5, 2), (2, 0.5, 4), (3, 0, 6.4), (4, 1, 19.2), (9, 0.5, 60),
  ]

  @Test(arguments: delays)
  func backsOffExponentiallyWithJitter(_ failures: Int, _ unit: Double, _ expected: Double) {
    let delay = RetryPolicy().delay(
      after: failures, retryAfter: nil, random: FixedRandomSource(value: unit))
    #expect(abs(delay - expected) < 0.001)
  }

  @Test func honoursRetryAfterWhenLonger() {
    #expect(RetryPolicy().delay(after: 1, retryAfter: 10, random: FixedRandomSource()) == 10)
  }

  static let classes: [(String, String, Bool, Double?)] = [
    ("TooManyRequests", "Retry after 10 seconds.", true, 10),
    ("InternalServerError", "boom", true, nil),
    ("QuotaExceeded", "no", false, nil), ("Unknown", "The operation timed out", true, nil),
    ("SkuNotAvailable", "x", false, nil),
  ]

  @Test(arguments: classes)
  func classifiesByCodeFirst(_ code: String, _ message: String, _ retriable: Bool, _ after: Double?)
  {
    let kind = FailureClass(AzError(code: code, message: message))
    #expect(kind.retriable == retriable)
    #expect(kind.retryAfter == after)
  }
}

@Suite struct FailureAnalysisTests {
  @Test func signaturesIgnoreNamesAndNumbers() {
    let a = FailureAnalyzer().analyze(
      AzError(code: "QuotaExceeded", message: "Current Limit: 10, 'sam' needs 16"),
      operation: .vmCreate(
        name: "sam", group: "g", location: "eastus", size: "Standard_D16s_v5", image: "Ubuntu2204"))
    let b = FailureAnalyzer().analyze(
      AzError(code: "QuotaExceeded", message: "Current Limit: 20, 'bob' needs 32"),
      operation: .vmCreate(
        name: "bob", group: "h", location: "westus2", size: "Standard_D32s_v5", image: "Ubuntu2204")
    )
    #expect(a.signature == b.signature)
    #expect(a.documentation != nil)
  }

  @Test func historyCountsSightings() throws {
    let folder = TemporaryFolder()
    let history = FailureHistory(path: folder.file("failure_history.json"))
    #expect(try history.record(signature: "x", code: "Conflict", at: Date()) == 0)
    #expect(try history.record(signature: "x", code: "Conflict", at: Date()) == 1)
    #expect(history.load().first?.count == 2)
  }

  @Test func aRecordedFixIsKeptForTheNextSighting() throws {
    let folder = TemporaryFolder()
    let history = FailureHistory(path: folder.file("failure_history.json"))
    try history.record(signature: "sku", code: "SkuNotAvailable", at: Date())
    try history.resolve(signature: "sku", by: "Standard_D4as_v5 instead of Standard_D4s_v3")
    #expect(try history.record(signature: "sku", code: "SkuNotAvailable", at: Date()) == 1)
    #expect(history.entry(for: "sku")?.resolution == "Standard_D4as_v5 instead of Standard_D4s_v3")
    try history.resolve(signature: "never-seen", by: "x")
    #expect(history.entry(for: "never-seen") == nil)
  }
}
