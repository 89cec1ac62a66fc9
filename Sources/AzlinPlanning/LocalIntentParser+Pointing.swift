import AzlinAzure
import Foundation

extension LocalIntentParser {
  /// "that storage account", "the group", "this rg": a determiner before a kind of thing points
  /// at the one of that kind the conversation is about — never at a VM.
  /// - Returns: nil when the line points at no storage account or group; the one meant; or an
  ///   empty list when it points at one the conversation does not know (asked, never guessed).
  static func pointedObject(_ w: [String], context: ConversationContext, live: LiveState)
    -> [String]?
  {
    let determiners: Set<String> = ["the", "that", "this", "my", "our"]
    for i in w.indices.dropFirst() where determiners.contains(w[i - 1]) {
      // "every vm in the group": where the things are, not the thing itself.
      if i >= 2, ["in", "of", "into", "inside", "from", "under"].contains(w[i - 2]) { continue }
      // A live name said in the line is what is meant, whatever the nouns around it.
      let namesOne = w.contains { word in
        !live.storageAccounts(named: word).isEmpty || live.group(named: word) != nil
          || !live.vms(named: word).isEmpty
      }
      guard !namesOne else { return nil }
      if w[i] == "storage" {
        return context.storage.map { [$0] } ?? []
      }
      if groupNouns.contains(w[i]) || (w[i] == "resource" && i + 1 < w.count && w[i + 1] == "group")
      {
        return context.resourceGroup.map { [$0] } ?? []
      }
    }
    return nil
  }
}

extension LocalIntentParser {
  /// "tag marta owner=marta and omar owner=omar": each part with its own `key=value` is a tag
  /// request of its own, on its own target. When the parts cannot be told apart, or one names
  /// no target, nothing is guessed: the tag is asked for whole.
  func tagsPerTarget(_ words: [String], context: ConversationContext, live: LiveState)
    -> ParseResult
  {
    let ask = ParseResult.notUnderstood(.missingDetail("tag", example: "tag sam owner=sam"))
    var parts: [[String]] = [[]]
    for word in words {
      if ["and", ",", "&"].contains(word.lowercased()),
        parts[parts.count - 1].contains(where: {
          $0.contains("=")
        })
      {
        parts.append([])
      } else {
        parts[parts.count - 1].append(word)
      }
    }
    guard parts.count > 1 else { return ask }
    var intents: [Intent] = []
    for (n, part) in parts.enumerated() {
      let keys = part.filter { $0.contains("=") }.map { $0.split(separator: "=")[0].lowercased() }
      guard !keys.isEmpty, Set(keys).count == keys.count else { return ask }
      let said = n == 0 ? part : ["tag"] + part
      guard let reading = devVMParse(said, context: context, live: live),
        case .intents(let found) = reading, found.count == 1, found[0].kind == .setTag,
        !found[0].parameters.names.isEmpty, found[0].parameters.fromContext == nil
      else { return ask }
      intents += found
    }
    return .intents(intents)
  }
}

extension LocalIntentParser {
  /// "close 80, https only", "close 22 — only 443 from now on": after the ports to close, a
  /// part set off by a comma or dash that says "only" tells what stays open. Those ports are
  /// kept, never closed with the rest.
  static func portsLeftOpen(_ w: [String]) -> [String] {
    func port(_ word: String) -> String? { portNames[word] ?? (isPortToken(word) ? word : nil) }
    guard let cut = w.firstIndex(where: { [",", "-", "—", ";"].contains($0) }),
      w[..<cut].contains(where: { port($0) != nil })
    else { return [] }
    let after = w[(cut + 1)...]
    guard after.contains("only") || after.contains("just") else { return [] }
    return after.compactMap(port)
  }
}
