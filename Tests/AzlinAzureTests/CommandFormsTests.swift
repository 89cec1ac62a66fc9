import AzlinAzure
import AzlinCore
import AzlinExecution
import AzlinLedger
import AzlinPlanning
import AzlinTestSupport
import Foundation
import Testing

/// Every az command form azlin can run, taken from azlin itself: the builders, what
/// `CommandPlanner` plans (commands and their undo), what `Rollback` emits, the listings of
/// `LiveState.fetch` and `RegionalUsage.fetch`, and the probe, each as `AzureCLIBackend` hands it to `az`.
///
/// With `AZLIN_EMIT_FORMS=<file>` the forms are written there as JSON Lines (one argv array a
/// line, without `az`) for `Scripts/az-oracle.sh`, which checks each against the real Azure
/// CLI's parser; otherwise every form's exact argv is asserted.
@Suite("az command forms")
struct CommandFormsTests {
  @Test("every form azlin generates, as az receives it")
  func forms() throws {
    let forms = try Self.collectForms()
    #expect(forms.count == Set(forms).count)
    for form in forms {
      #expect(form.first != "az")
      #expect(form.suffix(3) == ["--output", "json", "--only-show-errors"], "\(form)")
    }
    if let path = ProcessInfo.processInfo.environment["AZLIN_EMIT_FORMS"], !path.isEmpty {
      let lines = forms.map { JSONValue.strings($0).compact() + "\n" }.joined()
      try lines.write(toFile: path, atomically: true, encoding: .utf8)
      return
    }
    #expect(forms.count == Self.expected.count)
    for (actual, expected) in zip(forms, Self.expected) {
      #expect(
        actual == expected.split(separator: " ", omittingEmptySubsequences: false).map(String.init))
    }
  }

  /// The forms in the order they were first produced, without repeats.
  static func collectForms() throws -> [[String]] {
    var commands: [AzCommand] = builderCommands()
    commands += try plannedCommands()
    commands += try rollbackCommands()
    commands += try fetchCommands()
    var seen: Set<[String]> = []
    var forms: [[String]] = []
    for argv in commands.map(asRun(_:)) + [probeArguments()] where seen.insert(argv).inserted {
      forms.append(argv)
    }
    return forms
  }

  /// Each builder of `AzCommand+Builders.swift`, every variant.
  static func builderCommands() -> [AzCommand] {
    [
      .groupCreate(name: "demo", location: "westeurope"),
      .groupDelete(name: "demo"),
      .groupList,
      .vmCreate(
        name: "app1", group: "demo", location: "westeurope", size: "Standard_B2s",
        image: "Ubuntu2204"),
      .vmDelete(name: "app1", group: "demo"),
      .vmListDetails,
      .vmShow(name: "app1", group: "demo"),
      .accountShow,
      .vmPower(.start, name: "app1", group: "demo"),
      .vmPower(.stop, name: "app1", group: "demo"),
      .vmPower(.deallocate, name: "app1", group: "demo"),
      .vmPower(.restart, name: "app1", group: "demo"),
      .vmResize(name: "app1", group: "demo", size: "Standard_D2s_v5"),
      .vmListUsage(location: "westeurope"),
      .storageCreate(
        name: "azlindata1", group: "demo", location: "westeurope", sku: "Standard_LRS"),
      .storageDelete(name: "azlindata1", group: "demo"),
      .storageCheckName("azlindata1"),
      .diskCreate(
        name: "app1-data1", group: "demo", location: "westeurope", sizeGB: 64, sku: "Premium_LRS"),
      .diskDelete(name: "app1-data1", group: "demo"),
      .diskAttach(disk: "app1-data1", vm: "app1", group: "demo"),
      .diskDetach(disk: "app1-data1", vm: "app1", group: "demo"),
      .groupShow(name: "demo"),
      .groupExists(name: "demo"),
      .storageShow(name: "azlindata1", group: "demo"),
      .diskShow(name: "app1-data1", group: "demo"),
      .securityGroupList,
      .autoShutdownList,
      .resourceShow(
        id:
          "/subscriptions/0/resourceGroups/demo/providers/microsoft.devtestlab/schedules/shutdown-computevm-app1"
      ),
      .securityRuleCreate(
        rule: "open-port-8080", securityGroup: "app1NSG", group: "demo", priority: 900,
        ports: "8080", sources: ["*"]),
      .securityRuleDelete(rule: "open-port-8080", securityGroup: "app1NSG", group: "demo"),
      .vmAutoShutdown(name: "app1", group: "demo", utc: "1900"),
      .vmAutoShutdown(name: "app1", group: "demo", utc: nil),
      .tagUpdate(.vm, name: "app1", group: "demo", key: "env", value: "dev"),
      .tagUpdate(.vm, name: "app1", group: "demo", key: "env", value: nil),
      .tagUpdate(.group, name: "demo", group: "demo", key: "env", value: "dev"),
      .tagUpdate(.disk, name: "app1-data1", group: "demo", key: "env", value: "dev"),
      .tagUpdate(.storage, name: "azlindata1", group: "demo", key: "env", value: "dev"),
      .groupTagsReplace(name: "demo", tags: ["managed-by": "azlin", "env": "dev"]),
      .groupTagsReplace(name: "demo", tags: [:]),
      .vmRunCommand(name: "app1", group: "demo", script: "uptime"),
      .snapshotCreate(
        name: "app1-os-snap-1", group: "demo", location: "westeurope", disk: "app1_OsDisk_1"),
      .snapshotDelete(name: "app1-os-snap-1", group: "demo"),
      .snapshotList,
      .snapshotShow(name: "app1-os-snap-1", group: "demo"),
      .diskCreate(
        name: "app1-restored", group: "demo", location: "westeurope",
        fromSnapshot: "app1-os-snap-1", sku: "Premium_LRS"),
    ]
  }

  /// `live` with web's OS disk and a snapshot of db's data disk, for the snapshot requests.
  static let snapshotLive: LiveState = {
    var world = live
    world.disks.append(
      LiveState.Disk(
        name: "web_OsDisk_1_0000", resourceGroup: "demo", sizeGB: 30, sku: "Premium_LRS",
        managedBy: vm("web", power: "running").id))
    world.snapshots = [
      LiveState.Snapshot(
        name: "db-data1-snap-1", resourceGroup: "demo", location: "westus2", sizeGB: 128,
        sku: "Standard_LRS",
        sourceDiskID:
          "/subscriptions/0/resourceGroups/demo/providers/Microsoft.Compute/disks/db-data1")
    ]
    return world
  }()

  static func snapshotIntent(
    _ kind: IntentKind, _ names: [String] = [], vm: String? = nil, disk: String? = nil,
    snapshot: String? = nil
  ) -> Intent {
    var p = IntentParameters()
    p.names = names
    p.vm = vm
    p.disk = disk
    p.snapshot = snapshot
    return Intent(kind: kind, parameters: p)
  }

  /// A VM with its security group (SSH and 8080 open), a daily shutdown and a tag.
  static var devLive: LiveState {
    var state = live
    state.vms[0].securityGroup = "webNSG"
    state.vms[0].autoShutdownUTC = "1900"
    state.vms[0].tags = ["env": "dev"]
    state.securityGroups = [
      LiveState.SecurityGroup(
        name: "webNSG", resourceGroup: "demo", location: "westus2",
        rules: [
          LiveState.SecurityRule(
            name: "default-allow-ssh", priority: 1000, ports: ["22"], sources: ["*"]),
          LiveState.SecurityRule(
            name: "open-port-8080", priority: 900, ports: ["8080"], sources: ["10.0.0.0/8"]),
        ])
    ]
    return state
  }

  static func devIntent(_ kind: IntentKind, _ fill: (inout IntentParameters) -> Void) -> Intent {
    var p = IntentParameters()
    p.names = ["web"]
    fill(&p)
    return Intent(kind: kind, parameters: p)
  }

  /// What exists when the planner plans changes: VMs in each power state, a storage account,
  /// a data disk attached to db and one attached to nothing.
  static let live = LiveState(
    groups: [LiveState.Group(name: "demo", location: "westus2")],
    vms: [
      vm("web", power: "running"), vm("db", power: "stopped"), vm("batch", power: "deallocated"),
    ],
    storageAccounts: [
      LiveState.StorageAccount(
        name: "logs1", resourceGroup: "demo", location: "westus2", sku: "Standard_LRS")
    ],
    disks: [
      LiveState.Disk(
        name: "db-data1", resourceGroup: "demo", sizeGB: 128, sku: "Premium_LRS",
        managedBy: vm("db", power: "stopped").id),
      LiveState.Disk(
        name: "spare", resourceGroup: "demo", sizeGB: 32, sku: "Standard_LRS", managedBy: nil),
    ])

  static func vm(_ name: String, power: String) -> LiveState.VM {
    LiveState.VM(
      name: name, resourceGroup: "demo", location: "westus2", size: "Standard_B2s",
      powerState: power,
      id: "/subscriptions/0/resourceGroups/demo/providers/Microsoft.Compute/virtualMachines/\(name)"
    )
  }

  static func intent(
    _ kind: IntentKind, _ names: [String] = [], group: String? = nil, region: String? = nil,
    size: String? = nil, image: String? = nil, count: Int? = nil, vm: String? = nil,
    sizeGB: Int? = nil, sku: String? = nil
  ) -> Intent {
    var p = IntentParameters()
    p.names = names
    p.resourceGroup = group
    p.region = region
    p.size = size
    p.image = image
    p.count = count
    p.vm = vm
    p.sizeGB = sizeGB
    p.sku = sku
    return Intent(kind: kind, parameters: p)
  }

  /// The requests whose plans hold every command and undo command the planner builds.
  static let requests: [(intents: [Intent], live: LiveState)] = [
    ([intent(.createResourceGroup, ["rg1"], region: "westeurope")], LiveState()),
    (
      [
        intent(
          .provisionVM, ["app1"], group: "rg2", region: "eastus", size: "Standard_D4s_v5",
          image: "Debian11")
      ], LiveState()
    ),
    ([intent(.provisionVM, count: 2)], live),
    ([intent(.provisionVM, ["app2"], group: "demo")], live),
    ([intent(.startVM, ["db"])], live),
    ([intent(.startVM, ["batch"])], live),
    ([intent(.stopVM, ["web"])], live),
    ([intent(.deallocateVM, ["web"])], live),
    ([intent(.restartVM, ["web"])], live),
    ([intent(.resizeVM, ["web"], size: "Standard_D2s_v5")], live),
    ([intent(.deleteVM, ["web"])], live),
    ([intent(.deleteResourceGroup, ["demo"])], live),
    ([intent(.createStorage, ["azlindata7"], group: "demo", sku: "Standard_GRS")], live),
    ([intent(.createStorage, group: "rg3", region: "northeurope")], LiveState()),
    ([intent(.deleteStorage, ["logs1"])], live),
    ([intent(.attachDisk, vm: "web", sizeGB: 256, sku: "StandardSSD_LRS")], live),
    ([intent(.detachDisk, ["db-data1"])], live),
    ([intent(.deleteDisk, ["spare"])], live),
    ([devIntent(.openPort) { $0.ports = "443" }], devLive),
    (
      [
        devIntent(.openPort) {
          $0.ports = "3000-3100"
          $0.source = "203.0.113.7/32"
        }
      ], devLive
    ),
    ([devIntent(.closePort) { $0.ports = "8080" }], devLive),
    (
      [
        devIntent(.setAutoShutdown) {
          $0.time = "18:30"
          $0.timeZone = "UTC"
        }
      ], devLive
    ),
    ([devIntent(.clearAutoShutdown) { _ in }], devLive),
    ([devIntent(.setTag) { $0.tags = ["owner": "alice"] }], devLive),
    ([devIntent(.removeTag) { $0.tags = ["env": ""] }], devLive),
    (
      [
        devIntent(.setTag) {
          $0.names = ["demo"]
          $0.tags = ["team": "data"]
        }
      ], devLive
    ),
    (
      [
        devIntent(.setTag) {
          $0.names = ["spare"]
          $0.tags = ["team": "data"]
        }
      ], devLive
    ),
    (
      [
        devIntent(.setTag) {
          $0.names = ["logs1"]
          $0.tags = ["team": "data"]
        }
      ], devLive
    ),
    ([runCommand("df", on: "web")], live),
    ([snapshotIntent(.createSnapshot, vm: "web")], snapshotLive),
    ([snapshotIntent(.createSnapshot, ["before-upgrade"], disk: "db-data1")], snapshotLive),
    ([snapshotIntent(.deleteSnapshot, ["db-data1-snap-1"])], snapshotLive),
    ([snapshotIntent(.restoreSnapshot, snapshot: "db-data1-snap-1")], snapshotLive),
  ]

  static func runCommand(_ script: String, on vm: String) -> Intent {
    var i = intent(.runCommand, [vm])
    i.parameters.script = script
    return i
  }

  static func plans() throws -> [Plan] {
    let planner = CommandPlanner(defaults: AzlinConfig.Defaults())
    return try requests.map { request in
      let outcome = planner.plan(
        request.intents, live: request.live, context: ConversationContext())
      guard case .plan(let plan) = outcome else {
        throw FormsError(reason: "no plan for \(request.intents.map(\.kind)): \(outcome)")
      }
      return plan
    }
  }

  /// Each planned step's command, then its undo command.
  static func plannedCommands() throws -> [AzCommand] {
    try plans().flatMap { plan in plan.steps.flatMap { [$0.command] + ($0.undo.map { [$0] } ?? []) }
    }
  }

  /// What `Rollback` emits for each plan once it ran: the recorded undo commands, newest first.
  static func rollbackCommands() throws -> [AzCommand] {
    var commands: [AzCommand] = []
    for (plan, request) in zip(try plans(), requests) {
      let changes = plan.steps.compactMap { ExecutableStep($0, summary: "").change }
      guard !changes.isEmpty else { continue }
      var objective = Objective(
        id: "00000001", session: "s", naturalLanguage: "forms", intents: [], plan: [],
        strategy: "azure_cli", costEstimate: nil, at: Date(timeIntervalSince1970: 0))
      objective.resourcesCreated = changes
      let after = world(after: plan, from: request.live)
      switch Rollback().plan(for: objective, live: after) {
      case .success(let steps): commands += steps.map(\.command)
      case .failure(let refusal): throw FormsError(reason: "undo refused: \(refusal.refusal)")
      }
    }
    return commands
  }

  /// `live` as it is once `plan` ran.
  static func world(after plan: Plan, from live: LiveState) -> LiveState {
    var world = live
    for step in plan.steps {
      let r = step.resource
      let index = world.vms.firstIndex { $0.name == r.name && $0.resourceGroup == r.resourceGroup }
      switch step.operation {
      case .createGroup:
        world.groups.append(LiveState.Group(name: r.name, location: r.location))
      case .createVM:
        world.vms.append(
          LiveState.VM(
            name: r.name, resourceGroup: r.resourceGroup, location: r.location,
            size: r.size ?? "", powerState: "running", id: ""))
      case .power(let verb, _):
        let state: [AzCommand.PowerVerb: String] = [
          .start: "running", .restart: "running", .stop: "stopped", .deallocate: "deallocated",
        ]
        if let index { world.vms[index].powerState = state[verb] ?? "" }
      case .resizeVM:
        if let index { world.vms[index].size = r.size ?? "" }
      case .deleteVM:
        world.vms.removeAll { $0.name == r.name && $0.resourceGroup == r.resourceGroup }
      case .deleteGroup:
        world.groups.removeAll { $0.name == r.name }
        world.vms.removeAll { $0.resourceGroup == r.name }
      case .createStorage(let sku):
        world.storageAccounts.append(
          LiveState.StorageAccount(
            name: r.name, resourceGroup: r.resourceGroup, location: r.location, sku: sku))
      case .deleteStorage:
        world.storageAccounts.removeAll { $0.name == r.name }
      case .createDisk(let sizeGB, let sku):
        world.disks.append(
          LiveState.Disk(
            name: r.name, resourceGroup: r.resourceGroup, sizeGB: sizeGB, sku: sku, managedBy: nil))
      case .attachDisk(let vm):
        let owner = world.vms.first { $0.name == vm }?.id
        for i in world.disks.indices where world.disks[i].name == r.name {
          world.disks[i].managedBy = owner
        }
      case .openPort, .closePort, .autoShutdown, .tag:
        break
      case .detachDisk:
        for i in world.disks.indices where world.disks[i].name == r.name {
          world.disks[i].managedBy = nil
        }
      case .deleteDisk:
        world.disks.removeAll { $0.name == r.name }
      case .runCommand:
        break
      case .createSnapshot(let disk, let sizeGB):
        world.snapshots.append(
          LiveState.Snapshot(
            name: r.name, resourceGroup: r.resourceGroup, location: r.location, sizeGB: sizeGB,
            sku: "Standard_LRS", sourceDiskID: disk))
      case .deleteSnapshot:
        world.snapshots.removeAll { $0.name == r.name }
      case .createDiskFromSnapshot(_, let sizeGB, let sku):
        world.disks.append(
          LiveState.Disk(
            name: r.name, resourceGroup: r.resourceGroup, sizeGB: sizeGB, sku: sku, managedBy: nil))
      }
    }
    return world
  }

  /// The listings `LiveState.fetch` runs.
  static func fetchCommands() throws -> [AzCommand] {
    let empty = [AzResult(exitCode: 0, stdout: "[]\n", stderr: "")]
    let oneGroup = [
      AzResult(exitCode: 0, stdout: #"[{"name": "demo", "location": "westus2"}]"#, stderr: "")
    ]
    let backend = ScriptedBackend([
      ["group", "list"]: oneGroup, ["vm", "list", "-d"]: empty,
      ["storage", "account", "list"]: empty,
      ["disk", "list", "--resource-group", "demo"]: empty, ["snapshot", "list"]: empty,
      ["network", "nsg", "list"]: empty,
      ["resource", "list", "--resource-type", "Microsoft.DevTestLab/schedules"]: empty,
    ])
    _ = try LiveState.fetch(from: backend)
    #expect(backend.unexpected.isEmpty)
    return backend.ran.map(AzCommand.init) + [try usageCommand()]
  }

  /// The listing `RegionalUsage.fetch` runs before a plan that adds vCPUs.
  static func usageCommand() throws -> AzCommand {
    let usage = ["vm", "list-usage", "--location", "eastus"]
    let backend = ScriptedBackend([usage: [AzResult(exitCode: 0, stdout: "[]\n", stderr: "")]])
    _ = try RegionalUsage.fetch(region: "eastus", from: backend)
    #expect(backend.unexpected.isEmpty)
    return AzCommand(backend.ran.first ?? [])
  }

  /// `command` as `AzureCLIBackend` passes it to `az`.
  static func asRun(_ command: AzCommand) -> [String] {
    let runner = FormRecorder()
    _ = AzureCLIBackend(runner: runner, clock: ManualClock(), subscriptionName: "forms").run(
      command)
    return runner.commands.first?.arguments ?? []
  }

  /// The arguments of `AzureCLIBackend.probe`.
  static func probeArguments() -> [String] {
    let runner = FormRecorder()
    _ = AzureCLIBackend.probe(runner: runner)
    return runner.commands.first?.arguments ?? []
  }

  /// Every form, as `az` receives it.
  static let expected = [
    "group create --name demo --location westeurope --tags managed-by=azlin --output json --only-show-errors",
    "group delete --name demo --yes --output json --only-show-errors",
    "group list --output json --only-show-errors",
    "vm create --resource-group demo --name app1 --location westeurope --size Standard_B2s --image Ubuntu2204 --admin-username azureuser --generate-ssh-keys --os-disk-delete-option Delete --nic-delete-option Delete --tags managed-by=azlin --output json --only-show-errors",
    "vm delete --resource-group demo --name app1 --yes --output json --only-show-errors",
    "vm list -d --output json --only-show-errors",
    "vm show -d --resource-group demo --name app1 --output json --only-show-errors",
    "account show --output json --only-show-errors",
    "vm start --resource-group demo --name app1 --output json --only-show-errors",
    "vm stop --resource-group demo --name app1 --output json --only-show-errors",
    "vm deallocate --resource-group demo --name app1 --output json --only-show-errors",
    "vm restart --resource-group demo --name app1 --output json --only-show-errors",
    "vm resize --resource-group demo --name app1 --size Standard_D2s_v5 --output json --only-show-errors",
    "vm list-usage --location westeurope --output json --only-show-errors",
    "storage account create --name azlindata1 --resource-group demo --location westeurope --sku Standard_LRS --kind StorageV2 --tags managed-by=azlin --output json --only-show-errors",
    "storage account delete --name azlindata1 --resource-group demo --yes --output json --only-show-errors",
    "storage account check-name --name azlindata1 --output json --only-show-errors",
    "disk create --resource-group demo --name app1-data1 --location westeurope --size-gb 64 --sku Premium_LRS --tags managed-by=azlin --output json --only-show-errors",
    "disk delete --resource-group demo --name app1-data1 --yes --output json --only-show-errors",
    "vm disk attach --resource-group demo --vm-name app1 --name app1-data1 --output json --only-show-errors",
    "vm disk detach --resource-group demo --vm-name app1 --name app1-data1 --output json --only-show-errors",
    "group show --name demo --output json --only-show-errors",
    "group exists --name demo --output json --only-show-errors",
    "storage account show --name azlindata1 --resource-group demo --output json --only-show-errors",
    "disk show --resource-group demo --name app1-data1 --output json --only-show-errors",
    "network nsg list --output json --only-show-errors",
    "resource list --resource-type Microsoft.DevTestLab/schedules --output json --only-show-errors",
    "resource show --ids /subscriptions/0/resourceGroups/demo/providers/microsoft.devtestlab/schedules/shutdown-computevm-app1 --output json --only-show-errors",
    "network nsg rule create --resource-group demo --nsg-name app1NSG --name open-port-8080 --priority 900 --direction Inbound --access Allow --protocol Tcp --destination-port-ranges 8080 --source-address-prefixes * --output json --only-show-errors",
    "network nsg rule delete --resource-group demo --nsg-name app1NSG --name open-port-8080 --output json --only-show-errors",
    "vm auto-shutdown --resource-group demo --name app1 --time 1900 --output json --only-show-errors",
    "vm auto-shutdown --resource-group demo --name app1 --off --output json --only-show-errors",
    "vm update --resource-group demo --name app1 --set tags.env=dev --output json --only-show-errors",
    "vm update --resource-group demo --name app1 --remove tags.env --output json --only-show-errors",
    "group update --name demo --set tags.env=dev --output json --only-show-errors",
    "disk update --resource-group demo --name app1-data1 --set tags.env=dev --output json --only-show-errors",
    "storage account update --resource-group demo --name azlindata1 --set tags.env=dev --output json --only-show-errors",
    "group update --name demo --tags env=dev managed-by=azlin --output json --only-show-errors",
    "group update --name demo --tags  --output json --only-show-errors",
    "vm run-command invoke --resource-group demo --name app1 --command-id RunShellScript --scripts uptime --output json --only-show-errors",
    "snapshot create --resource-group demo --name app1-os-snap-1 --location westeurope --source app1_OsDisk_1 --tags managed-by=azlin --output json --only-show-errors",
    "snapshot delete --resource-group demo --name app1-os-snap-1 --output json --only-show-errors",
    "snapshot list --output json --only-show-errors",
    "snapshot show --resource-group demo --name app1-os-snap-1 --output json --only-show-errors",
    "disk create --resource-group demo --name app1-restored --location westeurope --source app1-os-snap-1 --sku Premium_LRS --tags managed-by=azlin --output json --only-show-errors",
    "group create --name rg1 --location westeurope --tags managed-by=azlin --output json --only-show-errors",
    "group delete --name rg1 --yes --output json --only-show-errors",
    "group create --name rg2 --location eastus --tags managed-by=azlin --output json --only-show-errors",
    "group delete --name rg2 --yes --output json --only-show-errors",
    "vm create --resource-group rg2 --name app1 --location eastus --size Standard_D4s_v5 --image Debian11 --admin-username azureuser --generate-ssh-keys --os-disk-delete-option Delete --nic-delete-option Delete --tags managed-by=azlin --output json --only-show-errors",
    "vm delete --resource-group rg2 --name app1 --yes --output json --only-show-errors",
    "group create --name azlin-rg --location eastus --tags managed-by=azlin --output json --only-show-errors",
    "group delete --name azlin-rg --yes --output json --only-show-errors",
    "vm create --resource-group azlin-rg --name azlin-vm-1 --location eastus --size Standard_B2s --image Ubuntu2204 --admin-username azureuser --generate-ssh-keys --os-disk-delete-option Delete --nic-delete-option Delete --tags managed-by=azlin --output json --only-show-errors",
    "vm delete --resource-group azlin-rg --name azlin-vm-1 --yes --output json --only-show-errors",
    "vm create --resource-group azlin-rg --name azlin-vm-2 --location eastus --size Standard_B2s --image Ubuntu2204 --admin-username azureuser --generate-ssh-keys --os-disk-delete-option Delete --nic-delete-option Delete --tags managed-by=azlin --output json --only-show-errors",
    "vm delete --resource-group azlin-rg --name azlin-vm-2 --yes --output json --only-show-errors",
    "vm create --resource-group demo --name app2 --location westus2 --size Standard_B2s --image Ubuntu2204 --admin-username azureuser --generate-ssh-keys --os-disk-delete-option Delete --nic-delete-option Delete --tags managed-by=azlin --output json --only-show-errors",
    "vm delete --resource-group demo --name app2 --yes --output json --only-show-errors",
    "vm start --resource-group demo --name db --output json --only-show-errors",
    "vm stop --resource-group demo --name db --output json --only-show-errors",
    "vm start --resource-group demo --name batch --output json --only-show-errors",
    "vm deallocate --resource-group demo --name batch --output json --only-show-errors",
    "vm stop --resource-group demo --name web --output json --only-show-errors",
    "vm start --resource-group demo --name web --output json --only-show-errors",
    "vm deallocate --resource-group demo --name web --output json --only-show-errors",
    "vm restart --resource-group demo --name web --output json --only-show-errors",
    "vm resize --resource-group demo --name web --size Standard_D2s_v5 --output json --only-show-errors",
    "vm resize --resource-group demo --name web --size Standard_B2s --output json --only-show-errors",
    "vm delete --resource-group demo --name web --yes --output json --only-show-errors",
    "storage account create --name azlindata7 --resource-group demo --location westus2 --sku Standard_GRS --kind StorageV2 --tags managed-by=azlin --output json --only-show-errors",
    "storage account delete --name azlindata7 --resource-group demo --yes --output json --only-show-errors",
    "group create --name rg3 --location northeurope --tags managed-by=azlin --output json --only-show-errors",
    "group delete --name rg3 --yes --output json --only-show-errors",
    "storage account create --name strg31 --resource-group rg3 --location northeurope --sku Standard_LRS --kind StorageV2 --tags managed-by=azlin --output json --only-show-errors",
    "storage account delete --name strg31 --resource-group rg3 --yes --output json --only-show-errors",
    "storage account delete --name logs1 --resource-group demo --yes --output json --only-show-errors",
    "disk create --resource-group demo --name web-data1 --location westus2 --size-gb 256 --sku StandardSSD_LRS --tags managed-by=azlin --output json --only-show-errors",
    "disk delete --resource-group demo --name web-data1 --yes --output json --only-show-errors",
    "vm disk attach --resource-group demo --vm-name web --name web-data1 --output json --only-show-errors",
    "vm disk detach --resource-group demo --vm-name web --name web-data1 --output json --only-show-errors",
    "vm disk detach --resource-group demo --vm-name db --name db-data1 --output json --only-show-errors",
    "vm disk attach --resource-group demo --vm-name db --name db-data1 --output json --only-show-errors",
    "disk delete --resource-group demo --name spare --yes --output json --only-show-errors",
    "network nsg rule create --resource-group demo --nsg-name webNSG --name open-port-443 --priority 910 --direction Inbound --access Allow --protocol Tcp --destination-port-ranges 443 --source-address-prefixes * --output json --only-show-errors",
    "network nsg rule delete --resource-group demo --nsg-name webNSG --name open-port-443 --output json --only-show-errors",
    "network nsg rule create --resource-group demo --nsg-name webNSG --name allow-3000-3100-from-203.0.113.7_32 --priority 910 --direction Inbound --access Allow --protocol Tcp --destination-port-ranges 3000-3100 --source-address-prefixes 203.0.113.7/32 --output json --only-show-errors",
    "network nsg rule delete --resource-group demo --nsg-name webNSG --name allow-3000-3100-from-203.0.113.7_32 --output json --only-show-errors",
    "network nsg rule delete --resource-group demo --nsg-name webNSG --name open-port-8080 --output json --only-show-errors",
    "network nsg rule create --resource-group demo --nsg-name webNSG --name open-port-8080 --priority 900 --direction Inbound --access Allow --protocol Tcp --destination-port-ranges 8080 --source-address-prefixes 10.0.0.0/8 --output json --only-show-errors",
    "vm auto-shutdown --resource-group demo --name web --time 1830 --output json --only-show-errors",
    "vm auto-shutdown --resource-group demo --name web --time 1900 --output json --only-show-errors",
    "vm auto-shutdown --resource-group demo --name web --off --output json --only-show-errors",
    "vm update --resource-group demo --name web --set tags.owner=alice --output json --only-show-errors",
    "vm update --resource-group demo --name web --remove tags.owner --output json --only-show-errors",
    "vm update --resource-group demo --name web --remove tags.env --output json --only-show-errors",
    "vm update --resource-group demo --name web --set tags.env=dev --output json --only-show-errors",
    "group update --name demo --set tags.team=data --output json --only-show-errors",
    "disk update --resource-group demo --name spare --set tags.team=data --output json --only-show-errors",
    "disk update --resource-group demo --name spare --remove tags.team --output json --only-show-errors",
    "storage account update --resource-group demo --name logs1 --set tags.team=data --output json --only-show-errors",
    "storage account update --resource-group demo --name logs1 --remove tags.team --output json --only-show-errors",
    "vm run-command invoke --resource-group demo --name web --command-id RunShellScript --scripts df --output json --only-show-errors",
    "snapshot create --resource-group demo --name web-os-snap-1 --location westus2 --source web_OsDisk_1_0000 --tags managed-by=azlin --output json --only-show-errors",
    "snapshot delete --resource-group demo --name web-os-snap-1 --output json --only-show-errors",
    "snapshot create --resource-group demo --name before-upgrade --location westus2 --source db-data1 --tags managed-by=azlin --output json --only-show-errors",
    "snapshot delete --resource-group demo --name before-upgrade --output json --only-show-errors",
    "snapshot delete --resource-group demo --name db-data1-snap-1 --output json --only-show-errors",
    "disk create --resource-group demo --name db-data1-snap-1-disk-1 --location westus2 --source db-data1-snap-1 --sku Premium_LRS --tags managed-by=azlin --output json --only-show-errors",
    "disk delete --resource-group demo --name db-data1-snap-1-disk-1 --yes --output json --only-show-errors",
    "storage account list --output json --only-show-errors",
    "disk list --resource-group demo --output json --only-show-errors",
    "vm list-usage --location eastus --output json --only-show-errors",
  ]
}

/// Why a form could not be collected.
struct FormsError: Error, CustomStringConvertible {
  var reason: String
  var description: String { reason }
}

/// A process runner that records what it is asked to run and answers as a logged-in `az` would.
final class FormRecorder: ProcessRunner, @unchecked Sendable {
  private(set) var commands: [ExternalCommand] = []

  func run(_ command: ExternalCommand) throws -> ProcessOutput {
    commands.append(command)
    return ProcessOutput(exitCode: 0, stdout: "{\"name\": \"forms\"}\n", stderr: "")
  }
}
