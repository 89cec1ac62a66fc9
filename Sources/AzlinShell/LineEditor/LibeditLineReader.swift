import CEditLineShim

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A line reader for interactive terminals, built on libedit.
///
/// Emacs key bindings, UTF-8 editing (the locale comes from the environment), Up/Down
/// history recall, Ctrl-R incremental search and Tab completion through ``completer``.
/// Ctrl-C abandons the line and returns ``LineReadResult/interrupted``; Ctrl-D on an
/// empty line returns ``LineReadResult/endOfFile``.
///
/// Signals: while a line is being read, libedit's `EL_SIGNAL` handling restores the
/// terminal on SIGTERM, SIGHUP, SIGQUIT and SIGTSTP and follows window resizes, and this
/// reader's SIGINT handler (installed only for the duration of ``readLine(prompt:)``)
/// turns Ctrl-C into ``LineReadResult/interrupted``. Outside `readLine` the terminal is
/// in its normal mode and SIGINT keeps whatever action the program set. The editor is
/// closed (terminal settings restored) on deinit and, failing that, at process exit.
/// Note that libedit passes a caught signal on with `kill(0, signal)`, that is to the
/// whole process group: children that share azlin's group receive it too.
///
/// Use one instance per process, from the main thread only: `el_gets` blocks.
public final class LibeditLineReader: LineReader {
  /// Called on Tab with the text left of the cursor; see ``LineReader/completer``.
  public var completer: ((_ lineBeforeCursor: String) -> [String])?

  private let editor: OpaquePointer
  private let history: OpaquePointer
  private let historyPath: String?
  private var promptText: UnsafeMutablePointer<CChar>
  private var lastHistoryEntry: String?

  /// The libedit editor command that Tab is bound to.
  private static let completeCommand = "azlin-complete"
  /// The editor command Ctrl-R is bound to: incremental search back through history.
  private static let searchCommand = "azlin-reverse-search"
  /// Marks the start and end of invisible prompt text (escape sequences).
  private static let promptIgnoreMarker: Character = "\u{1}"

  /// Opens libedit on the process's standard input, output and error.
  ///
  /// Sets the locale from the environment (`setlocale(LC_ALL, "")`) so that UTF-8 input
  /// is edited by character, falling back to `C.UTF-8` character handling when the
  /// environment names no UTF-8 locale, and loads the history file when it exists.
  /// - Parameters:
  ///   - historyPath: the history file to load now and write in ``saveHistory()``;
  ///     `nil` keeps history in memory only.
  ///   - historySize: the most entries kept.
  ///   - programName: the name libedit uses for `~/.editrc` sections.
  /// - Returns: `nil` when libedit cannot be initialised.
  public init?(historyPath: String?, historySize: Int = 1000, programName: String = "azlin") {
    Self.useUTF8Locale()
    guard let history = history_init() else {
      return nil
    }
    guard let editor = azl_el_init(programName) else {
      history_end(history)
      return nil
    }
    self.editor = editor
    self.history = history
    self.historyPath = historyPath
    self.promptText = strdup("")

    _ = azl_history_set_size(history, Int32(clamping: max(historySize, 1)))
    _ = azl_history_set_unique(history, 1)
    if let historyPath {
      _ = azl_history_load(history, historyPath)
    }
    lastHistoryEntry = nil

    _ = azl_el_set_client_data(editor, Unmanaged.passUnretained(self).toOpaque())
    _ = azl_el_set_editor(editor, "emacs")
    _ = azl_el_set_signal(editor, 1)
    _ = azl_el_set_history(editor, history)
    _ = azl_el_set_prompt(
      editor,
      { editor in LibeditLineReader.owner(of: editor)?.promptText },
      CChar(bitPattern: UInt8(Self.promptIgnoreMarker.asciiValue ?? 1)))
    _ = azl_el_add_function(
      editor, Self.completeCommand, "Complete the word left of the cursor",
      { editor, _ in
        guard let editor, let reader = LibeditLineReader.owner(of: editor) else {
          return UInt8(CC_ERROR)
        }
        return reader.complete(in: editor)
      })
    _ = azl_el_add_function(
      editor, Self.searchCommand, "Search back through history as you type",
      { editor, _ in
        guard let editor, let reader = LibeditLineReader.owner(of: editor) else {
          return UInt8(CC_ERROR)
        }
        return reader.reverseSearch(in: editor)
      })
    bindKeys()
  }

  /// The reader a libedit callback belongs to (kept in the editor's client data).
  static func owner(of editor: OpaquePointer?) -> LibeditLineReader? {
    guard let editor, let data = azl_el_get_client_data(editor) else { return nil }
    return Unmanaged<LibeditLineReader>.fromOpaque(data).takeUnretainedValue()
  }

  deinit {
    azl_el_end(editor)
    history_end(history)
    free(promptText)
  }

  /// Shows `prompt` and reads one edited line.
  ///
  /// - Parameter prompt: the prompt; ANSI escape sequences in it are allowed and take
  ///   no room on the line.
  /// - Returns: the line without its newline, ``LineReadResult/interrupted`` after
  ///   Ctrl-C (a "^C" and a newline are printed), or ``LineReadResult/endOfFile`` after
  ///   Ctrl-D on an empty line or when the terminal is gone (a newline is printed).
  public func readLine(prompt: String) -> LineReadResult {
    setPrompt(prompt)
    _ = azl_sigint_take()
    _ = azl_sigint_install()
    defer { azl_sigint_restore() }
    while true {
      var count: Int32 = 0
      errno = 0
      let text = el_gets(editor, &count)
      let failure = errno
      if azl_sigint_take() != 0 {
        azl_el_write(editor, "^C\n")
        return .interrupted
      }
      if let text, count > 0 {
        var line = String(cString: text)
        while line.last == "\n" || line.last == "\r\n" || line.last == "\r" {
          line.removeLast()
        }
        return .line(line)
      }
      if count < 0 && failure == EINTR {
        // Another signal interrupted the read: redraw the same line and carry on.
        let pending = currentLine().unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }
        azl_el_write(editor, "\r")
        if !pending.isEmpty {
          el_push(editor, String(String.UnicodeScalarView(pending)))
        }
        continue
      }
      azl_el_write(editor, "\n")
      return .endOfFile
    }
  }

  /// Remembers `line` for Up/Down recall and the history file.
  ///
  /// Trailing blanks (such as the space completion leaves) are trimmed; blank lines
  /// and a repeat of the previous entry are skipped.
  /// - Parameter line: the line as entered.
  public func addHistory(_ line: String) {
    guard let entry = Self.historyEntry(for: line, previous: lastHistoryEntry) else {
      return
    }
    if azl_history_enter(history, entry) != -1 {
      lastHistoryEntry = entry
    }
  }

  /// Writes the history file (mode 0600, creating its folder), when there is one.
  public func saveHistory() {
    guard let historyPath else {
      return
    }
    Self.createParentFolder(of: historyPath)
    let descriptor = open(historyPath, O_WRONLY | O_CREAT, 0o600)
    if descriptor >= 0 {
      close(descriptor)
    }
    _ = azl_history_save(history, historyPath)
  }

  /// The history entry to record for `line`, or `nil` to record nothing.
  ///
  /// - Parameters:
  ///   - line: the line as entered.
  ///   - previous: the entry recorded last, if any.
  /// - Returns: `line` without trailing blanks, or `nil` when that is blank or equal
  ///   to `previous`.
  static func historyEntry(for line: String, previous: String?) -> String? {
    var entry = Substring(line)
    while let last = entry.last, last.isWhitespace {
      entry.removeLast()
    }
    guard !entry.allSatisfy(\.isWhitespace), String(entry) != previous else {
      return nil
    }
    return String(entry)
  }

  /// The prompt as handed to libedit: escape sequences wrapped in the ignore marker.
  ///
  /// libedit counts every prompt character as one column unless it sits between two
  /// markers, so colour codes would otherwise shift the cursor. CSI (`ESC [ … final`),
  /// OSC (`ESC ] … BEL` or `ESC ] … ESC \`) and two-character escapes are wrapped; NUL
  /// and stray markers are dropped.
  /// - Parameter prompt: the prompt as the shell wrote it.
  /// - Returns: the prompt for `EL_PROMPT_ESC` with the marker U+0001.
  static func libeditPrompt(_ prompt: String) -> String {
    let marker = Unicode.Scalar(UInt8(1))
    let escape = Unicode.Scalar(UInt8(0x1B))
    let scalars = Array(prompt.unicodeScalars)
    var result = String.UnicodeScalarView()
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == marker || scalar.value == 0 {
        index += 1
        continue
      }
      guard scalar == escape else {
        result.append(scalar)
        index += 1
        continue
      }
      var end = index + 1
      if end < scalars.count, scalars[end] == "[" {
        end += 1
        while end < scalars.count, !(0x40...0x7E).contains(scalars[end].value) {
          end += 1
        }
        end = min(end + 1, scalars.count)
      } else if end < scalars.count, scalars[end] == "]" {
        end += 1
        while end < scalars.count {
          if scalars[end].value == 0x07 {
            end += 1
            break
          }
          if scalars[end] == escape, end + 1 < scalars.count, scalars[end + 1] == "\\" {
            end += 2
            break
          }
          end += 1
        }
      } else {
        end = min(end + 1, scalars.count)
      }
      result.append(marker)
      result.append(contentsOf: scalars[index..<end].filter { $0.value != 0 })
      result.append(marker)
      index = end
    }
    return String(result)
  }

  /// Takes the locale from the environment; without UTF-8 there, libedit would drop
  /// every non-ASCII character, so character handling switches to a UTF-8 locale.
  private static func useUTF8Locale() {
    setlocale(LC_ALL, "")
    if let codeset = nl_langinfo(nl_item(CODESET)), String(cString: codeset) == "UTF-8" {
      return
    }
    for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where setlocale(LC_CTYPE, name) != nil {
      return
    }
  }

  private func setPrompt(_ prompt: String) {
    let replacement = strdup(Self.libeditPrompt(prompt))
    if let replacement {
      free(promptText)
      promptText = replacement
    }
  }

  private func bindKeys() {
    let bindings: [(key: String, command: String)] = [
      ("^I", Self.completeCommand),
      ("^R", Self.searchCommand),
      ("^W", "ed-delete-prev-word"),
      ("\u{1B}[H", "ed-move-to-beg"),
      ("\u{1B}[F", "ed-move-to-end"),
      ("\u{1B}[1~", "ed-move-to-beg"),
      ("\u{1B}[4~", "ed-move-to-end"),
      ("\u{1B}[3~", "ed-delete-next-char"),
      ("\u{1B}[1;5D", "ed-prev-word"),
      ("\u{1B}[1;5C", "em-next-word"),
    ]
    for binding in bindings {
      _ = azl_el_bind(editor, binding.key, binding.command)
    }
  }

  /// The whole line being edited (after `el_gets` returned, the text it held).
  private func currentLine() -> String {
    guard let info = el_line(editor)?.pointee, let buffer = info.buffer,
      let end = info.lastchar
    else {
      return ""
    }
    let bytes = UnsafeRawBufferPointer(start: buffer, count: max(end - buffer, 0))
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The history, newest first, each entry once.
  private func historyEntries() -> [String] {
    var entries: [String] = []
    var seen: Set<String> = []
    var n: Int32 = 0
    while let text = azl_history_entry(history, n) {
      var entry = String(cString: text)
      while entry.last == "\n" { entry.removeLast() }
      if seen.insert(entry).inserted { entries.append(entry) }
      n += 1
    }
    return entries
  }

  /// Ctrl-R: `(reverse-i-search)'query': match`, as in bash. Typing narrows the search,
  /// Ctrl-R again finds an older match, Backspace widens it, Enter runs the match, any other
  /// control key (or an arrow) keeps it on the line to edit, Ctrl-G or Escape goes back to
  /// the line as it was.
  private func reverseSearch(in editor: OpaquePointer) -> UInt8 {
    let original = currentLine()
    let entries = historyEntries()
    var query = ""
    var skip = 0
    var found: String? = nil
    while true {
      let matches = query.isEmpty ? [] : entries.filter { $0.contains(query) }
      if skip >= matches.count { skip = max(matches.count - 1, 0) }
      found = matches.isEmpty ? nil : matches[skip]
      let failing = !query.isEmpty && found == nil
      azl_el_write(
        editor,
        "\r\u{1B}[K" + LineReaderSearch.prompt(query: query, match: found ?? "", failing: failing))
      let key = azl_el_getc(editor)
      if key < 0 || azl_sigint_pending() != 0 {
        azl_el_write(editor, "\r\u{1B}[K")
        return UInt8(CC_EOF)
      }
      var action = LineReaderSearch.action(for: UInt8(key))
      if key == 0x1B {
        // An arrow or other key sequence keeps the match to edit; Escape alone cancels, and
        // the key after it is handled as usual.
        let next = azl_el_getc(editor)
        if next == 0x5B || next == 0x4F {
          var byte = azl_el_getc(editor)
          while byte >= 0, !(0x40...0x7E).contains(byte) { byte = azl_el_getc(editor) }
          action = .keep
        } else if next >= 0x20, next <= 0x7E {
          el_push(editor, String(Character(Unicode.Scalar(UInt8(next)))))
        }
      }
      switch action {
      case .older: skip += 1
      case .erase:
        if !query.isEmpty { query.removeLast() }
        skip = 0
      case .type(let character):
        query.append(character)
        skip = 0
      case .cancel:
        replaceLine(in: editor, with: original)
        azl_el_write(editor, "\r\u{1B}[K")
        return UInt8(CC_REDISPLAY)
      case .run:
        replaceLine(in: editor, with: found ?? original)
        azl_el_write(editor, "\r\u{1B}[K")
        return UInt8(CC_NEWLINE)
      case .keep:
        replaceLine(in: editor, with: found ?? original)
        azl_el_write(editor, "\r\u{1B}[K")
        return UInt8(CC_REDISPLAY)
      }
    }
  }

  /// Makes `text` the whole line, the cursor at its end.
  private func replaceLine(in editor: OpaquePointer, with text: String) {
    guard let info = el_line(editor)?.pointee, let buffer = info.buffer, let cursor = info.cursor,
      let end = info.lastchar
    else { return }
    let after = max(end - cursor, 0)
    if after > 0 { _ = el_cursor(editor, Int32(clamping: after)) }
    let all = String(
      decoding: UnsafeRawBufferPointer(start: buffer, count: max(end - buffer, 0)), as: UTF8.self)
    if !all.isEmpty { el_deletestr(editor, Int32(clamping: all.count)) }
    if !text.isEmpty { _ = el_insertstr(editor, text) }
  }

  /// Runs the completer for the text left of the cursor and edits the line.
  private func complete(in editor: OpaquePointer) -> UInt8 {
    guard let completer, let info = el_line(editor)?.pointee, let buffer = info.buffer,
      let cursor = info.cursor
    else {
      return UInt8(CC_ERROR)
    }
    let bytes = UnsafeRawBufferPointer(start: buffer, count: max(cursor - buffer, 0))
    let lineBeforeCursor = String(decoding: bytes, as: UTF8.self)
    let candidates = completer(lineBeforeCursor)
    if azl_sigint_pending() != 0 {
      return UInt8(CC_EOF)
    }
    guard let plan = LineCompletion.plan(lineBeforeCursor: lineBeforeCursor, candidates: candidates)
    else {
      return UInt8(CC_ERROR)
    }
    if plan.deleteCount > 0 {
      el_deletestr(editor, Int32(clamping: plan.deleteCount))
    }
    if !plan.insertion.isEmpty && el_insertstr(editor, plan.insertion) == -1 {
      return UInt8(CC_ERROR)
    }
    guard !plan.listing.isEmpty else {
      return UInt8(CC_REFRESH)
    }
    let width = Int(azl_el_columns(editor))
    azl_el_write(editor, "\n" + LineCompletion.columns(plan.listing, width: width))
    return UInt8(CC_REDISPLAY)
  }

  private static func createParentFolder(of path: String) {
    guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else {
      return
    }
    let folder = String(path[..<slash])
    var isFolder = stat()
    if stat(folder, &isFolder) == 0 {
      return
    }
    createParentFolder(of: folder)
    _ = mkdir(folder, 0o700)
  }
}
