import AzlinAzure
import AzlinCore
import AzlinLedger
import AzlinTestSupport
import Foundation
import MCP
import Testing

@testable import AzlinExecution

/// A step strategy for tests: answers each step with what `answer` says, and records the
/// steps it ran. A route for a step it was not told to take fails the test.
final class ScriptedStrategy: StepStrategy, @unchecked Sendable {
  let name: String
  private let lock = NSLock()
  private let answer: (ExecutableStep, Int) -> AzResult
  private let takes: (ExecutableStep) -> Bool
  private(set) var ran: [Int] = []

  init(
    _ name: String, takes: @escaping (ExecutableStep) -> Bool = { _ in true },
    answer: @escaping (ExecutableStep, Int) -> AzResult
  ) {
    self.name = name
    self.takes = takes
    self.answer = answer
  }

  func availability() -> StrategyAvailability { .available("scripted") }
  func route(for step: ExecutableStep) -> StepRoute? {
    takes(step) ? StepRoute(strategy: name, detail: "tool") : nil
  }
  func run(_ step: ExecutableStep, via route: StepRoute) -> AzResult {
    #expect(takes(step), "\(name) ran step \(step.number), which it does not take")
    let count = lock.withLock {
      ran.append(step.number)
      return ran.filter { $0 == step.number }.count
    }
    return answer(step, count)
  }

  static func failing(_ code: String) -> AzResult {
    AzResult(exitCode: 1, stdout: "", stderr: "ERROR: (\(code)) scripted failure\n")
  }
}

/// A plan strategy for tests that carries out the steps `does` picks through `backend`.
final class ScriptedPlanStrategy: PlanStrategy, @unchecked Sendable {
  let name = "terraform"
  let backend: any AzureBackend
  let does: (ExecutableStep) -> Bool
  let error: AzError?

  init(backend: any AzureBackend, error: AzError?, does: @escaping (ExecutableStep) -> Bool) {
    self.backend = backend
    self.error = error
    self.does = does
  }

  func availability() -> StrategyAvailability { .available("/usr/bin/terraform") }
  func accepts(_ steps: [ExecutableStep]) -> Bool { steps.count >= 3 }
  func apply(_ steps: [ExecutableStep], objectiveID: String) -> PlanApplication {
    for step in steps where does(step) { _ = backend.run(step.command) }
    return PlanApplication(
      commands: [
        PlanApplication.Command(
          argv: ["terraform", "apply"], exitCode: error == nil ? 0 : 1, durationMs: 0)
      ],
      error: error)
  }
}

@Suite("Strategies") struct StrategyTests {
  typealias Rig = PlanExecutorTests.Rig

  func code(_ outcome: PlanExecutor.StepOutcome?) -> String? {
    if case .failed(let e) = outcome { return e.code }
    return nil
  }

  @Test func aNonRetriableFailureFallsBackToTheNextStrategy() throws {
    let rig = try Rig()
    let mcp = ScriptedStrategy("mcp:test") { _, _ in ScriptedStrategy.failing("AuthorizationFailed")
    }
    let selector = StrategySelector(azureCLI: AzureCLIStrategy(backend: rig.backend), mcp: [mcp])
    var objective = rig.objective()
    var events: [String] = []
    let steps = PlanExecutorTests.createVMs(1)
    let outcomes = try rig.executor(strategies: selector).execute(
      steps, approved: [1, 2], objective: &objective
    ) { step, outcome in
      if case .fallingBack(let e, let from, let to) = outcome {
        events.append("\(step.number):\(e.code):\(from)->\(to)")
      }
    }
    #expect(
      events == [
        "1:AuthorizationFailed:mcp:test (tool)->azure-cli",
        "2:AuthorizationFailed:mcp:test (tool)->azure-cli",
      ])
    #expect(outcomes[2] == .succeeded(durationMs: 90_000, via: "azure-cli"))
    #expect(mcp.ran == [1, 2])
    #expect(objective.status == .completed)
    #expect(
      objective.executionResults.map { $0.strategy ?? "" } == [
        "mcp:test (tool)", "azure-cli", "mcp:test (tool)", "azure-cli",
      ])
    let audit = try String(contentsOfFile: rig.folder.file("audit.log"), encoding: .utf8)
    #expect(audit.components(separatedBy: "\"event\":\"fallback\"").count == 3)
  }

  @Test func transientFailuresAreRetriedOnTheSameStrategyFirst() throws {
    let rig = try Rig()
    let mcp = ScriptedStrategy("mcp:test") { step, n in
      n < 3 ? ScriptedStrategy.failing("TooManyRequests") : rig.backend.run(step.command)
    }
    let selector = StrategySelector(azureCLI: AzureCLIStrategy(backend: rig.backend), mcp: [mcp])
    var objective = rig.objective()
    let steps = Array(PlanExecutorTests.createVMs(1).prefix(1))
    let outcomes = try rig.executor(strategies: selector).execute(
      steps, approved: [1], objective: &objective
    ) { _, _ in }
    #expect(mcp.ran == [1, 1, 1])
    guard case .succeeded(_, let via) = outcomes[1] else {
      Issue.record("step 1 did not succeed: \(String(describing: outcomes[1]))")
      return
    }
    #expect(via == "mcp:test (tool)")
  }

  @Test func everyStrategyFailingFailsTheStepAndSkipsItsDependents() throws {
    let rig = try Rig(faults: "vm create=AuthorizationFailed")
    let mcp = ScriptedStrategy("mcp:test") { step, _ in rig.backend.run(step.command) }
    let selector = StrategySelector(azureCLI: AzureCLIStrategy(backend: rig.backend), mcp: [mcp])
    var objective = rig.objective()
    var steps = PlanExecutorTests.createVMs(1)
    steps.append(
      ExecutableStep(
        number: 3, summary: "disk", operation: .diskAttach(disk: "d", vm: "vm1", group: "rg"),
        dependsOn: [2], change: nil))
    let outcomes = try rig.executor(strategies: selector).execute(
      steps, approved: [1, 2, 3], objective: &objective
    ) { _, _ in }
    #expect(code(outcomes[2]) == "AuthorizationFailed")
    #expect(outcomes[3] == .skipped(becauseOf: 2))
    #expect(objective.status == .failed)
  }

  @Test func aSuccessThatLiveStateDoesNotShowIsAFailure() throws {
    let rig = try Rig(faults: "vm resize=NoEffect*1")
    var objective = rig.objective()
    let setup = PlanExecutorTests.createVMs(1)
    _ = try rig.executor().execute(setup, approved: [1, 2], objective: &objective) { _, _ in }
    var second = rig.objective()
    second.id = "o2"
    let resize = [
      ExecutableStep(
        number: 1, summary: "resize",
        operation: .vmResize(name: "vm1", group: "rg", size: "Standard_B2s"), dependsOn: [],
        change: nil)
    ]
    let outcomes = try rig.executor().execute(resize, approved: [1], objective: &second) { _, _ in
    }
    guard case .failed(let error) = outcomes[1] else {
      Issue.record("the resize was not failed: \(String(describing: outcomes[1]))")
      return
    }
    #expect(error.code == "ResultMismatch")
    #expect(
      error.message
        == "azure-cli reported success, but VM vm1: its size is Standard_B1s, expected Standard_B2s."
    )
    // Run again, the fault used up: the same step now holds.
    var third = rig.objective()
    third.id = "o3"
    let again = try rig.executor().execute(resize, approved: [1], objective: &third) { _, _ in }
    #expect(again[1] == .succeeded(durationMs: again[1].map(Self.ms) ?? 0, via: "azure-cli"))
  }

  static func ms(_ outcome: PlanExecutor.StepOutcome) -> Int {
    if case .succeeded(let ms, _) = outcome { return ms }
    return -1
  }

  @Test(arguments: [
    ("vm create", "azure-cli"), ("vm stop", "azure-cli"), ("group delete", "azure-cli"),
  ])
  func validationChecksWhatEachKindOfStepIntended(_ verb: String, _ via: String) throws {
    let rig = try Rig()
    var objective = rig.objective()
    var steps = PlanExecutorTests.createVMs(1)
    switch verb {
    case "vm stop":
      steps.append(
        ExecutableStep(
          number: 3, summary: "stop", operation: .vmPower(.stop, name: "vm1", group: "rg"),
          dependsOn: [2], change: nil))
    case "group delete":
      steps.append(
        ExecutableStep(
          number: 3, summary: "delete", operation: .groupDelete(name: "rg"), dependsOn: [2],
          change: nil))
    default: break
    }
    let outcomes = try rig.executor().execute(
      steps, approved: Set(steps.map(\.number)), objective: &objective
    ) { _, _ in }
    #expect(outcomes.values.allSatisfy { if case .succeeded = $0 { true } else { false } })
    let audit = try String(contentsOfFile: rig.folder.file("audit.log"), encoding: .utf8)
    #expect(audit.components(separatedBy: "\"result\":\"holds\"").count - 1 == steps.count)
  }

  @Test func aPlanStrategyTakesTheWholePlanAndTheRestGoesStepByStep() throws {
    let rig = try Rig()
    let steps = PlanExecutorTests.createVMs(3)
    // Terraform made the group and vm1, then failed; vm2 and vm3 go on through the Azure CLI.
    let terraform = ScriptedPlanStrategy(
      backend: rig.backend, error: AzError(code: "SkuNotAvailable", message: "no")
    ) { $0.number <= 2 }
    let selector = StrategySelector(
      azureCLI: AzureCLIStrategy(backend: rig.backend), terraform: terraform)
    var objective = rig.objective()
    var fellBack: [String] = []
    let outcomes = try rig.executor(strategies: selector).execute(
      steps, approved: Set(steps.map(\.number)), objective: &objective
    ) { step, outcome in
      if case .fallingBack(let e, let from, let to) = outcome {
        fellBack.append("\(step.number) \(e.code) \(from)->\(to)")
      }
    }
    #expect(fellBack == ["3 SkuNotAvailable terraform->azure-cli"])
    #expect(
      outcomes[1].map { if case .succeeded(_, let via) = $0 { via } else { "" } } == "terraform")
    #expect(
      outcomes[4].map { if case .succeeded(_, let via) = $0 { via } else { "" } } == "azure-cli")
    #expect(objective.status == .completed)
  }

  @Test func preferenceOrdersTheChain() throws {
    let rig = try Rig()
    let mcp = ScriptedStrategy("mcp:test") { _, _ in ScriptedStrategy.failing("X") }
    let terraform = ScriptedPlanStrategy(backend: rig.backend, error: nil) { _ in true }
    let selector = StrategySelector(
      azureCLI: AzureCLIStrategy(backend: rig.backend), mcp: [mcp], terraform: terraform)
    let steps = PlanExecutorTests.createVMs(3)
    #expect(selector.chain(for: steps[0]).map(\.route.strategy) == ["mcp:test", "azure-cli"])
    #expect(selector.planStrategy(for: steps)?.name == "terraform")
    #expect(selector.planStrategy(for: Array(steps.prefix(2))) == nil)
    selector.preference = .az
    #expect(selector.chain(for: steps[0]).map(\.route.strategy) == ["azure-cli", "mcp:test"])
    #expect(selector.planStrategy(for: steps) == nil)
    #expect(selector.statuses().map(\.name) == ["azure-cli", "mcp:test", "terraform"])
    #expect(
      selector.statuses().last?.availability
        == .unavailable("not used while the preference is az"))
  }
}

@Suite("MCP tool matching") struct MCPToolMatcherTests {
  @Test(arguments: [
    ("azmcp_compute_vm_create", "vm create", true), ("azmcp_vm_create", "vm create", true),
    ("azmcp_compute_vm_disk_attach", "vm disk attach", true),
    ("azmcp_storage_account_create", "storage account create", true),
    ("azmcp_group_create", "group create", true), ("azmcp_compute_vm_delete", "vm create", false),
    ("vm_create", "vm create", false), ("azmcp_compute_vm_list_sizes", "vm list-sizes", true),
    ("azmcp_a_b_vm_create", "vm create", false),
  ])
  func namesMatchTheCommandWords(_ tool: String, _ words: String, _ expected: Bool) {
    #expect(
      MCPToolMatcher.matches(tool, words: words.split(separator: " ").map(String.init)) == expected)
  }

  static let vmSchema: Value = .object([
    "type": "object",
    "properties": .object([
      "resource-group": .object(["type": "string"]), "name": .object(["type": "string"]),
      "size": .object(["type": "string"]), "yes": .object(["type": "boolean"]),
    ]),
    "required": .array(["resource-group", "name"]),
  ])

  static let diskSchema: Value = .object([
    "type": "object",
    "properties": .object([
      "resource-group": .object(["type": "string"]), "name": .object(["type": "string"]),
      "location": .object(["type": "string"]), "size-gb": .object(["type": "integer"]),
      "sku": .object(["type": "string"]), "tags": .object(["type": "string"]),
    ]),
  ])

  @Test func argumentsFollowTheSchemaTypes() {
    #expect(
      MCPToolMatcher.arguments(for: .vmDelete(name: "sam", group: "rg"), schema: Self.vmSchema)
        == ["resource-group": .string("rg"), "name": .string("sam"), "yes": .bool(true)])
    #expect(
      MCPToolMatcher.arguments(
        for: .diskCreate(
          name: "d1", group: "rg", location: "eastus", sizeGB: 64, sku: "Premium_LRS"),
        schema: Self.diskSchema)
        == [
          "resource-group": .string("rg"), "name": .string("d1"), "location": .string("eastus"),
          "size-gb": .int(64), "sku": .string("Premium_LRS"), "tags": .string("managed-by=azlin"),
        ])
  }

  @Test(
    arguments: [
      // Required resource-group missing; a parameter with no property; a switch for a string
      // property; several values for one property.
      (AzureOperation.groupDelete(name: "rg"), vmSchema),
      (
        .vmCreate(name: "sam", group: "rg", location: "eastus", size: "B2s", image: "Ubuntu2204"),
        vmSchema
      ),
      (.vmDelete(name: "sam", group: "rg"), diskSchema),
      (
        .securityRuleCreate(
          rule: "r", securityGroup: "samNSG", group: "rg", priority: 900, ports: "22",
          sources: ["10.0.0.0/8", "192.168.0.0/16"]),
        .object([
          "properties": .object(
            Dictionary(
              uniqueKeysWithValues: [
                "resource-group", "nsg-name", "name", "priority", "direction", "access", "protocol",
                "destination-port-ranges", "source-address-prefixes",
              ].map { ($0, Value.object(["type": "string"])) }))
        ])
      ),
    ] as [(AzureOperation, Value)])
  func operationsTheSchemaCannotExpressGoElsewhere(_ operation: AzureOperation, _ schema: Value) {
    #expect(MCPToolMatcher.arguments(for: operation, schema: schema) == nil)
  }

  @Test func camelCaseAndSnakeCasePropertiesAreFound() {
    let schema: Value = .object([
      "properties": .object([
        "resourceGroup": .object(["type": "string"]), "name": .object(["type": "string"]),
        "size": .object(["type": "string"]),
      ])
    ])
    #expect(
      MCPToolMatcher.arguments(
        for: .vmResize(name: "sam", group: "rg", size: "B2s"), schema: schema)
        == ["resourceGroup": .string("rg"), "name": .string("sam"), "size": .string("B2s")])
    let snake: Value = .object([
      "properties": .object([
        "resource_group": .object(["type": "string"]), "name": .object(["type": "string"]),
      ])
    ])
    #expect(
      MCPToolMatcher.arguments(for: .snapshotDelete(name: "s", group: "rg"), schema: snake)
        == ["resource_group": .string("rg"), "name": .string("s")])
  }

  @Test func passThroughCommandLinesQuoteWhatNeedsIt() {
    #expect(
      MCPToolMatcher.commandLine(["vm", "create", "--name", "sam", "--tags", "managed-by=azlin"])
        == "vm create --name sam --tags managed-by=azlin")
    #expect(
      MCPToolMatcher.commandLine(["group", "create", "--name", "a b'c"])
        == "group create --name 'a b'\"'\"'c'")
  }

  @Test func thePassThroughIsRecognisedByNameAndSchema() {
    let schema: Value = .object([
      "properties": .object(["command": .object(["type": "string"])]),
      "required": .array(["command"]),
    ])
    #expect(
      MCPToolMatcher.isPassThrough(
        Tool(name: "azmcp_extension_az", description: nil, inputSchema: schema)))
    #expect(
      !MCPToolMatcher.isPassThrough(
        Tool(name: "azmcp_extension_azqr", description: nil, inputSchema: schema)))
    #expect(
      !MCPToolMatcher.isPassThrough(Tool(name: "az", description: nil, inputSchema: .object([:]))))
  }

  @Test func destructiveFollowsTheProtocolDefaults() {
    let schema: Value = .object([:])
    #expect(MCPStrategy.destructive(Tool(name: "t", description: nil, inputSchema: schema)))
    #expect(
      !MCPStrategy.destructive(
        Tool(
          name: "t", description: nil, inputSchema: schema, annotations: .init(readOnlyHint: true)))
    )
    #expect(
      !MCPStrategy.destructive(
        Tool(
          name: "t", description: nil, inputSchema: schema,
          annotations: .init(destructiveHint: false))))
  }
}
