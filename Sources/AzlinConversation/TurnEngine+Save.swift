import AzlinAzure
import AzlinCore
import AzlinLedger
import Foundation

extension TurnEngine {
  /// A transcript `/save` made, waiting for "overwrite?" to be answered.
  struct PendingSave {
    /// Where it goes, as shown (`$AZLIN_HOME/transcripts/…` for a relative path) and as resolved.
    var path: String
    var resolved: String
    var text: String
    var turns: Int
  }

  /// `/save <file>`: this session as a transcript that replays as it is (see `transcript()`).
  /// A relative path goes to `$AZLIN_HOME/transcripts/`; an existing file is replaced only
  /// after "yes".
  func save(_ args: [String]) {
    unsavedTurns.insert(output.turns.count - 1)
    guard let path = args.first, args.count == 1 else {
      fail(Messages.usage(SlashCommand.usage(of: "save")))
      return
    }
    let resolved = path.hasPrefix("/") ? path : context.home.transcriptsFolder + "/" + path
    let turns = savedTurns()
    let shown = path.hasPrefix("/") ? path : "$AZLIN_HOME/transcripts/" + path
    let save = PendingSave(
      path: shown, resolved: resolved, text: transcript(turns).render(), turns: turns.count)
    if FileManager.default.fileExists(atPath: resolved) {
      dialogue.apply(.ask(.overwrite(save)))
      say(Messages.overwrite(save.path))
      return
    }
    write(save)
  }

  /// Settles "overwrite?": yes replaces the file, anything else keeps it.
  func answerOverwrite(_ save: PendingSave, _ answer: YesNo) {
    dialogue.apply(.answered)
    unsavedTurns.insert(output.turns.count - 1)
    guard answer != .no else {
      say(Messages.notSaved(save.path))
      return
    }
    write(save)
  }

  private func write(_ save: PendingSave) {
    do {
      if save.path != save.resolved {
        try FileManager.default.createDirectory(
          atPath: (save.resolved as NSString).deletingLastPathComponent,
          withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
      }
      try AtomicFile.write(save.text, to: save.resolved, mode: 0o644)
      say(Messages.saved(save.path, turns: save.turns))
    } catch {
      fail(Messages.cannotSave(error))
    }
  }

  /// The turns a transcript keeps: every turn but `/save` and its "overwrite?" answers.
  func savedTurns() -> [RecordingOutput.Turn] {
    output.turns.enumerated().filter { !unsavedTurns.contains($0.offset) }.map(\.element)
  }

  /// This session as a transcript: its turns with wall-clock values as `[..]`, and the
  /// sections replay needs — `-- args --` (flags and backend), `-- session --` (the ID seed
  /// and the start), `-- env --` (simulator faults), `-- config.toml --` (defaults, budget,
  /// safety and execution settings) and `-- state --` (what existed at the start, as az
  /// commands for a fresh simulator).
  func transcript(_ turns: [RecordingOutput.Turn]) -> Transcript {
    var transcript = Transcript(
      turns: turns.map {
        Transcript.Turn(
          comments: [], input: $0.input, expected: Transcript.normalised(turn: $0.output))
      })
    var args: [String] = []
    if options.autoApprove { args.append("--yes") }
    if options.dryRun { args.append("--dry-run") }
    if options.readOnly { args.append("--read-only") }
    if options.verbose { args.append("--verbose") }
    args.append("--backend \(backend.kind.rawValue)")
    transcript.files.append(
      Transcript.File(name: "args", content: args.joined(separator: "\n") + "\n"))
    var session = ["started = \(sessionRecord.startedAt)"]
    if let seeded = context.ids as? SeededIDGenerator {
      session.insert("seed = \(seeded.seedText)", at: 0)
    }
    transcript.files.append(
      Transcript.File(name: "session", content: session.joined(separator: "\n") + "\n"))
    if let faults = context.environment["AZLIN_SIM_FAULTS"], !faults.isEmpty {
      transcript.files.append(
        Transcript.File(name: "env", content: "AZLIN_SIM_FAULTS=\(Redactor.text(faults))\n"))
    }
    if let text = try? String(contentsOfFile: context.home.configFile, encoding: .utf8) {
      let kept = Transcript.replayedConfig(Redactor.text(text))
      if !kept.isEmpty {
        transcript.files.append(Transcript.File(name: "config.toml", content: kept))
      }
    }
    if let state = startingState, !state.groups.isEmpty {
      let lines = Transcript.stateCommands(state).map { "az " + $0 }
      transcript.files.append(
        Transcript.File(name: "state", content: lines.joined(separator: "\n") + "\n"))
    }
    return transcript
  }
}
