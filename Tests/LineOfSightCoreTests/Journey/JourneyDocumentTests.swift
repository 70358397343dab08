import Foundation
import LineOfSightCore
import Testing

@Suite struct JourneyDocumentTests {
    /// docs/examples/, found from this file's real location (the tests may build through a symlink).
    static let examples = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/examples")

    @Test func theWorkedExampleDecodesAndDerivesWithoutFindings() throws {
        let data = try Data(contentsOf: Self.examples.appendingPathComponent("journey-cp-and-care.json"))
        let journey = try JourneyDocument.decode(data)
        #expect(journey.childID == "C-1001")
        #expect(journey.periodsOfCare.first?.placements.count == 2)
        let derivation = derive(journey, standards: .defaults, calendar: england)
        #expect(derivation.findings.isEmpty, "\(derivation.findings)")
        #expect(derivation.obligations.first { $0.ruleID == .icpc }?.due == d("2025-12-24"))
        #expect(try JourneyDocument.decode(JourneyDocument.encode(journey)) == journey)
    }

    @Test(arguments: [
        (#"{"childID": "C", "periodsOfCare": [{"id": "P", "start": "2025-01-01", "placements": [{"id": "A", "start": "2025-01-01", "type": "U4"}, {"id": "B", "start": "2025-02-30", "type": "U4"}]}]}"#,
         "$.periodsOfCare[0].placements[1].start"),
        (#"{"childID": "C", "referrals": [{"id": "R"}]}"#, "$.referrals[0].received"),
        (#"{"childID": 7}"#, "$.childID"),
        (#"{"dateOfBirth": "2020-01-01"}"#, "$.childID"),
        (#"{"childID": "C", "conferences": [{"id": "I", "kind": "first", "date": "2025-01-01"}]}"#, "$.conferences[0].kind"),
        (#"{"childID": "C", "visits": {"id": "V"}}"#, "$.visits"),
        (#"{"childID": "C",, }"#, "$"),
        ("[]", "$"),
    ])
    func invalidDocumentsNameThePath(json: String, path: String) {
        do {
            _ = try JourneyDocument.decode(Data(json.utf8))
            Issue.record("expected \(path) to be refused")
        } catch {
            #expect(error.path == path, "\(error)")
            #expect(!error.message.isEmpty)
        }
    }

    @Test func listsMayBeLeftOut() throws {
        let journey = try JourneyDocument.decode(Data(#"{"childID": "C"}"#.utf8))
        #expect(journey == Journey(childID: "C"))
    }
}

@Suite struct ObligationsReportTests {
    let report = ObligationsReport(
        childID: "C", derivation: derive(Journey(childID: "C", referrals: [Referral(id: "R", received: d("2027-12-20"), decided: d("2027-12-21"))]),
                                         standards: .defaults, calendar: england),
        asOf: d("2027-12-22"), dueSoonDays: 7)

    @Test func jsonHasSortedKeysAndStatuses() throws {
        let text = report.json()
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        let rows = object?["obligations"] as? [[String: Any]]
        #expect(rows?.count == 2)
        #expect(rows?.first?["status"] as? String == "met_on_time")
        #expect(rows?.last?["status"] as? String == "upcoming")
        #expect(rows?.last?["provisional"] as? Bool == true)
        #expect(text.contains(#""metBy" : null"#))
        #expect(text == report.json())
        let keys = ["asOf", "childID", "dueSoonDays", "findings", "obligations"]
        #expect(keys.map { text.range(of: "\"\($0)\"")!.lowerBound } == keys.map { text.range(of: "\"\($0)\"")!.lowerBound }.sorted())
    }

    @Test func tableLinesUpAndMarksProvisionalDates() {
        let lines = report.table().split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[2].hasPrefix("DUE "))
        #expect(lines.contains { $0.hasPrefix("2027-12-21   met_on_time  front_door.referral_decision") })
        // 45 working days: 21–24, 29–31 Dec 2027, then 2028 with weekends only: 3 Jan … 23 Feb.
        #expect(lines.contains { $0.hasPrefix("2028-02-23*  upcoming") })
        #expect(report.table().contains("* provisional"))
    }
}
