import AzlinCore
import AzlinLedger
import AzlinPlanning
import Foundation

extension TurnEngine {
  var sessions: SessionStore { SessionStore(folder: context.home.sessionsFolder) }

  /// Saves this session's record: turns, conversation context and objectives.
  func saveSessionRecord() {
    sessionRecord.turns = output.turns.count
    sessionRecord.updatedAt = Timestamp.string(context.clock.now)
    sessionRecord.vms = conversation.vms
    sessionRecord.resourceGroup = conversation.resourceGroup
    sessionRecord.region = conversation.region
    sessionRecord.size = conversation.size
    do { try sessions.save(sessionRecord) } catch {
      output.error("azlin: cannot save the session: \(error)")
    }
  }

  /// `/sessions`: recent sessions with their turns, objectives and cost.
  func listSessions() {
    let records = sessions.all().prefix(10)
    guard !records.isEmpty else { return say("No sessions yet.") }
    let objectives = Dictionary(
      store.all().objectives.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    say(
      Messages.table(
        ["SESSION", "STARTED", "TURNS", "OBJECTIVES", "ADDED", "CONTEXT"],
        records.map { r in
          let added = r.objectives.compactMap { objectives[$0] }.filter { $0.status == .completed }
            .compactMap { $0.costEstimate.flatMap(Money.init(string:)) }.reduce(.zero, +)
          let current = r.id == sessionID ? " (this one)" : ""
          return [
            String(r.id.suffix(8)) + current,
            String(r.startedAt.prefix(16)).replacingOccurrences(of: "T", with: " "),
            String(r.turns), String(r.objectives.count), added.perMonth, Self.contextText(r),
          ]
        }))
  }

  static func contextText(_ r: SessionRecord) -> String {
    var c = ConversationContext()
    c.vms = r.vms
    c.resourceGroup = r.resourceGroup
    c.region = r.region
    c.size = r.size
    return c.summary ?? "-"
  }

  /// `/resume-session [id]` and `azlin shell --resume`: takes over the conversation context
  /// of the most recent other session (or the one named).
  func resumeSession(_ args: [String]) {
    let others = sessions.all().filter { $0.id != sessionID }
    let chosen: SessionRecord?
    if let id = args.first {
      chosen = others.first { $0.id == id || $0.id.hasSuffix(id) }
      if chosen == nil {
        return fail("There is no earlier session \(Messages.clip(id, 40)). /sessions lists them.")
      }
    } else {
      chosen = others.first
    }
    guard let r = chosen else { return say("There is no earlier session to resume.") }
    conversation.vms = r.vms
    conversation.resourceGroup = r.resourceGroup
    conversation.region = r.region
    conversation.size = r.size
    conversation.forgetMissing(in: live)
    record(.sessionResumed, [("from", .string(r.id))])
    say(
      "Resumed session \(r.id.suffix(8)) from \(r.updatedAt.prefix(16).replacingOccurrences(of: "T", with: " ")): \(conversation.summary ?? "nothing to carry over")."
    )
  }
}
