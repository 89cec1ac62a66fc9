/// The pure logic behind Tab completion: which word is completed, what to insert, and
/// how to list several candidates.
///
/// `LibeditLineReader` applies a ``Plan`` to the libedit line; keeping the decisions here
/// makes them testable without a terminal.
enum LineCompletion {
  /// What one Tab press does to the line.
  struct Plan: Equatable {
    /// Unicode scalars to delete left of the cursor before inserting (the word, when a
    /// candidate does not extend it as typed, e.g. a different letter case).
    var deleteCount: Int
    /// Text to insert at the cursor.
    var insertion: String
    /// Candidates to list below the prompt; empty when the completion is unique.
    var listing: [String]
  }

  /// The part of the line the candidates replace.
  ///
  /// A line that starts with "/" (after leading blanks) is a slash command: the whole
  /// rest of the line is the word. Otherwise the word is the text after the last blank.
  /// - Parameter lineBeforeCursor: the text left of the cursor.
  /// - Returns: a suffix of `lineBeforeCursor`, possibly empty.
  static func word(in lineBeforeCursor: String) -> Substring {
    let trimmed = lineBeforeCursor.drop(while: { $0.isWhitespace })
    if trimmed.hasPrefix("/") {
      return trimmed
    }
    guard let lastBlank = lineBeforeCursor.lastIndex(where: { $0.isWhitespace }) else {
      return lineBeforeCursor[...]
    }
    return lineBeforeCursor[lineBeforeCursor.index(after: lastBlank)...]
  }

  /// The longest prefix, in whole characters, shared by every string.
  ///
  /// - Parameter strings: the candidates; an empty list has an empty prefix.
  /// - Returns: the shared prefix.
  static func longestCommonPrefix(_ strings: [String]) -> String {
    guard var prefix = strings.first?[...] else {
      return ""
    }
    for string in strings.dropFirst() {
      var end = prefix.startIndex
      var other = string.startIndex
      while end < prefix.endIndex, other < string.endIndex, prefix[end] == string[other] {
        end = prefix.index(after: end)
        other = string.index(after: other)
      }
      prefix = prefix[..<end]
      if prefix.isEmpty {
        break
      }
    }
    return String(prefix)
  }

  /// Decides what Tab does for the given candidates.
  ///
  /// One candidate completes the word and adds a space. Several insert their longest
  /// common prefix (when it extends the word) and are listed. None gives `nil`: the
  /// caller beeps.
  /// - Parameters:
  ///   - lineBeforeCursor: the text left of the cursor.
  ///   - candidates: full candidates for the word (duplicates are ignored).
  /// - Returns: the edit to make, or `nil` when there is nothing to do.
  static func plan(lineBeforeCursor: String, candidates: [String]) -> Plan? {
    var seen = Set<String>()
    let unique = candidates.filter { seen.insert($0).inserted }
    guard let first = unique.first else {
      return nil
    }
    let word = String(word(in: lineBeforeCursor))
    let wordScalars = word.unicodeScalars.count
    let target = unique.count == 1 ? first + " " : longestCommonPrefix(unique)
    let listing = unique.count == 1 ? [] : unique
    if target.unicodeScalars.starts(with: word.unicodeScalars) {
      let rest = String(target.unicodeScalars.dropFirst(wordScalars))
      return Plan(deleteCount: 0, insertion: rest, listing: listing)
    }
    if target.count >= word.count {
      return Plan(deleteCount: wordScalars, insertion: target, listing: listing)
    }
    return listing.isEmpty ? nil : Plan(deleteCount: 0, insertion: "", listing: listing)
  }

  /// Lays candidates out in columns, ordered down each column, like `ls`.
  ///
  /// - Parameters:
  ///   - candidates: the strings to list.
  ///   - width: the terminal width in columns.
  ///   - limit: at most this many candidates are shown; a last line counts the rest.
  /// - Returns: the listing, each line ending in "\n"; empty for no candidates.
  static func columns(_ candidates: [String], width: Int, limit: Int = 100) -> String {
    let shown = Array(candidates.prefix(max(limit, 1)))
    guard !shown.isEmpty else {
      return ""
    }
    let cellWidth = (shown.map(\.count).max() ?? 0) + 2
    let columnCount = max(1, max(width, 1) / cellWidth)
    let rowCount = (shown.count + columnCount - 1) / columnCount
    var text = ""
    for row in 0..<rowCount {
      var line = ""
      var column = 0
      while row + column * rowCount < shown.count {
        let item = shown[row + column * rowCount]
        let isLast = row + (column + 1) * rowCount >= shown.count
        line += isLast ? item : item + String(repeating: " ", count: cellWidth - item.count)
        column += 1
      }
      text += line + "\n"
    }
    if candidates.count > shown.count {
      text += "… and \(candidates.count - shown.count) more\n"
    }
    return text
  }
}
