import MCP

extension AzureToolCatalog {
  /// Tools that reach inside a VM. Running a command can change anything in the machine and
  /// cannot be undone, so the tool says it may destroy (and the shell's step asks on its own).
  static let guestTools: [AzureTool] = [
    AzureTool(
      "azmcp_compute_vm_run_command_invoke",
      "Run a shell command line inside a Linux VM through its agent (az vm run-command invoke).",
      words: ["vm", "run-command", "invoke"],
      properties: [
        AzureToolProperty(
          "resource-group", required: true, description: "Name of the resource group."),
        AzureToolProperty("name", required: true, description: "The name of the virtual machine."),
        AzureToolProperty(
          "command-id", required: true, description: "The command id: RunShellScript on Linux."),
        AzureToolProperty(
          "scripts", required: true, description: "The command line to run, as one string."),
      ], destructive: true)
  ]
}
