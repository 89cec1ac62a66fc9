import AzlinAzure

extension LocalIntentParser {
  /// "and alpha, what's its ip", "web1 and web2, are they running": VMs named ahead of a
  /// question set apart by a comma, which the question points back at with "it" or "they" —
  /// the question is about them (never a request of their own on the VMs the line named).
  /// - Returns: The VMs named and the question's words, or nil when the line is not so.
  static func dislocated(_ words: [String], live: LiveState) -> (names: [String], rest: [String])? {
    let lower = words.map { $0.lowercased() }
    let leading: Set<String> = ["and", "also", "now", "ok", "okay", "so", "then", "oh"]
    var i = 0
    while i < lower.count, leading.contains(lower[i]) { i += 1 }
    var names: [String] = []
    while i < lower.count, lower[i] != "," {
      if lower[i] == "and", !names.isEmpty {
        i += 1
        continue
      }
      guard live.vms(named: lower[i]).count == 1 else { return nil }
      let name = live.vms(named: lower[i])[0].name
      if !names.contains(name) { names.append(name) }
      i += 1
    }
    guard !names.isEmpty, i + 1 < lower.count, lower[i] == "," else { return nil }
    let rest = Array(words[(i + 1)...])
    let asking: Set<String> = [
      "what", "what's", "whats", "is", "are", "how", "how's", "hows", "where", "when", "which",
      "does", "do", "who",
    ]
    guard let first = rest.first?.lowercased(), asking.contains(first) else { return nil }
    let pointers: Set<String> =
      names.count == 1 ? ["it", "its", "it's"] : ["they", "them", "their", "they're"]
    guard rest.contains(where: { pointers.contains($0.lowercased()) }) else { return nil }
    return (names, rest)
  }
}
