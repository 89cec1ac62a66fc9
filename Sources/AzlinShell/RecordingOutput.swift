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

  public func line(_ text: String) {
    inner.line(text)
    keep(text)
  }

  public func error(_ text: String) {
    inner.error(text)
    keep(text)
  }

  private func keep(_ raw: String) {
    let text = Redactor.text(raw)
    guard !turns.isEmpty else { return }
    turns[turns.count - 1].output.append(
      contentsOf: text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
  }
}
