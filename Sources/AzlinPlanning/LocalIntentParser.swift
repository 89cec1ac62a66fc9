import AzlinAzure
import AzlinCore
import Foundation

/// The embedded, offline intent parser: a small grammar over what people type.
///
/// It splits a line into clauses ("… then …"), finds each clause's verb (with
/// synonyms and one-edit typos), its object (VMs or groups), names, count, size,
/// region, image and group, and resolves "it"/"them" from the conversation.
public struct LocalIntentParser: Sendable {
  /// What a verb means, before the object decides the operation.
  enum Verb: Sendable {
    case create, delete, list, start, stop, deallocate, restart, resize, cost, detach
  }

  /// What a clause is about.
  enum Object: Sendable { case vm, group, storage, disk, network, unknown }

  let catalog: AzureCatalog

  public init(catalog: AzureCatalog = .bundled) { self.catalog = catalog }

  /// Parses one line.
  /// - Parameters:
  ///   - line: What the user typed.
  ///   - context: What earlier turns mentioned.
  ///   - live: What exists now (names for typo correction and bare-name recognition).
  /// - Returns: The intents in order, or why nothing was understood.
  public func parse(_ line: String, context: ConversationContext, live: LiveState) -> ParseResult {
    let clauses = Self.clauses(of: line)
    var intents: [Intent] = []
    var carried = context
    var lineGroup: Intent?
    var previousVerb: Verb?
    for clause in clauses {
      switch parseClause(clause, context: carried, live: live, inheritedVerb: previousVerb) {
      case .success(var intent):
        // "create rg demo … then a vm": later VMs on the line go into the group it creates.
        if intent.kind == .createResourceGroup { lineGroup = intent }
        if intent.kind == .provisionVM, intent.parameters.resourceGroup == nil, let g = lineGroup {
          intent.parameters.resourceGroup = g.parameters.names.first
          if intent.parameters.region == nil { intent.parameters.region = g.parameters.region }
        }
        if intent.kind == .deleteResourceGroup, intent.parameters.names.isEmpty,
          let g = carried.resourceGroup
        {
          intent.parameters.names = [g]
        }
        previousVerb = Self.verb(of: intent.kind)
        intents.append(intent)
        carried.remember(intent)
      case .failure(let problem):
        return .notUnderstood(problem.problem)
      }
    }
    return intents.isEmpty ? .notUnderstood(.noOperation) : .intents(intents)
  }

  static func verb(of kind: IntentKind) -> Verb {
    switch kind {
    case .provisionVM, .createResourceGroup, .createStorage, .attachDisk: return .create
    case .deleteVM, .deleteResourceGroup, .deleteStorage, .deleteDisk: return .delete
    case .listVMs, .showVM, .listResourceGroups, .listStorage: return .list
    case .detachDisk: return .detach
    case .startVM: return .start
    case .stopVM: return .stop
    case .deallocateVM: return .deallocate
    case .restartVM: return .restart
    case .resizeVM: return .resize
    case .costReport: return .cost
    }
  }

  /// Splits a line into clauses at "then", ";", sentence ends, and "and" or "," before a new verb.
  static func clauses(of line: String) -> [[String]] {
    let words = tokens(of: line)
    var result: [[String]] = [[]]
    var i = 0
    func startsVerb(_ k: Int) -> Bool {
      guard k < words.count else { return false }
      let w = words[k].lowercased()
      if verbWords[w] != nil && !costWords.contains(w) { return true }
      return verbPhrases.contains { $0.phrase.first == w }
        && ["shut", "turn", "power", "bring", "spin", "fire", "tear", "get", "wake", "boot"]
          .contains(w)
    }
    while i < words.count {
      let w = words[i].lowercased()
      let next = i + 1 < words.count ? words[i + 1].lowercased() : ""
      if w == ";" || w == "then" || w == "afterwards" || w == "." {
        result.append([])
        i += 1
      } else if (w == "and" && next == "then") || (w == "after" && next == "that") {
        result.append([])
        i += 2
      } else if (w == "and" || w == ",") && startsVerb(i + 1) && result[result.count - 1].count > 1
      {
        result.append([])
        i += 1
      } else {
        result[result.count - 1].append(words[i])
        i += 1
      }
    }
    return result.filter { !$0.isEmpty }
  }

  /// Splits a line into words: quotes keep a name whole, edge punctuation is dropped, ";" stands alone.
  static func tokens(of text: String) -> [String] {
    var words: [String] = []
    var current = ""
    var quote: Character?
    var quoted = false
    func flush() {
      var w = Substring(current)
      if !quoted {
        while let last = w.last, ".?!:\"'()".contains(last) { w = w.dropLast() }
        while let first = w.first, "\"'(".contains(first) { w = w.dropFirst() }
      }
      if !w.isEmpty { words.append(String(w)) }
      current = ""
      quoted = false
    }
    for c in text {
      if let q = quote {
        if c == q {
          quote = nil
          quoted = true
          flush()
        } else {
          current.append(c)
        }
      } else if (c == "\"" || c == "'") && current.isEmpty {
        quote = c
      } else if c == " " || c == "\t" {
        if current.hasSuffix("."), current.count > 1, !current.dropLast().contains(".") {
          current.removeLast()
          flush()
          words.append(".")
        }
        flush()
      } else if c == "," {
        flush()
        words.append(",")
      } else if c == ";" {
        flush()
        words.append(";")
      } else {
        current.append(c)
      }
    }
    if quote != nil { quoted = true }
    flush()
    return words
  }
}

/// The parser's answer for one line.
public enum ParseResult: Equatable, Sendable {
  case intents([Intent])
  case notUnderstood(ParseProblem)
}

/// Why a line was not understood, for one clear sentence.
public enum ParseProblem: Equatable, Sendable {
  /// No operation found at all.
  case noOperation
  /// An operation azlin knows of but cannot do yet, such as storage accounts.
  case unsupported(String)
  /// A verb without anything to apply it to.
  case missingTarget(String)
}
