import Foundation

/// Waits for a while.
///
/// Retry backoff and the simulator's modelled durations sleep through this, so
/// tests advance a `ManualClock` instead of waiting.
public protocol Sleeper: AnyObject, Sendable {
  /// Waits `seconds`, or returns at once when the wait is only modelled.
  func sleep(seconds: TimeInterval)
}

/// Sleeps for real.
public final class SystemSleeper: Sleeper {
  public init() {}
  public func sleep(seconds: TimeInterval) {
    guard seconds > 0 else { return }
    Thread.sleep(forTimeInterval: seconds)
  }
}

/// Advances a `ManualClock` instead of sleeping: no real time passes.
public final class ClockSleeper: Sleeper {
  private let clock: ManualClock

  /// Creates a sleeper that moves `clock`.
  public init(clock: ManualClock) { self.clock = clock }

  public func sleep(seconds: TimeInterval) { clock.advance(by: seconds) }
}
