/// Hands out Terraform resource labels made from Azure names, each unique in its namespace.
///
/// A label is the name lowercased with every character other than `a-z`, `0-9` and `_`
/// turned into `_`, and `r_` put before a leading digit. Two names that come out the same
/// (`web-1` and `web_1`) get `_2`, `_3`, … in the order they are claimed, so the same plan
/// always gets the same labels.
struct TerraformLabels {
  private var taken: [String: Set<String>] = [:]

  /// `name` as a label: lowercase `[a-z0-9_]`, never starting with a digit.
  /// - Parameter name: An Azure resource name.
  static func sanitize(_ name: String) -> String {
    var label = String(
      String.UnicodeScalarView(
        name.lowercased().unicodeScalars.map { scalar in
          let allowed =
            (scalar.value >= 0x61 && scalar.value <= 0x7A)
            || (scalar.value >= 0x30 && scalar.value <= 0x39) || scalar == "_"
          return allowed ? scalar : "_"
        }))
    if label.isEmpty || label.first?.isNumber == true { label = "r_" + label }
    return label
  }

  /// A label for `name` that no earlier claim in `namespace` has.
  /// - Parameters:
  ///   - name: The Azure name the label stands for.
  ///   - namespace: The resources that must not share a label, such as `vm`.
  mutating func claim(_ name: String, in namespace: String) -> String {
    let base = Self.sanitize(name)
    var label = base
    var suffix = 2
    while taken[namespace, default: []].contains(label) {
      label = "\(base)_\(suffix)"
      suffix += 1
    }
    taken[namespace, default: []].insert(label)
    return label
  }
}
