import AzlinCore
import Foundation

extension AzCommand {
  /// `az network nsg list`: every network security group with its rules and NICs.
  public static let securityGroupList = AzCommand(["network", "nsg", "list"])

  /// `az resource list --resource-type Microsoft.DevTestLab/schedules`: the auto-shutdown
  /// schedules (`az vm auto-shutdown` makes one per VM, `shutdown-computevm-<vm>`).
  public static let autoShutdownList = AzCommand([
    "resource", "list", "--resource-type", "Microsoft.DevTestLab/schedules",
  ])

  /// `az resource show --ids ID`: one resource with its properties.
  public static func resourceShow(id: String) -> AzCommand {
    AzCommand(["resource", "show", "--ids", id])
  }

  /// `az network nsg rule create`: an inbound TCP allow rule for `ports` from `source`.
  /// - Parameters:
  ///   - ports: A port (`8080`) or a range (`8000-8100`).
  ///   - sources: `*` for everyone, or CIDRs.
  public static func securityRuleCreate(
    rule: String, securityGroup: String, group: String, priority: Int, ports: String,
    sources: [String]
  ) -> AzCommand {
    AzCommand(
      [
        "network", "nsg", "rule", "create", "--resource-group", group, "--nsg-name", securityGroup,
        "--name", rule, "--priority", String(priority), "--direction", "Inbound", "--access",
        "Allow", "--protocol", "Tcp", "--destination-port-ranges", ports,
        "--source-address-prefixes",
      ] + sources)
  }

  /// `az network nsg rule delete --resource-group GROUP --nsg-name NSG --name RULE`.
  public static func securityRuleDelete(rule: String, securityGroup: String, group: String)
    -> AzCommand
  {
    AzCommand([
      "network", "nsg", "rule", "delete", "--resource-group", group, "--nsg-name", securityGroup,
      "--name", rule,
    ])
  }

  /// `az vm auto-shutdown --resource-group GROUP --name VM --time HHMM` (UTC), or `--off`.
  /// - Parameter utc: The daily time in UTC as `HHMM`; `nil` turns auto-shutdown off.
  public static func vmAutoShutdown(name: String, group: String, utc: String?) -> AzCommand {
    let tail = utc.map { ["--time", $0] } ?? ["--off"]
    return AzCommand(["vm", "auto-shutdown", "--resource-group", group, "--name", name] + tail)
  }

  /// `az group update --name NAME --tags K=V …`: a group's tags replaced whole (az's
  /// `group update` refuses `--remove tags.KEY`, so a tag is removed by setting the rest).
  public static func groupTagsReplace(name: String, tags: [String: String]) -> AzCommand {
    let pairs = tags.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
    return AzCommand(
      ["group", "update", "--name", name, "--tags"] + (pairs.isEmpty ? [""] : pairs))
  }

  /// What a tag change applies to, as `az <noun> update` names it.
  public enum TagTarget: String, Codable, Sendable {
    case vm, group, disk, storage
  }

  /// `az <vm|group|disk|storage account> update … --set tags.KEY=VALUE`, or `--remove tags.KEY`
  /// when `value` is `nil`.
  public static func tagUpdate(
    _ target: TagTarget, name: String, group: String, key: String, value: String?
  ) -> AzCommand {
    var words: [String]
    switch target {
    case .vm: words = ["vm", "update", "--resource-group", group, "--name", name]
    case .group: words = ["group", "update", "--name", name]
    case .disk: words = ["disk", "update", "--resource-group", group, "--name", name]
    case .storage:
      words = ["storage", "account", "update", "--resource-group", group, "--name", name]
    }
    if let value {
      words += ["--set", "tags.\(key)=\(value)"]
    } else {
      words += ["--remove", "tags.\(key)"]
    }
    return AzCommand(words)
  }
}
