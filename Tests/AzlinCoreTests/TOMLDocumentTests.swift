import AzlinCore
import Testing

@Suite struct TOMLDocumentTests {
  @Test func readsTablesArraysAndInlineTables() throws {
    let doc = try TOMLDocument(
      parsing: """
        # azlin settings
        [defaults]
        region = "westeurope" # trailing comment
        [budget]
        monthly_limit = 500
        daily_limit = 20.5
        alert_thresholds = [50,
          80, 100]
        [budget.resource_groups]
        "test-rg" = 100
        [mcp]
        servers = [{name = "az", command = "azmcp", args = ["server", "start"]}]
        """)
    #expect(doc["defaults.region"] == .string("westeurope"))
    #expect(doc["budget.monthly_limit"] == .integer(500))
    #expect(doc["budget.daily_limit"] == .float(20.5))
    #expect(doc["budget.alert_thresholds"] == .array([.integer(50), .integer(80), .integer(100)]))
    #expect(doc.keys(in: "budget.resource_groups") == ["test-rg"])
    #expect(doc.lines["budget.monthly_limit"] == 5)
    guard case .array(let servers) = doc["mcp.servers"], case .table(let server) = servers.first
    else {
      Issue.record("mcp.servers is not an array of tables")
      return
    }
    #expect(server["command"] == .string("azmcp"))
  }

  @Test(arguments: [
    ("[budget\nx = 1", 1, "table header is missing ]"),
    ("[budget]\nmonthly_limit = lots", 2, "'lots' is not a value (strings need quotes)"),
    ("a = 1\na = 2", 2, "'a' is defined twice"),
    ("just words", 1, "expected key = value"),
    ("a = \"open", 1, "unterminated string"),
  ])
  func reportsTheLineOfAProblem(_ text: String, _ line: Int, _ reason: String) {
    #expect(throws: TOMLError(line: line, reason: reason)) { try TOMLDocument(parsing: text) }
  }
}
