import AzlinCore
import Foundation

/// vCPU quota in one region, as `az vm list-usage --location` reports it.
public struct RegionalUsage: Equatable, Sendable {
  /// One quota: what is used and what is allowed.
  public struct Quota: Equatable, Sendable {
    public var current: Int
    public var limit: Int
    /// Azure's name for it, e.g. "Total Regional vCPUs" or "Standard DSv3 Family vCPUs".
    public var label: String

    public var free: Int { max(0, limit - current) }
  }

  /// "Total Regional vCPUs".
  public var total: Quota?
  /// Per family, keyed by Azure's family name (`standardDSv3Family`).
  public var families: [String: Quota]

  public init(total: Quota?, families: [String: Quota]) {
    self.total = total
    self.families = families
  }

  /// Reads the usage of `region` through `backend`.
  /// - Throws: `AzError` when az cannot list it.
  public static func fetch(region: String, from backend: any AzureBackend) throws -> RegionalUsage {
    let result = backend.run(.vmListUsage(location: region))
    guard result.succeeded else {
      throw result.error ?? AzError(code: "Unknown", message: result.stderr)
    }
    var usage = RegionalUsage(total: nil, families: [:])
    for entry in result.json?.arrayValue ?? [] {
      guard let name = entry.value(at: "name.value")?.stringValue else { continue }
      func number(_ key: String) -> Int {
        entry[key]?.intValue ?? entry[key]?.stringValue.flatMap { Int($0) } ?? 0
      }
      let quota = Quota(
        current: number("currentValue"), limit: number("limit"),
        label: entry.value(at: "name.localizedValue")?.stringValue ?? name)
      if name == "cores" {
        usage.total = quota
      } else if name.hasSuffix("Family") {
        usage.families[name] = quota
      }
    }
    return usage
  }
}

extension AzCommand {
  /// `az vm list-usage --location REGION`.
  public static func vmListUsage(location: String) -> AzCommand {
    AzCommand(["vm", "list-usage", "--location", location])
  }
}
