import AzlinAzure
import AzlinCore
import AzlinLedger
import AzlinPlanning
import Foundation
import Testing

/// Snapshots from words to az argv: the grammar, the planner's commands and undo commands,
/// the order of "before resizing, snapshot sam", refusals, and prices.
@Suite("Snapshots: parsing and planning")
struct SnapshotPlanningTests {
  static let samID =
    "/subscriptions/0/resourceGroups/azlin-rg/providers/Microsoft.Compute/virtualMachines/sam"

  static let live = LiveState(
    groups: [.init(name: "azlin-rg", location: "eastus")],
    vms: [
      .init(
        name: "sam", resourceGroup: "azlin-rg", location: "eastus", size: "Standard_B2s",
        powerState: "running", id: samID)
    ],
    disks: [
      .init(
        name: "sam_OsDisk_1_abc", resourceGroup: "azlin-rg", sizeGB: 30, sku: "Premium_LRS",
        managedBy: samID),
      .init(
        name: "sam-data1", resourceGroup: "azlin-rg", sizeGB: 64, sku: "StandardSSD_LRS",
        managedBy: samID),
    ],
    snapshots: [
      .init(
        name: "sam-data1-snap-1", resourceGroup: "azlin-rg", location: "eastus", sizeGB: 64,
        sku: "Standard_LRS",
        sourceDiskID:
          "/subscriptions/0/resourceGroups/azlin-rg/providers/Microsoft.Compute/disks/sam-data1")
    ])

  func parse(_ line: String, context: ConversationContext = ConversationContext()) -> ParseResult {
    LocalIntentParser().parse(line, context: context, live: Self.live)
  }

  func intents(_ line: String, context: ConversationContext = ConversationContext()) -> [Intent] {
    guard case .intents(let found) = parse(line, context: context) else { return [] }
    return found
  }

  func plan(_ line: String) throws -> Plan {
    let outcome = CommandPlanner(defaults: AzlinConfig.Defaults()).plan(
      intents(line), live: Self.live, context: ConversationContext())
    guard case .plan(let plan) = outcome else {
      Issue.record("no plan for \(line): \(outcome)")
      throw PlanMissing()
    }
    return plan
  }

  struct PlanMissing: Error {}

  struct Case: Sendable, CustomTestStringConvertible {
    var line: String
    var kind: IntentKind
    var vm: String? = nil
    var disk: String? = nil
    var snapshot: String? = nil
    var names: [String] = []
    var testDescription: String { line }
  }

  @Test(arguments: [
    Case(line: "snapshot sam", kind: .createSnapshot, vm: "sam"),
    Case(
      line: "take a snapshot of sam's data disk", kind: .createSnapshot, vm: "sam", disk: "data"),
    Case(line: "snapshot sam's os disk", kind: .createSnapshot, vm: "sam", disk: "os"),
    Case(line: "take a snapshot of sam-data1", kind: .createSnapshot, disk: "sam-data1"),
    Case(
      line: "snapshot sam called pre-upgrade", kind: .createSnapshot, vm: "sam",
      names: ["pre-upgrade"]),
    Case(line: "list my snapshots", kind: .listSnapshots),
    Case(line: "what snapshots do I have", kind: .listSnapshots),
    Case(
      line: "delete snapshot sam-data1-snap-1", kind: .deleteSnapshot, names: ["sam-data1-snap-1"]),
    Case(line: "delete sam-data1-snap-1", kind: .deleteSnapshot, names: ["sam-data1-snap-1"]),
    Case(line: "list snapshots of sam-data1", kind: .listSnapshots, disk: "sam-data1"),
    Case(
      line: "restore sam's disk from snapshot sam-data1-snap-1", kind: .restoreSnapshot, vm: "sam",
      snapshot: "sam-data1-snap-1"),
    Case(
      line: "make a disk from snapshot sam-data1-snap-1 called copy1", kind: .restoreSnapshot,
      snapshot: "sam-data1-snap-1", names: ["copy1"]),
  ])
  func grammar(_ c: Case) throws {
    let found = intents(c.line)
    try #require(found.count == 1, "\(found)")
    let p = found[0].parameters
    #expect(found[0].kind == c.kind)
    #expect(p.vm == c.vm)
    #expect(p.disk == c.disk)
    #expect(p.snapshot == c.snapshot)
    #expect(p.names == c.names)
  }

  @Test("several VMs or disks named: one snapshot each, none dropped")
  func several() throws {
    var world = Self.live
    world.vms.append(
      .init(
        name: "web1", resourceGroup: "azlin-rg", location: "eastus", size: "Standard_B2s",
        powerState: "running", id: "web1-id"))
    guard
      case .intents(let found) = LocalIntentParser().parse(
        "snapshot sam and web1", context: ConversationContext(), live: world)
    else {
      Issue.record("not parsed")
      return
    }
    #expect(found.map(\.kind) == [.createSnapshot, .createSnapshot])
    #expect(found.map(\.parameters.vm) == ["sam", "web1"])
  }

  @Test("words the grammar does not know are asked about, never taken as names; negations act not")
  func refusals() {
    #expect(
      parse("snapshot sam with frobnication") == .notUnderstood(.unknownWords(["frobnication"])))
    #expect(parse("don't snapshot sam") == .notUnderstood(.negated))
    #expect(parse("delete the snapshot") == .notUnderstood(.missingTarget("delete")))
    #expect(parse("take a snapshot") == .notUnderstood(.missingTarget("snapshot")))
  }

  @Test("a question about what a snapshot costs is previewed, never carried out")
  func costQuestion() throws {
    let found = intents("how much would a snapshot of sam cost")
    try #require(found.count == 1)
    #expect(found[0].kind == .createSnapshot)
    #expect(found[0].parameters.hypothetical)
    #expect(intents("what do my snapshots cost").first?.kind == .listSnapshots)
  }

  @Test("\"it\" is the VM the conversation is about; \"that snapshot\" the last one taken")
  func references() {
    var context = ConversationContext()
    context.vms = ["sam"]
    #expect(intents("snapshot it", context: context).first?.parameters.vm == "sam")
    context.snapshot = "sam-data1-snap-1"
    #expect(
      intents("delete that snapshot", context: context).first?.parameters.names == [
        "sam-data1-snap-1"
      ])
  }

  @Test("snapshot sam: its OS disk, a generated name, undo deletes it")
  func createOSDisk() throws {
    let plan = try plan("snapshot sam")
    try #require(plan.steps.count == 1)
    let step = plan.steps[0]
    #expect(
      step.command.arguments == [
        "snapshot", "create", "--resource-group", "azlin-rg", "--name", "sam-os-snap-1",
        "--location", "eastus", "--source", "sam_OsDisk_1_abc", "--tags", "managed-by=azlin",
      ])
    #expect(
      step.undo?.arguments == [
        "snapshot", "delete", "--resource-group", "azlin-rg", "--name", "sam-os-snap-1",
      ])
    #expect(step.action == .create)
    #expect(step.reversibility == .reversible)
    #expect(plan.assumptions == [.osDiskOf("sam"), .generatedName("sam-os-snap-1")])
  }

  @Test("a data disk's snapshot is named after the disk, the next free number")
  func createDataDisk() throws {
    let plan = try plan("take a snapshot of sam's data disk")
    #expect(plan.steps.first?.command.value(of: "--name") == "sam-data1-snap-2")
    #expect(plan.steps.first?.command.value(of: "--source") == "sam-data1")
  }

  @Test("before resizing sam to B4ms, snapshot it: the snapshot first, the resize after it")
  func beforeResizing() throws {
    let first = try plan("before resizing sam to Standard_B4ms, snapshot it")
    try #require(first.steps.count == 2)
    #expect(first.steps[0].command.verb == "snapshot create")
    #expect(
      first.steps[1].command.arguments == [
        "vm", "resize", "--resource-group", "azlin-rg", "--name", "sam", "--size", "Standard_B4ms",
      ])
    #expect(first.steps[1].dependsOn == [1])
    let after = try plan("snapshot sam before I resize it to Standard_B4ms")
    #expect(after.steps.map(\.command.verb) == ["snapshot create", "vm resize"])
    // No size named: the snapshot alone, with a note that the resize waits.
    let waits = try plan("before resizing, snapshot sam")
    #expect(waits.steps.map(\.command.verb) == ["snapshot create"])
    #expect(waits.notes == [.resizeNeedsSize(vm: "sam")])
  }

  @Test("delete snapshot: a destroy that loses data, no undo")
  func delete() throws {
    let plan = try plan("delete snapshot sam-data1-snap-1")
    let step = try #require(plan.steps.first)
    #expect(
      step.command.arguments == [
        "snapshot", "delete", "--resource-group", "azlin-rg", "--name", "sam-data1-snap-1",
      ])
    #expect(step.action == .destroy)
    #expect(step.undo == nil)
    #expect(step.reversibility == .losesData)
  }

  @Test("a disk made from a snapshot: its source disk's tier, undo deletes the new disk")
  func restore() throws {
    let plan = try plan("restore sam's disk from snapshot sam-data1-snap-1")
    let step = try #require(plan.steps.first)
    #expect(
      step.command.arguments == [
        "disk", "create", "--resource-group", "azlin-rg", "--name", "sam-data1-snap-1-disk-1",
        "--location", "eastus", "--source", "sam-data1-snap-1", "--sku", "StandardSSD_LRS",
        "--tags", "managed-by=azlin",
      ])
    #expect(
      step.undo?.arguments == [
        "disk", "delete", "--resource-group", "azlin-rg", "--name", "sam-data1-snap-1-disk-1",
        "--yes",
      ])
    #expect(plan.notes == [.restoredToNewDisk(disk: "sam-data1-snap-1-disk-1", vm: "sam")])
  }

  @Test("refusals: a bad name, a taken name, a snapshot that does not exist")
  func planningRefusals() {
    let planner = CommandPlanner(defaults: AzlinConfig.Defaults())
    func outcome(_ line: String) -> PlanningOutcome {
      planner.plan(intents(line), live: Self.live, context: ConversationContext())
    }
    guard case .refused(.invalidName(let rule)) = outcome("snapshot sam called bad.name") else {
      Issue.record("bad.name was not refused")
      return
    }
    #expect(rule.hasPrefix("Snapshot name 'bad.name' is invalid"))
    #expect(
      outcome("snapshot sam-data1 called sam-data1-snap-1")
        == .refused(.nameTaken(kind: "snapshot", name: "sam-data1-snap-1")))
    #expect(outcome("delete snapshot ghost") == .refused(.snapshotNotFound("ghost")))
    #expect(
      outcome("make a disk from snapshot sam-data1-snap-1 called sam-data1")
        == .refused(.nameTaken(kind: "disk", name: "sam-data1")))
  }

  @Test("list my snapshots: a read-only report")
  func list() {
    let outcome = CommandPlanner(defaults: AzlinConfig.Defaults()).plan(
      intents("list my snapshots"), live: Self.live, context: ConversationContext())
    #expect(outcome == .report(.snapshots(Self.live.snapshots)))
  }

  @Test("priced per GB-month at the catalogue's figure; a delete and a group delete save it")
  func prices() throws {
    let estimator = CostEstimator()
    let line = estimator.snapshotLine(name: "s", sizeGB: 30, sku: "Standard_LRS")
    #expect(line.monthly == Money(Decimal(string: "1.5")!))
    #expect(line.confidence == .exact)
    #expect(
      estimator.snapshotLine(name: "s", sizeGB: 30, sku: "Premium_LRS").confidence == .unknown)
    let created = estimator.estimate(try plan("snapshot sam"), live: Self.live)
    #expect(created.totalMonthly == Money(Decimal(string: "1.5")!))
    let deleted = estimator.estimate(try plan("delete snapshot sam-data1-snap-1"), live: Self.live)
    #expect(deleted.totalMonthly == Money(Decimal(string: "-3.2")!))
    #expect(
      estimator.monthlyRunRate(of: LiveState(snapshots: Self.live.snapshots))
        == Money(Decimal(string: "3.2")!))
    let group = try plan("delete group azlin-rg")
    #expect(
      group.steps.first?.takesAlong.contains("snapshot sam-data1-snap-1 (64 GB, of disk sam-data1)")
        == true)
    #expect(
      estimator.estimate(group, live: Self.live).lines.contains {
        $0.item == "snapshot sam-data1-snap-1 deleted with its group"
          && $0.monthly == Money(Decimal(string: "-3.2")!)
      })
  }

  @Test("az commands read back as the steps the planner makes")
  func reading() throws {
    for line in [
      "snapshot sam", "delete snapshot sam-data1-snap-1",
      "restore sam's disk from snapshot sam-data1-snap-1",
    ] {
      let step = try #require(try plan(line).steps.first)
      let read = PlanStep(reading: step.azureOperation, number: 1, live: Self.live)
      #expect(read.operation == step.operation, "\(line)")
      #expect(read.resource.kind == step.resource.kind, "\(line)")
      #expect(read.action == step.action, "\(line)")
    }
  }
}

/// Answers every request with one fixed reply.
private final class OneReply: LLMClient, @unchecked Sendable {
  let reply: String
  init(_ reply: String) { self.reply = reply }
  func complete(system: String, user: String) -> Result<String, LLMFailure> { .success(reply) }
}

@Suite("Snapshots: the LLM schema")
struct SnapshotLLMTests {
  @Test("an LLM's create_snapshot with vm, disk and a name is taken; the prompt lists the intents")
  func reply() throws {
    let reply =
      #"{"intent": "create_snapshot", "parameters": {"vm": "sam", "disk": "data", "names": ["pre"]}, "confidence": 0.95, "explanation": "snapshot"}"#
    let outcome = LLMIntentParser(client: OneReply(reply)).parse(
      "snapshot sam's data disk called pre", context: ConversationContext(),
      live: SnapshotPlanningTests.live)
    guard case .parsed(.intents(let found)) = outcome else {
      Issue.record("not parsed: \(outcome)")
      return
    }
    #expect(found.map(\.kind) == [.createSnapshot])
    #expect(found.first?.parameters.vm == "sam")
    #expect(found.first?.parameters.disk == "data")
    #expect(found.first?.parameters.names == ["pre"])
    let restore =
      #"{"intent": "restore_snapshot", "parameters": {"snapshot": "sam-data1-snap-1"}, "confidence": 0.9, "explanation": "restore"}"#
    guard
      case .parsed(.intents(let restored)) = LLMIntentParser(client: OneReply(restore)).parse(
        "make a disk from snapshot sam-data1-snap-1", context: ConversationContext(),
        live: SnapshotPlanningTests.live)
    else {
      Issue.record("restore not parsed")
      return
    }
    #expect(restored.first?.parameters.snapshot == "sam-data1-snap-1")
    for kind in ["create_snapshot", "list_snapshots", "delete_snapshot", "restore_snapshot"] {
      #expect(EmbeddedPrompts.intentSystem.contains("`\(kind)`"), "\(kind)")
    }
  }
}
