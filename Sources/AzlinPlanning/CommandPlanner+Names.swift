import AzlinAzure
import AzlinLedger

extension CommandPlanner {
  /// Why `name` cannot name a `kind`: it has the shape of a secret (a token, a key, a value the
  /// shell redacted), or it breaks Azure's naming rules; `nil` when it can.
  static func nameViolation(_ name: String, as kind: ResourceKind) -> String? {
    if Redactor.looksLikeSecret(name) {
      return
        "That \(kind.displayName) name looks like a secret; azlin never uses one as a name. Choose another name."
    }
    return NamingRules.violation(of: name, as: kind)
  }
}
