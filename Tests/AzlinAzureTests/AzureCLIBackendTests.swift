import AzlinAzure
import AzlinCore
import AzlinTestSupport
import Foundation
import Testing

@Suite("Azure CLI backend")
struct AzureCLIBackendTests {
  // MARK: - The argv az receives

  @Test("a command gets --output json --only-show-errors appended, once, and the timeout")
  func appendsGlobalArguments() throws {
    let runner = ScriptedRunner()
    let backend = AzureCLIBackend(
      runner: runner, clock: ManualClock(), subscriptionName: "Pay-As-You-Go", timeout: 42)
    _ = backend.run(.vmPower(.stop, name: "sam", group: "demo"))
    _ = backend.run(.groupList)
    #expect(
      runner.commands == [
        ExternalCommand(
          executable: "az",
          arguments: [
            "vm", "stop", "--resource-group", "demo", "--name", "sam", "--output", "json",
            "--only-show-errors",
          ], timeout: 42),
        ExternalCommand(
          executable: "az", arguments: ["group", "list", "--output", "json", "--only-show-errors"],
          timeout: 42),
      ])
    #expect(backend.kind == .az)
    #expect(backend.displayName == "Pay-As-You-Go")
  }

  @Test(
    "an output format or --only-show-errors already given is kept, never doubled",
    arguments: [
      (["vm", "list", "-o", "table"], ["vm", "list", "-o", "table", "--only-show-errors"]),
      (
        ["group", "list", "--output", "tsv", "--only-show-errors"],
        ["group", "list", "--output", "tsv", "--only-show-errors"]
      ),
      (
        ["account", "show", "--only-show-errors"],
        ["account", "show", "--only-show-errors", "--output", "json"]
      ),
    ])
  func keepsGivenArguments(given: [String], sent: [String]) throws {
    let runner = ScriptedRunner()
    _ = AzureCLIBackend(runner: runner, clock: ManualClock(), subscriptionName: "s").run(
      AzCommand(given))
    #expect(runner.commands.map(\.arguments) == [sent])
  }

  @Test("the result carries az's exit code, output and the time it took on the clock")
  func resultAndDuration() throws {
    let clock = ManualClock()
    let runner = ScriptedRunner(
      ProcessOutput(exitCode: 0, stdout: "[{\"name\": \"demo\"}]\n", stderr: ""),
      advancing: clock, by: 2.5)
    let result = AzureCLIBackend(runner: runner, clock: clock, subscriptionName: "s").run(
      .groupList)
    #expect(
      result
        == AzResult(exitCode: 0, stdout: "[{\"name\": \"demo\"}]\n", stderr: "", durationMs: 2500))
    #expect(result.json?.arrayValue?.first?["name"]?.stringValue == "demo")
    #expect(result.error == nil)
  }

  // MARK: - az's error forms

  /// What az prints on stderr for each error form, and the error azlin reads from it.
  static let errorForms: [(stderr: String, exitCode: Int32, expected: AzError)] = [
    // `ERROR: (Code) Message`, with the Code:/Message: lines azure-core adds after it.
    (
      """
      ERROR: (ResourceGroupNotFound) Resource group 'nope' could not be found.
      Code: ResourceGroupNotFound
      Message: Resource group 'nope' could not be found.

      """, 1,
      AzError(
        code: "ResourceGroupNotFound", message: "Resource group 'nope' could not be found.",
        exitCode: 1)
    ),
    // `az vm show` of a VM that does not exist exits 3.
    (
      """
      ERROR: (ResourceNotFound) The Resource 'Microsoft.Compute/virtualMachines/sam' under resource group 'demo' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix
      Code: ResourceNotFound
      Message: The Resource 'Microsoft.Compute/virtualMachines/sam' under resource group 'demo' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix

      """, 3,
      AzError(
        code: "ResourceNotFound",
        message:
          "The Resource 'Microsoft.Compute/virtualMachines/sam' under resource group 'demo' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix",
        exitCode: 3)
    ),
    // Code:/Message: lines alone.
    (
      """
      Code: QuotaExceeded
      Message: Operation could not be completed as it results in exceeding approved standardDSv5Family Cores quota.

      """, 1,
      AzError(
        code: "QuotaExceeded",
        message:
          "Operation could not be completed as it results in exceeding approved standardDSv5Family Cores quota.",
        exitCode: 1)
    ),
    // Plain `ERROR: text`: no code.
    (
      "ERROR: The storage account named azlindata is already taken.\n", 1,
      AzError(
        code: "Unknown", message: "The storage account named azlindata is already taken.",
        exitCode: 1)
    ),
    // The parser's rejection exits 2, with az's reference links after it.
    (
      """
      ERROR: unrecognized arguments: --no-such-flag

      Examples from AI knowledge base:
      https://aka.ms/cli_ref
      Read more about the command in reference docs

      """, 2,
      AzError(
        code: "InvalidArgument", message: "unrecognized arguments: --no-such-flag", exitCode: 2)
    ),
    (
      "ERROR: the following arguments are required: --name/-n\n", 2,
      AzError(
        code: "InvalidArgument", message: "the following arguments are required: --name/-n",
        exitCode: 2)
    ),
    // Nothing on stderr at all.
    ("", 1, AzError(code: "Unknown", message: "az exited with status 1", exitCode: 1)),
  ]

  @Test("each error form az prints is read into its code, message and exit code")
  func errorFormsAreParsed() throws {
    for form in Self.errorForms {
      let runner = ScriptedRunner(
        ProcessOutput(exitCode: form.exitCode, stdout: "", stderr: form.stderr))
      let result = AzureCLIBackend(runner: runner, clock: ManualClock(), subscriptionName: "s").run(
        .vmShow(name: "sam", group: "demo"))
      #expect(!result.succeeded)
      #expect(result.exitCode == form.exitCode)
      #expect(result.stderr == form.stderr)
      #expect(result.error == form.expected, "\(form.stderr)")
    }
  }

  @Test("az missing from PATH is a result with exit 127 and AzNotInstalled, not a crash")
  func notInstalledRun() throws {
    let runner = ScriptedRunner(throwing: ProcessRunnerError.notFound("az"))
    let result = AzureCLIBackend(runner: runner, clock: ManualClock(), subscriptionName: "s").run(
      .groupList)
    #expect(result.exitCode == 127)
    #expect(
      result.error
        == AzError(
          code: "AzNotInstalled", message: "az is not installed or not on PATH", exitCode: 127))
  }

  // MARK: - probe

  @Test("probe runs az account show and names the subscription")
  func probeLoggedIn() throws {
    let runner = ScriptedRunner(
      ProcessOutput(
        exitCode: 0,
        stdout:
          "{\n  \"id\": \"00000000-0000-0000-0000-000000000000\",\n  \"name\": \"Pay-As-You-Go\"\n}\n",
        stderr: ""))
    #expect(try AzureCLIBackend.probe(runner: runner).get() == "Pay-As-You-Go")
    #expect(
      runner.commands == [
        ExternalCommand(
          executable: "az",
          arguments: ["account", "show", "--output", "json", "--only-show-errors"],
          timeout: 30)
      ])
  }

  @Test("probe without a login says to run az login")
  func probeNotLoggedIn() throws {
    let runner = ScriptedRunner(
      ProcessOutput(
        exitCode: 1, stdout: "", stderr: "ERROR: Please run 'az login' to setup account.\n"))
    let error = try #require(Self.failure(of: AzureCLIBackend.probe(runner: runner)))
    #expect(error.message == "Please run 'az login' to setup account.")
    #expect(error.exitCode == 1)
  }

  @Test("probe without az says it is not installed")
  func probeNotInstalled() throws {
    let runner = ScriptedRunner(throwing: ProcessRunnerError.notFound("az"))
    let error = try #require(Self.failure(of: AzureCLIBackend.probe(runner: runner)))
    #expect(error == AzError(code: "AzNotInstalled", message: "az is not installed or not on PATH"))
  }

  static func failure(of result: Result<String, AzError>) -> AzError? {
    if case .failure(let error) = result { return error }
    return nil
  }

  // MARK: - Real processes

  @Test("a stand-in az script receives the exact argv, and its stderr and exit code come back")
  func realProcess() throws {
    let fake = try FakeAz(
      """
      printf '%s\\n' "$@"
      echo "ERROR: (Conflict) The resource 'sam' is in a conflicting state." >&2
      exit 1
      """)
    let result = AzureCLIBackend(runner: fake, clock: SystemClock(), subscriptionName: "s")
      .run(.vmResize(name: "sam", group: "my group", size: "Standard_B2ms"))
    #expect(
      result.stdout.split(separator: "\n").map(String.init) == [
        "vm", "resize", "--resource-group", "my group", "--name", "sam", "--size", "Standard_B2ms",
        "--output", "json", "--only-show-errors",
      ])
    #expect(result.exitCode == 1)
    #expect(
      result.error
        == AzError(code: "Conflict", message: "The resource 'sam' is in a conflicting state."))
  }

  @Test("probe through a real process: logged in, then not logged in")
  func realProbe() throws {
    let loggedIn = try FakeAz(#"echo '{"name": "Visual Studio Enterprise"}'"#)
    #expect(try AzureCLIBackend.probe(runner: loggedIn).get() == "Visual Studio Enterprise")
    let loggedOut = try FakeAz(
      #"echo "ERROR: Please run 'az login' to setup account." >&2; exit 1"#)
    let error = try #require(Self.failure(of: AzureCLIBackend.probe(runner: loggedOut)))
    #expect(error.message.contains("Please run 'az login'"))
  }

  @Test("an az that hangs is stopped at its timeout and the result says so")
  func hungProcessIsStopped() throws {
    let fake = try FakeAz("sleep 30")
    let started = Date()
    let result = AzureCLIBackend(
      runner: fake, clock: SystemClock(), subscriptionName: "s", timeout: 0.5
    ).run(.groupList)
    let elapsed = Date().timeIntervalSince(started)
    #expect(elapsed < 5, "the hung az ran \(elapsed) s past its 0.5 s timeout")
    #expect(result.exitCode == 124)
    #expect(result.error?.code == "Timeout")
    #expect(result.error?.message == "az did not finish within 0.5 seconds and was stopped.")
  }
}

/// Answers every command with the same output (or error), recording what it was asked.
final class ScriptedRunner: ProcessRunner, @unchecked Sendable {
  private let lock = NSLock()
  private var recorded: [ExternalCommand] = []
  private let output: ProcessOutput
  private let error: (any Error)?
  private let clock: ManualClock?
  private let seconds: TimeInterval

  init(
    _ output: ProcessOutput = ProcessOutput(exitCode: 0, stdout: "[]\n", stderr: ""),
    advancing clock: ManualClock? = nil, by seconds: TimeInterval = 0
  ) {
    self.output = output
    self.error = nil
    self.clock = clock
    self.seconds = seconds
  }

  init(throwing error: any Error) {
    self.output = ProcessOutput(exitCode: 0, stdout: "", stderr: "")
    self.error = error
    self.clock = nil
    self.seconds = 0
  }

  var commands: [ExternalCommand] {
    lock.lock()
    defer { lock.unlock() }
    return recorded
  }

  func run(_ command: ExternalCommand) throws -> ProcessOutput {
    lock.lock()
    recorded.append(command)
    lock.unlock()
    if let error { throw error }
    clock?.advance(by: seconds)
    return output
  }
}

/// A stand-in `az`: a shell script in a temporary folder, run by the real `SystemProcessRunner`.
///
/// `SystemProcessRunner` looks `az` up on this process's `PATH`, which a test must not change
/// (tests run in parallel); this runner instead hands it the script's absolute path, so
/// everything after the lookup — spawning, output, exit codes, timeouts — is real. The runner
/// owns the folder, so the script lives as long as anything can run it.
final class FakeAz: ProcessRunner, @unchecked Sendable {
  private let folder = TemporaryFolder()
  private let path: String
  private let system = SystemProcessRunner()

  init(_ body: String) throws {
    path = folder.file("az")
    try ("#!/bin/sh\n" + body + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
  }

  func run(_ command: ExternalCommand) throws -> ProcessOutput {
    var command = command
    // Run through /bin/sh rather than exec'ing the script: a file just written may still be
    // open for writing in a child another test forked meanwhile, and exec would fail with
    // "Text file busy".
    if command.executable == "az" {
      command.arguments = [path] + command.arguments
      command.executable = "/bin/sh"
    }
    return try system.run(command)
  }
}

/// A runner that answers each `az` call only once `expected` calls are in flight together: a
/// backend that ran them one after another would see its first call give up (after 30 s) and
/// fail, never hang.
private final class RendezvousRunner: ProcessRunner, @unchecked Sendable {
  private let lock = NSLock()
  private let expected: Int
  private var arrived = 0
  private let everyone = DispatchSemaphore(value: 0)

  init(expected: Int) { self.expected = expected }

  func run(_ command: ExternalCommand) throws -> ProcessOutput {
    lock.lock()
    arrived += 1
    let last = arrived == expected
    lock.unlock()
    if last {
      for _ in 1..<expected { everyone.signal() }
    } else if everyone.wait(timeout: .now() + 30) == .timedOut {
      return ProcessOutput(exitCode: 1, stdout: "", stderr: "ERROR: ran alone")
    }
    let name = command.arguments.prefix { !$0.hasPrefix("-") }.joined(separator: " ")
    return ProcessOutput(exitCode: 0, stdout: "\"\(name)\"", stderr: "")
  }
}

extension AzureCLIBackendTests {
  @Test("runAll runs independent listings side by side and reports them in the order given")
  func runsListingsSideBySide() {
    let commands: [AzCommand] = [.groupList, .vmListDetails, .snapshotList, .securityGroupList]
    let backend = AzureCLIBackend(
      runner: RendezvousRunner(expected: commands.count), clock: ManualClock(),
      subscriptionName: "test")
    let results = backend.runAll(commands)
    #expect(results.map(\.exitCode) == [0, 0, 0, 0])
    #expect(
      results.map(\.stdout) == [
        "\"group list\"", "\"vm list\"", "\"snapshot list\"", "\"network nsg list\"",
      ])
  }
}
