import AzlinAzure
import AzlinCore
import Foundation

/// What a set of resources costs per month, line by line.
public struct CostEstimate: Equatable, Sendable {
  /// One priced resource.
  public struct Line: Equatable, Sendable {
    /// What is priced, e.g. "VM sam (Standard_B2s, eastus)".
    public var item: String
    public var quantity: Int
    /// Per unit; `nil` when the price is unknown.
    public var hourly: Money?
    /// For the whole quantity at 730 hours; `nil` when unknown.
    public var monthly: Money?
    public var confidence: PriceConfidence

    public init(
      item: String, quantity: Int, hourly: Money?, monthly: Money?, confidence: PriceConfidence
    ) {
      self.item = item
      self.quantity = quantity
      self.hourly = hourly
      self.monthly = monthly
      self.confidence = confidence
    }
  }

  public var lines: [Line]

  public init(lines: [Line] = []) { self.lines = lines }

  /// The sum of the known lines.
  public var totalMonthly: Money { lines.compactMap(\.monthly).reduce(.zero, +) }

  /// The lines whose price is unknown, by what they price: counted as nothing in
  /// `totalMonthly`, so a budget check refuses them rather than take them for $0.
  public var unpriced: [String] {
    lines.filter { $0.confidence == .unknown }.map(\.item)
  }

  /// The weakest confidence among the lines.
  public var confidence: PriceConfidence {
    if lines.contains(where: { $0.confidence == .unknown }) { return .unknown }
    if lines.contains(where: { $0.confidence == .regionalApproximation }) {
      return .regionalApproximation
    }
    return .exact
  }

  /// Hours in a month, as Azure's pricing pages count them.
  public static let hoursPerMonth: Decimal = 730
}
