import AzlinCore
import AzlinPlanning
import Foundation
import Synchronization
import Testing

@testable import AzlinConversation

/// Issue 13, item 8: a secret typed on a line never leaves it. Every phrasing below runs
/// through one whole shell (with an LLM configured, which fails so the local grammar answers
/// too), approving whatever it plans; then every file under `$AZLIN_HOME`, everything shown
/// on screen and every request sent to the LLM are searched for each secret.
@Suite struct SecretSweepTests {
  /// A line and the secret in it.
  static let phrasings: [(line: String, secret: String)] = [
    ("create a vm called web7 and set the password to Hunter2!Zq01", "Hunter2!Zq01"),
    ("set the password as Hunter2!Zq02", "Hunter2!Zq02"),
    ("set password = Hunter2!Zq03", "Hunter2!Zq03"),
    ("set password=Hunter2!Zq04", "Hunter2!Zq04"),
    ("create vm db with username admin and password P@ssw0rd!Zq05", "P@ssw0rd!Zq05"),
    ("my password is Pa55word-Zq06", "Pa55word-Zq06"),
    ("password: Pa55word-Zq07", "Pa55word-Zq07"),
    ("create a vm sam --admin-password Pa55word-Zq08", "Pa55word-Zq08"),
    (#"create a vm sam --admin-password "Pa55 word Zq09""#, "word Zq09"),
    ("create a vm sam --admin-password='Pa55-Zq10'", "Pa55-Zq10"),
    ("create a vm sam --admin-password=Pa55-Zq11", "Pa55-Zq11"),
    ("export AZURE_CLIENT_SECRET=Zq12-secret-value", "Zq12-secret-value"),
    ("export ARM_CLIENT_SECRET='Zq13 with space'", "Zq13 with"),
    ("AZURE_STORAGE_KEY=Zq14abc/def== az storage account list", "Zq14abc/def"),
    (
      "use DefaultEndpointsProtocol=https;AccountName=foo;AccountKey=Zq15abcdEFGH==;EndpointSuffix=core.windows.net",
      "Zq15abcdEFGH"
    ),
    (
      "Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=root;SharedAccessKey=Zq16keyKEY=",
      "Zq16keyKEY"
    ),
    (
      "BlobEndpoint=https://a.blob.core.windows.net/;SharedAccessSignature=sv=2022-11-02&sig=Zq17sigSIG%3D",
      "Zq17sigSIG"
    ),
    (
      "copy https://a.blob.core.windows.net/c/f?sv=2022-11-02&ss=b&sig=Zq18SiG%2Fabc%3D&se=2030",
      "Zq18SiG"
    ),
    (
      "-----BEGIN RSA PRIVATE KEY----- MIIEowIBAAKCAQEAZq19 -----END RSA PRIVATE KEY-----",
      "MIIEowIBAAKCAQEAZq19"
    ),
    ("-----BEGIN OPENSSH PRIVATE KEY-----", "BEGIN OPENSSH PRIVATE KEY"),
    (
      "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQZq20AAAAAAAAABAAAAMwAAAAtzc2gtZW",
      "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQZq20"
    ),
    (
      "my token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJaeTIxIn0.Zq21signaturePart",
      "Zq21signaturePart"
    ),
    (
      "use ghp_Zq22abcdefghijklmnopqrstuvwxyz0123 for the repo",
      "ghp_Zq22abcdefghijklmnopqrstuvwxyz0123"
    ),
    ("slack xoxb-Zq23-1234567890-abcdefgh", "xoxb-Zq23-1234567890-abcdefgh"),
    ("client secret is Zq24~abcdefgh", "Zq24~abcdefgh"),
    ("client_secret: Zq25secretvalue", "Zq25secretvalue"),
    ("the api key is sk-Zq26abcdefghijklmnop", "sk-Zq26abcdefghijklmnop"),
    ("api key = Zq27keyvalue", "Zq27keyvalue"),
    ("token Zq28tokenvalue", "Zq28tokenvalue"),
    ("Authorization: Bearer Zq29abcdefghijklmnopqrstu", "Zq29abcdefghijklmnopqrstu"),
    ("here is the secret: Zq30secret", "Zq30secret"),
    ("passphrase Zq31phrase", "Zq31phrase"),
    ("use abc8Q~Zq32abcdefghijklmnopqrstuvwxyz01234", "Zq32abcdefghijklmnopqrstuvwxyz01234"),
    ("aws AKIAZQ33ABCDEFGHIJKL", "AKIAZQ33ABCDEFGHIJKL"),
    ("create a vm called ghp_Zq34abcdefghijklmnopqrstuvwxyz", "ghp_Zq34abcdefghijklmnopqrstuvwxyz"),
    ("create vm sam2 with password Zq35pw and size b2s", "Zq35pw"),
    ("set the admin password to 'Zq36 quoted pass'", "Zq36 quoted"),
    ("storage account key Zq37KEYvalue==", "Zq37KEYvalue"),
    ("sas token ?sv=2022&sig=Zq38sig", "Zq38sig"),
    ("pwd=Zq39pwd", "Zq39pwd"),
    ("create a vm named web8, admin password Zq40pass!", "Zq40pass!"),
    ("the password for sam is Zq41pw", "Zq41pw"),
    ("change the password of web1 to Zq42pw", "Zq42pw"),
    ("create a vm called s\u{200B}am with password Zq43\u{202E}pw", "Zq43"),
    ("and here's my key: 8f3eZq44abcdef", "8f3eZq44abcdef"),
    ("the storage key is Zq45storagekey", "Zq45storagekey"),
  ]

  /// Records what the shell sends to the LLM, and fails every call so the local grammar answers.
  final class RecordingClient: LLMClient, Sendable {
    let sent = Mutex<[String]>([])
    func complete(system: String, user: String) -> Result<String, LLMFailure> {
      sent.withLock { $0.append(user) }
      return .failure(.timedOut(host: "llm.test", seconds: 1))
    }
  }

  @Test func noSecretReachesAFileTheScreenOrTheLLM() throws {
    let client = RecordingClient()
    var options = TurnEngine.Options()
    options.autoApprove = true
    let sandbox = try ShellSandbox(
      options: options, version: "test", llm: LLMIntentParser(client: client))
    defer { sandbox.close() }
    var screen: [String] = []
    // Plain requests between the secrets: the LLM is asked, and objectives are made.
    let plain = ["create a vm called web1", "stop web1", "list vms", "add a 32 GB disk to web1"]
    for (i, (line, _)) in Self.phrasings.enumerated() {
      sandbox.session.handle(line)
      screen += sandbox.output.take()
      if i % 10 == 0 {
        sandbox.session.handle(plain[i / 10 % plain.count])
        screen += sandbox.output.take()
      }
    }
    for line in ["/history", "/objectives", "/state", "/plan", "/history --failed"] {
      sandbox.session.handle(line)
      screen += sandbox.output.take()
    }
    sandbox.session.end()
    screen += sandbox.output.take()
    var texts: [(String, String)] = [("screen", screen.joined(separator: "\n"))]
    texts.append(("llm", client.sent.withLock { $0.joined(separator: "\n") }))
    texts.append(
      (
        "turns",
        sandbox.session.output.turns.map { ([$0.input] + $0.output).joined(separator: "\n") }
          .joined(separator: "\n")
      ))
    let files = FileManager.default.enumerator(atPath: sandbox.home.root)?.allObjects as? [String]
    for file in files ?? [] {
      let path = sandbox.home.root + "/" + file
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder),
        !isFolder.boolValue
      else { continue }
      let data = try Data(contentsOf: URL(fileURLWithPath: path))
      texts.append((file, String(decoding: data, as: UTF8.self)))
    }
    #expect(texts.count > 4, "the session wrote files: \(texts.map(\.0))")
    #expect(client.sent.withLock { $0.count } >= 4, "the LLM was asked")
    #expect(screen.contains { $0.contains("web1") }, "the plain requests ran")
    for (line, secret) in Self.phrasings {
      for (name, text) in texts {
        #expect(!text.contains(secret), "\(secret) (from \"\(line)\") reached \(name)")
      }
    }
  }

  @Test(arguments: [
    "ghp_abcdefghijklmnopqrstuvwxyz0123", "***", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abcdef",
  ])
  func aSecretIsNeverAName(_ name: String) throws {
    let sandbox = try ShellSandbox(version: "test")
    defer { sandbox.close() }
    let said = sandbox.reply(to: "create a vm called \(name)")
    #expect(!said.contains("Proceed"), "\(name) became a name: \(said)")
    #expect(sandbox.session.dialogue.pending == nil || !said.contains("Proceed"))
  }
}
