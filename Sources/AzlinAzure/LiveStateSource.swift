/// A backend that can tell what exists without going through az's JSON.
public protocol LiveStateSource {
  /// One snapshot of what exists.
  /// - Throws: `AzError` when the backend's state cannot be read.
  func liveState() throws -> LiveState
}
