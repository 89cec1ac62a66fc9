import AzlinAzure
import AzlinCore
import AzlinSimulator
import Foundation
import Testing

@Suite("Simulator: fault injection")
struct SimulatorFaultTests {
  @Test("the first N matching commands fail, then the command succeeds")
  func countedFaults() throws {
    let sim = try SimulatorHarness(faults: "group create=InternalServerError*2")
    for _ in 0..<2 {
      let failed = sim.run("group create -n demo -l eastus")
      #expect(failed.exitCode == 1)
      #expect(failed.error?.code == "InternalServerError")
      #expect(
        failed.stderr.hasPrefix("ERROR: (InternalServerError) Encountered internal server error."))
      #expect(failed.durationMs == 2000)
    }
    #expect(sim.run("group exists -n demo").stdout == "false\n")
    #expect(sim.run("group create -n demo -l eastus").exitCode == 0)
    #expect(sim.run("group create -n demo -l eastus").exitCode == 0)
  }

  @Test("counts persist across processes sharing the folder")
  func sharedCounts() throws {
    let faults =
      "vm create=InternalServerError*2;storage account create=StorageAccountAlreadyTaken*1"
    let first = try SimulatorHarness(faults: faults)
    first.run("group create -n demo -l eastus")
    #expect(
      first.run("vm create -g demo -n sam --image Ubuntu2204 --size Standard_B2s").error?.code
        == "InternalServerError")
    let second = try SimulatorHarness(folder: first.folder, faults: faults)
    #expect(
      second.run("vm create -g demo -n sam --image Ubuntu2204 --size Standard_B2s").error?.code
        == "InternalServerError")
    #expect(
      first.run("vm create -g demo -n sam --image Ubuntu2204 --size Standard_B2s").exitCode == 0)
    let taken = second.run("storage account create -g demo -n azlindata1")
    #expect(
      taken.error
        == AzError(
          code: "StorageAccountAlreadyTaken",
          message: "The storage account named azlindata1 is already taken."))
    #expect(second.run("storage account create -g demo -n azlindata1").exitCode == 0)
  }

  @Test("without *N the fault fires every time; a verb prefix matches every command under it")
  func always() throws {
    let sim = try SimulatorHarness(faults: "vm=TooManyRequests")
    for _ in 0..<3 {
      let result = sim.run("vm list")
      #expect(result.error?.code == "TooManyRequests")
      #expect(result.error?.message.contains("Retry after 10 seconds") == true)
    }
    #expect(sim.run("group list").exitCode == 0)
  }

  @Test(
    "every modelled code can be injected",
    arguments: [
      "TooManyRequests", "InternalServerError", "RetryableError", "ResourceGroupNotFound",
      "ResourceNotFound",
      "InvalidResourceName", "StorageAccountAlreadyTaken", "SkuNotAvailable", "QuotaExceeded",
      "OperationNotAllowed",
      "Conflict", "AllocationFailed",
    ])
  func codes(code: String) throws {
    let sim = try SimulatorHarness(faults: "group show=\(code)*1")
    let result = sim.run("group show -n demo")
    #expect(result.exitCode == 1)
    #expect(result.error?.code == code)
    #expect(!(result.error?.message.isEmpty ?? true))
    #expect(!(result.error?.message.contains("\n") ?? true))
  }

  @Test("argument errors still come first: the parser rejects before Azure could fail")
  func parserFirst() throws {
    let sim = try SimulatorHarness(faults: "group create=InternalServerError")
    #expect(sim.run("group create -n demo").exitCode == 2)
  }

  @Test(
    "a malformed AZLIN_SIM_FAULTS is refused with a clear message",
    arguments: [
      (
        "vm create",
        "AZLIN_SIM_FAULTS: cannot read rule 'vm create': expected <command>=<ErrorCode>[*N]."
      ),
      (
        "vm create=InternalServerError*0",
        "AZLIN_SIM_FAULTS: cannot read rule 'vm create=InternalServerError*0': the count after * must be a positive whole number."
      ),
      (
        "vm crate=InternalServerError",
        "AZLIN_SIM_FAULTS: cannot read rule 'vm crate=InternalServerError': 'vm crate' is not a command the simulator models."
      ),
    ])
  func malformed(spec: String, message: String) throws {
    do {
      _ = try SimulatorHarness(faults: spec)
      Issue.record("accepted \(spec)")
    } catch {
      #expect("\(error)" == message)
    }
  }

  @Test("an unknown code names the codes there are")
  func unknownCode() {
    #expect(throws: (any Error).self) { try SimulatorHarness(faults: "vm create=Gremlins") }
    #expect(throws: Never.self) { try SimulatorHarness(faults: " ; vm create=Conflict ;") }
  }
}
