import Foundation

extension LocalIntentParser {
  /// Verbs of more than one word. A `nil` in a phrase matches any run of up to three words,
  /// so "shut sam down" and "turn it back on" match like "shut down" and "turn on".
  static let verbPhrases: [(phrase: [String?], verb: Verb)] = [
    (["give", "me"], .create), (["get", "me"], .create), (["set", "me", "up"], .create),
    (["get", "rid", "of"], .delete), (["stop", "the", "billing"], .deallocate),
    (["stop", "billing"], .deallocate), (["stop", "paying"], .deallocate),
    (["stop", "being", "charged"], .deallocate), (["stop", "charging"], .deallocate),
    (["tear", "down"], .delete), (["tear", nil, "down"], .delete), (["blow", "away"], .delete),
    (["how", "much"], .cost), (["what", "would"], .cost), (["run", "rate"], .cost),
    (["spin", "up"], .create), (["fire", "up"], .create), (["set", "up"], .create),
    (["stand", "up"], .create),
    (["shut", nil, "down"], .stop), (["shut", "down"], .stop), (["power", nil, "off"], .stop),
    (["power", "off"], .stop), (["turn", nil, "off"], .stop), (["turn", "off"], .stop),
    (["switch", nil, "off"], .stop), (["switch", "off"], .stop), (["switch", nil, "on"], .start),
    (["switch", "on"], .start), (["put", "it", "off"], .stop), (["put", "it", "on"], .start),
    (["power", nil, "on"], .start), (["power", "on"], .start), (["turn", nil, "on"], .start),
    (["turn", "on"], .start), (["boot", "up"], .start), (["bring", nil, "up"], .start),
    (["bring", "up"], .start),
    (["bring", nil, "online"], .start), (["bring", nil, "back"], .start), (["wake", "up"], .start),
    (["wake", nil, "up"], .start), (["spin", nil, "back", "up"], .start),
    (["spin", nil, "up"], .start),
  ]

  /// Single-word verbs.
  static let verbWords: [String: Verb] = [
    "create": .create, "make": .create, "mk": .create, "provision": .create, "launch": .create,
    "deploy": .create,
    "build": .create, "add": .create, "give": .create, "put": .create,
    "spawn": .create, "allocate": .create,
    "delete": .delete, "remove": .delete, "destroy": .delete, "kill": .delete, "drop": .delete,
    "nuke": .delete,
    "erase": .delete, "rm": .delete, "terminate": .delete, "trash": .delete,
    "decommission": .delete,
    "list": .list, "show": .list, "ls": .list, "display": .list, "get": .list, "describe": .list,
    "status": .list, "check": .list, "see": .list, "view": .list, "enumerate": .list,
    "start": .start, "boot": .start, "resume": .start, "wake": .start,
    "stop": .stop, "shutdown": .stop, "halt": .stop, "pause": .stop, "suspend": .stop,
    "deallocate": .deallocate, "dealloc": .deallocate, "detach": .detach, "unmount": .detach,
    "attach": .create, "mount": .create,
    "restart": .restart, "reboot": .restart, "power-cycle": .restart, "powercycle": .restart,
    "bounce": .restart, "cycle": .restart,
    "recycle": .restart,
    "resize": .resize, "scale": .resize, "upgrade": .resize, "downgrade": .resize,
    "change": .resize, "bump": .resize, "downsize": .resize, "upsize": .resize, "shrink": .resize,
    "cost": .cost, "costs": .cost, "price": .cost, "prices": .cost, "pricing": .cost,
    "spend": .cost,
    "spending": .cost, "spent": .cost, "bill": .cost, "billing": .cost, "damage": .cost,
    "budget": .cost,
    "charges": .cost, "estimate": .cost, "paying": .cost, "run-rate": .cost,
  ]

  /// Words that make a line about money, whatever else it says.
  static let costWords: Set<String> = [
    "cost", "costs", "costing", "price", "prices", "pricing", "spend", "spending", "spent", "bill",
    "billing",
    "damage", "charges", "expensive", "cheap", "paying", "run-rate",
  ]

  /// Nouns for virtual machines.
  static let vmNouns: Set<String> = [
    "computer", "computers",
    "vm", "vms", "machine", "machines", "server", "servers", "box", "boxes", "instance",
    "instances", "host",
    "hosts", "virtual", "node", "nodes",
  ]

  /// Nouns for storage accounts and managed disks.
  static let storageNouns: Set<String> = [
    "storage", "blob", "blobs", "bucket", "buckets", "acct", "accts", "sa",
  ]
  static let diskNouns: Set<String> = ["disk", "disks", "volume", "volumes", "drive"]

  /// Disk tiers and storage redundancy, by the words people use.
  static let skuWords: [String: String] = [
    "premium": "Premium_LRS", "ssd": "StandardSSD_LRS", "hdd": "Standard_LRS",
    "lrs": "Standard_LRS",
    "grs": "Standard_GRS", "geo-redundant": "Standard_GRS", "zrs": "Standard_ZRS",
    "ragrs": "Standard_RAGRS",
    "ra-grs": "Standard_RAGRS", "zone-redundant": "Standard_ZRS",
    "locally-redundant": "Standard_LRS",
  ]

  /// Nouns for resource groups.
  static let groupNouns: Set<String> = [
    "rg", "rgs", "group", "groups", "resource-group", "resourcegroup",
  ]

  /// Things azlin does not manage yet, by the words people use for them.
  static let unsupportedNouns: [String: String] = [
    "image": "images", "vnet": "virtual networks",
    "vnets": "virtual networks",
    "network": "virtual networks", "subnet": "virtual networks", "nsg": "network security groups",
    "security": "network security groups", "firewall": "firewalls", "ip": "public IP addresses",
    "load": "load balancers", "balancer": "load balancers", "vpn": "VPN gateways",
    "gateway": "VPN gateways",
    "dns": "DNS zones", "vault": "key vaults", "keyvault": "key vaults",
    "aks": "Kubernetes clusters",
    "kubernetes": "Kubernetes clusters", "cluster": "Kubernetes clusters", "scale": "scale sets",
    "sql": "databases", "database": "databases", "databases": "databases", "cosmos": "databases",
    "postgres": "databases", "mysql": "databases", "app": "app services", "webapp": "app services",
    "function": "function apps", "functions": "function apps", "registry": "container registries",
    "acr": "container registries", "container": "containers", "containers": "containers",
    "backup": "backups",
    "role": "role assignments",
  ]

  /// Verbs for operations azlin does not do yet.
  static let unsupportedVerbs: [String: String] = [
    "rename": "renaming resources", "move": "moving resources", "clone": "cloning VMs",
    "copy": "copying VMs",
    "assign": "role assignments",
    "backup": "backups", "upload": "uploading files", "download": "downloading files",
  ]

  /// Words that refer to what the conversation just mentioned.
  static let singularPronouns: Set<String> = ["it", "that", "this", "its", "it's", "itself"]
  static let pluralPronouns: Set<String> = ["them", "those", "these", "they", "both", "their"]

  /// Words for "every".
  static let allWords: Set<String> = ["all", "every", "everything", "each", "any"]

  /// Words that turn a request around.
  static let negations: Set<String> = [
    "don't", "dont", "never", "not", "do't", "doesn't", "shouldn't",
  ]

  /// Words that make a line a question about a VM's state.
  static let questionWords: Set<String> = [
    "is", "are", "how", "how's", "what's", "whats", "tell", "details", "detail", "info",
    "information", "about",
    "status", "up", "alive", "running", "stopped", "doing", "ip", "going", "many", "any", "which",
    "what",
    "where", "who", "does", "do",
  ]

  /// Words after which comes a secret, never a name.
  public static let secretWords: Set<String> = [
    "password", "passwd", "pwd", "secret", "token", "key", "apikey", "api-key", "passphrase",
  ]

  /// Numbers written as words.
  static let numberWords: [String: Int] = [
    "one": 1, "single": 1, "two": 2, "pair": 2, "couple": 2, "three": 3, "few": 3, "four": 4,
    "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "dozen": 12,
    "several": 3, "twenty": 20,
  ]

  /// Words that are never resource names.
  static let stopWords: Set<String> = [
    "a", "an", "the", "please", "called", "named", "name", "with", "in", "on", "at", "to", "for",
    "of", "and",
    "also", "now", "then", "my", "me", "i", "we", "us", "our", "new", "size", "sized", "region",
    "location",
    "image", "using", "into", "from", "up", "down", "off", "some", "one", "ones", "can", "you",
    "could",
    "would", "should", "is", "are", "be", "let's", "lets", "let", "another", "more", "just",
    "quickly", "vm",
    "vms", "resource", "group", "rg", "that", "it", "them", "which", "what", "running", "stopped",
    "deallocated", "there", "do", "have", "linux", "ubuntu", "all", "everything", "every", "too",
    "as",
    "well", "again", "cost", "much", "how", "per", "month", "monthly", "bigger", "smaller", "small",
    "large",
    "medium", "tiny", "huge", "cheap", "cheapest", "go", "ahead", "currently", "right", "exist",
    "exists",
    "existing", "mine", "both", "az", "back", "online", "same", "here", "this", "those", "these",
    "its",
    "it's", "mind", "want", "need", "like", "would", "pls", "kindly", "thanks", "thank", "hey",
    "hi",
    "hello", "ok", "okay", "memory", "ram", "cpu", "cpus", "cores", "faster", "slower", "powerful",
    "everything", "anything", "still", "doing", "going", "about", "tell", "details", "info",
    "information",
    "many", "any", "currently", "today", "this", "month", "week", "breakdown", "report", "total",
    "so", "far",
    "me", "much", "does", "did", "will", "shall", "may", "might", "must", "get", "got", "give",
    "gimme",
    "little", "bit", "lot", "lots", "whole", "entire", "by", "via", "other", "others", "else",
    "first",
    "second", "last", "next", "same", "up?", "alive", "am", "was", "were", "been", "being", "has",
    "had",
    "having", "run", "runs", "where", "when", "why", "who", "whom", "whose", "while", "if", "or",
    "but",
    "yes", "no", "not", "don't", "dont", "ip", "address", "status", "state", "states", "nodes",
    "node",
  ]

  /// Named sizes people use loosely.
  static let sizeWords: [String: String] = [
    "tiny": "Standard_B1s", "small": "Standard_B2s", "cheap": "Standard_B1s",
    "cheapest": "Standard_B1s",
    "medium": "Standard_D2s_v5", "large": "Standard_D4s_v5", "big": "Standard_D4s_v5",
    "huge": "Standard_D16s_v5", "gpu": "Standard_NC6s_v3",
  ]

  /// Words for a relative size change.
  static let biggerWords: Set<String> = [
    "bigger", "larger", "faster", "powerful", "more", "upgrade", "up", "upsize",
  ]
  static let smallerWords: Set<String> = [
    "smaller", "cheaper", "slower", "less", "downgrade", "down", "downsize", "shrink",
  ]

  /// Image aliases az accepts.
  static let imageWords: [String: String] = [
    "ubuntu": "Ubuntu2204", "ubuntu2204": "Ubuntu2204", "ubuntu2404": "Ubuntu2404",
    "debian": "Debian12",
    "debian11": "Debian11", "debian12": "Debian12", "rhel": "RHELRaw8LVMGen2",
    "centos": "CentOS85Gen2",
    "suse": "SuseSles15SP5",
    "ubuntu22": "Ubuntu2204", "ubuntu24": "Ubuntu2404", "rhel8": "RHELRaw8LVMGen2",
    "redhat": "RHELRaw8LVMGen2", "centos8": "CentOS85Gen2", "centos85": "CentOS85Gen2",
    "sles": "SuseSles15SP5", "sles15": "SuseSles15SP5", "suse15": "SuseSles15SP5",
    "opensuse": "OpenSuseLeap154Gen2", "opensuse154": "OpenSuseLeap154Gen2",
    "flatcar": "FlatcarLinuxFreeGen2",
  ]
}
