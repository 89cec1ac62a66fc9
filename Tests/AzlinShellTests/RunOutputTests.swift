import AzlinAzure
import AzlinCore
import Testing

@testable import AzlinConversation

/// What `az vm run-command invoke` answered, as the shell shows it: the command's output and
/// its error output, indented, every line redacted.
@Suite struct RunOutputTests {
  static func answer(_ message: String) -> JSONValue {
    .object([
      (
        "value",
        .array([.object([("code", "ProvisioningState/succeeded"), ("message", .string(message))])])
      )
    ])
  }

  @Test func outputAndErrorOutputAreShownApart() {
    let lines = Messages.runOutput(
      vm: "sam", script: "ls /nope; echo hi",
      json: Self.answer("Enable succeeded: \n[stdout]\nhi\n\n[stderr]\nls: cannot access '/nope'\n")
    )
    #expect(
      lines == [
        "  ls /nope; echo hi on sam printed:", "    hi", "  and on stderr:",
        "    ls: cannot access '/nope'",
      ])
  }

  @Test func nothingPrintedIsSaid() {
    let lines = Messages.runOutput(
      vm: "sam", script: "true", json: Self.answer("Enable succeeded: \n[stdout]\n\n[stderr]\n"))
    #expect(lines == ["  true on sam printed:", "    (nothing)"])
  }

  @Test func aSecretPrintedInsideTheVMIsRedacted() {
    let secret = "ghp_" + String(repeating: "a1B2", count: 9)
    let lines = Messages.runOutput(
      vm: "sam", script: "cat .env",
      json: Self.answer("Enable succeeded: \n[stdout]\nGITHUB_TOKEN=\(secret)\n[stderr]\n"))
    #expect(!lines.joined().contains(secret))
    #expect(lines.count == 2)
  }
}
