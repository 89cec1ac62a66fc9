import AzlinAzure
import AzlinCore
import AzlinSimulator
import AzlinTestSupport
import Foundation
import Testing

/// Two real azlin processes on one `$AZLIN_HOME`: the budget decision and the reservation
/// are made under one file lock, so they cannot both spend the same headroom.
@Suite("Budget across processes", .enabled(if: TestPrograms.azlin != nil))
struct BudgetProcessTests {
  /// Runs `azlin` with `arguments` in `home`, standard input empty.
  static func azlin(_ arguments: [String], home: String, pace: String = "0") throws -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try #require(TestPrograms.azlin))
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment["AZLIN_HOME"] = home
    environment["AZLIN_SIM_PACE"] = pace
    environment["AZLIN_LLM_PROVIDER"] = "none"
    environment["NO_COLOR"] = "1"
    process.environment = environment
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
  }

  /// Limit $50: two shells each ask for a $39.30 VM at the same time. A VM create takes 90
  /// modelled seconds, paced to about two real ones, so both have shown their plan before
  /// either VM exists. Exactly one passes; the other exits non-zero and nothing is overspent.
  @Test func twoShellsAskingAtOnceSpendTheHeadroomOnce() async throws {
    let folder = TemporaryFolder()
    try AtomicFile.write("[budget]\nmonthly_limit = 50\n", to: folder.file("config.toml"))
    let shells = try ["p1", "p2"].map { name in
      try Self.azlin(
        ["doit", "create a vm called \(name)", "--yes", "--backend", "sim"], home: folder.path,
        pace: "0.02")
    }
    let statuses = try await onOwnThread {
      shells.map {
        $0.waitUntilExit()
        return $0.terminationStatus
      }
    }
    #expect(statuses.sorted() == [0, 1], "exit statuses \(statuses)")
    let clock = ManualClock()
    let simulator = try AzureSimulator(
      folder: folder.file("sim"), clock: clock, sleeper: ClockSleeper(clock: clock),
      ids: SequentialIDGenerator(), faults: nil)
    let vms = simulator.run(["vm", "list"]).json?.arrayValue ?? []
    #expect(vms.count == 1, "\(vms.compactMap { $0["name"]?.stringValue })")
  }
}
