/// A command typed after "/", registered with its name, aliases, summary, usage and completion.
struct SlashCommand {
  var name: String
  var aliases: [String] = []
  var summary: String
  var usage: String
  /// Candidates for the argument being typed, given the arguments so far.
  var complete: (Session, [String]) -> [String] = { _, _ in [] }
  var run: (Session, [String]) -> Void

  /// Every command, in the order /help lists them.
  nonisolated(unsafe) static let all: [SlashCommand] = [
    SlashCommand(
      name: "help", summary: "List commands, or explain one", usage: "/help [command]",
      complete: { _, args in args.count <= 1 ? SlashCommand.all.map(\.name) : [] },
      run: { s, args in s.help(args) }),
    SlashCommand(
      name: "state", aliases: ["ls"], summary: "Show what exists now, and what \"it\" refers to",
      usage: "/state", run: { s, _ in s.showState() }),
    SlashCommand(
      name: "budget", summary: "Show or set spending limits", usage: "/budget [set|clear …]",
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
      complete: { s, _ in ["plan", "all"] + s.live.groups.map(\.name) },
      run: { s, args in s.costCommand(args) }),
    SlashCommand(
      name: "plan", summary: "Show the last plan with its az commands", usage: "/plan",
      run: { s, _ in s.showLastPlan() }),
    SlashCommand(
      name: "history", summary: "Show this session's turns and what ran",
      usage: "/history [n] [--all]",
      complete: { _, _ in ["--all", "10", "50"] }, run: { s, args in s.showHistory(args) }),
    SlashCommand(
      name: "strategy", summary: "Show how plans are carried out, or choose what goes first",
      usage: "/strategy [auto|az|mcp|terraform]",
      complete: { _, args in args.count <= 1 ? ["auto", "az", "mcp", "terraform"] : [] },
      run: { s, args in s.strategyCommand(args) }),
    SlashCommand(
      name: "objectives", summary: "List recorded objectives and their status",
      usage: "/objectives", run: { s, _ in s.listObjectives() }),
    SlashCommand(
      name: "undo", summary: "Undo the most recent objective (or one by id)",
      usage: "/undo [objective-id]",
      complete: { s, _ in s.store.all().objectives.map(\.id) }, run: { s, args in s.undo(args) }),
    SlashCommand(
      name: "resume", summary: "Finish an objective a killed session left in progress",
      usage: "/resume <objective-id>",
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
      complete: { s, _ in s.sessions.all().map { String($0.id.suffix(8)) } },
      run: { s, args in s.resumeSession(args) }),
    SlashCommand(
      name: "save", summary: "Save this session as a transcript", usage: "/save <file>",
      run: { s, args in s.save(args) }),
    SlashCommand(
      name: "clear", summary: "Forget the conversation context", usage: "/clear",
      run: { s, _ in s.clearContext() }),
    SlashCommand(
      name: "quit", aliases: ["exit", "q"], summary: "Leave the shell", usage: "/quit",
      run: { s, _ in s.quit() }),
  ]

  /// The command named `name` or aliased so.
  static func named(_ name: String) -> SlashCommand? {
    all.first { $0.name == name || $0.aliases.contains(name) }
  }
}
