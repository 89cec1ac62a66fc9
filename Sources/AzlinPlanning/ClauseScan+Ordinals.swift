import Foundation

extension ClauseScan {
  /// "the first and the third", "the 2nd, 4th and 5th": every ordinal joined to the one read
  /// by "and" or a comma is meant too — a reference to several keeps all it refers to. Claims
  /// the words it reads.
  /// - Returns: The further items of `list` meant (empty when none is joined), or a failure
  ///   naming the ordinal the list does not reach.
  mutating func moreOrdinals(
    after end: Int, in list: [String], ordinals: [String: Int], nouns: Set<String>
  ) -> Result<[String], ParseProblemError> {
    var also: [String] = []
    var k = end
    while k < lower.count {
      var n = k
      while n < lower.count, ["and", ",", "the", "&", "also"].contains(lower[n]) { n += 1 }
      guard n > k, n < lower.count, !used.contains(n), let i = ordinals[lower[n]] else { break }
      guard i < list.count else {
        return .failure(ParseProblemError(problem: .unresolvedReference("the " + words[n])))
      }
      also.append(list[i])
      k = n + 1
      if k < lower.count, nouns.contains(lower[k]) { k += 1 }
    }
    if k > end { claim(end..<k) }
    return .success(also)
  }
}
