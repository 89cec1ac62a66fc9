import AzlinAzure
import AzlinPlanning
import Foundation
import Testing

/// An LLM's reading of ports, auto-shutdown and tags: read when the line says them, refused
/// as a guess when the model supplies a port, time, zone or tag the line does not say, and
/// rejected when out of range.
@Suite struct LLMPortsAndTagsTests {

  func outcome(_ parameters: String, _ intent: String, line: String) -> LLMParseOutcome {
    let reply = #"{"intent":""# + intent + #"","parameters":"# + parameters + #","confidence":0.9}"#
    return LLMIntentParser(client: LLMDevVMTests.OneReply(reply)).parse(
      line, context: ConversationContext(), live: LLMDevVMTests.live)
  }

  @Test(
    "what the line says is read",
    arguments: [
      (#"{"names":["sam"],"ports":"8080"}"#, "open_port", "open 8080 on sam"),
      (#"{"names":["sam"],"ports":"22"}"#, "open_port", "let ssh into sam"),
      (
        #"{"names":["sam"],"time":"19:00","time_zone":"CET"}"#, "set_auto_shutdown",
        "shut sam down nightly at 7pm cet"
      ),
      (#"{"names":["sam"],"tags":{"env":"dev"}}"#, "set_tag", "label sam env dev"),
      (#"{"all":true,"tagged":"owner=alice"}"#, "stop_vm", "stop what alice owns"),
    ])
  func read(_ parameters: String, _ intent: String, _ line: String) {
    guard case .parsed(.intents(let intents)) = outcome(parameters, intent, line: line) else {
      Issue.record("\(line): \(outcome(parameters, intent, line: line))")
      return
    }
    #expect(intents.first?.kind.rawValue == intent)
  }

  @Test(
    "a detail the line does not say is a guess, and is not used",
    arguments: [
      (#"{"names":["sam"],"ports":"8080"}"#, "open_port", "open a port on sam"),
      (#"{"names":["sam"],"ports":"22","source":"10.0.0.0/8"}"#, "open_port", "open ssh on sam"),
      (#"{"names":["sam"],"time":"19:00"}"#, "set_auto_shutdown", "shut sam down every evening"),
      (#"{"names":["sam"],"tags":{"env":"dev"}}"#, "set_tag", "tag sam"),
    ])
  func guesses(_ parameters: String, _ intent: String, _ line: String) {
    guard case .fellBack(let reason) = outcome(parameters, intent, line: line) else {
      Issue.record("\(line) was used")
      return
    }
    #expect(reason.contains("the line does not say"))
  }

  @Test(
    "values out of range are rejected before anything is planned",
    arguments: [
      #"{"names":["sam"],"ports":"70000"}"#,
      #"{"names":["sam"],"ports":"8080","source":"everyone"}"#,
      #"{"names":["sam"],"time":"25:00"}"#, #"{"names":["sam"],"tags":{"a/b":"c"}}"#,
    ])
  func rejected(_ parameters: String) {
    guard
      case .fellBack = outcome(
        parameters, "open_port", line: "open 70000 25:00 everyone a/b c on sam")
    else {
      Issue.record("\(parameters) was accepted")
      return
    }
  }
}
