import AzlinLedger
import AzlinPlanning

extension TurnEngine {
  /// The intents of a line refused for the secret it carried, read again without the secret,
  /// when `answer` says how to do without it ("ok use ssh keys instead", "forget the key, just
  /// generate one", "no key, just create it"); nil when `answer` is something else.
  ///
  /// Only what the refused line asked for is planned — and shown for approval as any plan is.
  func retriedWithoutSecret(_ refused: String, answer: String) -> [Intent]? {
    let said = LocalIntentParser.tokens(of: answer).map { $0.lowercased() }
    guard Self.saysHowWithoutSecret(answer) else { return nil }
    let line = Self.withoutSecret(refused)
    guard case .intents(var intents) = parser.parse(line, context: conversation, live: live),
      !intents.isEmpty, intents.allSatisfy({ !$0.kind.isReadOnly })
    else { return nil }
    // "ok, ssh keys, and in westeurope": what the answer adds is taken too.
    if case .success(let r) = parser.revision(answer, context: conversation, live: live),
      r.replacement == nil
    {
      var delta = IntentParameters()
      delta.region = r.parameters.region
      delta.size = r.parameters.size
      delta.image = r.parameters.image
      delta.count = r.parameters.count
      if delta != IntentParameters() { intents = LocalIntentParser.apply(delta, to: intents) }
    }
    // "fine, make it a linux vm instead": not the Windows image the refused line named.
    if said.contains("linux") || said.contains("ubuntu") {
      for i in intents.indices where intents[i].parameters.image?.hasPrefix("Win") == true {
        intents[i].parameters.image = nil
      }
    }
    return intents
  }

  /// True when `answer` says how to do without the secret a refused line carried ("ok use ssh
  /// keys instead", "no key, just create it") — not a question about keys, not a refusal.
  static func saysHowWithoutSecret(_ answer: String) -> Bool {
    let said = LocalIntentParser.tokens(of: answer).map { $0.lowercased() }
    let credential: Set<String> = [
      "ssh", "key", "keys", "password", "passwords", "login", "credentials", "secret", "generate",
      "keypair",
    ]
    guard let first = said.first else { return false }
    return said.count <= 12 && said.contains(where: credential.contains)
      && !said.contains("called") && !said.contains("named") && !answer.contains("?")
      && !LocalIntentParser.asksRatherThanRequests(answer)
      && !said.contains(where: { ["don't", "dont", "not", "never", "cancel"].contains($0) })
      && !["what", "how", "why", "which", "is", "are", "can", "do"].contains(first)
  }

  /// `line` without its secret: the secret word with the words that lead up to it ("with admin
  /// password", "here is my private key"), its value, a user name ("user admin"), and a
  /// "use it" that pointed at the secret.
  static func withoutSecret(_ line: String) -> String {
    let words = LocalIntentParser.tokens(of: line)
    let lower = words.map { $0.lowercased() }
    let leadIns: Set<String> = [
      "with", "admin", "the", "my", "a", "an", "set", "root", "access", "private", "client",
      "azure", "api", "ssh", "here", "is", "and", "its", "it's", "this", "that", "login",
    ]
    let joiners: Set<String> = ["is", "=", ":", "to", "as", "of", "be", "should"]
    var out: [String] = []
    var i = 0
    while i < words.count {
      let w = lower[i]
      if LocalIntentParser.secretWords.contains(w) || w.contains(Redactor.mask) {
        while let last = out.last?.lowercased(), leadIns.contains(last) { out.removeLast() }
        i += 1
        while i < words.count, joiners.contains(lower[i]) { i += 1 }
        // The value, however it was masked.
        while i < words.count, lower[i].contains(Redactor.mask) || lower[i].contains("-----") {
          i += 1
        }
        // "…, use it and make a vm named ci", "use it for a new vm": it was the secret.
        var j = i
        while j < words.count, lower[j] == "," { j += 1 }
        if j + 1 < words.count, lower[j] == "use", ["it", "that", "this"].contains(lower[j + 1]) {
          i = j + 2
          if i < words.count, ["for", "and", "to"].contains(lower[i]) { i += 1 }
        }
        continue
      }
      if ["user", "username"].contains(w), i + 1 < words.count {
        while let last = out.last?.lowercased(), leadIns.contains(last) { out.removeLast() }
        i += 2
        continue
      }
      out.append(words[i])
      i += 1
    }
    // Commas left at the edges or doubled by what was cut.
    var cleaned: [String] = []
    for w in out where !(w == "," && (cleaned.isEmpty || cleaned.last == ",")) { cleaned.append(w) }
    while cleaned.last == "," { cleaned.removeLast() }
    return cleaned.joined(separator: " ")
  }
}
