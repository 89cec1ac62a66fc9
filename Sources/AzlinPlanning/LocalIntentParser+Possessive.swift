import AzlinAzure

extension LocalIntentParser {
  /// What a VM has that a line may ask about after its owner's name: "sams ip", "webs size".
  static let vmAttributes: Set<String> = [
    "ip", "ips", "address", "addresses", "size", "status", "state", "region", "location",
    "disk", "disks", "cost", "costs", "price", "bill", "port", "ports", "tag", "tags", "os",
    "image", "group", "schedule", "shutdown", "auto-shutdown", "memory", "ram", "cpu", "cpus",
    "uptime", "username", "user", "hostname", "dns", "fqdn", "spec", "specs", "details", "info",
  ]

  /// "what is sams ip": a possessive typed without its apostrophe, read as "sam's ip". Only a
  /// word that is no VM's name itself, whose stem without the final "s" is exactly one live VM,
  /// and that stands before something a VM has, is read so — "webs" with VMs "web" and "webs",
  /// or "sams" before a verb, keep their words.
  static func possessivesMended(_ words: [String], live: LiveState) -> [String] {
    var result: [String] = []
    for (i, word) in words.enumerated() {
      let w = word.lowercased()
      guard w.count >= 3, w.hasSuffix("s"), i + 1 < words.count,
        vmAttributes.contains(words[i + 1].lowercased()), live.vms(named: w).isEmpty,
        live.group(named: w) == nil, live.storageAccounts(named: w).isEmpty
      else {
        result.append(word)
        continue
      }
      let stem = String(word.dropLast())
      guard live.vms(named: stem).count == 1 else {
        result.append(word)
        continue
      }
      result += tokens(of: stem + "'s")
    }
    return result
  }
}
