import AzlinAzure
import AzlinCore
import AzlinSimulator
import Foundation
import Testing

@Suite("Simulator: security groups, auto-shutdown, tag updates")
struct SimulatorSecurityGroupTests {
  @Test("vm create gives the VM <vm>NSG with default-allow-ssh; --nsg \"\" gives none")
  func createdWithVM() throws {
    let sim = try SimulatorHarness()
    sim.run("group create -n demo -l eastus")
    sim.run("vm create -g demo -n sam --image Ubuntu2204")
    let nsg = sim.json("network nsg show -g demo -n samNSG")
    #expect(nsg["securityRules"]?.arrayValue?.first?["name"] == "default-allow-ssh")
    #expect(nsg["securityRules"]?.arrayValue?.first?["destinationPortRange"] == "22")
    #expect(nsg["securityRules"]?.arrayValue?.first?["priority"] == 1000)
    #expect(nsg["networkInterfaces"]?.arrayValue?.count == 1)
    sim.run("vm create -g demo -n bare --image Ubuntu2204 --nsg ''")
    #expect(sim.json("network nsg list -g demo").arrayValue?.count == 1)
    let live = try sim.simulator.snapshot()
    #expect(live.vms.first { $0.name == "sam" }?.securityGroup == "samNSG")
    #expect(live.vms.first { $0.name == "bare" }?.securityGroup == nil)
  }

  @Test("a rule at a priority another rule holds is refused as Azure refuses it")
  func priorityConflict() throws {
    let sim = try SimulatorHarness()
    sim.run("group create -n demo -l eastus")
    sim.run("vm create -g demo -n sam --image Ubuntu2204")
    let created = sim.run(
      "network nsg rule create -g demo --nsg-name samNSG -n web --priority 900 --access Allow --direction Inbound --protocol Tcp --destination-port-ranges 8080 --source-address-prefixes 10.0.0.0/8"
    )
    #expect(created.exitCode == 0)
    #expect(created.json?["sourceAddressPrefix"] == "10.0.0.0/8")
    let clash = sim.run(
      "network nsg rule create -g demo --nsg-name samNSG -n other --priority 900 --destination-port-ranges 81"
    )
    #expect(clash.error?.code == "SecurityRuleConflict")
    let low = sim.run(
      "network nsg rule create -g demo --nsg-name samNSG -n low --priority 50 --destination-port-ranges 81"
    )
    #expect(low.error?.code == "SecurityRuleInvalidPriority")
    #expect(sim.run("network nsg rule delete -g demo --nsg-name samNSG -n web").exitCode == 0)
    #expect(sim.json("network nsg rule list -g demo --nsg-name samNSG").arrayValue?.count == 1)
    let missing = sim.run("network nsg rule list -g demo --nsg-name nopeNSG")
    #expect(missing.error?.code == "ResourceNotFound")
  }

  @Test("vm auto-shutdown keeps HHMM in UTC; --off removes it; a bad time is refused")
  func autoShutdown() throws {
    let sim = try SimulatorHarness()
    sim.run("group create -n demo -l eastus")
    sim.run("vm create -g demo -n sam --image Ubuntu2204")
    let set = sim.run("vm auto-shutdown -g demo -n sam --time 1930")
    #expect(set.json?["name"] == "shutdown-computevm-sam")
    #expect(set.json?.value(at: "dailyRecurrence.time") == "1930")
    #expect(set.json?["timeZoneId"] == "UTC")
    #expect(try sim.simulator.snapshot().vms.first?.autoShutdownUTC == "1930")
    #expect(
      sim.run("vm auto-shutdown -g demo -n sam --time 2561").error?.code == "InvalidParameter")
    sim.run("vm auto-shutdown -g demo -n sam --off")
    #expect(try sim.simulator.snapshot().vms.first?.autoShutdownUTC == nil)
  }

  @Test(
    "az … update --set tags.K=V and --remove tags.K change only that tag; other paths are refused")
  func tagUpdates() throws {
    let sim = try SimulatorHarness()
    sim.run("group create -n demo -l eastus --tags managed-by=azlin")
    sim.run("vm create -g demo -n sam --image Ubuntu2204 --tags managed-by=azlin")
    sim.run("vm update -g demo -n sam --set tags.env=dev")
    #expect(try sim.simulator.snapshot().vms.first?.tags == ["managed-by": "azlin", "env": "dev"])
    sim.run("vm update -g demo -n sam --remove tags.env")
    #expect(try sim.simulator.snapshot().vms.first?.tags == ["managed-by": "azlin"])
    sim.run("group update -n demo --tags managed-by=azlin owner=alice")
    #expect(
      try sim.simulator.snapshot().groups.first?.tags == ["managed-by": "azlin", "owner": "alice"])
    let other = sim.run("vm update -g demo -n sam --set hardwareProfile.vmSize=Standard_D2s_v5")
    #expect(other.exitCode == 2)
    #expect(other.stderr.contains("models only tags.KEY"))
  }

  @Test("an old state file without security groups still loads")
  func oldStateLoads() throws {
    let sim = try SimulatorHarness()
    sim.run("group create -n demo -l eastus")
    let path = sim.folder + "/state.json"
    var text = try String(contentsOfFile: path, encoding: .utf8)
    text = text.replacingOccurrences(of: "\"securityGroups\"", with: "\"unusedKey\"")
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    #expect(sim.run("group list").exitCode == 0)
  }
}
