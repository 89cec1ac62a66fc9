import CEditLineShim

extension Session {
  /// Runs `body` with Ctrl-C caught on a terminal: the shell lives, az children (in the
  /// terminal's process group) get the signal themselves, and `body` is told to start
  /// nothing new. On a pipe, Ctrl-C keeps its usual meaning.
  func withInterrupts<T>(_ body: (_ cancelled: () -> Bool) throws -> T) rethrows -> T {
    guard output.isInteractive, azl_sigint_install() == 0 else { return try body { false } }
    _ = azl_sigint_take()
    defer {
      _ = azl_sigint_take()
      azl_sigint_restore()
    }
    return try body { azl_sigint_pending() != 0 }
  }
}
