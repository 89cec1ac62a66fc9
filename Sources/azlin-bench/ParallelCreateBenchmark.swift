import Foundation

/// Figure 7: "create 5 VMs" on the simulator clock, parallel against sequential.
///
/// `PlanExecutor` offers no concurrency setting yet, so the parallel figure is reported as not
/// measured; what the executor does today (one step at a time) is measured through a shell
/// session with `--yes`, as modelled seconds on its `ManualClock`.
struct ParallelCreateBenchmark {
  let workspace: BenchWorkspace

  static let target = "parallel ≤ 1.2 × one VM"

  func rows() throws -> [BenchTable.Row] {
    let one = try BenchSession(root: try workspace.folder("create-one"))
    one.handle("create rg bench-one in westus2")
    let single = one.modelledSeconds("create a vm called solo in rg bench-one")
    let five = try BenchSession(root: try workspace.folder("create-five"))
    five.handle("create rg bench-five in westus2")
    let all = five.modelledSeconds("create 5 vms in rg bench-five")
    guard single.seconds > 0, all.seconds > 0 else {
      throw BenchError(
        "the shell did not create the VMs: \((single.said + all.said).prefix(6).joined(separator: " / "))"
      )
    }
    let ratio = all.seconds / single.seconds
    return [
      .notMeasured(
        "7 parallel create", "create 5 VMs, concurrency 4 vs 1 (ManualClock)",
        why: "executor runs steps one at a time", target: Self.target),
      BenchTable.Row(
        "7 sequential today", "create 5 VMs vs 1 VM through Session.handle --yes (ManualClock)",
        "\(Format.modelled(seconds: all.seconds)) vs \(Format.modelled(seconds: single.seconds)) "
          + "modelled = \(Format.ratio(ratio))",
        met: nil),
    ]
  }
}
