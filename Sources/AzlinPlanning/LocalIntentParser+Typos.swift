import AzlinAzure
import Foundation

extension LocalIntentParser {
  /// The words a typo is mended to: kinds of resource, states, references and the small words
  /// a sentence hangs on. Verbs are mended where they are read (`claimVerbTypo`), names never.
  static let mendableWords: [String] = {
    var words = vmNouns.union(groupNouns).union(storageNouns).union(diskNouns)
      .union(questionWords).union(pluralPronouns).union(allWords)
    words.formUnion([
      "actually", "another", "again", "please", "resource", "account", "accounts", "storage",
      "machine", "machines", "running", "stopped", "deallocated", "everything", "premium",
      "standard", "europe", "west", "east", "north", "south", "central", "india", "japan",
      "bigger", "smaller", "memory", "cores", "vcpus", "monthly", "budget", "history", "them",
      "those", "these", "there", "their", "instead", "other", "others", "second", "third",
      "first", "last",
    ])
    return words.filter { $0.count >= 4 }.sorted()
  }()

  /// Verbs long enough for a typo of them to be mended where verbs are read.
  static let mendableVerbs: [String] = verbWords.keys.filter { $0.count >= 4 }.sorted()

  /// Three-letter slips that are a swap of two letters: "teh", "adn".
  static let swappedShortWords: [String: String] = [
    "teh": "the", "hte": "the", "adn": "and", "nad": "and", "fro": "for", "ot": "to",
  ]

  /// Mends typos of the grammar's own words ("storge acount", "teh vms", "agian"), one edit
  /// each, so that a slip does not hide a request.
  ///
  /// A word is left alone when it is known, names something live, is close to a live name or a
  /// verb (those are asked about or mended where they are read), holds a digit or a dash, or
  /// follows a naming word, a resource noun or a verb (where a name may stand). Region names are mended too ("eastsu"):
  /// the plan shows the region before anything runs.
  static func mendingTypos(_ words: [String], live: LiveState, regions: [String] = []) -> [String] {
    let liveNames = live.vms.map { $0.name.lowercased() } + live.groups.map { $0.name.lowercased() }
    var result = words
    for (i, word) in words.enumerated() {
      let w = word.lowercased()
      if let full = chatForms[w], !liveNames.contains(w) {
        result[i] = full
        continue
      }
      // After a naming word, a resource noun or a verb a word may be a name: "delete vm ghost",
      // "stop ghost", "called storge".
      if i > 0 {
        let before = words[i - 1].lowercased()
        // "owned by alice": after "by" stands a person or a name, never a word to mend.
        if ["called", "named", "name", "call", "by"].contains(before) || verbWords[before] != nil
          || ClauseScan.resourceNouns.contains(before) || snapshotNouns.contains(before)
        {
          continue
        }
      }
      // "for my team: alice, bob and carol": what a colon introduces is a list of names.
      if words[..<i].contains(":") { continue }
      if let fixed = swappedShortWords[w] {
        result[i] = fixed
        continue
      }
      guard w.count >= 4, w.allSatisfy(\.isLetter), !ClauseScan.vocabulary.contains(w),
        !liveNames.contains(w), verbWords[w] == nil,
        !ClauseScan.stems(of: w).contains(where: { verbWords[$0] != nil })
      else { continue }
      if liveNames.contains(where: { EditDistance.between(w, $0, limit: 1) <= 1 }) { continue }
      if mendableVerbs.contains(where: { EditDistance.between(w, $0, limit: 1) <= 1 }) { continue }
      if let fixed = EditDistance.closest(
        to: w, in: mendableWords + regions.filter { $0.count >= 5 })
      {
        result[i] = fixed
      }
    }
    return result
  }
}
