import AzlinAzure
import AzlinCore
import AzlinSimulator
import Foundation
import Testing

@Suite("Simulator: storage accounts")
struct SimulatorStorageTests {
  static func withGroups() throws -> SimulatorHarness {
    let sim = try SimulatorHarness()
    sim.run("group create -n demo -l eastus")
    sim.run("group create -n other -l eastus")
    return sim
  }

  @Test("storage account create prints az's account object and takes 20 s")
  func create() throws {
    let sim = try Self.withGroups()
    let result = sim.run("storage account create -g demo -n azlindata1 --sku Standard_LRS")
    #expect(result.exitCode == 0)
    #expect(result.durationMs == 20_000)
    let account = result.json ?? .null
    #expect(account["name"] == "azlindata1")
    #expect(account["location"] == "eastus")
    #expect(account["resourceGroup"] == "demo")
    #expect(account.value(at: "sku.name") == "Standard_LRS")
    #expect(account.value(at: "sku.tier") == "Standard")
    #expect(account["kind"] == "StorageV2")
    #expect(account["accessTier"] == "Hot")
    #expect(account["provisioningState"] == "Succeeded")
    #expect(
      account.value(at: "primaryEndpoints.blob") == "https://azlindata1.blob.core.windows.net/")
    #expect(
      account["id"]
        == "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/demo/providers/Microsoft.Storage/storageAccounts/azlindata1"
    )
    let geo = sim.json("storage account create -g demo -n azlindata2")
    #expect(geo.value(at: "sku.name") == "Standard_RAGRS")
    #expect(geo["secondaryLocation"] == "westus")
  }

  @Test("names are global: another group's or another customer's name is taken")
  func taken() throws {
    let sim = try Self.withGroups()
    sim.run("storage account create -g demo -n azlindata1")
    let result = sim.run("storage account create -g other -n azlindata1")
    #expect(result.exitCode == 1)
    #expect(
      result.stderr == """
        ERROR: (StorageAccountAlreadyTaken) The storage account named azlindata1 is already taken.
        Code: StorageAccountAlreadyTaken
        Message: The storage account named azlindata1 is already taken.

        """)
    #expect(
      sim.run("storage account create -g demo -n storage").error?.code
        == "StorageAccountAlreadyTaken")
    #expect(sim.run("storage account create -g demo -n azlindata1").exitCode == 0)
    #expect(
      sim.run("storage account create -g demo -n azlindata1 --sku Premium_LRS").error?.code
        == "InvalidValuesForRequestParameters")
  }

  @Test(
    "check-name answers as az does",
    arguments: [
      (
        "freshname123",
        JSONValue.object([("message", .null), ("nameAvailable", true), ("reason", .null)])
      ),
      (
        "azlindata1",
        .object([
          ("message", "The storage account named azlindata1 is already taken."),
          ("nameAvailable", false),
          ("reason", "AlreadyExists"),
        ])
      ),
      (
        "Bad_Name",
        .object([
          (
            "message",
            "Storage account name 'Bad_Name' is invalid: use 3–24 lowercase letters and digits."
          ),
          ("nameAvailable", false), ("reason", "AccountNameInvalid"),
        ])
      ),
    ])
  func checkName(name: String, answer: JSONValue) throws {
    let sim = try Self.withGroups()
    sim.run("storage account create -g demo -n azlindata1")
    #expect(sim.json("storage account check-name -n \(name)") == answer)
  }

  @Test("an invalid name is refused with AccountNameInvalid and the naming rule")
  func invalidName() throws {
    let sim = try Self.withGroups()
    let result = sim.run("storage account create -g demo -n Bad_Name")
    #expect(result.error?.code == "AccountNameInvalid")
    #expect(
      result.error?.message
        == "Storage account name 'Bad_Name' is invalid: use 3–24 lowercase letters and digits.")
  }

  @Test("show finds an account with or without its group; delete needs --yes")
  func showAndDelete() throws {
    let sim = try Self.withGroups()
    sim.run("storage account create -g demo -n azlindata1")
    #expect(sim.json("storage account show -n azlindata1")["resourceGroup"] == "demo")
    #expect(sim.json("storage account show -g demo -n azlindata1")["name"] == "azlindata1")
    #expect(sim.run("storage account show -g other -n azlindata1").exitCode == 3)
    #expect(sim.run("storage account show -n nosuchaccount").exitCode == 3)
    #expect(sim.json("storage account list -g other") == [])
    #expect(sim.run("storage account delete -g demo -n azlindata1").exitCode == 1)
    #expect(sim.run("storage account delete -g demo -n azlindata1 --yes").exitCode == 0)
    #expect(sim.json("storage account list") == [])
    #expect(sim.json("storage account check-name -n azlindata1")["nameAvailable"] == true)
  }
}
