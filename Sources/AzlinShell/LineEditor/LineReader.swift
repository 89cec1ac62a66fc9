/// What one attempt to read a line produced.
public enum LineReadResult: Equatable, Sendable {
  /// A line, without its newline. Invalid UTF-8 is already replaced by U+FFFD.
  case line(String)
  /// Ctrl-C: the line was abandoned; the shell shows a fresh prompt.
  case interrupted
  /// Ctrl-D on an empty line, or the end of piped input.
  case endOfFile
}

/// Reads the user's lines: libedit on a terminal, plain reads on a pipe.
///
/// Implementations block; the shell calls them from the main thread, never from
/// the Swift concurrency pool.
public protocol LineReader: AnyObject {
  /// Shows `prompt` (on a terminal) and reads one line.
  func readLine(prompt: String) -> LineReadResult
  /// Remembers `line` for Up/Down recall and the history file (a no-op on a pipe).
  func addHistory(_ line: String)
  /// Writes the history file, when there is one.
  func saveHistory()
  /// Called on Tab with the text left of the cursor; returns the full candidates for
  /// the word being completed (the last whitespace-separated word, or the whole
  /// line when it starts with "/").
  var completer: ((_ lineBeforeCursor: String) -> [String])? { get set }
}
