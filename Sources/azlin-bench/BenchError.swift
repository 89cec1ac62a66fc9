/// A workload that could not be built or checked: one line saying what went wrong.
struct BenchError: Error, CustomStringConvertible {
  var description: String

  init(_ description: String) { self.description = description }
}
