import Fluent
import Foundation
import LineOfSightCore
@testable import LineOfSightServer
import Testing
import Vapor
import VaporTesting

/// The connected-person full assessment, the long-term fostering match and pre-proceedings reviews
/// through the forms: each shows on the child's page, in My work and as the tracker's next
/// milestone while it is next, and the decision that concludes it moves the tracker on. Today is
/// 31 March 2026.
@Suite(.serialized) struct PermanenceMilestoneTests {
    static func inCare(since start: String, _ worker: inout Visitor, _ record: String) async throws {
        _ = try await worker.get(record + "periodsOfCare")
        #expect(try await worker.post(record + "periodsOfCare", LookedAfterTests.period.merging(JourneyTests.date("start", start)) { $1 }).status == .seeOther)
    }

    static func post(_ worker: inout Visitor, _ record: String, _ list: String, _ form: [String: String]) async throws -> TestingHTTPResponse {
        _ = try await worker.get(record + list)
        return try await worker.post(record + list, form)
    }

    @Test func theFullAssessmentOfConnectedCarersIsDueWhenTemporaryApprovalRunsOut() async throws {
        try await withTestApp { app, demo in
            let child = try await JourneyTests.child(app, demo)
            var worker = try await Visitor.signedIn(app, as: "social.worker")
            let record = "/children/\(child.id!)/record/"
            try await Self.inCare(since: "2025-11-03", &worker, record)
            #expect(try await Self.post(&worker, record, "permanenceOptions", JourneyTests.date("considered", "2025-11-10").merging([
                "route": "connectedPerson", "who": "Maternal aunt", "assessment": "connectedPerson",
            ]) { $1 }.merging(JourneyTests.date("assessmentStarted", "2025-11-10")) { $1 }).status == .seeOther)
            #expect(try await Self.post(&worker, record, "permanencePlans", JourneyTests.date("date", "2026-01-05").merging(["plans": "LTRELFR"]) { $1 })
                .status == .seeOther)
            #expect(try await Self.post(&worker, record, "temporaryApprovals", JourneyTests.date("start", "2025-11-03").merging(["carers": "Ms Kelly"]) { $1 })
                .status == .seeOther)

            let title = "Connected person full assessment concluded"
            let row = try #require(PermanenceTests.row(of: child, in: try await worker.get("/permanence").body.string))
            #expect(row.contains(title) && row.contains("23 February 2026") && row.contains("govuk-tag--red"),
                    "3 November 2025 + 16 weeks, overdue: the next milestone")
            #expect(try await worker.get("/children/\(child.id!)").body.string.contains(title))
            #expect(try await worker.get("/my-work").body.string.contains(title))

            // Only the fostering panel or the agency decision maker concludes it.
            let wrong = try await Self.post(&worker, record, "permanenceDecisions", JourneyTests.date("date", "2026-03-25").merging([
                "forum": "permanencePanel", "decision": "Aunt approved", "concludes": "connectedPersonAssessment",
            ]) { $1 })
            #expect(wrong.status == .unprocessableEntity && wrong.body.string.contains("concluded by the fostering panel or the agency decision maker"))
            #expect(try await Self.post(&worker, record, "permanenceDecisions", JourneyTests.date("date", "2026-03-25").merging([
                "forum": "fosteringPanel", "route": "connectedPerson", "decision": "Recommended approval of the aunt as foster carer",
                "concludes": "connectedPersonAssessment",
            ]) { $1 }).status == .seeOther)
            let moved = try #require(PermanenceTests.row(of: child, in: try await worker.get("/permanence").body.string))
            #expect(!moved.contains(title) && moved.contains("Connected person temporary approval resolved"),
                    "assessed (late); the approval itself waits for the agency decision")
            let stored = try await JourneyTests.stored(app, child).first { $0.ruleID == .connectedPersonAssessment }
            #expect(stored?.metBy?.date == d("2026-03-25") && stored?.status(asOf: testToday, dueSoonDays: 7) == .metLate)
        }
    }

    @Test func aLongTermFosteringPlanWaitsForItsMatchUntilANominatedOfficerApprovesIt() async throws {
        try await withTestApp { app, demo in
            let child = try await JourneyTests.child(app, demo)
            var worker = try await Visitor.signedIn(app, as: "social.worker")
            let record = "/children/\(child.id!)/record/"
            try await Self.inCare(since: "2025-06-02", &worker, record)
            #expect(try await Self.post(&worker, record, "permanenceOptions", JourneyTests.date("considered", "2025-06-20").merging([
                "route": "longTermFostering",
            ]) { $1 }).status == .seeOther)
            #expect(try await Self.post(&worker, record, "permanencePlans", JourneyTests.date("date", "2025-08-29").merging(["plans": "LTFOST18"]) { $1 })
                .status == .seeOther)

            let title = "Long-term fostering match approved"
            let row = try #require(PermanenceTests.row(of: child, in: try await worker.get("/permanence").body.string))
            #expect(row.contains(title) && row.contains("28 February 2026") && row.contains("govuk-tag--red"),
                    "29 August + 6 months, clipped to the end of February")
            #expect(try await worker.get("/children/\(child.id!)").body.string.contains(title))
            #expect(try await worker.get("/my-work").body.string.contains(title))

            let csv = try await worker.get("/permanence?format=csv").body.string
            #expect(csv.split(separator: "\n").contains { $0.contains(child.fullName) && $0.contains(title) && $0.contains("28 February 2026 (overdue)") })

            #expect(try await Self.post(&worker, record, "permanenceDecisions", JourneyTests.date("date", "2026-03-20").merging([
                "forum": "nominatedOfficer", "route": "longTermFostering", "decision": "Long-term match with Mr and Mrs Lane approved",
                "concludes": "longTermFosteringMatch",
            ]) { $1 }).status == .seeOther)
            let moved = try #require(PermanenceTests.row(of: child, in: try await worker.get("/permanence").body.string))
            #expect(!moved.contains(title) && moved.contains("Nominated officer, 20 March 2026"))
        }
    }

    @Test func preProceedingsWithNoReviewHeldShowTheirReviewOverdue() async throws {
        try await withTestApp { app, demo in
            let child = try await JourneyTests.child(app, demo)
            var worker = try await Visitor.signedIn(app, as: "social.worker")
            let record = "/children/\(child.id!)/record/"
            #expect(try await Self.post(&worker, record, "preProceedings", JourneyTests.date("date", "2026-01-05").merging([
                "decision": "preProceedings", "reason": "Neglect continuing despite the plan.",
            ]) { $1 }.merging(JourneyTests.date("letterSent", "2026-01-07")) { $1 }).status == .seeOther)
            let list = try await worker.get("/pre-proceedings").body.string
            #expect(list.contains("Next review"))
            let row = try #require(PermanenceTests.row(of: child, in: list))
            #expect(row.contains("18 February 2026 <strong class=\"govuk-tag govuk-tag--red\">Overdue"), "7 January + 6 weeks, none held")
            #expect(try await worker.get("/my-work").body.string.contains("Pre-proceedings review"))

            // A review before the letter is refused next to its date; one after it sets the next.
            let early = try await Self.post(&worker, record, "ploReviews", JourneyTests.date("date", "2026-01-06"))
            #expect(early.status == .unprocessableEntity && early.body.string.contains("No pre-proceedings are recorded as started on or before 6 January 2026"))
            #expect(try await Self.post(&worker, record, "ploReviews", JourneyTests.date("date", "2026-02-16").merging([
                "outcome": "Some progress with the parenting programme; continue for six weeks.",
            ]) { $1 }).status == .seeOther)
            let reviewed = try #require(PermanenceTests.row(of: child, in: try await worker.get("/pre-proceedings").body.string))
            #expect(reviewed.contains("30 March 2026 <strong class=\"govuk-tag govuk-tag--red\">Overdue"), "16 February + 6 weeks")
            #expect(try await Self.post(&worker, record, "ploReviews", JourneyTests.date("date", "2026-03-30")).status == .seeOther)
            let again = try #require(PermanenceTests.row(of: child, in: try await worker.get("/pre-proceedings").body.string))
            #expect(again.contains("11 May 2026") && !again.contains("govuk-tag--red\">Overdue"), "30 March + 6 weeks: not yet due")
            let csv = try await worker.get("/pre-proceedings?format=csv").body.string
            #expect(csv.contains("Next review") && csv.contains("11 May 2026"))
        }
    }
}
