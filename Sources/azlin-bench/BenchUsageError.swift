/// A command line `azlin-bench` does not understand; a nil message asks for the usage alone.
struct BenchUsageError: Error {
  var message: String?

  init(_ message: String?) { self.message = message }
}
