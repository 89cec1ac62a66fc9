import Foundation

// azlin-bench: the figures of issue 8, measured on workloads it builds itself.
// `swift run -c release azlin-bench [--quick]`; see BenchOptions.usage.

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == AppendWorker.flag {
  exit(AppendWorker.main(Array(arguments.dropFirst())))
}
switch BenchOptions.parse(arguments) {
case .failure(let error):
  guard let message = error.message else {
    print(BenchOptions.usage)
    exit(0)
  }
  FileHandle.standardError.write(Data("azlin-bench: \(message)\n\n\(BenchOptions.usage)\n".utf8))
  exit(2)
case .success(let options):
  exit(BenchRunner(options: options).run())
}
