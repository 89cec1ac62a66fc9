import Foundation

extension LocalIntentParser {
  /// The verbs people use, by the operation they mean. Multi-word phrases first.
  static let verbPhrases: [(phrase: [String], verb: Verb)] = [
    (["spin", "up"], .create), (["fire", "up"], .create), (["set", "up"], .create),
    (["stand", "up"], .create),
    (["get", "rid", "of"], .delete), (["tear", "down"], .delete), (["blow", "away"], .delete),
    (["shut", "down"], .stop), (["power", "off"], .stop), (["turn", "off"], .stop),
    (["power", "on"], .start), (["turn", "on"], .start), (["boot", "up"], .start),
    (["bring", "up"], .start),
    (["how", "much"], .cost), (["what", "would"], .cost),
  ]

  /// Single-word verbs.
  static let verbWords: [String: Verb] = [
    "create": .create, "make": .create, "provision": .create, "launch": .create, "deploy": .create,
    "build": .create, "add": .create, "new": .create, "need": .create, "want": .create,
    "give": .create,
    "delete": .delete, "remove": .delete, "destroy": .delete, "kill": .delete, "drop": .delete,
    "nuke": .delete,
    "erase": .delete, "rm": .delete,
    "list": .list, "show": .list, "ls": .list, "display": .list, "which": .list, "what": .list,
    "get": .list,
    "describe": .list, "status": .list,
    "start": .start, "boot": .start, "resume": .start,
    "stop": .stop, "shutdown": .stop, "halt": .stop, "pause": .stop,
    "deallocate": .deallocate,
    "restart": .restart, "reboot": .restart, "bounce": .restart, "cycle": .restart,
    "resize": .resize, "scale": .resize, "upgrade": .resize, "downgrade": .resize,
    "cost": .cost, "costs": .cost, "price": .cost, "spend": .cost, "spending": .cost,
    "budget": .cost,
  ]

  /// Nouns for virtual machines.
  static let vmNouns: Set<String> = [
    "vm", "vms", "machine", "machines", "server", "servers", "box", "boxes", "instance",
    "instances", "host",
    "hosts", "virtual",
  ]

  /// Nouns for resource groups.
  static let groupNouns: Set<String> = [
    "rg", "rgs", "group", "groups", "resource-group", "resourcegroup",
  ]

  /// Words that refer to what the conversation just mentioned.
  static let singularPronouns: Set<String> = ["it", "that", "this"]
  static let pluralPronouns: Set<String> = ["them", "those", "these", "they"]

  /// Words after which comes a secret, never a name.
  static let secretWords: Set<String> = [
    "password", "passwd", "pwd", "secret", "token", "key", "apikey", "api-key", "passphrase",
  ]

  /// Words for "every".
  static let allWords: Set<String> = ["all", "every", "everything", "each", "any"]

  /// Numbers written as words.
  static let numberWords: [String: Int] = [
    "a": 1, "an": 1, "one": 1, "single": 1, "two": 2, "pair": 2, "couple": 2, "three": 3, "few": 3,
    "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "several": 3,
  ]

  /// Words that are never resource names.
  static let stopWords: Set<String> = [
    "a", "an", "the", "please", "called", "named", "name", "with", "in", "on", "at", "to", "for",
    "of", "and", "also",
    "now", "then", "my", "me", "i", "we", "us", "our", "new", "size", "sized", "region", "location",
    "image", "using",
    "into", "from", "up", "down", "off", "some", "one", "ones", "can", "you", "could", "would",
    "should", "is",
    "are", "be", "let's", "lets", "let", "another", "more", "just", "quickly", "vm", "vms",
    "resource", "group",
    "rg", "that", "it", "them", "which", "what", "running", "stopped", "deallocated", "there", "do",
    "have",
    "linux", "ubuntu", "all", "everything", "every", "of", "in", "please.", "too", "as", "well",
    "again", "cost",
    "much", "how", "per", "month", "monthly", "bigger", "smaller", "small", "large", "medium",
    "tiny", "huge",
    "cheap", "cheapest", "go", "ahead", "currently", "right", "exist", "exists", "existing", "mine",
    "both",
  ]

  /// Named sizes people use loosely.
  static let sizeWords: [String: String] = [
    "tiny": "Standard_B1s", "small": "Standard_B2s", "cheap": "Standard_B1s",
    "cheapest": "Standard_B1s",
    "medium": "Standard_D2s_v5", "large": "Standard_D4s_v5", "big": "Standard_D4s_v5",
    "huge": "Standard_D16s_v5", "gpu": "Standard_NC6s_v3",
  ]

  /// Image aliases az accepts.
  static let imageWords: [String: String] = [
    "ubuntu": "Ubuntu2204", "ubuntu2204": "Ubuntu2204", "ubuntu2404": "Ubuntu2404",
    "debian": "Debian11",
    "debian11": "Debian11", "debian12": "Debian12", "rhel": "RHELRaw8LVMGen2",
    "centos": "CentOS85Gen2",
    "windows": "Win2022Datacenter", "win2022": "Win2022Datacenter", "suse": "SuseSles15SP5",
  ]
}
