/// What a turn asks of the terminal it runs under, beyond the lines it writes to its
/// `OutputSink`: Ctrl-C while steps run, and a progress line while a step runs.
///
/// The engine has no terminal code of its own: the shell (`Session` in AzlinShell) gives it a
/// port on a terminal; a pipe, a transcript replay, the bench and the tests use `QuietTerminal`.
public protocol TerminalPort: AnyObject {
  /// Runs `body`, telling it through `cancelled` when the user asked to stop (Ctrl-C): what
  /// has started finishes, nothing new starts.
  func withInterrupts<T>(_ body: (_ cancelled: () -> Bool) throws -> T) rethrows -> T
  /// A step has started and runs for a while: `summary` may be shown until `progressEnded()`.
  func progressStarted(_ summary: String)
  /// The step shown by `progressStarted(_:)` has an outcome; its progress line goes away.
  func progressEnded()
}

/// No terminal: never interrupted, no progress line (pipes, replays, the bench, tests).
public final class QuietTerminal: TerminalPort {
  public init() {}
  public func withInterrupts<T>(_ body: (_ cancelled: () -> Bool) throws -> T) rethrows -> T {
    try body { false }
  }
  public func progressStarted(_ summary: String) {}
  public func progressEnded() {}
}
