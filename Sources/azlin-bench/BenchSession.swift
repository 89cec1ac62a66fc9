import AzlinAzure
import AzlinCore
import AzlinShell
import Foundation

/// A shell session built the way `TranscriptReplayer` builds one: its own `$AZLIN_HOME`, the
/// embedded simulator, a `ManualClock` with a `ClockSleeper`, sequential IDs, a `BufferOutput`,
/// and `--yes`.
struct BenchSession {
  let home: AzlinHome
  let clock: ManualClock
  let session: Session
  let output: BufferOutput

  /// Prepares `root` as `$AZLIN_HOME` and starts a session in it.
  /// - Throws: `FileError` when the folder cannot be prepared.
  init(root: String) throws {
    home = AzlinHome(root: root)
    try home.prepare()
    clock = ManualClock()
    let context = AzlinContext.deterministic(
      home: home, clock: clock, runner: RefusingProcessRunner())
    let simulator = try AzureSimulator(
      folder: home.simulatorFolder, clock: clock, sleeper: context.sleeper,
      ids: SequentialIDGenerator())
    var options = Session.Options()
    options.autoApprove = true
    output = BufferOutput()
    session = Session(
      context: context, backend: SimulatorBackend(simulator: simulator), config: AzlinConfig(),
      output: output, options: options, version: "azlin-bench")
    session.start()
    _ = output.take()
  }

  /// Handles `line` and returns what the shell said.
  @discardableResult
  func handle(_ line: String) -> [String] {
    session.handle(line)
    return output.take()
  }
}
