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
      warnings == ["\(path):4: budget.monthly_limit must be a number of dollars ≥ 0; ignoring it."])
  }

  @Test func invalidUTF8IsReported() throws {
    let folder = TemporaryFolder()
    let path = folder.file("config.toml")
    _ = FileManager.default.createFile(atPath: path, contents: Data([0xFF, 0xFE, 0x41]))
    let (_, warnings) = AzlinConfig.load(path: path)
    #expect(warnings == ["\(path): is not UTF-8 text; using defaults."])
  }
}
