import AzlinAzure

/// A marketplace image as azurerm's `source_image_reference` names it.
///
/// `az vm create --image` takes one of az's aliases (`Ubuntu2204`) or a URN
/// (`publisher:offer:sku:version`); both are written out in full for Terraform.
struct TerraformImage: Equatable {
  var publisher: String
  var offer: String
  var sku: String
  var version: String

  /// az's Linux image aliases (`ImageAliases`), by lowercased alias.
  static let aliases: [String: TerraformImage] = Dictionary(
    uniqueKeysWithValues: ImageAliases.linux.map {
      ($0.alias.lowercased(), TerraformImage(publisher: $0.publisher, offer: $0.offer, sku: $0.sku))
    })

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
    guard let parts = ImageAliases.urnParts(text) else { return nil }
    return TerraformImage(publisher: parts[0], offer: parts[1], sku: parts[2], version: parts[3])
  }
}
