import AzlinAzure
import AzlinCore
import AzlinSimulator
import Foundation
import Testing

/// A simulator on a fresh temporary folder, driven by a manual clock so no real time passes.
final class SimulatorHarness {
  let folder: String
  let clock: ManualClock
  let ids: SequentialIDGenerator
  let simulator: AzureSimulator
  private let ownsFolder: Bool

  /// A simulator on a new folder (or on `folder`, shared with another harness).
  init(
    folder: String? = nil, faults: String? = nil,
    clock: ManualClock = ManualClock(start: Date(timeIntervalSince1970: 1_796_000_000))
  ) throws {
    let path =
      folder
      ?? FileManager.default.temporaryDirectory.appendingPathComponent(
        "azlin-sim-\(UUID().uuidString)"
      ).path
    self.folder = path
    self.ownsFolder = folder == nil
    self.clock = clock
    self.ids = SequentialIDGenerator()
    self.simulator = try AzureSimulator(
      folder: path, clock: clock, sleeper: ClockSleeper(clock: clock), ids: ids, faults: faults)
  }

  deinit {
    if ownsFolder { try? FileManager.default.removeItem(atPath: folder) }
  }

  /// Runs a command line written as one string; words split on spaces, `'…'` quotes a word.
  @discardableResult
  func run(_ line: String) -> AzResult { simulator.run(Self.words(line)) }

  /// Runs a command that must succeed and returns the JSON it printed.
  func json(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> JSONValue {
    let result = run(line)
    #expect(result.exitCode == 0, "\(line): \(result.stderr)", sourceLocation: sourceLocation)
    return result.json ?? .null
  }

  /// Splits a command line into words.
  static func words(_ line: String) -> [String] {
    var words: [String] = []
    var current = ""
    var quoted = false
    var started = false
    for character in line {
      if character == "'" {
        quoted.toggle()
        started = true
      } else if character == " " && !quoted {
        if started { words.append(current) }
        current = ""
        started = false
      } else {
        current.append(character)
        started = true
      }
    }
    if started { words.append(current) }
    return words
  }
}

@Suite("Simulator harness: modelled time")
struct SimulatorHarnessTests {
  @Test("operations advance the injected clock by their modelled duration and report it")
  func durations() throws {
    let sim = try SimulatorHarness()
    let start = sim.clock.now
    let created = sim.run("group create -n demo -l eastus")
    #expect(created.durationMs == 2000)
    #expect(sim.clock.now.timeIntervalSince(start) == 2)
    let vm = sim.run(
      "vm create -g demo -n sam --image Ubuntu2204 --size Standard_B2s --generate-ssh-keys")
    #expect(vm.durationMs == 90_000)
    #expect(sim.clock.now.timeIntervalSince(start) == 92)
    #expect(sim.run("vm list").durationMs == 500)
  }

  @Test("words split on spaces and keep quoted words whole")
  func wordSplitting() {
    #expect(
      SimulatorHarness.words("vm create -n 'my vm' --tags ''") == [
        "vm", "create", "-n", "my vm", "--tags", "",
      ])
  }
}
