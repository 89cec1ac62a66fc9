import AzlinAzure
import AzlinCore
import AzlinSimulator
import Foundation
import Testing

@Suite("Simulator: az's argument parser and output formats")
struct SimulatorArgumentTests {
  @Test(
    "arguments az's parser rejects: exact message, exit code 2",
    arguments: [
      ("frobnicate", "ERROR: 'frobnicate' is misspelled or not recognized by the system.\n"),
      (
        "vm frobnicate -g x", "ERROR: 'frobnicate' is misspelled or not recognized by the system.\n"
      ),
      ("group list --bogus", "ERROR: unrecognized arguments: --bogus\n"),
      ("group list --bogus 1 extra", "ERROR: unrecognized arguments: --bogus 1 extra\n"),
      ("group create -n demo", "ERROR: the following arguments are required: --location/-l\n"),
      (
        "vm create --image Ubuntu2204",
        "ERROR: the following arguments are required: --resource-group/-g, --name/-n\n"
      ),
      ("vm show -g demo", "ERROR: the following arguments are required: --name/-n\n"),
      (
        "group show --name",
        "ERROR: argument --name/--resource-group/-n/-g: expected one argument\n"
      ),
      (
        "group list -o xml",
        "ERROR: argument --output/-o: invalid choice: 'xml' (choose from 'json', 'jsonc', 'none', 'table', 'tsv', 'yaml', 'yamlc')\n"
      ),
      (
        "disk create -g demo -n d --size-gb big",
        "ERROR: argument --size-gb/-z: invalid int value: 'big'\n"
      ),
      ("vm list --ids", "ERROR: unrecognized arguments: --ids\n"),
      ("vm start --ids", "ERROR: argument --ids: expected at least one argument\n"),
      ("vm list -d=yes", "ERROR: argument --show-details/-d: ignored explicit argument 'yes'\n"),
      (
        "vm create -g demo -n x --image Ubuntu2204 --size",
        "ERROR: argument --size: expected one argument\n"
      ),
    ])
  func rejected(line: String, stderr: String) throws {
    let sim = try SimulatorHarness()
    let result = sim.run(line)
    #expect(result.exitCode == 2)
    #expect(result.stdout == "")
    #expect(result.stderr == stderr)
    #expect(result.durationMs == 0)
  }

  @Test("--ids stands in for -g/-n and cannot be combined with them")
  func ids() throws {
    let sim = try SimulatorHarness()
    sim.run("group create -n demo -l eastus")
    sim.run("vm create -g demo -n sam --image Ubuntu2204 --size Standard_B2s")
    let id =
      "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/demo/providers/Microsoft.Compute/virtualMachines/sam"
    #expect(sim.json("vm show --ids \(id)")["name"] == "sam")
    #expect(sim.run("vm show --ids \(id) -n sam").exitCode == 2)
    #expect(sim.run("vm show --ids not-an-id").exitCode == 2)
    let other = sim.run(
      "vm show --ids /subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/demo/providers/Microsoft.Compute/virtualMachines/sam"
    )
    #expect(other.error?.code == "SubscriptionNotFound")
  }

  @Test(
    "values may be attached with = or directly after a short option; names compare without case")
  func attachedValues() throws {
    let sim = try SimulatorHarness()
    #expect(sim.run("group create --name=demo --location=eastus").exitCode == 0)
    #expect(sim.json("group show -nDEMO")["name"] == "demo")
  }

  @Test("--help prints the command's arguments and exits 0; a group lists its commands")
  func help() throws {
    let sim = try SimulatorHarness()
    let command = sim.run("vm create --help")
    #expect(command.exitCode == 0)
    #expect(command.stdout.contains("az vm create : Create an Azure Virtual Machine."))
    #expect(command.stdout.contains("--resource-group -g [Required]"))
    let group = sim.run("vm")
    #expect(group.exitCode == 0)
    #expect(group.stdout.contains("Subgroups:\n    disk"))
    #expect(group.stdout.contains("list-usage"))
  }

  @Test("output formats: json, jsonc, tsv, table, none")
  func formats() throws {
    let sim = try SimulatorHarness()
    sim.run("group create -n demo -l eastus --tags a=1")
    let json = sim.run("group show -n demo -o json").stdout
    #expect(sim.run("group show -n demo -o jsonc").stdout == json)
    #expect(sim.run("group show -n demo --output none").stdout == "")
    #expect(
      sim.run("group show -n demo -o tsv").stdout
        == "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/demo\teastus\tNone\tdemo\t\t\tMicrosoft.Resources/resourceGroups\n"
    )
    #expect(sim.run("group exists -n demo -o tsv").stdout == "true\n")
    #expect(sim.run("group exists -n demo -o table").stdout == "Result\n--------\nTrue\n")
    #expect(sim.run("vm list -o table").stdout == "\n")
    let account = sim.run("account show -o table").stdout.split(separator: "\n")
    #expect(account.first?.hasPrefix("EnvironmentName") == true)
  }

  @Test("--only-show-errors hides warnings; --verbose and --debug add az's diagnostics")
  func logging() throws {
    let sim = try SimulatorHarness()
    sim.run("group create -n demo -l eastus")
    sim.run("vm create -g demo -n sam --image Ubuntu2204 --size Standard_B2s")
    #expect(sim.run("vm resize -g demo -n sam --size Standard_B2s --only-show-errors").stderr == "")
    let verbose = sim.run("group list --verbose")
    #expect(verbose.stderr == "INFO: Command ran in 0.500 seconds (init: 0.000, invoke: 0.500)\n")
    let debug = sim.run("group list --debug")
    #expect(
      debug.stderr.hasPrefix(
        "DEBUG: cli.knack.cli: Command arguments: ['group', 'list', '--debug']\n"))
    #expect(debug.exitCode == 0)
  }

  @Test("--subscription accepts the simulated subscription by id or name, and nothing else")
  func subscription() throws {
    let sim = try SimulatorHarness()
    #expect(sim.run("group list --subscription 00000000-0000-0000-0000-000000000000").exitCode == 0)
    #expect(sim.run("group list --subscription 'azlin simulator'").exitCode == 0)
    let other = sim.run("group list --subscription prod")
    #expect(other.exitCode == 1)
    #expect(
      other.stderr
        == "ERROR: Subscription 'prod' not found. Check the spelling and casing and try again.\n")
  }

  @Test("what the simulator does not model says so with exit code 2")
  func notModelled() throws {
    let sim = try SimulatorHarness()
    #expect(sim.run("account show --query id").exitCode == 2)
    #expect(sim.run("group list -o yaml").stderr.contains("not modelled by the azlin simulator"))
    sim.run("group create -n demo -l eastus")
    #expect(sim.run("vm create -g demo -n w --image Win2022Datacenter").exitCode == 2)
  }

  @Test("account show names the simulator's subscription")
  func account() throws {
    let sim = try SimulatorHarness()
    let account = sim.json("account show")
    #expect(account["id"] == "00000000-0000-0000-0000-000000000000")
    #expect(account["name"] == "azlin simulator")
    #expect(account["isDefault"] == true)
    #expect(account["state"] == "Enabled")
  }
}
