import Foundation

/// The images azlin creates VMs from: az's Linux aliases, az's Windows aliases (known so that
/// they can be refused by name), and marketplace URNs.
///
/// The one list the parser, the planner, the simulator and the Terraform writer read.
public enum ImageAliases {
  /// A Linux image az knows by an alias, with the marketplace image it stands for.
  public struct Linux: Equatable, Sendable {
    /// az's alias (`Ubuntu2204`), as `az vm create --image` takes it.
    public var alias: String
    public var publisher: String
    public var offer: String
    public var sku: String
    /// How people say it ("ubuntu 22.04"), for the list an unknown image is answered with.
    public var spoken: String
  }

  /// az's Linux image aliases, in the order az lists them.
  public static let linux: [Linux] = [
    Linux(
      alias: "CentOS85Gen2", publisher: "OpenLogic", offer: "CentOS", sku: "8_5-gen2",
      spoken: "centos 8.5"),
    Linux(
      alias: "Debian11", publisher: "Debian", offer: "debian-11", sku: "11-backports-gen2",
      spoken: "debian 11"),
    Linux(
      alias: "Debian12", publisher: "Debian", offer: "debian-12", sku: "12-gen2",
      spoken: "debian 12"),
    Linux(
      alias: "FlatcarLinuxFreeGen2", publisher: "kinvolk", offer: "flatcar-container-linux-free",
      sku: "stable-gen2", spoken: "flatcar"),
    Linux(
      alias: "OpenSuseLeap154Gen2", publisher: "SUSE", offer: "openSUSE-leap-15-4", sku: "gen2",
      spoken: "opensuse 15.4"),
    Linux(
      alias: "RHELRaw8LVMGen2", publisher: "RedHat", offer: "RHEL", sku: "8-lvm-gen2",
      spoken: "rhel 8"),
    Linux(
      alias: "SuseSles15SP5", publisher: "SUSE", offer: "sles-15-sp5", sku: "gen2",
      spoken: "sles 15"),
    Linux(
      alias: "Ubuntu2204", publisher: "Canonical", offer: "0001-com-ubuntu-server-jammy",
      sku: "22_04-lts-gen2", spoken: "ubuntu 22.04"),
    Linux(
      alias: "Ubuntu2404", publisher: "Canonical", offer: "ubuntu-24_04-lts", sku: "server",
      spoken: "ubuntu 24.04"),
  ]

  /// az's Windows image aliases: known, and refused (azlin's VMs are Linux, reached by SSH).
  public static let windows = [
    "Win2022Datacenter", "Win2022AzureEditionCore", "Win2019Datacenter", "Win2016Datacenter",
    "Win2012R2Datacenter", "Win2012Datacenter",
  ]

  /// The Linux alias `text` names, in any case.
  public static func linux(named text: String) -> Linux? {
    linux.first { $0.alias.lowercased() == text.lowercased() }
  }

  /// True for one of az's Windows aliases, in any case.
  public static func isWindows(_ text: String) -> Bool {
    windows.contains { $0.lowercased() == text.lowercased() }
  }

  /// The four parts of a marketplace URN (`publisher:offer:sku:version`), or nil.
  public static func urnParts(_ text: String) -> [String]? {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    guard parts.count == 4,
      parts.allSatisfy({ part in
        !part.isEmpty && part.allSatisfy { $0.isLetter || $0.isNumber || "._-".contains($0) }
      })
    else { return nil }
    return parts
  }

  /// What azlin can create a VM from: a Linux alias (its canonical spelling) or a URN as given;
  /// nil for anything else.
  public static func usable(_ text: String) -> String? {
    if let alias = linux(named: text) { return alias.alias }
    return urnParts(text) == nil ? nil : text
  }

  /// The aliases as a person reads them: "Ubuntu2204 (ubuntu 22.04), Ubuntu2404 (…), …".
  public static var spokenList: String {
    linux.map { "\($0.alias) (\($0.spoken))" }.joined(separator: ", ")
  }
}
