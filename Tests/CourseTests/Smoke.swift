import Testing
@testable import Course
@Test func moduleLoads() { #expect(courseVersion() == "0") }
