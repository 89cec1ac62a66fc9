import AzlinCore
import AzlinTestSupport
import Foundation
import Testing

@Suite struct AzlinConfigTests {
  @Test func missingFileGivesDefaults() {
    let (config, warnings) = AzlinConfig.load(path: "/nonexistent/config.toml")
    #expect(config == AzlinConfig())
    #expect(warnings.isEmpty)
    #expect(config.defaults.region == "eastus")
    #expect(config.defaults.resourceGroup == "azlin-rg")
  }

  @Test func unparsableFileNamesFileAndLineThenUsesDefaults() throws {
    let folder = TemporaryFolder()
    let path = folder.file("config.toml")
    try "[defaults]\nregion = westus\n".write(toFile: path, atomically: true, encoding: .utf8)
    let (config, warnings) = AzlinConfig.load(path: path)
    #expect(config == AzlinConfig())
    #expect(
      warnings == ["\(path):2: 'westus' is not a value (strings need quotes); using defaults."])
  }

  @Test func wrongTypeKeepsTheRestAndNamesTheKey() throws {
    let folder = TemporaryFolder()
    let path = folder.file("config.toml")
    try "[defaults]\nregion = \"westus2\"\n[budget]\nmonthly_limit = \"lots\"\ndaily_limit = 10\n"
      .write(
        toFile: path, atomically: true, encoding: .utf8)
    let (config, warnings) = AzlinConfig.load(path: path)
    #expect(config.defaults.region == "westus2")
    #expect(config.budget.monthlyLimit == nil)
    #expect(config.budget.dailyLimit == Money(10))
    #expect(
      warnings == [
        "\(path):4: budget.monthly_limit must be a number of dollars ≥ 0; nothing that adds cost runs until it is fixed."
      ])
  }

  @Test func executionAndMCPSettingsAreReadWithOneLinePerMistake() throws {
    let folder = TemporaryFolder()
    let path = folder.file("config.toml")
    try """
    [execution]
    strategy = "AZ"
    max_parallel = 0
    initial_delay = 1.5
    rollback_on_failure = false
    [mcp]
    servers = [{name = "azure", command = "azmcp", args = ["server", "start"], call_timeout = 1800}, {name = "bad name", command = "x"}, {name = "slow", command = "y", start_timeout = "soon"}]
    [docs]
    search = false
    """.write(toFile: path, atomically: true, encoding: .utf8)
    let (config, warnings) = AzlinConfig.load(path: path)
    #expect(config.execution.strategy == "az")
    #expect(config.execution.maxParallel == AzlinConfig.Execution().maxParallel)
    #expect(config.execution.initialDelay == 1.5)
    #expect(!config.execution.rollbackOnFailure)
    #expect(config.docsSearch == false)
    #expect(
      config.mcpServers == [
        MCPServerSettings(
          name: "azure", command: "azmcp", args: ["server", "start"], callTimeout: 1800),
        MCPServerSettings(name: "slow", command: "y"),
      ])
    #expect(
      warnings == [
        "\(path):3: execution.max_parallel must be a whole number from 1 to 32; using the default.",
        "\(path):7: server 2 needs a name (letters, digits, - and _) and a command; ignoring it.",
        "\(path):7: start_timeout of server slow must be a number of seconds from 1 to 86400; using the default.",
      ])
  }

  @Test(arguments: [
    ("[safety]\nread_only = true\n", true, false),
    ("[safety]\nread_only = false\n", false, false),
    ("", false, false),
    ("[safety]\nread_only = \"yes\"\n", true, true),
  ])
  func readOnlyIsReadAndAnUnreadableValueFailsClosed(
    _ text: String, _ readOnly: Bool, _ warned: Bool
  ) throws {
    let folder = TemporaryFolder()
    let path = folder.file("config.toml")
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let (config, warnings) = AzlinConfig.load(path: path)
    #expect(config.safety.readOnly == readOnly)
    #expect(
      warnings
        == (warned
          ? ["\(path):2: safety.read_only must be true or false; read-only until it is fixed."]
          : []))
  }

  @Test func invalidUTF8IsReported() throws {
    let folder = TemporaryFolder()
    let path = folder.file("config.toml")
    _ = FileManager.default.createFile(atPath: path, contents: Data([0xFF, 0xFE, 0x41]))
    let (_, warnings) = AzlinConfig.load(path: path)
    #expect(warnings == ["\(path): is not UTF-8 text; using defaults."])
  }
}

@Suite struct AzlinConfigTimeZoneTests {
  @Test func aTimeZoneIsReadAndAnUnknownOneIsSaidInOneLine() throws {
    let folder = TemporaryFolder()
    let path = folder.file("config.toml")
    try "[defaults]\ntime_zone = \"Europe/Berlin\"\n".write(
      toFile: path, atomically: true, encoding: .utf8)
    #expect(AzlinConfig.load(path: path).0.defaults.timeZone == "Europe/Berlin")
    try "[defaults]\ntime_zone = \"Mars/Olympus\"\n".write(
      toFile: path, atomically: true, encoding: .utf8)
    let (config, warnings) = AzlinConfig.load(path: path)
    #expect(config.defaults.timeZone == nil)
    #expect(
      warnings == [
        "\(path):2: defaults.time_zone \"Mars/Olympus\" is not a time zone (use a name such as Europe/Berlin or UTC); using the machine's."
      ])
  }
}
