import AzlinCore
import AzlinLedger
import Foundation

extension Session {
  /// `/history [n] [--all]`: turns, what ran and how it ended, oldest first.
  func showHistory(_ args: [String]) {
    var limit = 20
    var everySession = false
    for a in args {
      if a == "--all" {
        everySession = true
      } else if let n = Int(a), n > 0 {
        limit = min(n, 10_000)
      } else {
        fail(Messages.usage("/history [n] [--all]") + " (\(Messages.clip(a, 20)) is not a number)")
        return
      }
    }
    var reader = AuditReader(path: context.home.auditLog)
    let entries = reader.newest(limit: limit) { e in
      guard everySession || e.session == sessionID else { return false }
      switch e.event {
      case "input": return !(e.json["text"]?.stringValue ?? "").hasPrefix("/history")
      case "command", "rollback_step": return true
      case "objective_status": return e.json["status"]?.stringValue != "in_progress"
      case "approval": return e.json["answer"]?.stringValue != "auto"
      default: return false
      }
    }
    if reader.skipped > 0 {
      say(
        "(\(reader.skipped) unreadable line\(reader.skipped == 1 ? "" : "s") in the audit log skipped)"
      )
    }
    guard !entries.isEmpty else {
      say("No history yet.")
      return
    }
    for e in entries.reversed() { say(Self.historyLine(e)) }
  }

  static func historyLine(_ e: AuditReader.Entry) -> String {
    let time = e.json["ts"]?.stringValue.map { String($0.dropFirst(11).prefix(8)) } ?? "--:--:--"
    switch e.event {
    case "input":
      return "\(time)  > \(e.json["text"]?.stringValue ?? "")"
    case "command", "rollback_step":
      let argv = e.json["argv"]?.arrayValue?.compactMap(\.stringValue) ?? []
      let code = e.json["exit_code"]?.intValue ?? -1
      let ms = e.json["duration_ms"]?.intValue ?? 0
      let outcome =
        code == 0 ? "ok" : "failed (\(e.json["error_code"]?.stringValue ?? "exit \(code)"))"
      let verb = e.event == "rollback_step" ? "undo " : ""
      return
        "\(time)    \(verb)\(AzCommandText.render(argv)) → \(outcome), \(Messages.duration(ms))"
    case "approval":
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
