import AzlinCore
import AzlinLedger
import Foundation

/// Writes an audit log of `events` lines — `audit.log` plus rotated `.1`…`.5` — for
/// figures 5 and 8.
///
/// Every line is a copy of one `AuditLog.record` wrote (so the format is the real one), with
/// its timestamp, session and objective written over in place: bulk writing, no JSON work.
/// Events are mostly `input` and `command`, with `intent` and `objective_status` between;
/// failed commands carry a non-zero `exit_code` and an `error_code`.
struct AuditLogFixture {
  /// Where failed commands go.
  enum Failures {
    /// About `percent` of all events, spread evenly through the log.
    case spread(percent: Double)
    /// Exactly `count`, all among the oldest events (so finding them reads everything).
    case oldest(count: Int)
  }

  /// The log file (`audit.log`); rotated files sit next to it.
  let path: String
  let events: Int
  let failures: Failures

  /// How many files the events are spread over: the log and five rotated ones.
  static let files = 6

  /// A template line with the byte ranges to overwrite.
  private struct Template {
    var bytes: [UInt8]
    var ts: Range<Int>
    var session: Range<Int>
    var objective: Range<Int>?
  }

  private static let sessionMark = "SSSSSSSS-SSSS-4SSS-8SSS-SSSSSSSSSSSS"
  private static let objectiveMark = "OOOOOOOO-OOOO-4OOO-8OOO-OOOOOOOOOOOO"

  /// Writes the files.
  /// - Returns: How many failed commands were written.
  /// - Throws: `FileError` when a file cannot be written.
  @discardableResult
  func write() throws -> Int {
    let templates = try Self.templates(scratch: path + ".templates")
    let input = templates[0]
    let intent = templates[1]
    let command = templates[2]
    let failed = templates[3]
    let status = templates[4]
    let perFile = (events + Self.files - 1) / Self.files
    let start = 1_700_000_000_000  // ms: events end a few months after this
    var random: UInt64 = 0x9E37_79B9_7F4A_7C15
    var session = Array(Self.sessionMark.utf8)
    var objective = Array(Self.objectiveMark.utf8)
    var failedCount = 0
    var written = 0
    for file in stride(from: Self.files - 1, through: 0, by: -1) {
      let name = file == 0 ? path : "\(path).\(file)"
      guard let out = fopen(name, "w") else {
        throw FileError(path: name, operation: "create", code: errno)
      }
      defer { fclose(out) }
      var buffer: [UInt8] = []
      buffer.reserveCapacity(4 << 20)
      let count = min(perFile, events - written)
      for _ in 0..<count {
        random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        let roll = Int(random >> 33) % 10_000
        let index = written
        written += 1
        if index % 200 == 0 { Self.fillID(&session, seed: random) }
        if index % 5 == 0 { Self.fillID(&objective, seed: random ^ 0xABCD) }
        var template: Template
        switch roll {
        case 0..<3_500: template = input
        case 3_500..<4_500: template = intent
        case 4_500..<9_000: template = command
        default: template = status
        }
        var isFailed = false
        switch failures {
        case .spread(let percent):
          isFailed = Double(Int(truncatingIfNeeded: random >> 20) % 100_000) < percent * 1_000
        case .oldest(let n):
          isFailed = index < n * 50 && index % 50 == 0
        }
        if isFailed {
          template = failed
          failedCount += 1
        }
        var line = template.bytes
        Self.writeTimestamp(ms: start + index * 2_750, into: &line, at: template.ts.lowerBound)
        line.replaceSubrange(template.session, with: session)
        if let o = template.objective { line.replaceSubrange(o, with: objective) }
        buffer += line
        if buffer.count >= 4 << 20 {
          fwrite(buffer, 1, buffer.count, out)
          buffer.removeAll(keepingCapacity: true)
        }
      }
      fwrite(buffer, 1, buffer.count, out)
    }
    return failedCount
  }

  /// One line each of `input`, `intent`, `command` (ok), `command` (failed) and
  /// `objective_status`, as `AuditLog.record` writes them.
  private static func templates(scratch: String) throws -> [Template] {
    try? FileManager.default.removeItem(atPath: scratch)
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let log = AuditLog(path: scratch, session: sessionMark, clock: ManualClock())
    let argv = [
      "az", "vm", "create", "--resource-group", "azlin-rg", "--name", "web7", "--location",
      "westus2", "--size", "Standard_B2s", "--image", "Ubuntu2204", "--admin-username",
      "azureuser", "--generate-ssh-keys", "--tags", "managed-by=azlin",
    ]
    try log.record(.input, [("text", "create a vm called web7 in westus2")])
    try log.record(
      .intent,
      [
        (
          "intents",
          [
            .object([
              ("intent", "provision_vm"), ("parameters", .object([("names", ["web7"])])),
              ("confidence", 0.95), ("explanation", "create VM web7"),
            ])
          ]
        )
      ])
    for failed in [false, true] {
      try log.record(
        .command, objective: objectiveMark,
        [
          ("step", 2), ("argv", .strings(argv)), ("exit_code", failed ? 1 : 0),
          ("duration_ms", failed ? 2_000 : 90_000),
          ("error_code", failed ? "QuotaExceeded" : nil),
        ])
    }
    try log.record(
      .objectiveStatus, objective: objectiveMark,
      [("status", "completed"), ("cost_monthly", "39.30")])
    let text = try String(contentsOfFile: scratch, encoding: .utf8)
    return text.split(separator: "\n").map { line in
      let bytes = Array((line + "\n").utf8)
      let ts = Self.range(of: "\"ts\":\"", in: bytes)!.upperBound
      let session = Self.range(of: sessionMark, in: bytes)!
      return Template(
        bytes: bytes, ts: ts..<(ts + 24), session: session,
        objective: Self.range(of: objectiveMark, in: bytes))
    }
  }

  private static func range(of needle: String, in bytes: [UInt8]) -> Range<Int>? {
    let n = Array(needle.utf8)
    guard bytes.count >= n.count else { return nil }
    for i in 0...(bytes.count - n.count) where bytes[i..<(i + n.count)].elementsEqual(n) {
      return i..<(i + n.count)
    }
    return nil
  }

  /// Overwrites the hex digits of a UUID-shaped id from `seed`.
  private static func fillID(_ id: inout [UInt8], seed: UInt64) {
    let hex = Array("0123456789abcdef".utf8)
    var s = seed
    for i in id.indices where id[i] != UInt8(ascii: "-") && i != 14 && i != 19 {
      s = s &* 2_862_933_555_777_941_757 &+ 3_037_000_493
      id[i] = hex[Int(s >> 60)]
    }
    id[14] = UInt8(ascii: "4")
    id[19] = UInt8(ascii: "8")
  }

  /// Writes `2026-11-26T06:53:17.123Z` (24 bytes) for `ms` since 1970 at `offset`.
  static func writeTimestamp(ms: Int, into line: inout [UInt8], at offset: Int) {
    let seconds = ms / 1000
    var days = seconds / 86_400
    let secondOfDay = seconds % 86_400
    // Civil date from days since 1970 (Howard Hinnant's algorithm).
    days += 719_468
    let era = days / 146_097
    let dayOfEra = days - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    var i = offset
    func put(_ value: Int, _ digits: Int, then separator: UInt8?) {
      var divisor = 1
      for _ in 1..<digits { divisor *= 10 }
      var v = value
      while divisor > 0 {
        line[i] = UInt8(48 + v / divisor)
        v %= divisor
        divisor /= 10
        i += 1
      }
      if let separator {
        line[i] = separator
        i += 1
      }
    }
    put(year, 4, then: UInt8(ascii: "-"))
    put(month, 2, then: UInt8(ascii: "-"))
    put(day, 2, then: UInt8(ascii: "T"))
    put(secondOfDay / 3600, 2, then: UInt8(ascii: ":"))
    put(secondOfDay / 60 % 60, 2, then: UInt8(ascii: ":"))
    put(secondOfDay % 60, 2, then: UInt8(ascii: "."))
    put(ms % 1000, 3, then: UInt8(ascii: "Z"))
  }
}
