import AzlinAzure
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

  /// az's Linux image aliases, in the order az lists them (`ImageAliases`).
  static let linuxAliases: [(alias: String, image: SimulatorImageReference)] = ImageAliases.linux
    .map {
      ($0.alias, SimulatorImageReference(publisher: $0.publisher, offer: $0.offer, sku: $0.sku))
    }

  /// az's Windows image aliases: known, but the simulator models Linux VMs only.
  static let windowsAliases = ImageAliases.windows

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
