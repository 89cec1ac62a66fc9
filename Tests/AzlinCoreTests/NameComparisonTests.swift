import AzlinCore
import Testing

@Suite("Names compared as Azure compares them")
struct NameComparisonTests {
  @Test(
    arguments: [
      ("sam", "sam", true), ("Sam", "sAM", true), ("web-1", "WEB-1", true), ("sam", "sam2", false),
      ("sam", "sbm", false), ("a_b", "a-b", false), ("", "", true), ("Ünïcode", "ünïcode", true),
      ("ünïcode", "unicode", false), ("@", "`", false),
    ])
  func sameName(_ a: String, _ b: String, _ same: Bool) {
    #expect(a.isSameName(as: b) == same)
    #expect(b.isSameName(as: a) == same)
  }
}
