import Foundation

/// Short lines `Redactor.text` has redacted, with what it made of them: the same answer
/// without running every pattern again. Bounded: when full, it starts over.
final class RedactionMemo: @unchecked Sendable {
  /// The longest line kept, in bytes.
  static let longestLine = 512
  /// The most lines kept.
  static let capacity = 4096

  private let lock = NSLock()
  private var known: [String: String] = [:]

  /// What `line` was redacted to, if it was seen.
  func redacted(_ line: String) -> String? {
    guard line.utf8.count <= Self.longestLine else { return nil }
    lock.lock()
    defer { lock.unlock() }
    return known[line]
  }

  /// Keeps `redacted` as the answer for `line` (a short one).
  func remember(_ line: String, redacted: String) {
    guard line.utf8.count <= Self.longestLine else { return }
    lock.lock()
    defer { lock.unlock() }
    if known.count >= Self.capacity { known.removeAll(keepingCapacity: true) }
    known[line] = redacted
  }
}
