import AzlinAzure
import AzlinCore
import AzlinExecution
import AzlinLedger
import AzlinPlanning
import Foundation

/// Every sentence the shell says, in one voice: short, plain, and telling what to do next.
public enum Messages {
  // MARK: Start and input

  public static func welcome(version: String, backend: any AzureBackend, readOnly: Bool = false)
    -> String
  {
    let target =
      backend.kind == .sim
      ? "the embedded simulator (sim): nothing here touches Azure"
      : "Azure subscription \(backend.displayName) via az"
    let mode = readOnly ? " Read-only: questions, plans and prices; nothing is run." : ""
    return "azlin \(version) on \(target).\(mode) /help for commands, Ctrl-D to leave."
  }

  /// One line for every path that would change something while the shell is read-only.
  static func readOnly(_ what: String) -> String {
    "Read-only: \(what) was not run; this shell only answers, plans and prices (--read-only or [safety] read_only)."
  }

  static func quotaShort(region: String, label: String, free: Int, need: Int) -> String {
    "Not enough quota in \(region): \(label) has \(free) vCPU\(free == 1 ? "" : "s") free and this needs \(need). Nothing was changed."
  }

  static func stateUnknown(_ e: AzError) -> String {
    "Nothing was changed: azlin cannot see what exists now (\(e.code)), and will not plan on an old picture. Try again shortly."
  }

  public static func llmInUse(provider: String, model: String) -> String {
    "Requests are read by \(provider) \(model); the built-in parser answers when it cannot."
  }

  static func llmFellBack(_ reason: String) -> String {
    "(The LLM was not used: \(reason); the built-in parser answered.)"
  }

  static let lineTooLong = "That line is over 64 KB; azlin ignored it. Type a shorter request."
  static let controlCharacters = "That line has control characters; azlin removed them."
  static func budgetUnreadable(_ setting: String) -> String {
    "Refused: the budget setting \(setting) cannot be read, so no limit is known; fix it (/budget set monthly 500 rewrites it) and nothing that adds cost runs until then."
  }
  static func objectiveIDTooShort(_ id: String) -> String {
    "\(clip(id, 40)) is too short to name an objective: give at least 4 characters of its ID (/objectives lists them)."
  }
  static func noObjective(_ id: String) -> String {
    "There is no objective \(clip(id, 40)). /objectives lists them."
  }
  static func objectiveIDAmbiguous(_ id: String, count: Int) -> String {
    "\(clip(id, 40)) fits \(count) objectives; give more of the ID (/objectives lists them)."
  }
  static func worldChanged(_ changes: [String]) -> String {
    "Not run: what the plan was made on changed — \(changes.joined(separator: "; ")). Planning again on what exists now:"
  }
  static func worldKeepsChanging(_ changes: [String]) -> String {
    "Not run: what exists keeps changing (\(changes.joined(separator: "; "))); nothing was changed. Ask again once it settles."
  }
  static let invalidUTF8 = "That line is not valid UTF-8; azlin ignored it."
  static let nothingWaiting = "There is no question waiting for an answer."

  // MARK: Revisions and previews

  static func countAgainstNames(_ count: Int, named: [String]) -> String {
    let stem = String(named[0].reversed().drop(while: \.isNumber).reversed())
    let base = stem.isEmpty ? "vm" : stem
    return
      "You asked for \(count) VMs but named \(named.count) (\(named.joined(separator: ", "))): name each (e.g. \"named \(base)1 to \(base)\(count)\") or leave the names to azlin. Nothing was changed."
  }

  static func alreadyHave(_ names: [String]) -> String {
    "Your last request already made \(names.count) (\(names.joined(separator: ", "))); nothing more to do."
  }

  static func revisedAsChange(_ names: [String], size: String) -> String {
    "\(names.joined(separator: ", ")) already \(names.count == 1 ? "exists" : "exist"), so this resizes \(names.count == 1 ? "it" : "them") to \(size):"
  }

  static func cannotReviseCreated(_ names: [String]) -> String {
    let list = names.isEmpty ? "That" : names.joined(separator: ", ")
    return
      "\(list) already \(names.count == 1 ? "exists" : "exist") and azlin cannot rename or move a VM. Say \"/undo\" (or \"delete \(names.first ?? "it")\") first, then ask for the new one."
  }

  static let previewOnly =
    "Nothing was changed: that was a question. Say \"do it\" to carry it out."
  static let interrupted = "Stopped."

  static func notUnderstood(_ problem: ParseProblem, line: String) -> String {
    switch problem {
    case .noOperation:
      return
        "I didn't understand \"\(clip(line))\". Try \"create a vm called web1\", \"list vms\" or /help."
    case .unsupported(let what):
      return "azlin cannot manage \(what) yet; it handles resource groups and VMs."
    case .missingDetail(let what, let example):
      return "Which \(what)? Say it whole, e.g. \"\(example)\"."
    case .missingTarget(let verb):
      return "What should I \(verb)? Name it, e.g. \"\(verb) vm web1\"."
    case .unknownWords(let words):
      let quoted = words.prefix(3).map { "\"\($0)\"" }.joined(separator: ", ")
      return
        "I didn't understand \(quoted), so I did nothing. Say it another way (names go after \"called\"), or /help for examples."
    case .badCount(let text):
      return
        "\(text) is not a number of things to create: give a whole number from 1 to \(CommandPlanner.maximumCount)."
    case .negated:
      return "OK — nothing done."
    case .howMany:
      return "How many VMs? Say a number, e.g. \"create 3 vms\" (nothing was done)."
    case .question:
      return
        "That reads as a question, so nothing was changed. /help lists what azlin can do and answer."
    case .secretInLine:
      return
        "azlin does not take passwords, keys or tokens typed in a line (VMs get SSH keys), so nothing was done; say it again without the secret."
    case .alternatives(let verbs):
      let quoted = verbs.map { "\"\($0)\"" }.joined(separator: " or ")
      return "Which one — \(quoted)? Say just the one you want (nothing was done)."
    case .unresolvedReference(let phrase):
      return
        "Which VM do you mean by \"\(phrase)\"? Name it (e.g. \"stop web1\"); \"list vms\" shows them."
    case .unknownImage(let typed): return unknownImage(typed)
    case .windowsImage(let typed): return windowsImage(typed)
    case .unclearCommand(let words): return unclearCommand(words)
    case .later(let when):
      return
        "azlin acts now, so it cannot do that \"\(when)\" (it schedules only a daily auto-shutdown, e.g. \"shut sam down every day at 7pm\"); nothing was done. Say it without \"\(when)\" to do it now."
    }
  }

  static func clip(_ s: String, _ n: Int = 60) -> String {
    s.count > n ? String(s.prefix(n)) + "…" : s
  }

  // MARK: Planning

  static let revisionChangesKind =
    "That names VMs, but the last request was about something else, so I changed nothing; say the whole request (e.g. \"create 3 vms\")."

  static func problem(_ p: PlanProblem) -> String {
    switch p {
    case .invalidName(let rule): return rule
    case .vmNotFound(let name, let group):
      return
        "There is no VM named \(name)\(group.map { " in \($0)" } ?? ""). /state lists what exists."
    case .groupNotFound(let name):
      return "There is no resource group named \(name). /state lists what exists."
    case .unknownSize(let size):
      return "\(size) is not a VM size azlin knows. Try Standard_B2s or Standard_D4s_v5."
    case .sizeNotOffered(let size, let region, let alternatives):
      let alt =
        alternatives.isEmpty ? "" : " Offered there: \(alternatives.joined(separator: ", "))."
      return "\(size) is not offered in \(region).\(alt)"
    case .unknownRegion(let r):
      return "\(r) is not an Azure region azlin knows. Try eastus or westeurope."
    case .noVMs: return "There are no VMs that match."
    case .nothingNamed(let what): return "Which \(what)? Name it in the request."
    case .noRelativeSize(let vm, let change, let from):
      return
        "There is no \(change) size than \(from) in its family for \(vm); name a size, e.g. \"resize \(vm) to Standard_D4s_v5\"."
    case .storageNotFound(let name):
      return "There is no storage account named \(name). /state lists what exists."
    case .diskNotFound(let name): return "There is no disk named \(name). /state lists what exists."
    case .storageNameTaken(let name):
      return
        "The storage account name \(name) is taken somewhere in Azure (names are global); ask for another name."
    case .diskAttached(let disk, let vm):
      return "Disk \(disk) is attached to \(vm); detach it first (\"detach \(disk)\")."
    case .noDiskOn(let vm): return "\(vm) has no data disk to detach."
    case .exclusionNotFound(let name):
      return
        "There is nothing called \(name) to leave out, so nothing was done. /state lists what exists."
    case .badDiskSize(let gb):
      return "\(gb) GB is not a disk size Azure offers; use 1 to 32,767 GB."
    case .countAgainstNames(let count, let names):
      return countAgainstNames(count, named: names)
    case .tooMany(let n):
      return "\(n) VMs in one request is more than azlin allows (\(CommandPlanner.maximumCount))."
    case .snapshotNotFound, .nameTaken, .whichDataDisk:
      return snapshotProblem(p) ?? ""
    case .badPort, .badSource, .noSecurityGroup, .portInSharedRule, .badTime, .unknownTimeZone,
      .badTag, .reservedTag:
      return devVMProblem(p) ?? ""
    case .notRunning(let vm, let state): return notRunning(vm: vm, state: state)
    case .unknownImage(let typed): return unknownImage(typed)
    case .windowsImage(let typed): return windowsImage(typed)
    }
  }

  static func question(_ q: PendingQuestion) -> String {
    switch q.kind {
    case .whichVM(let options):
      let numbered = options.enumerated().map { "\($0.offset + 1)) \($0.element)" }.joined(
        separator: "  ")
      // "Which disk: …?" when the question is about the disk to detach.
      let thing =
        q.intents.indices.contains(q.intentIndex) && q.intents[q.intentIndex].kind == .detachDisk
        ? "disk" : "VM"
      return "Which \(thing): \(list(options, or: true))? \(numbered) — or \"all\", or \"cancel\"."
    case .useOtherName(let taken, let suggestion):
      return "\(taken) exists — use \(suggestion)? [y/n]"
    case .offerSize(let size, let monthly, let vCPUs):
      return "Try \(size) (\(vCPUs) vCPU\(vCPUs == 1 ? "" : "s"), \(monthly)) instead? [y/n]"
    case .planAgain(let missing):
      return "\(missing) is gone. Plan again, creating it first? [y/n]"
    case .confirmUnderstanding:
      let what = q.intents.map(\.explanation).joined(separator: ", then ")
      return "I think you want to \(what). Is that right? [y/n]"
    }
  }

  static func list(_ items: [String], or: Bool = false) -> String {
    guard items.count > 1 else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + (or ? " or " : " and ") + items.last!
  }

  static func note(_ n: PlanNote) -> String {
    switch n {
    case .alreadyInState(let vm, let state):
      return state.hasPrefix("Standard_")
        ? "\(vm) is already \(state)." : "\(vm) is already \(state)."
    case .groupExists(let g): return "Resource group \(g) already exists."
    case .storageExists(let s): return "Storage account \(s) already exists."
    case .restartStarts(let vm, let state):
      return
        "\(vm) is \(state), so it is started instead of restarted (Azure restarts only running VMs)."
    case .restoredToNewDisk(let disk, let vm): return restoredToNewDisk(disk: disk, vm: vm)
    case .resizeNeedsSize(let vm): return resizeNeedsSize(vm)
    case .portAlreadyOpen, .portNotOpen, .openToInternet, .shutdownTime, .shutdownUnchanged,
      .tagUnchanged:
      return devVMNote(n) ?? ""
    }
  }

  static func stepLine(_ s: PlanStep) -> String {
    let mark: String
    switch s.action {
    case .create: mark = "+"
    case .change: mark = "~"
    case .destroy: mark = "-"
    }
    return "  \(s.number). \(mark) \(stepSummary(s))\(label(s))"
  }

  /// A step's reversibility as shown at approval: nothing for a reversible step (undo puts
  /// it back), " [loses data]" or " [irreversible]" otherwise.
  static func label(_ s: PlanStep) -> String {
    switch s.reversibility {
    case .reversible: return ""
    case .losesData, .irreversible: return " [\(s.reversibility.rawValue)]"
    }
  }

  static func stepSummary(_ s: PlanStep) -> String {
    let r = s.resource
    switch s.operation {
    case .createGroup: return "create resource group \(r.name) in \(r.location)"
    case .deleteGroup(let count):
      if !s.takesAlong.isEmpty {
        return "delete resource group \(r.name) and everything in it: "
          + s.takesAlong.joined(separator: ", ")
      }
      return "delete resource group \(r.name)"
        + (count > 0 ? " and the \(count) VM\(count == 1 ? "" : "s") in it" : " (empty)")
    case .createVM(let image):
      return "create VM \(r.name) (\(r.size ?? "?"), \(image)) in \(r.resourceGroup), \(r.location)"
    case .deleteVM: return "delete VM \(r.name) in \(r.resourceGroup)"
    case .power(let verb, _): return "\(verb.rawValue) VM \(r.name) in \(r.resourceGroup)"
    case .resizeVM(let from): return "resize VM \(r.name) from \(from) to \(r.size ?? "?")"
    case .createStorage(let sku):
      return "create storage account \(r.name) (\(sku)) in \(r.resourceGroup), \(r.location)"
    case .deleteStorage: return "delete storage account \(r.name) in \(r.resourceGroup)"
    case .createDisk(let gb, let sku):
      return "create \(gb) GB \(Self.tierName(sku)) disk \(r.name) in \(r.resourceGroup)"
    case .attachDisk(let vm): return "attach disk \(r.name) to VM \(vm)"
    case .detachDisk(let vm): return "detach disk \(r.name) from VM \(vm)"
    case .deleteDisk: return "delete disk \(r.name) in \(r.resourceGroup)"
    case .createSnapshot, .deleteSnapshot, .createDiskFromSnapshot:
      return snapshotStepSummary(s) ?? ""
    case .openPort, .closePort, .autoShutdown, .tag: return devVMStepSummary(s) ?? ""
    case .runCommand(let script): return "run \(clip(Redactor.text(script), 60)) on VM \(r.name)"
    }
  }

  static func assumption(_ a: Assumption) -> String {
    switch a {
    case .region(let r): return "region \(r)"
    case .resourceGroup(let g): return "resource group \(g)"
    case .size(let s): return "size \(s)"
    case .image(let i): return "image \(i)"
    case .generatedName(let n): return "name \(n)"
    case .sku(let s): return "SKU \(s)"
    case .diskSize(let gb): return "disk size \(gb) GB"
    case .osDiskOf(let vm): return osDiskAssumption(vm)
    }
  }

  static func plan(_ plan: Plan, verbose: Bool) -> [String] {
    var lines = ["Plan (\(plan.steps.count) step\(plan.steps.count == 1 ? "" : "s")):"]
    for s in plan.steps {
      lines.append(stepLine(s))
      if verbose { lines.append("       \(AzCommand(Redactor.argv(s.command.arguments)))") }
    }
    for n in plan.notes { lines.append("  Note: " + note(n)) }
    if !plan.assumptions.isEmpty {
      lines.append(
        "Defaults used: " + plan.assumptions.map(assumption).joined(separator: ", ") + ".")
    }
    return lines
  }

  /// The cost lines of an estimate; a plan's total is signed (+ adds, − saves).
  static func cost(_ estimate: CostEstimate, signed: Bool = true) -> [String] {
    guard !estimate.lines.isEmpty else { return [] }
    let total = estimate.totalMonthly
    let sign = !signed ? "" : (total < .zero ? "-" : "+")
    let amount = total < .zero ? (Money.zero - total) : total
    var lines = [
      total == .zero && !estimate.unpriced.isEmpty
        ? "Cost: unknown (azlin has no price for it)"
        : "Cost: \(sign)\(amount.perMonth)" + confidenceNote(estimate.confidence)
    ]
    for l in estimate.lines {
      let qty = l.quantity > 1 ? "\(l.quantity) × " : ""
      let hourly = l.hourly.map { " at \(hourlyText($0))/h" } ?? ""
      let monthly = l.monthly.map { $0.perMonth } ?? "price unknown"
      if l.monthly == .zero && l.hourly == nil {
        lines.append("  \(qty)\(l.item)")
      } else {
        lines.append("  \(qty)\(l.item)\(hourly): \(monthly)")
      }
    }
    return lines
  }

  /// "Premium SSD" for `Premium_LRS`.
  static func tierName(_ sku: String) -> String {
    switch sku {
    case "Premium_LRS": return "Premium SSD"
    case "StandardSSD_LRS": return "Standard SSD"
    case "Standard_LRS": return "Standard HDD"
    default: return sku
    }
  }

  static func storageTable(_ accounts: [LiveState.StorageAccount]) -> [String] {
    guard !accounts.isEmpty else { return ["No storage accounts."] }
    return table(
      ["NAME", "GROUP", "REGION", "SKU"],
      accounts.map { [$0.name, $0.resourceGroup, $0.location, $0.sku] })
  }

  static func diskTable(_ disks: [LiveState.Disk]) -> [String] {
    guard !disks.isEmpty else { return ["No disks."] }
    return table(
      ["NAME", "GROUP", "SIZE", "SKU", "ATTACHED TO"],
      disks.map {
        [
          $0.name, $0.resourceGroup, "\($0.sizeGB) GB", $0.sku,
          $0.managedBy.flatMap { $0.split(separator: "/").last.map(String.init) } ?? "-",
        ]
      })
  }

  static func hourlyText(_ m: Money) -> String {
    let text = NSDecimalNumber(decimal: m.amount).stringValue
    return "$" + text
  }

  static func confidenceNote(_ c: PriceConfidence) -> String {
    switch c {
    case .exact: return ""
    case .regionalApproximation: return " (approximate: regional price derived from East US)"
    case .unknown: return " (incomplete: some prices are unknown)"
    }
  }

  static func budget(_ d: BudgetMonitor.Decision) -> String {
    let scope = d.group.map { " in resource group \($0)" } ?? ""
    let of = d.group == nil ? "" : "its limit "
    switch d.level {
    case .ok:
      guard let limit = d.limit else {
        return "Budget: no limit set (/budget set monthly 500 adds one)."
      }
      return
        "Budget: \(d.projected.perMonth) projected\(scope) — \(d.percent ?? 0)% of \(of)\(limit.perMonth)."
    case .warning(let t):
      return
        "Budget warning: \(d.projected.perMonth) projected\(scope) — \(d.percent ?? 0)% of \(of)\(d.limit?.perMonth ?? "the limit") (alert at \(t)%)."
    case .unpriced(let items, let limit):
      return
        "Refused: azlin has no price for \(items.map { clip($0) }.joined(separator: "; ")), and the \(limit) applies. Nothing was changed."
    case .refused(let limit):
      let amount = d.daily ? d.projected.description + " today" : d.projected.perMonth
      return
        "Refused: this would bring spending to \(amount), over the \(limit). Nothing was changed."
    }
  }

  static let nothingCosts = "Nothing azlin can see is costing money: there are no VMs or disks."
  /// The answer to "how much am I spending": the same total as `/cost all`.
  static func runsAt(_ rate: CostEstimate) -> String {
    "What exists now runs at \(rate.totalMonthly.perMonth)\(unpricedNote(rate))."
  }
  static func costTotal(_ rate: CostEstimate) -> String {
    "Total: \(rate.totalMonthly.perMonth) (VMs with OS disk and public IP, and data disks, at list prices)\(unpricedNote(rate))"
  }
  /// "; not counted, price unknown: disk big (Premium_LRS, 32767 GB)", or nothing.
  static func unpricedNote(_ estimate: CostEstimate) -> String {
    let items = estimate.unpriced
    return items.isEmpty
      ? "" : "; not counted, price unknown: " + items.map { clip($0) }.joined(separator: "; ")
  }
  static let stopStillBills =
    "Note: a stopped VM is still billed for compute; \"deallocate\" stops that."
  static let overrideHint =
    "Type \"override\" to run it anyway, raise the limit with /budget set, or ask for less."
  static let unpricedHint =
    "Price unknown: type \"override\" to accept it, or ask for something azlin can price."
  static let budgetChangedSinceShown =
    "Refused just before it ran: the budget now counts what other azlin shells spent or reserved since it was shown. Nothing was changed."
  static func ledgerUnusable(_ error: any Error) -> String {
    "Nothing was changed: the spend ledger cannot be used (\(error)), and azlin does not spend without a budget check."
  }
  static func rollbackNotRun(id: String) -> String {
    "Left in place, not rolled back. /undo \(id.suffix(8)) shows the rollback again."
  }
  static let overrideNeedsWord =
    "Not run: a budget refusal is overridden only by typing \"override\"."
  static func overridden(_ d: BudgetMonitor.Decision, limit: String, by how: String) -> String {
    if case .unpriced(let items, _) = d.level {
      return
        "Budget override (\(how)): \(items.map { clip($0) }.joined(separator: "; ")) accepted without a price under the \(limit); recorded in the audit log."
    }
    let amount = d.daily ? d.projected.description + " today" : d.projected.perMonth
    return "Budget override (\(how)): \(amount) goes past the \(limit); recorded in the audit log."
  }
  static let proceed = "Proceed? [y]es / [n]o / [a]lways this session"
  static func confirmDestroy(_ s: PlanStep) -> String {
    let loses = s.reversibility == .losesData ? "It loses data and cannot" : "This cannot"
    return "Really \(stepSummary(s))? \(loses) be undone. [y/N]"
  }
  static func confirmDestructiveTool(_ s: PlanStep, route: StepRoute?) -> String {
    let tool = route?.label ?? "its tool"
    return
      "Step \(s.number) (\(stepSummary(s))) runs through \(tool), which says it may destroy data. Go ahead? [y/N]"
  }

  /// How the plan will be carried out, when that is not simply the Azure CLI.
  static func routes(_ plan: Plan, routes: [Int: StepRoute], whole: String?) -> [String] {
    var lines: [String] = []
    if let whole {
      lines.append(
        "Runs through \(whole) as one configuration; what it does not finish goes on step by step.")
    }
    guard !routes.isEmpty else { return lines }
    let all = plan.steps.allSatisfy { routes[$0.number] != nil }
    let servers = Set(routes.values.map(\.strategy)).sorted()
    lines.append(
      all
        ? "Runs through \(servers.joined(separator: ", ")), falling back to the Azure CLI:"
        : "Steps through \(servers.joined(separator: ", ")) (the rest through the Azure CLI):")
    for step in plan.steps {
      guard let route = routes[step.number] else { continue }
      let warn =
        route.destructive && step.action != .destroy ? " — the tool says it may destroy" : ""
      lines.append("  \(step.number). \(route.detail ?? route.strategy)\(warn)")
    }
    return lines
  }

  /// `/strategy`: the strategies in the order tried.
  static func strategies(_ list: [StrategySelector.Status], preference: String) -> [String] {
    var lines = ["Strategies, in the order azlin tries them (preference: \(preference)):"]
    for (i, s) in list.enumerated() {
      let state: String
      switch s.availability {
      case .available(let detail): state = "ready — \(detail)"
      case .unavailable(let reason): state = "unavailable — \(reason)"
      }
      let scope = s.scope == "plan" ? "whole plans" : "each step"
      lines.append("  \(i + 1). \(s.name) (\(scope)): \(state)")
    }
    lines.append(
      "A step that fails for good on one goes to the next; /strategy auto|az|mcp|terraform picks what goes first."
    )
    return lines
  }

  static func stopped(_ objective: Objective, notStarted: Int) -> String {
    let short = objective.id.suffix(8)
    let steps = "\(notStarted) step\(notStarted == 1 ? "" : "s")"
    return objective.resourcesCreated.isEmpty
      ? "Objective \(short) stopped by Ctrl-C before anything changed; \(steps) not started."
      : "Objective \(short) stopped by Ctrl-C; \(steps) not started."
  }
  static let interruptTooLate =
    "Ctrl-C came once every step had started; they were let finish."

  static func rollingBack(_ count: Int) -> String {
    "Every strategy failed; rolling back the \(count) change\(count == 1 ? "" : "s") this objective made:"
  }
  static func rollbackRefused(_ reason: String, id: String) -> String {
    "Left in place, not rolled back. \(reason) /undo \(id.suffix(8)) once that is settled."
  }
  static func rollbackFailed(_ e: AzError, id: String) -> String {
    "Rollback stopped: \(e.code): \(Redactor.text(e.message)). /undo \(id.suffix(8)) tries again."
  }
  static func offerRollback(_ count: Int) -> String {
    "Stopped. Roll back the \(count) change\(count == 1 ? "" : "s") made so far?"
  }
  static let dryRun = "Dry run: nothing was changed."
  static let cancelled = "Cancelled; nothing was changed."
  static let leavingAtQuestion = "End of input at a question: it was cancelled; leaving azlin."
  static let approvalDropped = "(The plan waiting for approval was dropped.)"
  static let questionDropped = "(The earlier question was dropped.)"

  // MARK: Execution

  static func stepDone(_ s: ExecutableStep, ms: Int, via: String) -> String {
    let through = via == AzureCLIStrategy.strategyName ? "" : " via \(via)"
    return "  ✓ \(s.summary) (\(duration(ms)))\(through)"
  }

  static func stepFallingBack(_ s: ExecutableStep, _ e: AzError, from: String, to: String)
    -> String
  {
    "  ↪ \(s.summary): \(e.code) through \(from) — trying \(to)"
  }

  static func stepRetrying(
    _ s: ExecutableStep, _ e: AzError, attempt: Int, of total: Int, delay: TimeInterval
  )
    -> String
  {
    let wait = delay < 10 ? String(format: "%.1fs", delay) : "\(Int(delay.rounded()))s"
    return "  ↻ \(s.summary): \(e.code) — trying again in \(wait) (attempt \(attempt) of \(total))"
  }

  static func advice(_ a: FailureAnalyzer.Analysis, seenBefore: Int, lastFix: String?)
    -> [String]
  {
    var lines = ["    → \(a.advice)"]
    if seenBefore > 0 {
      let fixed = lastFix.map { "; last fixed by \($0)" } ?? ""
      lines.append("    → Seen \(seenBefore) time\(seenBefore == 1 ? "" : "s") before\(fixed).")
    }
    if let doc = a.documentation { lines.append("    → \(doc)") }
    return lines
  }

  static func stepCancelled(_ s: ExecutableStep) -> String {
    "  · not started: \(s.summary) (Ctrl-C)"
  }

  static func stepFailed(_ s: ExecutableStep, _ e: AzError) -> String {
    "  ✗ \(s.summary): \(e.code): \(Redactor.text(e.message))"
  }

  static func stepSkipped(_ s: ExecutableStep, because: Int) -> String {
    because == s.number
      ? "  · skipped: \(s.summary) (not approved)"
      : "  · skipped: \(s.summary) (step \(because) did not succeed)"
  }

  static func duration(_ ms: Int) -> String {
    if ms < 1000 { return "\(ms)ms" }
    let s = ms / 1000
    return s < 60 ? "\(s)s" : "\(s / 60)m\(String(format: "%02d", s % 60))s"
  }

  static func finished(objective: Objective, failed: Bool, rolledBack: Bool = false) -> String {
    let short = String(objective.id.suffix(8))
    guard failed else { return "Done (objective \(short))." }
    if rolledBack {
      return "Objective \(short) failed and was rolled back; nothing it made is left."
    }
    return objective.resourcesCreated.isEmpty
      ? "Objective \(short) failed; no step completed, so nothing changed."
      : "Objective \(short) failed; what it did is kept — /undo \(short) puts it back."
  }

  // MARK: Reports

  static func vmTable(_ vms: [LiveState.VM]) -> [String] {
    guard !vms.isEmpty else { return ["No VMs."] }
    return table(
      ["NAME", "GROUP", "REGION", "SIZE", "STATE"],
      vms.map { [$0.name, $0.resourceGroup, $0.location, $0.size, $0.powerState] })
  }

  static func groupTable(_ groups: [LiveState.Group]) -> [String] {
    guard !groups.isEmpty else { return ["No resource groups."] }
    return table(["GROUP", "REGION"], groups.map { [$0.name, $0.location] })
  }

  static func table(_ header: [String], _ rows: [[String]]) -> [String] {
    var widths = header.map(\.count)
    for row in rows { for (i, c) in row.enumerated() { widths[i] = max(widths[i], c.count) } }
    func render(_ cells: [String]) -> String {
      cells.enumerated().map {
        $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0)
      }
      .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
    }
    return [render(header)] + rows.map(render)
  }

  static func vmDetail(_ vm: LiveState.VM) -> String {
    "\(vm.name) is \(vm.powerState): \(vm.size) in \(vm.resourceGroup), \(vm.location)."
      + (vm.publicIP.map { " Public IP \($0)." } ?? "")
      + (vm.tags.isEmpty
        ? ""
        : " Tags: "
          + vm.tags.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
          .joined(separator: ", ") + ".")
  }

  // MARK: Slash commands

  static func unknownCommand(_ name: String, suggestion: String?) -> String {
    "Unknown command /\(name)"
      + (suggestion.map { " — did you mean /\($0)?" } ?? " — /help lists commands.")
  }

  static func usage(_ usage: String) -> String { "Usage: \(usage)" }
  static func unknownOption(_ option: String, usage: String) -> String {
    "\(option) is not an option here. Usage: \(usage)"
  }
  static let noHistoryYet = "No history yet."
  static func noFailures(since args: [String]?) -> String {
    guard let args, let i = args.firstIndex(of: "--since"), i + 1 < args.count else {
      return "Nothing has failed: no failed command or objective in the audit log."
    }
    return "Nothing has failed in the last \(clip(args[i + 1], 20))."
  }
  static func noHistory(objective: String) -> String {
    "No history for objective \(objective). /objectives lists them."
  }
  static func noHistory(since args: [String]) -> String {
    let period = args.firstIndex(of: "--since").flatMap { $0 + 1 < args.count ? args[$0 + 1] : nil }
    return "Nothing happened in the last \(clip(period ?? "?", 20))."
  }
  /// The line under a capped list: "showing 20 of 57 — /history 100 for more" (also /objectives).
  static func historyCap(shown: Int, of total: Int?, more: String) -> String {
    let count = total.map { "\(shown) of \($0)" } ?? "the newest \(shown)"
    return "(showing \(count) — \(more) for more)"
  }

  static func unknownSubcommand(_ command: String, _ sub: String, usage: String) -> String {
    "/\(command) has no \(clip(sub, 20)). Usage: \(usage)"
  }

  static func interrupted(_ o: Objective, done: Int, total: Int, underWay: [String] = [])
    -> String
  {
    let id = String(o.id.suffix(8))
    let busy =
      underWay.isEmpty ? "" : ", and \(underWay.joined(separator: ", ")) still under way in Azure"
    return
      "Objective \(id) (\"\(clip(o.naturalLanguage, 40))\") was interrupted with \(done) of \(total) steps done\(busy): /resume \(id) finishes it, /undo \(id) rolls it back."
  }
  static func resuming(_ o: Objective, left: Int, underWay: [String]) -> String {
    let busy =
      underWay.isEmpty
      ? "" : " (\(underWay.joined(separator: ", ")) still under way in Azure: waited for first)"
    return
      "Resuming \"\(clip(o.naturalLanguage))\" (objective \(o.id.suffix(8))): \(left) step\(left == 1 ? "" : "s") left\(busy)."
  }
  static func waitingForOperations(_ underWay: [String], seconds: Double) -> String {
    "  … \(underWay.joined(separator: ", ")) still under way; checking again in \(duration(Int(seconds * 1000)))."
  }
  static func stillUnderWay(_ o: Objective, _ underWay: [String]) -> String {
    "Not resumed: \(underWay.joined(separator: ", ")) is still under way in Azure after the longest wait; nothing more was changed. /resume \(o.id.suffix(8)) tries again."
  }
  /// The answer "no" to an undo or a rollback offer: what stays, and what is left to run.
  static func undoDeclined(_ o: Objective) -> String {
    let kept = o.resourcesCreated.count
    guard kept > 0 else { return cancelled }
    let id = String(o.id.suffix(8))
    let done = Set(o.executionResults.filter { $0.exitCode == 0 }.map(\.step))
    let left = o.plan.filter { !done.contains($0.number) }.count
    let resume =
      o.status == .inProgress && left > 0
      ? " /resume \(id) runs the \(left) step\(left == 1 ? "" : "s") not done;" : ""
    return
      "Not rolled back: the \(kept) change\(kept == 1 ? "" : "s") objective \(id) made \(kept == 1 ? "is" : "are") kept.\(resume) /undo \(id) rolls \(kept == 1 ? "it" : "them") back."
  }

  static let undoNothing = "Nothing to undo."
  /// An older objective records a step azlin cannot read back as an operation.
  static func notResumable(_ o: Objective, step: Objective.Step) -> String {
    "Objective \(o.id.suffix(8)) cannot be resumed: its step \(step.number) (\(AzCommand(Redactor.argv(Array(step.argv.dropFirst()))))) is not a command azlin makes; nothing was changed. /undo \(o.id.suffix(8)) rolls back what it did."
  }

  static func undoRefused(_ r: Rollback.Refusal) -> String {
    switch r {
    case .nothingToUndo: return undoNothing
    case .drifted(let resource, let expected, let found):
      return
        "Cannot undo: \(resource) changed since (expected \(expected), found \(found)). Change it back or undo by hand."
    case .foreignResources(let group, let names):
      return
        "Cannot undo: resource group \(group) now holds \(list(names)), which this objective did not create; undo never deletes what it did not create."
    case .unreadableUndo(let argv):
      return
        "Cannot undo: the objective records an undo azlin does not know (\(AzCommand(Array(argv.dropFirst())))); nothing was run. Undo by hand."
    }
  }
  /// The inverse steps: each command, what a group delete takes along (read against what
  /// the steps before it leave), and each step's label.
  static func undoSteps(_ steps: [Rollback.Step], live: LiveState) -> [String] {
    let read = Plan.reading(steps.map(\.operation), live: live).steps
    return steps.map { s in
      let line = "  \(s.destroys ? "-" : "~") \(s.command)"
      guard let step = read.first(where: { $0.azureOperation == s.operation }) else {
        return line
      }
      let along =
        step.takesAlong.isEmpty ? "" : " — takes " + step.takesAlong.joined(separator: ", ")
      return line + along + label(step)
    }
  }
  static let confirmUndo = "Undo this? [y/N]"
  static func undone(_ id: String) -> String { "Undone (objective \(id.suffix(8)) rolled back)." }
  static func undoFailed(_ e: AzError) -> String {
    "Undo stopped: \(e.code): \(Redactor.text(e.message)). /undo tries again."
  }

  static func overwrite(_ path: String) -> String {
    "\(path) exists. Overwrite it? [y/N]"
  }
  static func notSaved(_ path: String) -> String { "Kept \(path) as it was; nothing saved." }
  static func cannotSave(_ error: any Error) -> String { "Cannot save the transcript: \(error)." }
  static func saved(_ path: String, turns: Int) -> String {
    "Saved \(turns) turn\(turns == 1 ? "" : "s") to \(path)."
  }
  static let cleared = "Conversation context cleared."
}
