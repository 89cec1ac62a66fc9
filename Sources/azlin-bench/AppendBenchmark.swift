import AzlinCore
import AzlinLedger
import Foundation

/// Figure 6: `AuditLog.record` with fsync — one writer in this process, then two processes
/// appending to one file at once, with every line checked afterwards.
struct AppendBenchmark {
  let workspace: BenchWorkspace
  let events: Int

  func rows() throws -> [BenchTable.Row] {
    let folder = try workspace.folder("append")
    let single = folder + "/single.log"
    let log = AuditLog(path: single, session: "single", clock: SystemClock())
    let watch = Stopwatch()
    for seq in 0..<events {
      try log.record(.benchAppend, [("seq", .number(Double(seq)))] + AppendWorker.payload)
    }
    let singleRate = Double(events) / watch.elapsedSeconds
    let singleCheck = try Self.verify(single, sessions: ["single"], each: events)

    let shared = folder + "/shared.log"
    let workers = ["A", "B"].map { tag in
      ChildProcess(
        executable: workspace.executable,
        arguments: [AppendWorker.flag, shared, String(events), tag],
        environment: ProcessInfo.processInfo.environment, standardInput: nil,
        standardOutput: folder + "/worker-\(tag).txt")
    }
    let both = Stopwatch()
    let running = try workers.map { try $0.start() }
    let exits = try running.map { try $0.wait() }
    let sharedSeconds = both.elapsedSeconds
    guard exits.allSatisfy({ $0.status == 0 }) else {
      throw BenchError("an append worker failed: exit \(exits.map(\.status))")
    }
    let sharedCheck = try Self.verify(shared, sessions: ["A", "B"], each: events)
    let sharedRate = Double(2 * events) / sharedSeconds
    return [
      BenchTable.Row(
        "6 audit append", "AuditLog.record (flock + fsync), 1 writer, \(events) events",
        "\(Format.rate(singleRate, "events")); \(singleCheck)", met: nil),
      BenchTable.Row(
        "6 audit append", "2 processes on one file, \(events) events each",
        "\(Format.rate(sharedRate, "events")) total; \(sharedCheck)",
        target: "no line lost or torn", met: sharedCheck.clean && singleCheck.clean),
    ]
  }

  /// What reading a log back found.
  struct Check: CustomStringConvertible {
    var lines = 0
    var torn = 0
    var lost = 0
    var duplicated = 0

    var clean: Bool { torn == 0 && lost == 0 && duplicated == 0 }

    var description: String {
      "\(lost) lost, \(torn) torn, \(duplicated) duplicated of \(Format.grouped(lines)) lines"
    }
  }

  /// Counts and parses every line of `path`: each session's sequence numbers must be there once.
  static func verify(_ path: String, sessions: [String], each: Int) throws -> Check {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    var seen: [String: Set<Int>] = [:]
    var check = Check()
    for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    where !line.isEmpty {
      check.lines += 1
      guard let json = try? JSONValue.parse(data: Data(line)),
        json["event"]?.stringValue == AuditEvent.benchAppend.rawValue,
        let session = json["session"]?.stringValue, let seq = json["seq"]?.intValue,
        json["argv"]?.arrayValue?.count == 11
      else {
        check.torn += 1
        continue
      }
      seen[session, default: []].insert(seq)
    }
    if data.last != UInt8(ascii: "\n") { check.torn += 1 }
    let unique = seen.values.reduce(0) { $0 + $1.count }
    check.lost = sessions.reduce(0) { $0 + each - (seen[$1]?.count ?? 0) }
    check.duplicated = check.lines - check.torn - unique
    return check
  }
}
