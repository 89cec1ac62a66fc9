import AzlinAzure
import AzlinCore
import AzlinLedger
import AzlinPlanning
import Foundation

/// Figure 2: one local turn — parse, plan, estimate, budget check, no execution — for every
/// utterance of the corpus against a 500-VM subscription.
struct LocalTurnBenchmark {
  let workspace: BenchWorkspace
  let rounds: Int

  static let target = "p50 ≤ 0.5 ms, p99 ≤ 2 ms"

  func rows() -> [BenchTable.Row] {
    guard let corpus = UtteranceCorpus.load(from: workspace) else {
      return [
        .notMeasured(
          "2 local turn", "parse+plan+estimate+budget", why: "no corpus found in the package",
          target: Self.target)
      ]
    }
    let pipeline = LocalTurnPipeline(live: SyntheticSubscription.live())
    for line in corpus.lines { _ = pipeline.turn(line) }  // warm caches and lazy statics
    var samples = Samples()
    var planned = 0
    for _ in 0..<rounds {
      planned = 0
      for line in corpus.lines {
        let (outcome, ns) = Stopwatch.time { pipeline.turn(line) }
        samples.add(ns)
        if outcome == .planned { planned += 1 }
      }
    }
    var stages = LocalTurnPipeline.StageTimes()
    for line in corpus.lines { _ = pipeline.turn(line, stages: &stages) }
    let perTurn = { (ns: UInt64) in
      Format.milliseconds(Double(ns) / Double(corpus.lines.count) / 1e6)
    }
    let p50 = samples.medianMilliseconds
    let p99 = samples.p99Milliseconds
    let file = (corpus.source as NSString).lastPathComponent
    return [
      BenchTable.Row(
        "2 local turn",
        "\(corpus.lines.count) utterances (\(file), \(planned) priced plans) × \(rounds), "
          + "500 VMs/50 groups",
        "p50 \(Format.milliseconds(p50)), p99 \(Format.milliseconds(p99))",
        target: Self.target, met: p50 <= 0.5 && p99 <= 2),
      BenchTable.Row(
        "2 split", "mean per utterance by stage, one more pass",
        "parse \(perTurn(stages.parse)), plan \(perTurn(stages.plan)), "
          + "price + budget (run-rate of 500 VMs) \(perTurn(stages.price))", met: nil),
    ]
  }
}
