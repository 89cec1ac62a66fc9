import AzlinCore
import Foundation

/// How transient failures are retried: exponential backoff with jitter.
public struct RetryPolicy: Equatable, Sendable {
  /// Attempts in all, the first included.
  public var maxAttempts = 4
  /// The first wait, in seconds.
  public var initialDelay: TimeInterval = 2
  /// The longest wait, in seconds.
  public var maxDelay: TimeInterval = 60
  /// The jitter, as a fraction of the wait (0.2 = ±20%).
  public var jitter = 0.2

  public init() {}

  /// The wait before attempt `attempt + 1`, after `attempt` failures.
  /// - Parameters:
  ///   - attempt: How many attempts failed so far (1 after the first).
  ///   - retryAfter: What Azure asked for, honoured when longer.
  ///   - random: The jitter source.
  public func delay(after attempt: Int, retryAfter: TimeInterval?, random: any RandomSource)
    -> TimeInterval
  {
    let base = min(maxDelay, initialDelay * pow(2, Double(max(0, attempt - 1))))
    let jittered = base * (1 + jitter * (2 * random.nextUnit() - 1))
    let wait = max(jittered, retryAfter ?? 0)
    return (wait * 1000).rounded() / 1000
  }
}
