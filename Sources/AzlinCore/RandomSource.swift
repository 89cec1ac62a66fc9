import Foundation

/// A source of randomness, such as retry jitter.
public protocol RandomSource: AnyObject, Sendable {
  /// A value in `0..<1`.
  func nextUnit() -> Double
}

/// The system's random generator.
public final class SystemRandomSource: RandomSource {
  public init() {}
  public func nextUnit() -> Double { Double.random(in: 0..<1) }
}

/// Always answers the same value: jitter becomes exact.
public final class FixedRandomSource: RandomSource {
  private let value: Double

  /// - Parameter value: The value returned by every call; 0.5 means "no jitter".
  public init(value: Double = 0.5) { self.value = value }

  public func nextUnit() -> Double { value }
}
