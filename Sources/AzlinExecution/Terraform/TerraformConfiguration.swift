/// An azurerm Terraform configuration (`main.tf`) that creates what a plan's steps create.
///
/// Each create azlin generates has its azurerm counterpart: a group becomes an
/// `azurerm_resource_group`; a VM an `azurerm_linux_virtual_machine` with the network az
/// would make for it (virtual network, subnet, public IP, security group, NIC); a storage
/// account an `azurerm_storage_account`; a disk an `azurerm_managed_disk`; an attach an
/// `azurerm_virtual_machine_data_disk_attachment` at the VM's next LUN. Everything that can
/// carry tags carries `managed-by = "azlin"`, as az's resources do.
///
/// The text depends on the steps alone, so the same plan always gives the same file.
public struct TerraformConfiguration: Equatable, Sendable {
  /// The configuration, HCL ready to be written as `main.tf`.
  public let text: String

  /// Writes the configuration for `steps`, taken in step-number order.
  /// - Parameter steps: Create steps: `group create`, `vm create`, `storage account create`,
  ///   `disk create` and `vm disk attach`.
  /// - Throws: `TerraformUnsupported` naming the first step that cannot be expressed:
  ///   another verb, a flag azurerm has no equivalent for, an unknown image, a repeated
  ///   create, or a disk attached to a VM the plan does not create.
  public init(_ steps: [ExecutableStep]) throws {
    let read = try steps.sorted { $0.number < $1.number }.map {
      (number: $0.number, resource: try TerraformResource($0))
    }
    var writer = TerraformWriter()
    text = try writer.write(read)
  }

  /// The Terraform label an Azure name gets before it is made unique: lowercase, with
  /// characters other than `a-z`, `0-9` and `_` as `_`, and `r_` before a leading digit.
  /// - Parameter name: An Azure resource name.
  public static func label(for name: String) -> String { TerraformLabels.sanitize(name) }

  /// `text` as an HCL string literal, with `"`, `\`, control characters, `${` and `%{`
  /// escaped, so it stands for exactly `text`.
  /// - Parameter text: Any string.
  public static func quoted(_ text: String) -> String { HCLBlock.quoted(text) }
}
