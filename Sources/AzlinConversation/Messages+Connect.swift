import AzlinAzure
import AzlinCore
import AzlinLedger
import AzlinPlanning
import Foundation

extension Messages {
  // MARK: Connecting

  /// The ssh command line for `user` at `address`, as the person types it.
  static func sshCommand(user: String, address: String) -> String { "ssh \(user)@\(address)" }

  /// How to connect to a running VM with a public address.
  static func connectWith(vm: String, address: String, user: String) -> [String] {
    [
      "\(vm) is running at public IP \(address); its admin user is \(user).",
      "Connect with: \(sshCommand(user: user, address: address))",
    ]
  }

  /// A VM that is not running: nothing answers yet.
  static func connectNotRunning(vm: String, state: String, address: String?, user: String)
    -> String
  {
    let then = address.map { ", then: \(sshCommand(user: user, address: $0))" } ?? ""
    return
      "\(vm) is \(state), so there is nothing to connect to yet: start it first (\"start \(vm)\")\(then)"
  }

  /// A running VM without a public address.
  static func connectNoPublicIP(vm: String, privateAddress: String?, user: String) -> String {
    let inside =
      privateAddress.map {
        "; from inside its virtual network: \(sshCommand(user: user, address: $0))"
      } ?? ""
    return "\(vm) has no public IP address, so it cannot be reached from here\(inside)"
  }

  /// Under the answer to "how do I connect", on the simulator.
  static func connectSimulatedNote(vm: String) -> String {
    "(\(vm) is a simulated VM: no machine answers at that address.)"
  }

  /// On the simulator: there is no machine behind the address.
  static func connectSimulated(vm: String, command: String) -> String {
    "\(vm) is a simulated VM, so there is no machine to connect to; on Azure this would run: \(command)"
  }

  static func connectUnreadable(vm: String, error: AzError) -> String {
    "Could not read \(vm)'s address: \(error.code): \(Redactor.text(error.message))"
  }

  static let sshNeedsTerminal =
    "ssh needs a terminal, and this shell is reading a pipe; run it yourself:"

  static func sshNotStarted(_ reason: String) -> String { "Could not start ssh: \(reason)." }

  static func sshReturned(vm: String, exitCode: Int32) -> String {
    exitCode == 0
      ? "Back in azlin (the ssh session to \(vm) ended)."
      : "Back in azlin (ssh to \(vm) exited with \(exitCode))."
  }

  // MARK: Running commands

  /// Said instead of running a command on the simulator, whose VMs have no guest.
  static func noGuestToRun(vm: String, command: AzCommand) -> String {
    "\(vm) is a simulated VM with no operating system inside, so nothing was run; on Azure this would run: \(AzCommand(Redactor.argv(command.arguments)))"
  }

  static func unclearCommand(_ words: String) -> String {
    "Which words should run inside the VM — all of \"\(clip(Redactor.text(words), 40))\"? Put the command in backticks, e.g. run `df -h` on sam (nothing was done)."
  }

  static let runCommandNote =
    "Note: a command changes the machine in ways azlin cannot see or take back: /undo cannot undo it."

  /// What a command printed inside the VM, from `az vm run-command invoke`'s answer; every
  /// line redacted.
  static func runOutput(vm: String, script: String, json: JSONValue?) -> [String] {
    let message =
      json?["value"]?.arrayValue?.compactMap { $0["message"]?.stringValue }.joined(separator: "\n")
      ?? ""
    var out = ""
    var err = ""
    if let start = message.range(of: "[stdout]\n") {
      let rest = message[start.upperBound...]
      if let split = rest.range(of: "[stderr]\n") {
        out = String(rest[..<split.lowerBound])
        err = String(rest[split.upperBound...])
      } else {
        out = String(rest)
      }
    } else {
      out = message
    }
    func indented(_ text: String) -> [String] {
      text.trimmingCharacters(in: .newlines).split(
        separator: "\n", omittingEmptySubsequences: false
      )
      .map { "    " + Redactor.text(String($0)) }
    }
    var lines = ["  \(Redactor.text(script)) on \(vm) printed:"]
    let printed = out.trimmingCharacters(in: .whitespacesAndNewlines)
    lines += printed.isEmpty ? ["    (nothing)"] : indented(out)
    if !err.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
      lines.append("  and on stderr:")
      lines += indented(err)
    }
    return lines
  }

  // MARK: Images

  static func unknownImage(_ typed: String) -> String {
    "azlin knows no image called \"\(clip(typed, 40))\" and does not guess one, so nothing was done: choose \(ImageAliases.spokenList), or give a URN (publisher:offer:sku:version)."
  }

  static func windowsImage(_ typed: String) -> String {
    "azlin makes Linux VMs only, reached by SSH with a key it generates (a Windows VM needs an admin password, which azlin never takes), so \"\(clip(typed, 40))\" is refused and nothing was done: choose e.g. ubuntu 24.04 or debian 12."
  }

  static func notRunning(vm: String, state: String) -> String {
    "\(vm) is \(state), and a command runs only inside a running VM, so nothing was done: start it first (\"start \(vm)\")."
  }
}
