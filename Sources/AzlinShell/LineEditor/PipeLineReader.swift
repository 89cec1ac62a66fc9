#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A line reader for input that is not a terminal: a pipe, a file, `/dev/null`.
///
/// Reads the descriptor in chunks and splits on "\n"; a trailing "\r" is dropped, the
/// last line is returned even without a newline, and a UTF-8 byte order mark at the
/// very start is skipped. Invalid UTF-8 becomes U+FFFD. Lines of any length are
/// returned whole (the shell decides what is too long); each byte is scanned once, so
/// long lines cost linear time. No prompt is shown and no history is kept.
public final class PipeLineReader: LineReader {
  /// Never called: there is no Tab on a pipe. Kept for ``LineReader`` conformance.
  public var completer: ((_ lineBeforeCursor: String) -> [String])?

  private let fileDescriptor: Int32
  private let chunkSize: Int
  /// Bytes read but not yet returned start at `start`.
  private var buffer: [UInt8] = []
  private var start = 0
  /// Bytes from `start` up to `scanned` are known to hold no newline.
  private var scanned = 0
  private var reachedEnd = false
  private var atFirstLine = true

  /// Reads lines from `fileDescriptor`, which the reader does not close.
  ///
  /// - Parameters:
  ///   - fileDescriptor: the descriptor to read; standard input by default.
  ///   - chunkSize: bytes asked for per `read` call.
  public init(fileDescriptor: Int32 = 0, chunkSize: Int = 64 * 1024) {
    self.fileDescriptor = fileDescriptor
    self.chunkSize = max(chunkSize, 1)
  }

  /// Reads the next line; `prompt` is ignored (nothing is written).
  ///
  /// - Parameter prompt: unused on a pipe.
  /// - Returns: the next line, or ``LineReadResult/endOfFile`` once the input is used
  ///   up or cannot be read.
  public func readLine(prompt: String) -> LineReadResult {
    while true {
      if let newline = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
        let line = take(upTo: newline, skipping: 1)
        return .line(line)
      }
      scanned = buffer.count
      if reachedEnd {
        guard start < buffer.count else {
          return .endOfFile
        }
        return .line(take(upTo: buffer.count, skipping: 0))
      }
      fill()
    }
  }

  /// Does nothing: piped input has no history.
  ///
  /// - Parameter line: ignored.
  public func addHistory(_ line: String) {}

  /// Does nothing: piped input has no history file.
  public func saveHistory() {}

  /// Decodes `buffer[start..<end]` as a line, then moves past it and `skip` bytes.
  private func take(upTo end: Int, skipping skip: Int) -> String {
    var lineStart = start
    var lineEnd = end
    if atFirstLine {
      atFirstLine = false
      if lineEnd - lineStart >= 3, buffer[lineStart] == 0xEF, buffer[lineStart + 1] == 0xBB,
        buffer[lineStart + 2] == 0xBF
      {
        lineStart += 3
      }
    }
    if lineEnd > lineStart, buffer[lineEnd - 1] == UInt8(ascii: "\r") {
      lineEnd -= 1
    }
    let line = String(decoding: buffer[lineStart..<lineEnd], as: UTF8.self)
    start = end + skip
    scanned = start
    return line
  }

  /// Appends the next chunk of input, first dropping returned bytes when they are
  /// at least half of the buffer (so each byte moves a bounded number of times).
  private func fill() {
    if start > 0 && start * 2 >= buffer.count {
      buffer.removeSubrange(0..<start)
      scanned -= start
      start = 0
    }
    let oldCount = buffer.count
    buffer.append(contentsOf: repeatElement(0, count: chunkSize))
    while true {
      let got = buffer.withUnsafeMutableBytes { bytes in
        read(fileDescriptor, bytes.baseAddress! + oldCount, chunkSize)
      }
      if got > 0 {
        buffer.removeSubrange((oldCount + got)...)
        return
      }
      if got < 0 && errno == EINTR {
        continue
      }
      if got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
        var request = pollfd(fd: fileDescriptor, events: Int16(POLLIN), revents: 0)
        _ = poll(&request, 1, -1)
        continue
      }
      buffer.removeSubrange(oldCount...)
      reachedEnd = true
      return
    }
  }
}
