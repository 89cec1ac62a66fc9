import AzlinAzure
import AzlinCore
import AzlinLedger
import AzlinPlanning
import Foundation

extension TurnEngine {
  /// Runs a slash command line.
  func runSlash(_ line: String) {
    let words = line.dropFirst().split(separator: " ").map(String.init)
    let name = words.first?.lowercased() ?? ""
    guard let command = SlashCommand.named(name) else {
      let names = SlashCommand.all.flatMap { [$0.name] + $0.aliases }
      let suggestion =
        EditDistance.closest(to: name, in: names, maxDistance: 2)
        ?? names.first(where: { !name.isEmpty && $0.hasPrefix(name) })
      fail(
        Messages.unknownCommand(
          Messages.clip(name, 30), suggestion: suggestion.flatMap { SlashCommand.named($0)?.name }))
      return
    }
    command.run(self, Array(words.dropFirst()))
  }

  func help(_ args: [String]) {
    if let name = args.first {
      guard let c = SlashCommand.named(name.hasPrefix("/") ? String(name.dropFirst()) : name) else {
        fail(Messages.unknownCommand(name, suggestion: nil))
        return
      }
      say(c.help)
      return
    }
    say(
      "Ask in plain words, e.g. \"create a vm called sam in westus2\", \"stop it\", \"list vms\", \"delete vm sam\"."
    )
    say("Commands:")
    let width = SlashCommand.all.map { $0.usage.count }.max() ?? 0
    for c in SlashCommand.all {
      say("  " + c.usage.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + c.summary)
    }
  }

  func showState() {
    refreshLive()
    say("Resource groups:")
    say(Messages.groupTable(live.groups).map { "  " + $0 })
    say("VMs:")
    say(Messages.vmTable(live.vms).map { "  " + $0 })
    if !live.storageAccounts.isEmpty {
      say("Storage accounts:")
      say(Messages.storageTable(live.storageAccounts).map { "  " + $0 })
    }
    let dataDisks = live.disks.filter { !$0.isOSDisk }
    if !dataDisks.isEmpty {
      say("Disks:")
      say(Messages.diskTable(dataDisks).map { "  " + $0 })
    }
    if !live.snapshots.isEmpty {
      say("Snapshots:")
      say(
        Messages.snapshotTable(
          live.snapshots,
          monthly: estimator.monthlyRunRate(of: LiveState(snapshots: live.snapshots))
        ).map { "  " + $0 })
    }
    say("Context: " + (conversation.summary ?? "nothing yet"))
  }

  func showLastPlan() {
    guard let plan = dialogue.lastPlan else {
      say("No plan yet in this session.")
      return
    }
    say(Messages.plan(plan, verbose: true))
  }

  /// `/objectives [n]`: the newest `n` (20) objectives, saying so when there are more.
  func listObjectives(_ args: [String] = []) {
    var limit = 20
    if let first = args.first {
      guard args.count == 1, let n = Int(first), n > 0 else {
        return fail(Messages.usage(SlashCommand.usage(of: "objectives")))
      }
      limit = min(n, 10_000)
    }
    let (objectives, unreadable) = store.all()
    for path in unreadable { say("Cannot read \(path); it was left as it is.") }
    guard !objectives.isEmpty else {
      say("No objectives yet.")
      return
    }
    defer {
      if objectives.count > limit, args.isEmpty {
        say(
          Messages.historyCap(
            shown: limit, of: objectives.count, more: "/objectives \(max(limit * 5, 100))"))
      }
    }
    say(
      Messages.table(
        ["ID", "STATUS", "CREATED", "REQUEST"],
        objectives.suffix(limit).reversed().map {
          [
            String($0.id.suffix(8)), $0.status.rawValue, String($0.createdAt.prefix(19)),
            Messages.clip($0.naturalLanguage, 50),
          ]
        }))
  }

  func clearContext() {
    conversation = ConversationContext()
    record(.slash, [("command", "clear")])
    say(Messages.cleared)
  }

  func quit() {
    wantsToQuit = true
  }
}
