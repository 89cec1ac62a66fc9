import Foundation

/// Everything a component takes from the outside world, passed as one value.
///
/// The shell builds it with the system's clock, random IDs and real sleeping;
/// tests and transcript replay build it with a `ManualClock`, sequential IDs,
/// fixed jitter and a sleeper that only advances the clock.
public struct AzlinContext: Sendable {
  public var clock: any Clock
  public var ids: any IDGenerator
  public var random: any RandomSource
  public var sleeper: any Sleeper
  public var runner: any ProcessRunner
  public var home: AzlinHome
  public var environment: [String: String]
  /// Where relative paths typed by the user (such as `/save session.transcript`) resolve.
  public var workingDirectory: String

  public init(
    clock: any Clock, ids: any IDGenerator, random: any RandomSource, sleeper: any Sleeper,
    runner: any ProcessRunner, home: AzlinHome, environment: [String: String],
    workingDirectory: String
  ) {
    self.clock = clock
    self.ids = ids
    self.random = random
    self.sleeper = sleeper
    self.runner = runner
    self.home = home
    self.environment = environment
    self.workingDirectory = workingDirectory
  }

  /// `path` made absolute against `workingDirectory`.
  public func resolve(_ path: String) -> String {
    path.hasPrefix("/") ? path : workingDirectory + "/" + path
  }

  /// The context of a real run: wall clock, IDs from a random seed (kept for `/save`), real
  /// sleeping and processes.
  public static func live(
    home: AzlinHome, environment: [String: String] = ProcessInfo.processInfo.environment
  )
    -> AzlinContext
  {
    AzlinContext(
      clock: SystemClock(), ids: SeededIDGenerator(), random: SystemRandomSource(),
      sleeper: SystemSleeper(),
      runner: SystemProcessRunner(), home: home, environment: environment,
      workingDirectory: FileManager.default.currentDirectoryPath)
  }

  /// A deterministic context: fixed clock start, sequential IDs, no jitter, modelled sleeping.
  public static func deterministic(
    home: AzlinHome, clock: ManualClock = ManualClock(), runner: any ProcessRunner,
    environment: [String: String] = [:]
  )
    -> AzlinContext
  {
    AzlinContext(
      clock: clock, ids: SequentialIDGenerator(), random: FixedRandomSource(),
      sleeper: ClockSleeper(clock: clock),
      runner: runner, home: home, environment: environment, workingDirectory: home.root)
  }
}
