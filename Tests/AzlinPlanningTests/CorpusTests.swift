import AzlinAzure
import AzlinPlanning
import Foundation
import Testing

/// The public utterance corpus (issue 4): every line of `Corpus/utterances.tsv` is parsed by the
/// local parser against a fixed live state, and the accuracy is printed and held above a floor.
///
/// The file's header documents its format. Set `AZLIN_CORPUS_ALL=1` to print every mismatch.
@Suite struct CorpusTests {
  /// The accuracy below which the corpus test fails; the lead sets it from the measured figure.
  static let floor = 0.95
  /// How many mismatches the accuracy test prints.
  static let shownMismatches = 40
  /// The corpus must stay at least this big.
  static let minimumSize = 320

  /// The live state the corpus is written against (also in the file's header).
  static let live = LiveState(
    groups: [
      .init(name: "azlin-rg", location: "eastus"), .init(name: "test-rg", location: "westeurope"),
      .init(name: "data", location: "westus2"),
    ],
    vms: [
      .init(
        name: "sam", resourceGroup: "azlin-rg", location: "eastus", size: "Standard_B2s",
        powerState: "running", id: ""),
      .init(
        name: "web1", resourceGroup: "test-rg", location: "westeurope", size: "Standard_B2s",
        powerState: "running", id: ""),
      .init(
        name: "web2", resourceGroup: "test-rg", location: "westeurope", size: "Standard_B2s",
        powerState: "stopped", id: ""),
      .init(
        name: "db01", resourceGroup: "data", location: "westus2", size: "Standard_E4s_v5",
        powerState: "deallocated", id: ""),
    ])

  static let corpusURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Corpus/utterances.tsv")

  // MARK: - Tests

  @Test func corpusFileIsWellFormed() throws {
    let (entries, problems) = try Self.load()
    #expect(
      problems.isEmpty,
      "utterances.tsv has \(problems.count) malformed lines:\n\(problems.joined(separator: "\n"))")
    #expect(
      entries.count >= Self.minimumSize,
      "utterances.tsv has \(entries.count) utterances, fewer than \(Self.minimumSize)")
    var seen: [String: Int] = [:]
    for entry in entries {
      if let first = seen[entry.utterance] {
        Issue.record("line \(entry.line) repeats line \(first): \(entry.utterance)")
      }
      seen[entry.utterance] = entry.line
    }
  }

  @Test func parserAccuracyOnCorpus() throws {
    let (entries, problems) = try Self.load()
    #expect(problems.isEmpty, "utterances.tsv is malformed; see corpusFileIsWellFormed")
    let parser = LocalIntentParser()
    var right = 0
    var mismatches: [String] = []
    var byKind: [String: (right: Int, total: Int)] = [:]
    for entry in entries {
      let result = parser.parse(entry.utterance, context: entry.context, live: Self.live)
      let ok = Self.matches(entry.expectation, result)
      if ok { right += 1 }
      for kind in entry.expectation.kindLabels {
        byKind[kind, default: (0, 0)].total += 1
        if ok { byKind[kind, default: (0, 0)].right += 1 }
      }
      if !ok {
        mismatches.append(
          "  line \(entry.line): \(entry.utterance)"
            + (entry.contextText.isEmpty ? "" : "   [\(entry.contextText)]")
            + "\n    expected: \(entry.expectedText)\n    got:      \(Self.describe(result))")
      }
    }
    let accuracy = entries.isEmpty ? 0 : Double(right) / Double(entries.count)
    let percent = String(format: "%.1f", accuracy * 100)
    print("Intent corpus: \(right)/\(entries.count) utterances right (\(percent)%)")
    print(
      "  by expected kind: "
        + byKind.keys.sorted().map { "\($0) \(byKind[$0]!.right)/\(byKind[$0]!.total)" }
        .joined(separator: ", "))
    let showAll = ProcessInfo.processInfo.environment["AZLIN_CORPUS_ALL"] == "1"
    let shown = showAll ? mismatches : Array(mismatches.prefix(Self.shownMismatches))
    if !shown.isEmpty {
      print("Intent corpus mismatches (\(shown.count) of \(mismatches.count)):")
      print(shown.joined(separator: "\n"))
    }
    #expect(
      accuracy >= Self.floor,
      "intent corpus accuracy \(percent)% is below the floor \(Self.floor * 100)%")
  }

  // MARK: - The corpus file

  /// One parameter an expectation may list.
  enum Key: String, CaseIterable {
    case names, count, group, region, size, all, state
  }

  /// One expected intent: the kind and only the parameters the utterance states.
  struct ExpectedIntent {
    var kind: IntentKind
    var values: [Key: String]
  }

  /// What a line expects.
  enum Expectation {
    case intents([ExpectedIntent])
    case unsupported
    case none

    var kindLabels: [String] {
      switch self {
      case .intents(let intents): return intents.map(\.kind.rawValue)
      case .unsupported: return ["unsupported"]
      case .none: return ["none"]
      }
    }
  }

  /// One utterance of the corpus.
  struct Entry {
    var line: Int
    var utterance: String
    var expectedText: String
    var expectation: Expectation
    var contextText: String
    var context: ConversationContext
  }

  static let powerStates: Set<String> = ["running", "stopped", "deallocated"]

  /// Reads the corpus; lines that cannot be read are returned as problems, not entries.
  static func load() throws -> (entries: [Entry], problems: [String]) {
    let text = try String(contentsOf: corpusURL, encoding: .utf8)
    var entries: [Entry] = []
    var problems: [String] = []
    for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      let line = rawLine.hasSuffix("\r") ? String(rawLine.dropLast()) : String(rawLine)
      if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
      let number = index + 1
      let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard (2...3).contains(columns.count) else {
        problems.append("line \(number): \(columns.count) columns, expected 2 or 3: \(line)")
        continue
      }
      let utterance = columns[0]
      let expectedText = columns[1].trimmingCharacters(in: .whitespaces)
      let contextText = columns.count == 3 ? columns[2].trimmingCharacters(in: .whitespaces) : ""
      if utterance.trimmingCharacters(in: .whitespaces).isEmpty {
        problems.append("line \(number): empty utterance")
        continue
      }
      do {
        entries.append(
          Entry(
            line: number, utterance: utterance, expectedText: expectedText,
            expectation: try parseExpectation(expectedText), contextText: contextText,
            context: try parseContext(contextText)))
      } catch let error as CorpusError {
        problems.append("line \(number): \(error.message): \(line)")
      }
    }
    return (entries, problems)
  }

  struct CorpusError: Error {
    var message: String
  }

  static func parseExpectation(_ text: String) throws -> Expectation {
    if text == "unsupported" { return .unsupported }
    if text == "none" { return .none }
    if text.isEmpty { throw CorpusError(message: "empty expectation") }
    var intents: [ExpectedIntent] = []
    for part in text.components(separatedBy: " ; ") {
      let words = part.split(separator: " ").map(String.init)
      guard let first = words.first, let kind = IntentKind(rawValue: first) else {
        throw CorpusError(
          message: "unknown intent kind '\(part.split(separator: " ").first ?? "")'")
      }
      var values: [Key: String] = [:]
      for word in words.dropFirst() {
        let pair = word.split(separator: "=", maxSplits: 1).map(String.init)
        guard pair.count == 2, let key = Key(rawValue: pair[0]), !pair[1].isEmpty else {
          throw CorpusError(message: "bad parameter '\(word)'")
        }
        guard values[key] == nil else { throw CorpusError(message: "repeated key '\(key)'") }
        switch key {
        case .count:
          guard let n = Int(pair[1]), n > 0 else { throw CorpusError(message: "bad count") }
        case .all:
          guard pair[1] == "true" else { throw CorpusError(message: "all must be true") }
        case .state:
          guard powerStates.contains(pair[1]) else { throw CorpusError(message: "bad state") }
        case .region:
          guard pair[1] == pair[1].lowercased(), !pair[1].contains(" ") else {
            throw CorpusError(message: "region must be normalised")
          }
        case .size:
          guard pair[1].hasPrefix("Standard_") else {
            throw CorpusError(message: "size must be canonical")
          }
        case .names, .group: break
        }
        values[key] = pair[1]
      }
      intents.append(ExpectedIntent(kind: kind, values: values))
    }
    return .intents(intents)
  }

  static func parseContext(_ text: String) throws -> ConversationContext {
    var context = ConversationContext()
    for word in text.split(separator: " ") {
      let pair = word.split(separator: "=", maxSplits: 1).map(String.init)
      guard pair.count == 2, !pair[1].isEmpty else {
        throw CorpusError(message: "bad context '\(word)'")
      }
      switch pair[0] {
      case "vms": context.vms = pair[1].split(separator: ",").map(String.init)
      case "group": context.resourceGroup = pair[1]
      case "region": context.region = pair[1]
      case "size": context.size = pair[1]
      default: throw CorpusError(message: "unknown context key '\(pair[0])'")
      }
    }
    return context
  }

  // MARK: - Comparing

  /// Intents after merging neighbours of the same kind that differ only in their names.
  static func merged(_ intents: [Intent]) -> [Intent] {
    var out: [Intent] = []
    for intent in intents {
      if var last = out.last, last.kind == intent.kind, !last.parameters.names.isEmpty,
        !intent.parameters.names.isEmpty, sameExceptNames(last.parameters, intent.parameters)
      {
        last.parameters.names += intent.parameters.names
        last.parameters.count = nil
        out[out.count - 1] = last
      } else {
        out.append(intent)
      }
    }
    return out
  }

  static func sameExceptNames(_ a: IntentParameters, _ b: IntentParameters) -> Bool {
    func countFits(_ p: IntentParameters) -> Bool { p.count == nil || p.count == p.names.count }
    return countFits(a) && countFits(b)
      && a.resourceGroup?.lowercased() == b.resourceGroup?.lowercased()
      && a.region == b.region && a.size == b.size && a.powerState == b.powerState && a.all == b.all
  }

  static func matches(_ expectation: Expectation, _ result: ParseResult) -> Bool {
    switch (expectation, result) {
    case (.unsupported, .notUnderstood(.unsupported)): return true
    case (.none, .notUnderstood(.noOperation)): return true
    case (.intents(let expected), .intents(let got)):
      let got = merged(got)
      guard expected.count == got.count else { return false }
      return zip(expected, got).allSatisfy(matches)
    default: return false
    }
  }

  static func matches(_ expected: ExpectedIntent, _ got: Intent) -> Bool {
    guard expected.kind == got.kind else { return false }
    let p = got.parameters
    for (key, value) in expected.values {
      let same: Bool
      switch key {
      case .names:
        same =
          value.lowercased().split(separator: ",").map(String.init).sorted()
          == p.names.map { $0.lowercased() }.sorted()
      case .count:
        same = Int(value) == (p.count ?? (p.names.isEmpty ? 1 : p.names.count))
      case .group: same = p.resourceGroup?.lowercased() == value.lowercased()
      case .region: same = p.region?.lowercased() == value
      case .size: same = p.size == value
      case .all: same = p.all
      case .state: same = p.powerState?.lowercased() == value
      }
      if !same { return false }
    }
    return true
  }

  /// The parser's answer in the corpus's own notation.
  static func describe(_ result: ParseResult) -> String {
    switch result {
    case .notUnderstood(.noOperation): return "none"
    case .notUnderstood(.unsupported(let what)): return "unsupported (\(what))"
    case .notUnderstood(let problem): return "not understood: \(problem)"
    case .intents(let intents):
      if intents.isEmpty { return "(no intents)" }
      return intents.map(describe).joined(separator: " ; ")
    }
  }

  static func describe(_ intent: Intent) -> String {
    let p = intent.parameters
    var words = [intent.kind.rawValue]
    if !p.names.isEmpty { words.append("names=\(p.names.joined(separator: ","))") }
    if let c = p.count { words.append("count=\(c)") }
    if let g = p.resourceGroup { words.append("group=\(g)") }
    if let r = p.region { words.append("region=\(r)") }
    if let s = p.size { words.append("size=\(s)") }
    if p.all { words.append("all=true") }
    if let s = p.powerState { words.append("state=\(s)") }
    if intent.confidence < 0.7 { words.append("(confidence \(intent.confidence))") }
    return words.joined(separator: " ")
  }
}
