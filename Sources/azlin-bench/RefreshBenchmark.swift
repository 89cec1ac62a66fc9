import AzlinAzure
import AzlinCore
import Foundation

/// Figure 3: `LiveState.fetch` against the embedded simulator holding 500 VMs in 50 groups,
/// with a split of where the time goes (the four listings, and parsing their JSON).
struct RefreshBenchmark {
  let workspace: BenchWorkspace
  let runs: Int

  static let workload = "LiveState.fetch, simulator with 500 VMs in 50 groups"

  func rows() throws -> [BenchTable.Row] {
    let folder = try workspace.folder("refresh-sim")
    // Building the fixture ends with a fetch, which warms the page cache and lazy statics.
    let (simulator, _) = try SimulatorFixture(folder: folder, groups: 50, perGroup: 10).build()
    let backend = SimulatorBackend(simulator: simulator)
    var samples = Samples()
    for _ in 0..<runs {
      let (_, ns) = try Stopwatch.time { try LiveState.fetch(from: backend) }
      samples.add(ns)
    }
    let median = samples.medianMilliseconds
    let stateBytes =
      (try? FileManager.default.attributesOfItem(atPath: folder + "/state.json")[.size] as? Int)
      ?? 0
    var splits: [String] = []
    let listings: [(String, AzCommand)] = [
      ("group list", .groupList), ("vm list -d", .vmListDetails),
      ("storage list", AzCommand(["storage", "account", "list"])),
      ("disk list", AzCommand(["disk", "list"])),
    ]
    var parsing = 0.0
    for (label, command) in listings {
      var each = Samples()
      var parse = Samples()
      for _ in 0..<max(1, runs / 4) {
        let (result, ns) = Stopwatch.time { backend.run(command) }
        each.add(ns)
        parse.add(Stopwatch.time { result.json }.nanoseconds)
      }
      parsing += parse.medianMilliseconds
      splits.append("\(label) \(Format.milliseconds(each.medianMilliseconds))")
    }
    splits.append("parsing az's JSON back \(Format.milliseconds(parsing))")
    return [
      BenchTable.Row(
        "3 live refresh", Self.workload + ", median of \(runs)", Format.milliseconds(median),
        target: "≤ 50 ms", met: median <= 50),
      BenchTable.Row(
        "3 split",
        "simulator.run per listing (state.json \(Format.grouped(stateBytes / 1024)) KB)",
        splits.joined(separator: ", "), met: nil),
    ]
  }
}
