import Foundation

/// A saved session that is both a record and a test.
///
/// ```
/// # a comment, kept before the turn it precedes
/// azlin> create a vm called sam
/// <expected output lines>
/// -- config.toml --
/// [budget]
/// monthly_limit = 50
/// ```
///
/// A line `$ az vm resize …` is a change made by hand outside azlin: replay runs it on
/// the simulator and compares what az printed.
///
/// Sections after the turns set up the sandbox: `-- config.toml --` is written to
/// `$AZLIN_HOME/config.toml`, `-- env --` holds `KEY=VALUE` lines (such as
/// `AZLIN_SIM_FAULTS`), and `-- args --` holds shell flags (`--yes`, `--dry-run`).
public struct Transcript: Equatable, Sendable {
  /// One line typed and what the shell answered.
  public struct Turn: Equatable, Sendable {
    public var comments: [String]
    public var input: String
    public var expected: [String]
    /// True for a `$ az …` line: a change made outside azlin (by hand), run on the simulator.
    public var isAzCommand = false

    public init(comments: [String], input: String, expected: [String], isAzCommand: Bool = false) {
      self.comments = comments
      self.input = input
      self.expected = expected
      self.isAzCommand = isAzCommand
    }
  }

  /// The marker of a command run by hand against the simulator, outside the shell.
  public static let handPrompt = "$ az "

  /// A set-up section.
  public struct File: Equatable, Sendable {
    public var name: String
    public var content: String

    public init(name: String, content: String) {
      self.name = name
      self.content = content
    }
  }

  /// The marker before each typed line.
  public static let prompt = "azlin> "

  public var turns: [Turn]
  public var files: [File]
  /// Comments after the last turn.
  public var trailingComments: [String] = []

  public init(turns: [Turn], files: [File] = []) {
    self.turns = turns
    self.files = files
  }

  /// Reads a transcript.
  /// - Throws: `TranscriptError` with the line number of a malformed line.
  public init(parsing text: String) throws {
    turns = []
    files = []
    var comments: [String] = []
    var lines = text.components(separatedBy: "\n")
    if lines.last == "" { lines.removeLast() }
    var i = 0
    while i < lines.count {
      let line = lines[i]
      if line.hasPrefix("-- "), line.hasSuffix(" --"), line.count > 6 {
        let name = String(line.dropFirst(3).dropLast(3))
        var content: [String] = []
        i += 1
        while i < lines.count,
          !(lines[i].hasPrefix("-- ") && lines[i].hasSuffix(" --") && lines[i].count > 6)
        {
          content.append(lines[i])
          i += 1
        }
        files.append(
          File(name: name, content: content.joined(separator: "\n") + (content.isEmpty ? "" : "\n"))
        )
        continue
      }
      if line.hasPrefix("#") {
        comments.append(line)
      } else if line.hasPrefix(Self.handPrompt) {
        turns.append(
          Turn(
            comments: comments, input: String(line.dropFirst(Self.handPrompt.count)), expected: [],
            isAzCommand: true))
        comments = []
      } else if line.hasPrefix(Self.prompt) || line == "azlin>" {
        turns.append(
          Turn(
            comments: comments, input: String(line.dropFirst(min(line.count, Self.prompt.count))),
            expected: []))
        comments = []
      } else if turns.isEmpty {
        if !line.trimmingCharacters(in: .whitespaces).isEmpty {
          throw TranscriptError(
            line: i + 1, reason: "expected a comment or \"\(Self.prompt)\" before any output")
        }
      } else {
        if !comments.isEmpty {
          turns[turns.count - 1].expected += comments
          comments = []
        }
        turns[turns.count - 1].expected.append(line)
      }
      i += 1
    }
    trailingComments = comments
  }

  /// The transcript as text.
  public func render() -> String {
    var out: [String] = []
    for t in turns {
      out += t.comments
      out.append((t.isAzCommand ? Self.handPrompt : Self.prompt) + t.input)
      out += t.expected
    }
    out += trailingComments
    for f in files {
      out.append("-- \(f.name) --")
      var body = f.content
      if body.hasSuffix("\n") { body.removeLast() }
      if !body.isEmpty { out += body.components(separatedBy: "\n") }
    }
    return out.joined(separator: "\n") + "\n"
  }

  /// The set-up section named `name`.
  public func file(_ name: String) -> File? { files.first { $0.name == name } }
}

/// A transcript line that could not be read.
public struct TranscriptError: Error, CustomStringConvertible, Sendable {
  public var line: Int
  public var reason: String
  public var description: String { "line \(line): \(reason)" }
}
