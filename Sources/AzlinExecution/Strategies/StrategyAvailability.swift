/// Whether a strategy can be used now, and why not when it cannot.
public enum StrategyAvailability: Equatable, Sendable {
  /// Usable; the detail says how (the binary found, the server and its tool count).
  case available(String)
  /// Not usable; the reason says what is missing.
  case unavailable(String)

  /// True when the strategy can be used.
  public var isAvailable: Bool {
    if case .available = self { return true } else { return false }
  }
}
