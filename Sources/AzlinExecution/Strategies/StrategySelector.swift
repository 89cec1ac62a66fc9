import AzlinAzure

/// Ranks the strategies for a plan and for each of its steps, and builds the fallback chain.
///
/// With the preference `auto`: Terraform takes a larger infrastructure plan when its binary
/// is present; each step then goes to an MCP server that offers a matching tool (or an az
/// pass-through), and to the Azure CLI after it. `az` puts the Azure CLI first and skips
/// Terraform; `mcp` is `auto` without Terraform; `terraform` is `auto`. A strategy that is
/// not available (binary missing, server unreachable) is left out of every chain.
public final class StrategySelector: @unchecked Sendable {
  /// Which strategy goes first.
  public enum Preference: String, CaseIterable, Sendable {
    case auto, az, mcp, terraform
  }

  /// One strategy, as `/strategy` shows it.
  public struct Status: Equatable, Sendable {
    public var name: String
    /// `plan` for Terraform, `step` for the others.
    public var scope: String
    public var availability: StrategyAvailability
  }

  public var preference: Preference
  public let azureCLI: any StepStrategy
  public let mcp: [any StepStrategy]
  public let terraform: (any PlanStrategy)?

  public init(
    azureCLI: any StepStrategy, mcp: [any StepStrategy] = [], terraform: (any PlanStrategy)? = nil,
    preference: Preference = .auto
  ) {
    self.azureCLI = azureCLI
    self.mcp = mcp
    self.terraform = terraform
    self.preference = preference
  }

  /// The step strategies, in the order they are tried.
  public var stepStrategies: [any StepStrategy] {
    preference == .az ? [azureCLI] + mcp : mcp + [azureCLI]
  }

  /// The fallback chain for `step`: each strategy that can carry it out, with how.
  public func chain(for step: ExecutableStep) -> [(strategy: any StepStrategy, route: StepRoute)] {
    stepStrategies.compactMap { strategy in strategy.route(for: step).map { (strategy, $0) } }
  }

  /// The route a step takes first, for the plan shown before approval.
  public func firstRoute(for step: ExecutableStep) -> StepRoute? { chain(for: step).first?.route }

  /// The plan strategy that takes `steps` whole, when one is preferred, available and willing.
  public func planStrategy(for steps: [ExecutableStep]) -> (any PlanStrategy)? {
    guard let terraform, preference == .auto || preference == .terraform, !steps.isEmpty,
      terraform.availability().isAvailable, terraform.accepts(steps)
    else { return nil }
    return terraform
  }

  /// Every strategy in the order tried, with whether it can be used now.
  public func statuses() -> [Status] {
    var list: [Status] = []
    let plan = terraform.map {
      Status(name: $0.name, scope: "plan", availability: $0.availability())
    }
    if preference != .az, preference != .mcp, let plan { list.append(plan) }
    list += stepStrategies.map {
      Status(name: $0.name, scope: "step", availability: $0.availability())
    }
    if preference == .az || preference == .mcp, var plan {
      // Listed for completeness, but the preference keeps it out of every chain.
      if plan.availability.isAvailable {
        plan.availability = .unavailable("not used while the preference is \(preference.rawValue)")
      }
      list.append(plan)
    }
    return list
  }
}
