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

  public init(version: String) { self.version = version }

  /// Replays `transcript`.
  /// - Throws: `FileError` when the sandbox cannot be made.
  public func replay(_ transcript: Transcript, path: String) throws -> Outcome {
    var environment: [String: String] = [:]
    var options = Session.Options()
    var files: [(name: String, content: String)] = []
    for file in transcript.files {
      switch file.name {
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
      files: files, environment: environment, options: options, version: version)
    defer { sandbox.close() }
    var actual = transcript
    for (i, turn) in transcript.turns.enumerated() {
      if turn.isAzCommand {
        actual.turns[i].expected = sandbox.az(turn.input)
        continue
      }
      sandbox.session.handle(turn.input)
      actual.turns[i].expected = sandbox.output.take()
      if sandbox.session.wantsToQuit { break }
    }
    let diff = Self.diff(expected: transcript, actual: actual)
    return Outcome(
      path: path, passed: diff.isEmpty, diff: diff, actual: actual, turns: transcript.turns.count)
  }

  /// A line diff per turn: the typed line, then `-expected` and `+actual` lines.
  static func diff(expected: Transcript, actual: Transcript) -> [String] {
    var out: [String] = []
    for (e, a) in zip(expected.turns, actual.turns) where e.expected != a.expected {
      out.append("  \(Transcript.prompt)\(e.input)")
      let common = zip(e.expected, a.expected).prefix(while: { $0 == $1 }).count
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
