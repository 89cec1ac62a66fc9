import AzlinCore
import Foundation

/// A virtual machine size as Azure sells it.
public struct VMSize: Equatable, Sendable {
  /// The canonical name, such as `Standard_D4s_v3`.
  public let name: String
  /// The series, such as `DSv3`.
  public let family: String
  /// The quota family as `az vm list-usage` names it, such as `standardDSv3Family`.
  public let quotaFamily: String
  /// Virtual CPUs.
  public let vCPUs: Int
  /// Memory in GiB, as Azure's size tables give it.
  public let memoryGB: Double
  /// GPUs (0 for sizes without one).
  public let gpus: Int

  public init(
    name: String, family: String, quotaFamily: String, vCPUs: Int, memoryGB: Double, gpus: Int
  ) {
    self.name = name
    self.family = family
    self.quotaFamily = quotaFamily
    self.vCPUs = vCPUs
    self.memoryGB = memoryGB
    self.gpus = gpus
  }
}

/// How far a price can be trusted.
public enum PriceConfidence: String, Sendable {
  /// The retail figure for this size in this region, as recorded in the catalogue.
  case exact
  /// The East US figure scaled by the region's documented price factor.
  case regionalApproximation
  /// The East US figure, for a region the catalogue does not know.
  case unknown
}

/// An hourly price with its confidence.
public struct PriceQuote: Equatable, Sendable {
  /// Pay-as-you-go price per hour (Linux, USD).
  public let hourly: Money
  /// Where the figure comes from.
  public let confidence: PriceConfidence

  public init(hourly: Money, confidence: PriceConfidence) {
    self.hourly = hourly
    self.confidence = confidence
  }

  /// The price of a month of continuous running: `hourly` × 730.
  public var monthly: Money { hourly * Decimal(AzureCatalog.hoursPerMonth) }
}

/// One size of one managed-disk tier, such as Premium SSD `P10` (128 GiB).
public struct DiskOption: Equatable, Sendable {
  /// The disk SKU name within its tier, such as `P10`.
  public let sku: String
  /// Provisioned size in GiB.
  public let sizeGB: Int
  /// Price per month.
  public let monthly: Money

  public init(sku: String, sizeGB: Int, monthly: Money) {
    self.sku = sku
    self.sizeGB = sizeGB
    self.monthly = monthly
  }
}

/// One tier of internet egress pricing.
public struct EgressTier: Equatable, Sendable {
  /// The tier covers traffic up to this many GB a month; `nil` for the last tier.
  public let upToGB: Int?
  /// Price per GB within the tier.
  public let perGB: Money

  public init(upToGB: Int?, perGB: Money) {
    self.upToGB = upToGB
    self.perGB = perGB
  }
}

/// The bundled Azure catalogue: VM sizes with their regional availability and prices, managed
/// disks, storage, public IPs and egress.
///
/// The data lives in `catalog.json` (the source of truth, with sources and dates); the binary
/// carries a copy in `EmbeddedCatalog` so an installed executable needs no resource files.
public struct AzureCatalog: Sendable {
  /// Hours in a billing month, as Azure's pricing pages count them.
  public static let hoursPerMonth = 730

  /// The catalogue carried by the binary, parsed once.
  public static let bundled: AzureCatalog = {
    do {
      return try AzureCatalog(json: EmbeddedCatalog.json)
    } catch {
      fatalError("the embedded Azure catalogue is invalid: \(error)")
    }
  }()

  /// Every VM size, in catalogue order.
  public internal(set) var sizes: [VMSize]
  /// Every region's programmatic name (`eastus`…), in catalogue order.
  public internal(set) var regions: [String]
  /// Standard static public IPv4 address, per hour.
  public internal(set) var publicIPHourly: Money
  /// Internet egress per GB in the first paid tier.
  public internal(set) var egressPerGB: Money
  /// Internet egress tiers, cheapest last; the first tier is the free allowance.
  public internal(set) var egressTiers: [EgressTier]
  /// Where the figures come from, as the file says.
  public internal(set) var source: String
  /// When the figures were retrieved (`YYYY-MM-DD`).
  public internal(set) var retrieved: String

  var regionInfo: [String: RegionInfo]
  var sizeEntries: [String: SizeEntry]
  var diskTiers: [String: [DiskOption]]
  var storagePrices: [String: [String: Money]]
  /// Full disk snapshots per GB-month, by storage SKU lowercased (`standard_lrs`).
  var snapshotPrices: [String: Money]

  /// What the catalogue knows of one region.
  struct RegionInfo: Sendable {
    var name: String
    var displayName: String
    /// `nil` for a region the catalogue has no figures for.
    var priceFactor: Decimal?
  }

  /// What the catalogue knows of one size.
  struct SizeEntry: Sendable {
    var size: VMSize
    var basePrice: Money
    var exactPrices: [String: Money]
    var offeredIn: Set<String>
  }

  /// The display name of a region (`westeurope` → `West Europe`); `nil` when unknown.
  public func regionDisplayName(_ region: String) -> String? {
    normalizeRegion(region).flatMap { regionInfo[$0]?.displayName }
  }

  /// The programmatic name for a region written any usual way: `West Europe`, `west europe`,
  /// `westeurope`, `WESTEUROPE` and `west-europe` all give `westeurope`; `nil` when unknown.
  public func normalizeRegion(_ text: String) -> String? {
    let key = Self.regionKey(text)
    guard !key.isEmpty else { return nil }
    if regionInfo[key] != nil { return key }
    return regionInfo.values.first { Self.regionKey($0.displayName) == key }?.name
  }

  /// The size named `named`, matched without regard to case, the `Standard_` prefix,
  /// underscores, spaces or hyphens: `Standard_D4s_v3`, `d4s v3` and `D4sv3` are one size.
  public func vmSize(named: String) -> VMSize? {
    sizeEntries[Self.sizeKey(named)]?.size
  }

  /// Whether `size` can be created in `region`; `false` when either is unknown.
  public func isOffered(size: String, in region: String) -> Bool {
    guard let entry = sizeEntries[Self.sizeKey(size)], let region = normalizeRegion(region) else {
      return false
    }
    return entry.offeredIn.contains(region)
  }

  /// The sizes that can be created in `region`, in catalogue order; empty when it is unknown.
  public func sizesOffered(in region: String) -> [VMSize] {
    guard let region = normalizeRegion(region) else { return [] }
    return sizes.filter { sizeEntries[Self.sizeKey($0.name)]?.offeredIn.contains(region) == true }
  }

  /// The regions where `size` can be created, in catalogue order; empty when it is unknown.
  public func regionsOffering(size: String) -> [String] {
    guard let entry = sizeEntries[Self.sizeKey(size)] else { return [] }
    return regions.filter { entry.offeredIn.contains($0) }
  }

  /// The Linux pay-as-you-go price of `size` in `region`; `nil` when the size is unknown.
  ///
  /// A figure recorded for that region is `.exact`; otherwise the East US figure times the
  /// region's price factor is `.regionalApproximation` (also for a region where the size is not
  /// offered: check `isOffered`); for an unknown region the East US figure is `.unknown`.
  public func vmPrice(size: String, region: String) -> PriceQuote? {
    guard let entry = sizeEntries[Self.sizeKey(size)] else { return nil }
    guard let region = normalizeRegion(region), let factor = regionInfo[region]?.priceFactor
    else {
      return PriceQuote(hourly: entry.basePrice, confidence: .unknown)
    }
    if let exact = entry.exactPrices[region] {
      return PriceQuote(hourly: exact, confidence: .exact)
    }
    let scaled = Self.round(entry.basePrice.amount * factor, places: 4)
    return PriceQuote(hourly: Money(scaled), confidence: .regionalApproximation)
  }

  /// The price factor of `region` relative to East US; `nil` when the region is unknown.
  public func regionPriceFactor(_ region: String) -> Decimal? {
    normalizeRegion(region).flatMap { regionInfo[$0]?.priceFactor ?? nil }
  }

  /// The sizes offered in `region` that could stand in for `size`: at least as many vCPUs, as much
  /// memory and as many GPUs, cheapest there first (then by name). Empty when either is unknown.
  public func alternatives(to size: String, in region: String, limit: Int = 3) -> [VMSize] {
    guard let wanted = vmSize(named: size), let region = normalizeRegion(region) else { return [] }
    let candidates = sizesOffered(in: region).filter {
      $0.name != wanted.name && $0.vCPUs >= wanted.vCPUs && $0.memoryGB >= wanted.memoryGB
        && $0.gpus >= wanted.gpus
    }
    let priced = candidates.map { ($0, vmPrice(size: $0.name, region: region)?.hourly ?? .zero) }
    let sorted = priced.sorted { a, b in
      a.1 == b.1 ? a.0.name < b.0.name : a.1 < b.1
    }
    return Array(sorted.prefix(max(0, limit)).map(\.0))
  }

  /// The smallest disk of `tier` (`Standard_LRS`, `StandardSSD_LRS`, `Premium_LRS`; any case) that
  /// holds `sizeGB`, with its monthly price; `nil` for an unknown tier or a size beyond the
  /// largest disk.
  public func diskPrice(tier: String, sizeGB: Int) -> (sku: String, monthly: Money)? {
    guard sizeGB > 0, let option = diskOptions(tier: tier).first(where: { $0.sizeGB >= sizeGB })
    else { return nil }
    return (option.sku, option.monthly)
  }

  /// Every disk size of `tier`, smallest first; empty for an unknown tier.
  public func diskOptions(tier: String) -> [DiskOption] {
    diskTiers[tier.lowercased()] ?? []
  }

  /// The managed-disk tiers the catalogue prices (`Standard_LRS`, `StandardSSD_LRS`,
  /// `Premium_LRS`), lowercased.
  public var diskTierNames: [String] { diskTiers.keys.sorted() }

  /// Storage account data price per GB-month for `redundancy` (`Standard_LRS`, `Standard_ZRS`,
  /// `Standard_GRS`, `Standard_RAGRS`, or just `LRS`…; any case) and `accessTier` (`Hot` or
  /// `Cool`); `nil` when either is unknown.
  public func storagePricePerGB(redundancy: String, accessTier: String) -> Money? {
    var key = redundancy.lowercased().replacingOccurrences(of: "-", with: "")
    if !key.hasPrefix("standard_") { key = "standard_" + key }
    return storagePrices[key]?[accessTier.lowercased()]
  }

  /// A full disk snapshot's price per GB-month stored on `sku` (`Standard_LRS`,
  /// `Standard_ZRS`; any case); `nil` when the catalogue has no figure for it.
  public func snapshotPricePerGB(sku: String) -> Money? {
    snapshotPrices[sku.lowercased()]
  }

  // MARK: - Keys

  /// The lookup key of a size name: lowercased, without separators or the `standard` prefix.
  static func sizeKey(_ text: String) -> String {
    var key = text.lowercased().filter { $0 != "_" && $0 != " " && $0 != "-" }
    if key.hasPrefix("standard") { key.removeFirst("standard".count) }
    return key
  }

  /// The lookup key of a region name: lowercased letters and digits only.
  static func regionKey(_ text: String) -> String {
    String(text.lowercased().filter { $0.isLetter || $0.isNumber })
  }

  /// `value` rounded to `places` decimals.
  static func round(_ value: Decimal, places: Int) -> Decimal {
    var input = value
    var result = Decimal()
    NSDecimalRound(&result, &input, places, .plain)
    return result
  }
}
