import ArgumentParser
import AzlinShell

/// The options `azlin shell` and `azlin doit` share.
struct SessionOptions: ParsableArguments {
  @Option(help: "Where commands land: auto (az when logged in, else the simulator), az, or sim.")
  var backend: ShellLauncher.BackendChoice?

  @Flag(
    name: [.customShort("y"), .long],
    help: "Approve every plan, destroy steps included. Budget refusals stand.")
  var yes = false

  @Flag(help: "Plan and price, then stop: nothing is changed.")
  var dryRun = false

  @Flag(name: .shortAndLong, help: "Show the az commands of every plan.")
  var verbose = false

  @Flag(help: "Carry on the conversation of the most recent session (what \"it\" refers to).")
  var resume = false

  var sessionOptions: Session.Options {
    var o = Session.Options()
    o.autoApprove = yes
    o.dryRun = dryRun
    o.verbose = verbose
    o.resume = resume
    return o
  }
}

extension ShellLauncher.BackendChoice: ExpressibleByArgument {}
