import Foundation

/// Waits for a while.
///
/// Retry backoff and the simulator's modelled durations sleep through this, so
/// tests advance a `ManualClock` instead of waiting.
public protocol Sleeper: AnyObject, Sendable {
  /// Waits `seconds`, or returns at once when the wait is only modelled.
  func sleep(seconds: TimeInterval)
  /// `workers` threads are about to run side by side, each calling `workerFinished()` at its end:
  /// modelled waits then overlap instead of adding up.
  func beginParallel(workers: Int)
  /// One of the parallel workers is done.
  func workerFinished()
}

extension Sleeper {
  /// Real waits overlap by themselves.
  public func beginParallel(workers: Int) {}
  public func workerFinished() {}
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
///
/// Between `beginParallel` and the last `workerFinished` it is a discrete-event scheduler:
/// a worker's wait blocks until every running worker waits too, then the clock jumps to the
/// earliest wake-up and releases those due. Five 90-second creates side by side take 90
/// modelled seconds, not 450.
public final class ClockSleeper: Sleeper, @unchecked Sendable {
  private let clock: ManualClock
  private let condition = NSCondition()
  private var running = 0
  private var waiting: [(id: Int, wake: Date)] = []
  private var nextID = 0

  /// Creates a sleeper that moves `clock`.
  public init(clock: ManualClock) { self.clock = clock }

  public func sleep(seconds: TimeInterval) {
    condition.lock()
    defer { condition.unlock() }
    guard running > 1 else {
      clock.advance(by: seconds)
      return
    }
    nextID += 1
    let id = nextID
    waiting.append((id, clock.now + max(0, seconds)))
    advanceIfAllWait()
    while waiting.contains(where: { $0.id == id }) { condition.wait() }
  }

  public func beginParallel(workers: Int) {
    condition.lock()
    running = workers
    condition.unlock()
  }

  public func workerFinished() {
    condition.lock()
    running = max(0, running - 1)
    advanceIfAllWait()
    condition.unlock()
  }

  /// With every running worker waiting, moves the clock to the earliest wake-up and releases those due.
  private func advanceIfAllWait() {
    guard !waiting.isEmpty, waiting.count >= running, let next = waiting.map(\.wake).min() else {
      return
    }
    clock.advance(by: next.timeIntervalSince(clock.now))
    waiting.removeAll { $0.wake <= next }
    condition.broadcast()
  }
}
