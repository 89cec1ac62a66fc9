import AzlinAzure
import AzlinCore
import Foundation

/// Carries out a whole plan with Terraform, or OpenTofu when only `tofu` is installed.
///
/// The plan is written as an azurerm configuration in `<home>/terraform/<objective>/main.tf`
/// (folder 0700, file 0600), then `init`, `plan -out=azlin.tfplan` and `apply azlin.tfplan`
/// run there in turn, stopping at the first that fails. The state stays in that folder, so
/// `destroy(objectiveID:)` can remove what the objective made.
///
/// It takes larger plans only (`minimumSteps` steps or more) made wholly of creates it can
/// express; everything else stays with the step strategies.
public final class TerraformStrategy: PlanStrategy {
  /// `terraform`, or `opentofu` when only `tofu` was found.
  public let name: String
  /// The binary found on `PATH`, or `nil` when there is neither.
  public let binaryPath: String?
  /// The fewest steps a plan must have to be taken.
  public let minimumSteps: Int
  private let context: AzlinContext

  /// How long each command may run, in seconds.
  static let initTimeout: TimeInterval = 300
  static let planTimeout: TimeInterval = 600
  static let applyTimeout: TimeInterval = 3600

  /// Looks for `terraform`, then `tofu`, on the context's `PATH`.
  /// - Parameters:
  ///   - context: The clock that times the commands, the runner that runs them, the home
  ///     folder the configurations go in, and the environment whose `PATH` is searched.
  ///   - minimumSteps: The fewest steps a plan must have for the strategy to take it.
  public init(context: AzlinContext, minimumSteps: Int = 3) {
    self.context = context
    self.minimumSteps = minimumSteps
    let found = Self.locate(path: context.environment["PATH"] ?? "")
    binaryPath = found?.path
    name = found?.name ?? "terraform"
  }

  /// The first executable `terraform` on `path`, else the first `tofu`.
  /// - Parameter path: A `PATH` value: folders separated by `:`.
  static func locate(path: String) -> (name: String, path: String)? {
    let folders = path.split(separator: ":").map(String.init)
    for (binary, name) in [("terraform", "terraform"), ("tofu", "opentofu")] {
      for folder in folders {
        let candidate = (folder.hasSuffix("/") ? folder : folder + "/") + binary
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: candidate, isDirectory: &isFolder),
          !isFolder.boolValue, FileManager.default.isExecutableFile(atPath: candidate)
        {
          return (name, candidate)
        }
      }
    }
    return nil
  }

  public func availability() -> StrategyAvailability {
    binaryPath.map { .available($0) } ?? .unavailable("neither terraform nor tofu is on PATH")
  }

  /// True when the binary is there, the plan has `minimumSteps` steps or more, and every
  /// step is a create the configuration can express.
  public func accepts(_ steps: [ExecutableStep]) -> Bool {
    guard binaryPath != nil, steps.count >= minimumSteps else { return false }
    return (try? TerraformConfiguration(steps)) != nil
  }

  /// Writes the configuration for `steps` and runs `init`, `plan` and `apply` on it.
  /// - Parameters:
  ///   - steps: The plan, all creates.
  ///   - objectiveID: The objective, which names the folder the configuration and state go in.
  /// - Returns: The commands run; the error is `TerraformUnsupported` for a plan that cannot be
  ///   written, `TerraformUnavailable` when the binary is missing, Azure's code when
  ///   Terraform's output names one, and `TerraformFailed` otherwise.
  public func apply(_ steps: [ExecutableStep], objectiveID: String) -> PlanApplication {
    let configuration: TerraformConfiguration
    do {
      configuration = try TerraformConfiguration(steps)
    } catch {
      return PlanApplication(
        commands: [], error: AzError(code: "TerraformUnsupported", message: "\(error)"))
    }
    guard let folder = folder(objectiveID: objectiveID) else {
      return PlanApplication(commands: [], error: Self.badObjective(objectiveID))
    }
    do {
      try AzlinHome.makeFolder(folder)
      chmod(folder, 0o700)
      try AtomicFile.write(configuration.text, to: folder + "/main.tf", mode: 0o600)
    } catch {
      return PlanApplication(
        commands: [], error: AzError(code: "TerraformFailed", message: "\(error)"))
    }
    return run(applyCommands(folder: folder))
  }

  /// The folder of an objective's configuration and state: `<home>/terraform/<objectiveID>`.
  /// - Parameter objectiveID: The objective.
  /// - Returns: `nil` when the ID cannot be a folder name (empty, `.`, `..`, or with a `/`).
  /// True when the objective's folder holds the configuration Terraform applied.
  public func canDestroy(objectiveID: String) -> Bool {
    guard let folder = folder(objectiveID: objectiveID) else { return false }
    return FileManager.default.fileExists(atPath: folder + "/main.tf")
  }

  public func folder(objectiveID: String) -> String? {
    guard !objectiveID.isEmpty, objectiveID != ".", objectiveID != "..",
      !objectiveID.contains("/"), !objectiveID.contains("\0")
    else { return nil }
    return context.home.root + "/terraform/" + objectiveID
  }

  /// The `init`, `plan` and `apply` commands for the configuration in `folder`.
  /// - Parameter folder: The folder holding `main.tf`.
  public func applyCommands(folder: String) -> [ExternalCommand] {
    [
      command(["init", "-input=false", "-no-color"], folder: folder, timeout: Self.initTimeout),
      command(
        ["plan", "-input=false", "-no-color", "-out=azlin.tfplan"], folder: folder,
        timeout: Self.planTimeout),
      command(
        ["apply", "-input=false", "-no-color", "azlin.tfplan"], folder: folder,
        timeout: Self.applyTimeout),
    ]
  }

  /// `<bin> -chdir=<folder> destroy -auto-approve -input=false -no-color` for an objective.
  /// - Parameter objectiveID: The objective whose resources to destroy.
  public func destroyCommand(objectiveID: String) -> ExternalCommand {
    command(
      ["destroy", "-auto-approve", "-input=false", "-no-color"],
      folder: context.home.root + "/terraform/" + objectiveID, timeout: Self.applyTimeout)
  }

  /// Destroys what an applied objective created, from the state kept in its folder.
  /// - Parameter objectiveID: The objective whose resources to destroy.
  /// - Returns: The command run, and the error when the objective has no configuration or
  ///   the destroy failed.
  public func destroy(objectiveID: String) -> PlanApplication {
    guard let folder = folder(objectiveID: objectiveID) else {
      return PlanApplication(commands: [], error: Self.badObjective(objectiveID))
    }
    guard FileManager.default.fileExists(atPath: folder + "/main.tf") else {
      return PlanApplication(
        commands: [],
        error: AzError(
          code: "TerraformFailed",
          message: "objective \(objectiveID) has no Terraform configuration in \(folder)"))
    }
    return run([destroyCommand(objectiveID: objectiveID)])
  }

  private func command(_ arguments: [String], folder: String, timeout: TimeInterval)
    -> ExternalCommand
  {
    ExternalCommand(
      executable: binaryPath ?? "terraform", arguments: ["-chdir=" + folder] + arguments,
      environment: ["TF_IN_AUTOMATION": "1"], timeout: timeout)
  }

  /// Runs `commands` in order, stopping at the first that fails.
  private func run(_ commands: [ExternalCommand]) -> PlanApplication {
    var ran: [PlanApplication.Command] = []
    for command in commands {
      let start = context.clock.now
      func record(_ exitCode: Int32) {
        let seconds = context.clock.now.timeIntervalSince(start)
        ran.append(
          PlanApplication.Command(
            argv: command.argv, exitCode: exitCode, durationMs: Int((seconds * 1000).rounded())))
      }
      let output: ProcessOutput
      do {
        output = try context.runner.run(command)
      } catch ProcessRunnerError.notFound(let program) {
        record(127)
        return PlanApplication(
          commands: ran,
          error: AzError(
            code: "TerraformUnavailable", message: "\(program) is not installed or not on PATH",
            exitCode: 127))
      } catch {
        record(126)
        return PlanApplication(
          commands: ran, error: AzError(code: "TerraformFailed", message: "\(error)", exitCode: 126)
        )
      }
      record(output.exitCode)
      if output.timedOut {
        return PlanApplication(
          commands: ran,
          error: AzError(
            code: "TerraformFailed",
            message: "\(name) \(command.arguments[1]) timed out after \(Int(command.timeout)) s",
            exitCode: output.exitCode))
      }
      if output.exitCode != 0 {
        return PlanApplication(
          commands: ran,
          error: TerraformDiagnostics.azError(stderr: output.stderr, exitCode: output.exitCode))
      }
    }
    return PlanApplication(commands: ran, error: nil)
  }

  private static func badObjective(_ objectiveID: String) -> AzError {
    AzError(
      code: "TerraformFailed", message: "objective id \"\(objectiveID)\" cannot name a folder")
  }
}
