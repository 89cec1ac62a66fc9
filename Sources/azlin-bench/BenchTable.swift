/// The one table the benchmark prints: figure | workload | result | target | met?
///
/// It is a Markdown table with padded columns, so the README can paste it as printed.
struct BenchTable {
  /// Whether a row's result meets its target.
  enum Verdict: Equatable {
    case met
    case missed
    /// No target (a profile split), or nothing measured.
    case none

    var text: String {
      switch self {
      case .met: return "yes"
      case .missed: return "NO"
      case .none: return "-"
      }
    }
  }

  /// One line of the table.
  struct Row {
    var figure: String
    var workload: String
    var result: String
    var target: String
    var verdict: Verdict

    /// A measured row; `met` is nil when there is no target to meet.
    init(_ figure: String, _ workload: String, _ result: String, target: String = "-", met: Bool?) {
      self.figure = figure
      self.workload = workload
      self.result = result
      self.target = target
      self.verdict = met.map { $0 ? .met : .missed } ?? .none
    }

    /// A row that could not be measured, saying why.
    static func notMeasured(_ figure: String, _ workload: String, why: String, target: String)
      -> Row
    {
      Row(figure, workload, "not measured: \(why)", target: target, met: nil)
    }
  }

  private(set) var rows: [Row] = []

  mutating func append(_ new: [Row]) { rows += new }

  /// The table as Markdown lines.
  func render() -> [String] {
    let header = ["figure", "workload", "result", "target", "met?"]
    let cells = rows.map { [$0.figure, $0.workload, $0.result, $0.target, $0.verdict.text] }
    var widths = header.map(\.count)
    for row in cells {
      for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
    }
    func line(_ row: [String]) -> String {
      "| "
        + row.enumerated().map { i, cell in
          cell + String(repeating: " ", count: widths[i] - cell.count)
        }.joined(separator: " | ") + " |"
    }
    let rule =
      "|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|"
    return [line(header), rule] + cells.map(line)
  }

  /// How many rows missed their targets.
  var missed: Int { rows.filter { $0.verdict == .missed }.count }
}
