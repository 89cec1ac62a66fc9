import Foundation

/// Runs work items side by side, each on a thread of its own — never the concurrency pool,
/// whose few threads a blocking wait (a process, a modelled sleep) would hold — and returns
/// their results in the order of the items.
public enum SideBySide {
  /// Runs `body` once per index in `0..<count` at the same time and waits for all of them.
  /// - Parameters:
  ///   - count: How many items.
  ///   - body: The work of item `i`; it runs on its own thread.
  /// - Returns: Each item's result, in index order.
  public static func run<Result: Sendable>(
    _ count: Int, _ body: @escaping @Sendable (Int) -> Result
  ) -> [Result] {
    let slots = Slots<Result>(count: count)
    let group = DispatchGroup()
    for i in 0..<count {
      group.enter()
      let thread = Thread {
        slots.set(i, body(i))
        group.leave()
      }
      thread.stackSize = 1 << 20
      thread.start()
    }
    group.wait()
    return slots.values
  }
}

/// One result per item, filled from several threads.
private final class Slots<Result: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var slots: [Result?]

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func set(_ index: Int, _ result: Result) {
    lock.lock()
    slots[index] = result
    lock.unlock()
  }

  /// Every result; each slot is filled once every thread has left.
  var values: [Result] {
    lock.lock()
    defer { lock.unlock() }
    return slots.map { $0! }
  }
}
