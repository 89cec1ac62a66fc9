import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A program started with `posix_spawn` and reaped with `wait4`, for its exit status,
/// wall time and peak resident memory.
struct ChildProcess {
  /// How a finished child fared.
  struct Exit {
    /// The exit code, or 128 + the signal that killed it.
    var status: Int32
    /// From spawn to reaped, in nanoseconds.
    var nanoseconds: UInt64
    /// Peak resident set size, in kilobytes (`ru_maxrss`).
    var maxRSSKilobytes: Int
  }

  /// Why a child could not be started or waited for.
  struct SpawnError: Error, CustomStringConvertible {
    var description: String
  }

  /// The program's path.
  var executable: String
  /// Its arguments, without the program name.
  var arguments: [String]
  /// Its whole environment.
  var environment: [String: String]
  /// A file its standard input reads from (`/dev/null` when nil).
  var standardInput: String?
  /// A file its standard output and error go to (`/dev/null` when nil).
  var standardOutput: String?

  /// Starts the child; `wait` reaps it.
  /// - Throws: `SpawnError` when `posix_spawn` fails.
  func start() throws -> Running {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, standardInput ?? "/dev/null", O_RDONLY, 0)
    let out = standardOutput ?? "/dev/null"
    posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for p in argv { free(p) }
      for p in envp { free(p) }
    }
    var pid: pid_t = 0
    let started = Stopwatch.now()
    let code = posix_spawn(&pid, executable, &actions, nil, argv, envp)
    guard code == 0 else {
      throw SpawnError(
        description: "cannot start \(executable): \(String(cString: strerror(code)))")
    }
    return Running(pid: pid, started: started)
  }

  /// Starts the child and waits for it.
  func run() throws -> Exit { try start().wait() }

  /// A started child.
  struct Running {
    let pid: pid_t
    let started: UInt64

    /// Waits for the child to end.
    /// - Throws: `SpawnError` when `wait4` fails.
    func wait() throws -> Exit {
      var status: Int32 = 0
      var usage = rusage()
      while wait4(pid, &status, 0, &usage) < 0 {
        guard errno == EINTR else {
          throw SpawnError(description: "wait4 failed: \(String(cString: strerror(errno)))")
        }
      }
      let elapsed = Stopwatch.now() - started
      let signal = status & 0x7f
      let exitCode = signal == 0 ? (status >> 8) & 0xff : 128 + signal
      return Exit(status: exitCode, nanoseconds: elapsed, maxRSSKilobytes: Int(usage.ru_maxrss))
    }
  }
}
