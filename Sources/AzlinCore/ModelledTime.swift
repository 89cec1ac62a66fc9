import Foundation

/// The simulator's time on a real run: the wall clock plus the modelled time that
/// operations have "taken", shared by every process on one state folder.
///
/// A simulated VM create takes 90 modelled seconds; on a terminal azlin waits a small
/// fraction of that for real and moves this clock forward by the rest, so the VM is
/// running when the command returns — here and in the next `azlin sim` process, which
/// reads the same offset file.
public final class ModelledTime: Clock, Sleeper, @unchecked Sendable {
  private let offsetFile: String
  private let lock: FileLock
  private let realFactor: Double
  private let cap: TimeInterval

  /// - Parameters:
  ///   - offsetFile: Where the accumulated modelled seconds are kept (`$AZLIN_HOME/sim/clock-offset`).
  ///   - realFactor: Real seconds waited per modelled second (0 never waits).
  ///   - cap: The longest real wait for one operation.
  public init(offsetFile: String, realFactor: Double, cap: TimeInterval = 1.5) {
    self.offsetFile = offsetFile
    self.lock = FileLock(path: offsetFile + ".lock")
    self.realFactor = realFactor
    self.cap = cap
  }

  private func readOffset() -> TimeInterval {
    guard let data = FileManager.default.contents(atPath: offsetFile),
      let text = String(data: data, encoding: .utf8),
      let value = TimeInterval(text.trimmingCharacters(in: .whitespacesAndNewlines))
    else { return 0 }
    return value
  }

  public var now: Date { Date() + readOffset() }

  public func sleep(seconds: TimeInterval) {
    guard seconds > 0 else { return }
    // The modelled moment this wait ends: waits side by side overlap instead of adding up.
    let target = now + seconds
    let real = min(seconds * realFactor, cap)
    if real > 0 { Thread.sleep(forTimeInterval: real) }
    _ = try? lock.withLock {
      let offset = max(readOffset(), target.timeIntervalSince(Date()))
      try AtomicFile.write(String(offset), to: offsetFile)
    }
  }
}
