import AzlinAzure
import AzlinCore
import Foundation
import Testing

/// A price from its decimal text, for expectations.
private func dollars(_ text: String) -> Money {
  guard let money = Money(string: text) else { fatalError("bad test price \(text)") }
  return money
}

@Suite struct CatalogContentTests {
  let catalog = AzureCatalog.bundled

  static let requiredRegions: [(String, String)] = [
    ("eastus", "East US"), ("eastus2", "East US 2"), ("westus2", "West US 2"),
    ("westus3", "West US 3"), ("centralus", "Central US"), ("northeurope", "North Europe"),
    ("westeurope", "West Europe"), ("uksouth", "UK South"), ("francecentral", "France Central"),
    ("germanywestcentral", "Germany West Central"), ("swedencentral", "Sweden Central"),
    ("japaneast", "Japan East"), ("southeastasia", "Southeast Asia"),
    ("australiaeast", "Australia East"), ("brazilsouth", "Brazil South"),
    ("canadacentral", "Canada Central"), ("centralindia", "Central India"),
    ("koreacentral", "Korea Central"),
  ]

  @Test func hasAtLeastSixtySizesAndTheEighteenRegions() {
    #expect(catalog.sizes.count >= 60)
    // The eighteen regions with figures; Azure's other public regions are known, unpriced.
    let priced = catalog.regions.filter { catalog.regionPriceFactor($0) != nil }
    #expect(Set(priced) == Set(Self.requiredRegions.map(\.0)))
    #expect(priced.count == 18)
    #expect(catalog.regions.count > 40)
    #expect(!catalog.source.isEmpty)
    #expect(catalog.retrieved.count == 10)
  }

  @Test(arguments: requiredRegions)
  func regionHasItsDisplayName(region: String, displayName: String) {
    #expect(catalog.regionDisplayName(region) == displayName)
    #expect(catalog.normalizeRegion(displayName) == region)
  }

  @Test(arguments: ["B", "D", "E", "F", "L", "M", "N"])
  func familyIsRepresented(prefix: String) {
    #expect(catalog.sizes.contains { $0.name.hasPrefix("Standard_" + prefix) })
  }

  @Test(arguments: ["DSv3", "DSv4", "DSv5", "DASv4", "DASv5", "DDSv4", "DDSv5"])
  func dSeriesVariantIsRepresented(family: String) {
    #expect(catalog.sizes.contains { $0.family == family })
  }

  @Test func everySizeIsWellFormedAndPricedWhereverItIsOffered() {
    #expect(Set(catalog.sizes.map(\.name)).count == catalog.sizes.count)
    for size in catalog.sizes {
      #expect(size.vCPUs > 0 && size.memoryGB > 0 && size.gpus >= 0, "\(size.name)")
      #expect(size.quotaFamily.hasPrefix("standard") && size.quotaFamily.hasSuffix("Family"))
      let offered = catalog.regionsOffering(size: size.name)
      #expect(!offered.isEmpty, "\(size.name) is offered nowhere")
      for region in offered where catalog.regionPriceFactor(region) != nil {
        let quote = catalog.vmPrice(size: size.name, region: region)
        #expect(quote?.confidence == .exact, "\(size.name) in \(region)")
        #expect((quote?.hourly ?? .zero) > .zero, "\(size.name) in \(region)")
      }
    }
  }

  @Test func gpuSizesAreInTheNFamilyAndHaveGPUs() {
    for size in catalog.sizes {
      #expect((size.gpus > 0) == size.name.hasPrefix("Standard_N"), "\(size.name)")
    }
  }

  @Test func availabilityIsNotUniform() {
    let everywhere = catalog.sizes.filter { catalog.regionsOffering(size: $0.name).count == 18 }
    #expect(everywhere.count < catalog.sizes.count)
    #expect(catalog.sizesOffered(in: "swedencentral").count < catalog.sizes.count)
  }
}

@Suite struct CatalogLookupTests {
  let catalog = AzureCatalog.bundled

  @Test(arguments: [
    "Standard_D4s_v3", "standard_d4s_v3", "D4s_v3", "d4s v3", "D4sv3", "STANDARD_D4S_V3",
  ])
  func sizeNamesAreNormalized(text: String) {
    let size = catalog.vmSize(named: text)
    #expect(size?.name == "Standard_D4s_v3")
    #expect(size?.family == "DSv3")
    #expect(size?.quotaFamily == "standardDSv3Family")
    #expect(size?.vCPUs == 4)
    #expect(size?.memoryGB == 16)
    #expect(size?.gpus == 0)
  }

  @Test(arguments: ["Standard_Z9000", "", "D4s_v9", "Standard_"])
  func unknownSizesAreNil(text: String) {
    #expect(catalog.vmSize(named: text) == nil)
    #expect(catalog.vmPrice(size: text, region: "eastus") == nil)
    #expect(!catalog.isOffered(size: text, in: "eastus"))
    #expect(catalog.regionsOffering(size: text).isEmpty)
  }

  @Test(arguments: ["West Europe", "west europe", "westeurope", "WESTEUROPE", "west-europe"])
  func regionNamesAreNormalized(text: String) {
    #expect(catalog.normalizeRegion(text) == "westeurope")
    #expect(catalog.regionDisplayName(text) == "West Europe")
  }

  @Test(arguments: ["mars", "", "europe", "westeurope2"])
  func unknownRegionsAreNil(text: String) {
    #expect(catalog.normalizeRegion(text) == nil)
    #expect(catalog.regionDisplayName(text) == nil)
    #expect(catalog.sizesOffered(in: text).isEmpty)
  }

  @Test func gpuSizeDetails() {
    let a100 = catalog.vmSize(named: "NC24ads_A100_v4")
    #expect(a100?.gpus == 1)
    #expect(a100?.quotaFamily == "standardNCADSA100v4Family")
    #expect(catalog.vmSize(named: "Standard_ND96asr_v4")?.gpus == 8)
  }

  @Test(arguments: [
    ("Standard_ND96asr_v4", "francecentral", false),
    ("Standard_ND96asr_v4", "eastus", true),
    ("Standard_NC6s_v3", "swedencentral", false),
    ("Standard_NC24ads_A100_v4", "uksouth", false),
    ("Standard_D2as_v4", "germanywestcentral", false),
    ("Standard_D2s_v3", "Germany West Central", true),
    ("Standard_B2s", "koreacentral", true),
    ("Standard_B2s", "mars", false),
  ])
  func availability(size: String, region: String, offered: Bool) {
    #expect(catalog.isOffered(size: size, in: region) == offered)
    let listed = catalog.sizesOffered(in: region).contains { $0.name == size }
    #expect(listed == offered)
  }

  @Test func alternativesAreOfferedAndAtLeastAsLarge() {
    let alternatives = catalog.alternatives(to: "Standard_NC6s_v3", in: "swedencentral")
    for size in alternatives {
      #expect(catalog.isOffered(size: size.name, in: "swedencentral"))
      #expect(size.vCPUs >= 6 && size.memoryGB >= 112 && size.gpus >= 1)
    }
    let forD2 = catalog.alternatives(to: "D2as_v4", in: "germanywestcentral", limit: 2)
    #expect(forD2.count == 2)
    #expect(forD2.allSatisfy { $0.vCPUs >= 2 && $0.memoryGB >= 8 && $0.name != "Standard_D2as_v4" })
    #expect(catalog.alternatives(to: "nope", in: "eastus").isEmpty)
  }
}

@Suite struct CatalogPriceTests {
  let catalog = AzureCatalog.bundled

  /// Figures checked against the source (Retail Prices API snapshot, 2023-08-15).
  @Test(arguments: [
    ("Standard_B2s", "eastus", "0.0416"),
    ("Standard_B1s", "eastus", "0.0104"),
    ("Standard_D2s_v3", "eastus", "0.096"),
    ("Standard_D4s_v3", "eastus", "0.192"),
    ("Standard_D2s_v3", "westeurope", "0.12"),
    ("Standard_D2s_v3", "uksouth", "0.116"),
    ("Standard_E16s_v5", "eastus", "1.008"),
    ("Standard_D8as_v5", "eastus", "0.344"),
    ("Standard_NC6s_v3", "eastus", "3.06"),
  ])
  func exactPrices(size: String, region: String, hourly: String) {
    let quote = catalog.vmPrice(size: size, region: region)
    #expect(quote == PriceQuote(hourly: dollars(hourly), confidence: .exact))
  }

  @Test func monthlyIsHourlyTimes730() {
    let quote = catalog.vmPrice(size: "B2s", region: "East US")
    #expect(quote?.monthly == dollars("30.368"))
    #expect(AzureCatalog.hoursPerMonth == 730)
  }

  @Test func sizeNotSoldInARegionIsQuotedByRegionalFactor() throws {
    #expect(!catalog.isOffered(size: "ND96asr_v4", in: "francecentral"))
    let base = try #require(catalog.vmPrice(size: "ND96asr_v4", region: "eastus"))
    let factor = try #require(catalog.regionPriceFactor("France Central"))
    let quote = try #require(catalog.vmPrice(size: "ND96asr_v4", region: "francecentral"))
    #expect(quote.confidence == .regionalApproximation)
    #expect(abs((quote.hourly - base.hourly * factor).amount) < Decimal(string: "0.0001")!)
  }

  @Test func unknownRegionGivesTheBasePriceAsUnknown() {
    let quote = catalog.vmPrice(size: "D2s_v3", region: "antarctica")
    #expect(quote == PriceQuote(hourly: dollars("0.096"), confidence: .unknown))
  }

  @Test func regionalFactorsArePlausible() {
    #expect(catalog.regionPriceFactor("eastus") == 1)
    for region in catalog.regions {
      // A region without figures has no factor, and its prices are unknown.
      guard let factor = catalog.regionPriceFactor(region) else {
        #expect(catalog.vmPrice(size: "B2s", region: region)?.confidence == .unknown)
        continue
      }
      #expect(factor >= 1 && factor < 2, "\(region)")
    }
    #expect(catalog.regionPriceFactor("westus") == nil)
    #expect(catalog.normalizeRegion("West US") == "westus")
  }

  @Test(arguments: [
    ("Premium_LRS", 1, "P1", "0.77"),
    ("Premium_LRS", 100, "P10", "19.71"),
    ("Premium_LRS", 128, "P10", "19.71"),
    ("Premium_LRS", 129, "P15", "38.012142"),
    ("Premium_LRS", 1024, "P30", "135.17"),
    ("premium_lrs", 8192, "P60", "946.08"),
    ("StandardSSD_LRS", 30, "E4", "2.40"),
    ("StandardSSD_LRS", 1000, "E30", "76.80"),
    ("Standard_LRS", 30, "S4", "1.54"),
    ("Standard_LRS", 128, "S10", "5.89"),
  ])
  func diskPrices(tier: String, sizeGB: Int, sku: String, monthly: String) {
    let price = catalog.diskPrice(tier: tier, sizeGB: sizeGB)
    #expect(price?.sku == sku)
    #expect(price?.monthly == dollars(monthly))
  }

  @Test(arguments: [
    ("Premium_LRS", 100_000), ("Standard_LRS", 0), ("Standard_LRS", -5), ("UltraSSD_LRS", 64),
  ])
  func diskPriceIsNilOutsideTheTable(tier: String, sizeGB: Int) {
    #expect(catalog.diskPrice(tier: tier, sizeGB: sizeGB) == nil)
  }

  @Test func diskTiersAreCompleteAndIncreasing() {
    #expect(catalog.diskTierNames == ["premium_lrs", "standard_lrs", "standardssd_lrs"])
    for tier in catalog.diskTierNames {
      let options = catalog.diskOptions(tier: tier)
      #expect(options.count >= 8)
      #expect(zip(options, options.dropFirst()).allSatisfy { $0.monthly < $1.monthly })
    }
  }

  @Test(arguments: [
    ("Standard_LRS", "Hot", "0.0208"),
    ("Standard_LRS", "Cool", "0.0152"),
    ("lrs", "cool", "0.0152"),
    ("Standard_GRS", "Hot", "0.0458"),
    ("Standard_RAGRS", "Cool", "0.035"),
    ("Standard_ZRS", "Hot", "0.026"),
  ])
  func storagePrices(redundancy: String, accessTier: String, perGB: String) {
    #expect(
      catalog.storagePricePerGB(redundancy: redundancy, accessTier: accessTier) == dollars(perGB))
  }

  @Test(arguments: [("Standard_LRS", "Archive"), ("Premium_XYZ", "Hot"), ("", "")])
  func storagePriceIsNilWhenUnknown(redundancy: String, accessTier: String) {
    #expect(catalog.storagePricePerGB(redundancy: redundancy, accessTier: accessTier) == nil)
  }

  @Test func networkPrices() {
    #expect(catalog.publicIPHourly == dollars("0.005"))
    #expect(catalog.egressPerGB == dollars("0.087"))
    #expect(catalog.egressTiers.first?.perGB == .zero)
    #expect(catalog.egressTiers.first?.upToGB == 100)
    #expect(catalog.egressTiers.last?.upToGB == nil)
  }
}
