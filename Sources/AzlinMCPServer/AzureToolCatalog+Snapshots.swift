import MCP

extension AzureToolCatalog {
  /// `az snapshot create|delete|list|show` as tools: a create adds, a delete destroys, a list or
  /// show only reads.
  static let snapshotTools: [AzureTool] = {
    let group = AzureToolProperty(
      "resource-group", required: true, description: "Name of the resource group.")
    let name = AzureToolProperty("name", required: true, description: "Name of the snapshot.")
    return [
      AzureTool(
        "azmcp_compute_snapshot_create",
        "Create a snapshot of a managed disk (az snapshot create).",
        words: ["snapshot", "create"],
        properties: [
          group, name,
          AzureToolProperty(
            "source", required: true,
            description: "The managed disk (or snapshot) to copy: its name in the group, or its ID."
          ),
          AzureToolProperty(
            "location",
            description: "Location, such as eastus: the source disk's. Defaults to the group's."),
          AzureToolProperty(
            "sku",
            description: "Snapshot storage: Standard_LRS (default), Standard_ZRS or Premium_LRS."
          ),
          AzureToolProperty(
            "tags", .words, description: "Space-separated tags: key[=value] [key[=value] ...]."),
        ]),
      AzureTool(
        "azmcp_compute_snapshot_delete", "Delete a snapshot (az snapshot delete).",
        words: ["snapshot", "delete"], properties: [group, name], destructive: true),
      AzureTool(
        "azmcp_compute_snapshot_list", "List snapshots (az snapshot list).",
        words: ["snapshot", "list"],
        properties: [
          AzureToolProperty("resource-group", description: "Name of the resource group.")
        ], readOnly: true),
      AzureTool(
        "azmcp_compute_snapshot_show", "Get a snapshot (az snapshot show).",
        words: ["snapshot", "show"], properties: [group, name], readOnly: true),
    ]
  }()
}
