import Foundation

/// A fresh folder under the system's temporary folder, removed when released.
public final class TemporaryFolder {
  /// The folder's path.
  public let path: String

  public init() {
    path = NSTemporaryDirectory() + "azlin-test-" + UUID().uuidString.prefix(12)
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  /// A path inside the folder.
  public func file(_ name: String) -> String { path + "/" + name }
}
