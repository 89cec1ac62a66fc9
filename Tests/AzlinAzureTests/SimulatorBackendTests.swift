import AzlinAzure
import AzlinCore
import AzlinSimulator
import Foundation
import Testing

@Suite("Simulator backend")
struct SimulatorBackendTests {
  @Test("it is the sim backend, named sim, and runs the commands azlin builds")
  func backend() throws {
    let harness = try SimulatorHarness()
    let backend = SimulatorBackend(simulator: harness.simulator)
    #expect(backend.kind == .sim)
    #expect(backend.displayName == "sim")
    #expect(backend.run(.accountShow).succeeded)
    #expect(backend.run(.groupCreate(name: "azlin-rg", location: "eastus")).succeeded)
    let vm = backend.run(
      .vmCreate(
        name: "sam", group: "azlin-rg", location: "eastus", size: "Standard_B2s",
        image: "Ubuntu2204"))
    #expect(vm.succeeded)
    #expect(vm.json?["powerState"] == "VM running")
    #expect(
      backend.run(.vmShow(name: "sam", group: "azlin-rg")).json?["powerState"] == "VM running")
    #expect(backend.run(.vmListDetails).json?.arrayValue?.count == 1)
    #expect(backend.run(.vmDelete(name: "sam", group: "azlin-rg")).succeeded)
    #expect(backend.run(.groupDelete(name: "azlin-rg")).succeeded)
    #expect(backend.run(.groupList).json == [])
  }
}
