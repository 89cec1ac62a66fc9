/// An az argv split into its verb and its flags' values, for writing the step as Terraform.
///
/// Unlike `StepTarget`, which reads a few flags it knows, this keeps every flag, so a flag
/// the configuration cannot express is noticed and the plan refused rather than the flag
/// silently dropped. Short flags are read as their long forms (`-g` as `--resource-group`),
/// `--flag=value` as `--flag value`, and a flag may take several values (`--tags a=1 b=2`).
struct TerraformStepArguments {
  /// The words before the first flag, such as `vm create`.
  let verb: String
  /// Each flag, by its long form, with the values after it in order.
  private(set) var values: [String: [String]] = [:]

  private static let longForms = [
    "-g": "--resource-group", "-n": "--name", "-l": "--location", "-z": "--size-gb",
  ]

  init(_ arguments: [String]) {
    let words = arguments.prefix(while: { !$0.hasPrefix("-") })
    verb = words.joined(separator: " ")
    var flag: String?
    for word in arguments.dropFirst(words.count) {
      if word.hasPrefix("-") {
        var name = word
        var inline: String?
        if let equals = word.firstIndex(of: "=") {
          name = String(word[..<equals])
          inline = String(word[word.index(after: equals)...])
        }
        name = Self.longForms[name] ?? name
        values[name, default: []] += inline.map { [$0] } ?? []
        flag = name
      } else if let flag {
        values[flag, default: []].append(word)
      }
    }
  }

  /// The flags given, sorted.
  var flags: [String] { values.keys.sorted() }

  /// The one value of `flag`, or `nil` when it is absent, empty, or given several values.
  func single(_ flag: String) -> String? {
    guard let found = values[flag], found.count == 1, !found[0].isEmpty else { return nil }
    return found[0]
  }

  /// The `key=value` pairs of `--tags` with azlin's ownership tag added, sorted by key.
  var tags: [(key: String, value: String)] {
    var pairs: [String: String] = [:]
    for word in values["--tags"] ?? [] where !word.isEmpty {
      let parts = word.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      pairs[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
    }
    pairs["managed-by"] = "azlin"
    return pairs.keys.sorted().map { (key: $0, value: pairs[$0] ?? "") }
  }
}
