import AzlinConversation
import AzlinCore
import Foundation

/// Figure 8: a scripted conversation through the shell twin (`ShellSandbox`: simulator,
/// `ManualClock`, `--yes`): does a turn cost more late in the conversation, or with a big audit log?
///
/// The script repeats one ten-turn cycle — create, stop, start, list, a price question,
/// `/state`, `/budget`, `/history`, delete, `/history --failed` — so turns 1–20 and the last
/// twenty do the same work. The prefilled run starts with figure 5's 1,000,000-event log
/// (hard links to its files: rotation renames them, nothing rewrites them), as many times as the
/// empty one.
struct ConversationBenchmark {
  let workspace: BenchWorkspace
  let turns: Int
  /// Conversations with each log.
  let repetitions: Int
  /// The `audit.log` of a prefilled file set (with `.1`…`.5`).
  let prefilledLog: String
  let prefilledEvents: Int

  static let target = "≤ 1.2×"

  /// Turn `n` (0-based) of the script.
  static func line(_ n: Int) -> String {
    let c = n / 10
    switch n % 10 {
    case 0: return "create a vm called conv\(c) in westus2"
    case 1: return "stop it"
    case 2: return "start it"
    case 3: return "list vms"
    case 4: return "how much would 3 D4s_v3 cost in japaneast"
    case 5: return "/state"
    case 6: return "/budget"
    case 7: return "/history"
    case 8: return "delete vm conv\(c)"
    default: return "/history --failed"
    }
  }

  /// Per-turn times of one conversation, in nanoseconds, by turn.
  private func conversation(prefilled: Bool, run: Int) throws -> [UInt64] {
    let root = try workspace.folder("conversation-\(prefilled ? "full" : "empty")-\(run)")
    if prefilled {
      for n in 0..<AuditLogFixture.files {
        let suffix = n == 0 ? "" : ".\(n)"
        try FileManager.default.linkItem(
          atPath: prefilledLog + suffix, toPath: root + "/audit.log" + suffix)
      }
    }
    let shell = try ShellSandbox.bench(root: root)
    var times: [UInt64] = []
    for n in 0..<turns {
      let line = Self.line(n)
      let (said, ns) = Stopwatch.time { shell.send(line) }
      if n == 0, !said.contains(where: { $0.hasPrefix("Done") }) {
        throw BenchError("turn 1 did not create a VM: \(said.prefix(4).joined(separator: " / "))")
      }
      times.append(ns)
    }
    shell.close()
    return times
  }

  func rows() throws -> [BenchTable.Row] {
    // Files are written but not flushed, as in `azlin replay`: a flush's latency on a shared
    // disk varies by tens of milliseconds and would hide what the engine's own work does.
    let flushes = FileDurability.flushes
    FileDurability.flushes = false
    defer { FileDurability.flushes = flushes }
    var empty: [[UInt64]] = []
    var full: [[UInt64]] = []
    // Both logs get as many runs, so each turn's fastest is taken from as many tries.
    for run in 0..<repetitions {
      empty.append(try conversation(prefilled: false, run: run))
      full.append(try conversation(prefilled: true, run: run))
    }
    let window = 20
    let early = 0..<window
    let late = (turns - window)..<turns
    let all = 0..<turns
    /// Each turn's fastest time over the runs, in milliseconds (the least disturbed by others).
    func fastest(_ runs: [[UInt64]]) -> [Double] {
      all.map { i in Double(runs.map { $0[i] }.min() ?? 0) / 1e6 }
    }
    func mean(_ times: [Double], _ range: Range<Int>) -> Double {
      times[range].reduce(0, +) / Double(range.count)
    }
    let e = fastest(empty)
    let f = fastest(full)
    let growth = mean(e, late) / mean(e, early)
    let logRatio = mean(f, all) / mean(e, all)
    let fullLate = mean(f, late) / mean(f, early)
    // Which turn of the cycle the log slows most, and which grows most over the conversation.
    var slowed = (line: "", ratio: 0.0)
    var grown = (line: "", ratio: 0.0)
    for k in 0..<10 {
      let label = Self.line(k).replacingOccurrences(of: "conv0", with: "…")
      let indices = Array(stride(from: k, to: turns, by: 10))
      let byLog = indices.map { f[$0] }.reduce(0, +) / indices.map { e[$0] }.reduce(0, +)
      if byLog > slowed.ratio { slowed = (label, byLog) }
      let first = indices.filter { early.contains($0) }.map { e[$0] }
      let last = indices.filter { late.contains($0) }.map { e[$0] }
      let byTurn = last.reduce(0, +) / first.reduce(0, +)
      if byTurn > grown.ratio { grown = (label, byTurn) }
    }
    let reps = repetitions > 1 ? ", each turn's fastest of \(repetitions) runs" : ""
    let lateLabel = "\(late.lowerBound + 1)–\(turns)"
    return [
      BenchTable.Row(
        "8 conversation",
        "\(turns)-turn script, mean turn \(lateLabel) ÷ 1–20\(reps), no fsync",
        "\(Format.ratio(growth)) (\(Format.milliseconds(mean(e, late))) vs \(Format.milliseconds(mean(e, early))))",
        target: Self.target, met: growth <= 1.2),
      BenchTable.Row(
        "8 conversation",
        "same, \(Format.grouped(prefilledEvents))-event audit log ÷ empty (all turns)",
        "\(Format.ratio(logRatio)) (\(Format.milliseconds(mean(f, all))) vs \(Format.milliseconds(mean(e, all))))",
        target: Self.target, met: logRatio <= 1.2),
      BenchTable.Row(
        "8 split",
        "prefilled: turns \(lateLabel) ÷ 1–20; turn most slowed by the log; most grown, empty log",
        "\(Format.ratio(fullLate)); \"\(slowed.line)\" \(Format.ratio(slowed.ratio)); "
          + "\"\(grown.line)\" \(Format.ratio(grown.ratio))", met: nil),
    ]
  }
}
