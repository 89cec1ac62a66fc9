import AzlinConversation
import Foundation
import Testing

/// A terminal port that keeps what the engine asked of it, and may say Ctrl-C was pressed.
final class RecordingTerminal: TerminalPort {
  var events: [String] = []
  /// What `cancelled()` answers while steps run.
  let interrupted: Bool

  init(interrupted: Bool = false) { self.interrupted = interrupted }

  func withInterrupts<T>(_ body: (_ cancelled: () -> Bool) throws -> T) rethrows -> T {
    events.append("interrupts on")
    defer { events.append("interrupts off") }
    return try body { self.interrupted }
  }

  func progressStarted(_ summary: String) { events.append("started " + summary) }

  func progressEnded() { events.append("ended") }
}

/// The engine reaches the terminal only through its `TerminalPort`: Ctrl-C while steps run,
/// and a progress line per step.
@Suite struct TerminalPortTests {
  func sandbox() throws -> ShellSandbox {
    var options = TurnEngine.Options()
    options.autoApprove = true
    return try ShellSandbox(options: options, version: "test")
  }

  @Test func eachStepShowsProgressWhileInterruptsAreCaught() throws {
    let s = try sandbox()
    defer { s.close() }
    let terminal = RecordingTerminal()
    s.session.terminal = terminal
    let said = s.send("create a vm called sam in eastus in group port-rg")
    #expect(said.last?.hasPrefix("Done (objective") == true)
    let started = terminal.events.filter { $0.hasPrefix("started ") }
    #expect(started.count == 2)
    #expect(terminal.events.first == "interrupts on")
    #expect(terminal.events.last == "interrupts off")
    #expect(terminal.events.filter { $0 == "ended" }.count >= started.count)
  }

  @Test func ctrlCFromThePortStartsNothing() throws {
    let s = try sandbox()
    defer { s.close() }
    s.session.terminal = RecordingTerminal(interrupted: true)
    let said = s.send("create a vm called sam in eastus in group port-rg")
    #expect(said.contains { $0.contains("stopped by Ctrl-C before anything changed") })
    #expect(s.session.lastTurnFailed)
    #expect(s.send("list vms").contains { $0.contains("sam") } == false)
  }

  @Test func withoutATerminalTheEngineIsQuiet() throws {
    let s = try sandbox()
    defer { s.close() }
    #expect(s.session.terminal is QuietTerminal)
  }
}
