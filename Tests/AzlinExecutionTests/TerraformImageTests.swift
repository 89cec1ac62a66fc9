import AzlinAzure
import AzlinExecution
import Foundation
import Testing

/// Every image azlin chooses is written out for azurerm in full: each of az's Linux aliases
/// (from `ImageAliases`, the list the parser and the simulator read) and a URN.
@Suite("Terraform: images")
struct TerraformImageTests {
  static func configuration(image: String) throws -> String {
    let steps = [
      ExecutableStep(
        number: 1, summary: "group", operation: .groupCreate(name: "rg1", location: "eastus"),
        dependsOn: [], change: nil),
      ExecutableStep(
        number: 2, summary: "vm",
        operation: .vmCreate(
          name: "box", group: "rg1", location: "eastus", size: "Standard_B2s", image: image),
        dependsOn: [1], change: nil),
    ]
    return try TerraformConfiguration(steps).text
  }

  @Test(arguments: ImageAliases.linux.map(\.alias))
  func everyAliasIsWrittenInFull(_ alias: String) throws {
    let image = try #require(ImageAliases.linux(named: alias))
    let text = try Self.configuration(image: alias)
    #expect(text.contains("publisher = \"\(image.publisher)\""), "\(text)")
    #expect(text.contains("offer     = \"\(image.offer)\""), "\(text)")
    #expect(text.contains("sku       = \"\(image.sku)\""), "\(text)")
  }

  @Test func aURNIsWrittenAsItsFourParts() throws {
    let text = try Self.configuration(image: "resf:rockylinux-x86_64:9-base:9.4.20240509")
    #expect(text.contains("publisher = \"resf\""), "\(text)")
    #expect(text.contains("version   = \"9.4.20240509\""), "\(text)")
  }

  @Test func aWindowsImageIsNotWritten() {
    #expect(throws: (any Error).self) { try Self.configuration(image: "Win2022Datacenter") }
  }
}
