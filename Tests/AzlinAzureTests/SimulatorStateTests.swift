import AzlinAzure
import AzlinCore
import AzlinSimulator
import Foundation
import Testing

@Suite("Simulator: persisted state")
struct SimulatorStateTests {
  @Test("two simulators on one folder see each other's resources")
  func sharedFolder() throws {
    let first = try SimulatorHarness()
    let second = try SimulatorHarness(folder: first.folder)
    first.run("group create -n demo -l eastus")
    #expect(second.run("group exists -n demo").stdout == "true\n")
    second.run("vm create -g demo -n sam --image Ubuntu2204 --size Standard_B2s")
    #expect(first.json("vm list").arrayValue?.count == 1)
    #expect(FileManager.default.fileExists(atPath: first.folder + "/state.json"))
  }

  @Test("concurrent commands from two simulators on one folder lose nothing")
  func concurrent() throws {
    let first = try SimulatorHarness()
    let second = try SimulatorHarness(folder: first.folder)
    let clock = ManualClock()
    let sims = [first, second].map { harness in
      try! AzureSimulator(
        folder: harness.folder, clock: clock, sleeper: ClockSleeper(clock: clock),
        ids: RandomIDGenerator())
    }
    DispatchQueue.concurrentPerform(iterations: 20) { index in
      _ = sims[index % 2].run(["group", "create", "-n", "g\(index)", "-l", "eastus"])
    }
    #expect(first.json("group list").arrayValue?.count == 20)
  }

  @Test("a corrupt state file is an error naming its path, and is left as it was")
  func corrupt() throws {
    let sim = try SimulatorHarness()
    sim.run("group create -n demo -l eastus")
    let path = sim.folder + "/state.json"
    try "{ not json".write(toFile: path, atomically: true, encoding: .utf8)
    let result = sim.run("group list")
    #expect(result.exitCode == 1)
    #expect(result.error?.code == "SimulatorStateCorrupt")
    #expect(
      result.stderr.hasPrefix(
        "ERROR: (SimulatorStateCorrupt) The simulator state file '\(path)' is corrupt: invalid JSON at byte"
      ))
    #expect(
      result.stderr.contains(
        "Move it aside (to state.json.bad, say) to start afresh; azlin left it as it is."))
    #expect(sim.run("group create -n other -l eastus").exitCode == 1)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "{ not json")
  }

  @Test("a state file with a missing member names the member")
  func missingMember() throws {
    let sim = try SimulatorHarness()
    sim.run("group create -n demo -l eastus")
    let path = sim.folder + "/state.json"
    try #"{"version": 1, "groups": [{"name": "demo"}]}"#.write(
      toFile: path, atomically: true, encoding: .utf8)
    #expect(sim.run("group list").error?.message.contains("groups[0].location is missing") == true)
  }

  @Test("timestamps come from the clock and IDs from the ID generator")
  func determinism() throws {
    let sim = try SimulatorHarness()
    sim.run("group create -n demo -l eastus")
    sim.run("disk create -g demo -n d1 --size-gb 8")
    let disk = sim.json("disk show -g demo -n d1")
    #expect(disk["timeCreated"] == "2026-11-30T00:53:22.0000000+00:00")
    #expect(disk["uniqueId"] == "00000000-0000-4000-8000-000000000001")
  }
}
