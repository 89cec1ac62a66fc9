/// Turns read plan steps into azurerm blocks, one step at a time, in step order.
///
/// Resources the configuration itself creates are referenced by expression
/// (`azurerm_resource_group.rg.name`), so Terraform orders them; anything that exists
/// already (a group created earlier) is named literally.
struct TerraformWriter {
  var labels = TerraformLabels()
  /// Groups the configuration creates, by lowercase name.
  private var groups: [String: (label: String, location: String)] = [:]
  /// VMs and disks the configuration creates, by lowercase `group|name`.
  var vms: [String: String] = [:]
  var disks: [String: String] = [:]
  /// The next free LUN of each VM, by its label.
  private var nextLUN: [String: Int] = [:]

  /// The `terraform` and `provider` blocks that open every configuration.
  static let preamble = [
    HCLBlock(
      "terraform",
      entries: [
        .block(
          HCLBlock(
            "required_providers",
            entries: [
              .attribute(
                "azurerm",
                .map([
                  (key: "source", value: .string("hashicorp/azurerm")),
                  (key: "version", value: .string("~> 4.0")),
                ]))
            ]))
      ]),
    HCLBlock("provider", "azurerm", entries: [.block(HCLBlock("features"))]),
  ]

  /// The configuration text for `steps`.
  /// - Parameter steps: Each step's number with what it creates, in step order.
  /// - Throws: `TerraformUnsupported` for a step that repeats an earlier one, a resource
  ///   with no location to take, or a disk attached to a VM the plan does not create.
  mutating func write(_ steps: [(number: Int, resource: TerraformResource)]) throws -> String {
    var seen = Set<String>()
    for (number, resource) in steps {
      guard seen.insert(resource.key).inserted else {
        throw TerraformUnsupported(step: number, reason: "it repeats an earlier step")
      }
      switch resource {
      case .group(let group):
        groups[group.name.lowercased()] = (labels.claim(group.name, in: "group"), group.location)
      case .virtualMachine(let vm):
        vms[Self.key(vm.group, vm.name)] = labels.claim(vm.name, in: "vm")
      case .disk(let disk):
        disks[Self.key(disk.group, disk.name)] = labels.claim(disk.name, in: "disk")
      case .diskFromSnapshot(let disk):
        disks[Self.key(disk.group, disk.name)] = labels.claim(disk.name, in: "disk")
      case .storageAccount, .attachment, .snapshot, .securityRule, .shutdownSchedule:
        break
      }
    }
    var blocks = Self.preamble
    for (number, resource) in steps {
      switch resource {
      case .group(let group):
        blocks.append(self.group(group))
      case .virtualMachine(let vm):
        blocks += try virtualMachine(vm, step: number)
      case .storageAccount(let account):
        blocks.append(try storageAccount(account, step: number))
      case .disk(let disk):
        blocks.append(try self.disk(disk, step: number))
      case .attachment(let attachment):
        blocks += try self.attachment(attachment, step: number)
      case .snapshot(let snapshot):
        blocks += try self.snapshot(snapshot, step: number)
      case .diskFromSnapshot(let disk):
        blocks += try self.disk(disk, step: number)
      case .securityRule(let rule):
        blocks.append(securityRule(rule))
      case .shutdownSchedule(let schedule):
        blocks += shutdownSchedule(schedule)
      }
    }
    let header =
      "# Written by azlin from the az commands of a plan; azlin rewrites it on every apply.\n\n"
    return header + blocks.map { $0.render().joined(separator: "\n") }.joined(separator: "\n\n")
      + "\n"
  }

  static func key(_ group: String, _ name: String) -> String {
    group.lowercased() + "|" + name.lowercased()
  }

  static func tags(_ pairs: [(key: String, value: String)]) -> HCLBlock.Entry {
    .attribute("tags", .map(pairs.map { (key: $0.key, value: .string($0.value)) }))
  }

  /// The group's name: a reference when the configuration creates the group.
  func groupName(_ group: String) -> HCLBlock.Value {
    guard let created = groups[group.lowercased()] else { return .string(group) }
    return .expression("azurerm_resource_group.\(created.label).name")
  }

  /// A resource's location: the group's, by reference, when it is the same; else the literal.
  func location(_ location: String?, group: String, step: Int) throws -> HCLBlock.Value {
    func normal(_ text: String) -> String { text.lowercased().filter { $0 != " " } }
    if let created = groups[group.lowercased()],
      location.map({ normal($0) == normal(created.location) }) ?? true
    {
      return .expression("azurerm_resource_group.\(created.label).location")
    }
    guard let location else {
      throw TerraformUnsupported(
        step: step, reason: "it has no --location and the plan does not create group \(group)")
    }
    return .string(location)
  }

  private func group(_ group: TerraformResource.Group) -> HCLBlock {
    let label = groups[group.name.lowercased()]?.label ?? TerraformLabels.sanitize(group.name)
    return HCLBlock(
      "resource", "azurerm_resource_group", label,
      entries: [
        .attribute("name", .string(group.name)),
        .attribute("location", .string(group.location)),
        Self.tags(group.tags),
      ])
  }

  /// The VM with the network az would make for it: a virtual network and subnet, a static
  /// Standard public IP, a security group that lets SSH in, and the NIC joining them.
  private func virtualMachine(_ vm: TerraformResource.VirtualMachine, step: Int) throws
    -> [HCLBlock]
  {
    let label = vms[Self.key(vm.group, vm.name)] ?? TerraformLabels.sanitize(vm.name)
    let group = groupName(vm.group)
    let location = try self.location(vm.location, group: vm.group, step: step)
    let placed: [HCLBlock.Entry] = [
      .attribute("location", location), .attribute("resource_group_name", group),
    ]
    let tags = Self.tags(vm.tags)
    return [
      HCLBlock(
        "resource", "azurerm_virtual_network", label,
        entries: [
          .attribute("name", .string(vm.name + "VNET")),
          .attribute("address_space", .list([.string("10.0.0.0/16")])),
        ] + placed + [tags]),
      HCLBlock(
        "resource", "azurerm_subnet", label,
        entries: [
          .attribute("name", .string(vm.name + "Subnet")),
          .attribute("resource_group_name", group),
          .attribute("virtual_network_name", .expression("azurerm_virtual_network.\(label).name")),
          .attribute("address_prefixes", .list([.string("10.0.0.0/24")])),
        ]),
      HCLBlock(
        "resource", "azurerm_public_ip", label,
        entries: [.attribute("name", .string(vm.name + "PublicIP"))] + placed + [
          .attribute("allocation_method", .string("Static")),
          .attribute("sku", .string("Standard")),
          tags,
        ]),
      HCLBlock(
        "resource", "azurerm_network_security_group", label,
        entries: [.attribute("name", .string(vm.name + "NSG"))] + placed + [
          .block(
            HCLBlock(
              "security_rule",
              entries: [
                .attribute("name", .string("default-allow-ssh")),
                .attribute("priority", .number(1000)),
                .attribute("direction", .string("Inbound")),
                .attribute("access", .string("Allow")),
                .attribute("protocol", .string("Tcp")),
                .attribute("source_port_range", .string("*")),
                .attribute("destination_port_range", .string("22")),
                .attribute("source_address_prefix", .string("*")),
                .attribute("destination_address_prefix", .string("*")),
              ])),
          tags,
        ]),
      HCLBlock(
        "resource", "azurerm_network_interface", label,
        entries: [.attribute("name", .string(vm.name + "VMNic"))] + placed + [
          .block(
            HCLBlock(
              "ip_configuration",
              entries: [
                .attribute("name", .string("ipconfig" + vm.name)),
                .attribute("subnet_id", .expression("azurerm_subnet.\(label).id")),
                .attribute("private_ip_address_allocation", .string("Dynamic")),
                .attribute("public_ip_address_id", .expression("azurerm_public_ip.\(label).id")),
              ])),
          tags,
        ]),
      HCLBlock(
        "resource", "azurerm_network_interface_security_group_association", label,
        entries: [
          .attribute(
            "network_interface_id", .expression("azurerm_network_interface.\(label).id")),
          .attribute(
            "network_security_group_id",
            .expression("azurerm_network_security_group.\(label).id")),
        ]),
      HCLBlock(
        "resource", "azurerm_linux_virtual_machine", label,
        entries: [.attribute("name", .string(vm.name))] + placed + [
          .attribute("size", .string(vm.size)),
          .attribute("admin_username", .string(vm.adminUsername)),
          .attribute(
            "network_interface_ids",
            .list([.expression("azurerm_network_interface.\(label).id")])),
          .block(
            HCLBlock(
              "admin_ssh_key",
              entries: [
                .attribute("username", .string(vm.adminUsername)),
                .attribute("public_key", .expression("file(\"~/.ssh/id_rsa.pub\")")),
              ])),
          .block(
            HCLBlock(
              "os_disk",
              entries: [
                .attribute("caching", .string("ReadWrite")),
                .attribute("storage_account_type", .string("Premium_LRS")),
              ])),
          .block(
            HCLBlock(
              "source_image_reference",
              entries: [
                .attribute("publisher", .string(vm.image.publisher)),
                .attribute("offer", .string(vm.image.offer)),
                .attribute("sku", .string(vm.image.sku)),
                .attribute("version", .string(vm.image.version)),
              ])),
          tags,
        ]),
    ]
  }

  private mutating func storageAccount(_ account: TerraformResource.StorageAccount, step: Int)
    throws -> HCLBlock
  {
    HCLBlock(
      "resource", "azurerm_storage_account", labels.claim(account.name, in: "storage"),
      entries: [
        .attribute("name", .string(account.name)),
        .attribute("resource_group_name", groupName(account.group)),
        .attribute("location", try location(account.location, group: account.group, step: step)),
        .attribute("account_tier", .string(account.tier)),
        .attribute("account_replication_type", .string(account.replication)),
        .attribute("account_kind", .string(account.kind)),
        Self.tags(account.tags),
      ])
  }

  private func disk(_ disk: TerraformResource.Disk, step: Int) throws -> HCLBlock {
    HCLBlock(
      "resource", "azurerm_managed_disk",
      disks[Self.key(disk.group, disk.name)] ?? TerraformLabels.sanitize(disk.name),
      entries: [
        .attribute("name", .string(disk.name)),
        .attribute("location", try location(disk.location, group: disk.group, step: step)),
        .attribute("resource_group_name", groupName(disk.group)),
        .attribute("storage_account_type", .string(disk.sku)),
        .attribute("create_option", .string("Empty")),
        .attribute("disk_size_gb", .number(disk.sizeGB)),
        Self.tags(disk.tags),
      ])
  }

  /// The ID of disk `name`: the plan's own disk by reference, an existing one read with a
  /// `data "azurerm_managed_disk"` block (appended to `blocks`).
  mutating func diskReference(_ name: String, group: String, blocks: inout [HCLBlock]) -> String {
    if let disk = disks[Self.key(group, name)] { return "azurerm_managed_disk.\(disk).id" }
    let label = labels.claim(name, in: "data_disk")
    blocks.append(
      HCLBlock(
        "data", "azurerm_managed_disk", label,
        entries: [
          .attribute("name", .string(name)),
          .attribute("resource_group_name", groupName(group)),
        ]))
    return "data.azurerm_managed_disk.\(label).id"
  }

  /// The attachment at the VM's next LUN; a disk the plan does not create is read with a
  /// `data` block. The VM must be the plan's own: an existing VM's free LUNs are not known.
  private mutating func attachment(_ attachment: TerraformResource.Attachment, step: Int) throws
    -> [HCLBlock]
  {
    guard let vm = vms[Self.key(attachment.group, attachment.vm)] else {
      throw TerraformUnsupported(
        step: step,
        reason: "VM \(attachment.vm) is not created by the plan, so its free LUNs are not known")
    }
    var blocks: [HCLBlock] = []
    let diskID = diskReference(attachment.disk, group: attachment.group, blocks: &blocks)
    let lun = nextLUN[vm, default: 0]
    nextLUN[vm] = lun + 1
    let label = labels.claim(vm + "_" + TerraformLabels.sanitize(attachment.disk), in: "attachment")
    blocks.append(
      HCLBlock(
        "resource", "azurerm_virtual_machine_data_disk_attachment", label,
        entries: [
          .attribute("managed_disk_id", .expression(diskID)),
          .attribute("virtual_machine_id", .expression("azurerm_linux_virtual_machine.\(vm).id")),
          .attribute("lun", .number(lun)),
          .attribute("caching", .string("ReadWrite")),
        ]))
    return blocks
  }
}
