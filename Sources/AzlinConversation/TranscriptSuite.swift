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
    /// One entry per file, in order: for JUnit XML.
    public var cases: [Case] = []
  }

  /// How one file fared.
  public struct Case: Sendable, Equatable {
    public var file: String
    public var turns: Int
    /// Seconds the replay took.
    public var seconds: Double
    /// Why it failed (a line diff, or the error), nil when it passed.
    public var failure: [String]?
  }

  private let replayer: TranscriptReplayer
  /// Nanoseconds on a monotonic clock, to time each file.
  private let nanoseconds: @Sendable () -> UInt64

  /// - Parameters:
  ///   - version: The version the sandboxes' audit logs name.
  ///   - sandboxParent: Where each replay's sandbox is made; nil for the system's temporary folder.
  ///   - nanoseconds: A monotonic clock, in nanoseconds, for the time of each file.
  public init(
    version: String, sandboxParent: String? = nil,
    nanoseconds: @escaping @Sendable () -> UInt64 = { DispatchTime.now().uptimeNanoseconds }
  ) {
    self.replayer = TranscriptReplayer(version: version, sandboxParent: sandboxParent)
    self.nanoseconds = nanoseconds
  }

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

  /// A folder in memory for sandboxes, where the system has one (`/dev/shm`): a replay makes
  /// and removes many small files, which a disk's file system makes slow. Nil otherwise.
  public static var memoryFolder: String? {
    let folder = "/dev/shm"
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder),
      isFolder.boolValue,
      FileManager.default.isWritableFile(atPath: folder)
    else { return nil }
    return folder
  }

  /// Replays every transcript under `paths`.
  /// - Parameter update: Rewrite each mismatching file with the actual output; the run still fails.
  public func run(paths: [String], update: Bool) -> Result {
    var report: [String] = []
    var failures = 0
    var turns = 0
    var cases: [Case] = []
    let files = Self.files(in: paths)
    for file in files {
      let started = nanoseconds()
      var entry = Case(file: file, turns: 0, seconds: 0, failure: nil)
      defer {
        entry.seconds = Double(nanoseconds() &- started) / 1e9
        cases.append(entry)
      }
      guard let data = FileManager.default.contents(atPath: file),
        let text = String(data: data, encoding: .utf8)
      else {
        report.append("FAIL \(file): cannot be read")
        entry.failure = ["cannot be read"]
        failures += 1
        continue
      }
      do {
        let transcript = try Transcript(parsing: text)
        let outcome = try replayer.replay(transcript, path: file)
        turns += outcome.turns
        entry.turns = outcome.turns
        if outcome.passed {
          report.append("PASS \(file) (\(outcome.turns) turns)")
        } else {
          failures += 1
          entry.failure = outcome.diff
          report.append("FAIL \(file)")
          report += outcome.diff
          if update {
            try AtomicFile.write(outcome.actual.render(), to: file, mode: 0o644)
            report.append("  updated \(file); review the change, then run again")
          }
        }
      } catch {
        failures += 1
        entry.failure = ["\(error)"]
        report.append("FAIL \(file): \(error)")
      }
    }
    if files.isEmpty { report.append("No transcripts found in \(paths.joined(separator: " ")).") }
    report.append("\(files.count - failures) passed, \(failures) failed")
    return Result(
      passed: failures == 0 && !files.isEmpty, files: files.count, failures: failures, turns: turns,
      report: report, cases: cases)
  }
}
