import Foundation

extension LocalIntentParser {
  /// A detail of a change that the line names the kind of but gives no value for: "with lots of
  /// memory" (a size), "in a new group" (a group), "in another region", "with a newer os",
  /// "and name it something fun". azlin would otherwise fill the detail with its default and
  /// plan something the line did not say, so it asks instead.
  enum HalfSaid: Equatable {
    case size, region, group, image, name

    /// The question's subject and an example of the request said whole.
    var problem: ParseProblem {
      switch self {
      case .size:
        return .missingDetail(
          "size", example: "create a vm called web1 with 4 cores and 16 GB of memory")
      case .region:
        return .missingDetail("region", example: "create a vm called web1 in westeurope")
      case .group:
        return .missingDetail(
          "resource group", example: "create a vm called web1 in the group demo-rg")
      case .image: return .missingDetail("image", example: "create a vm called web1 with debian 12")
      case .name: return .missingDetail("name", example: "create a vm called web1")
      }
    }
  }

  /// Words that name a detail without giving it.
  static let halfSaidWords: [String: HalfSaid] = [
    "memory": .size, "ram": .size, "mem": .size, "cpu": .size, "cpus": .size, "core": .size,
    "cores": .size, "vcpu": .size, "vcpus": .size, "vcores": .size, "size": .size, "sku": .size,
    "region": .region, "location": .region, "datacenter": .region, "datacentre": .region,
    "image": .image, "os": .image, "distro": .image, "distribution": .image,
    "called": .name, "named": .name, "name": .name, "names": .name,
  ]

  /// Words before a detail's kind that leave its value to azlin ("any region", "whatever size",
  /// "the default image") or to the conversation ("the same region").
  static let detailLeftToDefault: Set<String> = [
    "any", "whatever", "whichever", "default", "usual", "normal", "standard",
  ]

  /// Where "in the group", "into the rg", "in the resource group" stands: the group the
  /// conversation is about, pointed at with "the" after a word of place.
  static func definiteGroupPlace(_ c: ClauseScan) -> [Int]? {
    for (i, w) in c.lower.enumerated() where ["in", "into", "inside", "under"].contains(w) {
      guard i + 2 < c.lower.count, c.lower[i + 1] == "the" else { continue }
      var j = i + 2
      if c.lower[j] == "resource", j + 1 < c.lower.count { j += 1 }
      guard ["group", "rg"].contains(c.lower[j]), !(i...j).contains(where: c.used.contains) else {
        continue
      }
      // "in the group web-rg": a name follows, and is read by the group rules.
      if j + 1 < c.lower.count, !Self.stopWords.contains(c.lower[j + 1]),
        ![",", "."].contains(c.lower[j + 1])
      {
        continue
      }
      return Array(i...j)
    }
    return nil
  }

  /// The detail a change half-says and would otherwise take from the defaults, if any.
  /// - Parameters:
  ///   - intent: What the clause was read as.
  ///   - c: The clause, with what every stage claimed.
  ///   - context: The conversation (for "the same region").
  func halfSaid(_ intent: Intent, in c: ClauseScan, context: ConversationContext) -> HalfSaid? {
    let p = intent.parameters
    guard !intent.kind.isReadOnly, !p.hypothetical, !Self.leavesDetailsToAzlin(c.lower) else {
      return nil
    }
    let creates = [.provisionVM, .createStorage, .createResourceGroup].contains(intent.kind)
    for (i, w) in c.lower.enumerated() where !c.used.contains(i) {
      guard let detail = Self.halfSaidWords[w] else { continue }
      let before = c.lower[..<i].suffix(2)
      if before.contains(where: Self.detailLeftToDefault.contains) { continue }
      // "the same region", "that size": the conversation's, when it has one.
      let pointed = before.contains { ["same", "that", "this", "its", "their"].contains($0) }
      switch detail {
      case .size:
        guard [.provisionVM, .resizeVM].contains(intent.kind), p.size == nil, p.looseSize == nil,
          p.sizeChange == nil
        else { continue }
        if pointed, context.size != nil { continue }
        return .size
      case .region:
        guard creates, p.region == nil else { continue }
        if pointed, context.region != nil { continue }
        return .region
      case .image:
        // "the os disk": a kind of disk, not an image.
        if i + 1 < c.lower.count, Self.diskNouns.contains(c.lower[i + 1]) { continue }
        guard intent.kind == .provisionVM, p.image == nil, !pointed else { continue }
        return .image
      case .name:
        guard creates, p.names.isEmpty, !c.naming else { continue }
        return .name
      case .group: continue
      }
    }
    // "in a new group", "into the rg" with no group in the conversation, "under a separate
    // resource group": a group named by its kind only.
    if intent.kind != .createResourceGroup, intent.kind != .deleteResourceGroup,
      p.resourceGroup == nil
    {
      for (i, w) in c.lower.enumerated() where ["in", "into", "inside", "under"].contains(w) {
        let after = c.lower[(i + 1)...].prefix(4)
        guard let k = after.firstIndex(where: { Self.groupNouns.contains($0) || $0 == "resource" })
        else { continue }
        let between = c.lower[(i + 1)..<k]
        if between.contains(where: {
          Self.detailLeftToDefault.contains($0) || Self.allWords.contains($0)
        }) {
          continue
        }
        guard between.allSatisfy({ !Self.verbWords.keys.contains($0) && $0 != "," }) else {
          continue
        }
        return .group
      }
    }
    return nil
  }

  /// True when the line hands the details to azlin: "you pick the name", "up to you", "I don't
  /// care which region", "whatever is cheapest".
  static func leavesDetailsToAzlin(_ lower: [String]) -> Bool {
    for (i, w) in lower.enumerated() {
      let next = i + 1 < lower.count ? lower[i + 1] : ""
      if w == "you", ["pick", "choose", "decide", "select"].contains(next) { return true }
      if w == "up", next == "to", i + 2 < lower.count, lower[i + 2] == "you" { return true }
      if ["don't", "dont", "doesn't", "doesnt"].contains(w), ["care", "matter"].contains(next) {
        return true
      }
    }
    return false
  }
}
