extension TerraformWriter {
  /// The VM label of a VM this plan creates whose security group is `securityGroup` (az and
  /// this writer name it `<vm>NSG`).
  private func createdVM(group: String, securityGroup: String) -> String? {
    guard securityGroup.hasSuffix("NSG") else { return nil }
    return vms[Self.key(group, String(securityGroup.dropLast(3)))]
  }

  /// An `azurerm_network_security_rule` on the VM's group: by reference when the plan creates
  /// the VM, by name when it exists.
  mutating func securityRule(_ rule: TerraformResource.SecurityRule) -> HCLBlock {
    let nsg: HCLBlock.Value =
      createdVM(group: rule.group, securityGroup: rule.securityGroup).map {
        .expression("azurerm_network_security_group.\($0).name")
      } ?? .string(rule.securityGroup)
    let ports: HCLBlock.Entry =
      rule.ports.count == 1
      ? .attribute("destination_port_range", .string(rule.ports[0]))
      : .attribute("destination_port_ranges", .list(rule.ports.map { .string($0) }))
    let sources: HCLBlock.Entry =
      rule.sources.count == 1
      ? .attribute("source_address_prefix", .string(rule.sources[0]))
      : .attribute("source_address_prefixes", .list(rule.sources.map { .string($0) }))
    return HCLBlock(
      "resource", "azurerm_network_security_rule", labels.claim(rule.name, in: "rule"),
      entries: [
        .attribute("name", .string(rule.name)),
        .attribute("resource_group_name", groupName(rule.group)),
        .attribute("network_security_group_name", nsg),
        .attribute("priority", .number(rule.priority)),
        .attribute("direction", .string(rule.direction)),
        .attribute("access", .string(rule.access)),
        .attribute("protocol", .string(rule.networkProtocol)),
        .attribute("source_port_range", .string("*")),
        ports, sources,
        .attribute("destination_address_prefix", .string("*")),
      ])
  }

  /// An `azurerm_dev_test_global_vm_shutdown_schedule` (what `az vm auto-shutdown` makes), with
  /// a `data` block for a VM the plan does not create.
  mutating func shutdownSchedule(_ schedule: TerraformResource.ShutdownSchedule) -> [HCLBlock] {
    var blocks: [HCLBlock] = []
    let vmRef: String
    if let created = vms[Self.key(schedule.group, schedule.vm)] {
      vmRef = "azurerm_linux_virtual_machine.\(created)"
    } else {
      let label = labels.claim(schedule.vm, in: "existing_vm")
      blocks.append(
        HCLBlock(
          "data", "azurerm_virtual_machine", label,
          entries: [
            .attribute("name", .string(schedule.vm)),
            .attribute("resource_group_name", groupName(schedule.group)),
          ]))
      vmRef = "data.azurerm_virtual_machine.\(label)"
    }
    blocks.append(
      HCLBlock(
        "resource", "azurerm_dev_test_global_vm_shutdown_schedule",
        labels.claim(schedule.vm, in: "shutdown"),
        entries: [
          .attribute("virtual_machine_id", .expression("\(vmRef).id")),
          .attribute("location", .expression("\(vmRef).location")),
          .attribute("enabled", .expression("true")),
          .attribute("daily_recurrence_time", .string(schedule.utc)),
          .attribute("timezone", .string("UTC")),
          .block(
            HCLBlock(
              "notification_settings", entries: [.attribute("enabled", .expression("false"))])),
        ]))
    return blocks
  }
}
