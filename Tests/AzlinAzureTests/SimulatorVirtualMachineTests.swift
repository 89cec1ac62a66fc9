import AzlinAzure
import AzlinCore
import AzlinSimulator
import Foundation
import Testing

@Suite("Simulator: virtual machines")
struct SimulatorVirtualMachineTests {
  static let vmID =
    "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/demo/providers/Microsoft.Compute/virtualMachines/sam"

  /// A simulator with group `demo` in eastus.
  static func withGroup() throws -> SimulatorHarness {
    let sim = try SimulatorHarness()
    sim.run("group create -n demo -l eastus")
    return sim
  }

  static let create =
    "vm create -g demo -n sam --image Ubuntu2204 --size Standard_B2s --admin-username azureuser --generate-ssh-keys"

  @Test("vm create prints az's summary object and takes 90 s")
  func createSummary() throws {
    let sim = try Self.withGroup()
    let result = sim.run(Self.create)
    #expect(result.exitCode == 0)
    #expect(result.durationMs == 90_000)
    #expect(
      result.stdout == """
        {
          "fqdns": "",
          "id": "\(Self.vmID)",
          "location": "eastus",
          "macAddress": "00-0D-3A-00-00-00",
          "powerState": "VM running",
          "privateIpAddress": "10.0.0.4",
          "publicIpAddress": "20.100.0.4",
          "resourceGroup": "demo",
          "zones": ""
        }

        """)
  }

  @Test("vm show has az's VM shape; -d adds power state and addresses")
  func showShape() throws {
    let sim = try Self.withGroup()
    sim.run(Self.create + " --tags env=dev --data-disk-sizes-gb 64")
    let vm = sim.json("vm show -g demo -n sam")
    #expect(vm["id"] == .string(Self.vmID))
    #expect(vm["name"] == "sam")
    #expect(vm["location"] == "eastus")
    #expect(vm["resourceGroup"] == "demo")
    #expect(vm["type"] == "Microsoft.Compute/virtualMachines")
    #expect(vm.value(at: "hardwareProfile.vmSize") == "Standard_B2s")
    #expect(vm["provisioningState"] == "Succeeded")
    #expect(vm["tags"] == .object([("env", "dev")]))
    #expect(vm["timeCreated"] == "2026-11-30T00:53:22.0000000+00:00")
    #expect(vm["vmId"]?.stringValue?.count == 36)
    #expect(vm.value(at: "storageProfile.imageReference.offer") == "0001-com-ubuntu-server-jammy")
    #expect(vm.value(at: "storageProfile.osDisk.osType") == "Linux")
    #expect(vm.value(at: "storageProfile.osDisk.diskSizeGb") == 30)
    #expect(vm.value(at: "osProfile.adminUsername") == "azureuser")
    let data = vm.value(at: "storageProfile.dataDisks")?.arrayValue ?? []
    #expect(data.count == 1)
    #expect(data.first?["lun"] == 0)
    #expect(data.first?["diskSizeGb"] == 64)
    #expect(
      data.first?.value(at: "managedDisk.id")?.stringValue?.contains(
        "/providers/Microsoft.Compute/disks/sam_disk2_") == true)
    #expect(vm["powerState"] == nil)
    let detailed = sim.json("vm show -d -g demo -n sam")
    #expect(detailed["powerState"] == "VM running")
    #expect(detailed["privateIps"] == "10.0.0.4")
    #expect(detailed["publicIps"] == "20.100.0.4")
    #expect(detailed["macAddresses"] == "00-0D-3A-00-00-00")
    #expect(detailed["fqdns"] == "")
  }

  @Test("vm show of a missing VM: ResourceNotFound, exit code 3")
  func showMissing() throws {
    let sim = try Self.withGroup()
    let result = sim.run("vm show -g demo -n ghost")
    #expect(result.exitCode == 3)
    #expect(
      result.stderr.hasPrefix(
        "ERROR: (ResourceNotFound) The Resource 'Microsoft.Compute/virtualMachines/ghost' under resource group 'demo' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix\n"
      ))
    #expect(sim.run("vm show -g nogroup -n ghost").error?.code == "ResourceGroupNotFound")
  }

  @Test("vm list -d: power states, sorted, and az's table")
  func listDetails() throws {
    let sim = try Self.withGroup()
    sim.run(Self.create)
    sim.run("vm create -g demo -n bob --image Ubuntu2204 --size Standard_B2s")
    sim.run("vm stop -g demo -n bob")
    let vms = sim.json("vm list -d").arrayValue ?? []
    #expect(vms.compactMap { $0["name"]?.stringValue } == ["bob", "sam"])
    #expect(vms.compactMap { $0["powerState"]?.stringValue } == ["VM stopped", "VM running"])
    #expect(
      sim.run("vm list -d -o table").stdout == """
        Name    ResourceGroup    PowerState    PublicIps    Fqdns    Location    Zones
        ------  ---------------  ------------  -----------  -------  ----------  -------
        bob     demo             VM stopped    20.100.0.5            eastus
        sam     demo             VM running    20.100.0.4            eastus

        """)
    #expect(sim.json("vm list").arrayValue?.first?["powerState"] == nil)
    #expect(sim.run("vm list -g missing").error?.code == "ResourceGroupNotFound")
    #expect(sim.run("vm list -g demo --vmss web").exitCode == 3)
  }

  @Test(
    "power operations move through az's power states",
    arguments: [
      ("stop", "VM stopped"), ("deallocate", "VM deallocated"), ("restart", "VM running"),
      ("start", "VM running"),
    ])
  func power(verb: String, state: String) throws {
    let sim = try Self.withGroup()
    sim.run(Self.create)
    let result = sim.run("vm \(verb) -g demo -n sam")
    #expect(result.exitCode == 0)
    #expect(result.stdout == "")
    #expect(sim.json("vm show -d -g demo -n sam")["powerState"] == .string(state))
  }

  @Test("start brings a deallocated VM back; restart needs a running VM")
  func startAndRestart() throws {
    let sim = try Self.withGroup()
    sim.run(Self.create)
    sim.run("vm deallocate -g demo -n sam")
    let restart = sim.run("vm restart -g demo -n sam")
    #expect(restart.exitCode == 1)
    #expect(restart.error?.code == "OperationNotAllowed")
    let start = sim.run("vm start --ids \(Self.vmID)")
    #expect(start.exitCode == 0)
    #expect(start.durationMs == 30_000)
    #expect(sim.json("vm show -d -g demo -n sam")["powerState"] == "VM running")
  }

  @Test("with --no-wait a new VM shows Creating / VM starting until its 90 s have passed")
  func noWait() throws {
    let sim = try Self.withGroup()
    let result = sim.run(Self.create + " --no-wait")
    #expect(result.stdout == "")
    #expect(result.durationMs == 1000)
    let vm = sim.json("vm show -d -g demo -n sam")
    #expect(vm["provisioningState"] == "Creating")
    #expect(vm["powerState"] == "VM starting")
    let busy = sim.run("vm stop -g demo -n sam")
    #expect(busy.error?.code == "Conflict")
    sim.clock.advance(by: 90)
    #expect(sim.json("vm show -d -g demo -n sam")["powerState"] == "VM running")
  }

  @Test("a size the region does not offer: SkuNotAvailable, in az's words")
  func skuNotAvailable() throws {
    let sim = try SimulatorHarness()
    sim.run("group create -n de -l germanywestcentral")
    let result = sim.run("vm create -g de -n gpu --image Ubuntu2204 --size Standard_NC6s_v3")
    #expect(result.exitCode == 1)
    #expect(
      result.error
        == AzError(
          code: "SkuNotAvailable",
          message:
            "The requested VM size for resource 'Following SKUs have failed for Capacity Restrictions: Standard_NC6s_v3' is currently not available in location 'germanywestcentral'. Please try another size or deploy to a different location or different zone. See https://aka.ms/azureskunotavailable for details.",
          exitCode: 1))
    #expect(sim.json("vm list") == [])
  }

  @Test("family vCPU quota (10): the third 4-vCPU DSv3 VM is refused; stopped VMs still count")
  func familyQuota() throws {
    let sim = try Self.withGroup()
    for name in ["a", "b"] {
      #expect(
        sim.run("vm create -g demo -n \(name) --image Ubuntu2204 --size Standard_D4s_v3").exitCode
          == 0)
    }
    sim.run("vm stop -g demo -n a")
    sim.run("vm deallocate -g demo -n b")
    let result = sim.run("vm create -g demo -n c --image Ubuntu2204 --size Standard_D4s_v3")
    #expect(result.exitCode == 1)
    #expect(result.error?.code == "QuotaExceeded")
    #expect(
      result.error?.message.hasPrefix(
        "Operation could not be completed as it results in exceeding approved standardDSv3Family Cores quota. Additional details - Deployment Model: Resource Manager, Location: eastus, Current Limit: 10, Current Usage: 8, Additional Required: 4, (Minimum) New Limit Required: 12."
      ) == true)
    sim.run("vm delete -g demo -n a --yes")
    #expect(
      sim.run("vm create -g demo -n c --image Ubuntu2204 --size Standard_D4s_v3").exitCode == 0)
  }

  @Test("regional vCPU quota (20) across families")
  func regionalQuota() throws {
    let sim = try Self.withGroup()
    #expect(sim.run("vm create -g demo -n a --image Ubuntu2204 --size Standard_B8ms").exitCode == 0)
    #expect(
      sim.run("vm create -g demo -n b --image Ubuntu2204 --size Standard_D8s_v3").exitCode == 0)
    let result = sim.run("vm create -g demo -n c --image Ubuntu2204 --size Standard_E8s_v3")
    #expect(result.error?.code == "QuotaExceeded")
    #expect(result.error?.message.contains("approved Total Regional Cores quota") == true)
    #expect(
      result.error?.message.contains("Current Limit: 20, Current Usage: 16, Additional Required: 8")
        == true)
    let other = try SimulatorHarness()
    other.run("group create -n eu -l westeurope")
    #expect(
      other.run("vm create -g eu -n c --image Ubuntu2204 --size Standard_E8s_v3").exitCode == 0)
  }

  @Test("vm list-usage shows currentValue and limit (as az's strings) by quota name")
  func listUsage() throws {
    let sim = try Self.withGroup()
    sim.run("vm create -g demo -n a --image Ubuntu2204 --size Standard_D4s_v3")
    let usages = sim.json("vm list-usage --location eastus").arrayValue ?? []
    let cores = usages.first { $0.value(at: "name.value") == "cores" }
    #expect(
      cores
        == .object([
          ("currentValue", "4"), ("limit", "20"), ("localName", "Total Regional vCPUs"),
          ("name", .object([("localizedValue", "Total Regional vCPUs"), ("value", "cores")])),
          ("unit", "Count"),
        ]))
    let family = usages.first { $0.value(at: "name.value") == "standardDSv3Family" }
    #expect(family?["currentValue"] == "4")
    #expect(family?["limit"] == "10")
    #expect(family?.value(at: "name.localizedValue") == "Standard DSv3 Family vCPUs")
    let table = sim.run("vm list-usage -l eastus -o table").stdout.split(separator: "\n")
    #expect(
      table.first?.split(separator: " ", omittingEmptySubsequences: true) == [
        "Name", "CurrentValue", "Limit",
      ])
  }

  @Test("resize: within the region's sizes and quota; prints the VM; the same size only warns")
  func resize() throws {
    let sim = try SimulatorHarness()
    sim.run("group create -n de -l germanywestcentral")
    sim.run("vm create -g de -n sam --image Ubuntu2204 --size Standard_B2s")
    let resized = sim.run("vm resize -g de -n sam --size Standard_D4s_v3")
    #expect(resized.exitCode == 0)
    #expect(resized.durationMs == 60_000)
    #expect(resized.json?.value(at: "hardwareProfile.vmSize") == "Standard_D4s_v3")
    let same = sim.run("vm resize -g de -n sam --size Standard_D4s_v3")
    #expect(same.exitCode == 0)
    #expect(same.stdout == "")
    #expect(same.stderr == "WARNING: VM is already Standard_D4s_v3\n")
    #expect(
      sim.run("vm resize -g de -n sam --size Standard_NC6s_v3").error?.code == "SkuNotAvailable")
    let quota = sim.run("vm resize -g de -n sam --size Standard_D16s_v3")
    #expect(quota.error?.code == "OperationNotAllowed")
    #expect(quota.error?.message.contains("standardDSv3Family Cores quota") == true)
  }

  @Test("vm list-sizes lists the region's sizes with az's fields")
  func listSizes() throws {
    let sim = try SimulatorHarness()
    let sizes = sim.json("vm list-sizes -l eastus").arrayValue ?? []
    let b2s = sizes.first { $0["name"] == "Standard_B2s" }
    #expect(
      b2s
        == .object([
          ("maxDataDiskCount", 4), ("memoryInMb", 4096), ("name", "Standard_B2s"),
          ("numberOfCores", 2),
          ("osDiskSizeInMb", 1_047_552), ("resourceDiskSizeInMb", 16384),
        ]))
    let german = sim.json("vm list-sizes -l germanywestcentral").arrayValue ?? []
    #expect(!german.contains { $0["name"] == "Standard_NC6s_v3" })
    #expect(sim.run("vm list-sizes").exitCode == 2)
  }

  @Test("vm delete keeps the OS disk (Azure's default Detach) unless the delete option says Delete")
  func deleteDisks() throws {
    let sim = try Self.withGroup()
    sim.run(Self.create)
    sim.run(
      "vm create -g demo -n tidy --image Ubuntu2204 --size Standard_B2s --os-disk-delete-option Delete"
    )
    #expect(sim.run("vm delete -g demo -n sam").exitCode == 1)
    let deleted = sim.run("vm delete -g demo -n sam --yes")
    #expect(deleted.exitCode == 0)
    #expect(deleted.durationMs == 60_000)
    sim.run("vm delete -g demo -n tidy --yes")
    #expect(sim.run("vm show -g demo -n sam").exitCode == 3)
    let disks = sim.json("disk list -g demo").arrayValue ?? []
    #expect(disks.count == 1)
    #expect(disks.first?["name"]?.stringValue?.hasPrefix("sam_OsDisk_1_") == true)
    #expect(disks.first?["diskState"] == "Unattached")
    #expect(disks.first?["managedBy"] == .null)
    #expect(sim.run("vm delete -g demo -n sam --yes").exitCode == 0)
  }

  @Test(
    "vm create again updates in place; another location or image is refused as Azure refuses it")
  func recreate() throws {
    let sim = try Self.withGroup()
    sim.run(Self.create)
    let again = sim.run(Self.create + " --size Standard_B2ms --tags role=web")
    #expect(again.exitCode == 0)
    let vm = sim.json("vm show -g demo -n sam")
    #expect(vm.value(at: "hardwareProfile.vmSize") == "Standard_B2ms")
    #expect(vm["tags"] == .object([("role", "web")]))
    #expect(sim.json("vm list").arrayValue?.count == 1)
    let moved = sim.run(Self.create + " -l westeurope")
    #expect(moved.error?.code == "InvalidResourceLocation")
    #expect(
      moved.error?.message
        == "The resource 'sam' already exists in location 'eastus' in resource group 'demo'. A resource with the same name cannot be created in location 'westeurope'. Please select a new resource name."
    )
    #expect(
      sim.run("vm create -g demo -n sam --image Debian12 --size Standard_B2s").error?.code
        == "PropertyChangeNotAllowed")
  }

  @Test(
    "vm create refusals",
    arguments: [
      ("vm create -g demo -n 'my vm!' --image Ubuntu2204", "InvalidResourceName"),
      ("vm create -g nowhere -n sam --image Ubuntu2204", "ResourceGroupNotFound"),
      (
        "vm create -g demo -n sam --image Ubuntu2204 -l atlantis",
        "LocationNotAvailableForResourceType"
      ),
      ("vm create -g demo -n sam --image Ubuntu2204 --size Standard_Bogus", "SkuNotAvailable"),
      (
        "vm create -g demo -n sam --image Ubuntu2204 --size Standard_B2s --data-disk-sizes-gb 1 1 1 1 1",
        "OperationNotAllowed"
      ),
    ])
  func refusals(line: String, code: String) throws {
    let sim = try Self.withGroup()
    let result = sim.run(line)
    #expect(result.exitCode != 0)
    #expect(result.error?.code == code)
  }

  @Test("images: az's aliases and URNs are accepted; an unknown image is refused in az's words")
  func images() throws {
    let sim = try Self.withGroup()
    let urn = sim.run(
      "vm create -g demo -n a --image Canonical:ubuntu-24_04-lts:server:latest --size Standard_B2s")
    #expect(urn.exitCode == 0)
    #expect(
      sim.json("vm show -g demo -n a").value(at: "storageProfile.imageReference.publisher")
        == "Canonical")
    let unknown = sim.run("vm create -g demo -n b --image Plan9")
    #expect(unknown.exitCode == 1)
    #expect(unknown.stderr.hasPrefix("ERROR: Invalid image \"Plan9\". Use a valid image URN"))
    #expect(
      sim.run("vm create -g demo -n c").stderr
        == "ERROR: usage error: --image IMAGE | --attach-os-disk DISK\n")
  }

  @Test("the default size is az's Standard_DS1_v2; a second VM reuses the group's network")
  func defaults() throws {
    let sim = try Self.withGroup()
    sim.run("vm create -g demo -n a --image Ubuntu2204")
    sim.run("vm create -g demo -n b --image Ubuntu2204")
    #expect(
      sim.json("vm show -g demo -n a").value(at: "hardwareProfile.vmSize") == "Standard_DS1_v2")
    #expect(sim.json("vm show -d -g demo -n b")["privateIps"] == "10.0.0.5")
    let vnets = sim.json("network vnet list -g demo").arrayValue ?? []
    #expect(vnets.compactMap { $0["name"]?.stringValue } == ["aVNET"])
    #expect(vnets.first?["subnets"]?.arrayValue?.first?["name"] == "aSubnet")
  }
}
