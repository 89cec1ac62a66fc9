import Foundation
import Testing

/// The held-out dialogues (issue 12): multi-turn sets written by someone who never read the
/// grammar, scored through a whole shell in a sandbox.
///
/// Each set's figures are printed; the floors are the targets of issue 12. Set
/// `AZLIN_HELDOUT_MISSES=N` to print the first N misses of each set (for a set that is spent;
/// a sealed set is scored, never read for tuning).
@Suite struct HeldOutTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("HeldOut")

  /// The sets to score: every `.dialogues` file, or only those `AZLIN_HELDOUT_ONLY` names
  /// (comma-separated, without the extension) — a sealed set stays unread while another is tuned on.
  static var sets: [String] {
    let all = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
      .filter { $0.hasSuffix(".dialogues") }.sorted()
    guard let only = ProcessInfo.processInfo.environment["AZLIN_HELDOUT_ONLY"], !only.isEmpty
    else { return all }
    let names = Set(only.split(separator: ",").map { String($0) + ".dialogues" })
    return all.filter { names.contains($0) }
  }

  @Test func setsAreWellFormed() throws {
    #expect(!Self.sets.isEmpty, "no .dialogues files in \(Self.folder.path)")
    for name in Self.sets {
      let text = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
      let (dialogues, problems) = Dialogue.load(text)
      #expect(problems.isEmpty, "\(name): \(problems.prefix(10).joined(separator: "; "))")
      let turns = dialogues.reduce(0) { $0 + $1.turns.count }
      #expect(turns >= 600, "\(name) has \(turns) turns, fewer than 600")
    }
  }

  @Test(arguments: sets) func heldOutSet(_ name: String) throws {
    let text = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
    let (dialogues, _) = Dialogue.load(text)
    let score = try DialogueScorer().score(dialogues)
    print("Held-out \(name): \(score.summary)")
    let shown = Int(ProcessInfo.processInfo.environment["AZLIN_HELDOUT_MISSES"] ?? "") ?? 0
    for m in score.misses.prefix(shown) {
      print(
        "  \(m.guess ? "GUESS " : "")\(name):\(m.lineNumber) [\(m.dialogue)] > \(m.line)\n      want: \(m.expected)\n      got:  \(m.got)"
      )
    }
    let floor = Self.floors[name] ?? Self.target
    #expect(score.accuracy >= floor.accuracy, "\(name): \(score.summary)")
    #expect(score.guessRate <= floor.guessRate, "\(name): \(score.summary)")
    #expect(score.actedOnMustNotAct <= floor.actions, "\(name): \(score.summary)")
  }

  /// What a set must keep: issue 12's target, or — where the target is not met yet — the last
  /// measured figures, so that understanding can only get better (the README gives both).
  struct Floor {
    var accuracy: Double
    var guessRate: Double
    var actions: Int
  }

  /// Issue 12's target: 90% right, at most 2% of misses a guess, no action on a must-not-act line.
  static let target = Floor(accuracy: 0.90, guessRate: 0.02, actions: 0)

  static let floors: [String: Floor] = [
    // Measured 2026-12-02 at the end of the never-guess work on sets A, B and E (the floors
    // below are these figures): A 89.4%, 0.0%, 0; B 83.6%, 0.9%, 0; C 77.5%, 13.1%, 4;
    // D 82.0%, 8.1% (10 guesses, as before, of fewer misses), 1; E 78.7%, 0.6%, 1;
    // F 70.9%, 7.8%, 2.
    // Measured 2026-12-02 after the understanding and dev-VM work: A 89.4% (599 of 670),
    // guess rate 0.0%; B 83.7%, 0.9%; C 77.0%, 14.6%, 4 actions; D 80.6%, 13.5%, 5 actions.
    // After "never defaulted" (half-said details asked, changes for later or on a condition
    // refused, mended words confirmed): A 89.4%, 0.0%; B 83.6%, 0.9%; C 76.5%, 14.4%, 4; D
    // 80.3%, 11.9% (16 of 135), 4 actions.
    // Lines an older set wrote as "unsupported" for operations azlin has since gained are
    // left out of the score (A 6, B 4, C 6); set A's line 290 expects a Windows VM, which
    // azlin refuses (Linux only).
    "set-a.dialogues": Floor(accuracy: 0.89, guessRate: 0.01, actions: 0),
    "set-b.dialogues": Floor(accuracy: 0.83, guessRate: 0.01, actions: 0),
    "set-c.dialogues": Floor(accuracy: 0.77, guessRate: 0.14, actions: 4),
    // Written this session (issue 16's operations in the README), sealed: first score 78.8%,
    // guess rate 13.1% (19 of 145 misses), 5 actions.
    // After the time-of-day answer and "now the other one" (branch understanding-f): 82.0%
    // (561 of 684), guess rate 8.1% — the same 10 guesses as before, of 123 misses instead of
    // 126 (the rate rose only because three misses became right), 1 action.
    "set-d.dialogues": Floor(accuracy: 0.81, guessRate: 0.082, actions: 1),
    // Written 2026-12-02 by a helper given only the README and FORMAT.md (a quarter dev-VM
    // language), a development set: first score 72.8% (527 of 724), guess rate 10.7% (21 of
    // 197 misses), 4 actions — after mending the crash it found (a which-VM question from a
    // tag, port or shutdown change lost its request, and the answer trapped). After the
    // never-guess rules (branch understanding-e): 77.5% (561 of 724), guess rate 0.6% (1 of
    // 163 misses), 1 action — "stop two" among VMs two and three, which set B expects to name
    // the VM.
    // After a time-of-day answer to "Which time?", "set sam to power off at 6pm" as the
    // schedule, "now the other one" and "and alpha, what's its ip" as a question about alpha
    // (branch understanding-f): 78.3% (567 of 724), guess rate 0.6% (1 of 157 misses), 1 action.
    "set-e.dialogues": Floor(accuracy: 0.78, guessRate: 0.007, actions: 1),
    // Written 2026-12-02 by another helper given only the README and FORMAT.md (tasks as an
    // evaluator would set them, 30% dev-VM language), sealed: first score 69.7% (488 of 700),
    // guess rate 11.8% (25 of 212 misses), 8 actions.
    "set-f.dialogues": Floor(accuracy: 0.70, guessRate: 0.08, actions: 2),
  ]
}
