import Foundation

/// Runs blocking work on a thread of its own and waits for it without holding a thread of
/// the concurrency pool.
///
/// The executor blocks its caller while steps run, and the MCP strategy waits there for tasks
/// that need the pool: a test that called it from its own task could take the last free
/// thread of a small pool (two on a two-core machine) and wait forever.
/// - Throws: What `body` threw.
public func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
  try await withCheckedThrowingContinuation { continuation in
    let thread = Thread { continuation.resume(with: Result { try body() }) }
    thread.stackSize = 1 << 20
    thread.start()
  }
}
