import AzlinCore
import AzlinTestSupport
import Foundation
import Testing

/// The Python `mcp` client against both simulator servers, over stdio, as a real client talks
/// to them: `Tests/MCP/check_server.py` lists the tools, creates a group and a VM through them
/// and checks that `azlin sim` shows the VM.
///
/// Runs when `AZLIN_TEST_PYTHON` names a python with the `mcp` package and the azlin
/// executable is found (see `TestPrograms`); skipped otherwise.
@Suite("Python MCP client", .enabled(if: TestPrograms.haveBoth))
struct PythonClientTests {
  @Test(
    "the client's checks pass against azlin mcp-server and against the Python server",
    arguments: [["--swift"], []])
  func checks(options: [String]) throws {
    let python = try #require(TestPrograms.python)
    let azlin = try #require(TestPrograms.azlin)
    let output = try SystemProcessRunner().run(
      ExternalCommand(
        executable: python,
        arguments: [TestPrograms.repositoryFile("Tests/MCP/check_server.py")] + options,
        environment: ["AZLIN_BIN": azlin], timeout: 180))
    #expect(output.exitCode == 0, "\(output.stdout)\(output.stderr)")
    #expect(output.stdout.hasSuffix(" passed, 0 failed\n"), "\(output.stdout)")
  }
}
