import AzlinMCPServer
import MCP
import Testing

@Suite("Azure tool catalogue")
struct AzureToolCatalogTests {
  private let catalog = AzureToolCatalog.azure

  @Test(
    "each tool call becomes exactly this az argv",
    arguments: [
      (
        "azmcp_group_create", ["name": "rg", "location": "eastus"],
        "group create --name rg --location eastus"
      ),
      (
        "azmcp_group_create", ["tags": "env=dev team=web", "location": "westus", "name": "rg"],
        "group create --name rg --location westus --tags env=dev team=web"
      ),
      ("azmcp_group_delete", ["name": "rg", "yes": true], "group delete --name rg --yes"),
      ("azmcp_group_delete", ["name": "rg", "yes": false], "group delete --name rg"),
      ("azmcp_group_list", [:], "group list"),
      ("azmcp_group_show", ["name": "rg"], "group show --name rg"),
      (
        "azmcp_compute_vm_create",
        [
          "tags": "env=dev", "nic-delete-option": "Delete", "os-disk-delete-option": "Delete",
          "generate-ssh-keys": true, "admin-username": "azureuser", "size": "Standard_B2s",
          "location": "eastus", "image": "Ubuntu2204", "name": "sam", "resource-group": "rg",
        ],
        "vm create --resource-group rg --name sam --image Ubuntu2204 --location eastus "
          + "--size Standard_B2s --admin-username azureuser --generate-ssh-keys "
          + "--os-disk-delete-option Delete --nic-delete-option Delete --tags env=dev"
      ),
      (
        "azmcp_compute_vm_create", ["resource-group": "rg", "name": "sam", "image": "Ubuntu2204"],
        "vm create --resource-group rg --name sam --image Ubuntu2204"
      ),
      (
        "azmcp_compute_vm_delete", ["resource-group": "rg", "name": "sam", "yes": true],
        "vm delete --resource-group rg --name sam --yes"
      ),
      (
        "azmcp_compute_vm_start", ["resource-group": "rg", "name": "sam"],
        "vm start --resource-group rg --name sam"
      ),
      (
        "azmcp_compute_vm_stop", ["resource-group": "rg", "name": "sam"],
        "vm stop --resource-group rg --name sam"
      ),
      (
        "azmcp_compute_vm_deallocate", ["resource-group": "rg", "name": "sam"],
        "vm deallocate --resource-group rg --name sam"
      ),
      (
        "azmcp_compute_vm_restart", ["resource-group": "rg", "name": "sam"],
        "vm restart --resource-group rg --name sam"
      ),
      (
        "azmcp_compute_vm_resize",
        ["resource-group": "rg", "name": "sam", "size": "Standard_D2s_v3"],
        "vm resize --resource-group rg --name sam --size Standard_D2s_v3"
      ),
      (
        "azmcp_compute_vm_show", ["resource-group": "rg", "name": "sam", "details": true],
        "vm show --resource-group rg --name sam -d"
      ),
      ("azmcp_compute_vm_list", [:], "vm list"),
      (
        "azmcp_compute_vm_list", ["resource-group": "rg", "details": true],
        "vm list --resource-group rg -d"
      ),
      ("azmcp_compute_vm_list", ["resource-group": nil, "details": nil], "vm list"),
      (
        "azmcp_compute_disk_create",
        [
          "sku": "Premium_LRS", "size-gb": 64, "location": "eastus", "name": "d1",
          "resource-group": "rg",
        ],
        "disk create --resource-group rg --name d1 --location eastus --size-gb 64 --sku Premium_LRS"
      ),
      (
        "azmcp_compute_disk_create", ["resource-group": "rg", "name": "d1", "size-gb": 32.0],
        "disk create --resource-group rg --name d1 --size-gb 32"
      ),
      (
        "azmcp_compute_disk_delete", ["resource-group": "rg", "name": "d1", "yes": true],
        "disk delete --resource-group rg --name d1 --yes"
      ),
      (
        "azmcp_compute_vm_disk_attach", ["resource-group": "rg", "vm-name": "sam", "name": "d1"],
        "vm disk attach --resource-group rg --vm-name sam --name d1"
      ),
      (
        "azmcp_compute_vm_disk_detach", ["resource-group": "rg", "vm-name": "sam", "name": "d1"],
        "vm disk detach --resource-group rg --vm-name sam --name d1"
      ),
      (
        "azmcp_storage_account_create",
        [
          "kind": "StorageV2", "sku": "Standard_LRS", "location": "eastus", "resource-group": "rg",
          "name": "st1",
        ],
        "storage account create --name st1 --resource-group rg --location eastus --sku Standard_LRS "
          + "--kind StorageV2"
      ),
      (
        "azmcp_storage_account_delete", ["name": "st1", "resource-group": "rg", "yes": true],
        "storage account delete --name st1 --resource-group rg --yes"
      ),
      ("azmcp_storage_account_show", ["name": "st1"], "storage account show --name st1"),
      (
        "azmcp_extension_az",
        ["command": "vm disk attach --resource-group rg --vm-name sam --name d1"],
        "vm disk attach --resource-group rg --vm-name sam --name d1"
      ),
      ("azmcp_extension_az", ["command": "az group list"], "group list"),
    ] as [(String, [String: Value], String)])
  func argv(tool: String, arguments: [String: Value], line: String) throws {
    let expected = line.split(separator: " ").map(String.init)
    #expect(try catalog.argv(tool: tool, arguments: arguments) == expected)
  }

  @Test(
    "values with spaces stay one argument; tags and pass-through lines are split with quoting",
    arguments: [
      ("azmcp_group_show", ["name": "my group"], ["group", "show", "--name", "my group"]),
      (
        "azmcp_group_create", ["name": "rg", "location": "eastus", "tags": "note='two words' a=1"],
        [
          "group", "create", "--name", "rg", "--location", "eastus", "--tags", "note=two words",
          "a=1",
        ]
      ),
      (
        "azmcp_group_create", ["name": "rg", "location": "eastus", "tags": "  "],
        ["group", "create", "--name", "rg", "--location", "eastus"]
      ),
      (
        "azmcp_extension_az", ["command": "group create -n rg -l eastus --tags \"note=a b\""],
        ["group", "create", "-n", "rg", "-l", "eastus", "--tags", "note=a b"]
      ),
      (
        "azmcp_compute_vm_run_command_invoke",
        [
          "scripts": "df -h", "command-id": "RunShellScript", "name": "sam",
          "resource-group": "rg",
        ],
        [
          "vm", "run-command", "invoke", "--resource-group", "rg", "--name", "sam", "--command-id",
          "RunShellScript", "--scripts", "df -h",
        ]
      ),
    ] as [(String, [String: Value], [String])])
  func quoting(tool: String, arguments: [String: Value], expected: [String]) throws {
    #expect(try catalog.argv(tool: tool, arguments: arguments) == expected)
  }

  @Test(
    "calls that cannot become a command line fail with a one-line explanation",
    arguments: [
      ("azmcp_nothing", [:], "Unknown tool 'azmcp_nothing'."),
      ("azmcp_group_show", [:], "azmcp_group_show: missing required argument 'name'."),
      ("azmcp_group_show", ["name": nil], "azmcp_group_show: missing required argument 'name'."),
      (
        "azmcp_compute_vm_create", ["resource-group": "rg", "image": "Ubuntu2204"],
        "azmcp_compute_vm_create: missing required argument 'name'."
      ),
      ("azmcp_group_show", ["name": 3], "azmcp_group_show: argument 'name' must be a string."),
      (
        "azmcp_compute_disk_create", ["resource-group": "rg", "name": "d1", "size-gb": "64"],
        "azmcp_compute_disk_create: argument 'size-gb' must be an integer."
      ),
      (
        "azmcp_compute_disk_create", ["resource-group": "rg", "name": "d1", "size-gb": 6.5],
        "azmcp_compute_disk_create: argument 'size-gb' must be an integer."
      ),
      (
        "azmcp_compute_vm_list", ["details": "yes"],
        "azmcp_compute_vm_list: argument 'details' must be a boolean."
      ),
      (
        "azmcp_group_show", ["name": "rg", "resource-group": "rg"],
        "azmcp_group_show: unknown argument 'resource-group'."
      ),
      ("azmcp_extension_az", ["command": ""], "azmcp_extension_az: the command is empty."),
      ("azmcp_extension_az", ["command": "az"], "azmcp_extension_az: the command is empty."),
      (
        "azmcp_extension_az", ["command": "group show -n 'rg"],
        "Cannot split the command line (unclosed quote or trailing backslash): group show -n 'rg"
      ),
    ] as [(String, [String: Value], String)])
  func rejected(tool: String, arguments: [String: Value], message: String) {
    #expect(throws: AzureToolCallError.self) { try catalog.argv(tool: tool, arguments: arguments) }
    do {
      _ = try catalog.argv(tool: tool, arguments: arguments)
    } catch {
      #expect(error.description == message)
      #expect(!error.description.contains("\n"))
    }
  }

  @Test("the catalogue has the tools of Azure's MCP server, each with both hints set")
  func names() {
    #expect(
      catalog.tools.map(\.name) == [
        "azmcp_group_create", "azmcp_group_delete", "azmcp_group_list", "azmcp_group_show",
        "azmcp_compute_vm_create", "azmcp_compute_vm_delete", "azmcp_compute_vm_start",
        "azmcp_compute_vm_stop", "azmcp_compute_vm_deallocate", "azmcp_compute_vm_restart",
        "azmcp_compute_vm_resize", "azmcp_compute_vm_show", "azmcp_compute_vm_list",
        "azmcp_compute_disk_create", "azmcp_compute_disk_delete", "azmcp_compute_vm_disk_attach",
        "azmcp_compute_vm_disk_detach", "azmcp_storage_account_create",
        "azmcp_storage_account_delete", "azmcp_storage_account_show",
        "azmcp_network_nsg_rule_create", "azmcp_network_nsg_rule_delete", "azmcp_network_nsg_list",
        "azmcp_compute_vm_auto_shutdown", "azmcp_compute_vm_update", "azmcp_group_update",
        "azmcp_compute_disk_update", "azmcp_storage_account_update",
        "azmcp_compute_vm_run_command_invoke", "azmcp_compute_snapshot_create",
        "azmcp_compute_snapshot_delete", "azmcp_compute_snapshot_list",
        "azmcp_compute_snapshot_show", "azmcp_extension_az",
      ])
    for tool in catalog.tools {
      #expect(tool.definition.annotations.readOnlyHint != nil, "\(tool.name)")
      #expect(tool.definition.annotations.destructiveHint != nil, "\(tool.name)")
      #expect(!(tool.readOnly && tool.destructive), "\(tool.name)")
    }
  }

  @Test(
    "annotations: read-only, destructive, or additive",
    arguments: [
      ("azmcp_group_create", false, false), ("azmcp_group_delete", false, true),
      ("azmcp_group_list", true, false), ("azmcp_group_show", true, false),
      ("azmcp_compute_vm_create", false, false), ("azmcp_compute_vm_delete", false, true),
      ("azmcp_compute_vm_stop", false, false), ("azmcp_compute_vm_resize", false, false),
      ("azmcp_compute_vm_show", true, false), ("azmcp_compute_vm_list", true, false),
      ("azmcp_compute_disk_create", false, false), ("azmcp_compute_disk_delete", false, true),
      ("azmcp_compute_vm_disk_attach", false, false),
      ("azmcp_compute_vm_disk_detach", false, false),
      ("azmcp_storage_account_create", false, false),
      ("azmcp_storage_account_delete", false, true), ("azmcp_storage_account_show", true, false),
      ("azmcp_network_nsg_rule_create", false, false),
      ("azmcp_network_nsg_rule_delete", false, true), ("azmcp_network_nsg_list", true, false),
      ("azmcp_compute_vm_auto_shutdown", false, false), ("azmcp_compute_vm_update", false, false),
      ("azmcp_extension_az", false, true), ("azmcp_compute_vm_run_command_invoke", false, true),
    ])
  func annotations(tool name: String, readOnly: Bool, destructive: Bool) throws {
    let tool = try #require(catalog.tool(named: name))
    #expect(tool.definition.annotations.readOnlyHint == readOnly)
    #expect(tool.definition.annotations.destructiveHint == destructive)
  }

  @Test("an input schema: an object of typed properties named as the flags, required listed")
  func schema() throws {
    let create = try #require(catalog.tool(named: "azmcp_compute_disk_create"))
    #expect(
      create.inputSchema
        == .object([
          "type": "object",
          "properties": [
            "resource-group": ["type": "string", "description": "Name of the resource group."],
            "name": ["type": "string", "description": "The name of the managed disk."],
            "location": [
              "type": "string",
              "description": "Location, such as eastus. Defaults to the resource group's.",
            ],
            "size-gb": [
              "type": "integer", "description": "Size in GB; required unless source is given.",
            ],
            "sku": ["type": "string", "description": "Storage SKU, such as Premium_LRS."],
            "tags": [
              "type": "string",
              "description": "Space-separated tags: key[=value] [key[=value] ...].",
            ],
            "source": [
              "type": "string",
              "description":
                "A snapshot or managed disk (name in the group, or ID) to copy the disk from.",
            ],
          ],
          "required": ["resource-group", "name"],
          "additionalProperties": false,
        ]))
    let list = try #require(catalog.tool(named: "azmcp_compute_vm_list"))
    #expect(list.inputSchema.objectValue?["required"] == [])
    #expect(
      list.inputSchema.objectValue?["properties"]?.objectValue?["details"]?.objectValue?["type"]
        == "boolean")
    let passThrough = try #require(catalog.tool(named: "azmcp_extension_az"))
    #expect(passThrough.inputSchema.objectValue?["required"] == ["command"])
  }
}
