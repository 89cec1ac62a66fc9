import Foundation

/// Runs programs with Foundation's `Process`, capturing output and enforcing the timeout.
public final class SystemProcessRunner: ProcessRunner {
  public init() {}

  /// Finds `name` on `PATH` (or checks a path given with a slash).
  public static func locate(
    _ name: String, path: String? = ProcessInfo.processInfo.environment["PATH"]
  ) -> String? {
    if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
    for folder in (path ?? "/usr/bin:/bin").split(separator: ":") {
      let candidate = "\(folder)/\(name)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  /// Every process below `pid`, read from /proc (children first found, grandchildren after).
  static func descendants(of pid: Int32) -> [Int32] {
    var parents: [Int32: [Int32]] = [:]
    for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
      guard let child = Int32(entry),
        let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
        let close = stat.lastIndex(of: ")")
      else { continue }
      let fields = stat[stat.index(after: close)...].split(separator: " ")
      if fields.count > 1, let parent = Int32(fields[1]) {
        parents[parent, default: []].append(child)
      }
    }
    var result: [Int32] = []
    var queue = [pid]
    while let next = queue.popLast() {
      for child in parents[next] ?? [] where !result.contains(child) {
        result.append(child)
        queue.append(child)
      }
    }
    return result
  }

  public func run(_ command: ExternalCommand) throws -> ProcessOutput {
    guard let path = Self.locate(command.executable) else {
      throw ProcessRunnerError.notFound(command.executable)
    }
    if command.attachesTerminal { return try runAttached(command, path: path) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = command.arguments
    var environment = ProcessInfo.processInfo.environment
    for (key, value) in command.environment { environment[key] = value }
    process.environment = environment
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    let collector = OutputCollector()
    let group = DispatchGroup()
    for (pipe, isOut) in [(out, true), (err, false)] {
      group.enter()
      DispatchQueue.global().async {
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        collector.store(data, isOut: isOut)
        group.leave()
      }
    }
    let finished = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in finished.signal() }
    do {
      try process.run()
    } catch {
      try? out.fileHandleForWriting.close()
      try? err.fileHandleForWriting.close()
      group.wait()
      throw ProcessRunnerError.launchFailed(command.executable, "\(error)")
    }
    var timedOut = false
    if finished.wait(timeout: .now() + command.timeout) == .timedOut {
      timedOut = true
      // az is a script: its children hold the output pipes open, so the whole tree goes.
      let tree = Self.descendants(of: process.processIdentifier)
      process.terminate()
      for child in tree { kill(child, SIGTERM) }
      if finished.wait(timeout: .now() + 5) == .timedOut {
        kill(process.processIdentifier, SIGKILL)
        finished.wait()
      }
      for child in tree { kill(child, SIGKILL) }
    }
    group.wait()
    return ProcessOutput(
      exitCode: timedOut ? 124 : process.terminationStatus,
      stdout: collector.text(isOut: true), stderr: collector.text(isOut: false), timedOut: timedOut)
  }
}

private final class OutputCollector: @unchecked Sendable {
  private let lock = NSLock()
  private var out = Data()
  private var err = Data()

  func store(_ data: Data, isOut: Bool) {
    lock.lock()
    if isOut { out = data } else { err = data }
    lock.unlock()
  }

  func text(isOut: Bool) -> String {
    lock.lock()
    defer { lock.unlock() }
    return String(decoding: isOut ? out : err, as: UTF8.self)
  }
}
