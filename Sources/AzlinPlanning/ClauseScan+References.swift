import AzlinAzure
import Foundation

extension ClauseScan {
  /// Where the words before `index` make a phrase: `phrase` ends just before `index`.
  private func ends(with phrase: [String], before index: Int) -> Bool {
    index >= phrase.count && Array(lower[(index - phrase.count)..<index]) == phrase
  }

  /// Where `phrase` starts at `index` and none of its words is claimed yet.
  private func matches(_ phrase: [String], at index: Int) -> Bool {
    guard index + phrase.count <= lower.count else { return false }
    return (0..<phrase.count).allSatisfy {
      lower[index + $0] == phrase[$0] && !used.contains(index + $0)
    }
  }

  /// Exclusions: "except web3", "all but db", "but keep sam", "other than web1 and web2",
  /// "but don't touch prod", "leave db alone". Names may be VMs or groups (whose VMs stay).
  ///
  /// - Returns: The names left out, or nil when there is no exclusion; a failure when an
  ///   exclusion names nothing azlin can find (the request is refused, never widened).
  mutating func claimExclusions(live: LiveState, context: ConversationContext)
    -> Result<[String], ParseProblemError>?
  {
    let markers: [[String]] = [
      ["but", "don't", "touch"], ["but", "dont", "touch"], ["but", "do", "not", "touch"],
      ["don't", "touch"], ["dont", "touch"], ["do", "not", "touch"], ["except", "for"],
      ["except"], ["excluding"], ["exclude"], ["but", "not"], ["other", "than"],
      ["apart", "from"], ["besides"], ["but", "keep"], ["but", "leave"], ["leave"],
      ["keep"], ["save", "for"], ["but"], ["minus"], ["without"], ["not"],
    ]
    for start in lower.indices where !used.contains(start) {
      guard let marker = markers.first(where: { matches($0, at: start) }) else { continue }
      var j = start + marker.count
      var names: [String] = []
      var claimed: [Int] = Array(start..<j)
      while j < lower.count {
        let w = lower[j]
        let bare = w.hasSuffix("'s") ? String(w.dropLast(2)) : w
        if let vm = live.vms.first(where: { $0.name.lowercased() == bare }) {
          names.append(vm.name)
        } else if let g = live.group(shortName: bare) {
          names.append(g.name)
        } else if ["it", "that"].contains(w), context.vms.count == 1,
          !names.isEmpty || j == start + marker.count
        {
          names.append(context.vms[0])
        } else if !["keep", "leave", "not", "but", "without", "minus"].contains(marker.last ?? ""),
          names.isEmpty, j == start + marker.count, LocalIntentParser.looksLikeName(words[j]),
          !Self.vocabulary.contains(w)
        {
          // "except web9": kept out as typed; the planner refuses it if nothing has that name.
          names.append(words[j])
        } else if [
          "and", ",", "or", "the", "vm", "vms", "one", "running", "alone", "on", "up",
          "as", "is", "group", "rg", "nor", "machine", "box", "server", "untouched", "intact",
          "please", "alive", "going", "in", "place",
        ].contains(w) {
        } else {
          break
        }
        claimed.append(j)
        j += 1
      }
      // "keep", "leave", "not", "but" and "without" are exclusions only when a name follows.
      let weak = [["keep"], ["leave"], ["not"], ["but"], ["without"], ["minus"]].contains(marker)
      if names.isEmpty {
        if weak { continue }
        return .failure(
          ParseProblemError(
            problem: .unknownWords(
              Array(words[(start + marker.count)..<min(lower.count, start + marker.count + 2)]))))
      }
      claim(claimed)
      return .success(names)
    }
    return nil
  }

  /// A power-state filter: "the stopped ones", "whatever is off", "every vm that isn't running",
  /// "anything deallocated", "the running ones". "stopped" covers deallocated VMs too.
  mutating func claimStateFilter() -> String? {
    let phrases: [([String], String)] = [
      (["is", "not", "running"], "stopped"), (["are", "not", "running"], "stopped"),
      (["isn't", "running"], "stopped"), (["aren't", "running"], "stopped"),
      (["isnt", "running"], "stopped"), (["arent", "running"], "stopped"),
      (["not", "running"], "stopped"), (["not", "on"], "stopped"),
      (["that", "are", "off"], "stopped"), (["which", "are", "off"], "stopped"),
      (["are", "off"], "stopped"), (["is", "off"], "stopped"), (["that's", "off"], "stopped"),
      (["thats", "off"], "stopped"), (["that's", "stopped"], "stopped"),
      (["thats", "stopped"], "stopped"), (["is", "stopped"], "stopped"),
      (["are", "stopped"], "stopped"), (["stopped"], "stopped"), (["off"], "stopped"),
      (["powered", "off"], "stopped"), (["shut", "down"], "stopped"),
      (["is", "deallocated"], "deallocated"), (["are", "deallocated"], "deallocated"),
      (["that's", "deallocated"], "deallocated"), (["deallocated"], "deallocated"),
      (["that", "are", "running"], "running"), (["is", "running"], "running"),
      (["are", "running"], "running"), (["that's", "running"], "running"),
      (["running"], "running"), (["that", "are", "on"], "running"), (["are", "on"], "running"),
      (["still", "on"], "running"), (["still", "up"], "running"), (["is", "on"], "running"),
      (["are", "up"], "running"), (["turned", "on"], "running"), (["powered", "on"], "running"),
      (["turned", "off"], "stopped"), (["still", "off"], "stopped"),
    ]
    for (phrase, state) in phrases {
      for start in lower.indices where matches(phrase, at: start) {
        claim(start..<start + phrase.count)
        return state
      }
    }
    return nil
  }

  /// References by position and recency: "the second one", "the last one I made", "the new
  /// one", "the other one", "both", "the rest", "everything else".
  ///
  /// - Returns: nil when the clause has none; the VMs meant; or a failure naming the phrase
  ///   when the conversation cannot tell which VMs it means (azlin asks, never picks).
  mutating func claimReferences(
    live: LiveState, context: ConversationContext, group: String?
  ) -> Result<(names: [String], rest: Bool), ParseProblemError>? {
    let scope = live.vms.filter {
      group == nil || $0.resourceGroup.lowercased() == group!.lowercased()
    }.map(\.name)
    func unresolved(_ range: Range<Int>) -> Result<(names: [String], rest: Bool), ParseProblemError>
    {
      .failure(
        ParseProblemError(
          problem: .unresolvedReference(words[range].joined(separator: " "))))
    }
    func living(_ names: [String]) -> [String] {
      names.filter { n in scope.contains { $0.lowercased() == n.lowercased() } }
    }
    let nouns: Set<String> = ["one", "vm", "box", "machine", "server", "instance"]
    let madeWords: Set<String> = [
      "made", "created", "added", "built", "spun", "launched", "deployed", "provisioned", "make",
    ]
    for start in lower.indices where !used.contains(start) {
      let w = lower[start]
      // "the rest", "the others", "everything else", "all the others", "the remaining ones".
      if ["rest", "others", "remaining"].contains(w)
        || (w == "else" && start > 0
          && ["everything", "everyone", "anything"].contains(lower[start - 1]))
        || (w == "other" && start + 1 < lower.count && ["ones", "vms"].contains(lower[start + 1]))
      {
        var end = start + 1
        if end < lower.count, ["ones", "vms", "of", "them"].contains(lower[end]) { end += 1 }
        if end < lower.count, lower[end] == "them" { end += 1 }
        var begin = start
        if begin > 0, ["the", "everything", "all"].contains(lower[begin - 1]) { begin -= 1 }
        claim(begin..<end)
        let rest = scope.filter { n in !context.vms.contains { $0.lowercased() == n.lowercased() } }
        return .success((rest, true))
      }
      if w == "both" {
        claim(start...start)
        if start + 1 < lower.count, ["of", "vms"].contains(lower[start + 1]) { claim([start + 1]) }
        if start + 2 < lower.count, lower[start + 1] == "of", lower[start + 2] == "them" {
          claim([start + 2])
        }
        for candidate in [
          context.vms, Array(context.created.suffix(2)), Array(context.ordered.suffix(2)), scope,
        ]
        where living(candidate).count == 2 && candidate.count == 2 {
          return .success((living(candidate), false))
        }
        return unresolved(start..<start + 1)
      }
      let ordinals: [String: Int] = [
        "first": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4, "1st": 0, "2nd": 1, "3rd": 2,
        "4th": 3, "5th": 4,
      ]
      let recency: Set<String> = ["last", "latest", "newest", "new", "other", "previous", "oldest"]
      guard
        ordinals[w] != nil || recency.contains(w)
          || (w == "one" && start > 0 && lower[start - 1] == "the")
      else {
        continue
      }
      // "the new one" needs "the"; "new" alone is a create ("a new vm").
      let hasThe = start > 0 && lower[start - 1] == "the"
      var end = start + 1
      if w != "one" {
        guard
          (end < lower.count && nouns.contains(lower[end])) || (hasThe && ordinals[w] != nil)
            || (hasThe && w == "last" && end == lower.count)
        else { continue }
        if end < lower.count, nouns.contains(lower[end]) { end += 1 }
      }
      guard hasThe || ordinals[w] != nil || w == "last" else { continue }
      // "... I (just) made / created / spun up".
      var made = false
      var k = end
      if k < lower.count, ["i", "we", "you"].contains(lower[k]) {
        k += 1
        if k < lower.count, ["just", "last", "recently", "have", "had", "'ve"].contains(lower[k]) {
          k += 1
        }
        if k < lower.count, madeWords.contains(lower[k]) {
          made = true
          k += 1
          if k < lower.count, lower[k] == "up" { k += 1 }
          end = k
        }
      }
      if w == "one" && !made { continue }
      let begin = hasThe ? start - 1 : start
      let range = begin..<end
      var chosen: String?
      switch w {
      case "one", "last", "latest", "newest", "new":
        chosen =
          made || w != "last"
          ? context.created.last ?? (w == "last" ? context.ordered.last : nil)
          : context.ordered.last
      case "previous":
        chosen = context.created.dropLast().last
      case "oldest":
        chosen = context.created.first
      case "other":
        // The other of the pair in play: the last two made, the two listed, or the two that exist.
        let pairs = [Array(context.created.suffix(2)), living(context.ordered), scope]
        let pool =
          pairs.first { pair in
            pair.count == 2
              && context.vms.allSatisfy { v in pair.contains { $0.lowercased() == v.lowercased() } }
          } ?? []
        let others = pool.filter { n in !context.vms.contains { $0.lowercased() == n.lowercased() }
        }
        chosen = others.count == 1 ? others[0] : nil
      default:
        let list = made ? context.created : (context.ordered.isEmpty ? [] : context.ordered)
        // "the first one" of a single VM met so far, while more exist: first of what is not
        // said — asked, never the one VM the conversation happens to know.
        let countable = list.count >= 2 || scope.count <= list.count
        if let i = ordinals[w], i < list.count, countable { chosen = list[i] }
      }
      claim(range)
      guard let chosen, !living([chosen]).isEmpty else { return unresolved(range) }
      if ordinals[w] != nil, !made {
        switch moreOrdinals(after: end, in: context.ordered, ordinals: ordinals, nouns: nouns) {
        case .success(let also) where !also.isEmpty && living(also).count == also.count:
          return .success(([chosen] + also, false))
        case .failure(let problem): return .failure(problem)
        default: break
        }
      }
      return .success(([chosen], false))
    }
    return nil
  }
}
