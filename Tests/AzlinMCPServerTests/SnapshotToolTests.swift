import AzlinAzure
import AzlinMCPServer
import MCP
import Testing

/// The snapshot tools of `azlin mcp-server`: hints, and arguments → the argv azlin plans.
@Suite("MCP snapshot tools")
struct SnapshotToolTests {
  let catalog = AzureToolCatalog.azure

  @Test(
    arguments: [
      ("azmcp_compute_snapshot_create", false, false),
      ("azmcp_compute_snapshot_delete", false, true),
      ("azmcp_compute_snapshot_list", true, false),
      ("azmcp_compute_snapshot_show", true, false),
    ])
  func hints(tool name: String, readOnly: Bool, destructive: Bool) throws {
    let tool = try #require(catalog.tool(named: name))
    #expect(tool.definition.annotations.readOnlyHint == readOnly)
    #expect(tool.definition.annotations.destructiveHint == destructive)
  }

  @Test("a call gives back the az argv the planner makes")
  func argv() throws {
    let create = try catalog.argv(
      tool: "azmcp_compute_snapshot_create",
      arguments: [
        "resource-group": "rg1", "name": "s1", "location": "eastus", "source": "d1",
        "tags": "managed-by=azlin",
      ])
    #expect(
      Set(create.chunked())
        == Set(
          AzCommand.snapshotCreate(name: "s1", group: "rg1", location: "eastus", disk: "d1")
            .arguments.chunked()))
    #expect(
      try catalog.argv(
        tool: "azmcp_compute_snapshot_delete", arguments: ["resource-group": "rg1", "name": "s1"])
        == AzCommand.snapshotDelete(name: "s1", group: "rg1").arguments)
    let restore = try catalog.argv(
      tool: "azmcp_compute_disk_create",
      arguments: [
        "resource-group": "rg1", "name": "c1", "location": "eastus", "source": "s1",
        "sku": "Premium_LRS", "tags": "managed-by=azlin",
      ])
    #expect(
      Set(restore.chunked())
        == Set(
          AzCommand.diskCreate(
            name: "c1", group: "rg1", location: "eastus", fromSnapshot: "s1", sku: "Premium_LRS"
          ).arguments.chunked()))
  }
}

extension Array where Element == String {
  /// The command words, then each flag with its value: order-free for comparison.
  fileprivate func chunked() -> [String] {
    let words = prefix(while: { !$0.hasPrefix("-") })
    var out = [words.joined(separator: " ")]
    var i = words.count
    while i < count {
      let flag = self[i]
      let value = i + 1 < count && !self[i + 1].hasPrefix("--") ? self[i + 1] : ""
      out.append(flag + " " + value)
      i += value.isEmpty ? 1 : 2
    }
    return out
  }
}
