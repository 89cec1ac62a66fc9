import AzlinAzure
import AzlinCore
import AzlinSimulator
import Foundation
import Testing

/// `az vm run-command invoke` on the simulator: az's arguments are accepted, and since a
/// simulated VM has no operating system, nothing runs and no output is invented.
@Suite("Simulator: commands inside a VM")
struct SimulatorGuestTests {
  static func withVM() throws -> SimulatorHarness {
    let sim = try SimulatorHarness()
    sim.run("group create -n demo -l eastus")
    sim.run(
      "vm create -g demo -n sam --image Ubuntu2204 --size Standard_B2s --admin-username azureuser --generate-ssh-keys"
    )
    return sim
  }

  @Test("a running VM answers as one whose agent never reports")
  func running() throws {
    let sim = try Self.withVM()
    let result = sim.simulator.run([
      "vm", "run-command", "invoke", "--resource-group", "demo", "--name", "sam", "--command-id",
      "RunShellScript", "--scripts", "df -h", "--output", "json", "--only-show-errors",
    ])
    #expect(result.exitCode == 1)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr.hasPrefix(
        "ERROR: (VMAgentStatusCommunicationError) VM 'sam' has not reported status"))
    #expect(result.error?.code == "VMAgentStatusCommunicationError")
  }

  @Test("a VM that is not running is refused, as Azure refuses it")
  func deallocated() throws {
    let sim = try Self.withVM()
    sim.run("vm deallocate -g demo -n sam")
    let result = sim.run(
      "vm run-command invoke -g demo -n sam --command-id RunShellScript --scripts uptime")
    #expect(result.error?.code == "OperationNotAllowed")
    #expect(result.stderr.contains("since the VM is deallocated"))
  }

  @Test("az's parser rules: --command-id is required, a missing VM is a 404")
  func arguments() throws {
    let sim = try Self.withVM()
    #expect(sim.run("vm run-command invoke -g demo -n sam --scripts uptime").exitCode == 2)
    let missing = sim.run(
      "vm run-command invoke -g demo -n ghost --command-id RunShellScript --scripts uptime")
    #expect(missing.exitCode == 3)
    #expect(missing.error?.code == "ResourceNotFound")
  }
}
