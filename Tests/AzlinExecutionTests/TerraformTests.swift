import AzlinAzure
import AzlinCore
import AzlinTestSupport
import Foundation
import Testing

@testable import AzlinExecution

/// The Terraform plan strategy: the configuration it writes, the commands it runs, and how it
/// reads Terraform's errors.
@Suite("Terraform") struct TerraformTests {
  /// A process runner that expects exact commands in order, advancing the clock for each;
  /// any other command fails the test.
  final class ScriptedRunner: ProcessRunner, @unchecked Sendable {
    struct Expected {
      var argv: [String]
      var seconds: TimeInterval
      var result: Result<ProcessOutput, ProcessRunnerError>
    }

    /// Thrown to the strategy for a command the script did not expect.
    struct Unexpected: Error {}

    private let lock = NSLock()
    private var script: [Expected]
    private(set) var ran: [ExternalCommand] = []
    let clock: ManualClock

    init(clock: ManualClock, _ script: [Expected]) {
      self.clock = clock
      self.script = script
    }

    func run(_ command: ExternalCommand) throws -> ProcessOutput {
      lock.lock()
      defer { lock.unlock() }
      guard !script.isEmpty else {
        Issue.record("unexpected command: \(command.argv)")
        throw Unexpected()
      }
      let next = script.removeFirst()
      guard next.argv == command.argv else {
        Issue.record("expected \(next.argv), ran \(command.argv)")
        throw Unexpected()
      }
      ran.append(command)
      clock.advance(by: next.seconds)
      return try next.result.get()
    }

    /// Commands the script still expects.
    var remaining: [[String]] {
      lock.lock()
      defer { lock.unlock() }
      return script.map(\.argv)
    }
  }

  /// A home folder, a `PATH` folder holding an executable `terraform`, and a manual clock.
  struct Rig {
    let home = TemporaryFolder()
    let bin = TemporaryFolder()
    let clock = ManualClock()

    init(binaries: [String] = ["terraform"]) {
      for binary in binaries { Self.makeExecutable(bin.file(binary)) }
    }

    static func makeExecutable(_ path: String) {
      let made = FileManager.default.createFile(
        atPath: path, contents: Data("#!/bin/sh\nexit 0\n".utf8),
        attributes: [.posixPermissions: 0o755])
      #expect(made, "cannot make \(path)")
    }

    var folder: String { home.path + "/terraform/o1" }
    var terraform: String { bin.file("terraform") }

    func strategy(_ runner: ScriptedRunner, minimumSteps: Int = 3) -> TerraformStrategy {
      TerraformStrategy(
        context: .deterministic(
          home: AzlinHome(root: home.path), clock: clock, runner: runner,
          environment: ["PATH": "/nonexistent:" + bin.path]),
        minimumSteps: minimumSteps)
    }

    func runner(_ script: [ScriptedRunner.Expected]) -> ScriptedRunner {
      ScriptedRunner(clock: clock, script)
    }

    func argv(_ words: String...) -> [String] { [terraform, "-chdir=" + folder] + words }

    /// `terraform init`, as the strategy runs it.
    var initArgv: [String] { argv("init", "-input=false", "-no-color") }
    /// `terraform plan`, as the strategy runs it.
    var planArgv: [String] { argv("plan", "-input=false", "-no-color", "-out=azlin.tfplan") }
    /// `terraform apply` of the saved plan, as the strategy runs it.
    var applyArgv: [String] { argv("apply", "-input=false", "-no-color", "azlin.tfplan") }

    /// Init, plan and apply, each succeeding after the seconds given.
    func succeedingApply(
      init initSeconds: TimeInterval, plan planSeconds: TimeInterval,
      apply applySeconds: TimeInterval
    ) -> [ScriptedRunner.Expected] {
      [
        .init(argv: initArgv, seconds: initSeconds, result: Self.ok()),
        .init(argv: planArgv, seconds: planSeconds, result: Self.ok()),
        .init(argv: applyArgv, seconds: applySeconds, result: Self.ok()),
      ]
    }

    static func ok() -> Result<ProcessOutput, ProcessRunnerError> {
      .success(ProcessOutput(exitCode: 0, stdout: "", stderr: ""))
    }
  }

  static func step(_ number: Int, _ operation: AzureOperation, dependsOn: [Int] = [])
    -> ExecutableStep
  {
    ExecutableStep(
      number: number, summary: operation.verb, operation: operation, dependsOn: dependsOn,
      change: nil)
  }

  /// A group, two VMs, a storage account, a disk and its attachment to the second VM.
  static let plan: [ExecutableStep] = [
    step(1, .groupCreate(name: "rg1", location: "eastus")),
    step(
      2,
      .vmCreate(
        name: "web-1", group: "rg1", location: "eastus", size: "Standard_B2s", image: "Ubuntu2204"),
      dependsOn: [1]),
    step(
      3,
      .vmCreate(
        name: "db", group: "rg1", location: "eastus", size: "Standard_D2s_v3", image: "Debian12"),
      dependsOn: [1]),
    step(
      4,
      .storageCreate(name: "azlinstore01", group: "rg1", location: "eastus", sku: "Standard_LRS"),
      dependsOn: [1]),
    step(
      5,
      .diskCreate(name: "data1", group: "rg1", location: "eastus", sizeGB: 64, sku: "Premium_LRS"),
      dependsOn: [1]),
    step(6, .diskAttach(disk: "data1", vm: "db", group: "rg1"), dependsOn: [3, 5]),
  ]

  // MARK: Commands

  @Test func applyWritesTheConfigurationAndRunsInitPlanApply() throws {
    let rig = Rig()
    let runner = rig.runner(rig.succeedingApply(init: 4, plan: 2.5, apply: 95))
    let strategy = rig.strategy(runner)
    let application = strategy.apply(Self.plan, objectiveID: "o1")

    #expect(application.error == nil)
    #expect(runner.remaining.isEmpty)
    #expect(application.commands.map(\.argv) == runner.ran.map(\.argv))
    #expect(application.commands.map(\.exitCode) == [0, 0, 0])
    #expect(application.commands.map(\.durationMs) == [4000, 2500, 95000])
    #expect(runner.ran.map(\.timeout) == [300, 600, 3600])
    let written = try String(contentsOfFile: rig.folder + "/main.tf", encoding: .utf8)
    #expect(written == (try TerraformConfiguration(Self.plan)).text)
    #expect(try Self.mode(rig.folder) == 0o700)
    #expect(try Self.mode(rig.folder + "/main.tf") == 0o600)
  }

  @Test func aFailedPlanStopsBeforeApply() {
    let rig = Rig()
    let stderr = """

      Error: creating Linux Virtual Machine (Subscription: "0000"
      Resource Group Name: "rg1"
      Virtual Machine Name: "db"): performing CreateOrUpdate: unexpected status 409 (409 Conflict) with error: SkuNotAvailable: The requested VM size is not available.

        with azurerm_linux_virtual_machine.db,
        on main.tf line 120, in resource "azurerm_linux_virtual_machine" "db":

      """
    let runner = rig.runner([
      .init(argv: rig.initArgv, seconds: 1, result: Rig.ok()),
      .init(
        argv: rig.planArgv, seconds: 3,
        result: .success(ProcessOutput(exitCode: 1, stdout: "", stderr: stderr))),
    ])
    let application = rig.strategy(runner).apply(Self.plan, objectiveID: "o1")

    #expect(application.commands.map(\.exitCode) == [0, 1])
    #expect(application.error?.code == "SkuNotAvailable")
    #expect(application.error?.exitCode == 1)
    #expect(
      application.error?.message
        == "creating Linux Virtual Machine (Subscription: \"0000\" Resource Group Name: \"rg1\" "
        + "Virtual Machine Name: \"db\"): performing CreateOrUpdate: unexpected status 409 "
        + "(409 Conflict) with error: SkuNotAvailable: The requested VM size is not available.")
  }

  @Test func aMissingBinaryIsTerraformUnavailable() {
    let rig = Rig()
    let runner = rig.runner([
      .init(
        argv: rig.initArgv, seconds: 0, result: .failure(.notFound(rig.terraform)))
    ])
    let application = rig.strategy(runner).apply(Self.plan, objectiveID: "o1")
    #expect(application.error?.code == "TerraformUnavailable")
    #expect(application.commands.count == 1)
  }

  @Test func destroyRunsFromTheObjectiveFolder() {
    let rig = Rig()
    let destroy = rig.argv("destroy", "-auto-approve", "-input=false", "-no-color")
    let runner = rig.runner(
      rig.succeedingApply(init: 1, plan: 1, apply: 1) + [
        .init(argv: destroy, seconds: 60, result: Rig.ok())
      ])
    let strategy = rig.strategy(runner)
    let command = strategy.destroyCommand(objectiveID: "o1")
    #expect(command.argv == destroy)
    #expect(command.timeout == 3600)

    #expect(strategy.apply(Self.plan, objectiveID: "o1").error == nil)
    let application = strategy.destroy(objectiveID: "o1")
    #expect(application.error == nil)
    #expect(application.commands == [.init(argv: destroy, exitCode: 0, durationMs: 60_000)])
    #expect(runner.remaining.isEmpty)
  }

  @Test func destroyWithoutAConfigurationRunsNothing() {
    let rig = Rig()
    let application = rig.strategy(rig.runner([])).destroy(objectiveID: "never-applied")
    #expect(application.commands.isEmpty)
    #expect(application.error?.code == "TerraformFailed")
  }

  @Test(arguments: ["", ".", "..", "../escape", "a/b"])
  func anObjectiveThatCannotNameAFolderRunsNothing(_ id: String) {
    let rig = Rig()
    let application = rig.strategy(rig.runner([])).apply(Self.plan, objectiveID: id)
    #expect(application.commands.isEmpty)
    #expect(application.error?.code == "TerraformFailed")
  }

  // MARK: Availability and acceptance

  @Test func withNeitherBinaryTheStrategyIsUnavailable() {
    let rig = Rig(binaries: [])
    // A folder named terraform, and a terraform file that cannot be run, do not count.
    try? FileManager.default.createDirectory(
      atPath: rig.bin.file("terraform"), withIntermediateDirectories: true)
    let strategy = rig.strategy(rig.runner([]))
    #expect(strategy.availability() == .unavailable("neither terraform nor tofu is on PATH"))
    #expect(strategy.binaryPath == nil)
    #expect(!strategy.accepts(Self.plan))
  }

  @Test func onlyTofuMakesItOpenTofu() {
    let rig = Rig(binaries: ["tofu"])
    let strategy = rig.strategy(rig.runner([]))
    #expect(strategy.name == "opentofu")
    #expect(strategy.availability() == .available(rig.bin.file("tofu")))
    #expect(strategy.destroyCommand(objectiveID: "o1").executable == rig.bin.file("tofu"))
  }

  @Test func terraformIsPreferredToTofu() {
    let rig = Rig(binaries: ["tofu", "terraform"])
    let strategy = rig.strategy(rig.runner([]))
    #expect(strategy.name == "terraform")
    #expect(strategy.availability() == .available(rig.terraform))
  }

  @Test func acceptsALargeEnoughPlanOfCreates() {
    let rig = Rig()
    #expect(rig.strategy(rig.runner([])).accepts(Self.plan))
    #expect(rig.strategy(rig.runner([]), minimumSteps: 6).accepts(Self.plan))
    #expect(!rig.strategy(rig.runner([]), minimumSteps: 7).accepts(Self.plan))
  }

  static let refusedPlans: [(String, [ExecutableStep])] = [
    ("too few steps", Array(plan.prefix(2))),
    (
      "a resize",
      plan + [step(7, .vmResize(name: "db", group: "rg1", size: "Standard_D4s_v3"))]
    ),
    (
      "an unknown image",
      plan + [
        step(
          7,
          .vmCreate(
            name: "win", group: "rg1", location: "eastus", size: "Standard_B2s",
            image: "Win2022Datacenter"))
      ]
    ),
    ("a delete", plan + [step(7, .diskDelete(name: "old", group: "rg1"))]),
    (
      "an attach to a VM the plan does not create",
      plan + [step(7, .diskAttach(disk: "data1", vm: "old-vm", group: "rg1"))]
    ),
    ("a repeated create", plan + [step(7, .groupCreate(name: "RG1", location: "eastus"))]),
  ]

  @Test(arguments: refusedPlans)
  func refuses(_ why: String, _ steps: [ExecutableStep]) {
    let rig = Rig()
    #expect(!rig.strategy(rig.runner([])).accepts(steps), "should refuse \(why)")
  }

  @Test func anUnwritablePlanFailsWithoutRunningAnything() {
    let rig = Rig()
    let steps = Self.plan + [Self.step(7, .vmResize(name: "db", group: "rg1", size: "x"))]
    let application = rig.strategy(rig.runner([])).apply(steps, objectiveID: "o1")
    #expect(application.commands.isEmpty)
    #expect(application.error?.code == "TerraformUnsupported")
    #expect(application.error?.message.hasPrefix("step 7:") == true)
  }

  // MARK: Errors

  static let errorCases: [(String, String, String)] = [
    (
      "Error: creating Virtual Machine: unexpected status 409 (409 Conflict) with error: "
        + "SkuNotAvailable: The requested VM size for resource is not available",
      "SkuNotAvailable",
      "creating Virtual Machine: unexpected status 409 (409 Conflict) with error: "
        + "SkuNotAvailable: The requested VM size for resource is not available"
    ),
    (
      "╷\n│ Error: creating Resource Group \"rg\": autorest/azure: Service returned an error. "
        + "Status=403 Code=\"AuthorizationFailed\" Message=\"no access\"\n│\n╵",
      "AuthorizationFailed",
      "creating Resource Group \"rg\": autorest/azure: Service returned an error. "
        + "Status=403 Code=\"AuthorizationFailed\" Message=\"no access\""
    ),
    (
      "Error: creating Managed Disk: unexpected status 400 (400 Bad Request) with response: "
        + "{\"error\": {\"code\": \"InvalidTemplateDeployment\", \"details\": "
        + "[{\"code\": \"QuotaExceeded\", \"message\": \"quota\"}]}}",
      "QuotaExceeded",
      "creating Managed Disk: unexpected status 400 (400 Bad Request) with response: "
        + "{\"error\": {\"code\": \"InvalidTemplateDeployment\", \"details\": "
        + "[{\"code\": \"QuotaExceeded\", \"message\": \"quota\"}]}}"
    ),
    (
      "Error: waiting for creation: polling failed: the Azure API returned the following error:\n\n"
        + "Status: \"Failed\"\nCode: \"AllocationFailed\"\nMessage: \"no capacity\"",
      "AllocationFailed",
      "waiting for creation: polling failed: the Azure API returned the following error: "
        + "Status: \"Failed\" Code: \"AllocationFailed\" Message: \"no capacity\""
    ),
    (
      "\nError: Failed to query available provider packages\n\nCould not retrieve the list.",
      "TerraformFailed",
      "Failed to query available provider packages"
    ),
    (
      "Error: reading VM: request failed with error: context deadline exceeded",
      "TerraformFailed", "reading VM: request failed with error: context deadline exceeded"
    ),
    ("Error: \nsomething odd happened", "TerraformFailed", "something odd happened"),
    ("", "TerraformFailed", "terraform exited with status 1"),
  ]

  @Test(arguments: errorCases)
  func readsTheAzureErrorCode(_ stderr: String, _ code: String, _ message: String) {
    let error = TerraformDiagnostics.azError(stderr: stderr, exitCode: 1)
    #expect(error.code == code)
    #expect(error.message == message)
  }

  // MARK: Configuration

  @Test(arguments: [
    ("rg1", "rg1"), ("Web-1", "web_1"), ("my.vm(2)", "my_vm_2_"), ("1st", "r_1st"),
    ("snake_case", "snake_case"), ("Ünïcode", "_n_code"),
  ])
  func labelsAreSanitised(_ name: String, _ label: String) {
    #expect(TerraformConfiguration.label(for: name) == label)
  }

  @Test(arguments: [
    ("plain", #""plain""#),
    (#"say "hi""#, #""say \"hi\"""#),
    (#"back\slash"#, #""back\\slash""#),
    ("${var.x}", #""$${var.x}""#),
    ("%{ if x }", #""%%{ if x }""#),
    ("$$${x}", #""$$$${x}""#),
    ("cost $5 {ok} 100%", #""cost $5 {ok} 100%""#),
    ("line\nbreak\ttab", #""line\nbreak\ttab""#),
  ])
  func stringsAreQuotedSafely(_ text: String, _ quoted: String) {
    #expect(TerraformConfiguration.quoted(text) == quoted)
  }

  @Test func namesThatSanitiseAlikeGetUniqueLabels() throws {
    let text = try TerraformConfiguration([
      Self.step(1, .groupCreate(name: "rg", location: "eastus")),
      Self.step(
        2, .vmCreate(name: "web-1", group: "rg", location: "eastus", size: "S", image: "Ubuntu2204")
      ),
      Self.step(
        3, .vmCreate(name: "web_1", group: "rg", location: "eastus", size: "S", image: "Ubuntu2204")
      ),
    ]).text
    #expect(text.contains(#"resource "azurerm_linux_virtual_machine" "web_1" {"#))
    #expect(text.contains(#"resource "azurerm_linux_virtual_machine" "web_1_2" {"#))
    #expect(text.contains(#"name                = "web_1VMNic""#))
  }

  @Test func theSameStepsGiveTheSameText() throws {
    let first = try TerraformConfiguration(Self.plan)
    let second = try TerraformConfiguration(Self.plan)
    let shuffled = try TerraformConfiguration(Self.plan.reversed())
    #expect(first == second)
    #expect(first == shuffled)
  }

  @Test func aGroupIsWrittenExactly() throws {
    let text = try TerraformConfiguration([
      Self.step(1, .groupCreate(name: "rg", location: "westeurope"))
    ]).text
    #expect(
      text == """
        # Written by azlin from the az commands of a plan; azlin rewrites it on every apply.

        terraform {
          required_providers {
            azurerm = {
              source  = "hashicorp/azurerm"
              version = "~> 4.0"
            }
          }
        }

        provider "azurerm" {
          features {}
        }

        resource "azurerm_resource_group" "rg" {
          name     = "rg"
          location = "westeurope"

          tags = {
            managed-by = "azlin"
          }
        }

        """)
  }

  @Test func anExistingGroupIsNamedLiterally() throws {
    let text = try TerraformConfiguration([
      Self.step(
        1,
        .diskCreate(name: "d", group: "old-rg", location: "eastus", sizeGB: 8, sku: "Standard_LRS")),
      Self.step(2, .groupCreate(name: "new", location: "eastus")),
      Self.step(
        3, .diskCreate(name: "e", group: "new", location: "westus", sizeGB: 8, sku: "Standard_LRS")),
    ]).text
    #expect(text.contains(#"resource_group_name  = "old-rg""#))
    #expect(text.contains(#"location             = "eastus""#))
    #expect(text.contains("resource_group_name  = azurerm_resource_group.new.name"))
    // Another region than the group's stays literal.
    #expect(text.contains(#"location             = "westus""#))
  }

  @Test func attachmentsTakeTheNextLUNOfTheirVM() throws {
    var steps = Array(Self.plan.prefix(3))
    for (n, disk) in ["a", "b", "c"].enumerated() {
      steps.append(
        Self.step(
          4 + n * 2,
          .diskCreate(name: disk, group: "rg1", location: "eastus", sizeGB: 8, sku: "Premium_LRS")))
      steps.append(
        Self.step(5 + n * 2, .diskAttach(disk: disk, vm: n == 1 ? "web-1" : "db", group: "rg1")))
    }
    let text = try TerraformConfiguration(steps).text
    let luns = text.split(separator: "\n").filter { $0.contains("lun ") }.map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    #expect(luns == ["lun                = 0", "lun                = 0", "lun                = 1"])
    #expect(text.contains(#""azurerm_virtual_machine_data_disk_attachment" "web_1_b""#))
  }

  // MARK: HCL parse

  static let python = ProcessInfo.processInfo.environment["AZLIN_TEST_PYTHON"]

  /// `text` parsed by python-hcl2 (`Tests/Terraform/hcl_to_json.py`), as JSON.
  /// - Throws: when the configuration cannot be written or python-hcl2 rejects it.
  static func parsedHCL(_ text: String) throws -> JSONValue {
    let folder = TemporaryFolder()
    try text.write(toFile: folder.file("main.tf"), atomically: true, encoding: .utf8)
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Terraform/hcl_to_json.py").path
    let output = try SystemProcessRunner().run(
      ExternalCommand(
        executable: try #require(python), arguments: [script, folder.file("main.tf")],
        timeout: 60))
    try #require(output.exitCode == 0, "hcl_to_json failed: \(output.stderr)")
    return try JSONValue.parse(output.stdout)
  }

  /// Parses the generated configuration with python-hcl2, so it is real HCL with the
  /// resources, references and values intended.
  @Test(.enabled(if: python != nil, "set AZLIN_TEST_PYTHON to a python with hcl2"))
  func theConfigurationParsesAsHCL() throws {
    let note = #"a "quoted" \ back ${not.interpolated} %{nor.directive}"#
    // A string the renderer must quote and escape, so HCL reads it back as written.
    let quoting = HCLBlock(
      "resource", "azurerm_resource_group", "quoting", entries: [.attribute("name", .string(note))])
    let quoted = try Self.parsedHCL(quoting.render().joined(separator: "\n") + "\n")
    #expect(
      quoted.value(at: "resource.azurerm_resource_group.quoting")?["name"]?.stringValue == note)
    let json = try Self.parsedHCL(TerraformConfiguration(Self.plan).text)

    let resources = try #require(json["resource"]?.objectMembers)
    #expect(
      Dictionary(uniqueKeysWithValues: resources.map { ($0.0, $0.1.objectMembers?.map(\.0) ?? []) })
        == [
          "azurerm_resource_group": ["rg1"],
          "azurerm_virtual_network": ["db", "web_1"],
          "azurerm_subnet": ["db", "web_1"],
          "azurerm_public_ip": ["db", "web_1"],
          "azurerm_network_security_group": ["db", "web_1"],
          "azurerm_network_interface": ["db", "web_1"],
          "azurerm_network_interface_security_group_association": ["db", "web_1"],
          "azurerm_linux_virtual_machine": ["db", "web_1"],
          "azurerm_storage_account": ["azlinstore01"],
          "azurerm_managed_disk": ["data1"],
          "azurerm_virtual_machine_data_disk_attachment": ["db_data1"],
        ])
    #expect(
      json.value(at: "terraform")?.arrayValue?.first?["required_providers"]?.arrayValue?.first?[
        "azurerm"]?["source"] == "hashicorp/azurerm")
    #expect(json.value(at: "provider.azurerm.features") != nil)

    let group = try #require(json.value(at: "resource.azurerm_resource_group.rg1"))
    #expect(group["location"] == "eastus")
    #expect(group["tags"]?["managed-by"] == "azlin")

    let web = try #require(json.value(at: "resource.azurerm_linux_virtual_machine.web_1"))
    #expect(web["name"] == "web-1")
    #expect(web["size"] == "Standard_B2s")
    #expect(web["location"] == "${azurerm_resource_group.rg1.location}")
    #expect(web["resource_group_name"] == "${azurerm_resource_group.rg1.name}")
    #expect(web["admin_username"] == "azureuser")
    #expect(web["tags"]?["managed-by"] == "azlin")
    let image = try #require(web["source_image_reference"]?.arrayValue?.first)
    #expect(image["publisher"] == "Canonical")
    #expect(image["offer"] == "0001-com-ubuntu-server-jammy")
    #expect(image["sku"] == "22_04-lts-gen2")
    #expect(image["version"] == "latest")
    #expect(web["os_disk"]?.arrayValue?.first?["storage_account_type"] == "Premium_LRS")
    #expect(web["admin_ssh_key"]?.arrayValue?.first?["username"] == "azureuser")

    let db = try #require(json.value(at: "resource.azurerm_linux_virtual_machine.db"))
    #expect(db["size"] == "Standard_D2s_v3")
    #expect(db["source_image_reference"]?.arrayValue?.first?["offer"] == "debian-12")

    let disk = try #require(json.value(at: "resource.azurerm_managed_disk.data1"))
    #expect(disk["disk_size_gb"]?.intValue == 64)
    #expect(disk["storage_account_type"] == "Premium_LRS")
    #expect(disk["create_option"] == "Empty")

    let storage = try #require(json.value(at: "resource.azurerm_storage_account.azlinstore01"))
    #expect(storage["account_tier"] == "Standard")
    #expect(storage["account_replication_type"] == "LRS")
    #expect(storage["account_kind"] == "StorageV2")

    let attachment = try #require(
      json.value(at: "resource.azurerm_virtual_machine_data_disk_attachment.db_data1"))
    #expect(attachment["lun"]?.intValue == 0)
    #expect(attachment["managed_disk_id"] == "${azurerm_managed_disk.data1.id}")
    #expect(attachment["virtual_machine_id"] == "${azurerm_linux_virtual_machine.db.id}")

    let subnet = try #require(json.value(at: "resource.azurerm_subnet.web_1"))
    #expect(subnet["address_prefixes"] == ["10.0.0.0/24"])
    #expect(subnet["virtual_network_name"] == "${azurerm_virtual_network.web_1.name}")
  }

  static let terraform = SystemProcessRunner.locate("terraform")

  /// `terraform fmt -check` parses the configuration and finds nothing to change in it.
  @Test(.enabled(if: terraform != nil, "terraform is not on PATH"))
  func terraformFindsTheConfigurationCanonical() throws {
    let folder = TemporaryFolder()
    try TerraformConfiguration(Self.plan).text.write(
      toFile: folder.file("main.tf"), atomically: true, encoding: .utf8)
    let output = try SystemProcessRunner().run(
      ExternalCommand(
        executable: try #require(Self.terraform),
        arguments: ["-chdir=" + folder.path, "fmt", "-check", "-diff", "-no-color"], timeout: 60))
    #expect(output.exitCode == 0, "terraform fmt: \(output.stdout)\(output.stderr)")
  }

  static func mode(_ path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return ((attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1) & 0o777
  }
}
