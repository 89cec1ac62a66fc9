import AzlinAzure
import AzlinCore
import AzlinExecution
import AzlinLedger
import AzlinPlanning
import Foundation

/// One conversation (a session): a line in, the turn's answers out. It holds the services,
/// the `DialogueState`, the `ConversationContext` and the live state, and runs every turn —
/// slash commands, answers and the request pipeline (understand → plan → quota → price →
/// present → budget → approve → execute → settle; see ARCHITECTURE.md).
///
/// Lines come in through `handle(_:)` — from the shell's `Session` (libedit or a pipe), a
/// transcript, the bench or a test — and every answer goes to `output`. Approval answers are
/// lines too, so a transcript or a pipe can approve a plan by sending "y". The engine has no
/// terminal code: Ctrl-C during execution and the progress line go through `terminal`.
public final class TurnEngine {
  /// How the shell was started.
  public struct Options: Sendable {
    /// Approve every plan, destroy steps included (like terraform's -auto-approve). Budget refusals stand.
    public var autoApprove = false
    /// Plan and stop.
    public var dryRun = false
    /// Show the az commands of every plan.
    public var verbose = false
    /// Take over the conversation of the most recent earlier session.
    public var resume = false
    /// Questions, plans and prices only: nothing is executed (also `[safety] read_only`).
    public var readOnly = false
    public init() {}
  }

  /// What waits for the next line.
  enum Pending {
    case approval(PendingPlan)
    case destroyConfirmation(PendingPlan, remaining: [Int], approved: Set<Int>)
    case question(PendingQuestion, line: String)
    case undo(Objective, [Rollback.Step], overriddenBy: String?)
    case budgetOverride(GatedRun, BudgetMonitor.Decision, limit: String)
    case overwrite(PendingSave)
  }

  /// A plan that waits for approval, with what it was made from.
  struct PendingPlan {
    var line: String
    var intents: [Intent]
    var plan: Plan
    var estimate: CostEstimate
    /// How a budget refusal of this plan was overridden ("--force", "typed override").
    var overriddenBy: String?
    /// The facts the plan was made on (`Plan.facts(in:)`), checked again at approval and
    /// right before it runs.
    var facts: [String: String] = [:]
  }

  let context: AzlinContext
  public let backend: any AzureBackend
  var config: AzlinConfig
  let audit: AuditLog
  let store: ObjectiveStore
  /// Where the engine's answers go, turn by turn.
  public let output: RecordingOutput
  let options: Options
  let parser: LocalIntentParser
  /// The LLM intent parser, when one is configured.
  let llm: LLMIntentParser?
  /// The state folder this engine works in.
  public var home: AzlinHome { context.home }
  /// The zone a time said without one is in: `[defaults] time_zone`, else the machine's
  /// (read once: the config does not change under a session).
  lazy var timeZone: TimeZone =
    config.defaults.timeZone.flatMap { TimeZone(identifier: $0) } ?? TimeZone.current
  /// Prices; a VM with auto-shutdown is taken to start again at 09:00 in the user's zone.
  lazy var estimator: CostEstimator = {
    var estimator = CostEstimator()
    let offset = timeZone.secondsFromGMT(for: context.clock.now) / 60
    estimator.dayStartsAtUTCMinute = ((9 * 60 - offset) % 1440 + 1440) % 1440
    return estimator
  }()
  /// The spend ledger of this state folder (read incrementally: see `SpendLedger`).
  let ledger: SpendLedger
  /// The lock budget decisions and reservations are made under, shared with other processes.
  let budgetLock: FileLock
  /// This session's events for `/history`, read as they are written.
  let history: SessionHistory
  /// How many budget reservations this session made (their IDs are this session's ID and a count).
  var reservations = 0
  /// Ctrl-C and the progress line of the terminal the engine runs under (`QuietTerminal` when
  /// none: a pipe, a replay, a test).
  public var terminal: any TerminalPort = QuietTerminal()
  public let sessionID: String
  /// This session's record in `sessions/`.
  var sessionRecord: SessionRecord
  public let version: String

  var conversation = ConversationContext()
  /// What exists, as last read; setting it forgets the run-rates priced from the old one.
  var live = LiveState() {
    didSet {
      runRates = [:]
      priced = nil
    }
  }
  /// The last plan priced against `live`, with its estimate (forgotten when `live` changes).
  var priced: (steps: [PlanStep], estimate: CostEstimate)?
  /// Monthly run-rates of `live`, by group ("" for all), priced once per snapshot.
  var runRates: [String: Money] = [:]
  var liveError: AzError?
  /// What existed when the session started: `/save` writes it as the transcript's starting state.
  var startingState: LiveState?
  /// Turns `/save` leaves out of a transcript (itself and its "overwrite?" answers).
  var unsavedTurns: Set<Int> = []
  /// What the conversation waits for and remembers between turns (see `DialogueState`).
  var dialogue = DialogueState()
  /// Set when a one-shot request failed or was refused.
  public var lastTurnFailed: Bool { dialogue.lastTurnFailed }
  /// True when the last line answered a question (such lines are not kept in history).
  public var lastLineWasAnswer: Bool { dialogue.lastLineWasAnswer }
  /// The execution strategies and their order (`/strategy` changes it).
  let strategies: StrategySelector
  /// Set by /quit and /exit.
  public internal(set) var wantsToQuit = false
  /// Where this session's turns spent their time, by stage.
  public internal(set) var stages = TurnStages()

  /// An engine on `services`, which it takes as they are (the composition root builds them).
  /// - Parameters:
  ///   - services: Context, backend, config, audit, stores, strategies and parsers.
  ///   - output: Where answers go.
  ///   - options: --yes, --dry-run, --verbose.
  ///   - version: Written to the audit log's session_start.
  public init(services: Services, output: any OutputSink, options: Options, version: String) {
    self.llm = services.llm
    self.context = services.context
    self.backend = services.backend
    self.config = services.config
    self.output = RecordingOutput(wrapping: output)
    self.options = options
    self.version = version
    self.sessionID = services.sessionID
    self.sessionRecord = SessionRecord(
      id: sessionID, startedAt: context.clock.now, backend: backend.kind.rawValue)
    self.audit = services.audit
    self.store = services.store
    self.ledger = services.ledger
    self.budgetLock = services.ledger.makeLock()
    self.history = SessionHistory(path: services.audit.path)
    self.parser = services.parser
    self.strategies = services.strategies
  }

  /// An engine on services assembled from these parts (`Services.init`).
  /// - Parameters:
  ///   - context: Clock, IDs, sleeper, runner and the state folder.
  ///   - backend: Where commands land.
  ///   - config: `config.toml`'s settings.
  ///   - output: Where answers go.
  ///   - options: --yes, --dry-run, --verbose.
  ///   - version: Written to the audit log's session_start.
  ///   - llm: The LLM intent parser, when one is configured.
  ///   - mcpConnector: Connects an MCP server in this process instead of starting it.
  public convenience init(
    context: AzlinContext, backend: any AzureBackend, config: AzlinConfig, output: any OutputSink,
    options: Options,
    version: String, llm: LLMIntentParser? = nil,
    mcpConnector: ((MCPServerSettings) -> MCPInProcessConnector?)? = nil
  ) {
    self.init(
      services: Services(
        context: context, backend: backend, config: config, llm: llm, mcpConnector: mcpConnector),
      output: output, options: options, version: version)
  }

  /// Records the start of the session and reads the live state.
  public func start() {
    record(
      .sessionStart, [("backend", .string(backend.kind.rawValue)), ("version", .string(version))])
    refreshLive()
    if liveError == nil { startingState = live }
    reconcileLedger()
    announceInterrupted()
    if options.resume { resumeSession([]) }
    saveSessionRecord()
  }

  /// Records the end of the session.
  public func end() {
    // Every turn already saved the record; only a session without turns has nothing newer.
    record(.sessionEnd, [("turns", .number(Double(output.turns.count)))])
    for case let server as MCPStrategy in strategies.mcp { server.close() }
  }

  /// The prompt: where commands land and what is being spent, e.g. `azlin sim:azlin-rg@eastus $42/$500 > `.
  public var prompt: String {
    switch dialogue.pending {
    case .approval: return "proceed? [y/n/a] > "
    case .destroyConfirmation, .undo: return "confirm? [y/N] > "
    case .overwrite: return "overwrite? [y/N] > "
    case .budgetOverride: return "override? > "
    case .question: return "answer > "
    case nil: break
    }
    let group = conversation.resourceGroup ?? config.defaults.resourceGroup
    let region = conversation.region ?? live.group(named: group)?.location ?? config.defaults.region
    let rate = runRate()
    let money =
      config.budget.monthlyLimit.map { "\(Self.whole(rate))/\(Self.whole($0))" }
      ?? "\(Self.whole(rate))/mo"
    return
      "azlin \(backend.kind == .sim ? "sim" : backend.displayName):\(group)@\(region) \(money)\(readOnly ? " read-only" : "") > "
  }

  /// True when nothing may be executed: `--read-only`, or `[safety] read_only = true`.
  public var readOnly: Bool { options.readOnly || config.safety.readOnly }

  static func whole(_ m: Money) -> String {
    let text = m.description
    return text.hasSuffix(".00") ? String(text.dropLast(3)) : text
  }

  /// Handles one line: a slash command, an answer to what is pending, or a request.
  /// - Returns: What the turn said and how it ended.
  @discardableResult
  public func handle(_ raw: String) -> Turn {
    let turns = output.turns.count
    handleLine(raw)
    if output.turns.count != turns { saveSessionRecord() }
    return Turn(
      lines: output.turns.count != turns ? output.turns.last?.output ?? [] : [],
      failed: dialogue.lastTurnFailed, answered: dialogue.lastLineWasAnswer,
      waiting: dialogue.pending != nil)
  }

  /// What one line did: the lines the engine said (secrets redacted) and how the turn ended.
  public struct Turn: Equatable, Sendable {
    /// What the engine said, line by line (nothing for an empty line).
    public var lines: [String]
    /// The request failed or was refused.
    public var failed: Bool
    /// The line answered the question that was pending (such lines are not kept in history).
    public var answered: Bool
    /// A question, plan or offer now waits for the next line.
    public var waiting: Bool
  }

  private func handleLine(_ raw: String) {
    dialogue.apply(.turnBegan)
    if raw.utf8.count > Self.maximumLineBytes {
      output.beginTurn(Redactor.text(String(raw.prefix(40))) + "…")
      fail(Messages.lineTooLong)
      return
    }
    if raw.unicodeScalars.contains("\u{FFFD}") {
      output.beginTurn(Redactor.text(raw))
      fail(Messages.invalidUTF8)
      return
    }
    // From here on only the cleaned, redacted line exists: audit, objectives, session
    // records, transcripts, the screen, the parser and an LLM never see the secret.
    let (line, removed) = Self.clean(raw)
    guard !line.isEmpty else { return }
    output.beginTurn(line)
    if removed { say(Messages.controlCharacters) }
    if line.hasPrefix("/") {
      dropPending()
      record(.input, [("text", .string(Redactor.text(line)))])
      runSlash(line)
      return
    }
    if dialogue.pending != nil, line.lowercased() == Self.cancelWord {
      dialogue.apply(.lineAnswered)
      cancelPending()
      return
    }
    if let pending = dialogue.pending, answer(pending, with: line) {
      dialogue.apply(.lineAnswered)
      return
    }
    // A bare "ok" after a preview acknowledges it; carrying it out takes "do it" or "yes".
    if dialogue.pending == nil,
      Self.goAhead(line) || (Self.yesNo(line) == .yes && !Self.acknowledges(line)),
      let last = dialogue.lastRequest, last.resumable
    {
      record(.input, [("text", .string(Redactor.text(line)))])
      refreshLive()
      dialogue.lastRequest?.resumable = false
      plan(last.intents.map(\.asked), line: last.line)
      return
    }
    if dialogue.pending == nil, Self.yesNo(line) != nil || Self.goAhead(line) {
      say(Messages.nothingWaiting)
      return
    }
    record(.input, [("text", .string(Redactor.text(line)))])
    refreshLive()
    request(line)
  }

  /// A typed line as the rest of the shell sees it: tabs become spaces; control characters,
  /// bidi controls and invisible formatting characters are removed; the ends are trimmed; and
  /// secrets are redacted (`Redactor.text`), before anything records, shows or reads it.
  /// - Returns: The line, and whether characters were removed.
  public static func clean(_ raw: String) -> (line: String, removed: Bool) {
    let spaced = raw.unicodeScalars.map { $0 == "\t" ? " " : $0 }
    // A terminal escape sequence ("ESC [ 3 1 m") goes whole, not only its ESC.
    var kept: [Unicode.Scalar] = []
    var i = 0
    while i < spaced.count {
      if spaced[i] == "\u{1B}", i + 1 < spaced.count, spaced[i + 1] == "[" {
        var j = i + 2
        while j < spaced.count, (0x20...0x3F).contains(spaced[j].value) { j += 1 }
        i = j < spaced.count && (0x40...0x7E).contains(spaced[j].value) ? j + 1 : j
        continue
      }
      if !isInvisible(spaced[i]) { kept.append(spaced[i]) }
      i += 1
    }
    let line = String(String.UnicodeScalarView(kept)).trimmingCharacters(in: .whitespaces)
    return (Redactor.text(line), kept.count != spaced.count)
  }

  /// C0 and C1 controls (not tab), DEL, bidi controls (U+202A–U+202E, U+2066–U+2069,
  /// U+200E–U+200F, U+061C) and invisible formatting characters (U+200B–U+200D, U+2060–U+2064,
  /// U+FEFF, U+180E, U+00AD): never part of a request, and able to make a line read otherwise
  /// than it is.
  static func isInvisible(_ c: Unicode.Scalar) -> Bool {
    switch c.value {
    case 0x09: return false
    case 0x00..<0x20, 0x7F, 0x80..<0xA0, 0xAD, 0x061C, 0x180E, 0x200B...0x200F, 0x202A...0x202E,
      0x2060...0x2064, 0x2066...0x2069, 0xFEFF:
      return true
    default: return false
    }
  }

  /// The longest line the shell takes.
  public static let maximumLineBytes = 64 * 1024

  // MARK: - Output and audit

  func say(_ line: String) { output.line(line) }
  func say(_ lines: [String]) { for l in lines { output.line(l) } }

  func record(_ event: AuditEvent, objective: String? = nil, _ fields: [(String, JSONValue)] = []) {
    do {
      try audit.record(event, objective: objective, fields)
    } catch {
      output.error("azlin: cannot write the audit log: \(error)")
    }
  }

  func fail(_ message: String) {
    say(message)
    dialogue.apply(.failed)
  }

  /// The executor for this session's backend, stores and clock.
  var executor: PlanExecutor {
    PlanExecutor(
      backend: backend, strategies: strategies, audit: audit, store: store, clock: context.clock,
      sleeper: context.sleeper, random: context.random, retry: retryPolicy,
      maxParallel: config.execution.maxParallel)
  }

  /// Reads the live state again (once per turn, and after execution).
  /// A transient failure (throttling, a server error) is retried with backoff; what still
  /// fails is kept in `liveError`, and no change is planned on the old snapshot.
  func refreshLive() {
    let policy = RetryPolicy()
    var attempt = 1
    while true {
      do {
        live = try timed(\.live) { try LiveState.fetch(from: backend) }
        liveError = nil
        return
      } catch let error as AzError {
        let kind = FailureClass(error)
        if kind.retriable, attempt < policy.maxAttempts {
          context.sleeper.sleep(
            seconds: policy.delay(
              after: attempt, retryAfter: kind.retryAfter, random: context.random))
          attempt += 1
          continue
        }
        liveError = error
        output.error("azlin: cannot read what exists: \(error.code): \(error.message)")
        return
      } catch {
        liveError = AzError(code: "Unknown", message: "\(error)")
        output.error("azlin: cannot read what exists: \(error)")
        return
      }
    }
  }

  func dropPending() {
    guard let p = dialogue.apply(.dropped) else { return }
    switch p {
    case .question:
      say(Messages.questionDropped)
    case .budgetOverride: break
    case .overwrite(let save): say(Messages.notSaved(save.path))
    default: say(Messages.approvalDropped)
    }
  }
}

extension TurnEngine {
  /// True while a question or an approval waits for the next line.
  public var isWaitingForAnswer: Bool { dialogue.pending != nil }
}
