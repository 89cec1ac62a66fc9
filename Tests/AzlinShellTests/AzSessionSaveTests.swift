import AzlinAzure
import AzlinCore
import AzlinSimulator
import AzlinTestSupport
import Foundation
import Testing

@testable import AzlinConversation

/// A session on the real az backend saves the same way and replays on the simulator: here
/// `az` is answered by a simulator through the process runner, so the session goes through
/// `AzureCLIBackend` (argv, az's JSON and errors) exactly as with the real az.
@Suite struct AzSessionSaveTests {
  @Test func aSessionOnTheAzBackendReplaysOnTheSimulator() throws {
    let folder = TemporaryFolder()
    let home = AzlinHome(root: folder.path)
    try home.prepare()
    try AtomicFile.write("[budget]\nmonthly_limit = 300\n", to: home.configFile)
    let clock = ManualClock(start: Date(timeIntervalSince1970: 1_796_000_000))
    let azure = try AzureSimulator(
      folder: folder.file("azure"), clock: clock, sleeper: ClockSleeper(clock: clock),
      ids: SequentialIDGenerator(), faults: nil)
    for line in [
      "group create --name prod-rg --location westeurope",
      "vm create --resource-group prod-rg --name api --image Ubuntu2204 --size Standard_D2s_v3 --admin-username azureuser --generate-ssh-keys",
    ] {
      #expect(azure.run(line.split(separator: " ").map(String.init)).exitCode == 0)
    }
    let runner = AzRunner(azure)
    var context = AzlinContext.deterministic(home: home, clock: clock, runner: runner)
    context.ids = SeededIDGenerator(seed: 0xA2)
    let (config, _) = AzlinConfig.load(path: home.configFile)
    var options = TurnEngine.Options()
    options.autoApprove = true
    let output = BufferOutput()
    let session = TurnEngine(
      context: context,
      backend: AzureCLIBackend(runner: runner, clock: clock, subscriptionName: "Contoso Dev"),
      config: config, output: output, options: options, version: "test")
    session.start()
    for line in [
      "list my vms", "create a vm called worker in prod-rg", "stop api", "/budget",
      "/save on-az.transcript",
    ] {
      session.handle(line)
    }
    session.end()
    let said = output.take()
    #expect(said.contains { $0.hasPrefix("Done (objective ") }, "\(said)")
    let path = home.transcriptsFolder + "/on-az.transcript"
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.contains("--backend az"))
    #expect(text.contains("az vm create --resource-group prod-rg --name api"))
    #expect(text.contains("monthly_limit = 300"))
    let result = TranscriptSuite(version: "test").run(paths: [path], update: false)
    #expect(result.passed, "\(text)\n---\n\(result.report.joined(separator: "\n"))")
  }
}
