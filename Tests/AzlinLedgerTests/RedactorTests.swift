import Testing

@testable import AzlinLedger

@Suite struct RedactorTests {
  @Test func hidesSecretFlagValuesInArgv() {
    #expect(
      Redactor.argv([
        "vm", "create", "--admin-password", "Hunter2!x", "--name", "sam", "--secret=abc",
        "--sas-token", "sv=1&sig=x",
      ])
        == [
          "vm", "create", "--admin-password", "***", "--name", "sam", "--secret=***", "--sas-token",
          "***",
        ])
  }

  @Test(arguments: [
    ("create a vm called sam with password Hunter2!x", "create a vm called sam with password ***"),
    ("use --admin-password 'p@ss word' please", "use --admin-password *** please"),
    (
      "DefaultEndpointsProtocol=https;AccountName=a;AccountKey=abc123==;",
      "DefaultEndpointsProtocol=https;AccountName=a;AccountKey=***;"
    ),
    (
      "https://a.blob.core.windows.net/c?sv=2022&sig=AbC%2F&se=2026",
      "https://a.blob.core.windows.net/c?sv=***&sig=***&se=***"
    ),
    ("my key is sk-ant-api03-abcdefghijklmnopqrstuv", "my key is ***"),
    ("list vms in test-rg", "list vms in test-rg"),
    ("set password to Hunter2!", "set password to ***"),
    ("set the password as Hunter2!", "set the password as ***"),
    ("the password for sam is Hunter2!", "the password for sam is ***"),
    ("export AZURE_CLIENT_SECRET=abc123", "export AZURE_CLIENT_SECRET=***"),
    ("ok no password then, just create db", "ok no password then, just create db"),
    ("ok forget the password, ssh keys are fine", "ok forget the password, ssh keys are fine"),
    ("store my db password in key vault", "store my db password in key vault"),
  ])
  func hidesSecretsInText(_ input: String, _ expected: String) {
    #expect(Redactor.text(input) == expected)
  }
}

extension RedactorTests {
  /// Plain requests skip the expressions; each pattern's example still reaches them (the
  /// redaction tests above then check what they mask).
  @Test(
    "the pre-filter passes plain lines through and stops every kind of secret",
    arguments: [
      ("stop sam", false), ("create 3 vms called web1 to web3 in westus2", false),
      ("how much is the D4s_v5 in eastus?", false),
      ("set the password for sam to hunter2", true), ("--admin-password x", true),
      ("AccountKey=abc", true), ("eyJhbGciOi.eyJzdWIiOi.sig", true), ("AKIAABCDEFGHIJKLMNOP", true),
      ("ghp_abcdefghijklmnopqrstuvwxyz", true), ("Bearer abcdefghijklmnopqrst", true),
      (String(repeating: "ab12", count: 10), true),
      ("abc4Q~" + String(repeating: "x", count: 31), true),
    ])
  func preFilter(_ line: String, _ may: Bool) {
    #expect(Redactor.mayHoldSecret(line) == may)
  }
}
