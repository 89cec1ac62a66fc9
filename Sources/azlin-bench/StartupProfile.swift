import AzlinAzure
import AzlinConversation
import AzlinCore
import AzlinSimulator
import Foundation

/// Figure 9: where start-up time goes, by timing its parts one at a time in this process
/// (and the bare process start of the `azlin` binary, with `--help`).
struct StartupProfile {
  let workspace: BenchWorkspace
  let runs: Int

  func rows() throws -> [BenchTable.Row] {
    var parts: [String] = []
    if let binary = workspace.azlinBinary {
      var bare = Samples()
      for run in 0...runs {
        let exit = try ChildProcess(
          executable: binary, arguments: ["--help"],
          environment: ProcessInfo.processInfo.environment, standardInput: nil,
          standardOutput: nil
        ).run()
        if run > 0 { bare.add(exit.nanoseconds) }
      }
      parts.append("azlin --help \(Format.milliseconds(bare.medianMilliseconds))")
    }
    let catalog = median { _ = try? AzureCatalog(json: EmbeddedCatalog.json) }
    let json = median { _ = try? JSONValue.parse(EmbeddedCatalog.json) }
    parts.append(
      "catalog parse \(Format.milliseconds(catalog)) (JSON alone \(Format.milliseconds(json)))")
    var starts = Samples()
    var fetches = Samples()
    for run in 0...runs {
      let root = try workspace.folder("profile-\(run)")
      let (shell, ns) = try Stopwatch.time { try ShellSandbox.bench(root: root) }
      let backend = SimulatorBackend(
        simulator: try AzureSimulator(
          folder: shell.home.simulatorFolder, clock: shell.clock,
          sleeper: ClockSleeper(clock: shell.clock), ids: SequentialIDGenerator()))
      let (_, fetch) = try Stopwatch.time { try LiveState.fetch(from: backend) }
      if run > 0 {
        starts.add(ns)
        fetches.add(fetch)
      }
      shell.close()
    }
    parts.append("TurnEngine init+start \(Format.milliseconds(starts.medianMilliseconds))")
    parts.append(
      "LiveState.fetch, empty simulator \(Format.milliseconds(fetches.medianMilliseconds))")
    return [
      BenchTable.Row(
        "9 start-up split", "medians of \(runs), fresh AZLIN_HOME, in-process unless a binary",
        parts.joined(separator: "; "), met: nil)
    ]
  }

  /// The median milliseconds of `runs` calls of `body`, after one warm-up call.
  private func median(_ body: () -> Void) -> Double {
    body()
    var samples = Samples()
    for _ in 0..<runs { samples.add(Stopwatch.time(body).nanoseconds) }
    return samples.medianMilliseconds
  }
}
