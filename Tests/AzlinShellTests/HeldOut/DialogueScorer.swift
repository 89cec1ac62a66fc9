import AzlinCore
import AzlinPlanning
import Foundation

@testable import AzlinConversation

/// Runs held-out dialogues through a whole shell in a sandbox and scores each turn.
///
/// A turn is right when the shell did what the expectation says. A miss that proposed a plan
/// or ran a command is a *guess*, the dangerous kind. The scorer approves a proposed plan when
/// the turn was right (the user says yes) and declines it otherwise, so a wrong guess does not
/// change what later turns see.
struct DialogueScorer {
  /// What one turn did.
  struct Observation {
    /// What the shell understood: the intents it planned or answered, as intent JSON.
    var intents: [JSONValue] = []
    /// A plan was proposed (for approval, or refused by the budget).
    var planned = false
    /// A command ran on the backend.
    var executed = false
    /// The turn ended with a question waiting for the next line.
    var asked = false
    /// The slash command run (typed, or reached from words).
    var slash: String?
    /// The VMs the proposed plan acts on, and the sizes it sets, for intents that chose them
    /// by a filter ("all but web3", "the stopped ones") or a relative size ("one size down").
    var planVMs: [String] = []
    var planSizes: [String] = []
    var planDiskVMs: [String] = []
    /// The groups the plan's new VMs go into.
    var planGroups: [String] = []
    var planRegions: [String] = []
    var output: [String] = []
  }

  struct Miss {
    var dialogue: String
    var lineNumber: Int
    var line: String
    var expected: String
    var got: String
    var guess: Bool
  }

  struct Score {
    var turns = 0
    var right = 0
    var guesses = 0
    /// Lines that must not act (questions, negations, unsupported, ask) that planned or acted.
    var actedOnMustNotAct = 0
    var misses: [Miss] = []
    /// Lines written as "unsupported" when azlin had no such operation, that azlin now
    /// reads as one of the operations added since (ports, tags, auto-shutdown, snapshots…): the
    /// expectation no longer says what is right, so they are left out of the score.
    var superseded = 0

    var accuracy: Double { turns == 0 ? 0 : Double(right) / Double(turns) }
    var guessRate: Double { misses.isEmpty ? 0 : Double(guesses) / Double(misses.count) }

    var summary: String {
      String(
        format:
          "%d/%d turns right (%.1f%%), guess rate %.1f%% (%d guesses of %d misses), %d actions on must-not-act lines",
        right, turns, accuracy * 100, guessRate * 100, guesses, misses.count, actedOnMustNotAct)
        + (superseded == 0
          ? ""
          : "; \(superseded) lines expected \"unsupported\" for operations azlin has since gained (not scored)")
    }
  }

  func score(_ dialogues: [Dialogue]) throws -> Score {
    var score = Score()
    for d in dialogues { try run(d, into: &score) }
    return score
  }

  private func run(_ d: Dialogue, into score: inout Score) throws {
    // The set-up is what a subscription already holds, made by hand: its quota was raised to fit.
    let sandbox = try ShellSandbox(
      environment: ["AZLIN_SIM_VCPU_QUOTA": "100"], version: "held-out")
    defer { sandbox.close() }
    for line in d.setUp {
      _ = sandbox.az(line.hasPrefix("az ") ? String(line.dropFirst(3)) : line)
    }
    for turn in d.turns {
      let mark = auditLines(sandbox).count
      sandbox.session.handle(turn.line)
      var seen = observe(sandbox, since: mark)
      let right = judge(turn.expected, seen)
      // Approve what was right (the user says yes), decline what was not.
      var answers = 0
      while let pending = sandbox.session.dialogue.pending, answers < 12 {
        answers += 1
        switch pending {
        case .approval, .destroyConfirmation, .undo:
          sandbox.session.handle(right ? "y" : "n")
        case .question(let q, _):
          // An expected question is left for the user's next line to answer.
          if turn.expected == .ask {
            answers = 99
          } else if case .confirmUnderstanding = q.kind {
            sandbox.session.handle(right ? "y" : "n")
          } else {
            answers = 99
          }
        case .budgetOverride, .overwrite:
          sandbox.session.handle("n")
        }
        if answers == 99 { break }
      }
      if answers > 0 {
        let after = observe(sandbox, since: mark)
        seen.executed = after.executed
      }
      if turn.expected == .unsupported,
        seen.intents.contains(where: { Self.gainedKinds.contains($0["intent"]?.stringValue ?? "") })
      {
        score.superseded += 1
        continue
      }
      score.turns += 1
      if right {
        score.right += 1
        continue
      }
      let guess = seen.planned || seen.executed
      if guess { score.guesses += 1 }
      if guess && turn.expected.mustNotAct { score.actedOnMustNotAct += 1 }
      score.misses.append(
        Miss(
          dialogue: d.title, lineNumber: turn.lineNumber, line: turn.line,
          expected: describe(turn.expected), got: describe(seen), guess: guess))
    }
  }

  // MARK: - Observing

  private func auditLines(_ sandbox: ShellSandbox) -> [Substring] {
    let text = (try? String(contentsOfFile: sandbox.home.auditLog, encoding: .utf8)) ?? ""
    return text.split(separator: "\n")
  }

  private func observe(_ sandbox: ShellSandbox, since mark: Int) -> Observation {
    var seen = Observation()
    for line in auditLines(sandbox).dropFirst(mark) {
      guard let event = try? JSONValue.parse(String(line)),
        let name = event["event"]?.stringValue
      else { continue }
      switch name {
      case "input":
        if let text = event["text"]?.stringValue, text.hasPrefix("/") {
          seen.slash = String(text.split(separator: " ").first ?? "")
        }
      case "routed":
        seen.slash = event["command"]?.stringValue
      case "intent":
        if let list = event["intents"]?.arrayValue { seen.intents = list }
      case "plan": seen.planned = true
      case "command": seen.executed = true
      default: break
      }
    }
    switch sandbox.session.dialogue.pending {
    case .approval(let p), .destroyConfirmation(let p, _, _), .budgetOverride(.plan(let p), _, _):
      seen.planned = true
      seen.intents = p.intents.map(\.json)
      for step in p.plan.steps where step.resource.kind == .virtualMachine {
        seen.planVMs.append(step.resource.name)
        if let size = step.resource.size { seen.planSizes.append(size) }
        seen.planRegions.append(step.resource.location)
        seen.planGroups.append(step.resource.resourceGroup)
      }
      for step in p.plan.steps where step.resource.kind == .diskAttachment {
        if let vm = step.resource.size { seen.planDiskVMs.append(vm) }
      }
    case .question: seen.asked = true
    case .undo, .budgetOverride: seen.planned = true
    case .overwrite, nil: break
    }
    if sandbox.session.wantsToQuit { seen.slash = seen.slash ?? "/quit" }
    seen.output = sandbox.output.take()
    return seen
  }

  // MARK: - Judging

  func judge(_ expected: Dialogue.Expectation, _ seen: Observation) -> Bool {
    switch expected {
    case .ask:
      // A question, or a refusal that says what is wrong: nothing planned, nothing answered.
      return !seen.planned && !seen.executed && seen.slash == nil
        && (seen.asked
          || !seen.intents.contains { Self.readKinds.contains($0["intent"]?.stringValue ?? "") })
    case .noChange, .unsupported:
      return !seen.executed && !seen.planned && seen.slash == nil
        && seen.intents.allSatisfy {
          Self.readKinds.contains($0["intent"]?.stringValue ?? "")
            || $0["parameters"]?["mood"]?.stringValue == "question"
        }
    case .slash(let name):
      // "set a monthly budget of 1500" routed to `/budget set monthly 1500` is the budget command.
      let command = seen.slash.map { String($0.split(separator: " ").first ?? "") }
      return command == name && !(seen.executed && name != "/undo" && name != "/resume")
    case .intents(let list):
      guard seen.slash == nil else { return false }
      return Self.matches(list, Self.merged(seen.intents), seen: seen)
    }
  }

  /// Operations azlin gained after the sets were written, which they call unsupported.
  static let gainedKinds: Set<String> = [
    "open_port", "close_port", "list_ports", "set_auto_shutdown", "clear_auto_shutdown",
    "show_auto_shutdown", "set_tag", "remove_tag", "list_tagged", "connect_vm", "run_command",
    "create_snapshot", "list_snapshots", "delete_snapshot", "restore_snapshot",
  ]

  static let readKinds: Set<String> = [
    "list_vms", "show_vm", "list_resource_groups", "cost_report", "list_storage", "list_ports",
    "show_auto_shutdown", "list_tagged", "connect_vm", "list_snapshots",
  ]

  /// Consecutive intents of one kind that differ only in names, merged ("stop a and b").
  static func merged(_ intents: [JSONValue]) -> [JSONValue] {
    var out: [JSONValue] = []
    for i in intents {
      if let last = out.last, last["intent"] == i["intent"],
        withoutNames(last) == withoutNames(i)
      {
        let names = (strings(last, "names") ?? []) + (strings(i, "names") ?? [])
        let params = (last["parameters"] ?? .object([])).setting("names", to: .strings(names))
        out[out.count - 1] = last.setting("parameters", to: params)
      } else {
        out.append(i)
      }
    }
    return out
  }

  private static func withoutNames(_ i: JSONValue) -> [String] {
    (i["parameters"]?.objectMembers ?? []).filter { $0.0 != "names" }.map { "\($0.0)=\($0.1)" }
  }

  private static func strings(_ i: JSONValue, _ key: String) -> [String]? {
    i["parameters"]?[key]?.arrayValue?.compactMap(\.stringValue)
  }

  static func matches(
    _ expected: [Dialogue.ExpectedIntent], _ actual: [JSONValue], seen: Observation
  ) -> Bool {
    guard expected.count == actual.count else { return false }
    for (e, a) in zip(expected, actual) {
      guard a["intent"]?.stringValue == e.kind else { return false }
      var p = a["parameters"] ?? .object([])
      // A set chosen by a filter or an exclusion is judged by what the plan acts on; a
      // relative size by the size the plan sets.
      let names = p["names"]?.arrayValue ?? []
      if names.isEmpty, !seen.planVMs.isEmpty, expected.count == 1 {
        p = p.setting("names", to: .strings(seen.planVMs))
      }
      if p["region"] == nil, e.kind == "provision_vm", let region = seen.planRegions.first,
        expected.count == 1
      {
        p = p.setting("region", to: .string(region))
      }
      if p["vm"] == nil, e.kind == "attach_disk", let vm = seen.planDiskVMs.first,
        expected.count == 1
      {
        p = p.setting("vm", to: .string(vm))
      }
      // What a new VM gets when the line leaves it to the conversation or the defaults: the plan
      // says ("one more like this" → the size it copies; "put three vms in it" → the group).
      if p["resource_group"] == nil, e.kind == "provision_vm", let g = seen.planGroups.first,
        expected.count == 1
      {
        p = p.setting("resource_group", to: .string(g))
      }
      if p["size"] == nil, let size = seen.planSizes.first, expected.count == 1,
        e.kind == "resize_vm" || e.kind == "provision_vm"
      {
        p = p.setting("size", to: .string(size))
      }
      for (key, value) in e.keys where !matches(key: key, value: value, in: p, kind: e.kind) {
        // "all" and "state" describe how the names were chosen; the names decide.
        if ["all", "state", "except", "group"].contains(key), e.keys["names"] != nil,
          key != "group" || !e.kind.hasPrefix("provision")
        {
          continue
        }
        return false
      }
    }
    return true
  }

  private static func matches(key: String, value: String, in p: JSONValue, kind: String) -> Bool {
    let lower = value.lowercased()
    func list(_ k: String) -> [String] {
      (p[k]?.arrayValue?.compactMap(\.stringValue) ?? []).map { $0.lowercased() }
    }
    func text(_ k: String) -> String? { p[k]?.stringValue?.lowercased() }
    switch key {
    case "names":
      return Set(lower.split(separator: ",").map(String.init)) == Set(list("names"))
    case "except":
      return Set(lower.split(separator: ",").map(String.init)) == Set(list("except"))
    case "count":
      let n = Int(value) ?? -1
      if let c = p["count"]?.intValue { return c == n }
      let names = list("names").count
      return names == n || (names == 0 && n == 1)
    case "group": return text("resource_group") == lower
    case "region": return text("region") == lower
    case "size": return text("size") == lower
    case "image": return text("image") == lower
    case "state":
      let s = text("power_state")
      return s == lower || (lower == "stopped" && s == "not_running")
    case "all": return (p["all"]?.boolValue ?? false) == (lower == "true")
    case "size_gb": return p["size_gb"]?.intValue == Int(value)
    case "sku": return text("sku") == lower
    case "vm": return text("vm") == lower
    case "ports": return text("ports") == lower
    case "source": return text("source") == lower
    case "time": return text("time") == lower
    case "zone": return text("time_zone") == lower
    case "tagged": return text("tagged") == lower
    case "tags":
      let said = (p["tags"]?.objectMembers ?? []).map { pair in
        pair.1.stringValue.map { $0.isEmpty ? pair.0 : "\(pair.0):\($0)" } ?? pair.0
      }
      return Set(said.map { $0.lowercased() })
        == Set(lower.split(separator: ",").map(String.init))
    default: return false
    }
  }

  // MARK: - Describing

  func describe(_ e: Dialogue.Expectation) -> String {
    switch e {
    case .ask: return "ask"
    case .noChange: return "nochange"
    case .unsupported: return "unsupported"
    case .slash(let s): return "slash " + s
    case .intents(let list):
      return list.map { i in
        ([i.kind] + i.keys.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
          .joined(separator: " ")
      }.joined(separator: " ; ")
    }
  }

  func describe(_ seen: Observation) -> String {
    var parts: [String] = []
    if let s = seen.slash { parts.append("slash " + s) }
    if !seen.intents.isEmpty {
      parts.append(
        seen.intents.map { i in
          let params = (i["parameters"]?.objectMembers ?? []).map { "\($0.0)=\($0.1.compactText)" }
          return ([i["intent"]?.stringValue ?? "?"] + params).joined(separator: " ")
        }.joined(separator: " ; "))
    }
    if seen.asked { parts.append("[asked]") }
    if seen.planned { parts.append("[planned]") }
    if seen.executed { parts.append("[executed]") }
    if parts.isEmpty || seen.intents.isEmpty {
      parts.append("«" + (seen.output.first ?? "") + "»")
    }
    return parts.joined(separator: " ")
  }
}

extension JSONValue {
  /// A short form for reports: strings bare, arrays comma-joined.
  fileprivate var compactText: String {
    switch self {
    case .string(let s): return s
    case .array(let a): return a.map(\.compactText).joined(separator: ",")
    case .number(let n): return n == n.rounded() ? String(Int(n)) : String(n)
    case .bool(let b): return String(b)
    default: return "\(self)"
    }
  }
}
