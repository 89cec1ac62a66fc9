import AzlinAzure
import AzlinCore
import AzlinMCPServer
import AzlinSimulator
import Foundation
import MCP
import Testing

@Suite("Simulator tool server")
struct SimulatorToolServerTests {
  /// A simulator on a fresh folder, driven by a manual clock so no real time passes; the
  /// folder is removed with the fixture.
  private final class Fixture {
    let folder = NSTemporaryDirectory() + "azlin-mcp-test-" + UUID().uuidString
    let simulator: AzureSimulator
    let server: SimulatorToolServer

    init(faults: String? = nil, readOnly: Bool = false) throws {
      let clock = ManualClock()
      simulator = try AzureSimulator(
        folder: folder, clock: clock, sleeper: ClockSleeper(clock: clock),
        ids: SequentialIDGenerator(), faults: faults)
      server = SimulatorToolServer(simulator: simulator, version: "test", readOnly: readOnly)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// What `azlin sim` would print for `arguments`, as JSON.
    func sim(_ arguments: String...) -> JSONValue? { simulator.run(arguments).json }
  }

  private static func text(_ content: [Tool.Content]) -> String {
    content.map { block in
      if case .text(let text, _, _) = block { text } else { "" }
    }.joined()
  }

  @Test("a call changes the simulator and answers with az's stdout")
  func success() throws {
    let fixture = try Fixture()
    let group = fixture.server.call(
      "azmcp_group_create", arguments: ["name": "rg", "location": "eastus"])
    #expect(group.isError == false)
    #expect(group.content.count == 1)
    #expect(try JSONValue.parse(Self.text(group.content))["name"] == "rg")
    let disk = fixture.server.call(
      "azmcp_compute_disk_create", arguments: ["resource-group": "rg", "name": "d1", "size-gb": 64])
    #expect(disk.isError == false)
    #expect(fixture.sim("disk", "show", "-g", "rg", "-n", "d1")?["diskSizeGb"] == 64)
  }

  @Test("a failure is isError with exactly az's stderr")
  func failure() throws {
    let fixture = try Fixture()
    let result = fixture.server.call("azmcp_group_show", arguments: ["name": "nope"])
    let expected = fixture.simulator.run(["group", "show", "--name", "nope"]).stderr
    #expect(result.isError == true)
    #expect(Self.text(result.content) == expected)
    #expect(expected.hasPrefix("ERROR: (ResourceGroupNotFound) "))
  }

  @Test("an injected fault reaches the client as Azure's error code")
  func fault() throws {
    let fixture = try Fixture(faults: "group create=InternalServerError*1")
    let arguments: [String: Value] = ["name": "rg", "location": "eastus"]
    let first = fixture.server.call("azmcp_group_create", arguments: arguments)
    #expect(first.isError == true)
    #expect(Self.text(first.content).hasPrefix("ERROR: (InternalServerError) "))
    #expect(fixture.server.call("azmcp_group_create", arguments: arguments).isError == false)
  }

  @Test("a bad call is isError with one line, and runs nothing")
  func badCall() throws {
    let fixture = try Fixture()
    let result = fixture.server.call("azmcp_group_create", arguments: ["name": "rg"])
    #expect(result.isError == true)
    #expect(
      Self.text(result.content) == "azmcp_group_create: missing required argument 'location'.")
    #expect(fixture.sim("group", "list") == [])
  }

  @Test("an MCP client lists the tools and creates a VM through them")
  func client() async throws {
    let fixture = try Fixture()
    let (clientTransport, serverTransport) = await InMemoryTransport.createConnectedPair()
    let server = await fixture.server.makeServer()
    try await server.start(transport: serverTransport)
    let client = Client(name: "test", version: "1")
    let initialized = try await client.connect(transport: clientTransport)
    #expect(initialized.serverInfo.name == SimulatorToolServer.serverName)

    let tools = try await client.listTools().tools
    #expect(tools.map(\.name) == AzureToolCatalog.azure.tools.map(\.name))
    let create = try #require(tools.first { $0.name == "azmcp_compute_vm_create" })
    #expect(create.annotations.readOnlyHint == false)
    #expect(create.annotations.destructiveHint == false)

    let group = try await client.callTool(
      name: "azmcp_group_create", arguments: ["name": "rg", "location": "eastus"])
    #expect(group.isError == false)
    let vm = try await client.callTool(
      name: "azmcp_compute_vm_create",
      arguments: [
        "resource-group": "rg", "name": "sam", "image": "Ubuntu2204", "generate-ssh-keys": true,
      ])
    #expect(vm.isError == false)
    #expect(try JSONValue.parse(Self.text(vm.content))["powerState"] == "VM running")
    let listed = fixture.sim("vm", "list", "-d")?.arrayValue ?? []
    #expect(listed.map { $0["name"] } == ["sam"])
    let attach = try await client.callTool(
      name: "azmcp_extension_az",
      arguments: ["command": "vm disk attach -g rg --vm-name sam --name d1 --new --size-gb 8"])
    #expect(attach.isError == false)
    #expect(
      fixture.sim("vm", "show", "-g", "rg", "-n", "sam")?["storageProfile"]?["dataDisks"]?
        .arrayValue?.count == 1)

    await client.disconnect()
    await server.stop()
  }

  @Test("a read-only server lists what reads and refuses every change in one line")
  func readOnly() throws {
    let fixture = try Fixture(readOnly: true)
    #expect(fixture.simulator.run(["group", "create", "-n", "rg", "-l", "eastus"]).succeeded)
    let listed = fixture.server.listedTools
    #expect(listed.allSatisfy { $0.annotations.readOnlyHint == true })
    #expect(listed.contains { $0.name == "azmcp_group_list" })
    #expect(!listed.contains { $0.name == "azmcp_compute_vm_create" })
    let passThrough = try #require(listed.first { $0.name == "azmcp_extension_az" })
    #expect(passThrough.annotations.destructiveHint == false)

    let create = fixture.server.call(
      "azmcp_group_create", arguments: ["name": "other", "location": "eastus"])
    #expect(create.isError == true)
    #expect(
      Self.text(create.content)
        == "azmcp_group_create: not run: this server is read-only (azlin mcp-server --read-only, or [safety] read_only); only tools and commands that read run."
    )
    let delete = fixture.server.call(
      "azmcp_extension_az", arguments: ["command": "group delete --name rg --yes"])
    #expect(delete.isError == true)
    #expect(Self.text(delete.content).hasPrefix("azmcp_extension_az: not run: "))
    #expect(fixture.sim("group", "list")?.arrayValue?.count == 1)

    #expect(fixture.server.call("azmcp_group_list", arguments: [:]).isError == false)
    let list = fixture.server.call("azmcp_extension_az", arguments: ["command": "group list"])
    #expect(list.isError == false)
    #expect(try JSONValue.parse(Self.text(list.content)).arrayValue?.count == 1)
  }
}
