import AzlinAzure
import AzlinCore
import AzlinExecution
import Foundation

/// Replays transcripts in fresh deterministic sandboxes and compares what the shell says.
///
/// Each replay gets a temporary `$AZLIN_HOME`, the simulator backend, a fixed clock,
/// sequential IDs and no colour; every turn is fed as a line, approvals included.
public struct TranscriptReplayer {
  /// How one transcript fared.
  public struct Outcome: Sendable {
    public var path: String
    public var passed: Bool
    /// A line diff (`-expected`, `+actual`) when it did not pass.
    public var diff: [String]
    /// The transcript with the shell's actual answers.
    public var actual: Transcript
    public var turns: Int
  }

  public let version: String
  /// Where sandboxes are made (the system's temporary folder when nil).
  public let sandboxParent: String?

  /// - Parameters:
  ///   - version: The version the sandboxes' audit logs name.
  ///   - sandboxParent: Where sandboxes are made; nil for the system's temporary folder.
  public init(version: String, sandboxParent: String? = nil) {
    self.version = version
    self.sandboxParent = sandboxParent
  }

  /// Replays `transcript`.
  /// - Throws: `FileError` when the sandbox cannot be made.
  public func replay(_ transcript: Transcript, path: String) throws -> Outcome {
    var environment: [String: String] = [:]
    var options = TurnEngine.Options()
    var files: [(name: String, content: String)] = []
    var ids: (any IDGenerator)?
    var start: Date?
    var setup: [String] = []
    for file in transcript.files {
      switch file.name {
      case "session":
        for (key, value) in Self.settings(file.content) {
          switch key {
          case "seed":
            guard let seed = SeededIDGenerator.seed(parsing: value) else {
              throw TranscriptError(
                line: 0, reason: "-- session --: seed \(value) is not 16 hex digits")
            }
            ids = SeededIDGenerator(seed: seed)
          case "started":
            guard let date = Timestamp.parse(value) else {
              throw TranscriptError(
                line: 0, reason: "-- session --: started \(value) is not a timestamp")
            }
            start = date
          default: break
          }
        }
      case "state":
        setup = file.content.split(separator: "\n").map {
          $0.trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty && !$0.hasPrefix("#") }.map {
          $0.hasPrefix("az ") ? String($0.dropFirst(3)) : $0
        }
      case "env":
        for line in file.content.split(separator: "\n")
        where line.contains("=") && !line.hasPrefix("#") {
          let parts = line.split(separator: "=", maxSplits: 1)
          environment[String(parts[0]).trimmingCharacters(in: .whitespaces)] =
            parts.count > 1 ? String(parts[1]) : ""
        }
      case "args":
        let args = file.content.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        options.autoApprove = args.contains("--yes") || args.contains("-y")
        options.dryRun = args.contains("--dry-run")
        options.verbose = args.contains("--verbose")
        options.readOnly = args.contains("--read-only")
      default:
        files.append((file.name, file.content))
      }
    }
    let sandbox = try ShellSandbox(
      files: files, environment: environment, options: options, version: version, ids: ids,
      start: start, setup: setup, parent: sandboxParent)
    defer { sandbox.close() }
    var actual = transcript
    for (i, turn) in transcript.turns.enumerated() {
      let said: [String]
      if turn.isAzCommand {
        said = sandbox.az(turn.input)
      } else {
        said = sandbox.send(turn.input)
      }
      actual.turns[i].expected = Transcript.updated(expected: turn.expected, actual: said)
      if !turn.isAzCommand, sandbox.session.wantsToQuit { break }
    }
    let diff = Self.diff(expected: transcript, actual: actual)
    return Outcome(
      path: path, passed: diff.isEmpty, diff: diff, actual: actual, turns: transcript.turns.count)
  }

  /// `key = value` lines (comments and blank lines skipped).
  static func settings(_ content: String) -> [(String, String)] {
    content.split(separator: "\n").compactMap { line in
      let parts = line.split(separator: "=", maxSplits: 1)
      guard parts.count == 2, !line.hasPrefix("#") else { return nil }
      var value = parts[1].trimmingCharacters(in: .whitespaces)
      if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
        value = String(value.dropFirst().dropLast())
      }
      return (parts[0].trimmingCharacters(in: .whitespaces), value)
    }
  }

  /// A line diff per turn: the typed line, then `-expected` and `+actual` lines.
  static func diff(expected: Transcript, actual: Transcript) -> [String] {
    var out: [String] = []
    for (e, a) in zip(expected.turns, actual.turns)
    where !Transcript.lines(e.expected, match: a.expected) {
      out.append("  \(e.isAzCommand ? Transcript.handPrompt : Transcript.prompt)\(e.input)")
      let common = zip(e.expected, a.expected).prefix(while: { Transcript.line($0, matches: $1) })
        .count
      for l in e.expected.dropFirst(common) { out.append("  -\(l)") }
      for l in a.expected.dropFirst(common) { out.append("  +\(l)") }
    }
    return out
  }
}

/// Why a replay sandbox did not start a program.
struct SandboxRefusal: Error, CustomStringConvertible {
  var program: String
  var description: String { "the replay sandbox runs no external programs (\(program))" }
}

/// A process runner for sandboxes: starting any program there is a bug, so it says so loudly.
public final class RefusingProcessRunner: ProcessRunner {
  public init() {}
  public func run(_ command: ExternalCommand) throws -> ProcessOutput {
    throw ProcessRunnerError.launchFailed(
      command.executable, "the replay sandbox runs no external programs")
  }
}
