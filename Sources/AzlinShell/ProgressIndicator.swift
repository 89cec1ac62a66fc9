import Foundation

/// A spinner with the elapsed time for a long operation, on a terminal only.
///
/// It redraws one line in place from a thread of its own, and erases it when stopped,
/// so what stays on the screen (and in transcripts) is only the outcome line.
final class ProgressIndicator: @unchecked Sendable {
  private static let frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]
  private let lock = NSLock()
  private var running = false
  private var thread: Thread?

  /// Starts showing `text`; a running indicator is stopped first.
  func start(_ text: String) {
    stop()
    lock.lock()
    running = true
    lock.unlock()
    let started = Date()
    let thread = Thread { [weak self] in
      var frame = 0
      while let self, self.isRunning {
        let seconds = Int(Date().timeIntervalSince(started))
        let line = "\r\u{1B}[2K  \(Self.frames[frame % Self.frames.count]) \(text) (\(seconds)s)"
        FileHandle.standardOutput.write(Data(line.utf8))
        frame += 1
        Thread.sleep(forTimeInterval: 0.1)
      }
    }
    self.thread = thread
    thread.start()
  }

  /// Stops and erases the line.
  func stop() {
    lock.lock()
    let wasRunning = running
    running = false
    lock.unlock()
    guard wasRunning else { return }
    // Let the drawing thread finish its frame before erasing.
    Thread.sleep(forTimeInterval: 0.12)
    FileHandle.standardOutput.write(Data("\r\u{1B}[2K".utf8))
    thread = nil
  }

  private var isRunning: Bool {
    lock.lock()
    defer { lock.unlock() }
    return running
  }
}
