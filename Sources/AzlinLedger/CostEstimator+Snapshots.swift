import AzlinAzure
import AzlinCore
import Foundation

extension CostEstimator {
  /// The storage azlin's snapshots are kept on: az's default for `snapshot create`.
  public static let snapshotSku = "Standard_LRS"

  /// The monthly line for a full disk snapshot of `sizeGB` GiB kept on `sku`: at most the whole
  /// size at the catalogue's per-GB-month price (Azure bills the used part of the disk, which
  /// azlin cannot see, so the figure is the most it can cost).
  /// - Parameters:
  ///   - name: The snapshot's name.
  ///   - sizeGB: The size of the disk it copies.
  ///   - sku: Its storage (`Standard_LRS` unless said).
  public func snapshotLine(name: String, sizeGB: Int, sku: String) -> CostEstimate.Line {
    guard let perGB = catalog.snapshotPricePerGB(sku: sku) else {
      return .init(
        item: "snapshot \(name) (\(sku), \(sizeGB) GB) — price unknown", quantity: 1, hourly: nil,
        monthly: nil, confidence: .unknown)
    }
    let monthly = (perGB * Decimal(sizeGB)).rounded
    return .init(
      item:
        "snapshot \(name) (\(sizeGB) GB at \(Self.plainDollars(perGB))/GB-month, at most: Azure bills the used part)",
      quantity: 1, hourly: nil, monthly: monthly, confidence: .exact)
  }

  /// The snapshots of `live` (in `group`, when given) as run-rate lines.
  public func snapshotLines(of live: LiveState, group: String?) -> [CostEstimate.Line] {
    live.snapshots.filter {
      group == nil || $0.resourceGroup.lowercased() == group!.lowercased()
    }.map { snapshotLine(name: $0.name, sizeGB: $0.sizeGB, sku: $0.sku) }
  }
}
