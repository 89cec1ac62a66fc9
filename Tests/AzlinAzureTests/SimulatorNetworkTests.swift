import AzlinAzure
import AzlinCore
import AzlinSimulator
import Foundation
import Testing

@Suite("Simulator: virtual networks")
struct SimulatorNetworkTests {
  @Test("vnet create prints {newVNet: …} with address space and subnet")
  func create() throws {
    let sim = try SimulatorHarness()
    sim.run("group create -n demo -l eastus")
    let result = sim.run(
      "network vnet create -g demo -n net1 --address-prefixes 10.1.0.0/16 --subnet-name web --subnet-prefixes 10.1.1.0/24"
    )
    #expect(result.exitCode == 0)
    let vnet = result.json?["newVNet"] ?? .null
    #expect(vnet["name"] == "net1")
    #expect(vnet.value(at: "addressSpace.addressPrefixes") == ["10.1.0.0/16"])
    #expect(vnet["subnets"]?.arrayValue?.first?["addressPrefix"] == "10.1.1.0/24")
    #expect(vnet["provisioningState"] == "Succeeded")
    #expect(vnet["type"] == "Microsoft.Network/virtualNetworks")
    #expect(sim.run("network vnet create -g demo -n x").error?.code == "InvalidResourceName")
    #expect(
      sim.run("network vnet list -o table").stdout == """
        Name    ResourceGroup    Location    NumSubnets    Prefixes     DnsServers    DDOSProtection    VMProtection
        ------  ---------------  ----------  ------------  -----------  ------------  ----------------  --------------
        net1    demo             eastus      1             10.1.0.0/16                False             False

        """)
  }

  @Test("a VM joins an existing network; the network cannot be deleted while the VM uses it")
  func inUse() throws {
    let sim = try SimulatorHarness()
    sim.run("group create -n demo -l eastus")
    sim.run(
      "network vnet create -g demo -n net1 --address-prefixes 10.1.0.0/16 --subnet-name web --subnet-prefixes 10.1.1.0/24"
    )
    sim.run("vm create -g demo -n sam --image Ubuntu2204 --size Standard_B2s")
    #expect(sim.json("vm show -d -g demo -n sam")["privateIps"] == "10.1.1.4")
    let refused = sim.run("network vnet delete -g demo -n net1")
    #expect(refused.error?.code == "InUseSubnetCannotBeDeleted")
    sim.run("vm delete -g demo -n sam --yes")
    let deleted = sim.run("network vnet delete -g demo -n net1")
    #expect(deleted.exitCode == 0)
    #expect(deleted.durationMs == 10_000)
    #expect(sim.json("network vnet list") == [])
  }
}
