import AzlinCore
import Testing

@Suite struct JSONValueTests {
  @Test func keepsMemberOrderAndPrintsAsAzDoes() throws {
    let value = try JSONValue.parse(#"{"name":"sam","id":"/x","tags":{},"list":[1,2.5,true,null]}"#)
    #expect(value.compact() == #"{"name":"sam","id":"/x","tags":{},"list":[1,2.5,true,null]}"#)
    #expect(
      value.pretty()
        == "{\n  \"name\": \"sam\",\n  \"id\": \"/x\",\n  \"tags\": {},\n  \"list\": [\n    1,\n    2.5,\n    true,\n    null\n  ]\n}"
    )
  }

  @Test(arguments: [
    ("\"a\\nb\"", "a\nb"), ("\"\\u00e9\"", "é"), ("\"\\ud83d\\ude00\"", "😀"),
    ("\"tab\\tq\\\"\"", "tab\tq\""),
  ])
  func readsEscapes(_ text: String, _ expected: String) throws {
    #expect(try JSONValue.parse(text) == .string(expected))
  }

  @Test func escapesControlCharactersOnOutput() {
    #expect(JSONValue.string("a\u{1}b\n").compact() == "\"a\\u0001b\\n\"")
  }

  @Test(arguments: ["", "{", "[1,", "{\"a\" 1}", "tru", "1 2", "\"unterminated"])
  func rejectsMalformedText(_ text: String) {
    #expect(throws: JSONParseError.self) { try JSONValue.parse(text) }
  }

  @Test func followsDottedPaths() throws {
    let vm = try JSONValue.parse(#"{"hardwareProfile":{"vmSize":"Standard_B2s"}}"#)
    #expect(vm.value(at: "hardwareProfile.vmSize")?.stringValue == "Standard_B2s")
    #expect(vm.value(at: "hardwareProfile.missing") == nil)
  }
}
