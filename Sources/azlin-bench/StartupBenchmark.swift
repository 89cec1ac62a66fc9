import Foundation

/// Figure 1: `azlin shell --backend sim` fed `/quit` on standard input, in a fresh
/// `$AZLIN_HOME` each run: wall time from spawn to exit, and peak resident memory.
struct StartupBenchmark {
  let workspace: BenchWorkspace
  let runs: Int

  static let workload = "azlin shell --backend sim < /quit, fresh AZLIN_HOME"

  func rows() throws -> [BenchTable.Row] {
    guard let binary = workspace.azlinBinary else {
      let why = "no azlin binary next to azlin-bench (swift build -c release --product azlin)"
      return [
        .notMeasured("1 start-up", Self.workload, why: why, target: "≤ 30 ms"),
        .notMeasured("1 idle memory", Self.workload, why: why, target: "≤ 25 MB"),
      ]
    }
    let folder = try workspace.folder("startup")
    let input = folder + "/quit.txt"
    try "/quit\n".write(toFile: input, atomically: true, encoding: .utf8)
    var environment = ProcessInfo.processInfo.environment
    environment["AZLIN_BACKEND"] = nil
    environment["AZLIN_SIM_FAULTS"] = nil
    environment["AZLIN_SIM_PACE"] = nil
    var times = Samples()
    var peaks: [Int] = []
    // One unmeasured run warms the page cache for the binary and its libraries.
    for run in 0...runs {
      environment["AZLIN_HOME"] = folder + "/home-\(run)"
      let child = ChildProcess(
        executable: binary, arguments: ["shell", "--backend", "sim"], environment: environment,
        standardInput: input, standardOutput: folder + "/out-\(run).txt")
      let exit = try child.run()
      guard exit.status == 0 else {
        let said = (try? String(contentsOfFile: folder + "/out-\(run).txt", encoding: .utf8)) ?? ""
        throw ChildProcess.SpawnError(
          description: "azlin shell exited with \(exit.status): \(said.prefix(200))")
      }
      if run > 0 {
        times.add(exit.nanoseconds)
        peaks.append(exit.maxRSSKilobytes)
      }
    }
    let median = times.medianMilliseconds
    let peak = peaks.max() ?? 0
    let medianPeak = peaks.sorted()[peaks.count / 2]
    return [
      BenchTable.Row(
        "1 start-up", Self.workload + ", median of \(runs)",
        "\(Format.milliseconds(median)) (max \(Format.milliseconds(times.maximumMilliseconds)))",
        target: "≤ 30 ms", met: median <= 30),
      BenchTable.Row(
        "1 idle memory", "peak RSS (wait4 ru_maxrss) of the same, worst of \(runs)",
        "\(Format.megabytes(kilobytes: peak)) (median \(Format.megabytes(kilobytes: medianPeak)))",
        target: "≤ 25 MB", met: Double(peak) / 1024 <= 25),
    ]
  }
}
