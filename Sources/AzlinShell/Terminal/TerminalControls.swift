import AzlinConversation
import CEditLineShim

/// The engine's port on a real terminal: Ctrl-C is caught while steps run, and a spinner with
/// the elapsed time shows the step that is running.
final class TerminalControls: TerminalPort {
  private let spinner = ProgressIndicator()

  /// Runs `body` with Ctrl-C caught: the shell lives, az children (in the terminal's process
  /// group) get the signal themselves, and `body` is told to start nothing new.
  func withInterrupts<T>(_ body: (_ cancelled: () -> Bool) throws -> T) rethrows -> T {
    guard azl_sigint_install() == 0 else { return try body { false } }
    _ = azl_sigint_take()
    defer {
      _ = azl_sigint_take()
      azl_sigint_restore()
    }
    return try body { azl_sigint_pending() != 0 }
  }

  func progressStarted(_ summary: String) { spinner.start(summary) }

  func progressEnded() { spinner.stop() }
}
