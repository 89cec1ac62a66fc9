import AzlinAzure
import AzlinCore
import AzlinLedger
import AzlinSimulator
import AzlinTestSupport
import Foundation
import Testing

@testable import AzlinConversation

/// `/ssh`, "how do I connect", and commands run inside a VM, on the real az backend (az answered
/// by a simulator through the process runner, as in `AzSessionSaveTests`) and on the simulator.
@Suite struct ConnectAndRunTests {
  /// Answers `az` with a simulator, except `vm run-command invoke`, which a VM with a guest
  /// answers with `reply`; records every other program (ssh) without running it.
  final class GuestRunner: ProcessRunner, @unchecked Sendable {
    let simulator: AzureSimulator
    let reply: String
    private(set) var others: [ExternalCommand] = []
    private(set) var runCommands: [[String]] = []

    init(_ simulator: AzureSimulator, reply: String) {
      self.simulator = simulator
      self.reply = reply
    }

    func run(_ command: ExternalCommand) throws -> ProcessOutput {
      guard (command.executable as NSString).lastPathComponent == "az" else {
        others.append(command)
        return ProcessOutput(exitCode: 0, stdout: "", stderr: "")
      }
      if command.arguments.starts(with: ["vm", "run-command", "invoke"]) {
        runCommands.append(command.arguments)
        return ProcessOutput(exitCode: 0, stdout: reply, stderr: "")
      }
      let result = simulator.run(command.arguments)
      return ProcessOutput(exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr)
    }
  }

  /// An output that says it is a terminal, as the shell's is when a person types.
  final class TerminalOutput: OutputSink {
    private(set) var written: [String] = []
    let isInteractive: Bool
    init(isInteractive: Bool = true) { self.isInteractive = isInteractive }
    func line(_ text: String) { written += text.split(separator: "\n").map(String.init) }
    func error(_ text: String) { line(text) }
  }

  static let reply = """
    {
      "value": [
        {
          "code": "ProvisioningState/succeeded",
          "displayStatus": "Provisioning succeeded",
          "level": "Info",
          "message": "Enable succeeded: \\n[stdout]\\nFilesystem Size Used Avail Use% Mounted on\\n/dev/root 29G 1.6G 28G 6% /\\n\\n[stderr]\\n",
          "time": null
        }
      ]
    }
    """

  struct Rig {
    let folder = TemporaryFolder()
    let home: AzlinHome
    let runner: GuestRunner
    let session: TurnEngine
    let output: TerminalOutput

    init(autoApprove: Bool = false, terminal: Bool = true) throws {
      home = AzlinHome(root: folder.path)
      try home.prepare()
      let clock = ManualClock(start: Date(timeIntervalSince1970: 1_796_000_000))
      let azure = try AzureSimulator(
        folder: folder.file("azure"), clock: clock, sleeper: ClockSleeper(clock: clock),
        ids: SequentialIDGenerator(), faults: nil)
      for line in [
        "group create --name dev-rg --location westeurope",
        "vm create --resource-group dev-rg --name sam --image Debian12 --size Standard_B2s --admin-username alice --generate-ssh-keys",
        "vm create --resource-group dev-rg --name bob --image Ubuntu2204 --size Standard_B2s --admin-username azureuser --generate-ssh-keys",
        "vm deallocate --resource-group dev-rg --name bob",
      ] {
        #expect(azure.run(line.split(separator: " ").map(String.init)).exitCode == 0)
      }
      // A VM made without a public IP address.
      let quiet = [
        "vm", "create", "--resource-group", "dev-rg", "--name", "quiet", "--image", "Ubuntu2204",
        "--admin-username", "azureuser", "--generate-ssh-keys", "--public-ip-address", "",
      ]
      #expect(azure.run(quiet).exitCode == 0)
      runner = GuestRunner(azure, reply: ConnectAndRunTests.reply)
      let context = AzlinContext.deterministic(home: home, clock: clock, runner: runner)
      var options = TurnEngine.Options()
      options.autoApprove = autoApprove
      output = TerminalOutput(isInteractive: terminal)
      session = TurnEngine(
        context: context,
        backend: AzureCLIBackend(runner: runner, clock: clock, subscriptionName: "Dev"),
        config: AzlinConfig(), output: output, options: options, version: "test")
      session.start()
    }

    func audit() throws -> String {
      try String(contentsOfFile: home.auditLog, encoding: .utf8)
    }
  }

  @Test func sshRunsSshInTheTerminalWithTheAdminUserAndComesBack() throws {
    let rig = try Rig()
    rig.session.handle("/ssh sam")
    let ssh = try #require(rig.runner.others.first)
    #expect(ssh.argv == ["ssh", "alice@20.100.0.4"])
    #expect(ssh.attachesTerminal)
    #expect(rig.runner.others.count == 1)
    #expect(rig.output.written.contains("Connect with: ssh alice@20.100.0.4"))
    #expect(rig.output.written.last == "Back in azlin (the ssh session to sam ended).")
    #expect(try rig.audit().contains(#""argv":["ssh","alice@20.100.0.4"]"#))
  }

  @Test func sshWithoutATerminalShowsTheCommandAndRunsNothing() throws {
    let rig = try Rig(terminal: false)
    rig.session.handle("/ssh sam")
    #expect(rig.runner.others.isEmpty)
    #expect(
      Array(rig.output.written.suffix(2)) == [Messages.sshNeedsTerminal, "  ssh alice@20.100.0.4"])
  }

  @Test func sshCompletesVMNames() throws {
    let rig = try Rig()
    #expect(rig.session.completions(for: "/ssh s") == ["/ssh sam"])
    #expect(rig.session.completions(for: "/ss") == ["/ssh"])
  }

  @Test func sshRefusesAVMThatIsNotRunningAndRunsNothing() throws {
    let rig = try Rig()
    rig.session.handle("/ssh bob")
    #expect(rig.runner.others.isEmpty)
    #expect(rig.session.lastTurnFailed)
    #expect(rig.output.written.last?.hasPrefix("bob is deallocated, so there is nothing") == true)
    rig.session.handle("/ssh quiet")
    #expect(
      rig.output.written.last
        == "quiet has no public IP address, so it cannot be reached from here; from inside its virtual network: ssh azureuser@10.0.0.6"
    )
    rig.session.handle("/ssh ghost")
    #expect(rig.output.written.last?.hasPrefix("There is no VM named ghost") == true)
    rig.session.handle("/ssh sam bob")
    #expect(rig.output.written.last == "Usage: /ssh [vm]")
    #expect(rig.runner.others.isEmpty)
  }

  @Test func askingHowToConnectShowsTheCommandAndRunsNothing() throws {
    let rig = try Rig()
    rig.session.handle("how do I connect to sam")
    #expect(
      Array(rig.output.written.suffix(2)) == [
        "sam is running at public IP 20.100.0.4; its admin user is alice.",
        "Connect with: ssh alice@20.100.0.4",
      ])
    #expect(rig.runner.others.isEmpty)
  }

  @Test func aCommandRunsAfterApprovalAndItsOutputIsShown() throws {
    let rig = try Rig()
    rig.session.handle("run `df -h` on sam")
    #expect(rig.output.written.contains("  1. ~ run df -h on VM sam [irreversible]"))
    #expect(rig.output.written.contains(Messages.runCommandNote))
    #expect(rig.runner.runCommands.isEmpty)
    rig.session.handle("y")
    // Irreversible, it asks on its own, as a destroy does.
    #expect(rig.output.written.last == "Really run df -h on VM sam? This cannot be undone. [y/N]")
    #expect(rig.runner.runCommands.isEmpty)
    rig.session.handle("y")
    #expect(
      rig.runner.runCommands == [
        [
          "vm", "run-command", "invoke", "--resource-group", "dev-rg", "--name", "sam",
          "--command-id", "RunShellScript", "--scripts", "df -h", "--output", "json",
          "--only-show-errors",
        ]
      ])
    let said = rig.output.written
    let printed = try #require(said.firstIndex(of: "  df -h on sam printed:"))
    #expect(said[printed + 1] == "    Filesystem Size Used Avail Use% Mounted on")
    #expect(said[printed + 2] == "    /dev/root 29G 1.6G 28G 6% /")
    #expect(said.last?.hasPrefix("Done (objective ") == true)
    #expect(try rig.audit().contains(#""--scripts","df -h""#))
    // Nothing to undo: the step had no inverse.
    rig.session.handle("/undo")
    #expect(rig.runner.runCommands.count == 1)
  }

  @Test func aCommandOnAStoppedVMIsRefusedWithTheReason() throws {
    let rig = try Rig(autoApprove: true)
    rig.session.handle("run uptime on bob")
    #expect(rig.output.written.last == Messages.notRunning(vm: "bob", state: "deallocated"))
    #expect(rig.runner.runCommands.isEmpty)
  }

  @Test func aSecretInTheCommandNeverReachesAuditOrScreen() throws {
    let rig = try Rig(autoApprove: true)
    let secret = "ghp_" + String(repeating: "a1B2", count: 9)
    rig.session.handle("run `curl -H 'Authorization: token \(secret)' example.com` on sam")
    #expect(rig.runner.runCommands.isEmpty)
    #expect(!rig.output.written.joined().contains(secret))
    #expect(!(try rig.audit()).contains(secret))
  }

  @Test func onTheSimulatorNothingIsRunOrInvented() throws {
    let sandbox = try ShellSandbox(
      version: "test",
      setup: [
        "group create --name dev-rg --location westeurope",
        "vm create --resource-group dev-rg --name sam --image Ubuntu2204 --size Standard_B2s --admin-username azureuser --generate-ssh-keys",
      ])
    defer { sandbox.close() }
    #expect(
      sandbox.reply(to: "run df -h on sam")
        == Messages.noGuestToRun(
          vm: "sam", command: .vmRunCommand(name: "sam", group: "dev-rg", script: "df -h")))
    #expect(
      sandbox.reply(to: "/ssh sam")
        == "sam is a simulated VM, so there is no machine to connect to; on Azure this would run: ssh azureuser@20.100.0.4"
    )
    #expect(
      !(try String(contentsOfFile: sandbox.home.auditLog, encoding: .utf8)).contains("run-command"))
  }
}
