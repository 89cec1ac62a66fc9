import Foundation

/// Makes identifiers for objectives, sessions and simulated resources.
public protocol IDGenerator: AnyObject, Sendable {
  /// A new lowercase UUID string.
  func next() -> String
}

/// Random UUIDs.
public final class RandomIDGenerator: IDGenerator {
  public init() {}
  public func next() -> String { UUID().uuidString.lowercased() }
}

/// UUID-shaped identifiers counted from 1, for exact tests and transcripts.
public final class SequentialIDGenerator: IDGenerator, @unchecked Sendable {
  private let lock = NSLock()
  private var counter = 0

  public init() {}

  public func next() -> String {
    lock.lock()
    counter += 1
    let value = counter
    lock.unlock()
    let tail = String(value, radix: 16)
    return "00000000-0000-4000-8000-" + String(repeating: "0", count: max(0, 12 - tail.count))
      + tail
  }
}
