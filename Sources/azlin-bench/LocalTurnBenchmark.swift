import AzlinAzure
import AzlinConversation
import AzlinCore
import Foundation

/// Figure 2: one local turn through the real engine — the shell twin (`ShellSandbox`) with
/// `--dry-run`, so each line is read, understood, planned, priced and budget-checked as the
/// shell does it, and nothing runs — for every utterance of the corpus, against a 500-VM
/// subscription in the simulator, with monthly, daily and group limits set.
///
/// The turns follow one another in one conversation, as typed lines would; a question left
/// open is cancelled between turns (untimed), so the next utterance is a request again.
struct LocalTurnBenchmark {
  let workspace: BenchWorkspace
  let rounds: Int

  static let target = "p50 ≤ 0.5 ms, p99 ≤ 2 ms"

  /// The limits every plan is checked against.
  static let config = """
    [budget]
    monthly_limit = 50000
    daily_limit = 2000

    [budget.resource_groups]
    azlin-rg = 1000
    """

  func rows() throws -> [BenchTable.Row] {
    guard let corpus = UtteranceCorpus.load(from: workspace) else {
      return [
        .notMeasured(
          "2 local turn", "the shell twin, --dry-run", why: "no corpus found in the package",
          target: Self.target)
      ]
    }
    // In memory where /dev/shm exists, as replay's sandboxes are: the figure is the engine's
    // work, not the disk's flushes.
    let parent = TranscriptSuite.memoryFolder.map { $0 + "/" } ?? (workspace.root + "/")
    let root = parent + "azlin-bench-turn-\(getpid())"
    try? FileManager.default.removeItem(atPath: root)
    let home = AzlinHome(root: root)
    try home.prepare()
    let (_, fixtureClock) = try SimulatorFixture(
      folder: home.simulatorFolder, groups: 50, perGroup: 10
    ).build()
    var options = TurnEngine.Options()
    options.dryRun = true
    let twin = try ShellSandbox(
      files: [("config.toml", Self.config)], options: options, version: "azlin-bench",
      start: fixtureClock.now, root: root)
    defer { twin.close() }
    func turn(_ line: String) -> (planned: Bool, nanoseconds: UInt64) {
      let (said, ns) = Stopwatch.time { twin.send(line) }
      if twin.session.isWaitingForAnswer {
        twin.session.cancelQuestion()
        _ = twin.output.take()
      }
      return (said.contains { $0.hasPrefix("Plan (") }, ns)
    }
    for line in corpus.lines { _ = turn(line) }  // warm caches and lazy statics
    var samples = Samples()
    var planned = 0
    for _ in 0..<rounds {
      planned = 0
      for line in corpus.lines {
        let (wasPlanned, ns) = turn(line)
        samples.add(ns)
        if wasPlanned { planned += 1 }
      }
    }
    let before = twin.session.stages
    var total: UInt64 = 0
    for line in corpus.lines { total += turn(line).nanoseconds }
    let after = twin.session.stages
    let perTurn = { (ns: UInt64) in
      Format.milliseconds(Double(ns) / Double(corpus.lines.count) / 1e6)
    }
    let live = after.live - before.live
    let parse = after.parse - before.parse
    let plan = after.plan - before.plan
    let price = after.price - before.price
    let rest = total - min(total, live + parse + plan + price)
    let p50 = samples.medianMilliseconds
    let p99 = samples.p99Milliseconds
    let file = (corpus.source as NSString).lastPathComponent
    return [
      BenchTable.Row(
        "2 local turn",
        "\(corpus.lines.count) utterances (\(file), \(planned) priced plans) × \(rounds), "
          + "500 VMs/50 groups, the shell twin with --dry-run",
        "p50 \(Format.milliseconds(p50)), p99 \(Format.milliseconds(p99))",
        target: Self.target, met: p50 <= 0.5 && p99 <= 2),
      BenchTable.Row(
        "2 split", "mean per utterance by stage, one more pass (the engine's own timings)",
        "live read \(perTurn(live)), parse \(perTurn(parse)), plan \(perTurn(plan)), "
          + "price + budget (run-rate of 500 VMs) \(perTurn(price)), "
          + "the rest (audit, session record, showing) \(perTurn(rest))", met: nil),
    ]
  }
}
