import AzlinAzure
import AzlinCore
import Foundation
import Testing

@Suite struct CatalogEmbeddingTests {
  /// `Sources/AzlinAzure/Catalog/catalog.json`, found from this file's path.
  static let catalogPath = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .appendingPathComponent("Sources/AzlinAzure/Catalog/catalog.json")
    .path

  @Test func embeddedTextMatchesCatalogJSON() throws {
    var text = try String(contentsOfFile: Self.catalogPath, encoding: .utf8)
    if text.hasSuffix("\n") { text.removeLast() }
    let embedded = EmbeddedCatalog.json.split(separator: "\n", omittingEmptySubsequences: false)
    let file = text.split(separator: "\n", omittingEmptySubsequences: false)
    let firstDifference =
      zip(embedded, file).enumerated().first { $1.0 != $1.1 }?.offset
      ?? min(embedded.count, file.count)
    let stale = embedded.count != file.count || firstDifference < file.count
    #expect(
      !stale,
      """
      EmbeddedCatalog.swift is stale (first difference at catalog.json line \(firstDifference + 1)): \
      run Scripts/embed-catalog.sh after editing catalog.json
      """)
  }

  @Test func catalogJSONLoads() throws {
    let text = try String(contentsOfFile: Self.catalogPath, encoding: .utf8)
    let catalog = try AzureCatalog(json: text)
    #expect(catalog.sizes == AzureCatalog.bundled.sizes)
    #expect(catalog.regions == AzureCatalog.bundled.regions)
  }
}

@Suite struct CatalogLoadingTests {
  /// A small valid document; each test breaks one thing in it.
  static let valid = """
    {
      "source": "test", "retrieved": "2026-01-01",
      "regions": [
        { "name": "eastus", "displayName": "East US", "priceFactor": "1" },
        { "name": "westeurope", "displayName": "West Europe", "priceFactor": "1.2" }
      ],
      "vmSizes": [
        { "name": "Standard_B2s", "family": "BS", "quotaFamily": "standardBSFamily",
          "vCPUs": 2, "memoryGB": 4, "gpus": 0,
          "exactHourly": { "eastus": "0.0416", "westeurope": "0.048" } },
        { "name": "Standard_X1", "family": "X", "quotaFamily": "standardXFamily",
          "vCPUs": 1, "memoryGB": 0.5, "gpus": 0, "notOfferedIn": ["westeurope"],
          "exactHourly": { "eastus": "0.01" } },
        { "name": "Standard_Y1", "family": "Y", "quotaFamily": "standardYFamily",
          "vCPUs": 1, "memoryGB": 1, "gpus": 0, "notOfferedIn": ["eastus"],
          "eastusHourly": "0.02", "exactHourly": { "westeurope": "0.03" } }
      ],
      "managedDisks": { "tiers": [ { "tier": "Premium_LRS", "disks": [
        { "sku": "P4", "sizeGB": 32, "monthly": "5.28" },
        { "sku": "P10", "sizeGB": 128, "monthly": "19.71" } ] } ] },
      "storage": { "perGBMonth": { "Standard_LRS": { "Hot": "0.0208", "Cool": "0.0152" } } },
      "diskSnapshots": { "perGBMonth": { "Standard_LRS": "0.05" } },
      "publicIP": { "hourly": "0.005" },
      "egress": { "internetTiers": [ { "upToGB": 100, "perGB": "0" }, { "perGB": "0.087" } ] }
    }
    """

  @Test func smallDocumentLoads() throws {
    let catalog = try AzureCatalog(json: Self.valid)
    #expect(catalog.sizes.map(\.name) == ["Standard_B2s", "Standard_X1", "Standard_Y1"])
    #expect(catalog.regions == ["eastus", "westeurope"])
    #expect(catalog.vmPrice(size: "x1", region: "westeurope")?.hourly == Money(string: "0.012"))
    #expect(catalog.vmPrice(size: "y1", region: "eastus")?.confidence == .regionalApproximation)
    #expect(catalog.vmPrice(size: "y1", region: "westeurope")?.confidence == .exact)
    #expect(catalog.diskPrice(tier: "Premium_LRS", sizeGB: 33)?.sku == "P10")
    #expect(catalog.egressPerGB == Money(string: "0.087"))
    #expect(catalog.snapshotPricePerGB(sku: "standard_lrs") == Money(string: "0.05"))
    #expect(catalog.snapshotPricePerGB(sku: "Premium_LRS") == nil)
  }

  @Test(arguments: [
    (#""priceFactor": "1.2""#, #""priceFactor": 1.2"#, "regions[1].priceFactor"),
    (#""westeurope": "0.048""#, #""westeurope": 0.048"#, "vmSizes[0].exactHourly.westeurope"),
    (#""westeurope": "0.048""#, #""westeurope": "$0.048""#, "vmSizes[0].exactHourly.westeurope"),
    (#""westeurope": "0.048""#, #""northpole": "0.048""#, "vmSizes[0].exactHourly.northpole"),
    (#""Standard_X1""#, #""Standard_B2s""#, "vmSizes[1].name"),
    (#""Standard_X1""#, #""X1""#, "vmSizes[1].name"),
    (
      #""notOfferedIn": ["westeurope"]"#, #""notOfferedIn": ["mars"]"#, "vmSizes[1].notOfferedIn[0]"
    ),
    (
      #""exactHourly": { "eastus": "0.01" }"#, #""exactHourly": { "westeurope": "0.01" }"#,
      "vmSizes[1].exactHourly.westeurope"
    ),
    (#""eastusHourly": "0.02", "#, "", "vmSizes[2].eastusHourly"),
    (#""vCPUs": 2"#, #""vCPUs": "2""#, "vmSizes[0].vCPUs"),
    (#""name": "eastus""#, #""name": "East US""#, "regions[0].name"),
    (#""name": "eastus""#, #""name": "eastus3""#, "regions"),
    (#""sizeGB": 128"#, #""sizeGB": 16"#, "managedDisks.tiers[0].disks[1].sizeGB"),
    (#""hourly": "0.005""#, #""hourly": null"#, "publicIP.hourly"),
    (#""Standard_LRS": "0.05""#, #""Standard_LRS": 0.05"#, "diskSnapshots.perGBMonth.Standard_LRS"),
    (#""source": "test", "#, "", "source"),
  ])
  func badDocumentNamesTheBadValue(original: String, replacement: String, path: String) {
    let text = Self.valid.replacingOccurrences(of: original, with: replacement)
    #expect(text != Self.valid, "the test's original text is not in the document")
    let error = #expect(throws: AzureCatalogError.self) { _ = try AzureCatalog(json: text) }
    #expect(error?.path == path, "\(String(describing: error))")
  }

  @Test(arguments: ["", "{", "[1, 2]", "not json", #"{"source": "x"}"#])
  func malformedDocumentsThrowAClearError(text: String) {
    #expect(throws: AzureCatalogError.self) { _ = try AzureCatalog(json: text) }
  }

  @Test func errorDescriptionNamesPathAndReason() {
    let error = AzureCatalogError(path: "vmSizes[3].name", reason: "duplicate size Standard_B2s")
    #expect(error.description == "Azure catalogue: vmSizes[3].name: duplicate size Standard_B2s")
  }
}
