import AzlinAzure
import AzlinCore
import Foundation

/// The simulator's state as last decoded, kept with the bytes it was decoded from.
///
/// Every az command and every live-state read loads the state; decoding the JSON again each
/// time was most of a replayed turn. A load still reads the file — another process may have
/// replaced it — but decodes it only when its bytes differ from the ones kept.
final class SimulatorStateCache: @unchecked Sendable {
  private let lock = NSLock()
  private var cached: (bytes: Data, state: SimulatorState)?

  /// The state in `path`, decoded again only when the file's bytes changed since.
  /// - Throws: What `SimulatorState.load(from:)` throws.
  func load(from path: String) throws -> SimulatorState {
    guard let bytes = FileManager.default.contents(atPath: path) else {
      return try SimulatorState.load(from: path)
    }
    lock.lock()
    let hit = cached.flatMap { $0.bytes == bytes ? $0.state : nil }
    lock.unlock()
    if let hit { return hit }
    let state = try SimulatorState.load(from: path)
    // Kept only when the file still holds the bytes compared above.
    if FileManager.default.contents(atPath: path) == bytes {
      remember(bytes, state)
    }
    return state
  }

  /// Writes `state` to `path` and keeps it with the bytes written, so the next load decodes
  /// nothing. Called under the simulator's lock, as every write is.
  /// - Throws: What `SimulatorState.save(to:)` throws.
  func save(_ state: SimulatorState, to path: String) throws {
    lock.lock()
    cached = nil
    lock.unlock()
    try state.save(to: path)
    if let bytes = FileManager.default.contents(atPath: path) { remember(bytes, state) }
  }

  private func remember(_ bytes: Data, _ state: SimulatorState) {
    lock.lock()
    cached = (bytes, state)
    lock.unlock()
  }
}
