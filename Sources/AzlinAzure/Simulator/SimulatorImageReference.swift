import Foundation

/// A marketplace image as a VM's `storageProfile.imageReference` names it.
///
/// `az vm create --image` takes an alias (`Ubuntu2204`) or a URN
/// (`publisher:offer:sku:version`); the simulator knows az's Linux aliases.
struct SimulatorImageReference: Codable, Equatable {
  var publisher: String
  var offer: String
  var sku: String
  var version: String
  /// The version `latest` resolved to when the VM was made.
  var exactVersion: String

  /// az's Linux image aliases, in the order az lists them.
  static let linuxAliases: [(alias: String, image: SimulatorImageReference)] = [
    ("CentOS85Gen2", .init(publisher: "OpenLogic", offer: "CentOS", sku: "8_5-gen2")),
    ("Debian11", .init(publisher: "Debian", offer: "debian-11", sku: "11-backports-gen2")),
    ("Debian12", .init(publisher: "Debian", offer: "debian-12", sku: "12-gen2")),
    (
      "FlatcarLinuxFreeGen2",
      .init(publisher: "kinvolk", offer: "flatcar-container-linux-free", sku: "stable-gen2")
    ),
    ("OpenSuseLeap154Gen2", .init(publisher: "SUSE", offer: "openSUSE-leap-15-4", sku: "gen2")),
    ("RHELRaw8LVMGen2", .init(publisher: "RedHat", offer: "RHEL", sku: "8-lvm-gen2")),
    ("SuseSles15SP5", .init(publisher: "SUSE", offer: "sles-15-sp5", sku: "gen2")),
    (
      "Ubuntu2204",
      .init(publisher: "Canonical", offer: "0001-com-ubuntu-server-jammy", sku: "22_04-lts-gen2")
    ),
    ("Ubuntu2404", .init(publisher: "Canonical", offer: "ubuntu-24_04-lts", sku: "server")),
  ]

  /// az's Windows image aliases: known, but the simulator models Linux VMs only.
  static let windowsAliases = [
    "Win2022Datacenter", "Win2022AzureEditionCore", "Win2019Datacenter", "Win2016Datacenter",
    "Win2012R2Datacenter", "Win2012Datacenter",
  ]

  init(publisher: String, offer: String, sku: String, version: String = "latest") {
    self.publisher = publisher
    self.offer = offer
    self.sku = sku
    self.version = version
    self.exactVersion = version == "latest" ? "1.0.20250101" : version
  }

  /// The image an `--image` value names.
  /// - Parameter text: An alias (any case) or a `publisher:offer:sku:version` URN.
  /// - Throws: `SimulatorFailure` as az words it for an image it cannot find, or for a
  ///   Windows image, which the simulator does not model.
  static func resolve(_ text: String) throws -> SimulatorImageReference {
    if let match = linuxAliases.first(where: { $0.alias.lowercased() == text.lowercased() }) {
      return match.image
    }
    if windowsAliases.contains(where: { $0.lowercased() == text.lowercased() }) {
      throw SimulatorFailure.usage(
        "Windows images are not modelled by the azlin simulator; use a Linux image such as Ubuntu2204."
      )
    }
    let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    if parts.count == 4, parts.allSatisfy({ !$0.isEmpty }) {
      return SimulatorImageReference(
        publisher: parts[0], offer: parts[1], sku: parts[2], version: parts[3])
    }
    let names = (linuxAliases.map(\.alias) + windowsAliases).sorted().map { "'\($0)'" }
    throw SimulatorFailure.client(
      "Invalid image \"\(text)\". Use a valid image URN, custom image name, custom image id, VHD blob URI, "
        + "or pick an image from [\(names.joined(separator: ", "))]. "
        + "See vm create -h for more information on specifying an image.")
  }
}
