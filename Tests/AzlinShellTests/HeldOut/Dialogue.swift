import Foundation

/// One held-out dialogue: set-up az lines, then turns with what a careful person expects.
///
/// The format is documented in `Tests/HeldOut/FORMAT.md`.
struct Dialogue {
  /// What a turn should do.
  enum Expectation: Equatable {
    /// Act on, or answer, these intents (kind and the keys the writer gave).
    case intents([ExpectedIntent])
    /// Ask a question before doing anything.
    case ask
    /// Change nothing (answer, explain or preview only).
    case noChange
    /// Say it is not supported, and do nothing.
    case unsupported
    /// Run this slash command ("/undo").
    case slash(String)

    /// True for lines that must not lead to a plan or an action.
    var mustNotAct: Bool {
      switch self {
      case .ask, .noChange, .unsupported: return true
      case .intents(let list): return list.allSatisfy(\.isRead)
      case .slash: return false
      }
    }
  }

  /// One expected intent: its kind and the keys given.
  struct ExpectedIntent: Equatable {
    var kind: String
    var keys: [String: String]

    var isRead: Bool {
      ["list_vms", "show_vm", "list_resource_groups", "cost_report", "list_storage"].contains(kind)
    }
  }

  struct Turn {
    var line: String
    var expected: Expectation
    /// The file's line number of the `>` line.
    var lineNumber: Int
  }

  var title: String
  var setUp: [String] = []
  var turns: [Turn] = []

  /// Reads a `.dialogues` file.
  /// - Returns: The dialogues and the lines that could not be read.
  static func load(_ text: String) -> (dialogues: [Dialogue], problems: [String]) {
    var dialogues: [Dialogue] = []
    var problems: [String] = []
    var pendingLine: (String, Int)?
    for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let n = index + 1
      let line = String(raw).trimmingCharacters(in: .whitespaces)
      if line.isEmpty || line.hasPrefix("#") { continue }
      if line.hasPrefix("===") {
        dialogues.append(
          Dialogue(title: String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces)))
        continue
      }
      guard !dialogues.isEmpty else {
        problems.append("line \(n): text before the first ===")
        continue
      }
      if line.hasPrefix("$ ") {
        dialogues[dialogues.count - 1].setUp.append(String(line.dropFirst(2)))
      } else if line.hasPrefix(">") {
        if let p = pendingLine { problems.append("line \(p.1): no expectation") }
        pendingLine = (
          String(String(raw).drop(while: { $0 == " " }).dropFirst(1).drop(while: { $0 == " " })), n
        )
      } else if line.hasPrefix("=") {
        guard let (typed, at) = pendingLine else {
          problems.append("line \(n): expectation without a > line")
          continue
        }
        pendingLine = nil
        switch parseExpectation(String(line.dropFirst(1)).trimmingCharacters(in: .whitespaces)) {
        case .success(let e):
          dialogues[dialogues.count - 1].turns.append(
            Turn(line: typed, expected: e, lineNumber: at))
        case .failure(let why):
          problems.append("line \(n): \(why.text)")
        }
      } else {
        problems.append("line \(n): not a $, > or = line")
      }
    }
    if let p = pendingLine { problems.append("line \(p.1): no expectation") }
    return (dialogues, problems)
  }

  struct FormatProblem: Error { var text: String }

  static let kinds: Set<String> = [
    "provision_vm", "list_vms", "show_vm", "delete_vm", "start_vm", "stop_vm", "deallocate_vm",
    "restart_vm", "resize_vm", "create_resource_group", "list_resource_groups",
    "delete_resource_group", "cost_report", "create_storage", "list_storage", "delete_storage",
    "attach_disk", "detach_disk", "delete_disk", "open_port", "close_port", "list_ports",
    "set_auto_shutdown", "clear_auto_shutdown", "show_auto_shutdown", "set_tag", "remove_tag",
    "list_tagged", "connect_vm", "run_command",
  ]
  static let keys: Set<String> = [
    "names", "count", "group", "region", "size", "image", "state", "all", "except", "size_gb",
    "sku", "vm", "ports", "source", "time", "zone", "tags", "tagged",
  ]

  static func parseExpectation(_ text: String) -> Result<Expectation, FormatProblem> {
    switch text {
    case "ask": return .success(.ask)
    case "nochange": return .success(.noChange)
    case "unsupported": return .success(.unsupported)
    default: break
    }
    if text.hasPrefix("slash ") {
      return .success(.slash(String(text.dropFirst(6)).trimmingCharacters(in: .whitespaces)))
    }
    var intents: [ExpectedIntent] = []
    for part in text.components(separatedBy: ";") {
      let words = part.split(separator: " ").map(String.init)
      guard let kind = words.first, kinds.contains(kind) else {
        return .failure(FormatProblem(text: "unknown expectation \"\(part)\""))
      }
      var keys: [String: String] = [:]
      for w in words.dropFirst() {
        let kv = w.split(separator: "=", maxSplits: 1).map(String.init)
        guard kv.count == 2, Self.keys.contains(kv[0]) else {
          return .failure(FormatProblem(text: "unknown key \"\(w)\""))
        }
        keys[kv[0]] = kv[1]
      }
      intents.append(ExpectedIntent(kind: kind, keys: keys))
    }
    return .success(.intents(intents))
  }
}
