import AzlinAzure
import AzlinCore
import AzlinTestSupport
import Foundation
import Testing

@testable import AzlinExecution

@Suite("Terraform: security rules and shutdown schedules")
struct TerraformDevVMTests {
  static func step(_ number: Int, _ operation: AzureOperation) -> ExecutableStep {
    ExecutableStep(
      number: number, summary: operation.verb, operation: operation, dependsOn: [], change: nil)
  }

  /// A VM the plan creates, a rule and a schedule on it, and a schedule for a VM that exists.
  static let plan: [ExecutableStep] = [
    step(1, .groupCreate(name: "rg1", location: "eastus")),
    step(
      2,
      .vmCreate(
        name: "sam", group: "rg1", location: "eastus", size: "Standard_B2s", image: "Ubuntu2204")),
    step(
      3,
      .securityRuleCreate(
        rule: "open-port-8080", securityGroup: "samNSG", group: "rg1", priority: 900, ports: "8080",
        sources: ["10.0.0.0/8", "192.168.0.0/16"])),
    step(4, .vmAutoShutdown(name: "sam", group: "rg1", utc: "1900")),
    step(5, .vmAutoShutdown(name: "old", group: "rg1", utc: "2030")),
  ]

  @Test("a rule on a VM the plan creates refers to its security group; schedules to their VM")
  func written() throws {
    let text = try TerraformConfiguration(Self.plan).text
    #expect(text.contains(#"resource "azurerm_network_security_rule" "open_port_8080""#))
    #expect(text.contains("network_security_group_name = azurerm_network_security_group.sam.name"))
    #expect(text.contains(#"source_address_prefixes     = ["10.0.0.0/8", "192.168.0.0/16"]"#))
    #expect(text.contains(#"destination_port_range      = "8080""#))
    #expect(text.contains(#"resource "azurerm_dev_test_global_vm_shutdown_schedule" "sam""#))
    #expect(text.contains("virtual_machine_id    = azurerm_linux_virtual_machine.sam.id"))
    #expect(text.contains(#"data "azurerm_virtual_machine" "old""#))
    #expect(text.contains("virtual_machine_id    = data.azurerm_virtual_machine.old.id"))
    #expect(text.contains(#"daily_recurrence_time = "2030""#))
  }

  @Test("turning auto-shutdown off is not a create: Terraform leaves the plan to the Azure CLI")
  func offIsRefused() {
    #expect(throws: TerraformUnsupported.self) {
      _ = try TerraformResource(Self.step(1, .vmAutoShutdown(name: "sam", group: "rg1", utc: nil)))
    }
  }

  @Test(.enabled(if: TerraformTests.python != nil, "set AZLIN_TEST_PYTHON to a python with hcl2"))
  func parsesAsHCL() throws {
    let json = try TerraformTests.parsedHCL(TerraformConfiguration(Self.plan).text)
    let rule = try #require(json.value(at: "resource.azurerm_network_security_rule.open_port_8080"))
    #expect(rule["priority"] == 900)
    #expect(rule["network_security_group_name"] == "${azurerm_network_security_group.sam.name}")
    #expect(rule["source_address_prefixes"] == ["10.0.0.0/8", "192.168.0.0/16"])
    let schedule = try #require(
      json.value(at: "resource.azurerm_dev_test_global_vm_shutdown_schedule.old"))
    #expect(schedule["virtual_machine_id"] == "${data.azurerm_virtual_machine.old.id}")
    #expect(schedule["timezone"] == "UTC")
    #expect(schedule["daily_recurrence_time"] == "2030")
  }
}
