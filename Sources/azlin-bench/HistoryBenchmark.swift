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
    let spreadReads = try measure(spread, preFilter: true)
    let oldestReads = try measure(oldest, preFilter: true)
    let unfilteredReads = try measure(oldest, preFilter: false, budget: 0)
    let spreadTime = spreadReads.medianMilliseconds
    let oldestTime = oldestReads.medianMilliseconds
    let unfiltered = unfilteredReads.medianMilliseconds
    func times(_ samples: Samples) -> String {
      samples.count == 1 ? "one read" : "median of \(samples.count)"
    }
    return [
      BenchTable.Row(
        "5 /history --failed",
        "\(size), 1% failed (\(Format.grouped(spreadFailures))), newest 20, \(times(spreadReads))",
        Format.milliseconds(spreadTime), target: Self.target, met: spreadTime <= 300),
      BenchTable.Row(
        "5 /history --failed",
        "same size, 20 failures all in the oldest file (reads everything), \(times(oldestReads))",
        Format.milliseconds(oldestTime), target: Self.target, met: oldestTime <= 300),
      BenchTable.Row(
        "5 split",
        "the same whole read without the byte pre-filter (every line parsed), \(times(unfilteredReads))",
        Format.milliseconds(unfiltered), met: nil),
      BenchTable.Row(
        "5 set-up", "writing both logs (bulk, not timed above)",
        String(format: "%.1f s", generated), met: nil),
    ]
  }

  /// Up to `runs` timed reads, after one that warms the page cache; a read
  /// slower than a second counts as measured, and no read starts after `budget` seconds.
  /// - Throws: `BenchError` when the read does not find 20 failed commands.
  private func measure(_ path: String, preFilter: Bool, budget: Double = 6) throws -> Samples {
    var samples = Samples()
    let watch = Stopwatch()
    var warm = false
    while samples.count < runs && (samples.count == 0 || watch.elapsedSeconds < budget) {
      var reader = AuditReader(path: path)
      let (found, ns) = Stopwatch.time {
        reader.newest(limit: 20, mustContain: preFilter ? "\"error_code\":\"" : nil) { entry in
          entry.kind == .command && (entry.json["exit_code"]?.intValue ?? 0) != 0
        }
      }
      guard found.count == 20 else {
        throw BenchError("the audit reader found \(found.count) failed commands in \(path), not 20")
      }
      if warm || ns > 1_000_000_000 { samples.add(ns) }
      warm = true
    }
    return samples
  }
}
