import Foundation
import LineOfSightCore
import Testing

/// The quick decoder of stored records reads what Foundation reads, as Foundation reads it, and
/// leaves everything else to Foundation: a record it refuses still decodes, or fails with
/// Foundation's error and path.
@Suite struct StoredRecordDecoderTests {
    struct Sample: Codable, Equatable {
        enum Colour: String, Codable { case red, green }
        struct Inner: Codable, Equatable { var name: String; var tags: [String] }

        var text: String
        var missing: String?
        var null: String?
        var present: String?
        var yes: Bool
        var no: Bool?
        var count: Int
        var negative: Int
        var small: UInt8?
        var colour: Colour
        var date: CivilDate
        var dates: [CivilDate]
        var inner: Inner
        var inners: [Inner]
        var optionals: [String?]
        var nested: [[Int]]
        var dictionary: [String: Int]
    }

    static let sample = #"""
    { "text": "a \"quoted\" \\ back\/slash\n\ttab \u00e9 \ud83d\ude00 Zoë 😀",
      "null": null, "present": "here", "yes": true, "no": false, "count": 9223372036854775807,
      "negative": -9223372036854775807, "small": 255, "colour": "green", "date": "2026-02-28",
      "dates": ["2024-02-29", "2026-12-25"], "inner": {"name": "", "tags": []},
      "inners": [{"name": "one", "tags": ["a", "b"]}, {"tags": ["c"], "name": "two"}],
      "optionals": ["x", null, ""], "nested": [[], [0, -0, 1]], "dictionary": {"a": 1, "b": -2} }
    """#

    @Test func readsWhatFoundationReadsAsFoundationReadsIt() throws {
        let quick = try StoredRecordDecoder.decode(Sample.self, from: Self.sample)
        let foundation = try JSONDecoder().decode(Sample.self, from: Data(Self.sample.utf8))
        #expect(quick == foundation)
        #expect(quick.text == "a \"quoted\" \\ back/slash\n\ttab é 😀 Zoë 😀")
        #expect(quick.missing == nil && quick.null == nil && quick.present == "here" && quick.no == false)
        #expect(quick.count == Int.max && quick.negative == -Int.max && quick.small == 255)
        #expect(quick.inners.map(\.name) == ["one", "two"] && quick.optionals == ["x", nil, ""] && quick.nested == [[], [0, 0, 1]])
        #expect(quick.dictionary == ["a": 1, "b": -2])
    }

    @Test func aStoredVisitReadsBackAsItWasWritten() throws {
        let record = VisitRecord(date: CivilDate(iso: "2026-03-02")!, kind: .unannounced, location: .school, seen: true, seenAlone: true,
                                 childsViews: "Said \"school is fine\" — wants to see Nan\n", observations: nil)
        let text = String(decoding: record.encoded(), as: UTF8.self)
        let read = try StoredRecordDecoder.decode(VisitRecord.self, from: text)
        #expect(read.encoded() == record.encoded())
        #expect(try JourneyList.visits.decode(stored: text).encoded() == record.encoded())
    }

    /// Each is JSON that Foundation reads or explains in its own way: the quick decoder leaves it,
    /// even where the value at fault is one the record never reads (`other`).
    @Test(arguments: [
        #"{"n": 1.5}"#, #"{"n": 1e3}"#, #"{"n": 01}"#, #"{"n": 1} x"#, #"{"n": 1"#, #"{"n": -}"#, #"{"s": "tab\#tinside"}"#,
        #"{"s": "\ud83d"}"#, #"{"s": "\ud83dx"}"#, #"{"s": "\x"}"#, #"{"s": "\u12"}"#, #"{"n": 9223372036854775808}"#,
        #"{"n": -9223372036854775808}"#, #"{"n": "1"}"#, #"{"n": true}"#, #"[1]"#, #"{"n": 1,}"#, #"{'n': 1}"#,
        #"{"\u006e": 1}"#, #"{"s\u0073": "x", "n": 1}"#, #"{"other": "\q"}"#, #"{"other": "\ud800"}"#, #"{"other": "a\"#,
    ])
    func leavesToFoundationWhatIsNotPlain(_ text: String) {
        struct Loose: Decodable { let n: Int?; let s: String? }
        #expect(throws: StoredRecordDecoder.Unread.self) { _ = try StoredRecordDecoder.decode(Loose.self, from: text) }
    }

    @Test(arguments: [#"{}"#, #"{"n": null}"#])
    func leavesAMissingOrNullRequiredValueToFoundation(_ text: String) throws {
        struct Required: Decodable { let n: Int }
        struct Loose: Decodable { let n: Int? }
        #expect(try StoredRecordDecoder.decode(Loose.self, from: text).n == nil)
        #expect(throws: StoredRecordDecoder.Unread.self) { _ = try StoredRecordDecoder.decode(Required.self, from: text) }
    }

    @Test func readsEveryEscapeJSONHas() throws {
        struct Text: Decodable { let s: String }
        let text = #"{"s": "\b\f\n\r\t\"\\\/\u0000\u00E9\uD83D\uDE00"}"#
        #expect(try StoredRecordDecoder.decode(Text.self, from: text).s == "\u{08}\u{0C}\n\r\t\"\\/\u{00}é😀")
        #expect(try StoredRecordDecoder.decode(Text.self, from: text).s == JSONDecoder().decode(Text.self, from: Data(text.utf8)).s)
    }

    @Test func aStoredRecordThatDoesNotReadFailsWithFoundationsPath() {
        #expect(throws: JourneyDocumentError(path: "$.date", message: "\"2026-02-30\" is not a date: expected YYYY-MM-DD naming a day that exists")) {
            _ = try JourneyList.visits.decode(stored: #"{"date": "2026-02-30", "kind": "planned", "location": "home", "seen": true}"#)
        }
        #expect(throws: JourneyDocumentError.self) {
            _ = try JourneyList.visits.decode(stored: #"{"date": "2026-02-27", "kind": "sometimes", "location": "home", "seen": true}"#)
        }
    }

    @Test func aRecordNestedBeyondAnyRecordsDepthIsLeftToFoundation() throws {
        struct Deep: Codable { let next: [Deep] }
        let text = String(repeating: #"{"next": ["#, count: 40) + String(repeating: "]}", count: 40)
        #expect(throws: StoredRecordDecoder.Unread.self) { _ = try StoredRecordDecoder.decode(Deep.self, from: text) }
        let shallow = String(repeating: #"{"next": ["#, count: 10) + #"{"next": []}"# + String(repeating: "]}", count: 10)
        _ = try StoredRecordDecoder.decode(Deep.self, from: shallow)
    }
}
