/// The command line of `azlin-bench`.
struct BenchOptions {
  /// `--quick`: smaller workloads for a smoke run (well under 30 seconds).
  var quick = false
  /// `--only 2,5`: run only these figures.
  var only: Set<Int>?
  /// `--keep`: leave the temporary folder in place, for inspection.
  var keep = false

  static let usage = """
    usage: azlin-bench [--quick] [--only N[,N…]] [--keep]

    Builds its own workloads in a temporary folder, runs every figure of issue 8 and prints
    one Markdown table: figure | workload | result | target | met?
      --quick   shrink every workload for a smoke run (under 30 s)
      --only    run only the listed figures (1-9)
      --keep    keep the temporary folder and print its path
    Figure 1 runs the azlin binary found next to azlin-bench: build it first with
    swift build -c release --product azlin
    """

  /// Reads `arguments` (without the program name).
  /// - Returns: The options, or a usage error when they are not understood.
  static func parse(_ arguments: [String]) -> Result<BenchOptions, BenchUsageError> {
    var options = BenchOptions()
    var i = 0
    while i < arguments.count {
      switch arguments[i] {
      case "--quick": options.quick = true
      case "--keep": options.keep = true
      case "--only":
        guard i + 1 < arguments.count else {
          return .failure(BenchUsageError("--only needs figures"))
        }
        i += 1
        let figures = arguments[i].split(separator: ",").compactMap { Int($0) }
        guard !figures.isEmpty, figures.allSatisfy({ (1...9).contains($0) }) else {
          return .failure(BenchUsageError("--only takes figure numbers 1-9, such as 2,5"))
        }
        options.only = Set(figures)
      case "--help", "-h": return .failure(BenchUsageError(nil))
      default: return .failure(BenchUsageError("unknown argument \(arguments[i])"))
      }
      i += 1
    }
    return .success(options)
  }

  /// True when figure `n` is to run.
  func runs(_ n: Int) -> Bool { only?.contains(n) ?? true }

  /// `full` normally, `quick` with `--quick`.
  func size<T>(_ full: T, quick small: T) -> T { quick ? small : full }
}
