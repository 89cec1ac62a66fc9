import AzlinCore
import Foundation

extension AzureCLIBackend {
  /// Runs `commands` as `az` processes side by side, each on a thread of its own (never the
  /// concurrency pool, whose few threads a blocking wait would hold), and reports each result
  /// in the order given.
  ///
  /// Each `az` call spends most of a second starting Python and waiting on the network, so
  /// the listings that make up one read of what exists overlap instead of queueing.
  public func runAll(_ commands: [AzCommand]) -> [AzResult] {
    guard commands.count > 1 else { return commands.map(run) }
    let results = ResultSlots(count: commands.count)
    let group = DispatchGroup()
    for (i, command) in commands.enumerated() {
      group.enter()
      let thread = Thread {
        results.set(i, self.run(command))
        group.leave()
      }
      thread.stackSize = 1 << 20
      thread.start()
    }
    group.wait()
    return results.values
  }
}

/// One result per command, filled from several threads.
private final class ResultSlots: @unchecked Sendable {
  private let lock = NSLock()
  private var slots: [AzResult?]

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func set(_ index: Int, _ result: AzResult) {
    lock.lock()
    slots[index] = result
    lock.unlock()
  }

  /// Every result; a slot left empty (never, once every thread has left) reads as a failure.
  var values: [AzResult] {
    lock.lock()
    defer { lock.unlock() }
    return slots.map {
      $0 ?? AzResult(exitCode: 1, stdout: "", stderr: "ERROR: (Internal) no result was recorded.")
    }
  }
}
