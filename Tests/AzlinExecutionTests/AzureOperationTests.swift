import AzlinAzure
import AzlinCore
import AzlinLedger
import AzlinPlanning
import AzlinTestSupport
import Foundation
import Testing

@testable import AzlinExecution

/// A step's typed operation: rendered by the Azure CLI strategy word for word as the builders
/// make it, named the same to MCP tools, stored in objective files, and read back from the
/// argv of files written before it was stored.
@Suite struct AzureOperationTests {
  /// Every case, with its variants (a time or off, a value or removed, each tag target).
  static let all: [AzureOperation] = [
    .groupCreate(name: "rg", location: "eastus"),
    .groupDelete(name: "rg"),
    .vmCreate(
      name: "sam", group: "rg", location: "eastus", size: "Standard_B2s", image: "Ubuntu2204"),
    .vmDelete(name: "sam", group: "rg"),
    .vmPower(.start, name: "sam", group: "rg"),
    .vmPower(.stop, name: "sam", group: "rg"),
    .vmPower(.deallocate, name: "sam", group: "rg"),
    .vmPower(.restart, name: "sam", group: "rg"),
    .vmResize(name: "sam", group: "rg", size: "Standard_D2s_v5"),
    .storageCreate(name: "azlinstore1", group: "rg", location: "eastus", sku: "Standard_LRS"),
    .storageDelete(name: "azlinstore1", group: "rg"),
    .diskCreate(name: "d1", group: "rg", location: "eastus", sizeGB: 64, sku: "Premium_LRS"),
    .diskCreateFromSnapshot(
      name: "d2", group: "rg", location: "eastus", snapshot: "snap1", sku: "StandardSSD_LRS"),
    .diskDelete(name: "d1", group: "rg"),
    .diskAttach(disk: "d1", vm: "sam", group: "rg"),
    .diskDetach(disk: "d1", vm: "sam", group: "rg"),
    .snapshotCreate(name: "snap1", group: "rg", location: "eastus", disk: "d1"),
    .snapshotDelete(name: "snap1", group: "rg"),
    .securityRuleCreate(
      rule: "open-port-8080", securityGroup: "samNSG", group: "rg", priority: 900, ports: "8080",
      sources: ["*"]),
    .securityRuleCreate(
      rule: "open-port-22", securityGroup: "samNSG", group: "rg", priority: 901, ports: "22",
      sources: ["10.0.0.0/8", "192.168.0.0/16"]),
    .securityRuleDelete(rule: "open-port-8080", securityGroup: "samNSG", group: "rg"),
    .vmAutoShutdown(name: "sam", group: "rg", utc: "1900"),
    .vmAutoShutdown(name: "sam", group: "rg", utc: nil),
    .groupTagsReplace(name: "rg", tags: ["env": "dev", "team": "a"]),
    .groupTagsReplace(name: "rg", tags: [:]),
    .tagUpdate(.vm, name: "sam", group: "rg", key: "env", value: "dev"),
    .tagUpdate(.group, name: "rg", group: "rg", key: "env", value: "dev"),
    .tagUpdate(.disk, name: "d1", group: "rg", key: "env", value: nil),
    .tagUpdate(.storage, name: "azlinstore1", group: "rg", key: "env", value: ""),
    .vmRunCommand(name: "sam", group: "rg", script: "df -h"),
  ]

  @Test("an MCP tool is given the values the Azure CLI is given, under az's own names")
  func parametersAreTheAzForm() {
    for operation in Self.all {
      let argv = AzCommand(operation).arguments
      #expect(operation.words + operation.parameters.flatMap(\.words) == argv, "\(argv)")
      #expect(operation.verb == AzCommand(operation).verb, "\(argv)")
    }
  }

  @Test("an older objective's argv reads back as the operation that made it")
  func legacyArgvReadsBack() {
    for operation in Self.all {
      let argv = ["az"] + AzCommand(operation).arguments
      // A group's tag update names no group of its own: it reads back as the group itself.
      let expected: AzureOperation =
        if case .tagUpdate(.group, let name, _, let key, let value) = operation {
          .tagUpdate(.group, name: name, group: "", key: key, value: value)
        } else { operation }
      #expect(StepTarget.operation(argv: argv) == expected, "\(argv)")
      #expect(StepTarget.operation(argv: argv).map(AzCommand.init) == AzCommand(operation))
    }
    #expect(StepTarget.operation(argv: ["az", "network", "vnet", "create", "--name", "v"]) == nil)
    #expect(StepTarget.operation(argv: ["az", "vm", "list"]) == nil)
  }

  @Test("operations survive JSON, keyed by their snake-case names")
  func codable() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    for operation in Self.all {
      let data = try encoder.encode(operation)
      #expect(try JSONDecoder().decode(AzureOperation.self, from: data) == operation)
    }
    let stop = try encoder.encode(AzureOperation.vmPower(.stop, name: "sam", group: "rg"))
    #expect(
      String(decoding: stop, as: UTF8.self)
        == #"{"vm_power":{"group":"rg","name":"sam","verb":"stop"}}"#)
    let rule = try encoder.encode(
      AzureOperation.securityRuleDelete(rule: "r", securityGroup: "samNSG", group: "rg"))
    #expect(
      String(decoding: rule, as: UTF8.self)
        == #"{"security_rule_delete":{"group":"rg","rule":"r","security_group":"samNSG"}}"#)
  }

  @Test("a planned step is recorded with its operations beside its argv")
  func recordsOperations() throws {
    let step = PlanStep(
      number: 1, action: .create, operation: .createVM(image: "Ubuntu2204"),
      resource: ResourceRef(
        kind: .virtualMachine, name: "sam", resourceGroup: "rg", location: "eastus",
        size: "Standard_B2s"),
      azureOperation: Self.all[2], inverse: .vmDelete(name: "sam", group: "rg"))
    let recorded = Objective.Step(planned: step, summary: "create VM sam")
    #expect(recorded.argv == ["az"] + step.command.arguments)
    #expect(recorded.undoArgv == ["az"] + AzCommand.vmDelete(name: "sam", group: "rg").arguments)
    #expect(recorded.operation == Self.all[2])
    #expect(recorded.undoOperation == .vmDelete(name: "sam", group: "rg"))
    let json = try JSONValue.parse(String(decoding: JSONEncoder().encode(recorded), as: UTF8.self))
    #expect(json["operation"]?["vm_create"]?["size"] == "Standard_B2s")
    #expect(json["undo_operation"]?["vm_delete"]?["name"] == "sam")
    #expect(json["argv"] != nil && json["undo_argv"] != nil && json["depends_on"] != nil)
  }

  @Test("a step whose argv had a secret masked is recorded without its operation")
  func maskedStepsKeepNoOperation() {
    let secret = AzureOperation.vmRunCommand(
      name: "sam", group: "rg", script: "mysql --password hunter2")
    let step = PlanStep(
      number: 1, action: .change, operation: .runCommand(script: "mysql --password hunter2"),
      resource: ResourceRef(kind: .virtualMachine, name: "sam", resourceGroup: "rg", location: ""),
      azureOperation: secret, inverse: nil)
    let recorded = Objective.Step(planned: step, summary: "run")
    #expect(recorded.argv != ["az"] + step.command.arguments)
    #expect(recorded.operation == nil)
    #expect(!"\(recorded)".contains("hunter2"))
  }

  /// An objective file as azlin wrote it before steps recorded their operation.
  static let oldObjective = #"""
    {
      "cost_estimate" : "30.37",
      "created_at" : "2026-11-26T08:00:00.000Z",
      "execution_history" : [ { "at" : "2026-11-26T08:00:00.000Z", "status" : "pending" },
        { "at" : "2026-11-26T08:00:01.000Z", "status" : "in_progress" } ],
      "execution_results" : [
        { "argv" : ["az", "group", "create", "--name", "rg3", "--location", "eastus", "--tags", "managed-by=azlin"],
          "duration_ms" : 1000, "exit_code" : 0, "step" : 1, "strategy" : "azure-cli" }
      ],
      "id" : "0000beef-0000-4000-8000-0000000001d0",
      "intents" : ["provision_vm"],
      "natural_language" : "create r1 and stop it",
      "plan" : [
        { "action" : "create",
          "argv" : ["az", "group", "create", "--name", "rg3", "--location", "eastus", "--tags", "managed-by=azlin"],
          "depends_on" : [], "number" : 1, "summary" : "create resource group rg3 in eastus",
          "undo_argv" : ["az", "group", "delete", "--name", "rg3", "--yes"] },
        { "action" : "create",
          "argv" : ["az", "vm", "create", "--resource-group", "rg3", "--name", "r1", "--location", "eastus", "--size", "Standard_B2s", "--image", "Ubuntu2204", "--admin-username", "azureuser", "--generate-ssh-keys", "--os-disk-delete-option", "Delete", "--nic-delete-option", "Delete", "--tags", "managed-by=azlin"],
          "depends_on" : [1], "number" : 2, "summary" : "create VM r1",
          "undo_argv" : ["az", "vm", "delete", "--resource-group", "rg3", "--name", "r1", "--yes"] },
        { "action" : "change",
          "argv" : ["az", "vm", "stop", "--resource-group", "rg3", "--name", "r1"],
          "depends_on" : [2], "number" : 3, "summary" : "stop VM r1",
          "undo_argv" : ["az", "vm", "start", "--resource-group", "rg3", "--name", "r1"] }
      ],
      "resources_created" : [
        { "kind" : "group", "name" : "rg3", "resource_group" : "rg3", "change" : "created",
          "undo_argv" : ["az", "group", "delete", "--name", "rg3", "--yes"] }
      ],
      "session" : "another-shell",
      "status" : "in_progress",
      "strategy" : "azure-cli",
      "updated_at" : "2026-11-26T08:00:01.000Z"
    }
    """#

  @Test("an objective file without operations loads, resumes, settles and undoes from its argv")
  func oldObjectiveFilesStillWork() throws {
    let folder = TemporaryFolder()
    let id = "0000beef-0000-4000-8000-0000000001d0"
    try Self.oldObjective.write(
      toFile: folder.file("\(id).json"), atomically: true, encoding: .utf8)
    let store = ObjectiveStore(folder: folder.path)
    let objective = try store.load(id: id)
    #expect(objective.plan.allSatisfy { $0.operation == nil && $0.undoOperation == nil })
    #expect(objective.resourcesCreated.allSatisfy { $0.undoOperation == nil })
    #expect(
      objective.plan.map(\.recordedOperation) == [
        .groupCreate(name: "rg3", location: "eastus"),
        .vmCreate(
          name: "r1", group: "rg3", location: "eastus", size: "Standard_B2s", image: "Ubuntu2204"),
        .vmPower(.stop, name: "r1", group: "rg3"),
      ])

    // /resume runs the same argv the file recorded.
    let steps = objective.plan.compactMap { ExecutableStep(recorded: $0) }
    #expect(steps.map { ["az"] + $0.command.arguments } == objective.plan.map(\.argv))
    #expect(steps[2].change?.after == "stopped")
    #expect(steps[2].change?.undoOperation == .vmPower(.start, name: "r1", group: "rg3"))

    // Recovery settles against live state: the VM exists and is stopped, so 2 and 3 are done.
    let live = LiveState(
      groups: [.init(name: "rg3", location: "eastus")],
      vms: [
        .init(
          name: "r1", resourceGroup: "rg3", location: "eastus", size: "Standard_B2s",
          powerState: "stopped", id: "")
      ])
    let finding = ObjectiveRecovery().settle(objective, live: live)
    #expect(finding.done == [1, 2, 3])
    #expect(finding.remaining.isEmpty)
    #expect(
      finding.objective.resourcesCreated.compactMap(\.undoOperation) == [
        .vmDelete(name: "r1", group: "rg3"), .vmPower(.start, name: "r1", group: "rg3"),
      ])

    // Undo reads the recorded undo argv as operations, newest first.
    guard case .success(let undo) = Rollback().plan(for: finding.objective, live: live) else {
      Issue.record("the undo was refused")
      return
    }
    #expect(
      undo.map(\.operation) == [
        .vmPower(.start, name: "r1", group: "rg3"), .vmDelete(name: "r1", group: "rg3"),
        .groupDelete(name: "rg3"),
      ])
    #expect(undo.map(\.destroys) == [false, true, true])

    // Pricing /resume reads the same steps.
    let (plan, unread) = Plan.reading(recorded: objective.plan, live: live)
    #expect(plan.steps.map(\.azureOperation) == objective.plan.compactMap(\.recordedOperation))
    #expect(unread.isEmpty)
  }

  @Test("an undo argv azlin does not generate is refused, not run")
  func unreadableUndoIsRefused() {
    var objective = Objective(
      id: "o1", session: "s", naturalLanguage: "x", intents: [], plan: [],
      strategy: "azure-cli", costEstimate: nil, at: Date(timeIntervalSince1970: 0))
    let argv = ["az", "network", "vnet", "delete", "--name", "v", "--resource-group", "rg"]
    objective.resourcesCreated = [
      Objective.ResourceChange(
        kind: "vnet", name: "v", resourceGroup: "rg", change: "created", before: nil, after: nil,
        undoArgv: argv)
    ]
    #expect(
      Rollback().plan(for: objective, live: LiveState())
        == .failure(RefusalError(refusal: .unreadableUndo(argv: argv))))
  }

  @Test("resume pricing leaves what cannot be read as unknown")
  func unreadableStepsAreUnread() {
    let steps = [
      Objective.Step(
        number: 1, action: "create", summary: "vnet",
        argv: ["az", "network", "vnet", "create", "--name", "v"], undoArgv: nil, dependsOn: []),
      Objective.Step(
        number: 2, action: "change", summary: "list", argv: ["az", "vm", "list"], undoArgv: nil,
        dependsOn: []),
    ]
    let (plan, unread) = Plan.reading(recorded: steps, live: LiveState())
    #expect(plan.steps.isEmpty)
    #expect(unread == [AzCommand(["network", "vnet", "create", "--name", "v"])])
    #expect(ExecutableStep(recorded: steps[0]) == nil)
  }
}
