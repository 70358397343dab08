import Foundation
@testable import LineOfSightServer
import Testing
import Vapor

/// Addresses written with a query string (`SiteURL.path(query:)`).
@Suite struct SiteURLTests {
    /// Names and values are percent-encoded but for the characters a URL never reserves, and read
    /// back as written: a `+` stays a plus, not a space; an `&` or `=` stays in its value.
    @Test func aQueryIsReadBackAsWritten() throws {
        let id = UUID()
        let query = [("worker", id.text), ("q", "C++ & co/ñ = 100%"), ("status", "overdue"), ("empty", "")]
        let path = SiteURL.myWork.path(query: query)
        #expect(path == "/my-work?worker=\(id.text)&q=C%2B%2B%20%26%20co%2F%C3%B1%20%3D%20100%25&status=overdue&empty=")
        let read = try URLEncodedFormDecoder().decode([String: String].self, from: try #require(URI(string: path).query))
        #expect(read == Dictionary(uniqueKeysWithValues: query))
        #expect(SiteURL.myWork.path(query: []) == "/my-work")
    }
}
