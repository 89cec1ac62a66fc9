import AzlinAzure
import AzlinCore
import AzlinExecution
import AzlinLedger
import AzlinPlanning
import Foundation

extension TurnEngine {
  /// Parses, plans, prices and — once approved — executes one request.
  func request(_ typed: String) {
    if let command = Self.spokenCommand(typed) {
      record(.routed, [("command", .string(command))])
      runSlash(command)
      return
    }
    // The line was redacted on arrival; a request that carried a secret is not guessed at
    // without it.
    if typed.contains(Redactor.mask) {
      dialogue.apply(.refusedForSecret(typed))
      record(.intent, [("understood", false), ("reason", "secret")])
      fail(Messages.notUnderstood(.secretInLine, line: typed))
      return
    }
    // "web2", "just the one called all": the answer to the question a refusal asked.
    if let ask = dialogue.refusedAsk {
      dialogue.apply(.refusalTaken)
      if let line = Self.answered(ask, with: typed, live: live)
        ?? completed(ask, with: typed)
      {
        request(line)
        return
      }
    }
    // "shut lamp down at 7" — "in the evening": the time the refusal asked for.
    if let refused = dialogue.refusedForTime {
      dialogue.refusedForTime = nil
      if LocalIntentParser.saysOnlyTimeOfDay(typed) {
        request(refused + " " + LocalIntentParser.tokens(of: typed).joined(separator: " "))
        return
      }
    }
    // "create a vm called x1 with password ***" — "ok, ssh keys are fine": the request again,
    // without the secret.
    if let refused = dialogue.refusedForSecret {
      dialogue.apply(.secretRefusalTaken)
      if let intents = retriedWithoutSecret(refused, answer: typed) {
        plan(recorded(intents), line: typed)
        return
      }
      // Said how to do without it, but the request cannot be read without the secret: asked
      // again, never guessed from the answer alone.
      if Self.saysHowWithoutSecret(typed) {
        record(.intent, [("understood", false), ("reason", "secret")])
        fail(Messages.notUnderstood(.secretInLine, line: typed))
        return
      }
    }
    if reviseOrRepeat(typed) { return }
    let words = typed.split(separator: " ")
    dialogue.apply(.budgetForced(words.contains("--force")))
    let line =
      dialogue.forceBudget ? words.filter { $0 != "--force" }.joined(separator: " ") : typed
    let understood = understand(line)
    // What the last turn weighed is taken by one create at most ("ok create one called heavy
    // there"), never by the next one too.
    if case .intents(let intents) = understood, intents.contains(where: { $0.kind == .provisionVM })
    {
      conversation.weighed = nil
    }
    switch understood {
    case .notUnderstood(let problem):
      record(.intent, [("understood", false)])
      // "what if I delete keeper" — a line not understood that asks for another change —
      // "do it": the preview is no longer what "do it" means, so it carries out nothing (never
      // the older change). A question about the preview ("would I lose the disk?") keeps it.
      if LocalIntentParser.mentionsChange(LocalIntentParser.tokens(of: line.lowercased())) {
        dialogue.lastRequest?.resumable = false
      }
      switch problem {
      case .unresolvedReference(let phrase): dialogue.apply(.refused(line, phrase: phrase))
      case .missingTarget: dialogue.apply(.refused(line, phrase: nil))
      case .unknownWords(let unknown):
        // "create a vm called split in eastus and westus" — "just eastus": the words not
        // understood are what an answer may replace.
        let words = LocalIntentParser.tokens(of: line)
        let at = unknown.compactMap { u in words.lastIndex(of: u) }
        if let first = at.min(), let last = at.max() {
          dialogue.apply(
            .refused(
              words.joined(separator: " "), phrase: words[first...last].joined(separator: " ")))
        }
      case .secretInLine: dialogue.apply(.refusedForSecret(line))
      case .missingDetail("time", _):
        dialogue.refusedForTime = LocalIntentParser.tokens(of: line).joined(separator: " ")
      case .badCount(let typed):
        // "create 2.5 vms" — "ok 2": the count typed is what an answer replaces.
        dialogue.apply(
          .refused(LocalIntentParser.tokens(of: line).joined(separator: " "), phrase: typed))
      case .negated, .alternatives:
        // "don't delete prod-db" — "what does it cost": what a refused line named is "it".
        let named = LocalIntentParser.tokens(of: line).compactMap { w in
          live.vms(named: w).count == 1 ? live.vms(named: w)[0].name : nil
        }
        if !named.isEmpty {
          conversation.vms = named
          conversation.meet(named)
        }
      default: break
      }
      fail(Messages.notUnderstood(problem, line: line))
    case .intents(let intents):
      record(.intent, [("intents", .array(intents.map(\.json)))])
      dialogue.lastRequest = LastRequest(line: line, intents: intents.map(\.asked))
      if let low = intents.map(\.confidence).min(), low < 0.7,
        !intents.contains(where: \.parameters.hypothetical)
      {
        let q = PendingQuestion(kind: .confirmUnderstanding, intents: intents, intentIndex: 0)
        for intent in intents { conversation.remember(weighed: intent) }
        dialogue.apply(.ask(.question(q, line: line)))
        say(Messages.question(q))
        return
      }
      // Nothing is planned or reported on a picture that could not be read ("No VMs" would
      // be a guess).
      if let error = liveError {
        fail(Messages.stateUnknown(error))
        return
      }
      plan(intents, line: line)
    }
  }

  /// Parses with the configured LLM when there is one, and with the local grammar otherwise
  /// or when the LLM cannot answer (one line says why).
  func understand(_ line: String) -> ParseResult {
    let started = TurnStages.now()
    defer { stages.parse += TurnStages.now() - started }
    if let llm {
      switch llm.parse(line, context: conversation, live: live) {
      case .parsed(let result):
        record(.parser, [("used", "llm")])
        // A question stays a question whatever the LLM made of it: changes are previewed.
        guard case .intents(let intents) = result,
          LocalIntentParser.asksRatherThanRequests(line)
        else { return result }
        return .intents(
          intents.map {
            var i = $0
            if !i.kind.isReadOnly { i.parameters.hypothetical = true }
            return i
          })
      case .fellBack(let reason):
        record(.parser, [("used", "local"), ("reason", .string(Redactor.text(reason)))])
        say(Messages.llmFellBack(reason))
      }
    }
    return parser.parse(line, context: conversation, live: live)
  }

  /// Plans `intents` and shows the result: a report, a question, a refusal, or a plan to approve.
  func plan(_ intents: [Intent], line: String) {
    if planEverything(intents, line: line) { return }
    var planner = CommandPlanner(defaults: config.defaults)
    planner.timeZone = timeZone
    planner.now = context.clock.now
    // A preview creates nothing: only a change to be made asks whether its names are free.
    if !intents.contains(where: \.parameters.hypothetical) {
      planner.isStorageNameFree = { [unowned self] in isStorageNameFree($0) }
    }
    switch timed(\.plan, { planner.plan(intents, live: live, context: conversation) }) {
    case .report(let report):
      for intent in intents { conversation.remember(intent) }
      show(report)
    case .refused(let problem):
      for intent in intents { conversation.remember(weighed: intent) }
      rememberTalkedAbout(intents)
      if case .invalidName = problem { dialogue.lastRequest?.refusedName = true }
      dialogue.lastRequest?.refused = Self.refusalKind(problem)
      fail(Messages.problem(problem))
    case .question(let q):
      rememberTalkedAbout(intents)
      dialogue.apply(.ask(.question(q, line: line)))
      say(Messages.question(q))
    case .nothingToDo(let notes):
      for intent in intents { conversation.remember(intent) }
      say(notes.map(Messages.note))
      if notes.isEmpty { say("Nothing to do.") }
    case .plan(let plan) where intents.contains(where: \.parameters.hypothetical):
      // A question about a change: show what it would do and cost, run nothing.
      say(Messages.plan(plan, verbose: options.verbose))
      say(Messages.cost(estimate(plan)))
      noteRunCommand(plan)
      say(Messages.previewOnly)
      for intent in intents { conversation.remember(weighed: intent) }
      dialogue.lastRequest?.resumable = true
    case .plan(let plan):
      if let refusal = simulatedGuestRefusal(plan) { return fail(refusal) }
      if let (message, offer) = quotaProblem(plan, intents: intents) {
        for intent in intents { conversation.remember(weighed: intent) }
        // "create 50 D16s v3 vms" — "ok 2 then": fewer is an answer.
        dialogue.lastRequest?.refused = "count"
        dialogue.apply(.failed)
        say(message)
        if let offer {
          dialogue.apply(.ask(.question(offer, line: line)))
          say(Messages.question(offer))
        }
        return
      }
      present(PendingPlan(line: line, intents: intents, plan: plan, estimate: estimate(plan)))
    }
  }

  /// "delete etl1's disk" (asked which) — "detach it": the live VMs a refused or asked request
  /// named are what "it" is next.
  func rememberTalkedAbout(_ intents: [Intent]) {
    let named = intents.filter { ![.provisionVM, .createResourceGroup].contains($0.kind) }
      .flatMap { $0.parameters.names + [$0.parameters.vm].compactMap { $0 } }
      .compactMap { n in live.vms(named: n).count == 1 ? live.vms(named: n)[0].name : nil }
    guard !named.isEmpty else { return }
    conversation.vms = named
    conversation.meet(named)
  }

  func show(_ report: Report) {
    switch report {
    case .vms(let vms, _):
      conversation.remember(listed: vms.map(\.name))
      say(Messages.vmTable(vms))
    case .vm(let vm):
      conversation.remember(listed: [vm.name])
      say(Messages.vmDetail(vm))
    case .groups(let groups): say(Messages.groupTable(groups))
    case .cost(let q): say(costAnswer(q))
    case .storageAccounts(let accounts): say(Messages.storageTable(accounts))
    case .snapshots(let snapshots):
      let monthly = snapshots.compactMap {
        estimator.snapshotLine(name: $0.name, sizeGB: $0.sizeGB, sku: $0.sku).monthly
      }.reduce(Money.zero, +)
      say(Messages.snapshotTable(snapshots, monthly: monthly))
    case .ports(let entries):
      conversation.remember(listed: entries.map(\.vm.name))
      say(Messages.portTable(entries))
    case .autoShutdown(let vms, let zone):
      conversation.remember(listed: vms.map(\.name))
      say(Messages.autoShutdownLines(vms, zone: zone))
    case .tagged(let filter, let found): say(Messages.taggedTable(filter, found))
    case .connect(let vm): showConnection(vm)
    }
  }

  func costAnswer(_ q: CostQuestion) -> [String] {
    if q.ranking { return costRanking() }
    if !q.vmNames.isEmpty {
      var estimate = CostEstimate()
      for name in q.vmNames {
        for vm in live.vms(named: name) {
          estimate.lines += estimator.vmLines(
            label: "VM \(vm.name)", size: vm.size, region: vm.location,
            running: vm.powerState != "deallocated")
          for disk in live.disks
          where !vm.id.isEmpty && disk.managedBy == vm.id && !disk.isOSDisk {
            if let line = estimator.diskLines(name: disk.name, sku: disk.sku, sizeGB: disk.sizeGB) {
              estimate.lines.append(
                .init(
                  item: "  data " + line.item, quantity: 1, hourly: nil, monthly: line.monthly,
                  confidence: line.confidence))
            }
          }
        }
      }
      return Messages.cost(estimate, signed: false)
    }
    if let size = q.size {
      let estimate = CostEstimate(
        lines: estimator.vmLines(label: "VM", size: size, region: q.region, count: q.count))
      return Messages.cost(estimate, signed: false)
    }
    let rate = costOfWhatExists()
    if rate.lines.isEmpty { return [Messages.nothingCosts] }
    return [Messages.runsAt(rate)] + Array(Messages.cost(rate, signed: false).dropFirst())
  }

  /// The monthly cost of what `plan` creates (changes and deletions are shown in the run-rate).
  func estimate(_ plan: Plan) -> CostEstimate {
    timed(\.price) { price(plan.steps) }
  }

  /// Shows a plan with its cost and budget status, then runs it or asks for approval.
  func present(_ made: PendingPlan) {
    var p = made
    p.facts = p.plan.facts(in: live)
    dialogue.lastPlan = p.plan
    dialogue.lastEstimate = p.estimate
    say(Messages.plan(p.plan, verbose: options.verbose))
    say(Messages.routes(p.plan, routes: routes(for: p.plan), whole: planStrategyName(for: p.plan)))
    say(Messages.cost(p.estimate))
    if p.plan.steps.contains(where: {
      if case .power(.stop, _) = $0.operation { return true } else { return false }
    }) {
      say(Messages.stopStillBills)
    }
    noteRunCommand(p.plan)
    record(
      .plan,
      [
        (
          "steps",
          .array(p.plan.steps.map { .strings(["az"] + Redactor.argv($0.command.arguments)) })
        )
      ])
    record(.costEstimate, [("monthly", .string(p.estimate.totalMonthly.plain))])
    let run = GatedRun.plan(p)
    guard
      let overridden = budgetGate(run, force: dialogue.forceBudget ? "--force" : nil, always: true)
    else { return }
    proceed(run, overriddenBy: overridden)
  }

  /// Runs the plan at once (--yes, always) or asks for approval; --dry-run stops here.
  func seekApproval(_ p: PendingPlan) {
    if options.dryRun {
      say(Messages.dryRun)
      return
    }
    if options.autoApprove {
      record(.approval, [("answer", "auto"), ("by", "--yes")])
      execute(p, approved: Set(p.plan.steps.map(\.number)))
      return
    }
    if dialogue.alwaysApprove && stepsThatAsk(p).isEmpty {
      record(.approval, [("answer", "auto"), ("by", "always")])
      execute(p, approved: Set(p.plan.steps.map(\.number)))
      return
    }
    if dialogue.alwaysApprove {
      approve(p)
      return
    }
    dialogue.apply(.ask(.approval(p)))
    say(Messages.proceed)
  }

  static func describe(_ level: BudgetMonitor.Decision.Level) -> String {
    switch level {
    case .ok: return "ok"
    case .warning(let t): return "warning \(t)%"
    case .refused: return "refused"
    case .unpriced: return "refused: price unknown"
    }
  }

  /// The plan was approved: confirm destroy steps one by one, then execute.
  func approve(_ p: PendingPlan) {
    guard worldStillHolds(p) else { return }
    let asking = stepsThatAsk(p)
    let others = Set(p.plan.steps.map(\.number).filter { !asking.contains($0) })
    askNextDestroy(p, remaining: asking, approved: others)
  }

  func askNextDestroy(_ p: PendingPlan, remaining: [Int], approved: Set<Int>) {
    guard let next = remaining.first, let step = p.plan.steps.first(where: { $0.number == next })
    else {
      if approved.isEmpty {
        say(Messages.cancelled)
        return
      }
      execute(p, approved: approved)
      return
    }
    dialogue.apply(.ask(.destroyConfirmation(p, remaining: remaining, approved: approved)))
    if step.action == .destroy || step.runsInsideVM {
      say(Messages.confirmDestroy(step))
    } else {
      say(Messages.confirmDestructiveTool(step, route: routes(for: p.plan)[step.number]))
    }
  }

  /// Runs the approved steps, records the objective, and answers in a sentence.
  func execute(_ p: PendingPlan, approved: Set<Int>) {
    let estimateText = p.estimate.totalMonthly.plain
    defer { dialogue.apply(.fixSettled) }
    guard worldStillHolds(p) else { return }
    var chosen = p
    chosen.plan.steps = p.plan.steps.filter { approved.contains($0.number) }
    guard let reservation = holdBudget(.plan(chosen), overriddenBy: p.overriddenBy) else {
      return
    }
    var settled = false
    defer { if !settled { settleBudget(reservation) } }
    var objective = Objective(
      id: context.ids.next(), session: sessionID, naturalLanguage: Redactor.text(p.line),
      intents: p.intents.map { $0.json.compact() }, plan: p.plan.steps.map(recorded),
      strategy: planStrategyName(for: p.plan) ?? strategies.stepStrategies.first?.name
        ?? PlanExecutor.strategyName,
      costEstimate: estimateText, at: context.clock.now)
    sessionRecord.objectives.append(objective.id)
    do {
      try store.save(objective)
      let steps = p.plan.steps.map {
        ExecutableStep($0, summary: Messages.stepSummary($0), live: live)
      }
      var lateInterrupt = false
      let outcomes = try terminal.withInterrupts { cancelled in
        let outcomes = try executor.execute(
          steps, approved: approved, objective: &objective, cancelled: cancelled,
          progress: showProgress, output: showRunOutput)
        lateInterrupt = cancelled()
        return outcomes
      }
      let failure = outcomes.sorted { $0.key < $1.key }.lazy.compactMap { entry -> AzError? in
        if case .failed(let error) = entry.value { return error } else { return nil }
      }.first
      let stopped = outcomes.values.contains(.cancelled)
      refreshLive()
      reconcileLedger()
      settleBudget(reservation)
      settled = true
      for intent in p.intents { conversation.remember(intent) }
      conversation.remember(created: p.plan)
      dialogue.lastRequest?.executed = true
      dialogue.lastRequest?.resumable = false
      dialogue.lastRequest?.created = p.plan.steps.compactMap {
        if case .createVM = $0.operation { return $0.resource.name } else { return nil }
      }
      if failure != nil || stopped { dialogue.apply(.failed) }
      if let failure {
        let rolledBack = rollBackAfterFailure(&objective)
        conversation.forgetMissing(in: live)
        say(Messages.finished(objective: objective, failed: true, rolledBack: rolledBack))
        offerAfterFailure(failure, p, outcomes: outcomes)
      } else if stopped {
        conversation.forgetMissing(in: live)
        say(
          Messages.stopped(objective, notStarted: outcomes.values.filter { $0 == .cancelled }.count)
        )
        offerRollbackAfterStop(objective)
      } else {
        conversation.forgetMissing(in: live)
        if let fix = dialogue.fixInProgress {
          try? FailureHistory(path: context.home.failureHistory).resolve(
            signature: fix.signature, by: fix.fix)
        }
        if lateInterrupt { say(Messages.interruptTooLate) }
        say(Messages.finished(objective: objective, failed: false))
      }
    } catch {
      fail("azlin: cannot record objective \(objective.id): \(error)")
    }
  }

  /// Prints a step's outcome as it ends.
  func showProgress(_ step: ExecutableStep, _ outcome: PlanExecutor.StepOutcome?) {
    guard let outcome else {
      terminal.progressStarted(step.summary)
      return
    }
    terminal.progressEnded()
    switch outcome {
    case .retrying(let e, let attempt, let total, let delay):
      say(Messages.stepRetrying(step, e, attempt: attempt, of: total, delay: delay))
    case .succeeded(let ms, let via): say(Messages.stepDone(step, ms: ms, via: via))
    case .fallingBack(let e, let from, let to):
      say(Messages.stepFallingBack(step, e, from: from, to: to))
    case .failed(let e):
      say(Messages.stepFailed(step, e))
      explain(e, operation: step.operation)
    case .skipped(let because): say(Messages.stepSkipped(step, because: because))
    case .cancelled: say(Messages.stepCancelled(step))
    }
  }

  /// Says why a step failed and what to try, and how often this failure was seen before.
  func explain(_ error: AzError, operation: AzureOperation) {
    let analysis = FailureAnalyzer().analyze(error, operation: operation, lookup: documentation)
    let history = FailureHistory(path: context.home.failureHistory)
    var seen = 0
    do {
      seen = try history.record(
        signature: analysis.signature, code: FailureClass(error).code, at: context.clock.now)
    } catch let unreadable as FailureHistory.Unreadable {
      output.error("azlin: \(unreadable)")
    } catch {
      output.error("azlin: cannot write \(context.home.failureHistory): \(error)")
    }
    dialogue.apply(.failureExplained(signature: analysis.signature))
    say(
      Messages.advice(
        analysis, seenBefore: seen,
        lastFix: history.entry(for: analysis.signature)?.resolution))
  }

  /// Where documentation links come from: the cache and the bundled index, and Microsoft
  /// Learn's search when `[docs] search` allows it (by default, with the real az only).
  var documentation: DocumentationLookup {
    let online = config.docsSearch ?? (backend.kind == .az)
    return DocumentationLookup(
      home: context.home, clock: context.clock, search: online ? LearnSearchClient() : nil)
  }

  func recorded(_ s: PlanStep) -> Objective.Step {
    Objective.Step(planned: s, summary: Messages.stepSummary(s))
  }
}

extension TurnEngine {
  /// The refused line with the words it was refused for replaced by what a short answer
  /// supplies — a region, a size, a count or a live group ("create a vm called euro1 somewhere
  /// in europe" — "north europe is fine"), or a name where a naming phrase failed ("a group
  /// called my group" — "my-group") — or nil when the answer is not one value.
  func completed(_ ask: (line: String, phrase: String?), with answer: String) -> String? {
    // "delete the vm" — "the biggest one": a description the parser resolves to live VMs is
    // the target the refused line lacked.
    if ask.phrase?.isEmpty ?? true {
      guard case .intents(let read) = parser.parse(answer, context: conversation, live: live),
        read.count == 1, read[0].kind == .showVM, !read[0].parameters.names.isEmpty,
        read[0].parameters.names.allSatisfy({ live.vms(named: $0).count == 1 })
      else { return nil }
      return ask.line + " " + read[0].parameters.names.map { "vm " + $0 }.joined(separator: " and ")
    }
    guard let phrase = ask.phrase, !phrase.isEmpty,
      let range = ask.line.range(of: phrase, options: [.caseInsensitive, .backwards])
    else { return nil }
    let words = LocalIntentParser.tokens(of: answer)
    let said = words.filter { !Self.answerFiller.contains($0.lowercased()) && $0 != "in" }
    guard !said.isEmpty, said.count <= 3,
      !LocalIntentParser.mentionsVerb(words.map { $0.lowercased() })
    else { return nil }
    var value: String?
    if case .success(let r) = parser.revision(
      said.joined(separator: " "), context: conversation, live: live),
      r.replacement == nil, !r.isEmpty, r.parameters.names.isEmpty
    {
      let p = r.parameters
      let given = [p.region, p.size, p.resourceGroup, p.count.map(String.init)].compactMap { $0 }
      guard given.count == 1 else { return nil }
      if let region = p.region { value = "in " + region }
      if let size = p.size { value = size }
      if let group = p.resourceGroup { value = "in group " + group }
      if let count = p.count { value = String(count) }
    } else if said.count == 1, let g = live.group(named: said[0]) {
      value = "in group " + g.name
    } else if said.count == 1, LocalIntentParser.looksLikeName(said[0]) {
      // A new name only where the refused line was naming something.
      let before = ask.line[..<range.lowerBound].lowercased().split(separator: " ").last
      guard ["called", "named", "name", "call"].contains(before.map(String.init) ?? "") else {
        return nil
      }
      value = said[0]
    }
    guard let value else { return nil }
    return ask.line.replacingCharacters(in: range, with: value)
  }

  /// The refused line completed by an answer that names live VMs, or nil when `answer` is not
  /// one: "the last one" in "delete the last one" becomes "vm web2"; a line that lacked its
  /// target ("delete") gets it.
  static func answered(_ ask: (line: String, phrase: String?), with answer: String, live: LiveState)
    -> String?
  {
    let around: Set<String> = [
      "just", "the", "one", "vm", "called", "named", "i", "meant", "mean", "sorry", "ok", "okay",
      "yes", "that", "please", ",", "and", "oh", "no", "only", "it's", "its", "is", "it", "then",
    ]
    let words = LocalIntentParser.tokens(of: answer)
    guard words.count <= 7 else { return nil }
    var names: [String] = []
    for w in words where !around.contains(w.lowercased()) || live.vms(named: w).count == 1 {
      guard let vm = live.vms(named: w).first, live.vms(named: w).count == 1 else { return nil }
      if !names.contains(vm.name) { names.append(vm.name) }
    }
    guard !names.isEmpty else { return nil }
    let target = names.map { "vm " + $0 }.joined(separator: " and ")
    guard let phrase = ask.phrase, !phrase.isEmpty else { return ask.line + " " + target }
    guard let range = ask.line.range(of: phrase, options: [.caseInsensitive, .backwards]) else {
      return nil
    }
    return ask.line.replacingCharacters(in: range, with: target)
  }
}
