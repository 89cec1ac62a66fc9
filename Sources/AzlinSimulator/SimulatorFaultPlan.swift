import AzlinAzure
import Foundation

/// Injected failures, from `AZLIN_SIM_FAULTS`.
///
/// The value is a `;`-separated list of rules `<verb>=<Code>[*N]`, for example
/// `vm create=InternalServerError*2;storage account create=StorageAccountAlreadyTaken*1`.
/// A rule matches a command whose words equal the verb or start with it (`vm` matches every
/// `vm` command). The first N matching commands fail with that code and an az-like message;
/// without `*N` every matching command fails. The pseudo-code `NoEffect` makes a command answer
/// as if it worked while changing nothing. How often each rule has fired is kept in the
/// simulator's state, so the count holds across processes sharing the folder.
struct SimulatorFaultPlan: Equatable, Sendable {
  /// One rule.
  struct Rule: Equatable, Sendable {
    /// The command words the rule matches.
    var verb: [String]
    /// The Azure error code to fail with.
    var code: String
    /// How many times the rule fires; `nil` for every time.
    var times: Int?

    /// The rule as written, normalised; the key of its count in the state.
    var key: String { verb.joined(separator: " ") + "=" + code + (times.map { "*\($0)" } ?? "") }

    /// Whether the rule applies to a command with these words.
    func matches(_ words: [String]) -> Bool { Array(words.prefix(verb.count)) == verb }
  }

  var rules: [Rule]

  /// The pseudo-code of a command that reports success and changes nothing.
  static let noEffect = "NoEffect"

  /// The codes a rule may name.
  static let knownCodes = [
    noEffect,
    "AllocationFailed", "AuthorizationFailed", "Conflict", "GatewayTimeout", "InternalServerError",
    "InvalidResourceName", "OperationNotAllowed", "QuotaExceeded", "ResourceGroupNotFound",
    "ResourceNotFound",
    "RetryableError", "ServiceUnavailable", "SkuNotAvailable", "StorageAccountAlreadyTaken",
    "TooManyRequests",
  ]

  /// az's message for an injected `code`, naming what the command names.
  static func message(for code: String, _ context: FaultContext) -> String {
    let quota =
      "Operation could not be completed as it results in exceeding approved Total Regional Cores quota. "
      + "Additional details - Deployment Model: Resource Manager, Location: \(context.location)."
    switch code {
    case "TooManyRequests":
      return
        "The request is being throttled as the limit has been reached for this operation type. Retry after 10 seconds."
    case "InternalServerError":
      return
        "Encountered internal server error. Diagnostic information: timestamp '\(context.timestamp)'. Please retry later."
    case "RetryableError":
      return "A retryable error occurred while processing the request. Please retry the operation."
    case "ServiceUnavailable":
      return "The service is temporarily unavailable. Please retry later."
    case "GatewayTimeout":
      return
        "The gateway did not receive a response from '\(context.resourceType.split(separator: "/").first ?? "")' "
        + "within the specified time period."
    case "AllocationFailed":
      return
        "Allocation failed. We do not have sufficient capacity for the requested VM size in this region. "
        + "Read more about improving likelihood of allocation success at http://aka.ms/allocation-guidance"
    case "ResourceGroupNotFound":
      return "Resource group '\(context.group)' could not be found."
    case "ResourceNotFound":
      return
        "The Resource '\(context.resourceType)/\(context.name)' under resource group '\(context.group)' was not found. "
        + "For more details please go to https://aka.ms/ARMResourceNotFoundFix"
    case "InvalidResourceName":
      return "The resource name '\(context.name)' is invalid."
    case "StorageAccountAlreadyTaken":
      return "The storage account named \(context.name) is already taken."
    case "SkuNotAvailable":
      return
        "The requested VM size for resource 'Following SKUs have failed for Capacity Restrictions: \(context.size)' "
        + "is currently not available in location '\(context.location)'. Please try another size or deploy to a "
        + "different location or different zone. See https://aka.ms/azureskunotavailable for details."
    case "QuotaExceeded", "OperationNotAllowed":
      return quota
    case "Conflict":
      return
        "The resource '\(context.name)' is in a conflicting state; another operation may be in progress."
    default:
      return
        "The client does not have authorization to perform action '\(context.resourceType)/write' over scope "
        + "'/subscriptions/\(context.subscription)/resourceGroups/\(context.group)' or the scope is invalid."
    }
  }

  /// What a fault message may name about the failing command.
  struct FaultContext: Sendable {
    var name: String
    var group: String
    var location: String
    var size: String
    var resourceType: String
    var subscription: String
    var timestamp: String
  }

  /// Reads an `AZLIN_SIM_FAULTS` value; `nil` or blank means no faults.
  /// - Throws: `SimulatorFaultPlanError` naming the rule that cannot be read and why.
  init(parsing text: String?) throws {
    rules = []
    guard let text else { return }
    for raw in text.split(separator: ";") {
      let rule = raw.trimmingCharacters(in: .whitespaces)
      if rule.isEmpty { continue }
      guard let equals = rule.firstIndex(of: "=") else {
        throw SimulatorFaultPlanError(rule: rule, reason: "expected <command>=<ErrorCode>[*N]")
      }
      let verb = rule[..<equals].split(separator: " ").map(String.init)
      var codeText = rule[rule.index(after: equals)...].trimmingCharacters(in: .whitespaces)
      var times: Int?
      if let star = codeText.firstIndex(of: "*") {
        let count = codeText[codeText.index(after: star)...].trimmingCharacters(in: .whitespaces)
        guard let n = Int(count), n > 0 else {
          throw SimulatorFaultPlanError(
            rule: rule, reason: "the count after * must be a positive whole number")
        }
        times = n
        codeText = codeText[..<star].trimmingCharacters(in: .whitespaces)
      }
      guard !verb.isEmpty,
        SimulatorCommandSpec.all.contains(where: { Array($0.words.prefix(verb.count)) == verb })
      else {
        throw SimulatorFaultPlanError(
          rule: rule,
          reason: "'\(verb.joined(separator: " "))' is not a command the simulator models")
      }
      guard Self.knownCodes.contains(codeText) else {
        throw SimulatorFaultPlanError(
          rule: rule,
          reason:
            "unknown error code '\(codeText)'; known codes: \(Self.knownCodes.joined(separator: ", "))"
        )
      }
      rules.append(Rule(verb: verb, code: codeText, times: times))
    }
  }

  /// The first rule that matches `words` and has not used up its count in `counts`.
  func firing(for words: [String], counts: [String: Int]) -> Rule? {
    rules.first { rule in
      guard rule.matches(words) else { return false }
      guard let times = rule.times else { return true }
      return counts[rule.key, default: 0] < times
    }
  }
}
