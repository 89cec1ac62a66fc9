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

/// Sleeps a fraction of the requested time: the simulator's modelled minutes pass in
/// moments on a terminal, and not at all on a pipe.
public final class ScaledSleeper: Sleeper {
  private let factor: Double
  private let cap: TimeInterval

  /// - Parameters:
  ///   - factor: Real seconds per requested second (0 never sleeps).
  ///   - cap: The longest real sleep for one call.
  public init(factor: Double, cap: TimeInterval = 2) {
    self.factor = factor
    self.cap = cap
  }

  public func sleep(seconds: TimeInterval) {
    let real = min(seconds * factor, cap)
    if real > 0 { Thread.sleep(forTimeInterval: real) }
  }
}
