import AzlinAzure
import AzlinCore
import Foundation

/// An in-process Azure emulator that answers az command lines as az would.
///
/// `run` takes the same argv `az` would (without the leading `az`) and gives back what az
/// would print: the same JSON shapes (indented by two spaces, keys sorted), the same
/// `ERROR: (Code) Message` lines on stderr, the same exit codes (0 ok, 1 error, 2 arguments
/// az's parser rejects, 3 `show` of something missing).
///
/// State lives in `<folder>/state.json`. Every command reads, changes and writes it under
/// `FileLock(<folder>/.lock)`, so two processes sharing the folder take turns; a state file
/// that cannot be read is reported with its path, never reset.
///
/// Long-running operations have modelled durations: `run` sleeps them on the injected
/// `sleeper` and reports them as `durationMs`; until an operation's time has passed on the
/// injected clock, other readers see the resource's interim state (`Creating`, `VM starting`…).
///
/// One simulator may be shared between threads: every command runs under the folder's lock.
public final class AzureSimulator: Sendable {
  /// The simulated subscription: a fixed identity that names itself as the simulator.
  static let subscriptionID = "00000000-0000-0000-0000-000000000000"
  static let subscriptionName = "azlin simulator"
  static let tenantID = "00000000-0000-0000-0000-000000000001"

  let folder: String
  let statePath: String
  let lock: FileLock
  let clock: any Clock
  let sleeper: any Sleeper
  let ids: any IDGenerator
  let faults: SimulatorFaultPlan
  let catalog: AzureCatalog
  /// The vCPU limits this subscription has: Azure's pay-as-you-go defaults, or a raised quota.
  let vCPULimits: (total: Int, family: Int)
  /// The state as last read, while the file is unchanged.
  let stateCache = SimulatorStateCache()

  /// Opens (or starts) the simulator whose state is in `folder`.
  /// - Parameters:
  ///   - folder: The state folder, `$AZLIN_HOME/sim`; created when missing.
  ///   - clock: Timestamps and the end of long-running operations come from it.
  ///   - sleeper: Waits out each operation's modelled duration.
  ///   - ids: Makes the identifiers Azure would make up (`vmId`, disk `uniqueId`…).
  ///   - faults: An `AZLIN_SIM_FAULTS` value, such as `vm create=InternalServerError*2`.
  ///   - vCPUQuota: A raised vCPU quota (regional and per family), as a subscription that asked
  ///     Azure for more has; `nil` for the pay-as-you-go defaults.
  /// - Throws: `SimulatorFaultPlanError` for a malformed faults value; `FileError` when the
  ///   folder cannot be created.
  public init(
    folder: String, clock: any Clock, sleeper: any Sleeper, ids: any IDGenerator,
    faults: String? = nil, vCPUQuota: Int? = nil
  )
    throws
  {
    self.faults = try SimulatorFaultPlan(parsing: faults)
    self.vCPULimits =
      vCPUQuota.map { ($0, $0) } ?? (Self.totalVCPULimit, Self.familyVCPULimit)
    try AzlinHome.makeFolder(folder)
    self.folder = folder
    self.statePath = folder + "/state.json"
    self.lock = FileLock(path: folder + "/.lock")
    self.clock = clock
    self.sleeper = sleeper
    self.ids = ids
    self.catalog = AzureCatalog.bundled
  }

  /// Runs one az command line against the simulated Azure.
  /// - Parameter arguments: The arguments after `az`, such as `["group", "list"]`.
  /// - Returns: az's exit code, stdout and stderr, and the modelled duration.
  public func run(_ arguments: [String]) -> AzResult {
    let start = clock.now
    let invocation: SimulatorInvocation
    do {
      switch try SimulatorArgumentParser.parse(arguments) {
      case .help(let text): return AzResult(exitCode: 0, stdout: text, stderr: "")
      case .run(let parsed): invocation = parsed
      }
    } catch {
      return AzResult(exitCode: 2, stdout: "", stderr: Self.failure(error).stderr)
    }
    let response: SimulatorResponse
    do {
      try checkSubscription(invocation)
      response = try lock.withLock { try perform(invocation, at: start) }
    } catch {
      let failure = Self.failure(error)
      let duration = failure.exitCode == 2 ? 0 : Self.failureDuration
      sleeper.sleep(seconds: duration)
      return AzResult(
        exitCode: failure.exitCode, stdout: "",
        stderr: diagnostics(invocation, duration) + failure.stderr,
        durationMs: Self.milliseconds(duration))
    }
    sleeper.sleep(seconds: response.duration)
    var stderr = diagnostics(invocation, response.duration)
    if !invocation.has("--only-show-errors") {
      stderr += response.warnings.map { "WARNING: \($0)\n" }.joined()
    }
    let renderer = SimulatorRenderer(
      format: invocation.output, tableTransform: response.tableTransform,
      keepsMemberOrder: response.keepsMemberOrder)
    return AzResult(
      exitCode: 0, stdout: renderer.render(response.value), stderr: stderr,
      durationMs: Self.milliseconds(response.duration))
  }

  /// Loads the state, fires a fault or runs the command, and saves what changed.
  private func perform(_ invocation: SimulatorInvocation, at now: Date) throws -> SimulatorResponse
  {
    var state = try stateCache.load(from: statePath)
    let loaded = state
    state.settle(at: now)
    if let rule = faults.firing(for: invocation.spec.words, counts: state.faultCounts) {
      if rule.times != nil { state.faultCounts[rule.key, default: 0] += 1 }
      if rule.code == SimulatorFaultPlan.noEffect {
        // Answers as if it worked, but Azure keeps nothing of it: only a check of live state can tell.
        var scratch = state
        let response = try handle(invocation, state: &scratch, now: now)
        if state != loaded { try stateCache.save(state, to: statePath) }
        return response
      }
      if state != loaded { try stateCache.save(state, to: statePath) }
      throw fault(rule, invocation, state: state, now: now)
    }
    let response = try handle(invocation, state: &state, now: now)
    if state != loaded { try stateCache.save(state, to: statePath) }
    return response
  }

  /// Sends the command to its handler.
  private func handle(_ invocation: SimulatorInvocation, state: inout SimulatorState, now: Date)
    throws
    -> SimulatorResponse
  {
    let call = SimulatorCall(invocation: invocation, now: now)
    switch invocation.spec.verb {
    case "group create": return try groupCreate(call, &state)
    case "group show": return try groupShow(call, &state)
    case "group list": return try groupList(call, &state)
    case "group delete": return try groupDelete(call, &state)
    case "group exists": return try groupExists(call, &state)
    case "vm create": return try vmCreate(call, &state)
    case "vm show": return try vmShow(call, &state)
    case "vm list": return try vmList(call, &state)
    case "vm delete": return try vmDelete(call, &state)
    case "vm start", "vm stop", "vm deallocate", "vm restart": return try vmPower(call, &state)
    case "vm resize": return try vmResize(call, &state)
    case "vm list-sizes": return try vmListSizes(call, &state)
    case "vm list-usage": return try vmListUsage(call, &state)
    case "vm disk attach": return try vmDiskAttach(call, &state)
    case "vm disk detach": return try vmDiskDetach(call, &state)
    case "disk create": return try diskCreate(call, &state)
    case "disk show": return try diskShow(call, &state)
    case "disk list": return try diskList(call, &state)
    case "disk delete": return try diskDelete(call, &state)
    case "storage account create": return try storageCreate(call, &state)
    case "storage account show": return try storageShow(call, &state)
    case "storage account list": return try storageList(call, &state)
    case "storage account delete": return try storageDelete(call, &state)
    case "storage account check-name": return try storageCheckName(call, &state)
    case "network vnet create": return try vnetCreate(call, &state)
    case "network vnet show": return try vnetShow(call, &state)
    case "network vnet list": return try vnetList(call, &state)
    case "network vnet delete": return try vnetDelete(call, &state)
    case "network nsg list": return try securityGroupList(call, &state)
    case "network nsg show": return try securityGroupShow(call, &state)
    case "network nsg rule create": return try securityRuleCreate(call, &state)
    case "network nsg rule delete": return try securityRuleDelete(call, &state)
    case "network nsg rule list": return try securityRuleList(call, &state)
    case "vm auto-shutdown": return try vmAutoShutdown(call, &state)
    case "vm update", "group update", "disk update", "storage account update":
      return try tagUpdate(call, &state)
    case "account show": return accountShow(call)
    case "snapshot create": return try snapshotCreate(call, &state)
    case "snapshot show": return try snapshotShow(call, &state)
    case "snapshot list": return try snapshotList(call, &state)
    case "snapshot delete": return try snapshotDelete(call, &state)
    case "vm run-command invoke": return try vmRunCommand(call, &state)
    default:
      throw SimulatorFailure.usage(
        "'\(invocation.spec.verb)' is not modelled by the azlin simulator.")
    }
  }

  /// az's `--subscription` check: the simulator has one subscription.
  private func checkSubscription(_ invocation: SimulatorInvocation) throws {
    guard let wanted = invocation.string("--subscription") else { return }
    let known = [Self.subscriptionID, Self.subscriptionName].map { $0.lowercased() }
    guard known.contains(wanted.lowercased()) else {
      throw SimulatorFailure.client(
        "Subscription '\(wanted)' not found. Check the spelling and casing and try again.")
    }
  }

  /// What `--verbose` and `--debug` add on stderr.
  private func diagnostics(_ invocation: SimulatorInvocation, _ duration: TimeInterval) -> String {
    var text = ""
    if invocation.has("--debug") {
      let quoted = invocation.arguments.map { "'\($0)'" }.joined(separator: ", ")
      text += "DEBUG: cli.knack.cli: Command arguments: [\(quoted)]\n"
      text += "DEBUG: cli.azure.cli.core: Backend: azlin simulator (state \(statePath))\n"
    }
    if invocation.has("--verbose") || invocation.has("--debug") {
      let seconds = String(format: "%.3f", duration)
      text += "INFO: Command ran in \(seconds) seconds (init: 0.000, invoke: \(seconds))\n"
    }
    return text
  }

  /// The failure for an error thrown while running a command.
  static func failure(_ error: any Error) -> SimulatorFailure {
    if let failure = error as? SimulatorFailure { return failure }
    return SimulatorFailure.client("\(error)")
  }

  static func milliseconds(_ seconds: TimeInterval) -> Int { Int((seconds * 1000).rounded()) }
}
