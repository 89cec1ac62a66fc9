#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The line reader for this process's standard input.
///
/// A terminal on both standard input and standard output gets ``LibeditLineReader``
/// (line editing, history, completion); anything else, or a terminal libedit cannot
/// open, gets ``PipeLineReader`` (plain lines, no prompt, no history). Standard output
/// is checked too because libedit draws its prompt and edits there.
/// - Parameter historyPath: the history file for the interactive reader; `nil` keeps
///   history in memory only.
/// - Returns: a reader to call from the main thread.
public func makeLineReader(historyPath: String?) -> any LineReader {
  if isatty(0) != 0 && isatty(1) != 0,
    let reader = LibeditLineReader(historyPath: historyPath)
  {
    return reader
  }
  return PipeLineReader(fileDescriptor: 0)
}
