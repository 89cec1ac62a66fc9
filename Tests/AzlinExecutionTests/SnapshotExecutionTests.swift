import AzlinAzure
import AzlinCore
import AzlinLedger
import AzlinTestSupport
import Foundation
import MCP
import Testing

@testable import AzlinExecution

/// Snapshot steps through execution: Terraform's `azurerm_snapshot`, the MCP tool mapping,
/// result checks, recovery, undo ownership and failure advice.
@Suite("Snapshots: execution")
struct SnapshotExecutionTests {
  static func step(_ number: Int, _ operation: AzureOperation) -> ExecutableStep {
    ExecutableStep(
      number: number, summary: operation.verb, operation: operation, dependsOn: [], change: nil)
  }

  static let snapshotCreate = AzureOperation.snapshotCreate(
    name: "sam-os-snap-1", group: "rg1", location: "eastus", disk: "sam-data1")
  static let diskFromSnapshot = AzureOperation.diskCreateFromSnapshot(
    name: "copy1", group: "rg1", location: "eastus", snapshot: "sam-os-snap-1",
    sku: "StandardSSD_LRS")

  @Test("a snapshot create is an azurerm_snapshot of the existing disk, read with a data block")
  func terraformSnapshot() throws {
    let text = try TerraformConfiguration([Self.step(1, Self.snapshotCreate)]).text
    #expect(text.contains(#"data "azurerm_managed_disk" "sam_data1" {"#))
    #expect(text.contains(#"resource "azurerm_snapshot" "sam_os_snap_1" {"#))
    #expect(text.contains(#"create_option       = "Copy""#))
    #expect(text.contains("source_uri          = data.azurerm_managed_disk.sam_data1.id"))
    #expect(text.contains(#"resource_group_name = "rg1""#))
  }

  @Test("a disk made from a snapshot is an azurerm_managed_disk with create_option Copy")
  func terraformDiskFromSnapshot() throws {
    let text = try TerraformConfiguration([Self.step(1, Self.diskFromSnapshot)]).text
    #expect(text.contains(#"data "azurerm_snapshot" "sam_os_snap_1" {"#))
    #expect(text.contains(#"resource "azurerm_managed_disk" "copy1" {"#))
    #expect(text.contains(#"storage_account_type = "StandardSSD_LRS""#))
    #expect(text.contains("source_resource_id   = data.azurerm_snapshot.sam_os_snap_1.id"))
  }

  @Test("a snapshot of a disk the same plan creates refers to it; a source by ID is refused")
  func terraformReferences() throws {
    let text = try TerraformConfiguration([
      Self.step(
        1, .diskCreate(name: "d1", group: "rg1", location: "eastus", sizeGB: 8, sku: "Premium_LRS")),
      Self.step(
        2, .snapshotCreate(name: "d1-snap-1", group: "rg1", location: "eastus", disk: "d1")),
    ]).text
    #expect(text.contains("source_uri          = azurerm_managed_disk.d1.id"))
    #expect(!text.contains("data \"azurerm_managed_disk\""))
    #expect(throws: TerraformUnsupported.self) {
      try TerraformConfiguration([
        Self.step(
          1,
          .snapshotCreate(
            name: "s", group: "rg1", location: "eastus",
            disk: "/subscriptions/0/resourceGroups/rg1/providers/Microsoft.Compute/disks/d1"))
      ])
    }
  }

  static let python = ProcessInfo.processInfo.environment["AZLIN_TEST_PYTHON"]

  /// python-hcl2 reads the snapshot blocks as real HCL with the intended references.
  @Test(.enabled(if: python != nil, "set AZLIN_TEST_PYTHON to a python with hcl2"))
  func snapshotHCLParses() throws {
    let json = try TerraformTests.parsedHCL(
      TerraformConfiguration([
        Self.step(1, Self.snapshotCreate), Self.step(2, Self.diskFromSnapshot),
      ])
      .text)
    let snapshot = try #require(json.value(at: "resource.azurerm_snapshot.sam_os_snap_1"))
    #expect(snapshot["name"] == "sam-os-snap-1")
    #expect(snapshot["create_option"] == "Copy")
    #expect(snapshot["source_uri"] == "${data.azurerm_managed_disk.sam_data1.id}")
    #expect(snapshot["tags"]?["managed-by"] == "azlin")
    let disk = try #require(json.value(at: "resource.azurerm_managed_disk.copy1"))
    #expect(disk["source_resource_id"] == "${data.azurerm_snapshot.sam_os_snap_1.id}")
    #expect(json.value(at: "data.azurerm_snapshot.sam_os_snap_1.name") == "sam-os-snap-1")
  }

  @Test("the MCP matcher maps snapshot create to its tool by name and schema")
  func mcpMatching() {
    #expect(MCPToolMatcher.matches("azmcp_compute_snapshot_create", words: ["snapshot", "create"]))
    #expect(MCPToolMatcher.matches("azmcp_compute_snapshot_delete", words: ["snapshot", "delete"]))
    let schema: Value = .object([
      "type": "object",
      "properties": .object([
        "resource-group": .object(["type": "string"]), "name": .object(["type": "string"]),
        "source": .object(["type": "string"]), "location": .object(["type": "string"]),
        "tags": .object(["type": "string"]),
      ]),
      "required": .array(["resource-group", "name", "source"]),
    ])
    #expect(
      MCPToolMatcher.arguments(for: Self.snapshotCreate, schema: schema) == [
        "resource-group": "rg1", "name": "sam-os-snap-1", "location": "eastus",
        "source": "sam-data1", "tags": "managed-by=azlin",
      ])
  }

  static let live = LiveState(
    groups: [.init(name: "rg1", location: "eastus")],
    snapshots: [
      .init(
        name: "sam-os-snap-1", resourceGroup: "rg1", location: "eastus", sizeGB: 30,
        sku: "Standard_LRS", sourceDiskID: "sam_OsDisk_1_x", provisioningState: "Creating"),
      .init(
        name: "theirs", resourceGroup: "rg1", location: "eastus", sizeGB: 8, sku: "Standard_LRS",
        sourceDiskID: nil),
    ])

  @Test("recovery reads a snapshot step: under way while Creating, done once made")
  func recovery() {
    let target = Self.snapshotCreate
    #expect(target.kind == "snapshot")
    #expect(target.state(in: Self.live) == .underWay)
    var made = Self.live
    made.snapshots[0].provisioningState = "Succeeded"
    #expect(target.state(in: made) == .done)
    made.snapshots.removeFirst()
    #expect(target.state(in: made) == .notDone)
    let delete = AzureOperation.snapshotDelete(name: "sam-os-snap-1", group: "rg1")
    #expect(delete.holds(in: made))
  }

  @Test("the validator checks a snapshot create with snapshot show, a delete by its absence")
  func validation() {
    let show = ["snapshot", "show", "--resource-group", "rg1", "--name", "sam-os-snap-1"]
    let made = ScriptedBackend([show: [AzResult(exitCode: 0, stdout: "{}\n", stderr: "")]])
    #expect(StepValidator(backend: made).check(Self.step(1, Self.snapshotCreate)) == .holds)
    let gone = ScriptedBackend([
      show: [
        AzResult(
          exitCode: 3, stdout: "",
          stderr:
            "ERROR: (ResourceNotFound) The Resource 'Microsoft.Compute/snapshots/sam-os-snap-1' under resource group 'rg1' was not found.\n"
        )
      ]
    ])
    #expect(
      StepValidator(backend: gone).check(
        Self.step(1, .snapshotDelete(name: "sam-os-snap-1", group: "rg1"))) == .holds)
  }

  @Test("undo of a group refuses while it holds a snapshot the objective did not make")
  func undoOwnership() throws {
    var objective = Objective(
      id: "00000001", session: "s", naturalLanguage: "create rg1", intents: [], plan: [],
      strategy: "azure_cli", costEstimate: nil, at: Date(timeIntervalSince1970: 0))
    objective.resourcesCreated = [
      .init(
        kind: "group", name: "rg1", resourceGroup: "rg1", change: "created", before: nil,
        after: nil, undoArgv: ["az", "group", "delete", "--name", "rg1", "--yes"]),
      .init(
        kind: "snapshot", name: "sam-os-snap-1", resourceGroup: "rg1", change: "created",
        before: nil, after: nil,
        undoArgv: ["az"] + AzCommand.snapshotDelete(name: "sam-os-snap-1", group: "rg1").arguments),
    ]
    guard case .failure(let refusal) = Rollback().plan(for: objective, live: Self.live) else {
      Issue.record("undo was not refused")
      return
    }
    #expect(
      refusal.refusal
        == .foreignResources(
          group: "rg1", names: ["snapshot theirs (8 GB, made outside this objective's record)"]))
    // Without the foreign snapshot: the snapshot is deleted first, then the group.
    var own = Self.live
    own.snapshots.removeLast()
    let steps = try Rollback().plan(for: objective, live: own).get()
    #expect(
      steps.map(\.command.arguments) == [
        ["snapshot", "delete", "--resource-group", "rg1", "--name", "sam-os-snap-1"],
        ["group", "delete", "--name", "rg1", "--yes"],
      ])
  }

  @Test("failure advice knows snapshots: the role to ask for, a name made from another source")
  func advice() {
    let analyzer = FailureAnalyzer()
    let denied = analyzer.analyze(
      AzError(code: "AuthorizationFailed", message: "no"), operation: Self.snapshotCreate)
    #expect(denied.advice.contains("Disk Snapshot Contributor"))
    let taken = analyzer.analyze(
      AzError(
        code: "PropertyChangeNotAllowed",
        message: "Changing property 'sourceResourceId' is not allowed."),
      operation: Self.snapshotCreate)
    #expect(taken.advice.contains("name another"))
  }
}
