import AzlinAzure
import Foundation

/// What kind of failure an az error is, decided by Azure's error code first and by the
/// message only when az gave no code.
public struct FailureClass: Equatable, Sendable {
  /// The Azure error code (or what the message implies).
  public var code: String
  /// True when trying again may succeed (throttling, transient server faults, timeouts).
  public var retriable: Bool
  /// Seconds Azure asked to wait, when it said so ("Retry after 10 seconds").
  public var retryAfter: TimeInterval?

  /// Codes worth retrying: throttling and transient faults.
  static let retriableCodes: Set<String> = [
    "TooManyRequests", "InternalServerError", "RetryableError", "ServiceUnavailable",
    "GatewayTimeout",
    "Timeout", "AnotherOperationInProgress", "OperationPreempted", "ServerBusy", "BadGateway",
  ]

  /// Classifies `error`.
  public init(_ error: AzError) {
    var code = error.code
    if code == "Unknown" {
      let m = error.message.lowercased()
      if m.contains("too many requests") || m.contains("throttl") {
        code = "TooManyRequests"
      } else if m.contains("timed out") || m.contains("timeout") {
        code = "Timeout"
      } else if m.contains("internal server error") {
        code = "InternalServerError"
      }
    }
    self.code = code
    // A conflict with an operation still in progress settles by itself: wait and retry. A
    // conflict over a name that exists does not.
    let lower = error.message.lowercased()
    let busy =
      code == "Conflict"
      && (lower.contains("another operation") || lower.contains("operation in progress")
        || lower.contains("is in progress"))
    self.retriable = Self.retriableCodes.contains(code) || busy
    self.retryAfter = Self.retryAfter(in: error.message)
  }

  /// The wait in "Retry after 10 seconds" / "retry-after: 10".
  static func retryAfter(in message: String) -> TimeInterval? {
    let lower = message.lowercased()
    for marker in ["retry after ", "retry-after: ", "retry-after ", "retry after: "] {
      guard let range = lower.range(of: marker) else { continue }
      let digits = lower[range.upperBound...].prefix(while: { $0.isNumber || $0 == "." })
      if let value = TimeInterval(digits), value >= 0 { return min(value, 3600) }
    }
    return nil
  }
}
