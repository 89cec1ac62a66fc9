import AzlinCore
import Foundation
import Testing

@Suite struct SeededIDGeneratorTests {
  @Test func theSameSeedGivesTheSameIdentifiers() {
    let a = SeededIDGenerator(seed: 0x1234_5678_9ABC_DEF0)
    let b = SeededIDGenerator(seed: 0x1234_5678_9ABC_DEF0)
    let first = (0..<50).map { _ in a.next() }
    #expect(first == (0..<50).map { _ in b.next() })
    #expect(Set(first).count == 50)
  }

  @Test func anotherSeedGivesOtherIdentifiers() {
    let a = SeededIDGenerator(seed: 1)
    let b = SeededIDGenerator(seed: 2)
    #expect(a.next() != b.next())
  }

  @Test func identifiersAreShapedLikeVersion4UUIDs() throws {
    let id = SeededIDGenerator(seed: 42).next()
    let parts = id.split(separator: "-").map(String.init)
    #expect(parts.map(\.count) == [8, 4, 4, 4, 12])
    #expect(parts[2].hasPrefix("4"))
    #expect(["8", "9", "a", "b"].contains(parts[3].prefix(1)))
    #expect(id == id.lowercased())
  }

  @Test(arguments: [UInt64(0), 1, 0xFFFF_FFFF_FFFF_FFFF, 0x00AB_CDEF])
  func theSeedTextReadsBack(_ seed: UInt64) {
    let text = SeededIDGenerator(seed: seed).seedText
    #expect(text.count == 16)
    #expect(SeededIDGenerator.seed(parsing: text) == seed)
  }

  @Test(arguments: ["", "xyz", "12345678901234567", "-1"])
  func aBadSeedIsNotRead(_ text: String) {
    #expect(SeededIDGenerator.seed(parsing: text) == nil)
  }
}
