import AzlinAzure
import AzlinCore
import AzlinSimulator
import AzlinTestSupport
import Testing

/// The simulator keeps its state in memory only while `state.json` is unchanged: a write by
/// another simulator on the same folder (another process) is seen at once.
@Suite struct SimulatorStateCacheTests {
  @Test func aChangeMadeByAnotherSimulatorIsSeen() throws {
    let folder = TemporaryFolder()
    let clock = ManualClock()
    let make = {
      try AzureSimulator(
        folder: folder.file("sim"), clock: clock, sleeper: ClockSleeper(clock: clock),
        ids: SequentialIDGenerator(), faults: nil)
    }
    let reader = try make()
    let writer = try make()
    #expect(try reader.snapshot().groups.isEmpty)
    #expect(reader.run(["group", "list"]).stdout.contains("[]"))
    for name in ["a-rg", "b-rg", "c-rg"] {
      #expect(
        writer.run(["group", "create", "--name", name, "--location", "eastus"]).exitCode == 0)
      #expect(try reader.snapshot().groups.map(\.name).contains(name))
      #expect(reader.run(["group", "show", "--name", name]).exitCode == 0)
    }
    #expect(reader.run(["group", "delete", "--name", "a-rg", "--yes"]).exitCode == 0)
    #expect(try writer.snapshot().groups.map(\.name).sorted() == ["b-rg", "c-rg"])
  }
}
