import AzlinAzure
import Testing

@Suite("Naming rules")
struct NamingRulesTests {
  @Test(
    "valid names pass",
    arguments: [
      ("azlin-rg", ResourceKind.resourceGroup), ("rg_(test).1", .resourceGroup),
      (String(repeating: "g", count: 90), .resourceGroup), ("sam", .virtualMachine),
      ("web-01.prod_a", .virtualMachine),
      (String(repeating: "v", count: 64), .virtualMachine), ("abc", .storageAccount),
      (String(repeating: "s", count: 24), .storageAccount), ("data_disk-1.a_", .disk), ("d", .disk),
      ("vnet-1_", .virtualNetwork), ("ab", .virtualNetwork),
    ])
  func valid(name: String, kind: ResourceKind) {
    #expect(NamingRules.violation(of: name, as: kind) == nil)
  }

  @Test(
    "invalid names are refused",
    arguments: [
      ("", ResourceKind.resourceGroup), ("ends.", .resourceGroup),
      (String(repeating: "g", count: 91), .resourceGroup),
      ("has space", .resourceGroup), ("", .virtualMachine), ("my vm!", .virtualMachine),
      ("-lead", .virtualMachine),
      ("trail-", .virtualMachine), ("trail.", .virtualMachine),
      (String(repeating: "v", count: 65), .virtualMachine),
      ("ab", .storageAccount), ("Upper123", .storageAccount), ("with-dash", .storageAccount),
      (String(repeating: "s", count: 25), .storageAccount), ("-disk", .disk), ("disk-", .disk),
      (String(repeating: "d", count: 81), .disk), ("a", .virtualNetwork), ("net.", .virtualNetwork),
    ])
  func invalid(name: String, kind: ResourceKind) {
    #expect(NamingRules.violation(of: name, as: kind) != nil)
  }

  @Test(
    "each kind's message names the rule in one sentence",
    arguments: [
      (
        "my vm!", ResourceKind.virtualMachine,
        "VM name 'my vm!' is invalid: use 1–64 letters, digits, hyphens, underscores and periods; start with a letter or digit; do not end with a period or hyphen."
      ),
      (
        "rg.", .resourceGroup,
        "Resource group name 'rg.' is invalid: use 1–90 letters, digits, underscores, parentheses, hyphens and periods; do not end with a period."
      ),
      (
        "My_Store", .storageAccount,
        "Storage account name 'My_Store' is invalid: use 3–24 lowercase letters and digits."
      ),
      (
        "-d", .disk,
        "Disk name '-d' is invalid: use 1–80 letters, digits, underscores, periods and hyphens; start with a letter or digit; end with a letter, digit or underscore."
      ),
      (
        "n", .virtualNetwork,
        "Virtual network name 'n' is invalid: use 2–64 letters, digits, underscores, periods and hyphens; start with a letter or digit; end with a letter, digit or underscore."
      ),
    ])
  func messages(name: String, kind: ResourceKind, message: String) {
    #expect(NamingRules.violation(of: name, as: kind) == message)
  }
}
