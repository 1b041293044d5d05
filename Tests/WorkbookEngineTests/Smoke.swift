import Testing
@testable import WorkbookEngine
@Test func engineLoads() { #expect(Bool(true)) }
