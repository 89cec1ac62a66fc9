import AzlinAzure
import Foundation

extension SimulatorCommandSpec {
  /// Every command the simulator models, with the arguments az accepts for it.
  ///
  /// Arguments that only tune something the simulator does not model (NSG rules, identities,
  /// zones…) are accepted and have no effect, as az would accept them.
  static let all: [SimulatorCommandSpec] =
    groupCommands + vmCommands + diskCommands + storageCommands
    + networkCommands + securityCommands + updateCommands + accountCommands
    + guestCommands + snapshotCommands

  /// The name options of `az group`: `--name --resource-group -n -g` are one argument.
  private static func groupName(required: Bool = true) -> SimulatorOption {
    SimulatorOption(
      ["--name", "--resource-group", "-n", "-g"], required: required, idPart: true,
      help: "Name of resource group.")
  }

  private static let groupCommands: [SimulatorCommandSpec] = [
    SimulatorCommandSpec(
      words: ["group", "create"], summary: "Create a new resource group.",
      options: [
        groupName(), .location(required: true), .tags,
        SimulatorOption(
          ["--managed-by"], help: "The ID of the resource that manages this resource group."),
      ], isMutating: true),
    SimulatorCommandSpec(
      words: ["group", "show"], summary: "Gets a resource group.", options: [groupName()],
      isMutating: false),
    SimulatorCommandSpec(
      words: ["group", "list"], summary: "List resource groups.",
      options: [SimulatorOption(["--tag"], help: "A single tag in 'key[=value]' format.")],
      isMutating: false),
    SimulatorCommandSpec(
      words: ["group", "delete"], summary: "Delete a resource group.",
      options: [
        groupName(), .yes, .noWait,
        SimulatorOption(
          ["--force-deletion-types", "-f"],
          choices: [
            "Microsoft.Compute/virtualMachines", "Microsoft.Compute/virtualMachineScaleSets",
            "Microsoft.Databricks/workspaces",
          ], help: "The resource types you want to force delete."),
      ], isMutating: true),
    SimulatorCommandSpec(
      words: ["group", "exists"], summary: "Check if a resource group exists.",
      options: [groupName()], isMutating: false),
  ]

  private static let vmName = SimulatorOption.name("The name of the Virtual Machine.")
  private static let storageSkus = [
    "Premium_LRS", "Premium_ZRS", "PremiumV2_LRS", "StandardSSD_LRS", "StandardSSD_ZRS",
    "Standard_LRS",
    "UltraSSD_LRS",
  ]

  private static func vmOperation(_ verb: String, _ summary: String, extra: [SimulatorOption] = [])
    -> SimulatorCommandSpec
  {
    SimulatorCommandSpec(
      words: ["vm", verb], summary: summary, options: [.group(), vmName, .ids, .noWait] + extra,
      isMutating: true)
  }

  private static let vmCommands: [SimulatorCommandSpec] = [
    SimulatorCommandSpec(
      words: ["vm", "create"], summary: "Create an Azure Virtual Machine.",
      options: [
        .group(idPart: false), .name("Name of the virtual machine.", idPart: false), .location(),
        SimulatorOption(
          ["--image"], help: "The name of the operating system image as a URN alias or URN."),
        SimulatorOption(["--size"], help: "The VM size to be created. Default: Standard_DS1_v2."),
        SimulatorOption(["--admin-username"], help: "Username for the VM. Default: azureuser."),
        SimulatorOption(
          ["--admin-password"], help: "Password for the VM if authentication type is 'Password'."),
        SimulatorOption(
          ["--authentication-type"], choices: ["all", "password", "ssh"],
          help: "Type of authentication to use with the VM."),
        SimulatorOption(
          ["--generate-ssh-keys"], .flag,
          help: "Generate SSH public and private key files if missing."),
        SimulatorOption(
          ["--ssh-key-values", "--ssh-key-value"], .many,
          help: "Space-separated list of SSH public keys or public key file paths."),
        SimulatorOption(
          ["--ssh-dest-key-path"], help: "Destination file path on the VM for the SSH key."),
        SimulatorOption(["--computer-name"], help: "The host OS name of the virtual machine."),
        .tags, .noWait,
        SimulatorOption(
          ["--data-disk-sizes-gb"], .many, integer: true,
          help: "Space-separated empty managed data disk sizes in GB to create."),
        SimulatorOption(
          ["--storage-sku"], .many, help: "The SKU of the storage account with which to persist VM."
        ),
        SimulatorOption(
          ["--os-disk-size-gb"], integer: true, help: "OS disk size in GB to create."),
        SimulatorOption(["--os-disk-name"], help: "The name of the new VM OS disk."),
        SimulatorOption(
          ["--os-disk-caching"], choices: ["None", "ReadOnly", "ReadWrite"],
          help: "Storage caching type for the VM OS disk."),
        SimulatorOption(
          ["--os-disk-delete-option"], choices: ["Delete", "Detach"],
          help: "Specify the behavior of the managed disk when the VM gets deleted."),
        SimulatorOption(
          ["--data-disk-delete-option"], .many,
          help: "Specify whether data disk should be deleted or detached upon VM deletion."),
        SimulatorOption(
          ["--nic-delete-option"], .many,
          help: "Specify what happens to the network interface when the VM is deleted."),
        SimulatorOption(
          ["--vnet-name"],
          help:
            "Name of the virtual network when creating a new one or referencing an existing one."),
        SimulatorOption(
          ["--subnet"],
          help: "The name of the subnet when creating a new VNet or referencing an existing one."),
        SimulatorOption(
          ["--vnet-address-prefix"],
          help: "The IP address prefix to use when creating a new VNet in CIDR format."),
        SimulatorOption(
          ["--subnet-address-prefix"],
          help: "The subnet IP address prefix to use when creating a new VNet in CIDR format."),
        SimulatorOption(
          ["--public-ip-address"],
          help:
            "Name of the public IP address when creating one (default) or referencing an existing one; \"\" for none."
        ),
        SimulatorOption(
          ["--public-ip-address-dns-name"],
          help: "Globally unique DNS name for a newly created public IP."),
        SimulatorOption(
          ["--public-ip-address-allocation"], choices: ["dynamic", "static"],
          help: "The public IP address allocation method."),
        SimulatorOption(
          ["--public-ip-sku"], choices: ["Basic", "Standard"], help: "Public IP SKU."),
        SimulatorOption(
          ["--nsg"],
          help:
            "The name to use when creating a new Network Security Group (default) or referencing an existing one."
        ),
        SimulatorOption(
          ["--nsg-rule"], choices: ["NONE", "RDP", "SSH"],
          help: "NSG rule to create when creating a new NSG."),
        SimulatorOption(
          ["--custom-data"],
          help: "Custom init script file or text (cloud-init, cloud-config, etc.)."),
        SimulatorOption(["--user-data"], help: "UserData for the VM."),
        SimulatorOption(["--priority"], choices: ["Low", "Regular", "Spot"], help: "Priority."),
        SimulatorOption(
          ["--zone", "-z"], choices: ["1", "2", "3"],
          help: "Availability zone into which to provision the resource."),
        SimulatorOption(
          ["--accelerated-networking"], choices: ["false", "true"],
          help: "Enable accelerated networking."),
        SimulatorOption(
          ["--assign-identity"], .any,
          help: "Accept system or user assigned identities separated by spaces."),
        SimulatorOption(
          ["--security-type"], choices: ["ConfidentialVM", "Standard", "TrustedLaunch"],
          help: "Specify the security type of the virtual machine."),
        SimulatorOption(
          ["--enable-secure-boot"], choices: ["false", "true"], help: "Enable secure boot."),
        SimulatorOption(["--enable-vtpm"], choices: ["false", "true"], help: "Enable vTPM."),
      ], isMutating: true),
    SimulatorCommandSpec(
      words: ["vm", "show"], summary: "Get the details of a VM.",
      options: [
        .group(), vmName, .ids,
        SimulatorOption(
          ["--show-details", "-d"], .flag, help: "Show public ip address, FQDN, and power states."),
        SimulatorOption(
          ["--include-user-data", "-u"], .flag,
          help: "Include the user data properties in the query result."),
      ], isMutating: false),
    SimulatorCommandSpec(
      words: ["vm", "list"], summary: "List details of Virtual Machines.",
      options: [
        .group(required: false, idPart: false),
        SimulatorOption(
          ["--show-details", "-d"], .flag, help: "Show public ip address, FQDN, and power states."),
        SimulatorOption(["--vmss"], help: "List VM instances in a specific VMSS."),
      ], isMutating: false),
    SimulatorCommandSpec(
      words: ["vm", "delete"], summary: "Delete a VM.",
      options: [
        .group(), vmName, .ids, .yes, .noWait,
        SimulatorOption(
          ["--force-deletion"], choices: ["false", "true"],
          help: "Optional parameter to force delete virtual machines."),
      ], isMutating: true),
    vmOperation("start", "Start a stopped VM."),
    vmOperation(
      "stop", "Power off (stop) a running VM.",
      extra: [
        SimulatorOption(
          ["--skip-shutdown"], .flag, help: "Skip shutdown and power-off immediately.")
      ]),
    vmOperation(
      "deallocate",
      "Deallocate a VM so that computing resources are no longer allocated (charges no longer apply).",
      extra: [
        SimulatorOption(
          ["--hibernate"], choices: ["false", "true"],
          help: "Optional parameter to hibernate a virtual machine.")
      ]),
    vmOperation(
      "restart", "Restart VMs.",
      extra: [
        SimulatorOption(["--force"], .flag, help: "Force the VM to restart by redeploying it.")
      ]),
    vmOperation(
      "resize", "Update a VM's size.",
      extra: [SimulatorOption(["--size"], required: true, help: "The VM size.")]),
    SimulatorCommandSpec(
      words: ["vm", "list-sizes"], summary: "List available sizes for VMs.",
      options: [.location(required: true)], isMutating: false),
    SimulatorCommandSpec(
      words: ["vm", "list-usage"], summary: "List available usage resources for VMs.",
      options: [.location(required: true)], isMutating: false),
    SimulatorCommandSpec(
      words: ["vm", "disk", "attach"], summary: "Attach a managed persistent disk to a VM.",
      options: [
        .group(),
        SimulatorOption(
          ["--vm-name"], required: true, idPart: true, help: "The name of the Virtual Machine."),
        .ids,
        SimulatorOption(["--name", "-n", "--disk"], help: "The name or ID of the managed disk."),
        SimulatorOption(
          ["--disks"], .many,
          help: "One or more names or IDs of the managed disk (space-delimited)."),
        SimulatorOption(["--new"], .flag, help: "Create a new disk."),
        SimulatorOption(
          ["--size-gb", "-z"], integer: true,
          help: "Size in GB. Max size: 4095 GB (certain preview disks can be larger)."),
        SimulatorOption(["--sku"], choices: storageSkus, help: "Underlying storage SKU."),
        SimulatorOption(["--lun"], integer: true, help: "0-based logical unit number (LUN)."),
        SimulatorOption(
          ["--caching"], choices: ["None", "ReadOnly", "ReadWrite"], help: "Disk caching policy."),
        SimulatorOption(["--enable-write-accelerator"], .flag, help: "Enable write accelerator."),
      ], isMutating: true),
    SimulatorCommandSpec(
      words: ["vm", "disk", "detach"], summary: "Detach a managed disk from a VM.",
      options: [
        .group(),
        SimulatorOption(
          ["--vm-name"], required: true, idPart: true, help: "The name of the Virtual Machine."),
        .ids,
        SimulatorOption(["--name", "-n"], required: true, help: "The data disk name."),
        SimulatorOption(
          ["--force-detach"], .flag, help: "Force detach managed data disks from a VM."),
      ], isMutating: true),
  ]

  private static let diskCommands: [SimulatorCommandSpec] = [
    SimulatorCommandSpec(
      words: ["disk", "create"], summary: "Create a managed disk.",
      options: [
        .group(idPart: false), .name("The name of the managed disk.", idPart: false), .location(),
        SimulatorOption(
          ["--size-gb", "-z"], integer: true,
          help: "Size in GB. Max size: 4095 GB (certain preview disks can be larger)."),
        SimulatorOption(["--sku"], choices: storageSkus, help: "Underlying storage SKU."),
        SimulatorOption(["--source"], help: "Source to create the disk from."),
        SimulatorOption(
          ["--os-type"], choices: ["Linux", "Windows"],
          help: "The Operating System type of the Disk."),
        SimulatorOption(
          ["--zone"], choices: ["1", "2", "3"],
          help: "Availability zone into which to provision the resource."),
        .tags, .noWait,
      ], isMutating: true),
    SimulatorCommandSpec(
      words: ["disk", "show"], summary: "Get information about a disk.",
      options: [.group(), .name("The name of the managed disk."), .ids], isMutating: false),
    SimulatorCommandSpec(
      words: ["disk", "list"], summary: "List managed disks.",
      options: [.group(required: false, idPart: false)], isMutating: false),
    SimulatorCommandSpec(
      words: ["disk", "delete"], summary: "Delete a managed disk.",
      options: [.group(), .name("The name of the managed disk."), .ids, .yes, .noWait],
      isMutating: true),
  ]

  private static let storageCommands: [SimulatorCommandSpec] = [
    SimulatorCommandSpec(
      words: ["storage", "account", "create"], summary: "Create a storage account.",
      options: [
        .group(idPart: false), .name("The storage account name.", idPart: false), .location(),
        SimulatorOption(
          ["--sku"],
          choices: [
            "Premium_LRS", "Premium_ZRS", "Standard_GRS", "Standard_GZRS", "Standard_LRS",
            "Standard_RAGRS",
            "Standard_RAGZRS", "Standard_ZRS",
          ], help: "The storage account SKU. Default: Standard_RAGRS."),
        SimulatorOption(
          ["--kind"],
          choices: ["BlobStorage", "BlockBlobStorage", "FileStorage", "Storage", "StorageV2"],
          help: "Indicate the type of storage account. Default: StorageV2."),
        SimulatorOption(
          ["--access-tier"], choices: ["Cold", "Cool", "Hot", "Premium"],
          help: "The access tier used for billing StandardBlob accounts."),
        SimulatorOption(
          ["--https-only"], choices: ["false", "true"],
          help: "Allow https traffic only to storage service if set to true."),
        SimulatorOption(
          ["--min-tls-version"], choices: ["TLS1_0", "TLS1_1", "TLS1_2", "TLS1_3"],
          help: "The minimum TLS version to be permitted on requests to storage."),
        SimulatorOption(
          ["--allow-blob-public-access"], choices: ["false", "true"],
          help: "Allow or disallow public access to all blobs or containers in the storage account."
        ),
        .tags,
      ], isMutating: true),
    SimulatorCommandSpec(
      words: ["storage", "account", "show"], summary: "Show storage account properties.",
      options: [.group(required: false), .name("The storage account name."), .ids],
      isMutating: false),
    SimulatorCommandSpec(
      words: ["storage", "account", "list"], summary: "List storage accounts.",
      options: [.group(required: false, idPart: false)], isMutating: false),
    SimulatorCommandSpec(
      words: ["storage", "account", "delete"], summary: "Delete a storage account.",
      options: [.group(required: false), .name("The storage account name."), .ids, .yes],
      isMutating: true),
    SimulatorCommandSpec(
      words: ["storage", "account", "check-name"],
      summary: "Check that the storage account name is valid and is not already in use.",
      options: [.name("The storage account name.", idPart: false)], isMutating: false),
  ]

  private static let networkCommands: [SimulatorCommandSpec] = [
    SimulatorCommandSpec(
      words: ["network", "vnet", "create"], summary: "Create a virtual network.",
      options: [
        .group(idPart: false), .name("The virtual network (VNet) name.", idPart: false),
        .location(),
        SimulatorOption(
          ["--address-prefixes", "--address-prefix"], .many,
          help: "Space-separated list of IP address prefixes for the VNet. Default: 10.0.0.0/16."),
        SimulatorOption(["--subnet-name"], help: "Name of a new subnet to create within the VNet."),
        SimulatorOption(
          ["--subnet-prefixes", "--subnet-prefix"], .many,
          help: "Space-separated list of address prefixes in CIDR format for the new subnet."),
        .tags,
      ], isMutating: true),
    SimulatorCommandSpec(
      words: ["network", "vnet", "show"], summary: "Get the details of a virtual network.",
      options: [.group(), .name("The virtual network (VNet) name."), .ids], isMutating: false),
    SimulatorCommandSpec(
      words: ["network", "vnet", "list"], summary: "List virtual networks.",
      options: [.group(required: false, idPart: false)], isMutating: false),
    SimulatorCommandSpec(
      words: ["network", "vnet", "delete"], summary: "Delete a virtual network.",
      options: [.group(), .name("The virtual network (VNet) name."), .ids, .noWait],
      isMutating: true),
  ]

  private static let nsgName = SimulatorOption(
    ["--nsg-name"], required: true, help: "Name of the network security group.")

  private static let securityCommands: [SimulatorCommandSpec] = [
    SimulatorCommandSpec(
      words: ["network", "nsg", "list"], summary: "List network security groups.",
      options: [.group(required: false, idPart: false)], isMutating: false),
    SimulatorCommandSpec(
      words: ["network", "nsg", "show"], summary: "Get information about a network security group.",
      options: [
        .group(idPart: false), .name("Name of the network security group.", idPart: false),
      ],
      isMutating: false),
    SimulatorCommandSpec(
      words: ["network", "nsg", "rule", "create"], summary: "Create a network security group rule.",
      options: [
        .group(idPart: false), nsgName,
        .name("Name of the network security group rule.", idPart: false),
        SimulatorOption(
          ["--priority"], required: true, integer: true,
          help: "Rule priority, between 100 (highest priority) and 4096 (lowest priority)."),
        SimulatorOption(
          ["--direction"], choices: ["Inbound", "Outbound"],
          help: "Direction of traffic. Default: Inbound."),
        SimulatorOption(["--access"], choices: ["Allow", "Deny"], help: "Default: Allow."),
        SimulatorOption(
          ["--protocol"], choices: ["*", "Ah", "Esp", "Icmp", "Tcp", "Udp"],
          help: "Network protocol this rule applies to. Default: *."),
        SimulatorOption(
          ["--destination-port-ranges"], .many,
          help:
            "Space-separated list of ports or port ranges between 0-65535. Use '*' to match all ports."
        ),
        SimulatorOption(
          ["--source-address-prefixes"], .many,
          help: "Space-separated list of CIDR prefixes or IP ranges, or '*'."),
        SimulatorOption(["--description"], help: "Rule description."),
      ], isMutating: true),
    SimulatorCommandSpec(
      words: ["network", "nsg", "rule", "delete"], summary: "Delete a network security group rule.",
      options: [
        .group(idPart: false), nsgName,
        .name("Name of the network security group rule.", idPart: false),
      ],
      isMutating: true),
    SimulatorCommandSpec(
      words: ["network", "nsg", "rule", "list"],
      summary: "List all rules in a network security group.",
      options: [.group(idPart: false), nsgName], isMutating: false),
    SimulatorCommandSpec(
      words: ["vm", "auto-shutdown"], summary: "Manage auto-shutdown for virtual machine.",
      options: [
        .group(idPart: false), .name("The name of the virtual machine.", idPart: false),
        SimulatorOption(
          ["--time"], help: "The UTC time of day the schedule will occur every day. Format: hhmm."),
        SimulatorOption(["--off"], .flag, help: "Turn off auto-shutdown for VM."),
        SimulatorOption(["--location", "-l"], help: "Location."),
      ], isMutating: true),
  ]

  /// The generic `--set`/`--remove` of `az … update`; the simulator models `tags.KEY` only.
  private static let updateOptions = [
    SimulatorOption(
      ["--set"], .many, help: "Update an object by specifying a property path and value to set."),
    SimulatorOption(["--remove"], .many, help: "Remove a property or an element from a list."),
  ]

  private static let updateCommands: [SimulatorCommandSpec] = [
    SimulatorCommandSpec(
      words: ["vm", "update"], summary: "Update the properties of a VM.",
      options: [.group(idPart: false), .name("The name of the Virtual Machine.", idPart: false)]
        + updateOptions, isMutating: true),
    SimulatorCommandSpec(
      words: ["group", "update"], summary: "Update a resource group.",
      options: [groupName(), .tags] + updateOptions, isMutating: true),
    SimulatorCommandSpec(
      words: ["disk", "update"], summary: "Update a managed disk.",
      options: [.group(idPart: false), .name("The name of the managed disk.", idPart: false)]
        + updateOptions, isMutating: true),
    SimulatorCommandSpec(
      words: ["storage", "account", "update"],
      summary: "Update the properties of a storage account.",
      options: [
        .group(required: false, idPart: false), .name("The storage account name.", idPart: false),
      ]
        + updateOptions, isMutating: true),
  ]

  private static let accountCommands: [SimulatorCommandSpec] = [
    SimulatorCommandSpec(
      words: ["account", "show"], summary: "Get the details of a subscription.",
      options: [SimulatorOption(["--name", "-n"], help: "Name or ID of subscription.")],
      isMutating: false)
  ]
}
