import AzlinCore
import Foundation

/// Replays a set of transcript files and reports, for `azlin replay` and the test suite.
public struct TranscriptSuite {
  /// What a run found.
  public struct Result: Sendable {
    public var passed: Bool
    public var files: Int
    public var failures: Int
    public var turns: Int
    /// Lines to print: PASS/FAIL per file, diffs, and a closing count.
    public var report: [String]
  }

  private let replayer: TranscriptReplayer

  public init(version: String) { self.replayer = TranscriptReplayer(version: version) }

  /// The `*.transcript` files under `paths` (files as given, folders searched one level deep), sorted.
  public static func files(in paths: [String]) -> [String] {
    var files: [String] = []
    for path in paths {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
        files.append(path)
        continue
      }
      if isFolder.boolValue {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        files += names.filter { $0.hasSuffix(".transcript") }.sorted().map {
          (path as NSString).appendingPathComponent($0)
        }
      } else {
        files.append(path)
      }
    }
    return files
  }

  /// Replays every transcript under `paths`.
  /// - Parameter update: Rewrite each mismatching file with the actual output; the run still fails.
  public func run(paths: [String], update: Bool) -> Result {
    var report: [String] = []
    var failures = 0
    var turns = 0
    let files = Self.files(in: paths)
    for file in files {
      guard let data = FileManager.default.contents(atPath: file),
        let text = String(data: data, encoding: .utf8)
      else {
        report.append("FAIL \(file): cannot be read")
        failures += 1
        continue
      }
      do {
        let transcript = try Transcript(parsing: text)
        let outcome = try replayer.replay(transcript, path: file)
        turns += outcome.turns
        if outcome.passed {
          report.append("PASS \(file) (\(outcome.turns) turns)")
        } else {
          failures += 1
          report.append("FAIL \(file)")
          report += outcome.diff
          if update {
            try AtomicFile.write(outcome.actual.render(), to: file, mode: 0o644)
            report.append("  updated \(file); review the change, then run again")
          }
        }
      } catch {
        failures += 1
        report.append("FAIL \(file): \(error)")
      }
    }
    if files.isEmpty { report.append("No transcripts found in \(paths.joined(separator: " ")).") }
    report.append("\(files.count - failures) passed, \(failures) failed")
    return Result(
      passed: failures == 0 && !files.isEmpty, files: files.count, failures: failures, turns: turns,
      report: report)
  }
}
