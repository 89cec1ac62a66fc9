import Foundation

extension AzCommand {
  /// `az vm run-command invoke --resource-group GROUP --name NAME --command-id RunShellScript
  /// --scripts SCRIPT`: runs one shell command line inside a Linux VM through its agent.
  ///
  /// The script is one argument of the argv, never spliced into a shell string on this side.
  public static func vmRunCommand(name: String, group: String, script: String) -> AzCommand {
    AzCommand([
      "vm", "run-command", "invoke", "--resource-group", group, "--name", name, "--command-id",
      "RunShellScript", "--scripts", script,
    ])
  }
}
