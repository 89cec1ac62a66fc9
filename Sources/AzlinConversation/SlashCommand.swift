/// A command typed after "/": one definition per command — its name, aliases, summary, every
/// form its parser reads, what each argument means, completion and what it runs. `/help`
/// prints from here, and the commands' usage errors quote the same forms.
struct SlashCommand {
  var name: String
  var aliases: [String] = []
  var summary: String
  /// The short form `/help` lists.
  var usage: String
  /// Every form the command's parser reads; `/help <command>` prints them all.
  var forms: [String] = []
  /// What each argument and flag means, for `/help <command>`.
  var arguments: [(String, String)] = []
  /// Candidates for the argument being typed, given the arguments so far.
  var complete: (TurnEngine, [String]) -> [String] = { _, _ in [] }
  var run: (TurnEngine, [String]) -> Void

  /// Every command, in the order /help lists them.
  nonisolated(unsafe) static let all: [SlashCommand] = [
    SlashCommand(
      name: "help", summary: "List commands, or explain one", usage: "/help [command]",
      arguments: [("command", "a command's name, with or without \"/\": its full syntax")],
      complete: { _, args in args.count <= 1 ? SlashCommand.all.map(\.name) : [] },
      run: { s, args in s.help(args) }),
    SlashCommand(
      name: "state", aliases: ["ls"], summary: "Show what exists now, and what \"it\" refers to",
      usage: "/state", run: { s, _ in s.showState() }),
    SlashCommand(
      name: "budget", summary: "Show or set spending limits", usage: "/budget [set|clear …]",
      forms: [
        "/budget", "/budget set monthly|daily <dollars>", "/budget set group <name> <dollars>",
        "/budget clear monthly|daily", "/budget clear group <name>",
      ],
      arguments: [
        ("(none)", "limits, spending today and this month, run-rate, projection, per group"),
        ("monthly|daily", "the limit for a calendar month or day, for everything"),
        ("group <name>", "the monthly limit for one resource group"),
        ("<dollars>", "a whole or decimal amount: 500, 49.50"),
      ],
      complete: { s, args in
        switch args.count {
        case 0, 1: return ["set", "clear"]
        case 2: return ["monthly", "daily", "group"]
        default: return args[1] == "group" && args.count == 3 ? s.live.groups.map(\.name) : []
        }
      },
      run: { s, args in s.budgetCommand(args) }),
    SlashCommand(
      name: "cost", summary: "What the last plan adds, or what exists costs",
      usage: "/cost [plan|all|<group>]",
      arguments: [
        ("plan", "the last plan's estimate (the default when there is one)"),
        ("all", "what everything that exists costs, per VM"),
        ("<group>", "what one resource group costs"),
      ],
      complete: { s, _ in ["plan", "all"] + s.live.groups.map(\.name) },
      run: { s, args in s.costCommand(args) }),
    SlashCommand(
      name: "plan", summary: "Show the last plan with its az commands", usage: "/plan",
      run: { s, _ in s.showLastPlan() }),
    SlashCommand(
      name: "history", summary: "Show this session's turns and what ran",
      usage: "/history [n] [--all|--failed|…]",
      forms: ["/history [n] [--all] [--failed] [--objective <id>] [--since <period>]"],
      arguments: [
        ("n", "how many entries, the newest (20 by default)"),
        ("--all", "every session's, not only this one's"),
        ("--failed", "only commands and objectives that failed (every session)"),
        ("--objective <id>", "only what one objective did (an ID or its last characters)"),
        ("--since <period>", "only the last 30m, 2h or 7d (every session)"),
      ],
      complete: { _, _ in ["--all", "--failed", "--objective", "--since", "10", "50"] },
      run: { s, args in s.showHistory(args) }),
    SlashCommand(
      name: "strategy", summary: "Show how plans are carried out, or choose what goes first",
      usage: "/strategy [auto|az|mcp|terraform]",
      arguments: [
        ("(none)", "each strategy in the order it is tried, ready or not and why"),
        ("auto|az|mcp|terraform", "what goes first (kept in config.toml)"),
      ],
      complete: { _, args in args.count <= 1 ? ["auto", "az", "mcp", "terraform"] : [] },
      run: { s, args in s.strategyCommand(args) }),
    SlashCommand(
      name: "objectives", summary: "List recorded objectives and their status",
      usage: "/objectives [n]",
      arguments: [("n", "how many, the newest (20 by default)")],
      run: { s, args in s.listObjectives(args) }),
    SlashCommand(
      name: "undo", summary: "Undo the most recent objective (or one by id)",
      usage: "/undo [objective-id] [--force]",
      arguments: [
        ("objective-id", "which objective: its ID or its last characters (/objectives)"),
        ("--force", "pass a budget refusal of the inverse plan (audited)"),
      ],
      complete: { s, _ in s.store.all().objectives.map(\.id) }, run: { s, args in s.undo(args) }),
    SlashCommand(
      name: "resume", summary: "Finish an objective a killed session left in progress",
      usage: "/resume <objective-id> [--force]",
      arguments: [
        ("objective-id", "the interrupted objective: its ID or its last characters"),
        ("--force", "pass a budget refusal of what is left (audited)"),
      ],
      complete: { s, _ in
        s.store.all().objectives.filter { $0.status == .inProgress }.map { String($0.id.suffix(8)) }
      },
      run: { s, args in s.resume(args) }),
    SlashCommand(
      name: "sessions", summary: "List recent sessions with their objectives and cost",
      usage: "/sessions",
      run: { s, _ in s.listSessions() }),
    SlashCommand(
      name: "resume-session", summary: "Carry on the conversation of an earlier session",
      usage: "/resume-session [session-id]",
      arguments: [("session-id", "which session (/sessions); the most recent by default")],
      complete: { s, _ in s.sessions.all().map { String($0.id.suffix(8)) } },
      run: { s, args in s.resumeSession(args) }),
    SlashCommand(
      name: "save", summary: "Save this session as a transcript", usage: "/save <file>",
      arguments: [
        (
          "<file>",
          "where: a relative path goes to $AZLIN_HOME/transcripts/; an existing file is replaced only after yes"
        )
      ],
      run: { s, args in s.save(args) }),
    SlashCommand(
      name: "ssh", summary: "Connect to a VM with ssh (on the simulator: show the command)",
      usage: "/ssh [vm]",
      arguments: [
        (
          "vm",
          "the VM: its public IP and admin user are read, and on Azure ssh runs in this terminal until it ends (default: the VM \"it\" refers to, or the only one)"
        )
      ],
      complete: { s, args in args.count <= 1 ? s.live.vms.map(\.name) : [] },
      run: { s, args in s.ssh(args) }),
    SlashCommand(
      name: "clear", summary: "Forget the conversation context", usage: "/clear",
      run: { s, _ in s.clearContext() }),
    SlashCommand(
      name: "quit", aliases: ["exit", "q"], summary: "Leave the shell (also: exit, quit, Ctrl-D)",
      usage: "/quit",
      run: { s, _ in s.quit() }),
  ]

  /// The command named `name` or aliased so.
  static func named(_ name: String) -> SlashCommand? {
    all.first { $0.name == name || $0.aliases.contains(name) }
  }

  /// Every form of the command named `name`, joined for a usage error; `prefix` keeps only the
  /// forms that start with it ("/budget set").
  static func usage(of name: String, forms prefix: String? = nil) -> String {
    guard let command = named(name) else { return "/" + name }
    let forms = command.forms.isEmpty ? [command.usage] : command.forms
    let kept = prefix.map { p in forms.filter { $0.hasPrefix(p + " ") } } ?? forms
    return (kept.isEmpty ? forms : kept).joined(separator: ", or ")
  }

  /// What `/help <command>` prints: the summary, every form, what each argument means, aliases.
  var help: [String] {
    var lines = ["/\(name) — \(summary)."]
    let all = forms.isEmpty ? [usage] : forms
    lines.append("Usage:")
    lines += all.map { "  " + $0 }
    if !arguments.isEmpty {
      let width = arguments.map(\.0.count).max() ?? 0
      lines.append("Arguments:")
      lines += arguments.map {
        "  " + $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1
      }
    }
    if !aliases.isEmpty {
      lines.append("Also: " + aliases.map { "/" + $0 }.joined(separator: ", "))
    }
    return lines
  }
}
