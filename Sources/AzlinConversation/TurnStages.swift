import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Where a session's turns spent their time, summed since it started, in nanoseconds of the
/// monotonic clock: what `azlin-bench` splits a local turn into.
///
/// The engine times its own stages as it runs them; reading the clock costs tens of
/// nanoseconds, so it is always on.
public struct TurnStages: Sendable, Equatable {
  /// Reading what exists (`LiveState.fetch`).
  public var live: UInt64 = 0
  /// Understanding lines (the LLM or the local grammar).
  public var parse: UInt64 = 0
  /// Planning (`CommandPlanner`).
  public var plan: UInt64 = 0
  /// Pricing plans and the budget decision (spend ledger, run-rate, limits).
  public var price: UInt64 = 0

  public init() {}

  /// The monotonic clock's reading, in nanoseconds.
  public static func now() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
  }
}
