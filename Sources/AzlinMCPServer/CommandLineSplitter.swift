/// Splits a command line into words with shell-like quoting, without running a shell.
///
/// Whitespace separates words; `'…'` keeps everything inside literally; `"…"` keeps
/// everything inside except that a backslash escapes `"` and `\`; outside quotes
/// a backslash escapes the next character. `''` and `""` make an empty word. Nothing is
/// expanded: `$HOME`, `*` and `~` stay as they are. These are Python's `shlex.split` rules,
/// which the Python test server uses.
public enum CommandLineSplitter {
  /// The words of `line`.
  /// - Throws: `AzureToolCallError.unsplittable` when a quote is never closed or the line
  ///   ends in a backslash.
  public static func split(_ line: String) throws(AzureToolCallError) -> [String] {
    var words: [String] = []
    var current = ""
    var started = false
    var characters = line.makeIterator()
    while let character = characters.next() {
      switch character {
      case "'":
        started = true
        var closed = false
        while let inner = characters.next() {
          if inner == "'" {
            closed = true
            break
          }
          current.append(inner)
        }
        guard closed else { throw .unsplittable(line) }
      case "\"":
        started = true
        var closed = false
        while let inner = characters.next() {
          if inner == "\"" {
            closed = true
            break
          }
          if inner == "\\" {
            guard let escaped = characters.next() else { break }
            if escaped != "\"" && escaped != "\\" { current.append(inner) }
            current.append(escaped)
          } else {
            current.append(inner)
          }
        }
        guard closed else { throw .unsplittable(line) }
      case "\\":
        started = true
        guard let escaped = characters.next() else { throw .unsplittable(line) }
        current.append(escaped)
      case _ where character.isWhitespace:
        if started { words.append(current) }
        current = ""
        started = false
      default:
        started = true
        current.append(character)
      }
    }
    if started { words.append(current) }
    return words
  }
}
