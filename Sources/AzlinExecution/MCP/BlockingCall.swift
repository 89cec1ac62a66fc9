import Foundation

/// Runs async work from a plain thread and waits for it, with a deadline.
///
/// The executor's steps run on threads of their own, never on the concurrency pool, so
/// waiting here does not starve the tasks it waits for.
enum BlockingCall {
  /// Why the wait ended without a result.
  enum Failure: Error, Equatable {
    /// The deadline passed.
    case timedOut
    /// `abandon` said there is no point waiting (the server died).
    case abandoned
  }

  /// Runs `body` and waits for it at most `timeout` seconds, checking `abandon` ten times a second.
  /// - Throws: `Failure`, or what `body` threw.
  static func run<T: Sendable>(
    timeout: TimeInterval, abandon: @escaping () -> Bool = { false },
    _ body: @escaping @Sendable () async throws -> T
  ) throws -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    // High priority: the caller is a thread waiting on it, and the tasks the MCP client
    // starts inside inherit the priority, so a busy pool serves them first.
    let task = Task(priority: .high) {
      do { box.set(.success(try await body())) } catch { box.set(.failure(error)) }
      done.signal()
    }
    let deadline = DispatchTime.now() + timeout
    while true {
      let slice = min(deadline, DispatchTime.now() + 0.1)
      if done.wait(timeout: slice) == .success { break }
      if DispatchTime.now() >= deadline {
        task.cancel()
        throw Failure.timedOut
      }
      if abandon() {
        task.cancel()
        throw Failure.abandoned
      }
    }
    switch box.value {
    case .success(let value): return value
    case .failure(let error): throw error
    case nil: throw Failure.abandoned
    }
  }
}

/// A result written by a task and read by the waiting thread.
private final class ResultBox<T>: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: Result<T, any Error>?

  func set(_ result: Result<T, any Error>) {
    lock.lock()
    stored = result
    lock.unlock()
  }

  var value: Result<T, any Error>? {
    lock.lock()
    defer { lock.unlock() }
    return stored
  }
}
