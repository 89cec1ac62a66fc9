import AzlinCore
import Foundation
import Testing

/// A program run in the terminal (`ssh`): it inherits standard input, output and error,
/// nothing is captured, and its exit code comes back.
@Suite struct SystemProcessRunnerTerminalTests {
  @Test func theExitCodeComesBackAndNothingIsCaptured() throws {
    let runner = SystemProcessRunner()
    let done = try runner.run(
      ExternalCommand(executable: "sh", arguments: ["-c", "exit 3"], attachesTerminal: true))
    #expect(done.exitCode == 3)
    #expect(done.stdout.isEmpty && done.stderr.isEmpty)
    #expect(!done.timedOut)
  }

  @Test func aMissingProgramIsNamed() {
    #expect(throws: ProcessRunnerError.notFound("no-such-program-azlin")) {
      try SystemProcessRunner().run(
        ExternalCommand(
          executable: "no-such-program-azlin", arguments: [], attachesTerminal: true))
    }
  }
}
