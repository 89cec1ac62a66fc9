import AzlinAzure
import AzlinCore
import AzlinLedger
import AzlinPlanning
import Foundation

extension TurnEngine {
  /// Checks the vCPUs a plan adds against the regional and family quotas before proposing it.
  ///
  /// - Returns: A question offering a size that fits (when there is one), or a refusal line;
  ///   nil when the plan fits.
  func quotaProblem(_ plan: Plan, intents: [Intent]) -> (message: String, offer: PendingQuestion?)?
  {
    let catalog = AzureCatalog.bundled
    var needed: [String: (total: Int, families: [String: Int])] = [:]
    var asked: String?
    var askedGPUs = 0
    for step in plan.steps {
      var add = 0
      var family = ""
      switch step.operation {
      case .createVM:
        guard let size = step.resource.size.flatMap(catalog.vmSize(named:)) else { continue }
        add = size.vCPUs
        family = size.quotaFamily
        askedGPUs = size.gpus
      case .resizeVM(let from):
        guard let new = step.resource.size.flatMap(catalog.vmSize(named:)),
          let old = catalog.vmSize(named: from)
        else { continue }
        add = new.vCPUs - (new.quotaFamily == old.quotaFamily ? old.vCPUs : 0)
        family = new.quotaFamily
      default: continue
      }
      guard add > 0 else { continue }
      asked = family
      let region = step.resource.location
      needed[region, default: (0, [:])].total += add
      needed[region, default: (0, [:])].families[family, default: 0] += add
    }
    for (region, need) in needed.sorted(by: { $0.key < $1.key }) {
      guard let usage = try? RegionalUsage.fetch(region: region, from: backend) else { continue }
      var short: (label: String, free: Int, need: Int)?
      if let total = usage.total, need.total > total.free {
        short = (total.label, total.free, need.total)
      }
      for (family, n) in need.families {
        if let q = usage.families[family], n > q.free { short = (q.label, q.free, n) }
      }
      guard let short else { continue }
      record(
        .quota,
        [
          ("region", .string(region)), ("quota", .string(short.label)),
          ("free", .number(Double(short.free))),
        ])
      let message = Messages.quotaShort(
        region: region, label: short.label, free: short.free, need: short.need)
      // Offer the cheapest size that fits, when the request made a single VM.
      guard
        let index = intents.firstIndex(where: { $0.kind == .provisionVM || $0.kind == .resizeVM }),
        plan.steps.filter({ if case .createVM = $0.operation { return true } else { return false } }
        ).count <= 1
      else { return (message, nil) }
      let fits = catalog.sizesOffered(in: region).filter { size in
        size.vCPUs <= short.free && (size.gpus > 0) == (askedGPUs > 0)
          && (usage.total.map { size.vCPUs <= $0.free } ?? true)
          && (usage.families[size.quotaFamily].map { size.vCPUs <= $0.free } ?? true)
      }
      let priced = fits.compactMap { s in
        catalog.vmPrice(size: s.name, region: region).map { (s, $0.monthly) }
      }
      // Closest to what was asked: the same family first, then the most vCPUs, then the cheapest.
      let ranked = priced.sorted {
        let a = ($0.0.quotaFamily == asked ? 1 : 0, $0.0.vCPUs)
        let b = ($1.0.quotaFamily == asked ? 1 : 0, $1.0.vCPUs)
        return a != b ? a > b : $0.1 < $1.1
      }
      guard let best = ranked.first else { return (message, nil) }
      let q = PendingQuestion(
        kind: .offerSize(size: best.0.name, monthly: best.1.rounded.perMonth, vCPUs: best.0.vCPUs),
        intents: intents,
        intentIndex: index)
      return (message, q)
    }
    return nil
  }
}
