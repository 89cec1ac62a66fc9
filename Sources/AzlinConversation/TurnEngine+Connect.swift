import AzlinAzure
import AzlinCore
import AzlinExecution
import AzlinLedger
import AzlinPlanning
import Foundation

extension TurnEngine {
  /// What a VM's connection needs, read from `az vm show -d`.
  struct Connection {
    var vm: LiveState.VM
    var state: String
    var publicAddress: String?
    var privateAddress: String?
    var user: String

    /// The ssh command line's argv, when there is an address to connect to.
    var sshArguments: [String]? { publicAddress.map { ["\(user)@\($0)"] } }
  }

  /// Reads `vm`'s address, admin user and power state; says why when it cannot.
  func connection(to vm: LiveState.VM) -> Connection? {
    let result = backend.run(.vmShow(name: vm.name, group: vm.resourceGroup))
    guard result.succeeded, let json = result.json else {
      fail(
        Messages.connectUnreadable(
          vm: vm.name, error: result.error ?? AzError(code: "Unknown", message: result.stderr)))
      return nil
    }
    func address(_ key: String) -> String? {
      let text = json[key]?.stringValue ?? ""
      let first = text.split(separator: ",").first.map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      return first?.isEmpty == false ? first : nil
    }
    var state = json["powerState"]?.stringValue ?? vm.powerState
    if state.hasPrefix("VM ") { state = String(state.dropFirst(3)) }
    return Connection(
      vm: vm, state: state, publicAddress: address("publicIps"),
      privateAddress: address("privateIps"),
      user: json.value(at: "osProfile.adminUsername")?.stringValue ?? "azureuser")
  }

  /// The lines that answer "how do I connect to sam"; nil after saying why nothing can connect.
  func connectionLines(_ c: Connection) -> [String]? {
    guard c.state == "running" else {
      fail(
        Messages.connectNotRunning(
          vm: c.vm.name, state: c.state, address: c.publicAddress, user: c.user))
      return nil
    }
    guard let address = c.publicAddress else {
      fail(
        Messages.connectNoPublicIP(vm: c.vm.name, privateAddress: c.privateAddress, user: c.user))
      return nil
    }
    return Messages.connectWith(vm: c.vm.name, address: address, user: c.user)
  }

  /// Answers "how do I connect to sam": its address, user and ssh command.
  func showConnection(_ vm: LiveState.VM) {
    conversation.remember(listed: [vm.name])
    guard let c = connection(to: vm), let lines = connectionLines(c) else { return }
    say(lines)
    if backend.kind == .sim { say(Messages.connectSimulatedNote(vm: vm.name)) }
  }

  /// `/ssh [vm]`: shows how to connect and, on the real az in a terminal, runs `ssh` there and
  /// comes back when it ends. On the simulator it says there is no machine and shows the command.
  func ssh(_ args: [String]) {
    guard args.count <= 1 else { return fail(Messages.usage(SlashCommand.usage(of: "ssh"))) }
    refreshLive()
    if let error = liveError { return fail(Messages.stateUnknown(error)) }
    var intent = Intent(kind: .connectVM)
    if let name = args.first {
      intent.parameters.names = [name]
    } else if conversation.vms.count == 1 {
      intent.parameters.names = conversation.vms
    }
    let planner = CommandPlanner(defaults: config.defaults)
    let vm: LiveState.VM
    switch planner.plan([intent], live: live, context: conversation) {
    case .report(.connect(let found)): vm = found
    case .refused(let problem): return fail(Messages.problem(problem))
    case .question:
      return fail(
        Messages.usage(SlashCommand.usage(of: "ssh")) + " — VMs: "
          + live.vms.map(\.name).joined(separator: ", "))
    default: return fail(Messages.usage(SlashCommand.usage(of: "ssh")))
    }
    conversation.remember(listed: [vm.name])
    record(.slash, [("command", "ssh"), ("vm", .string(vm.name))])
    guard let c = connection(to: vm), let lines = connectionLines(c),
      let arguments = c.sshArguments
    else { return }
    let command = Messages.sshCommand(user: c.user, address: c.publicAddress ?? "")
    if backend.kind == .sim {
      say(Messages.connectSimulated(vm: vm.name, command: command))
      return
    }
    guard output.isInteractive else {
      say(lines)
      say(Messages.sshNeedsTerminal)
      say("  " + command)
      return
    }
    say(lines.last ?? command)
    record(.ssh, [("vm", .string(vm.name)), ("argv", .strings(["ssh"] + arguments))])
    do {
      let done = try context.runner.run(
        ExternalCommand(
          executable: "ssh", arguments: arguments, timeout: .infinity, attachesTerminal: true))
      record(.sshEnd, [("vm", .string(vm.name)), ("exit_code", .number(Double(done.exitCode)))])
      say(Messages.sshReturned(vm: vm.name, exitCode: done.exitCode))
    } catch {
      fail(Messages.sshNotStarted("\(error)"))
    }
  }

  /// On the simulator a command cannot run inside a VM (there is no guest): one line, and
  /// nothing is planned or run. Nil when the plan runs no command or the backend is the real az.
  func simulatedGuestRefusal(_ plan: Plan) -> String? {
    guard backend.kind == .sim, let step = plan.steps.first(where: \.runsInsideVM) else {
      return nil
    }
    record(.runCommand, [("vm", .string(step.resource.name)), ("ran", false)])
    return Messages.noGuestToRun(vm: step.resource.name, command: step.command)
  }

  /// Says, under a plan that runs a command in a VM, that it cannot be undone.
  func noteRunCommand(_ plan: Plan) {
    if plan.steps.contains(where: \.runsInsideVM) { say(Messages.runCommandNote) }
  }

  /// Shows what a command run inside a VM printed (`vm run-command invoke`'s answer).
  func showRunOutput(_ step: ExecutableStep, _ stdout: String) {
    guard case .vmRunCommand(let vm, _, let script) = step.operation else { return }
    say(
      Messages.runOutput(
        vm: vm, script: script, json: try? JSONValue.parse(stdout)))
  }
}
