import AzlinAzure
import Foundation

extension LocalIntentParser {
  /// Lines about getting into a VM or running something in it, read before the clause grammar
  /// (their words — a shell command line above all — are not the grammar's words):
  /// "how do I connect to sam", "ssh into sam", "log in to it" (`connect_vm`), and
  /// "run `df -h` on sam", "execute uptime on it" (`run_command`).
  ///
  /// - Parameters:
  ///   - line: The line as typed (already redacted).
  ///   - context: What earlier turns mentioned ("it").
  ///   - live: What exists (the VM a command runs on must be one, unless the command is quoted).
  /// - Returns: The intent, or nil when the line is not one of these.
  func connectOrRun(_ line: String, context: ConversationContext, live: LiveState)
    -> ParseResult?
  {
    if let run = Self.runCommand(line, context: context, live: live) { return run }
    if let run = runThenMore(line, context: context, live: live) { return run }
    return Self.connect(line, context: context, live: live)
  }

  /// "run df -h on sam then stop bob": the command, then what the rest of the line asks for.
  func runThenMore(_ line: String, context: ConversationContext, live: LiveState) -> ParseResult? {
    for separator in [" and then ", " then ", "; ", ", then "] {
      guard let cut = line.range(of: separator, options: .caseInsensitive) else { continue }
      let first = String(line[..<cut.lowerBound])
      let rest = String(line[cut.upperBound...])
      guard case .intents(let run)? = Self.runCommand(first, context: context, live: live),
        !rest.trimmingCharacters(in: .whitespaces).isEmpty
      else { continue }
      var carried = context
      for intent in run { carried.remember(intent) }
      switch parse(rest, context: carried, live: live) {
      case .intents(let more): return .intents(run + more)
      case .notUnderstood(let problem): return .notUnderstood(problem)
      }
    }
    return nil
  }

  /// Openings that ask how, or ask politely: "how do I", "can you", "please", "I want to".
  static let connectOpenings: [[String]] = [
    ["how", "do", "i"], ["how", "can", "i"], ["how", "would", "i"], ["how", "should", "i"],
    ["how", "to"], ["how", "do", "we"], ["can", "i"], ["could", "i"], ["can", "you"],
    ["could", "you"], ["please"], ["i", "want", "to"], ["i", "need", "to"], ["i'd", "like", "to"],
    ["let", "me"], ["help", "me"], ["now"], ["ok"], ["okay"], ["and"], ["then"],
  ]

  /// Verbs of connecting, with the words that may follow them before the VM.
  static let connectVerbs: [(verb: [String], linkers: Set<String>)] = [
    (["ssh"], ["into", "to", "in", "onto", "on"]), (["connect"], ["to", "into", "with"]),
    (["log", "in"], ["to", "into", "on"]), (["log", "into"], []), (["log", "on"], ["to"]),
    (["login"], ["to", "into", "on"]), (["sign", "in"], ["to"]), (["get", "into"], []),
    (["ssh", "command", "for"], []), (["the", "ssh", "command", "for"], []),
  ]

  /// "connect to sam", "how do I ssh into it", "what's the ssh command for sam".
  static func connect(_ line: String, context: ConversationContext, live: LiveState)
    -> ParseResult?
  {
    var words = tokens(of: line).map { $0.lowercased() }.filter { $0 != "," }
    // "what's the ssh command for sam", "what is the ssh command for sam".
    for opening in [["what's"], ["whats"], ["what", "is"], ["show", "me"], ["give", "me"]]
    where words.starts(with: opening) && words.dropFirst(opening.count).contains("ssh") {
      words.removeFirst(opening.count)
    }
    var stripped = true
    while stripped {
      stripped = false
      for opening in connectOpenings where words.starts(with: opening) {
        words.removeFirst(opening.count)
        stripped = true
      }
    }
    guard
      let (verb, linkers) = connectVerbs.first(where: { words.starts(with: $0.verb) })
    else { return nil }
    var rest = Array(words.dropFirst(verb.count))
    // "connect me to it", "log me in": the speaker, not the VM.
    if rest.first == "me" || rest.first == "us" { rest.removeFirst() }
    if let first = rest.first, linkers.contains(first) { rest.removeFirst() }
    while let last = rest.last, ["please", "now", "again", "there"].contains(last) {
      rest.removeLast()
    }
    if rest.first == "the" { rest.removeFirst() }
    if let first = rest.first, ["vm", "machine", "server", "box"].contains(first) {
      rest.removeFirst()
    }
    var intent = Intent(kind: .connectVM, explanation: IntentKind.connectVM.phrase)
    switch rest.count {
    case 0:
      // "how do I connect": the one VM the conversation is about, or the planner asks.
      if context.vms.count == 1 {
        intent.parameters.names = context.vms
        intent.parameters.fromContext = "it"
      }
    case 1:
      let word = rest[0]
      if singularPronouns.contains(word) {
        guard context.vms.count == 1 else { return .notUnderstood(.unresolvedReference(word)) }
        intent.parameters.names = context.vms
        intent.parameters.fromContext = word
      } else if let vm = live.vms(named: word).first {
        intent.parameters.names = [vm.name]
      } else if looksLikeName(word), !stopWords.contains(word) {
        // A name that does not exist: the planner says so.
        intent.parameters.names = [tokens(of: line).first { $0.lowercased() == word } ?? word]
      } else {
        return nil
      }
    default:
      return nil
    }
    if let name = intent.parameters.names.first { intent.explanation += " " + name }
    return .intents([intent])
  }

  /// "run `df -h` on sam", "run df -h on sam", "execute 'uptime' on it", "run the command
  /// `ls /tmp` on the vm sam": the command line, kept as typed, and the VM.
  ///
  /// An unquoted command needs a VM that exists (or "it") after its last "on"/"in", so that
  /// "run 3 vms in westus" stays a request for VMs; a quoted one may name any VM (the planner
  /// refuses one that does not exist).
  static func runCommand(_ line: String, context: ConversationContext, live: LiveState)
    -> ParseResult?
  {
    let pattern =
      #"^(.*?)\b(run|execute|exec)\s+(the\s+command\s+|command\s+)?(.+?)\s+(on|in)\s+(the\s+)?((vm|machine|server|box)\s+)?([A-Za-z0-9_().-]+)[\s?.!]*$"#
    guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]),
      let match = regex.firstMatch(
        in: line, range: NSRange(line.startIndex..<line.endIndex, in: line))
    else { return nil }
    func group(_ i: Int) -> String {
      guard let range = Range(match.range(at: i), in: line) else { return "" }
      return String(line[range])
    }
    // What comes before the verb: nothing, politeness, or a question about doing it.
    let opening = tokens(of: group(1)).map { $0.lowercased() }.filter { $0 != "," }
    var hypothetical = false
    if !opening.isEmpty {
      let polite = opening.allSatisfy {
        ["please", "can", "could", "you", "now", "ok", "okay", "and", "then", "i", "want", "to"]
          .contains($0)
      }
      if !polite {
        guard hypotheticalPrefix(opening) == opening.count else { return nil }
        hypothetical = true
      }
    }
    var script = group(4).trimmingCharacters(in: .whitespaces)
    var quoted = false
    for (open, close) in [("`", "`"), ("\"", "\""), ("'", "'"), ("“", "”")]
    where script.count >= 2 && script.hasPrefix(open) && script.hasSuffix(close) {
      script = String(script.dropFirst(open.count).dropLast(close.count))
        .trimmingCharacters(in: .whitespaces)
      quoted = true
      break
    }
    // A command line starts with a program, never with "-" (az would read it as an option).
    guard !script.isEmpty, !script.contains("`"), !script.hasPrefix("-") else { return nil }
    // Unquoted, the words must read as a command line and nothing else: "run the numbers on
    // sam" is no command, and "run df on sam then stop bob" or "run df on sam, no wait, on bob"
    // would run words that were never meant for the VM — such lines are left to the grammar.
    if !quoted {
      let words = tokens(of: script).map { $0.lowercased() }
      let first = words.first ?? ""
      let notACommand: Set<String> = [
        "the", "a", "an", "my", "some", "it", "this", "that", "them", "those", "these", "all",
        "every", "more", "another",
      ]
      if notACommand.contains(first) { return nil }
      if words.contains("then") || words.contains(where: { !live.vms(named: $0).isEmpty })
        || inlineCorrection(tokens(of: line).map { $0.lowercased() }) != nil
      {
        return .notUnderstood(.unclearCommand(script))
      }
    }
    let target = group(9).trimmingCharacters(in: CharacterSet(charactersIn: "."))
    var intent = Intent(kind: .runCommand, explanation: IntentKind.runCommand.phrase)
    intent.parameters.script = script
    if singularPronouns.contains(target.lowercased()) {
      guard context.vms.count == 1 else {
        return .notUnderstood(.unresolvedReference(target))
      }
      intent.parameters.names = context.vms
      intent.parameters.fromContext = target.lowercased()
    } else if let vm = live.vms(named: target).first {
      intent.parameters.names = [vm.name]
    } else if quoted, looksLikeName(target.lowercased()) {
      intent.parameters.names = [target]
    } else {
      return nil
    }
    // "run df -h on sam?" with nothing before it: asked about, so only previewed.
    intent.parameters.hypothetical =
      hypothetical || (opening.isEmpty && line.trimmingCharacters(in: .whitespaces).hasSuffix("?"))
    intent.explanation += " " + intent.parameters.names[0]
    return .intents([intent])
  }
}
