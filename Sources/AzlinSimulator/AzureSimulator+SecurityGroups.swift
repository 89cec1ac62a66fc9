import AzlinAzure
import AzlinCore
import Foundation

extension AzureSimulator {
  static let securityGroupType = "Microsoft.Network/networkSecurityGroups"

  /// The security group `az vm create` puts on a new VM's NIC: `--nsg NAME` (made when
  /// missing), none with `--nsg ""`, otherwise `<vm>NSG`, made with the rule `--nsg-rule`
  /// asks for (SSH by default for Linux: `default-allow-ssh`, priority 1000, port 22 from
  /// anywhere).
  /// - Returns: The group's name, or `nil` when the VM gets none.
  func placeSecurityGroup(
    _ call: SimulatorCall, _ state: inout SimulatorState, group: String, vm: String,
    location: String
  ) throws -> String? {
    let name = call.string("--nsg") ?? "\(vm)NSG"
    if name.isEmpty { return nil }
    if let existing = state.securityGroups.first(where: {
      Self.same($0.resourceGroup, group) && Self.same($0.name, name)
    }) {
      return existing.name
    }
    var rules: [SimulatedSecurityRule] = []
    switch (call.string("--nsg-rule") ?? "SSH").uppercased() {
    case "SSH": rules = [Self.defaultRule("default-allow-ssh", port: "22")]
    case "RDP": rules = [Self.defaultRule("default-allow-rdp", port: "3389")]
    default: break
    }
    state.securityGroups.append(
      SimulatedSecurityGroup(
        name: name, resourceGroup: group, location: location, rules: rules, tags: [:],
        resourceGuid: ids.next()))
    return name
  }

  private static func defaultRule(_ name: String, port: String) -> SimulatedSecurityRule {
    SimulatedSecurityRule(
      name: name, priority: 1000, direction: "Inbound", access: "Allow", networkProtocol: "Tcp",
      destinationPortRanges: [port], sourceAddressPrefixes: ["*"])
  }

  /// The index of the security group `target` names.
  /// - Throws: `ResourceNotFound` as ARM words it.
  func securityGroupIndex(_ target: SimulatorTarget, in state: SimulatorState) throws -> Int {
    _ = try requireGroup(target.group, in: state)
    guard
      let index = state.securityGroups.firstIndex(where: {
        Self.same($0.resourceGroup, target.group) && Self.same($0.name, target.name)
      })
    else { throw Self.notFound(Self.securityGroupType, target) }
    return index
  }

  /// `az network nsg list [-g]`, sorted by group and name.
  func securityGroupList(_ call: SimulatorCall, _ state: inout SimulatorState) throws
    -> SimulatorResponse
  {
    var groups = state.securityGroups
    if let group = call.string("--resource-group") {
      _ = try requireGroup(group, in: state)
      groups = groups.filter { Self.same($0.resourceGroup, group) }
    }
    groups.sort {
      ($0.resourceGroup.lowercased(), $0.name.lowercased()) < (
        $1.resourceGroup.lowercased(), $1.name.lowercased()
      )
    }
    return SimulatorResponse(
      .array(groups.map { securityGroupJSON($0, state) }), duration: Self.readDuration)
  }

  /// `az network nsg show`.
  func securityGroupShow(_ call: SimulatorCall, _ state: inout SimulatorState) throws
    -> SimulatorResponse
  {
    let target = SimulatorTarget(
      group: call.string("--resource-group")!, name: call.string("--name")!)
    let nsg = state.securityGroups[try securityGroupIndex(target, in: state)]
    return SimulatorResponse(securityGroupJSON(nsg, state), duration: Self.readDuration)
  }

  /// `az network nsg rule create`: refused when another rule of the same direction holds
  /// the priority, or the priority is outside 100–4096, as Azure refuses them; a rule of the
  /// same name is replaced.
  func securityRuleCreate(_ call: SimulatorCall, _ state: inout SimulatorState) throws
    -> SimulatorResponse
  {
    let target = SimulatorTarget(
      group: call.string("--resource-group")!, name: call.string("--nsg-name")!)
    let index = try securityGroupIndex(target, in: state)
    let name = call.string("--name")!
    try validateName(name, as: .securityRule)
    let priority = call.int("--priority")!
    guard (100...4096).contains(priority) else {
      throw SimulatorFailure.azure(
        "SecurityRuleInvalidPriority",
        "Security rule has invalid Priority. Value provided: \(priority) Allowed values are from 100 to 4096."
      )
    }
    let direction = call.string("--direction") ?? "Inbound"
    if let clash = state.securityGroups[index].rules.first(where: {
      $0.priority == priority && $0.direction == direction && !Self.same($0.name, name)
    }) {
      throw SimulatorFailure.azure(
        "SecurityRuleConflict",
        "Security rule \(name) conflicts with rule \(clash.name). Rules cannot have the same Priority and Direction. "
          + "To learn more, see aka.ms/nsgrules.")
    }
    let rule = SimulatedSecurityRule(
      name: name, priority: priority, direction: direction,
      access: call.string("--access") ?? "Allow", networkProtocol: call.string("--protocol") ?? "*",
      destinationPortRanges: call.strings("--destination-port-ranges") ?? ["80"],
      sourceAddressPrefixes: call.strings("--source-address-prefixes") ?? ["*"])
    state.securityGroups[index].rules.removeAll { Self.same($0.name, name) }
    state.securityGroups[index].rules.append(rule)
    return SimulatorResponse(
      ruleJSON(rule, in: state.securityGroups[index]), duration: Self.waited(call))
  }

  /// `az network nsg rule delete`: deleting a rule that does not exist succeeds, as ARM's
  /// DELETE does.
  func securityRuleDelete(_ call: SimulatorCall, _ state: inout SimulatorState) throws
    -> SimulatorResponse
  {
    let target = SimulatorTarget(
      group: call.string("--resource-group")!, name: call.string("--nsg-name")!)
    let index = try securityGroupIndex(target, in: state)
    let name = call.string("--name")!
    state.securityGroups[index].rules.removeAll { Self.same($0.name, name) }
    return SimulatorResponse(nil, duration: Self.waited(call))
  }

  /// `az network nsg rule list`.
  func securityRuleList(_ call: SimulatorCall, _ state: inout SimulatorState) throws
    -> SimulatorResponse
  {
    let target = SimulatorTarget(
      group: call.string("--resource-group")!, name: call.string("--nsg-name")!)
    let nsg = state.securityGroups[try securityGroupIndex(target, in: state)]
    return SimulatorResponse(
      .array(nsg.rules.sorted { $0.priority < $1.priority }.map { ruleJSON($0, in: nsg) }),
      duration: Self.readDuration)
  }

  /// A security group as az prints it.
  func securityGroupJSON(_ nsg: SimulatedSecurityGroup, _ state: SimulatorState) -> JSONValue {
    let id = Self.resourceID(Self.securityGroupType, group: nsg.resourceGroup, name: nsg.name)
    let nics = state.virtualMachines.filter {
      Self.same($0.resourceGroup, nsg.resourceGroup)
        && $0.securityGroup.map { Self.same($0, nsg.name) } == true
    }.map { vm -> JSONValue in
      .object([
        (
          "id",
          .string(
            Self.resourceID(
              "Microsoft.Network/networkInterfaces", group: vm.resourceGroup, name: vm.nicName))
        ),
        ("resourceGroup", .string(vm.resourceGroup)),
      ])
    }
    return .object([
      ("etag", .string("W/\"\(nsg.resourceGuid)\"")),
      ("id", .string(id)),
      ("location", .string(nsg.location)),
      ("name", .string(nsg.name)),
      ("networkInterfaces", .array(nics)),
      ("provisioningState", "Succeeded"),
      ("resourceGroup", .string(nsg.resourceGroup)),
      ("resourceGuid", .string(nsg.resourceGuid)),
      ("securityRules", .array(nsg.rules.map { ruleJSON($0, in: nsg) })),
      ("tags", Self.tagsJSON(nsg.tags)),
      ("type", .string(Self.securityGroupType)),
    ])
  }

  /// A security rule as az prints it: one range in `destinationPortRange`, several in
  /// `destinationPortRanges` (and the same for sources).
  func ruleJSON(_ rule: SimulatedSecurityRule, in nsg: SimulatedSecurityGroup) -> JSONValue {
    func single(_ values: [String]) -> JSONValue { values.count == 1 ? .string(values[0]) : .null }
    func many(_ values: [String]) -> JSONValue {
      .array(values.count == 1 ? [] : values.map { .string($0) })
    }
    let id =
      Self.resourceID(Self.securityGroupType, group: nsg.resourceGroup, name: nsg.name)
      + "/securityRules/\(rule.name)"
    return .object([
      ("access", .string(rule.access)),
      ("destinationAddressPrefix", "*"),
      ("destinationPortRange", single(rule.destinationPortRanges)),
      ("destinationPortRanges", many(rule.destinationPortRanges)),
      ("direction", .string(rule.direction)),
      ("id", .string(id)),
      ("name", .string(rule.name)),
      ("priority", .number(Double(rule.priority))),
      ("protocol", .string(rule.networkProtocol)),
      ("provisioningState", "Succeeded"),
      ("resourceGroup", .string(nsg.resourceGroup)),
      ("sourceAddressPrefix", single(rule.sourceAddressPrefixes)),
      ("sourceAddressPrefixes", many(rule.sourceAddressPrefixes)),
      ("sourcePortRange", "*"),
      ("type", "Microsoft.Network/networkSecurityGroups/securityRules"),
    ])
  }

  /// `az vm auto-shutdown --time HHMM` (a daily schedule in UTC) or `--off` (removes it).
  func vmAutoShutdown(_ call: SimulatorCall, _ state: inout SimulatorState) throws
    -> SimulatorResponse
  {
    let target = SimulatorTarget(
      group: call.string("--resource-group")!, name: call.string("--name")!)
    let vm = try findVM(target, in: state)
    let index = vmIndex(target, in: state)!
    if call.has("--off") {
      state.virtualMachines[index].autoShutdownUTC = nil
      return SimulatorResponse(nil, duration: Self.waited(call))
    }
    guard let time = call.string("--time") else {
      throw SimulatorFailure.usage("usage error: --time is required to create a shutdown schedule")
    }
    guard time.count == 4, let hhmm = Int(time), hhmm / 100 < 24, hhmm % 100 < 60 else {
      throw SimulatorFailure.azure(
        "InvalidParameter", "The time '\(time)' is not valid. Use the format hhmm, e.g. 1730.")
    }
    state.virtualMachines[index].autoShutdownUTC = time
    let vmID = Self.resourceID(ResourceType.virtualMachine, group: vm.resourceGroup, name: vm.name)
    let name = "shutdown-computevm-\(vm.name)"
    return SimulatorResponse(
      .object([
        ("dailyRecurrence", .object([("time", .string(time))])),
        (
          "id",
          .string(
            Self.resourceID("microsoft.devtestlab/schedules", group: vm.resourceGroup, name: name))
        ),
        ("location", .string(vm.location)),
        ("name", .string(name)),
        (
          "notificationSettings",
          .object([("status", "Disabled"), ("timeInMinutes", 30)])
        ),
        ("provisioningState", "Succeeded"),
        ("resourceGroup", .string(vm.resourceGroup)),
        ("status", "Enabled"),
        ("targetResourceId", .string(vmID)),
        ("taskType", "ComputeVmShutdownTask"),
        ("timeZoneId", "UTC"),
        ("type", "microsoft.devtestlab/schedules"),
      ]), duration: Self.waited(call))
  }
}
