import AzlinAzure
import AzlinCore
import AzlinLedger
import Foundation

extension TurnEngine {
  /// `/budget`, `/budget set monthly|daily 500`, `/budget set group NAME 100`, `/budget clear monthly|daily|group NAME`.
  func budgetCommand(_ args: [String]) {
    guard let sub = args.first?.lowercased() else {
      showBudget()
      return
    }
    if readOnly, sub == "set" || sub == "clear" {
      return fail(Messages.readOnly("/budget \(sub)"))
    }
    switch sub {
    case "set": setBudget(Array(args.dropFirst()))
    case "clear": clearBudget(Array(args.dropFirst()))
    default: fail(Messages.unknownSubcommand("budget", sub, usage: Self.budgetUsage))
    }
  }

  static var budgetUsage: String { SlashCommand.usage(of: "budget") }

  func showBudget() {
    let b = config.budget
    let rate = runRate()
    let s = spent()
    let reserved = ledger.openReservations().map(\.monthly).reduce(.zero, +)
    let projected = s.month + rate + reserved
    var lines = b.unreadable.map(Messages.budgetUnreadable)
    lines += [
      "Monthly limit: \(b.monthlyLimit?.perMonth ?? (b.unreadable.isEmpty ? "none" : "unreadable"))    Daily limit: \(b.dailyLimit.map { $0.description + "/day" } ?? "none")",
      "Spent today: \(s.today)    this month: \(s.month)    (estimates from list prices)",
      "Run-rate of what exists: \(rate.perMonth)\(Messages.unpricedNote(costOfWhatExists()))",
    ]
    if reserved > .zero {
      lines.append("Reserved by runs in progress (this shell or others): \(reserved.perMonth)")
    }
    var projection = "Projected this month: \(projected.description)"
    if let limit = b.monthlyLimit {
      projection += " — \(projected.percent(of: limit))% of \(limit.perMonth)"
      switch BudgetMonitor(budget: b).level(of: projected) {
      case .ok: projection += " (ok)"
      case .warning(let t): projection += " (alert: past \(t)%)"
      case .refused, .unpriced: projection += " (over the limit)"
      }
    }
    lines.append(projection)
    lines.append("Alerts at: " + b.alertThresholds.map { "\($0)%" }.joined(separator: ", "))
    let groups = Set(live.groups.map(\.name)).union(b.groupLimits.keys)
    if !groups.isEmpty {
      lines.append("")
      lines += Messages.table(
        ["GROUP", "LIMIT", "RUN-RATE", "SPENT THIS MONTH"],
        groups.sorted().map { g in
          [
            g, BudgetMonitor(budget: b).groupLimit(g)?.perMonth ?? "-",
            runRate(group: g).perMonth,
            spent(group: g).month.description,
          ]
        })
    }
    say(lines)
  }

  private func setBudget(_ args: [String]) {
    let usage = SlashCommand.usage(of: "budget", forms: "/budget set")
    guard let which = args.first?.lowercased() else { return fail(Messages.usage(usage)) }
    let isGroup = which == "group"
    guard ["monthly", "daily", "group"].contains(which), args.count == (isGroup ? 3 : 2) else {
      return fail(Messages.usage(usage))
    }
    let amountText = args.last!.replacingOccurrences(of: "$", with: "").replacingOccurrences(
      of: ",", with: "")
    guard let amount = Money(string: amountText), amount >= .zero,
      amountText.allSatisfy({ $0.isNumber || $0 == "." })
    else {
      return fail(
        "\(Messages.clip(args.last!, 20)) is not an amount of dollars ≥ 0; e.g. /budget set \(which)\(isGroup ? " \(args[1])" : "") 500."
      )
    }
    let (table, key) = isGroup ? ("budget.resource_groups", args[1]) : ("budget", which + "_limit")
    if isGroup, let problem = NamingRules.violation(of: key, as: .resourceGroup) {
      return fail(problem)
    }
    edit("budget set \(which)") { try $0.set(table: table, key: key, value: amount.plain) }
  }

  private func clearBudget(_ args: [String]) {
    let usage = SlashCommand.usage(of: "budget", forms: "/budget clear")
    guard let which = args.first?.lowercased(), ["monthly", "daily", "group"].contains(which),
      args.count == (which == "group" ? 2 : 1)
    else { return fail(Messages.usage(usage)) }
    let (table, key) =
      which == "group" ? ("budget.resource_groups", args[1]) : ("budget", which + "_limit")
    edit("budget clear \(which)") { editor in
      if try !editor.remove(table: table, key: key) {
        self.say("There was no \(which) limit\(which == "group" ? " for \(key)" : "") to clear.")
      }
    }
  }

  /// Changes `config.toml` in place, reloads it, audits the change and shows the result.
  private func edit(_ what: String, _ change: (ConfigEditor) throws -> Void) {
    let editor = ConfigEditor(path: context.home.configFile)
    do {
      try change(editor)
    } catch {
      return fail("Not changed: \(error).")
    }
    let (reloaded, warnings) = AzlinConfig.load(path: context.home.configFile)
    config.budget = reloaded.budget
    for w in warnings { say(w) }
    record(.slash, [("command", .string(what))])
    showBudget()
  }

  /// `/cost`: the last plan's estimate, or what exists costs, by group and VM.
  func costCommand(_ args: [String]) {
    if args.first == "plan" || (args.isEmpty && !(dialogue.lastEstimate?.lines.isEmpty ?? true)) {
      guard let estimate = dialogue.lastEstimate, !estimate.lines.isEmpty else {
        return say("No plan with a cost yet in this session.")
      }
      say("The last plan:")
      say(Messages.cost(estimate))
      return
    }
    var group: String?
    if let g = args.first, args.first != "all" {
      guard let found = live.group(named: g) else {
        return fail(Messages.problem(.groupNotFound(g)))
      }
      group = found.name
    }
    let costs = costOfWhatExists(group: group)
    let vms = live.vms.filter {
      group == nil || $0.resourceGroup.lowercased() == group!.lowercased()
    }
    let disks = CostEstimator.dataDisks(of: live, group: group)
    guard !vms.isEmpty || !disks.isEmpty else { return say(Messages.nothingCosts) }
    if !vms.isEmpty {
      say(
        Messages.table(
          ["VM", "GROUP", "SIZE", "STATE", "RUN-RATE"],
          vms.map { vm in
            [
              vm.name, vm.resourceGroup, vm.size, vm.powerState,
              estimator.monthly(of: vm).rounded.perMonth,
            ]
          }))
    }
    if !disks.isEmpty {
      say(
        Messages.table(
          ["DISK", "GROUP", "SIZE", "SKU", "RUN-RATE"],
          disks.map { d in
            [
              d.name, d.resourceGroup, "\(d.sizeGB) GB", d.sku,
              estimator.diskLines(name: d.name, sku: d.sku, sizeGB: d.sizeGB)?.monthly?.perMonth
                ?? "price unknown",
            ]
          }))
    }
    say(Messages.costTotal(costs))
  }

  /// What exists costs per month, line by line: the one figure `/cost`, `/cost all` and
  /// "how much am I spending" give (VMs with OS disk and public IP, and data disks).
  func costOfWhatExists(group: String? = nil) -> CostEstimate {
    estimator.runRate(of: live, group: group)
  }
}
