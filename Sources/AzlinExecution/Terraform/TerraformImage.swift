/// A marketplace image as azurerm's `source_image_reference` names it.
///
/// `az vm create --image` takes one of az's aliases (`Ubuntu2204`) or a URN
/// (`publisher:offer:sku:version`); both are written out in full for Terraform.
struct TerraformImage: Equatable {
  var publisher: String
  var offer: String
  var sku: String
  var version: String

  /// az's Linux image aliases, as the simulator knows them.
  static let aliases: [String: TerraformImage] = [
    "centos85gen2": .init(publisher: "OpenLogic", offer: "CentOS", sku: "8_5-gen2"),
    "debian11": .init(publisher: "Debian", offer: "debian-11", sku: "11-backports-gen2"),
    "debian12": .init(publisher: "Debian", offer: "debian-12", sku: "12-gen2"),
    "flatcarlinuxfreegen2": .init(
      publisher: "kinvolk", offer: "flatcar-container-linux-free", sku: "stable-gen2"),
    "opensuseleap154gen2": .init(publisher: "SUSE", offer: "openSUSE-leap-15-4", sku: "gen2"),
    "rhelraw8lvmgen2": .init(publisher: "RedHat", offer: "RHEL", sku: "8-lvm-gen2"),
    "susesles15sp5": .init(publisher: "SUSE", offer: "sles-15-sp5", sku: "gen2"),
    "ubuntu2204": .init(
      publisher: "Canonical", offer: "0001-com-ubuntu-server-jammy", sku: "22_04-lts-gen2"),
    "ubuntu2404": .init(publisher: "Canonical", offer: "ubuntu-24_04-lts", sku: "server"),
  ]

  init(publisher: String, offer: String, sku: String, version: String = "latest") {
    self.publisher = publisher
    self.offer = offer
    self.sku = sku
    self.version = version
  }

  /// The image an `--image` value names: a Linux alias (any case) or a four-part URN.
  /// - Parameter text: The value of `--image`.
  /// - Returns: `nil` for anything else: a Windows alias, a custom image, a VHD.
  static func resolve(_ text: String) -> TerraformImage? {
    if let image = aliases[text.lowercased()] { return image }
    let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    guard parts.count == 4, parts.allSatisfy({ !$0.isEmpty }) else { return nil }
    return TerraformImage(publisher: parts[0], offer: parts[1], sku: parts[2], version: parts[3])
  }
}
