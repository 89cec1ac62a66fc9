import AzlinCore
import AzlinLedger
import Foundation

/// Figure 5: what `/history --failed` does — `AuditReader.newest(limit: 20, …)` for failed
/// commands with the shell's byte pre-filter — over a 1,000,000-event log and its rotated files.
struct HistoryBenchmark {
  let workspace: BenchWorkspace
  let events: Int
  let runs: Int

  /// The spread log (1 % failed commands), kept for figure 8.
  private(set) var spreadLog: String?

  init(workspace: BenchWorkspace, events: Int, runs: Int) {
    self.workspace = workspace
    self.events = events
    self.runs = runs
  }

  static let target = "≤ 300 ms"

  mutating func rows() throws -> [BenchTable.Row] {
    let spread = try workspace.folder("audit-spread") + "/audit.log"
    let oldest = try workspace.folder("audit-oldest") + "/audit.log"
    let generation = Stopwatch()
    let spreadFailures = try AuditLogFixture(
      path: spread, events: events, failures: .spread(percent: 1)
    ).write()
    try AuditLogFixture(path: oldest, events: events, failures: .oldest(count: 20)).write()
    let generated = generation.elapsedSeconds
    spreadLog = spread
    let bytes = (0..<AuditLogFixture.files).reduce(0) { total, n in
      let file = n == 0 ? spread : "\(spread).\(n)"
      return total
        + ((try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0)
    }
    let size = "\(Format.grouped(events)) events, \(AuditLogFixture.files) files, \(bytes >> 20) MB"
    let spreadTime = try measure(spread, preFilter: true)
    let oldestTime = try measure(oldest, preFilter: true)
    let unfiltered = try measure(oldest, preFilter: false)
    return [
      BenchTable.Row(
        "5 /history --failed",
        "\(size), 1% failed (\(Format.grouped(spreadFailures))), newest 20",
        Format.milliseconds(spreadTime), target: Self.target, met: spreadTime <= 300),
      BenchTable.Row(
        "5 /history --failed",
        "same size, only 20 failures, all in the oldest file: reads all \(Format.grouped(events))",
        Format.milliseconds(oldestTime), target: Self.target, met: oldestTime <= 300),
      BenchTable.Row(
        "5 split",
        "the same whole read without the byte pre-filter (every line parsed)",
        Format.milliseconds(unfiltered), met: nil),
      BenchTable.Row(
        "5 set-up", "writing both logs (bulk, not timed above)",
        String(format: "%.1f s", generated), met: nil),
    ]
  }

  /// The median time of `runs` reads, after one that warms the page cache.
  /// - Throws: `BenchError` when the read does not find 20 failed commands.
  private func measure(_ path: String, preFilter: Bool) throws -> Double {
    var samples = Samples()
    for run in 0...runs {
      var reader = AuditReader(path: path)
      let (found, ns) = Stopwatch.time {
        reader.newest(limit: 20, mustContain: preFilter ? "\"error_code\":\"" : nil) { entry in
          entry.event == "command" && (entry.json["exit_code"]?.intValue ?? 0) != 0
        }
      }
      guard found.count == 20 else {
        throw BenchError(
          "the audit reader found \(found.count) failed commands in \(path), not 20")
      }
      if run > 0 { samples.add(ns) }
    }
    return samples.medianMilliseconds
  }
}
