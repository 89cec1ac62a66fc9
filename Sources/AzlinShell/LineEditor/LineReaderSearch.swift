/// What Ctrl-R's incremental search shows and does with each key, apart from the terminal.
enum LineReaderSearch {
  /// What a key does during the search.
  enum Action: Equatable {
    /// Ctrl-R again: the next older match.
    case older
    /// Backspace: one character less to look for.
    case erase
    /// A printable character: added to what is looked for.
    case type(Character)
    /// Ctrl-G or Escape: back to the line as it was before the search.
    case cancel
    /// Enter: run the match.
    case run
    /// Any other control key: keep the match on the line, to edit.
    case keep
  }

  /// The search prompt, as bash shows it: `(reverse-i-search)'vm': create a vm called sam`,
  /// or `(failed reverse-i-search)'xyz': ` when nothing matches.
  static func prompt(query: String, match: String, failing: Bool) -> String {
    "(\(failing ? "failed " : "")reverse-i-search)'\(query)': \(match)"
  }

  /// The action of the byte `key`.
  static func action(for key: UInt8) -> Action {
    switch key {
    case 0x12: return .older
    case 0x08, 0x7F: return .erase
    case 0x07, 0x1B: return .cancel
    case 0x0A, 0x0D: return .run
    case 0x20...0x7E: return .type(Character(Unicode.Scalar(key)))
    default: return .keep
    }
  }
}
