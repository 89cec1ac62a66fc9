import AzlinConversation
import AzlinCore
import Foundation

/// Figure 7: "create 5 VMs" through the shell twin (`--yes`, the simulator on a `ManualClock`
/// with a `ClockSleeper`), against one VM alone, in modelled seconds: how long the turn kept
/// the clock moving, with the default `[execution] max_parallel` and with 1.
struct ParallelCreateBenchmark {
  let workspace: BenchWorkspace

  static let target = "parallel ≤ 1.2 × one VM"

  func rows() throws -> [BenchTable.Row] {
    let one = try modelledSeconds("create a vm called solo in rg bench", maxParallel: nil, "one")
    let sequential = try modelledSeconds("create 5 vms in rg bench", maxParallel: 1, "seq")
    let parallel = try modelledSeconds("create 5 vms in rg bench", maxParallel: nil, "par")
    let ratio = parallel.seconds / one.seconds
    let bound = AzlinConfig().execution.maxParallel
    return [
      BenchTable.Row(
        "7 parallel create",
        "\(parallel.creates) VM creates, the shell twin with the default max_parallel (\(bound)) "
          + "vs one VM (ManualClock)",
        "\(Format.modelled(seconds: parallel.seconds)) vs \(Format.modelled(seconds: one.seconds)) "
          + "= \(Format.ratio(ratio)); max_parallel 1: \(Format.modelled(seconds: sequential.seconds))",
        target: Self.target, met: ratio <= 1.2)
    ]
  }

  /// Sends `line` to a twin whose simulator holds group `bench`, and returns the modelled
  /// seconds the turn took and how many VM creates it reported done.
  private func modelledSeconds(_ line: String, maxParallel: Int?, _ name: String) throws -> (
    seconds: Double, creates: Int
  ) {
    var options = TurnEngine.Options()
    options.autoApprove = true
    let files = maxParallel.map { [("config.toml", "[execution]\nmax_parallel = \($0)\n")] } ?? []
    let twin = try ShellSandbox(
      files: files, options: options, version: "azlin-bench",
      setup: ["group create --name bench --location westus2"],
      root: try workspace.folder("create-\(name)"))
    defer { twin.close() }
    let before = twin.clock.now
    let said = twin.send(line)
    let seconds = twin.clock.now.timeIntervalSince(before)
    guard said.contains(where: { $0.hasPrefix("Done") }) else {
      throw BenchError("\"\(line)\" did not finish: \(said.suffix(3).joined(separator: " / "))")
    }
    return (seconds, said.filter { $0.contains("✓ create VM") }.count)
  }
}
