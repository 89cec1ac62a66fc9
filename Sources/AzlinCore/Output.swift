import Foundation

/// Where the shell's answers go: the terminal, or a buffer in tests and replay.
public protocol OutputSink: AnyObject {
  /// Writes `text` followed by a newline.
  func line(_ text: String)
  /// Writes `text` to the error stream, followed by a newline.
  func error(_ text: String)
  /// True when colour and progress animation may be used.
  var isInteractive: Bool { get }
}

extension OutputSink {
  /// Writes each line of `lines`.
  public func lines(_ lines: [String]) {
    for l in lines { line(l) }
  }
}

/// Standard output and standard error.
public final class ConsoleOutput: OutputSink {
  public let isInteractive: Bool

  public init(isInteractive: Bool) { self.isInteractive = isInteractive }

  public func line(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
  }

  public func error(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
  }
}

/// Collects everything written, in order, errors included.
public final class BufferOutput: OutputSink {
  /// Every line written, errors included, in order.
  public private(set) var written: [String] = []
  public let isInteractive = false

  public init() {}

  public func line(_ text: String) {
    written.append(
      contentsOf: text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
  }
  public func error(_ text: String) { line(text) }

  /// Returns and forgets what was written.
  public func take() -> [String] {
    defer { written = [] }
    return written
  }
}
