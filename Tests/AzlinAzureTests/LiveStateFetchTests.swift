import AzlinAzure
import AzlinCore
import AzlinTestSupport
import Foundation
import Testing

/// Reading what exists from the real az's JSON (the simulator answers from its state instead).
@Suite("Reading live state from az")
struct LiveStateFetchTests {
  static func ok(_ json: String) -> [AzResult] { [AzResult(exitCode: 0, stdout: json, stderr: "")] }

  static let vmID =
    "/subscriptions/0/resourceGroups/dev/providers/Microsoft.Compute/virtualMachines/sam"
  static let nicID =
    "/subscriptions/0/resourceGroups/dev/providers/Microsoft.Network/networkInterfaces/samVMNic"
  static let scheduleID =
    "/subscriptions/0/resourceGroups/dev/providers/Microsoft.DevTestLab/schedules/shutdown-computevm-sam"

  @Test("VMs, disks, security rules and a schedule listed bare are tied together")
  func tiesListingsTogether() throws {
    let backend = ScriptedBackend([
      ["group", "list"]: Self.ok(#"[{"name": "dev", "location": "westus2"}]"#),
      ["vm", "list", "-d"]: Self.ok(
        #"[{"name": "sam", "resourceGroup": "dev", "location": "westus2", "id": "\#(Self.vmID)", "powerState": "VM running", "hardwareProfile": {"vmSize": "Standard_B2s"}, "publicIps": "20.1.2.3", "networkProfile": {"networkInterfaces": [{"id": "\#(Self.nicID)"}]}}]"#
      ),
      ["storage", "account", "list"]: Self.ok("[]"),
      ["snapshot", "list"]: Self.ok("[]"),
      ["network", "nsg", "list"]: Self.ok(
        #"[{"name": "samNSG", "resourceGroup": "dev", "location": "westus2", "networkInterfaces": [{"id": "\#(Self.nicID.uppercased())"}], "securityRules": [{"name": "web", "priority": 900, "direction": "Inbound", "access": "Allow", "protocol": "Tcp", "destinationPortRange": "8080", "sourceAddressPrefix": "*"}]}]"#
      ),
      ["resource", "list", "--resource-type", "Microsoft.DevTestLab/schedules"]: Self.ok(
        #"[{"id": "\#(Self.scheduleID)", "name": "shutdown-computevm-sam"}]"#),
      ["resource", "show", "--ids", Self.scheduleID]: Self.ok(
        #"{"id": "\#(Self.scheduleID)", "properties": {"status": "Enabled", "targetResourceId": "\#(Self.vmID)", "dailyRecurrence": {"time": "1800"}}}"#
      ),
      ["disk", "list", "--resource-group", "dev"]: Self.ok(
        #"[{"name": "sam-data", "resourceGroup": "dev", "diskSizeGb": 64, "sku": {"name": "Premium_LRS"}, "managedBy": "\#(Self.vmID)"}]"#
      ),
    ])
    let live = try LiveState.fetch(from: backend)
    #expect(backend.unexpected.isEmpty)
    let vm = try #require(live.vms.first)
    #expect(vm.powerState == "running")
    #expect(vm.publicIP == "20.1.2.3")
    #expect(vm.securityGroup == "samNSG")
    #expect(vm.autoShutdownUTC == "1800")
    #expect(live.openRules(of: vm).map(\.name) == ["web"])
    #expect(live.disks.map(\.name) == ["sam-data"])
    #expect(live.disks.first?.sizeGB == 64)
  }

  @Test("a failing group listing is an error; a failing security listing leaves rules empty")
  func failuresOfEachListing() throws {
    let denied = [AzResult(exitCode: 1, stdout: "", stderr: "ERROR: (AuthorizationFailed) no")]
    var answers: [[String]: [AzResult]] = [
      ["group", "list"]: Self.ok("[]"), ["vm", "list", "-d"]: Self.ok("[]"),
      ["storage", "account", "list"]: Self.ok("[]"), ["snapshot", "list"]: Self.ok("[]"),
      ["network", "nsg", "list"]: denied,
      ["resource", "list", "--resource-type", "Microsoft.DevTestLab/schedules"]: denied,
    ]
    #expect(try LiveState.fetch(from: ScriptedBackend(answers)).securityGroups.isEmpty)
    answers[["group", "list"]] = denied
    #expect(throws: AzError.self) { try LiveState.fetch(from: ScriptedBackend(answers)) }
  }
}
