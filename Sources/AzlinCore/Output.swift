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
  /// Colours a line as it is printed (the flag is true for the error stream); nil prints it plain.
  private let paint: ((String, Bool) -> String)?

  /// - Parameters:
  ///   - isInteractive: Progress animation may be used.
  ///   - paint: Colours each line on its way to a terminal; nil for no colour.
  public init(isInteractive: Bool, paint: ((String, Bool) -> String)? = nil) {
    self.isInteractive = isInteractive
    self.paint = paint
  }

  public func line(_ text: String) {
    let shown = paint.map { p in Self.eachLine(text) { p($0, false) } } ?? text
    FileHandle.standardOutput.write(Data((shown + "\n").utf8))
  }

  public func error(_ text: String) {
    let shown = paint.map { p in Self.eachLine(text) { p($0, true) } } ?? text
    FileHandle.standardError.write(Data((shown + "\n").utf8))
  }

  private static func eachLine(_ text: String, _ transform: (String) -> String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { transform(String($0)) }
      .joined(separator: "\n")
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
