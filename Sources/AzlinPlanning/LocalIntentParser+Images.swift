import AzlinAzure
import Foundation

extension LocalIntentParser {
  /// Words for Windows images.
  static let windowsWords: Set<String> = [
    "windows", "win2022", "win2019", "win2016", "win2012", "win11", "win10", "windows11",
    "windows10",
  ]

  /// Linux distributions az has no alias for: named, they are answered with the aliases azlin
  /// knows, never mapped to a guess. The ones that are also ordinary words need "linux" after them.
  static let unknownDistroWords: Set<String> = [
    "rocky", "rockylinux", "alma", "almalinux", "fedora", "alpine", "freebsd", "gentoo", "nixos",
    "kali", "coreos", "oraclelinux", "amazonlinux", "mariner", "azurelinux", "archlinux",
  ]
  static let unknownDistroBeforeLinux: Set<String> = ["arch", "oracle", "amazon", "mint", "azure"]

  /// The image stage: an alias by its words ("debian 12", "ubuntu 24.04 lts", "flatcar"), a URN
  /// (`publisher:offer:sku:version`), a Windows image, or an image azlin does not know.
  ///
  /// In a clause that creates (or names no other verb), a Windows image or an unknown one stops
  /// the clause with one line; elsewhere ("delete the windows one") the words only describe.
  /// - Returns: The refusal, or nil when the clause goes on.
  func claimImage(_ c: inout ClauseScan, into p: inout IntentParameters) -> ParseProblemError? {
    // A question about money ("how much is it with the windows license") or another verb
    // ("delete the windows one") describes a VM; only a create is refused.
    let otherVerb =
      c.lower.contains { w in
        if let v = Self.verbWords[w] { return v != .create } else { return false }
      } || c.lower.contains(where: Self.costWords.contains) || c.has(phrase: ["how", "much"])
    func next(_ i: Int) -> String {
      i + 1 < c.lower.count && !c.used.contains(i + 1) ? c.lower[i + 1] : ""
    }
    func isVersion(_ w: String) -> Bool {
      !w.isEmpty && w.first!.isNumber && w.allSatisfy { $0.isNumber || $0 == "." }
    }
    for i in c.lower.indices where !c.used.contains(i) {
      let w = c.lower[i]
      if ImageAliases.urnParts(c.words[i]) != nil {
        p.image = c.words[i]
        c.claim([i])
        continue
      }
      if Self.windowsWords.contains(w) || ImageAliases.isWindows(w) {
        var typed = [c.words[i]]
        var j = i + 1
        while j < c.lower.count, !c.used.contains(j),
          ["server", "datacenter", "core"].contains(c.lower[j]) || isVersion(c.lower[j])
        {
          typed.append(c.words[j])
          j += 1
        }
        if !otherVerb {
          return ParseProblemError(problem: .windowsImage(typed.joined(separator: " ")))
        }
        p.image = ImageAliases.windows[0]
        c.claim(i..<j)
        continue
      }
      if Self.imageWords[w] == nil, let alias = ImageAliases.linux(named: w) {
        p.image = alias.alias
        c.claim([i])
        continue
      }
      if Self.imageWords[w] != nil {
        var version = next(i)
        // "ubuntu 2 vms": a count, not a version.
        if let n = Int(version), n < 10, i + 2 < c.lower.count,
          Self.vmNouns.contains(c.lower[i + 2])
        {
          version = ""
        }
        guard isVersion(version) else {
          p.image = Self.imageWords[w]
          c.claim([i])
          if next(i) == "image" { c.claim([i + 1]) }
          continue
        }
        let key = w + version.replacingOccurrences(of: ".", with: "")
        let major = w + (version.split(separator: ".").first.map(String.init) ?? "")
        guard let alias = Self.imageWords[key] ?? Self.imageWords[major] else {
          if otherVerb { continue }
          return ParseProblemError(problem: .unknownImage(c.words[i] + " " + c.words[i + 1]))
        }
        p.image = alias
        c.claim(i...(i + 1))
        if next(i + 1) == "lts" || next(i + 1) == "image" { c.claim([i + 2]) }
        continue
      }
      let unknownDistro =
        Self.unknownDistroWords.contains(w)
        || (Self.unknownDistroBeforeLinux.contains(w) && next(i) == "linux")
      if unknownDistro, !otherVerb {
        var typed = c.words[i]
        if next(i) == "linux" || isVersion(next(i)) { typed += " " + c.words[i + 1] }
        return ParseProblemError(problem: .unknownImage(typed))
      }
      // "with image foo", "using os foo": a word in the image's place that no alias matches
      // ("a vm for my OS class" names no image).
      if ["image", "os"].contains(w), !otherVerb, i > 0,
        ["with", "using", "use", "from", "on", "run", "running"].contains(c.lower[i - 1])
      {
        var j = i + 1
        while j < c.lower.count, ["the", "a", "an", "called", "named"].contains(c.lower[j]) {
          j += 1
        }
        guard j < c.lower.count, !c.used.contains(j) else { continue }
        let word = c.lower[j]
        if Self.imageWords[word] != nil || Self.windowsWords.contains(word)
          || ImageAliases.urnParts(c.words[j]) != nil || Self.unknownDistroWords.contains(word)
        {
          c.claim([i])
          continue
        }
        if let alias = ImageAliases.linux(named: word) {
          p.image = alias.alias
          c.claim(i...j)
          continue
        }
        if ImageAliases.isWindows(word) { continue }
        if Self.looksLikeName(word), !Self.stopWords.contains(word), !Self.vmNouns.contains(word),
          !Self.diskNouns.contains(word), word != "version",
          Self.verbWords[word] == nil, catalog.normalizeRegion(word) == nil
        {
          return ParseProblemError(problem: .unknownImage(c.words[j]))
        }
      }
    }
    return nil
  }
}
