import AzlinAzure
import Testing

@testable import AzlinExecution

/// `/resume` after an interruption settles a dev-VM step against what exists: a rule, a
/// schedule or a tag that is there counts as done, one that is not is run again.
@Suite struct DevVMRecoveryTests {
  static func live(rule: Bool, shutdown: String?, tags: [String: String]) -> LiveState {
    var vm = LiveState.VM(
      name: "sam", resourceGroup: "dev", location: "westus2", size: "Standard_B2s",
      powerState: "running", id: "sam-id")
    vm.securityGroup = "samNSG"
    vm.autoShutdownUTC = shutdown
    vm.tags = tags
    var state = LiveState(groups: [LiveState.Group(name: "dev", location: "westus2")], vms: [vm])
    state.securityGroups = [
      LiveState.SecurityGroup(
        name: "samNSG", resourceGroup: "dev", location: "westus2",
        rules: rule
          ? [
            LiveState.SecurityRule(
              name: "open-port-8080", priority: 900, ports: ["8080"], sources: ["*"])
          ]
          : [])
    ]
    return state
  }

  static let open = AzureOperation.securityRuleCreate(
    rule: "open-port-8080", securityGroup: "samNSG", group: "dev", priority: 900, ports: "8080",
    sources: ["*"])
  static let close = AzureOperation.securityRuleDelete(
    rule: "open-port-8080", securityGroup: "samNSG", group: "dev")
  static let shutdown = AzureOperation.vmAutoShutdown(name: "sam", group: "dev", utc: "1900")
  static let off = AzureOperation.vmAutoShutdown(name: "sam", group: "dev", utc: nil)
  static let tag = AzureOperation.tagUpdate(
    .vm, name: "sam", group: "dev", key: "env", value: "dev")
  static let untag = AzureOperation.tagUpdate(
    .vm, name: "sam", group: "dev", key: "env", value: nil)

  @Test(
    "each step is done exactly when live state shows its effect",
    arguments: [
      (open, true), (close, false), (shutdown, true), (off, false), (tag, true), (untag, false),
    ] as [(AzureOperation, Bool)])
  func settles(_ operation: AzureOperation, _ doneWhenPresent: Bool) {
    let present = Self.live(rule: true, shutdown: "1900", tags: ["env": "dev"])
    let absent = Self.live(rule: false, shutdown: nil, tags: [:])
    #expect(operation.holds(in: present) == doneWhenPresent, "\(operation)")
    #expect(operation.holds(in: absent) == !doneWhenPresent, "\(operation)")
    // An older objective file's argv reads back as the same operation.
    let argv = ["az"] + AzCommand(operation).arguments
    #expect(StepTarget.operation(argv: argv) == operation, "\(argv)")
  }
}
