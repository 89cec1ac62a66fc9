import AzlinAzure
import Foundation

extension LocalIntentParser {
  /// Forms of "to be" (and "still") that make the next "off", "on", "up" or "down" a state.
  static let stateCopulas: Set<String> = [
    "is", "its", "it's", "was", "are", "were", "still", "been", "being", "thats", "that's",
  ]

  /// True when a terse clause says what state something is in rather than asking to change it:
  /// "it's off", "sam is down", "they were on" describe; "sam off", "both on" ask. In English
  /// a form of "to be" before the particle makes it a state, never an order.
  static func describesState(_ lower: [String]) -> Bool {
    guard let last = lower.last, ["off", "on", "up", "down"].contains(last), lower.count >= 2
    else { return false }
    return stateCopulas.contains(lower[lower.count - 2])
  }
}

extension LocalIntentParser {
  /// True when a line offered as the answer to "Which VM?" carries details of its own — a
  /// number, port, address or `key=value` that is no option's name: "db gets 5432 from
  /// 10.0.0.0/8" is a request in its own right, never a choice among the options. Ordinals
  /// ("the 2nd") still point.
  public static func carriesOwnDetails(_ line: String, options: [String]) -> Bool {
    let names = Set(options.map { $0.lowercased() })
    return tokens(of: line.lowercased()).contains { word in
      guard !names.contains(word) else { return false }
      if word.contains("=") { return true }
      guard word.first?.isNumber == true else { return false }
      let ordinal =
        ["st", "nd", "rd", "th"].contains { word.hasSuffix($0) }
        && word.dropLast(2).allSatisfy(\.isNumber)
      return !ordinal
    }
  }
}

extension LocalIntentParser {
  /// "name it owl, westus", "call it builder, 8 vcpus": after the first name, a word that is a
  /// region or a bare number is a detail said after the name (the region, a count of vCPUs),
  /// never a second name. Its word is given back for the other rules to claim.
  func unclaimingDetails(_ names: [String], _ c: inout ClauseScan) -> [String] {
    guard names.count > 1 else { return names }
    var kept = [names[0]]
    for name in names.dropFirst() {
      guard catalog.normalizeRegion(name.lowercased()) != nil || name.allSatisfy(\.isNumber),
        let at = c.lower.lastIndex(of: name.lowercased())
      else {
        kept.append(name)
        continue
      }
      c.used.remove(at)
    }
    return kept
  }
}

extension LocalIntentParser {
  /// "stop them" when the conversation holds one VM while several exist: the plural means
  /// several, and which is not known — asked, never narrowed to the one. Returns the pronoun
  /// that cannot be resolved, or nil when the plural can stand for the conversation's VMs.
  static func pluralAmongOne(
    _ lower: [String], verb: Verb?, _ context: ConversationContext, _ live: LiveState
  ) -> String? {
    guard let verb, [.start, .stop, .deallocate, .restart, .delete, .resize].contains(verb),
      context.vms.count == 1, live.vms.count > 1
    else { return nil }
    return lower.first { ["them", "those", "these", "they"].contains($0) }
  }
}
