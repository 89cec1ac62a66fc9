import AzlinAzure
import AzlinCore
import Foundation

/// Turns a model's reply, which is untrusted data, into intents, or rejects it.
///
/// The reply must be one intent object or an array of them (bare, or inside a ```json fence).
/// Each object has exactly `intent` (a known `IntentKind` raw value), `confidence` (a number,
/// clamped to 0…1), and optionally `parameters` (only the known keys, each of its type and
/// shape) and `explanation` (a string). Anything else rejects the whole reply. Nothing from the
/// reply is used except the validated values: the explanation shown to the person is azlin's own.
struct LLMReplyValidator: Sendable {
  /// The most intents one line may produce.
  static let maximumIntents = 10
  /// The longest reply read.
  static let maximumReply = 64_000
  /// The longest resource name.
  static let maximumNameLength = 90
  /// The most names one intent may carry.
  static let maximumNames = 50

  let catalog: AzureCatalog

  private static let memberKeys: Set<String> = [
    "intent", "parameters", "confidence", "explanation",
  ]
  private static let parameterKeys: Set<String> = [
    "names", "count", "resource_group", "region", "size", "image", "power_state", "all",
    "size_change", "size_gb", "sku", "vm", "except", "mood", "ports", "source", "time",
    "time_zone", "tags", "tagged", "script", "disk", "snapshot",
  ]
  /// The largest managed disk, in GiB.
  static let largestDiskGB = 32_767

  /// The intents in `reply`, or why it was rejected (without echoing the reply).
  func intents(from reply: String) -> Result<[Intent], LLMFailure> {
    guard reply.utf8.count <= Self.maximumReply else {
      return .failure(.badReply("longer than \(Self.maximumReply / 1000) KB"))
    }
    guard let json = Self.parseJSON(reply) else {
      return .failure(.badReply("not JSON"))
    }
    let objects: [JSONValue]
    switch json {
    case .array(let items): objects = items
    case .object: objects = [json]
    default: return .failure(.badReply("not an intent object or array"))
    }
    if objects.isEmpty { return .failure(.noOperation) }
    guard objects.count <= Self.maximumIntents else {
      return .failure(.badReply("more than \(Self.maximumIntents) intents"))
    }
    var intents: [Intent] = []
    for (index, object) in objects.enumerated() {
      switch intent(from: object) {
      case .success(var intent):
        // "create group demo, then a VM": a later VM with no group goes into that group.
        if intent.kind == .provisionVM, intent.parameters.resourceGroup == nil,
          let group = intents.last(where: { $0.kind == .createResourceGroup })
        {
          intent.parameters.resourceGroup = group.parameters.names.first
          if intent.parameters.region == nil { intent.parameters.region = group.parameters.region }
        }
        intents.append(intent)
      case .failure(let problem):
        let which = objects.count > 1 ? "intent \(index + 1): " : ""
        return .failure(.badReply(which + problem.text))
      }
    }
    return .success(intents)
  }

  /// The JSON value in `reply`: the whole reply, else the first ``` fence, else the span from
  /// the first `{`/`[` to the last `}`/`]` — the first of these that parses.
  static func parseJSON(_ reply: String) -> JSONValue? {
    let trimmed = reply.trimmingCharacters(in: .whitespacesAndNewlines)
    var candidates = [trimmed]
    if let fence = trimmed.range(of: "```") {
      var body = trimmed[fence.upperBound...]
      if let newline = body.firstIndex(of: "\n"),
        body[..<newline].allSatisfy({ $0.isLetter || $0 == " " })
      {
        body = body[body.index(after: newline)...]
      }
      if let end = body.range(of: "```") { body = body[..<end.lowerBound] }
      candidates.append(body.trimmingCharacters(in: .whitespacesAndNewlines))
    }
    if let start = trimmed.firstIndex(where: { $0 == "{" || $0 == "[" }),
      let end = trimmed.lastIndex(where: { $0 == "}" || $0 == "]" }), start < end
    {
      candidates.append(String(trimmed[start...end]))
    }
    for text in candidates where !text.isEmpty {
      if let json = try? JSONValue.parse(text) { return json }
    }
    return nil
  }

  /// A reason that names azlin's rule, never the reply's text.
  struct Problem: Error {
    var text: String
    init(_ text: String) { self.text = text }
  }

  private func intent(from object: JSONValue) -> Result<Intent, Problem> {
    guard let members = object.objectMembers else { return .failure(Problem("not an object")) }
    if members.contains(where: { !Self.memberKeys.contains($0.0) }) {
      return .failure(Problem("unknown member"))
    }
    if Set(members.map(\.0)).count != members.count {
      return .failure(Problem("a member given twice"))
    }
    guard let kindText = object["intent"]?.stringValue else {
      return .failure(Problem("intent is missing or not a string"))
    }
    guard let kind = IntentKind(rawValue: kindText) else {
      return .failure(Problem("unknown operation"))
    }
    guard let rawConfidence = object["confidence"]?.doubleValue else {
      return .failure(Problem("confidence is missing or not a number"))
    }
    if let explanation = object["explanation"], explanation.stringValue == nil,
      explanation != .null
    {
      return .failure(Problem("explanation is not a string"))
    }
    var parameters = IntentParameters()
    switch object["parameters"] {
    case nil, .null?: break
    case .object(let items)?:
      do {
        parameters = try self.parameters(from: items)
      } catch let problem as Problem {
        return .failure(problem)
      } catch {
        return .failure(Problem("bad parameters"))
      }
    default: return .failure(Problem("parameters is not an object"))
    }
    if kind == .createResourceGroup || kind == .deleteResourceGroup {
      if parameters.names.isEmpty, let group = parameters.resourceGroup {
        parameters.names = [group]
        parameters.resourceGroup = nil
      }
      guard parameters.names.count <= 1 else {
        return .failure(Problem("a resource-group operation names more than one group"))
      }
    }
    let confidence = min(1, max(0, rawConfidence))
    return .success(
      Intent(
        kind: kind, parameters: parameters, confidence: confidence,
        explanation: Self.explanation(kind, parameters)))
  }

  private func parameters(from items: [(String, JSONValue)]) throws -> IntentParameters {
    var p = IntentParameters()
    var seen: Set<String> = []
    for (key, value) in items {
      guard Self.parameterKeys.contains(key) else {
        throw Problem("unknown parameter")
      }
      guard seen.insert(key).inserted else { throw Problem("parameter \(key) given twice") }
      if value == .null { continue }
      switch key {
      case "names":
        guard let array = value.arrayValue else { throw Problem("names is not an array") }
        guard array.count <= Self.maximumNames else {
          throw Problem("more than \(Self.maximumNames) names")
        }
        p.names = try array.map { item in
          guard let name = item.stringValue, Self.isName(name) else {
            throw Problem(
              "a name is not a string of up to \(Self.maximumNameLength) letters, digits, -, _, ., ( or )"
            )
          }
          return name
        }
      case "count":
        guard let count = value.intValue, (1...CommandPlanner.maximumCount).contains(count) else {
          throw Problem("count is not a whole number from 1 to \(CommandPlanner.maximumCount)")
        }
        p.count = count
      case "resource_group":
        guard let group = value.stringValue, Self.isName(group) else {
          throw Problem("resource_group is not a valid name")
        }
        p.resourceGroup = group
      case "region":
        guard let text = value.stringValue, let region = region(text) else {
          throw Problem("region is not a region name")
        }
        p.region = region
      case "size":
        guard let text = value.stringValue, let size = size(text) else {
          throw Problem("size is not a VM size name")
        }
        p.size = size
      case "image":
        guard let image = value.stringValue,
          Self.matches(image, #"^[A-Za-z0-9/][A-Za-z0-9._:/+-]{0,255}$"#)
        else { throw Problem("image is not an image alias or URN") }
        p.image = image
      case "power_state":
        guard let state = value.stringValue?.lowercased(),
          ["running", "stopped", "deallocated"].contains(state)
        else { throw Problem("power_state is not running, stopped or deallocated") }
        p.powerState = state
      case "all":
        guard let all = value.boolValue else { throw Problem("all is not true or false") }
        p.all = all
      case "size_change":
        guard let change = value.stringValue?.lowercased(), ["bigger", "smaller"].contains(change)
        else { throw Problem("size_change is not bigger or smaller") }
        p.sizeChange = change
      case "size_gb":
        guard let gb = value.intValue, (1...Self.largestDiskGB).contains(gb) else {
          throw Problem("size_gb is not a whole number from 1 to \(Self.largestDiskGB)")
        }
        p.sizeGB = gb
      case "sku":
        guard let sku = value.stringValue, Self.matches(sku, #"^[A-Za-z][A-Za-z0-9_]{1,39}$"#)
        else {
          throw Problem("sku is not a SKU name")
        }
        p.sku = sku
      case "except":
        guard let array = value.arrayValue, array.count <= Self.maximumNames else {
          throw Problem("except is not an array of names")
        }
        p.excluded = try array.map { item in
          guard let name = item.stringValue, Self.isName(name) else {
            throw Problem("an excluded name is not a valid name")
          }
          return name
        }
      case "mood":
        guard let mood = value.stringValue?.lowercased(), ["question", "request"].contains(mood)
        else { throw Problem("mood is not question or request") }
        p.hypothetical = mood == "question"
      case "vm":
        p.vm = try Self.text(value, "vm is not a valid name", valid: Self.isName)
      case "disk":
        p.disk = try Self.text(value, "disk is not a valid name", valid: Self.isName)
      case "snapshot":
        p.snapshot = try Self.text(value, "snapshot is not a valid name", valid: Self.isName)
      case "ports":
        p.ports = try Self.text(
          value, "ports is not a port or range from 1 to 65535", valid: CommandPlanner.isPortRange)
      case "source":
        p.source = try Self.text(
          value, "source is not * or an IPv4 address or CIDR", valid: CommandPlanner.isSource)
      case "time":
        p.time = try Self.text(value, "time is not HH:MM on a 24-hour clock") { time in
          Self.matches(time, #"^([01][0-9]|2[0-3]):[0-5][0-9]$"#)
        }
      case "time_zone":
        p.timeZone = try Self.text(value, "time_zone is not a time zone") { zone in
          CommandPlanner.timeZone(named: zone) != nil
        }
      case "tags":
        guard let members = value.objectMembers, members.count <= 15 else {
          throw Problem("tags is not an object of at most 15 tags")
        }
        for (key, tag) in members {
          guard let text = tag.stringValue,
            CommandPlanner.tagViolation(key: key, value: text) == nil
          else { throw Problem("a tag is not a name and a string value Azure accepts") }
          p.tags[key] = text
        }
      case "tagged":
        guard let filter = value.stringValue,
          Self.matches(filter, #"^[^<>%&\\?/=]{1,512}(=[^=]{0,256})?$"#)
        else { throw Problem("tagged is not key or key=value") }
        p.tagFilter = filter
      case "script":
        guard let script = value.stringValue, !script.isEmpty, script.count <= 4_000,
          !script.contains(where: { $0.isNewline })
        else { throw Problem("script is not one command line") }
        p.script = script
      default:
        throw Problem("unknown parameter")
      }
    }
    return p
  }

  /// A string parameter that `valid` accepts.
  /// - Throws: `Problem(problem)` for anything else.
  private static func text(_ value: JSONValue, _ problem: String, valid: (String) -> Bool) throws
    -> String
  {
    guard let text = value.stringValue, valid(text) else { throw Problem(problem) }
    return text
  }

  /// The region, normalised through the catalogue; an unknown but well-formed name is kept for
  /// the planner to refuse with its own message.
  private func region(_ text: String) -> String? {
    if let known = catalog.normalizeRegion(text) { return known }
    let key = text.lowercased().replacingOccurrences(of: " ", with: "")
    return Self.matches(key, #"^[a-z][a-z0-9]{1,39}$"#) ? key : nil
  }

  /// The size, canonical when the catalogue knows it; an unknown but well-formed name is kept.
  private func size(_ text: String) -> String? {
    if let known = catalog.vmSize(named: text) { return known.name }
    return Self.matches(text, #"^[A-Za-z][A-Za-z0-9_]{0,63}$"#) ? text : nil
  }

  /// A resource name: 1…90 of letters, digits, `-`, `_`, `.`, `(`, `)`, not starting with `-`
  /// (which a command line would read as an option) or `.`.
  static func isName(_ text: String) -> Bool {
    text.count <= maximumNameLength && matches(text, #"^[A-Za-z0-9_(][A-Za-z0-9._()-]*$"#)
  }

  private static func matches(_ text: String, _ pattern: String) -> Bool {
    text.range(of: pattern, options: .regularExpression) != nil
  }

  /// azlin's own words for what an intent does, in the local parser's phrasing.
  static func explanation(_ kind: IntentKind, _ p: IntentParameters) -> String {
    var text = kind.phrase
    if !p.names.isEmpty { text += " " + p.names.joined(separator: ", ") }
    if let vm = p.vm { text += " for VM " + vm }
    if let disk = p.disk { text += " (disk " + disk + ")" }
    if let snapshot = p.snapshot { text += " from snapshot " + snapshot }
    return text
  }
}
