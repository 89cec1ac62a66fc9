import AzlinCore
import AzlinExecution
import AzlinLedger
import Foundation

extension TurnEngine {
  static var historyUsage: String { SlashCommand.usage(of: "history") }

  /// The most entries a bounded `/history` read counts.
  static let historyCountLimit = 100_000

  /// `/history`: this session's turns, what ran and how it ended, oldest first; filters
  /// widen it to every session (`--all`), narrow it to failures, one objective, or a period.
  func showHistory(_ args: [String]) {
    var limit = 20
    var limitGiven = false
    var everySession = false
    var failedOnly = false
    var objective: String?
    var since: Date?
    var i = 0
    while i < args.count {
      let a = args[i]
      switch a {
      case "--all": everySession = true
      case "--failed": failedOnly = true
      case "--objective", "--since":
        guard i + 1 < args.count else { return fail(Messages.usage(Self.historyUsage)) }
        i += 1
        if a == "--objective" {
          objective = args[i]
        } else {
          guard let seconds = Self.duration(args[i]) else {
            return fail("\(Messages.clip(args[i], 20)) is not a period; use 30m, 2h or 7d.")
          }
          since = context.clock.now - seconds
        }
      default:
        if a.hasPrefix("-") {
          return fail(Messages.unknownOption(Messages.clip(a, 20), usage: Self.historyUsage))
        }
        guard let n = Int(a), n > 0 else {
          return fail(
            Messages.usage(Self.historyUsage) + " (\(Messages.clip(a, 20)) is not a number)")
        }
        limit = min(n, 10_000)
        limitGiven = true
      }
      i += 1
    }
    if objective != nil || failedOnly || since != nil { everySession = true }
    let cutoff = since.map { Timestamp.string($0) }
    // Where the read is bounded (this session, or a period), every match is counted, so a cap
    // can say how many there are; over the whole log, one more than shown says there are more.
    let bounded = !everySession || cutoff != nil
    let keep = { (e: AuditReader.Entry) -> Bool in
      guard everySession || e.session == self.sessionID else { return false }
      if let objective, !(e.objective ?? "").hasSuffix(objective) { return false }
      switch e.kind {
      case .input: return !failedOnly && !(e.json["text"]?.stringValue ?? "").hasPrefix("/history")
      case .command, .rollbackStep:
        return !failedOnly || e.json["error_code"]?.stringValue != nil
      case .objectiveStatus:
        let status = e.json["status"]?.stringValue
        return failedOnly ? status == "failed" : status != "in_progress"
      case .approval: return !failedOnly && e.json["answer"]?.stringValue != "auto"
      default: return false
      }
    }
    let found: [AuditReader.Entry]
    let skipped: Int
    if !everySession {
      // This session's events, kept as they are written: each line is read once.
      (found, skipped) = history.newest(limit: Self.historyCountLimit, keep: keep)
    } else {
      var reader = AuditReader(path: context.home.auditLog)
      found = reader.newest(
        limit: bounded ? Self.historyCountLimit : limit + 1,
        mustContain: failedOnly ? "\"error_code\":\"" : objective,
        stopAt: cutoff.map { cutoff in
          { entry in (entry.json["ts"]?.stringValue ?? "") < cutoff }
        },
        where: keep)
      skipped = reader.skipped
    }
    if skipped > 0 {
      say("(\(skipped) unreadable line\(skipped == 1 ? "" : "s") in the audit log skipped)")
    }
    guard !found.isEmpty else {
      if failedOnly { return say(Messages.noFailures(since: since == nil ? nil : args)) }
      if let objective { return say(Messages.noHistory(objective: Messages.clip(objective, 40))) }
      if since != nil { return say(Messages.noHistory(since: args)) }
      return say(Messages.noHistoryYet)
    }
    let entries = found.prefix(limit)
    for e in entries.reversed() { say(Self.historyLine(e, withDate: everySession)) }
    if found.count > limit, !limitGiven {
      let others = args.filter { Int($0) == nil }
      let more = (["/history", String(max(limit * 5, 100))] + others).joined(separator: " ")
      say(
        Messages.historyCap(
          shown: limit, of: bounded && found.count < Self.historyCountLimit ? found.count : nil,
          more: more))
    }
  }

  /// Seconds in `30m`, `2h`, `7d`, `90s`.
  static func duration(_ text: String) -> TimeInterval? {
    guard let unit = text.last, let n = Double(text.dropLast()), n > 0 else { return nil }
    switch unit {
    case "s": return n
    case "m": return n * 60
    case "h": return n * 3600
    case "d": return n * 86400
    default: return nil
    }
  }

  static func historyLine(_ e: AuditReader.Entry, withDate: Bool = false) -> String {
    let ts = e.json["ts"]?.stringValue ?? ""
    let time =
      withDate && ts.count >= 19
      ? String(ts.prefix(10)) + " " + String(ts.dropFirst(11).prefix(8))
      : (ts.count >= 19 ? String(ts.dropFirst(11).prefix(8)) : "--:--:--")
    switch e.kind {
    case .input:
      return "\(time)  > \(e.json["text"]?.stringValue ?? "")"
    case .command, .rollbackStep:
      let argv = e.json["argv"]?.arrayValue?.compactMap(\.stringValue) ?? []
      let code = e.json["exit_code"]?.intValue ?? -1
      let ms = e.json["duration_ms"]?.intValue ?? 0
      let outcome =
        code == 0 ? "ok" : "failed (\(e.json["error_code"]?.stringValue ?? "exit \(code)"))"
      let verb = e.kind == .rollbackStep ? "undo " : ""
      let strategy = e.json["strategy"]?.stringValue ?? AzureCLIStrategy.strategyName
      let tool = e.json["tool"]?.stringValue.map { " \($0)" } ?? ""
      let via = strategy == AzureCLIStrategy.strategyName ? "" : " [\(strategy)\(tool)]"
      return
        "\(time)    \(verb)\(AzCommandText.render(argv)) → \(outcome), \(Messages.duration(ms))\(via)"
    case .approval:
      return "\(time)    approval: \(e.json["answer"]?.stringValue ?? "?")"
    default:
      let id = e.objective.map { String($0.suffix(8)) } ?? "?"
      let cost =
        e.json["cost_monthly"]?.stringValue.flatMap(Money.init(string:)).map { ", \($0.perMonth)" }
        ?? ""
      return "\(time)    objective \(id) \(e.json["status"]?.stringValue ?? "")\(cost)"
    }
  }
}

/// Renders an argv array as a person would type it.
enum AzCommandText {
  static func render(_ argv: [String]) -> String {
    argv.map { w in
      w.allSatisfy { $0.isLetter || $0.isNumber || "-_./:=@,".contains($0) } && !w.isEmpty
        ? w : "'" + w.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }.joined(separator: " ")
  }
}
