import Foundation

/// A source of the current time.
///
/// Components never call `Date()` themselves: the shell passes a `SystemClock`,
/// tests and transcript replay pass a `ManualClock` so every timestamp is exact.
public protocol Clock: AnyObject, Sendable {
  /// The current instant.
  var now: Date { get }
}

/// The wall clock.
public final class SystemClock: Clock {
  public init() {}
  public var now: Date { Date() }
}

/// A clock that moves only when told to.
///
/// Used by tests, transcript replay and the simulator's modelled durations.
public final class ManualClock: Clock, @unchecked Sendable {
  private let lock = NSLock()
  private var current: Date

  /// Creates a clock stopped at `start`.
  public init(start: Date = Date(timeIntervalSince1970: 1_795_683_600)) {
    self.current = start
  }

  public var now: Date {
    lock.lock()
    defer { lock.unlock() }
    return current
  }

  /// Moves the clock forward.
  /// - Parameter seconds: How far to move; negative values are ignored.
  public func advance(by seconds: TimeInterval) {
    guard seconds > 0 else { return }
    lock.lock()
    current += seconds
    lock.unlock()
  }
}
