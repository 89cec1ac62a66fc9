import AzlinCore
import Foundation

/// Why a catalogue text could not be loaded: where in the document, and what is wrong there.
public struct AzureCatalogError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The JSON path of the offending value, such as `vmSizes[3].exactHourly.westeurope`.
  public var path: String
  /// What is wrong.
  public var reason: String

  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  public var description: String {
    path.isEmpty ? "Azure catalogue: \(reason)" : "Azure catalogue: \(path): \(reason)"
  }
}

extension AzureCatalog {
  /// Reads a catalogue document (the format of `catalog.json`).
  /// - Throws: `AzureCatalogError` naming the first bad value: invalid JSON, a missing or
  ///   mistyped member, a price that is not a decimal string, an unknown region, a duplicate.
  public init(json: String) throws {
    let root: JSONValue
    do {
      root = try JSONValue.parse(json)
    } catch {
      throw AzureCatalogError(path: "", reason: "\(error)")
    }
    let document = Reader(value: root)
    guard root.objectMembers != nil else {
      throw AzureCatalogError(path: "", reason: "expected an object at the top level")
    }
    source = try document.string("source")
    retrieved = try document.string("retrieved")

    var regionNames: [String] = []
    var regionInfo: [String: RegionInfo] = [:]
    for region in try document.array("regions") {
      let name = try region.string("name")
      guard name == name.lowercased(), !name.isEmpty, Self.regionKey(name) == name else {
        throw region.error("name", "region names are lowercase letters and digits: \"\(name)\"")
      }
      guard regionInfo[name] == nil else { throw region.error("name", "duplicate region \(name)") }
      // A region without a factor is known, but has no figures: its VM prices are unknown.
      let factor = try region.optionalMoney("priceFactor")?.amount
      if let factor, factor <= 0 { throw region.error("priceFactor", "must be positive") }
      regionInfo[name] = RegionInfo(
        name: name, displayName: try region.string("displayName"), priceFactor: factor)
      regionNames.append(name)
    }
    guard !regionNames.isEmpty else { throw document.error("regions", "no regions") }
    guard regionInfo[Self.baseRegion] != nil else {
      throw document.error("regions", "the base region \(Self.baseRegion) is missing")
    }

    var sizes: [VMSize] = []
    var entries: [String: SizeEntry] = [:]
    for item in try document.array("vmSizes") {
      let name = try item.string("name")
      let key = Self.sizeKey(name)
      guard name.hasPrefix("Standard_"), !key.isEmpty else {
        throw item.error("name", "size names start with Standard_: \"\(name)\"")
      }
      guard entries[key] == nil else { throw item.error("name", "duplicate size \(name)") }
      let size = VMSize(
        name: name, family: try item.string("family"), quotaFamily: try item.string("quotaFamily"),
        vCPUs: try item.int("vCPUs"), memoryGB: try item.double("memoryGB"),
        gpus: try item.int("gpus"))
      guard size.vCPUs > 0, size.memoryGB > 0, size.gpus >= 0 else {
        throw item.error("vCPUs", "vCPUs and memory must be positive, GPUs not negative")
      }
      var offered = Set(regionNames)
      for region in try item.array("notOfferedIn", optional: true) {
        let region = try region.regionName(known: regionInfo)
        offered.remove(region)
      }
      guard !offered.isEmpty else { throw item.error("notOfferedIn", "offered nowhere") }
      var exact: [String: Money] = [:]
      let prices = try item.object("exactHourly")
      for (region, value) in try prices.members() {
        guard regionInfo[region] != nil else {
          throw prices.error(region, "unknown region")
        }
        guard offered.contains(region) else {
          throw prices.error(region, "priced in a region where \(name) is not offered")
        }
        exact[region] = try value.moneyValue()
      }
      let reference = try item.optionalMoney("eastusHourly")
      if offered.contains(Self.baseRegion) {
        guard exact[Self.baseRegion] != nil, reference == nil else {
          throw prices.error(
            Self.baseRegion, "a size offered in \(Self.baseRegion) needs its exact price there")
        }
      }
      guard let base = exact[Self.baseRegion] ?? reference else {
        throw item.error(
          "eastusHourly", "a size not offered in \(Self.baseRegion) needs a reference price")
      }
      entries[key] = SizeEntry(size: size, basePrice: base, exactPrices: exact, offeredIn: offered)
      sizes.append(size)
    }

    var diskTiers: [String: [DiskOption]] = [:]
    let disks = try document.object("managedDisks")
    for tier in try disks.array("tiers") {
      let name = try tier.string("tier")
      guard diskTiers[name.lowercased()] == nil else {
        throw tier.error("tier", "duplicate tier \(name)")
      }
      var options: [DiskOption] = []
      for disk in try tier.array("disks") {
        let option = DiskOption(
          sku: try disk.string("sku"), sizeGB: try disk.int("sizeGB"),
          monthly: try disk.money("monthly"))
        if let last = options.last, last.sizeGB >= option.sizeGB {
          throw disk.error("sizeGB", "disks must be listed smallest first")
        }
        options.append(option)
      }
      guard !options.isEmpty else { throw tier.error("disks", "no disks") }
      diskTiers[name.lowercased()] = options
    }

    var storagePrices: [String: [String: Money]] = [:]
    let storage = try document.object("storage").object("perGBMonth")
    for (redundancy, tiers) in try storage.members() {
      var byTier: [String: Money] = [:]
      for (tier, price) in try tiers.members() {
        byTier[tier.lowercased()] = try price.moneyValue()
      }
      storagePrices[redundancy.lowercased()] = byTier
    }

    var snapshotPrices: [String: Money] = [:]
    let snapshots = try document.object("diskSnapshots").object("perGBMonth")
    for (sku, price) in try snapshots.members() {
      snapshotPrices[sku.lowercased()] = try price.moneyValue()
    }

    let egress = try document.object("egress")
    var egressTiers: [EgressTier] = []
    let tierList = try egress.array("internetTiers")
    for (index, tier) in tierList.enumerated() {
      let limit: Int? = index == tierList.count - 1 ? nil : try tier.int("upToGB")
      egressTiers.append(EgressTier(upToGB: limit, perGB: try tier.money("perGB")))
    }
    guard let firstPaid = egressTiers.first(where: { $0.perGB > .zero }) else {
      throw egress.error("internetTiers", "needs a paid tier")
    }

    self.sizes = sizes
    self.regions = regionNames
    self.regionInfo = regionInfo
    self.sizeEntries = entries
    self.diskTiers = diskTiers
    self.storagePrices = storagePrices
    self.snapshotPrices = snapshotPrices
    self.publicIPHourly = try document.object("publicIP").money("hourly")
    self.egressTiers = egressTiers
    self.egressPerGB = firstPaid.perGB
  }

  /// The region whose prices are the base for regional approximations.
  static let baseRegion = "eastus"
}

/// Where a value sits in the document, spelled (`vmSizes[3].exactHourly`) only for an error:
/// the catalogue is read at every start, and building each of its thousands of paths as a
/// string was most of that read.
private indirect enum ReaderPath {
  case root
  case member(ReaderPath, String)
  case element(ReaderPath, Int)

  var text: String {
    switch self {
    case .root: ""
    case .member(.root, let key): key
    case .member(let parent, let key): parent.text + "." + key
    case .element(let parent, let index): parent.text + "[\(index)]"
    }
  }
}

/// A JSON value with its path in the document, for error messages.
private struct Reader {
  var value: JSONValue
  var at: ReaderPath

  init(value: JSONValue, at: ReaderPath = .root) {
    self.value = value
    self.at = at
  }

  /// The path of this value, as an error names it.
  var path: String { at.text }

  func child(_ key: String) -> String { ReaderPath.member(at, key).text }

  func error(_ key: String, _ reason: String) -> AzureCatalogError {
    AzureCatalogError(path: child(key), reason: reason)
  }

  func member(_ key: String) throws -> Reader {
    guard let found = value[key] else { throw error(key, "missing") }
    return Reader(value: found, at: .member(at, key))
  }

  func string(_ key: String) throws -> String {
    guard let text = try member(key).value.stringValue else {
      throw error(key, "expected a string")
    }
    return text
  }

  func int(_ key: String) throws -> Int {
    guard let number = try member(key).value.intValue else {
      throw error(key, "expected a whole number")
    }
    return number
  }

  func double(_ key: String) throws -> Double {
    guard let number = try member(key).value.doubleValue else {
      throw error(key, "expected a number")
    }
    return number
  }

  func money(_ key: String) throws -> Money {
    try member(key).moneyValue()
  }

  func optionalMoney(_ key: String) throws -> Money? {
    value[key] == nil ? nil : try money(key)
  }

  /// This value as a price: a decimal string such as `"0.0416"`, never a JSON number.
  func moneyValue() throws -> Money {
    guard let text = value.stringValue else {
      throw AzureCatalogError(path: path, reason: "expected a price as a decimal string")
    }
    guard let money = Money(string: text), !text.isEmpty,
      text.allSatisfy({ ("0"..."9").contains($0) || $0 == "." }),
      money.amount >= 0
    else {
      throw AzureCatalogError(path: path, reason: "\"\(text)\" is not a decimal price")
    }
    return money
  }

  func array(_ key: String, optional: Bool = false) throws -> [Reader] {
    if optional, value[key] == nil { return [] }
    let found = try member(key)
    guard let items = found.value.arrayValue else { throw error(key, "expected an array") }
    return items.enumerated().map { Reader(value: $1, at: .element(found.at, $0)) }
  }

  func object(_ key: String) throws -> Reader {
    let found = try member(key)
    guard found.value.objectMembers != nil else { throw error(key, "expected an object") }
    return found
  }

  /// The members of this object, each with its path.
  func members() throws -> [(name: String, value: Reader)] {
    guard let members = value.objectMembers else {
      throw AzureCatalogError(path: path, reason: "expected an object")
    }
    return members.map { (name: $0.0, value: Reader(value: $0.1, at: .member(at, $0.0))) }
  }

  /// This value as the name of a region in `known`.
  func regionName(known: [String: AzureCatalog.RegionInfo]) throws -> String {
    guard let text = value.stringValue else {
      throw AzureCatalogError(path: path, reason: "expected a region name")
    }
    guard known[text] != nil else {
      throw AzureCatalogError(path: path, reason: "unknown region \"\(text)\"")
    }
    return text
  }
}
