import AzlinCore
import AzlinLedger

/// Passes output through and keeps each turn's lines, for `/save` and transcript replay.
public final class RecordingOutput: OutputSink {
  /// One turn: what was typed and what the shell answered.
  public struct Turn: Equatable, Sendable {
    public var input: String
    public var output: [String]
  }

  private let inner: any OutputSink
  /// Every turn so far.
  public private(set) var turns: [Turn] = []

  public init(wrapping inner: any OutputSink) { self.inner = inner }

  public var isInteractive: Bool { inner.isInteractive }

  /// Starts recording a new turn.
  public func beginTurn(_ input: String) {
    turns.append(Turn(input: Redactor.text(input), output: []))
  }

  /// Shows a line, secrets redacted (the screen is no place for them either), and keeps it.
  public func line(_ raw: String) {
    let text = Redactor.text(raw)
    inner.line(text)
    keep(text)
  }

  /// Shows an error line, secrets redacted, and keeps it.
  public func error(_ raw: String) {
    let text = Redactor.text(raw)
    inner.error(text)
    keep(text)
  }

  private func keep(_ text: String) {
    guard !turns.isEmpty else { return }
    turns[turns.count - 1].output.append(
      contentsOf: text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
  }
}
