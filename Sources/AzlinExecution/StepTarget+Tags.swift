import AzlinAzure
import Foundation

extension StepTarget {
  /// The tag an `az … update --set tags.K=V` or `--remove tags.K` step changes, and the
  /// value it leaves (`nil`: removed).
  var tagChange: (key: String, value: String?)? {
    if let set = value("--set"), set.hasPrefix("tags.") {
      let pair = set.dropFirst(5).split(separator: "=", maxSplits: 1).map(String.init)
      return (pair.first ?? "", pair.count > 1 ? pair[1] : "")
    }
    if let removed = value("--remove"), removed.hasPrefix("tags.") {
      return (String(removed.dropFirst(5)), nil)
    }
    return nil
  }

  /// The tags a `group update --tags …` step leaves on the group, whole.
  var replacedTags: [String: String]? {
    guard verb == "group update", let start = words.firstIndex(of: "--tags") else { return nil }
    var tags: [String: String] = [:]
    for pair in words[(start + 1)...].prefix(while: { !$0.hasPrefix("--") }) where !pair.isEmpty {
      let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
      tags[parts[0]] = parts.count > 1 ? parts[1] : ""
    }
    return tags
  }

  /// True when the resource's tags in `live` show the step's change.
  func tagsHold(in live: LiveState) -> Bool {
    if let whole = replacedTags { return live.group(named: name)?.tags == whole }
    guard let change = tagChange else { return false }
    let tags: [String: String]?
    switch verb {
    case "vm update": tags = vm(in: live)?.tags
    case "group update": tags = live.group(named: name)?.tags
    case "disk update":
      tags = live.disks.first { $0.name.lowercased() == name.lowercased() }?.tags
    default: tags = live.storageAccounts(named: name).first?.tags
    }
    guard let tags else { return false }
    return tags.first { $0.key.lowercased() == change.key.lowercased() }?.value == change.value
  }
}
