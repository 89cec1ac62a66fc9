import AzlinAzure
import AzlinCore
import AzlinSimulator
import AzlinTestSupport
import Foundation
import Testing

@Suite("Simulator: disk snapshots and disks made from them")
struct SimulatorSnapshotTests {
  static let sub = SimulatorDiskTests.sub

  static func withDisk() throws -> SimulatorHarness {
    let sim = try SimulatorHarness()
    sim.run("group create -n demo -l eastus")
    sim.run("disk create -g demo -n data1 --size-gb 64 --sku StandardSSD_LRS")
    return sim
  }

  @Test("snapshot create copies a disk named in the group and prints az's snapshot object")
  func create() throws {
    let sim = try Self.withDisk()
    let result = sim.run(
      "snapshot create --resource-group demo --name data1-snap-1 --location eastus --source data1 --tags managed-by=azlin"
    )
    #expect(result.exitCode == 0)
    #expect(result.durationMs == 10_000)
    let snapshot = result.json ?? .null
    #expect(snapshot["id"] == .string("\(Self.sub)/Microsoft.Compute/snapshots/data1-snap-1"))
    #expect(snapshot["name"] == "data1-snap-1")
    #expect(snapshot["location"] == "eastus")
    #expect(snapshot["resourceGroup"] == "demo")
    #expect(snapshot["diskSizeGb"] == 64)
    #expect(snapshot.value(at: "sku.name") == "Standard_LRS")
    #expect(snapshot["incremental"] == false)
    #expect(snapshot.value(at: "creationData.createOption") == "Copy")
    #expect(
      snapshot.value(at: "creationData.sourceResourceId")
        == .string("\(Self.sub)/Microsoft.Compute/disks/data1"))
    #expect(snapshot["provisioningState"] == "Succeeded")
    #expect(snapshot["type"] == "Microsoft.Compute/snapshots")
    #expect(snapshot["tags"]?["managed-by"] == "azlin")
    #expect(sim.json("snapshot show -g demo -n data1-snap-1")["name"] == "data1-snap-1")
    let listed = sim.json("snapshot list").arrayValue?.compactMap { $0["name"]?.stringValue }
    #expect(listed == ["data1-snap-1"])
  }

  @Test("a source that does not exist is az's ResourceNotFound for the disk, exit 3")
  func missingSource() throws {
    let sim = try Self.withDisk()
    let result = sim.run("snapshot create -g demo -n s1 --source ghost")
    #expect(result.exitCode == 3)
    #expect(result.error?.code == "ResourceNotFound")
    #expect(result.error?.message.contains("Microsoft.Compute/disks/ghost") == true)
    #expect(sim.json("snapshot list").arrayValue?.isEmpty == true)
  }

  @Test(
    "snapshot names follow Azure's rule; the same name from another source is PropertyChangeNotAllowed"
  )
  func namesAndConflicts() throws {
    let sim = try Self.withDisk()
    sim.run("disk create -g demo -n data2 --size-gb 8")
    #expect(
      sim.run("snapshot create -g demo -n bad.name --source data1").error?.code
        == "InvalidResourceName")
    #expect(sim.run("snapshot create -g demo -n s1 --source data1").exitCode == 0)
    let again = sim.run("snapshot create -g demo -n s1 --source data2")
    #expect(again.error?.code == "PropertyChangeNotAllowed")
    // The same source again is an update of the same snapshot, as ARM's PUT is.
    #expect(sim.run("snapshot create -g demo -n s1 --source data1 --tags a=b").exitCode == 0)
    #expect(sim.json("snapshot show -g demo -n s1")["tags"]?["a"] == "b")
    #expect(sim.run("snapshot create -g demo -n s2").exitCode == 2)
  }

  @Test("snapshot delete takes 5 s, needs no --yes, and deleting a missing one succeeds")
  func delete() throws {
    let sim = try Self.withDisk()
    sim.run("snapshot create -g demo -n s1 --source data1")
    let deleted = sim.run("snapshot delete --resource-group demo --name s1")
    #expect(deleted.exitCode == 0)
    #expect(deleted.durationMs == 5000)
    #expect(sim.run("snapshot show -g demo -n s1").exitCode == 3)
    #expect(sim.run("snapshot delete -g demo -n s1").exitCode == 0)
  }

  @Test("disk create --source makes a Copy disk of the snapshot's size; errors as Azure gives them")
  func diskFromSnapshot() throws {
    let sim = try Self.withDisk()
    sim.run("snapshot create -g demo -n s1 --source data1")
    let result = sim.run(
      "disk create --resource-group demo --name restored --location eastus --source s1 --sku Premium_LRS --tags managed-by=azlin"
    )
    #expect(result.exitCode == 0)
    let disk = result.json ?? .null
    #expect(disk["diskSizeGb"] == 64)
    #expect(disk.value(at: "sku.name") == "Premium_LRS")
    #expect(disk.value(at: "creationData.createOption") == "Copy")
    #expect(
      disk.value(at: "creationData.sourceResourceId")
        == .string("\(Self.sub)/Microsoft.Compute/snapshots/s1"))
    #expect(disk["diskState"] == "Unattached")
    // A snapshot that does not exist; a name taken by a disk made from something else.
    let missing = sim.run("disk create -g demo -n other --source nosuch")
    #expect(missing.exitCode == 3)
    #expect(missing.error?.code == "ResourceNotFound")
    #expect(
      sim.run("disk create -g demo -n data1 --source s1").error?.code == "PropertyChangeNotAllowed")
    #expect(
      sim.run("disk create -g demo -n small --source s1 --size-gb 8").error?.code == "BadRequest")
  }

  @Test("a group delete takes its snapshots; live state reads them in one read")
  func groupDeleteAndLiveState() throws {
    let sim = try Self.withDisk()
    sim.run("snapshot create -g demo -n s1 --source data1")
    let live = try sim.simulator.snapshot()
    #expect(
      live.snapshots == [
        LiveState.Snapshot(
          name: "s1", resourceGroup: "demo", location: "eastus", sizeGB: 64, sku: "Standard_LRS",
          sourceDiskID: "\(Self.sub)/Microsoft.Compute/disks/data1")
      ])
    #expect(live.snapshots.first?.sourceDisk == "data1")
    sim.run("group delete -n demo --yes")
    #expect(sim.run("snapshot list").json?.arrayValue?.isEmpty == true)
  }

  @Test("a state file written before snapshots were modelled reads as it is")
  func olderStateFile() throws {
    let sim = try Self.withDisk()
    let path = sim.folder + "/state.json"
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(!text.contains("\"snapshots\""))
    sim.run("snapshot create -g demo -n s1 --source data1")
    #expect(try String(contentsOfFile: path, encoding: .utf8).contains("\"snapshots\""))
    let other = try SimulatorHarness(folder: sim.folder)
    #expect(other.json("snapshot list").arrayValue?.count == 1)
  }
}

@Suite("Live state: snapshots from the real az")
struct LiveStateSnapshotTests {
  @Test("fetch reads az snapshot list: name, group, region, size, SKU and source disk")
  func fetch() throws {
    let empty = [AzResult(exitCode: 0, stdout: "[]\n", stderr: "")]
    let listing = """
      [{"name": "s1", "resourceGroup": "demo", "location": "westus2", "diskSizeGb": 64,
        "sku": {"name": "Standard_LRS", "tier": "Standard"}, "provisioningState": "Succeeded",
        "creationData": {"createOption": "Copy",
          "sourceResourceId": "/subscriptions/x/resourceGroups/demo/providers/Microsoft.Compute/disks/d1"}}]
      """
    let backend = ScriptedBackend([
      ["group", "list"]: empty, ["vm", "list", "-d"]: empty, ["storage", "account", "list"]: empty,
      ["snapshot", "list"]: [AzResult(exitCode: 0, stdout: listing, stderr: "")],
      ["network", "nsg", "list"]: empty,
      ["resource", "list", "--resource-type", "Microsoft.DevTestLab/schedules"]: empty,
    ])
    let live = try LiveState.fetch(from: backend)
    #expect(backend.unexpected.isEmpty)
    #expect(
      live.snapshots == [
        LiveState.Snapshot(
          name: "s1", resourceGroup: "demo", location: "westus2", sizeGB: 64, sku: "Standard_LRS",
          sourceDiskID: "/subscriptions/x/resourceGroups/demo/providers/Microsoft.Compute/disks/d1")
      ])
    #expect(live.snapshots.first?.sourceDisk == "d1")
  }

  @Test("snapshot names: letters, digits, _ and -, 1–80, no period")
  func naming() {
    #expect(NamingRules.violation(of: "sam-os-snap-1", as: .snapshot) == nil)
    #expect(NamingRules.violation(of: "a_", as: .snapshot) == nil)
    #expect(NamingRules.violation(of: "bad.name", as: .snapshot) != nil)
    #expect(NamingRules.violation(of: "-x", as: .snapshot) != nil)
    #expect(NamingRules.violation(of: "x-", as: .snapshot) != nil)
    #expect(NamingRules.violation(of: String(repeating: "a", count: 81), as: .snapshot) != nil)
  }
}
