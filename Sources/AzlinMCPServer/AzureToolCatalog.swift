import MCP

/// The tools the simulator servers offer, named as Azure's own MCP server names them
/// (`azmcp_<area>_<resource>_<op>`), and the mapping from a call to an az command line.
public struct AzureToolCatalog: Sendable {
  /// The tools, in the order `tools/list` gives them.
  public var tools: [AzureTool]

  public init(tools: [AzureTool]) { self.tools = tools }

  /// The tool named `name`, if the catalogue has one.
  public func tool(named name: String) -> AzureTool? { tools.first { $0.name == name } }

  /// The az arguments (without the leading `az`) that calling `name` with `arguments` runs.
  /// - Throws: `AzureToolCallError` for an unknown tool, or arguments the tool does not take.
  public func argv(tool name: String, arguments: [String: Value]?) throws(AzureToolCallError)
    -> [String]
  {
    guard let tool = tool(named: name) else { throw .unknownTool(name) }
    return try tool.argv(for: arguments ?? [:])
  }

  /// Every tool: groups, VMs, disks, storage accounts, disk snapshots and the az pass-through.
  public static let azure = AzureToolCatalog(
    tools: groupTools + vmTools + diskTools + storageTools + devVMTools + guestTools
      + snapshotTools
      + [extensionTool])

  // MARK: Properties

  private typealias Property = AzureToolProperty

  private static func group(required: Bool = true) -> Property {
    Property("resource-group", required: required, description: "Name of the resource group.")
  }

  private static func name(_ description: String) -> Property {
    Property("name", required: true, description: description)
  }

  private static let location = Property(
    "location", description: "Location, such as eastus. Defaults to the resource group's.")
  private static let tags = Property(
    "tags", .words, description: "Space-separated tags: key[=value] [key[=value] ...].")
  private static let yes = Property(
    "yes", .boolean, flag: "--yes", description: "Do not prompt for confirmation.")
  private static let details = Property(
    "details", .boolean, flag: "-d", description: "Show public IP address, FQDN and power state.")
  private static let vmName = name("The name of the virtual machine.")

  // MARK: Tools

  private static let groupTools: [AzureTool] = [
    AzureTool(
      "azmcp_group_create", "Create a resource group (az group create).",
      words: ["group", "create"],
      properties: [
        name("Name of the new resource group."),
        Property("location", required: true, description: "Location, such as eastus."), tags,
      ]),
    AzureTool(
      "azmcp_group_delete", "Delete a resource group and everything in it (az group delete).",
      words: ["group", "delete"], properties: [name("Name of the resource group."), yes],
      destructive: true),
    AzureTool(
      "azmcp_group_list", "List resource groups (az group list).", words: ["group", "list"],
      properties: [], readOnly: true),
    AzureTool(
      "azmcp_group_show", "Get a resource group (az group show).", words: ["group", "show"],
      properties: [name("Name of the resource group.")], readOnly: true),
  ]

  private static func vmOperation(_ verb: String, _ summary: String, extra: [Property] = [])
    -> AzureTool
  {
    AzureTool(
      "azmcp_compute_vm_\(verb)", "\(summary) (az vm \(verb)).", words: ["vm", verb],
      properties: [group(), vmName] + extra)
  }

  private static let vmTools: [AzureTool] = [
    AzureTool(
      "azmcp_compute_vm_create", "Create a virtual machine (az vm create).",
      words: ["vm", "create"],
      properties: [
        group(), vmName,
        Property(
          "image", required: true, description: "The OS image: a URN alias such as Ubuntu2204."),
        location,
        Property("size", description: "The VM size, such as Standard_B2s."),
        Property("admin-username", description: "Username for the VM. Default: azureuser."),
        Property(
          "generate-ssh-keys", .boolean,
          description: "Generate SSH public and private key files if missing."),
        Property(
          "os-disk-delete-option",
          description: "What happens to the OS disk when the VM is deleted: Delete or Detach."),
        Property(
          "nic-delete-option",
          description: "What happens to the network interface when the VM is deleted."),
        tags,
      ]),
    AzureTool(
      "azmcp_compute_vm_delete", "Delete a virtual machine (az vm delete).",
      words: ["vm", "delete"], properties: [group(), vmName, yes], destructive: true),
    vmOperation("start", "Start a stopped virtual machine"),
    vmOperation("stop", "Power off (stop) a running virtual machine"),
    vmOperation("deallocate", "Deallocate a virtual machine so that compute charges stop"),
    vmOperation("restart", "Restart a virtual machine"),
    vmOperation(
      "resize", "Change a virtual machine's size",
      extra: [Property("size", required: true, description: "The new VM size.")]),
    AzureTool(
      "azmcp_compute_vm_show", "Get the details of a virtual machine (az vm show).",
      words: ["vm", "show"], properties: [group(), vmName, details], readOnly: true),
    AzureTool(
      "azmcp_compute_vm_list", "List virtual machines (az vm list).", words: ["vm", "list"],
      properties: [group(required: false), details], readOnly: true),
  ]

  private static let diskTools: [AzureTool] = [
    AzureTool(
      "azmcp_compute_disk_create", "Create a managed disk (az disk create).",
      words: ["disk", "create"],
      properties: [
        group(), name("The name of the managed disk."), location,
        Property(
          "size-gb", .integer, description: "Size in GB; required unless source is given."),
        Property("sku", description: "Storage SKU, such as Premium_LRS."), tags,
        Property(
          "source",
          description:
            "A snapshot or managed disk (name in the group, or ID) to copy the disk from."
        ),
      ]),
    AzureTool(
      "azmcp_compute_disk_delete", "Delete a managed disk (az disk delete).",
      words: ["disk", "delete"], properties: [group(), name("The name of the managed disk."), yes],
      destructive: true),
    AzureTool(
      "azmcp_compute_vm_disk_attach",
      "Attach a managed disk to a virtual machine (az vm disk attach).",
      words: ["vm", "disk", "attach"],
      properties: [
        group(),
        Property("vm-name", required: true, description: "The name of the virtual machine."),
        name("The name of the managed disk."),
      ]),
    AzureTool(
      "azmcp_compute_vm_disk_detach",
      "Detach a managed disk from a virtual machine (az vm disk detach).",
      words: ["vm", "disk", "detach"],
      properties: [
        group(),
        Property("vm-name", required: true, description: "The name of the virtual machine."),
        name("The name of the data disk."),
      ]),
  ]

  private static let storageTools: [AzureTool] = [
    AzureTool(
      "azmcp_storage_account_create", "Create a storage account (az storage account create).",
      words: ["storage", "account", "create"],
      properties: [
        name("The storage account name: 3-24 lowercase letters and digits."), group(), location,
        Property("sku", description: "The SKU, such as Standard_LRS."),
        Property("kind", description: "The kind of account, such as StorageV2."), tags,
      ]),
    AzureTool(
      "azmcp_storage_account_delete", "Delete a storage account (az storage account delete).",
      words: ["storage", "account", "delete"],
      properties: [name("The storage account name."), group(), yes], destructive: true),
    AzureTool(
      "azmcp_storage_account_show", "Show a storage account (az storage account show).",
      words: ["storage", "account", "show"],
      properties: [name("The storage account name."), group(required: false)], readOnly: true),
  ]

  private static let nsgName = Property(
    "nsg-name", required: true, description: "Name of the network security group.")
  private static let setTags = Property(
    "set", .words, description: "Properties to set, such as tags.env=dev.")
  private static let removeTags = Property(
    "remove", .words, description: "Properties to remove, such as tags.env.")

  /// Security rules, auto-shutdown and tags: what a development VM needs after it is made.
  private static let devVMTools: [AzureTool] = [
    AzureTool(
      "azmcp_network_nsg_rule_create",
      "Create a network security group rule (az network nsg rule create).",
      words: ["network", "nsg", "rule", "create"],
      properties: [
        group(), nsgName, name("Name of the rule."),
        Property("priority", .integer, required: true, description: "100 to 4096; lower first."),
        Property("direction", description: "Inbound or Outbound."),
        Property("access", description: "Allow or Deny."),
        Property("protocol", description: "Tcp, Udp, Icmp or *."),
        Property(
          "destination-port-ranges", .words, description: "Ports or ranges, such as 8080 8000-8100."
        ),
        Property(
          "source-address-prefixes", .words, description: "CIDR prefixes or IP addresses, or *."),
      ]),
    AzureTool(
      "azmcp_network_nsg_rule_delete",
      "Delete a network security group rule (az network nsg rule delete).",
      words: ["network", "nsg", "rule", "delete"],
      properties: [group(), nsgName, name("Name of the rule.")], destructive: true),
    AzureTool(
      "azmcp_network_nsg_list",
      "List network security groups with their rules (az network nsg list).",
      words: ["network", "nsg", "list"], properties: [group(required: false)], readOnly: true),
    AzureTool(
      "azmcp_compute_vm_auto_shutdown",
      "Set or turn off a virtual machine's daily auto-shutdown (az vm auto-shutdown).",
      words: ["vm", "auto-shutdown"],
      properties: [
        group(), vmName,
        Property("time", description: "The UTC time of day, hhmm, such as 1900."),
        Property("off", .boolean, flag: "--off", description: "Turn auto-shutdown off."),
      ]),
    AzureTool(
      "azmcp_compute_vm_update", "Update a virtual machine's tags (az vm update).",
      words: ["vm", "update"], properties: [group(), vmName, setTags, removeTags]),
    AzureTool(
      "azmcp_group_update", "Update a resource group's tags (az group update).",
      words: ["group", "update"],
      properties: [name("Name of the resource group."), tags, setTags, removeTags]),
    AzureTool(
      "azmcp_compute_disk_update", "Update a managed disk's tags (az disk update).",
      words: ["disk", "update"],
      properties: [group(), name("The name of the managed disk."), setTags, removeTags]),
    AzureTool(
      "azmcp_storage_account_update",
      "Update a storage account's tags (az storage account update).",
      words: ["storage", "account", "update"],
      properties: [name("The storage account name."), group(), setTags, removeTags]),
  ]

  private static let extensionTool = AzureTool(
    "azmcp_extension_az",
    "Run any Azure CLI command. Give the command line without the leading az, such as "
      + "'vm disk attach --resource-group rg --vm-name sam --name d1'; it is split with "
      + "shell-like quoting, never run by a shell.",
    words: [],
    properties: [
      Property(
        "command", .commandLine, required: true,
        description: "The az command line without the leading az.")
    ],
    destructive: true)
}
