import Foundation

/// The utterances figure 2 plans: `Tests/AzlinPlanningTests/Corpus/utterances.tsv` (first
/// column, `#` lines skipped) when it exists, else the `Case(line: …)` strings of
/// `LocalIntentParserTests.swift`.
struct UtteranceCorpus {
  /// The lines, in file order.
  var lines: [String]
  /// Where they came from, relative to the package.
  var source: String

  static let tsv = "Tests/AzlinPlanningTests/Corpus/utterances.tsv"
  static let parserTests = "Tests/AzlinPlanningTests/LocalIntentParserTests.swift"

  /// Loads the corpus from the package, or nil when neither file can be read.
  static func load(from workspace: BenchWorkspace) -> UtteranceCorpus? {
    if let path = workspace.packageFile(tsv),
      let text = try? String(contentsOfFile: path, encoding: .utf8)
    {
      let lines = text.split(separator: "\n", omittingEmptySubsequences: true).compactMap {
        raw -> String? in
        let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
        guard !line.hasPrefix("#") else { return nil }
        let first =
          line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
          .first.map(String.init) ?? ""
        return first.trimmingCharacters(in: .whitespaces).isEmpty ? nil : first
      }
      if !lines.isEmpty { return UtteranceCorpus(lines: lines, source: tsv) }
    }
    if let path = workspace.packageFile(parserTests),
      let text = try? String(contentsOfFile: path, encoding: .utf8)
    {
      let lines = caseLines(in: text)
      if !lines.isEmpty { return UtteranceCorpus(lines: lines, source: parserTests) }
    }
    return nil
  }

  /// The string literals that follow `Case(line: ` in Swift source, unescaped.
  static func caseLines(in source: String) -> [String] {
    var lines: [String] = []
    let marker = "line: \""
    var rest = Substring(source)
    while let found = rest.range(of: marker) {
      let before = rest[..<found.lowerBound].suffix(40)
      var literal = ""
      var index = found.upperBound
      var escaped = false
      while index < rest.endIndex {
        let c = rest[index]
        if escaped {
          switch c {
          case "n": literal.append("\n")
          case "t": literal.append("\t")
          default: literal.append(c)
          }
          escaped = false
        } else if c == "\\" {
          escaped = true
        } else if c == "\"" {
          break
        } else {
          literal.append(c)
        }
        index = rest.index(after: index)
      }
      if before.range(of: "Case(") != nil, !literal.isEmpty { lines.append(literal) }
      rest = index < rest.endIndex ? rest[rest.index(after: index)...] : ""
    }
    return lines
  }
}
