import AzlinCore
import AzlinTestSupport
import Foundation
import Testing

@Suite struct ConfigEditorTests {
  @Test func setsAndClearsKeepingCommentsAndOtherSections() throws {
    let folder = TemporaryFolder()
    let path = folder.file("config.toml")
    try
      "# mine\n[defaults]\nregion = \"westus2\" # near\n\n[budget]\nmonthly_limit = 100 # team cap\n"
      .write(
        toFile: path, atomically: true, encoding: .utf8)
    let editor = ConfigEditor(path: path)
    try editor.set(table: "budget", key: "monthly_limit", value: "500")
    try editor.set(table: "budget", key: "daily_limit", value: "20")
    try editor.set(table: "budget.resource_groups", key: "test-rg", value: "100")
    #expect(
      try String(contentsOfFile: path, encoding: .utf8)
        == "# mine\n[defaults]\nregion = \"westus2\" # near\n\n[budget]\nmonthly_limit = 500 # team cap\ndaily_limit = 20\n\n[budget.resource_groups]\ntest-rg = 100\n"
    )
    #expect(try editor.remove(table: "budget", key: "daily_limit"))
    #expect(try !editor.remove(table: "budget", key: "daily_limit"))
    let (config, warnings) = AzlinConfig.load(path: path)
    #expect(warnings.isEmpty)
    #expect(config.budget.monthlyLimit == Money(500))
    #expect(config.budget.dailyLimit == nil)
    #expect(config.budget.groupLimits == ["test-rg": Money(100)])
  }

  @Test func refusesToEditAFileThatDoesNotParse() throws {
    let folder = TemporaryFolder()
    let path = folder.file("config.toml")
    try "[budget\nmonthly_limit = 1\n".write(toFile: path, atomically: true, encoding: .utf8)
    #expect(throws: ConfigEditor.EditError.self) {
      try ConfigEditor(path: path).set(table: "budget", key: "x", value: "1")
    }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "[budget\nmonthly_limit = 1\n")
  }
}
