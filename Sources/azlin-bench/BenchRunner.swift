import Foundation

/// Runs the figures in order, turns a figure that fails into a "not measured" row, and
/// prints the table.
struct BenchRunner {
  let options: BenchOptions

  /// Figure numbers with what they are called when they cannot run.
  static let names = [
    1: "1 start-up", 2: "2 local turn", 3: "3 live refresh", 4: "4 replay",
    5: "5 /history --failed", 6: "6 audit append", 7: "7 parallel create", 8: "8 conversation",
    9: "9 start-up split",
  ]

  /// Runs everything asked for.
  /// - Returns: The exit status: 0 when every measured target was met, 1 otherwise.
  func run() -> Int32 {
    let workspace: BenchWorkspace
    do {
      workspace = try BenchWorkspace()
    } catch {
      FileHandle.standardError.write(
        Data("azlin-bench: cannot make a temporary folder: \(error)\n".utf8))
      return 2
    }
    let total = Stopwatch()
    var averages = [0.0, 0.0, 0.0]
    let load = getloadavg(&averages, 3) > 0 ? String(format: "%.1f", averages[0]) : "unknown"
    var table = BenchTable()
    let quick = options.quick
    let auditEvents = options.size(1_000_000, quick: 20_000)
    var prefilledLog: String?
    func figure(_ n: Int, _ body: () throws -> [BenchTable.Row]) {
      guard options.runs(n) else { return }
      progress("figure \(n)…")
      let watch = Stopwatch()
      do {
        table.append(try body())
      } catch {
        table.append([
          .notMeasured(Self.names[n] ?? "\(n)", "-", why: "\(error)", target: "-")
        ])
      }
      progress(String(format: "figure %d done in %.1f s", n, watch.elapsedSeconds))
    }
    figure(1) {
      try StartupBenchmark(workspace: workspace, runs: options.size(20, quick: 5)).rows()
    }
    figure(2) {
      try LocalTurnBenchmark(workspace: workspace, rounds: options.size(5, quick: 1)).rows()
    }
    figure(3) {
      try RefreshBenchmark(workspace: workspace, runs: options.size(20, quick: 3)).rows()
    }
    figure(4) { ReplayBenchmark(workspace: workspace, runs: options.size(3, quick: 1)).rows() }
    figure(5) {
      var history = HistoryBenchmark(
        workspace: workspace, events: auditEvents, runs: options.size(5, quick: 2))
      let rows = try history.rows()
      prefilledLog = history.spreadLog
      return rows
    }
    figure(6) {
      try AppendBenchmark(workspace: workspace, events: options.size(1_000, quick: 100)).rows()
    }
    figure(7) { try ParallelCreateBenchmark(workspace: workspace).rows() }
    figure(8) {
      let log: String
      if let prefilledLog {
        log = prefilledLog
      } else {
        log = try workspace.folder("audit-prefill") + "/audit.log"
        try AuditLogFixture(path: log, events: auditEvents, failures: .spread(percent: 1)).write()
      }
      return try ConversationBenchmark(
        workspace: workspace, turns: options.size(200, quick: 40),
        repetitions: options.size(3, quick: 1), prefilledLog: log, prefilledEvents: auditEvents
      ).rows()
    }
    figure(9) { try StartupProfile(workspace: workspace, runs: options.size(20, quick: 5)).rows() }

    let cores = ProcessInfo.processInfo.activeProcessorCount
    print(
      "azlin-bench\(quick ? " --quick" : ""): \(cores) cores, load average \(load) at the start, "
        + String(format: "%.0f s", total.elapsedSeconds))
    print("")
    for line in table.render() { print(line) }
    if options.keep {
      print("\nworkloads kept in \(workspace.root)")
    } else {
      workspace.remove()
    }
    return table.missed == 0 ? 0 : 1
  }

  private func progress(_ text: String) {
    FileHandle.standardError.write(Data("azlin-bench: \(text)\n".utf8))
  }
}
