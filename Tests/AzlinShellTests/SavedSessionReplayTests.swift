import AzlinCore
import AzlinTestSupport
import Foundation
import Testing

/// Issue 14's "done when": a session recorded with `/save` in one azlin process replays green
/// with `azlin replay` in another, and a copy with one expected line changed fails.
@Suite("Saved sessions replay", .enabled(if: TestPrograms.azlin != nil))
struct SavedSessionReplayTests {
  /// What a finished azlin process printed, and its status.
  struct Run {
    var status: Int32
    var output: String
  }

  /// Runs `azlin arguments` with `input` on standard input and `home` as `$AZLIN_HOME`.
  static func azlin(_ arguments: [String], home: String, input: String = "") async throws -> Run {
    let binary = try #require(TestPrograms.azlin)
    return try await onOwnThread {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: binary)
      process.arguments = arguments
      var environment = ProcessInfo.processInfo.environment
      environment["AZLIN_HOME"] = home
      environment["AZLIN_SIM_PACE"] = "0"
      environment["AZLIN_LLM_PROVIDER"] = "none"
      environment["AZLIN_SIM_FAULTS"] = nil
      environment["NO_COLOR"] = "1"
      process.environment = environment
      let stdin = Pipe()
      let stdout = Pipe()
      process.standardInput = stdin
      process.standardOutput = stdout
      process.standardError = stdout
      try process.run()
      stdin.fileHandleForWriting.write(Data(input.utf8))
      try stdin.fileHandleForWriting.close()
      let data = stdout.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      return Run(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }
  }

  /// A recorded session: the flags, the config, az commands run before it, and its lines.
  struct Recording: Sendable, CustomTestStringConvertible {
    var name: String
    var flags: [String]
    var config: String?
    var before: [[String]]
    var turns: [String]
    /// A line the saved transcript must contain (what makes this recording what it is).
    var mustContain: String
    var testDescription: String { name }
  }

  static let recordings: [Recording] = [
    Recording(
      name: "with --yes", flags: ["--yes"], config: nil, before: [],
      turns: [
        "create a vm called sam", "stop it", "and a 64 GB disk for it", "/history", "/objectives",
        "/undo",
      ], mustContain: "--yes"),
    Recording(
      name: "typed answers and a budget", flags: [],
      config: "[defaults]\nregion = \"westus2\"\n\n[budget]\nmonthly_limit = 100\n", before: [],
      turns: [
        "create a vm called web", "y", "create 2 vms called a1 and a2", "n", "delete vm web", "y",
        "y", "/budget", "/undo", "y",
      ], mustContain: "monthly_limit = 100"),
    Recording(
      name: "a subscription that already held a group and a VM", flags: ["--yes"], config: nil,
      before: [
        ["group", "create", "--name", "old-rg", "--location", "westeurope"],
        [
          "vm", "create", "--resource-group", "old-rg", "--name", "legacy", "--image", "Ubuntu2204",
          "--size", "Standard_D2s_v3", "--admin-username", "azureuser", "--generate-ssh-keys",
        ],
      ],
      turns: ["list my vms", "/state", "stop legacy", "/cost all", "/budget"],
      mustContain: "az vm create --resource-group old-rg --name legacy"),
  ]

  @Test(arguments: recordings)
  func aSavedSessionReplaysInAnotherProcess(_ recording: Recording) async throws {
    let live = TemporaryFolder()
    if let config = recording.config {
      try AtomicFile.write(config, to: live.file("config.toml"))
    }
    for command in recording.before {
      let made = try await Self.azlin(["sim"] + command, home: live.path)
      #expect(made.status == 0, "\(made.output)")
    }
    let input = (recording.turns + ["/save recorded.transcript"]).joined(separator: "\n") + "\n"
    let session = try await Self.azlin(
      ["shell", "--backend", "sim"] + recording.flags, home: live.path, input: input)
    #expect(session.status == 0, "\(session.output)")
    let saved = live.file("transcripts/recorded.transcript")
    let text = try String(contentsOfFile: saved, encoding: .utf8)
    #expect(text.contains(recording.mustContain), "\(text)")
    #expect(text.contains("Done (objective") || recording.turns.first == "list my vms")

    let sandbox = TemporaryFolder()
    let replay = try await Self.azlin(["replay", saved], home: sandbox.path)
    #expect(replay.status == 0, "\(text)\n---\n\(replay.output)")
    #expect(replay.output.contains("1 passed, 0 failed"), "\(replay.output)")

    // One expected line changed: the replay fails with a line diff.
    var lines = text.components(separatedBy: "\n")
    let index = try #require(
      lines.firstIndex { !$0.isEmpty && !$0.hasPrefix("azlin> ") && !$0.hasPrefix("#") })
    let original = lines[index]
    lines[index] = original + " (changed)"
    let changed = sandbox.file("changed.transcript")
    try AtomicFile.write(lines.joined(separator: "\n"), to: changed)
    let failing = try await Self.azlin(["replay", changed], home: sandbox.path)
    #expect(failing.status != 0, "\(failing.output)")
    #expect(failing.output.contains("0 passed, 1 failed"), "\(failing.output)")
    #expect(failing.output.contains("  -\(original) (changed)"), "\(failing.output)")
    #expect(failing.output.contains("  +\(original)"), "\(failing.output)")
  }
}
