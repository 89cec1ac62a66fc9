import Foundation

/// Counts the single-character edits (insert, delete, substitute, swap) between two words.
///
/// Typos within one edit of a keyword or a live resource name are forgiven.
public enum EditDistance {
  /// The optimal-string-alignment distance between `a` and `b`, stopping early past `limit`.
  public static func between(_ a: String, _ b: String, limit: Int = 3) -> Int {
    let x = Array(a)
    let y = Array(b)
    if abs(x.count - y.count) > limit { return limit + 1 }
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var previous2 = [Int](repeating: 0, count: y.count + 1)
    var previous = Array(0...y.count)
    var current = [Int](repeating: 0, count: y.count + 1)
    for i in 1...x.count {
      current[0] = i
      var rowMin = current[0]
      for j in 1...y.count {
        let cost = x[i - 1] == y[j - 1] ? 0 : 1
        var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
          value = min(value, previous2[j - 2] + 1)
        }
        current[j] = value
        rowMin = min(rowMin, value)
      }
      if rowMin > limit { return limit + 1 }
      (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[y.count]
  }

  /// The closest of `candidates` within `maxDistance` of `word`, when exactly one is closest.
  public static func closest(to word: String, in candidates: [String], maxDistance: Int = 1)
    -> String?
  {
    var best: [String] = []
    var bestDistance = maxDistance + 1
    for c in candidates {
      let d = between(word, c, limit: maxDistance)
      if d < bestDistance {
        best = [c]
        bestDistance = d
      } else if d == bestDistance {
        best.append(c)
      }
    }
    return best.count == 1 && bestDistance <= maxDistance ? best[0] : nil
  }
}
