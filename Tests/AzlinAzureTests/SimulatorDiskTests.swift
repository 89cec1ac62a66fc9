import AzlinAzure
import AzlinCore
import AzlinSimulator
import Foundation
import Testing

@Suite("Simulator: managed disks")
struct SimulatorDiskTests {
  static let sub =
    "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/demo/providers"

  static func withVM() throws -> SimulatorHarness {
    let sim = try SimulatorHarness()
    sim.run("group create -n demo -l eastus")
    sim.run("vm create -g demo -n sam --image Ubuntu2204 --size Standard_B2s")
    return sim
  }

  @Test("disk create prints az's disk object; disk list includes the VM's OS disk")
  func create() throws {
    let sim = try Self.withVM()
    let result = sim.run("disk create -g demo -n data1 --size-gb 64 --sku Premium_LRS")
    #expect(result.durationMs == 5000)
    let disk = result.json ?? .null
    #expect(disk["id"] == .string("\(Self.sub)/Microsoft.Compute/disks/data1"))
    #expect(disk["name"] == "data1")
    #expect(disk["location"] == "eastus")
    #expect(disk["resourceGroup"] == "demo")
    #expect(disk["diskSizeGb"] == 64)
    #expect(disk.value(at: "sku.name") == "Premium_LRS")
    #expect(disk["tier"] == "P6")
    #expect(disk["diskState"] == "Unattached")
    #expect(disk["managedBy"] == .null)
    #expect(disk["provisioningState"] == "Succeeded")
    #expect(disk["type"] == "Microsoft.Compute/disks")
    let names =
      sim.json("disk list -g demo").arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
    #expect(names.count == 2)
    #expect(names.first == "data1")
    #expect(names.last?.hasPrefix("sam_OsDisk_1_") == true)
    #expect(sim.run("disk create -g demo -n d2").exitCode == 2)
    #expect(sim.run("disk create -g demo -n d2 --size-gb 0").error?.code == "InvalidParameter")
  }

  @Test("attach sets managedBy and lists the disk in storageProfile.dataDisks; detach undoes both")
  func attachDetach() throws {
    let sim = try Self.withVM()
    sim.run("disk create -g demo -n data1 --size-gb 64")
    let attached = sim.run("vm disk attach -g demo --vm-name sam --name data1")
    #expect(attached.exitCode == 0)
    #expect(attached.durationMs == 15_000)
    let dataDisks = attached.json?.value(at: "storageProfile.dataDisks")?.arrayValue ?? []
    #expect(dataDisks.count == 1)
    #expect(dataDisks.first?["lun"] == 0)
    #expect(dataDisks.first?["name"] == "data1")
    #expect(dataDisks.first?["diskSizeGb"] == 64)
    #expect(
      dataDisks.first?.value(at: "managedDisk.id")
        == .string("\(Self.sub)/Microsoft.Compute/disks/data1"))
    let disk = sim.json("disk show -g demo -n data1")
    #expect(disk["managedBy"] == .string("\(Self.sub)/Microsoft.Compute/virtualMachines/sam"))
    #expect(disk["diskState"] == "Attached")
    sim.run("vm deallocate -g demo -n sam")
    #expect(sim.json("disk show -g demo -n data1")["diskState"] == "Reserved")

    let detached = sim.run("vm disk detach -g demo --vm-name sam -n data1")
    #expect(detached.exitCode == 0)
    #expect(detached.json?.value(at: "storageProfile.dataDisks") == [])
    #expect(sim.json("disk show -g demo -n data1")["managedBy"] == .null)
    #expect(
      sim.run("vm disk detach -g demo --vm-name sam -n data1").stderr
        == "ERROR: No disk with the name 'data1' was found\n")
  }

  @Test("a disk attaches to one VM at a time, and an attached disk cannot be deleted")
  func oneOwner() throws {
    let sim = try Self.withVM()
    sim.run("vm create -g demo -n bob --image Ubuntu2204 --size Standard_B2s")
    sim.run("disk create -g demo -n shared --size-gb 32")
    sim.run("vm disk attach -g demo --vm-name sam --name shared")
    let second = sim.run("vm disk attach -g demo --vm-name bob --name shared")
    #expect(second.error?.code == "ConflictingUserInput")
    #expect(
      second.error?.message
        == "Disk '\(Self.sub)/Microsoft.Compute/disks/shared' cannot be attached as the disk is already owned by VM '\(Self.sub)/Microsoft.Compute/virtualMachines/sam'."
    )
    let delete = sim.run("disk delete -g demo -n shared --yes")
    #expect(delete.error?.code == "OperationNotAllowed")
    #expect(
      delete.error?.message
        == "Disk shared is attached to VM \(Self.sub)/Microsoft.Compute/virtualMachines/sam.")
  }

  @Test("--new creates the disk; a size takes at most two data disks per vCPU")
  func newAndLimit() throws {
    let sim = try Self.withVM()
    for (index, name) in ["a", "b", "c", "d"].enumerated() {
      let result = sim.run("vm disk attach -g demo --vm-name sam --name \(name) --new --size-gb 8")
      #expect(result.exitCode == 0)
      #expect(
        result.json?.value(at: "storageProfile.dataDisks")?.arrayValue?.last?["lun"]
          == .number(Double(index)))
    }
    let fifth = sim.run("vm disk attach -g demo --vm-name sam --name e --new --size-gb 8")
    #expect(fifth.error?.code == "OperationNotAllowed")
    #expect(
      fifth.error?.message
        == "The maximum number of data disks allowed to be attached to a VM of this size is 4.")
    #expect(
      sim.run("vm disk attach -g demo --vm-name sam --name ghost").error?.code == "ResourceNotFound"
    )
    #expect(sim.run("vm disk attach -g demo --vm-name sam").exitCode == 2)
  }

  @Test("disk delete: --yes, 5 s, and a missing disk is already deleted")
  func delete() throws {
    let sim = try Self.withVM()
    sim.run("disk create -g demo -n spare --size-gb 32")
    #expect(sim.run("disk delete -g demo -n spare").exitCode == 1)
    let deleted = sim.run("disk delete -g demo -n spare --yes")
    #expect(deleted.exitCode == 0)
    #expect(deleted.durationMs == 5000)
    #expect(sim.run("disk show -g demo -n spare").exitCode == 3)
    #expect(sim.run("disk delete -g demo -n spare --yes").exitCode == 0)
  }

  @Test("a disk grows only while unattached or its VM is deallocated, and never shrinks")
  func grow() throws {
    let sim = try Self.withVM()
    sim.run("vm disk attach -g demo --vm-name sam --name d --new --size-gb 32")
    #expect(sim.run("disk create -g demo -n d --size-gb 64").error?.code == "OperationNotAllowed")
    sim.run("vm deallocate -g demo -n sam")
    #expect(sim.json("disk create -g demo -n d --size-gb 64")["diskSizeGb"] == 64)
    #expect(sim.run("disk create -g demo -n d --size-gb 16").error?.code == "BadRequest")
  }
}
