import AzlinConversation
import AzlinCore
import Foundation

/// Figure 4: every transcript of `transcripts/`, replayed in this process by `TranscriptSuite`.
struct ReplayBenchmark {
  let workspace: BenchWorkspace
  let runs: Int

  func rows() -> [BenchTable.Row] {
    guard let folder = workspace.packageFile("transcripts") else {
      return [
        .notMeasured(
          "4 replay", "transcripts/ in one process", why: "no transcripts/ folder found",
          target: "≥ 300 turns/s")
      ]
    }
    // As `azlin replay` runs: its sandboxes are temporary (in memory where /dev/shm exists), so
    // nothing is flushed to the disk.
    let saved = FileDurability.flushes
    FileDurability.flushes = false
    let (rate, cpuRate, result) = measure(folder, flushes: false)
    FileDurability.flushes = true
    let (flushedRate, _, _) = measure(folder, flushes: true)
    FileDurability.flushes = saved
    let failing = result.failures > 0 ? ", \(result.failures) failing" : ""
    return [
      BenchTable.Row(
        "4 replay",
        "\(result.files) transcripts, \(result.turns) turns\(failing), median of \(runs) runs, as azlin replay (sandboxes in /dev/shm, no fsync)",
        "\(Format.rate(rate, "turns")) (on CPU alone \(Format.rate(cpuRate, "turns")))",
        target: "≥ 300 turns/s", met: rate >= 300),
      BenchTable.Row(
        "4 split",
        "the same in the temporary folder with every file flushed (fsync), as a live shell writes",
        Format.rate(flushedRate, "turns"), target: "-", met: nil),
    ]
  }

  /// The median replay rate of `runs` runs, wall and on CPU, and the last run's result.
  private func measure(_ folder: String, flushes: Bool) -> (Double, Double, TranscriptSuite.Result)
  {
    let suite = TranscriptSuite(
      version: "azlin-bench", sandboxParent: flushes ? nil : TranscriptSuite.memoryFolder)
    var rates: [(wall: Double, cpu: Double)] = []
    var last: TranscriptSuite.Result?
    for _ in 0..<runs {
      let watch = Stopwatch()
      let cpu = Stopwatch.cpuNow()
      let result = suite.run(paths: [folder], update: false)
      let cpuSeconds = Double(Stopwatch.cpuNow() - cpu) / 1e9
      rates.append((Double(result.turns) / watch.elapsedSeconds, Double(result.turns) / cpuSeconds))
      last = result
    }
    let (rate, cpuRate) = rates.sorted { $0.wall < $1.wall }[rates.count / 2]
    return (rate, cpuRate, last!)
  }
}
