import AzlinAzure
import AzlinCore
import AzlinSimulator
import Foundation
import Testing

@Suite("Simulator: resource groups")
struct SimulatorGroupTests {
  static let sub = "/subscriptions/00000000-0000-0000-0000-000000000000"

  @Test("group create prints az's group object, keys sorted, indented by two spaces")
  func create() throws {
    let sim = try SimulatorHarness()
    let result = sim.run("group create -n demo -l eastus")
    #expect(result.exitCode == 0)
    #expect(result.stderr == "")
    #expect(
      result.stdout == """
        {
          "id": "\(Self.sub)/resourceGroups/demo",
          "location": "eastus",
          "managedBy": null,
          "name": "demo",
          "properties": {
            "provisioningState": "Succeeded"
          },
          "tags": null,
          "type": "Microsoft.Resources/resourceGroups"
        }

        """)
  }

  @Test("a display-name location and tags are accepted; the location is stored as Azure names it")
  func locationAndTags() throws {
    let sim = try SimulatorHarness()
    let group = sim.json("group create --name demo --location 'West Europe' --tags env=dev owner")
    #expect(group["location"] == "westeurope")
    #expect(group["tags"] == .object([("env", "dev"), ("owner", "")]))
  }

  @Test("group show of a missing group: ResourceGroupNotFound, exit code 3")
  func showMissing() throws {
    let sim = try SimulatorHarness()
    let result = sim.run("group show -n nope")
    #expect(result.exitCode == 3)
    #expect(result.stdout == "")
    #expect(
      result.stderr == """
        ERROR: (ResourceGroupNotFound) Resource group 'nope' could not be found.
        Code: ResourceGroupNotFound
        Message: Resource group 'nope' could not be found.

        """)
    #expect(
      result.error
        == AzError(
          code: "ResourceGroupNotFound", message: "Resource group 'nope' could not be found.",
          exitCode: 3))
  }

  @Test("group exists prints true or false")
  func exists() throws {
    let sim = try SimulatorHarness()
    #expect(sim.run("group exists -n demo").stdout == "false\n")
    sim.run("group create -n demo -l eastus")
    #expect(sim.run("group exists -n DEMO").stdout == "true\n")
  }

  @Test("group list: sorted by name, as JSON and as az's table")
  func list() throws {
    let sim = try SimulatorHarness()
    sim.run("group create -n zeta -l eastus")
    sim.run("group create -n alpha -l westeurope")
    let names = sim.json("group list").arrayValue?.compactMap { $0["name"]?.stringValue }
    #expect(names == ["alpha", "zeta"])
    #expect(
      sim.run("group list -o table").stdout == """
        Name    Location    Status
        ------  ----------  ---------
        alpha   westeurope  Succeeded
        zeta    eastus      Succeeded

        """)
    #expect(sim.run("group list --tag env=prod").stdout == "[]\n")
  }

  @Test("an unknown location is refused with Azure's list of regions")
  func unknownLocation() throws {
    let sim = try SimulatorHarness()
    let result = sim.run("group create -n demo -l atlantis")
    #expect(result.exitCode == 1)
    #expect(result.error?.code == "LocationNotAvailableForResourceGroup")
    #expect(
      result.error?.message.hasPrefix(
        "The provided location 'atlantis' is not available for resource group. List of available regions is 'eastus,"
      )
        == true)
  }

  @Test("an invalid group name is refused with the naming rule")
  func invalidName() throws {
    let sim = try SimulatorHarness()
    let result = sim.run("group create -n 'bad name.' -l eastus")
    #expect(result.exitCode == 1)
    #expect(result.error?.code == "InvalidResourceName")
    #expect(result.error?.message == NamingRules.violation(of: "bad name.", as: .resourceGroup))
  }

  @Test("re-creating a group in another location: InvalidResourceGroupLocation")
  func otherLocation() throws {
    let sim = try SimulatorHarness()
    sim.run("group create -n demo -l eastus")
    #expect(sim.run("group create -n demo -l eastus").exitCode == 0)
    let result = sim.run("group create -n demo -l westeurope")
    #expect(result.error?.code == "InvalidResourceGroupLocation")
    #expect(
      result.error?.message
        == "Invalid resource group location 'westeurope'. The Resource group already exists in location 'eastus'."
    )
  }

  @Test("group delete needs --yes when there is no terminal to ask on")
  func deleteNeedsYes() throws {
    let sim = try SimulatorHarness()
    sim.run("group create -n demo -l eastus")
    let result = sim.run("group delete -n demo")
    #expect(result.exitCode == 1)
    #expect(
      result.stderr == "ERROR: Unable to prompt for confirmation as no tty available. Use --yes.\n")
    #expect(sim.run("group exists -n demo").stdout == "true\n")
  }

  @Test("deleting a missing group: ResourceGroupNotFound")
  func deleteMissing() throws {
    let sim = try SimulatorHarness()
    let result = sim.run("group delete -n ghost --yes")
    #expect(result.exitCode == 3)
    #expect(result.error?.code == "ResourceGroupNotFound")
  }

  @Test("group delete takes 45 s and removes everything in the group")
  func deleteCascades() throws {
    let sim = try SimulatorHarness()
    sim.run("group create -n demo -l eastus")
    sim.run("group create -n keep -l eastus")
    sim.run(
      "vm create -g demo -n sam --image Ubuntu2204 --size Standard_B2s --data-disk-sizes-gb 32")
    sim.run("disk create -g demo -n spare --size-gb 64")
    sim.run("storage account create -g demo -n demostore1")
    sim.run("network vnet create -g keep -n keepnet")
    #expect(sim.json("disk list").arrayValue?.count == 3)
    let deleted = sim.run("group delete -n demo --yes")
    #expect(deleted.exitCode == 0)
    #expect(deleted.stdout == "")
    #expect(deleted.durationMs == 45_000)
    #expect(sim.run("group exists -n demo").stdout == "false\n")
    #expect(sim.json("vm list") == [])
    #expect(sim.json("disk list") == [])
    #expect(sim.json("storage account list") == [])
    #expect(
      sim.json("network vnet list").arrayValue?.compactMap { $0["name"]?.stringValue } == [
        "keepnet"
      ])
    #expect(sim.json("storage account check-name -n demostore1")["nameAvailable"] == true)
  }

  @Test("with --no-wait the group shows Deleting until the deletion completes")
  func deleteNoWait() throws {
    let sim = try SimulatorHarness()
    sim.run("group create -n demo -l eastus")
    let deleted = sim.run("group delete -n demo --yes --no-wait")
    #expect(deleted.durationMs == 1000)
    #expect(sim.json("group show -n demo").value(at: "properties.provisioningState") == "Deleting")
    let blocked = sim.run("vm create -g demo -n sam --image Ubuntu2204 --size Standard_B2s")
    #expect(blocked.error?.code == "ResourceGroupBeingDeleted")
    sim.clock.advance(by: 45)
    #expect(sim.run("group exists -n demo").stdout == "false\n")
  }
}
