import AzlinAzure
import AzlinCore
import Foundation

extension LocalIntentParser {
  func parseClause(
    _ words: [String], context: ConversationContext, live: LiveState
  )
    -> Result<Intent, ParseProblemError>
  {
    let lower = words.map { $0.lowercased() }
    var used = Set<Int>()
    var confidence = 1.0

    // Verb.
    var verb: Verb?
    outer: for i in lower.indices {
      for (phrase, v) in Self.verbPhrases where i + phrase.count <= lower.count {
        if Array(lower[i..<i + phrase.count]) == phrase {
          verb = v
          for k in i..<i + phrase.count { used.insert(k) }
          break outer
        }
      }
    }
    if verb == nil {
      for (i, w) in lower.enumerated() {
        if let v = Self.verbWords[w] {
          verb = v
          used.insert(i)
          break
        }
      }
    }
    if verb == nil {
      let keys = Self.verbWords.keys.filter { $0.count >= 5 }.sorted()
      for (i, w) in lower.enumerated() where w.count >= 4 {
        if let k = EditDistance.closest(to: w, in: keys), let v = Self.verbWords[k] {
          verb = v
          used.insert(i)
          confidence = 0.85
          break
        }
      }
    }

    // A secret and the word before it are never names, sizes or anything else.
    for (i, w) in lower.enumerated() where Self.secretWords.contains(w) {
      used.insert(i)
      var j = i + 1
      while j < lower.count, ["is", "=", ":", "of"].contains(lower[j]) {
        used.insert(j)
        j += 1
      }
      if j < lower.count { used.insert(j) }
    }

    // Names after "called"/"named" come first: "a vm named box" names a VM "box".
    var names: [String] = []
    var p = IntentParameters()
    if let k = lower.firstIndex(where: { ["called", "named", "name"].contains($0) }) {
      var j = k + 1
      while j < words.count {
        let w = lower[j]
        if w == "and" || w == "," {
          j += 1
          continue
        }
        guard !used.contains(j),
          !Self.stopWords.contains(w) || names.isEmpty && !["in", "with", "and"].contains(w),
          Self.looksLikeName(words[j])
        else { break }
        names.append(words[j])
        used.insert(j)
        j += 1
      }
    }
    // Group: "in rg X", "in group X", "in resource group X", "in X" (a live group or *-rg).
    for (i, w) in lower.enumerated() where ["in", "into", "under", "inside"].contains(w) {
      var j = i + 1
      if j < lower.count, lower[j] == "the" { j += 1 }
      if j < lower.count, lower[j] == "resource" { j += 1 }
      if j < lower.count, Self.groupNouns.contains(lower[j]) { j += 1 }
      guard j < words.count, !used.contains(j) else { continue }
      let candidate = words[j]
      let explicit = j > i + 1 && Self.groupNouns.contains(lower[j - 1])
      if explicit || live.group(named: candidate) != nil || candidate.lowercased().hasSuffix("rg") {
        p.resourceGroup = live.group(named: candidate)?.name ?? candidate
        for k in i...j { used.insert(k) }
      } else if j + 1 < lower.count, Self.groupNouns.contains(lower[j + 1]) {
        p.resourceGroup = candidate
        used.insert(j)
        used.insert(j + 1)
      } else if catalog.normalizeRegion(candidate) == nil,
        Self.looksLikeRegion(candidate.lowercased())
      {
        p.region = candidate
        used.insert(j)
        used.insert(i)
      }
    }

    // Object.
    var object = Object.unknown
    for (i, w) in lower.enumerated() where !used.contains(i) {
      if Self.vmNouns.contains(w) {
        object = .vm
        used.insert(i)
      } else if Self.groupNouns.contains(w)
        || (w == "resource" && i + 1 < lower.count && lower[i + 1].hasPrefix("group"))
      {
        if object != .vm || i < (lower.firstIndex(where: { Self.vmNouns.contains($0) }) ?? 0) {
          object = object == .vm ? .vm : .group
        }
      } else if ["storage", "blob", "bucket"].contains(w) {
        object = .storage
      } else if ["disk", "disks", "volume"].contains(w) {
        object = object == .unknown ? .disk : object
      } else if ["vnet", "network", "subnet"].contains(w) {
        object = object == .unknown ? .network : object
      }
    }
    // "create rg demo": the group noun right after the verb decides, even with "vm" later.
    if let v = lower.indices.first(where: {
      !used.contains($0) && (Self.groupNouns.contains(lower[$0]) || lower[$0] == "resource")
    }),
      let firstVM = lower.firstIndex(where: { Self.vmNouns.contains($0) }), v < firstVM,
      verb == .create || verb == .delete
    {
      object = .group
    }

    // Region (up to three words), size, image, count.
    var i = 0
    while i < lower.count {
      var matched = false
      for span in stride(from: 3, through: 1, by: -1) where i + span <= lower.count {
        let text = lower[i..<i + span].joined(separator: " ")
        if span == 1 && Self.stopWords.contains(text) { continue }
        if let region = catalog.normalizeRegion(text) {
          p.region = region
          for k in i..<i + span { used.insert(k) }
          i += span
          matched = true
          break
        }
      }
      if !matched { i += 1 }
    }
    for (i, w) in lower.enumerated() where !used.contains(i) {
      if i + 1 < lower.count, !used.contains(i + 1), lower[i + 1].hasPrefix("v"),
        lower[i + 1].count <= 3,
        let size = catalog.vmSize(named: w + " " + lower[i + 1])
      {
        p.size = size.name
        used.insert(i)
        used.insert(i + 1)
      } else if w.contains(where: \.isNumber), w.contains(where: \.isLetter),
        let size = catalog.vmSize(named: w)
      {
        p.size = size.name
        used.insert(i)
      } else if let alias = Self.sizeWords[w], p.size == nil, verb != .cost || w == "gpu" {
        p.size = alias
        used.insert(i)
      } else if let image = Self.imageWords[w] {
        p.image = image
        used.insert(i)
      }
    }
    for (i, w) in lower.enumerated() where !used.contains(i) && p.size == nil {
      let afterSizeWord = i > 0 && ["size", "sized", "sku"].contains(lower[i - 1])
      if w.hasPrefix("standard_") || (afterSizeWord && w.contains(where: \.isNumber)) {
        p.size = words[i]
        used.insert(i)
      }
    }
    for (i, w) in lower.enumerated() where !used.contains(i) {
      if let n = Int(w), n > 0, n < 1000 {
        p.count = n
        used.insert(i)
      } else if let n = Self.numberWords[w], w != "a" && w != "an" {
        p.count = n
        used.insert(i)
      }
    }

    // Filters: "all", "running", "stopped".
    p.all = lower.contains(where: { Self.allWords.contains($0) })
    for (state, words) in [
      ("running", ["running", "up", "on"]), ("stopped", ["stopped"]),
      ("deallocated", ["deallocated"]),
    ]
    where p.all && lower.contains(where: { words.contains($0) }) {
      p.powerState = state
    }

    let unusedGroupNoun = lower.indices.contains {
      !used.contains($0) && Self.groupNouns.contains(lower[$0])
    }
    let groupOperation =
      object == .group
      || (object == .unknown && verb != nil && p.resourceGroup == nil && names.isEmpty
        && unusedGroupNoun)
    var corrected: [String] = []
    if names.isEmpty {
      let liveNames = groupOperation ? live.groups.map(\.name) : live.vms.map(\.name)
      for (i, w) in words.enumerated() where !used.contains(i) && !Self.stopWords.contains(lower[i])
      {
        if let exact = liveNames.first(where: { $0.lowercased() == lower[i] }) {
          names.append(exact)
          used.insert(i)
        } else if w.count >= 4,
          let close = EditDistance.closest(to: lower[i], in: liveNames.map { $0.lowercased() }),
          let original = liveNames.first(where: { $0.lowercased() == close })
        {
          names.append(original)
          used.insert(i)
          corrected.append(w)
          confidence = min(confidence, 0.6)
        }
      }
    }
    if names.isEmpty && verb != .list && verb != .cost {
      // Leftover words after the verb that look like names ("stop sam", "create rg demo").
      for (i, w) in words.enumerated() where !used.contains(i) && !Self.stopWords.contains(lower[i])
      {
        guard Self.looksLikeName(w), Self.verbWords[lower[i]] == nil,
          !Self.vmNouns.contains(lower[i]),
          !Self.groupNouns.contains(lower[i]), Self.numberWords[lower[i]] == nil,
          !Self.allWords.contains(lower[i]),
          !["storage", "account", "disk", "vnet", "network", "resource", "resources", "the"]
            .contains(lower[i])
        else { continue }
        names.append(w)
        used.insert(i)
      }
    }

    // Pronouns.
    let singular = lower.contains(where: { Self.singularPronouns.contains($0) })
    let plural = lower.contains(where: { Self.pluralPronouns.contains($0) })
    if names.isEmpty && !p.all {
      if plural, !context.vms.isEmpty {
        names = context.vms
        p.fromContext = "them"
      } else if singular, groupOperation, let g = context.resourceGroup {
        names = [g]
        p.fromContext = "that group"
      } else if singular, !context.vms.isEmpty, object != .group {
        names = context.vms.count == 1 ? context.vms : []
        p.fromContext = "it"
      }
    }
    p.names = names
    p.corrections = corrected

    // Decide the operation.
    guard let verb else {
      if object == .storage || object == .disk || object == .network {
        return .failure(unsupported(object))
      }
      if p.size != nil, singular || !names.isEmpty {
        return .success(make(.resizeVM, p, confidence * 0.9, "resize"))
      }
      return .failure(ParseProblemError(problem: .noOperation))
    }
    if object == .storage || object == .disk || object == .network,
      verb != .list || object != .unknown
    {
      return .failure(unsupported(object))
    }
    switch verb {
    case .create:
      if singular && p.size != nil && lower.firstIndex(of: "called") == nil
        && lower.firstIndex(of: "named") == nil
      {
        return .success(make(.resizeVM, p, confidence, "resize"))
      }
      if groupOperation {
        if p.resourceGroup != nil && names.isEmpty {
          names = [p.resourceGroup!]
          p.names = names
          p.resourceGroup = nil
        }
        return .success(make(.createResourceGroup, p, confidence, "create a resource group"))
      }
      if object == .unknown { confidence *= 0.8 }
      return .success(make(.provisionVM, p, confidence, "create VMs"))
    case .delete:
      if groupOperation {
        return .success(make(.deleteResourceGroup, p, confidence, "delete a resource group"))
      }
      if names.isEmpty && !p.all && !singular && !plural {
        return .failure(ParseProblemError(problem: .missingTarget("delete")))
      }
      return .success(make(.deleteVM, p, confidence, "delete VMs"))
    case .list:
      if groupOperation && !lower.contains(where: { Self.vmNouns.contains($0) }) {
        return .success(make(.listResourceGroups, p, confidence, "list resource groups"))
      }
      if let name = names.first, names.count == 1, !p.all, !lower.contains("vms") {
        p.names = [name]
        return .success(make(.showVM, p, confidence, "show a VM"))
      }
      if lower.contains("running") { p.powerState = "running" }
      if lower.contains("stopped") { p.powerState = "stopped" }
      if lower.contains("deallocated") { p.powerState = "deallocated" }
      return .success(make(.listVMs, p, object == .vm ? confidence : confidence * 0.8, "list VMs"))
    case .start: return .success(make(.startVM, p, confidence, "start VMs"))
    case .stop: return .success(make(.stopVM, p, confidence, "stop VMs"))
    case .deallocate: return .success(make(.deallocateVM, p, confidence, "deallocate VMs"))
    case .restart: return .success(make(.restartVM, p, confidence, "restart VMs"))
    case .resize: return .success(make(.resizeVM, p, confidence, "resize VMs"))
    case .cost: return .success(make(.costReport, p, confidence, "estimate cost"))
    }
  }

  private func make(
    _ kind: IntentKind, _ p: IntentParameters, _ confidence: Double, _ explanation: String
  ) -> Intent {
    var text = explanation
    if !p.names.isEmpty { text += " " + p.names.joined(separator: ", ") }
    if !p.corrections.isEmpty {
      text += " (you typed " + p.corrections.joined(separator: ", ") + ")"
    }
    return Intent(kind: kind, parameters: p, confidence: confidence, explanation: text)
  }

  /// True for words shaped like Azure region names: a place and a compass word, maybe a digit.
  static func looksLikeRegion(_ word: String) -> Bool {
    let compass = ["east", "west", "north", "south", "central"]
    let trimmed = word.replacingOccurrences(of: "-", with: "").trimmingCharacters(
      in: .decimalDigits)
    return compass.contains { trimmed.hasSuffix($0) || trimmed.hasPrefix($0) }
      && !trimmed.hasSuffix("rg")
  }

  private func unsupported(_ object: Object) -> ParseProblemError {
    switch object {
    case .storage: return ParseProblemError(problem: .unsupported("storage accounts"))
    case .disk: return ParseProblemError(problem: .unsupported("managed disks"))
    default: return ParseProblemError(problem: .unsupported("virtual networks"))
    }
  }

  static func looksLikeName(_ word: String) -> Bool {
    guard let first = word.unicodeScalars.first, !word.isEmpty, word.count <= 90 else {
      return false
    }
    return first.properties.isAlphabetic || ("0"..."9").contains(Character(first))
      || !word.unicodeScalars.allSatisfy { $0.isASCII }
  }
}

/// A parse problem carried through `Result`.
struct ParseProblemError: Error, Equatable {
  var problem: ParseProblem
}
