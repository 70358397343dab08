import Fluent
import Foundation
import LineOfSightCore
@testable import LineOfSightServer
import Testing
import Vapor
import VaporTesting

/// The front door through the forms: a worker records and screens a contact, a manager
/// authorises its next step from My work, the worker records that the person who made it was told;
/// the manager's answers are theirs alone, in the forms and the API; two managers deciding at once
/// never both save.
@Suite(.serialized) struct FrontDoorTests {
    static let contact = JourneyTests.date("received", "2026-03-02").merging([
        "receivedTime": "09:05", "source": "2A", "referrer": "Designated safeguarding lead, St Mary's",
        "concerns": "Child came to school with a burn on the hand.", "consent": "overridden",
        "consentRationale": "Asking the father would put the child at risk.", "screening": "referral",
    ]) { $1 }

    static func decision(_ iso: String) -> [String: String] {
        JourneyTests.date("decided", iso).merging(["outcome": "referral", "decisionRationale": "Threshold for an assessment met."]) { $1 }
    }

    @Test func aContactIsScreenedAuthorisedByAManagerAndTheReferrerTold() async throws {
        try await withTestApp { app, demo in
            let child = try await JourneyTests.child(app, demo)
            var worker = try await Visitor.signedIn(app, as: "social.worker")
            let path = "/children/\(child.id!)/record/contacts"
            let form = try await worker.get(path).body.string
            #expect(form.contains("Who made the contact") && !form.contains("Date a manager authorised the next step"),
                    "a worker does not see the manager's questions")

            let noReason = try await worker.post(path, Self.contact.merging(["consentRationale": ""]) { $1 })
            #expect(noReason.status == .unprocessableEntity && noReason.body.string.contains("Enter why consent was overridden"))
            let bad = try await worker.post(path, Self.contact.merging(["receivedTime": "9.5"]) { $1 })
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("Enter the time as hours and minutes on the 24-hour clock, for example 14:30"))
            #expect(bad.body.string.contains("value=\"9.5\""), "what was typed is kept")
            #expect(try await StoredEvent.query(on: app.db).filter(\.$child.$id == child.requireID()).count() == 0)

            // A worker's answers to the manager's questions are ignored, not saved.
            let saved = try await worker.post(path, Self.contact.merging(Self.decision("2026-03-02")) { $1 })
            let event = try #require(saved.location)
            let decision = try #require(try await JourneyTests.stored(app, child).first { $0.ruleID == .contactDecision })
            #expect(decision.due == d("2026-03-03") && decision.metBy == nil)
            #expect(try await worker.get("/children/\(child.id!)").body.string.contains("Contact awaiting a decision"))
            #expect(!(try await worker.get(event).body.string.contains("Authorise the next step")))
            #expect(try await worker.post(event + "/steps/decide", Self.decision("2026-03-03")).status == .forbidden)

            var manager = try await Visitor.signedIn(app, as: "team.manager")
            let work = try await manager.get("/my-work").body.string
            #expect(work.contains(event + "/steps/decide"), "waiting for the manager in My work")
            #expect(work.contains("Authorise the next step (contact)"))
            _ = try await manager.get(event + "/steps/decide")
            let empty = try await manager.post(event + "/steps/decide", [:])
            #expect(empty.status == .unprocessableEntity)
            for message in ["Enter the date you authorised the next step", "Select the next step you authorised", "Enter why you chose this next step"] {
                #expect(empty.body.string.contains(message))
            }
            #expect(try await manager.post(event + "/steps/decide", Self.decision("2026-03-04")).status == .seeOther)
            let obligations = try await JourneyTests.stored(app, child)
            #expect(obligations.first { $0.ruleID == .contactDecision }?.metBy?.date == d("2026-03-04"))
            #expect(obligations.first { $0.ruleID == .referrerFeedback }?.due == d("2026-03-05"))
            #expect(!(try await manager.get("/my-work").body.string.contains(event + "/steps/decide")), "no longer waiting")
            #expect(try await AuditEvent.query(on: app.db).filter(\.$detail == "Next step for the contact authorised").count() == 1)

            let page = try await worker.get(event).body.string
            #expect(page.contains("Record that they were told the outcome"))
            _ = try await worker.get(event + "/steps/told")
            #expect(try await worker.post(event + "/steps/told", JourneyTests.date("referrerInformed", "2026-03-05")).status == .seeOther)
            let told = try await JourneyTests.stored(app, child).first { $0.ruleID == .referrerFeedback }
            #expect(told?.status(asOf: testToday, dueSoonDays: 7) == .metOnTime)
        }
    }

    @Test func nobodyIsToldAboutAnAnonymousContact() async throws {
        try await withTestApp { app, demo in
            let child = try await JourneyTests.child(app, demo)
            var manager = try await Visitor.signedIn(app, as: "team.manager")
            let path = "/children/\(child.id!)/record/contacts"
            let form = try await manager.get(path).body.string
            #expect(form.contains("Date a manager authorised the next step"), "a manager may decide as they record")
            let saved = try await manager.post(path, Self.contact.merging(Self.decision("2026-03-02")) { $1 }.merging(["source": "9", "referrer": ""]) { $1 })
            let event = try #require(saved.location)
            let page = try await manager.get(event).body.string
            #expect(!page.contains("Record that they were told the outcome") && !page.contains("Authorise the next step"))
            let rules = Set(try await JourneyTests.stored(app, child).map(\.ruleID))
            #expect(rules.contains(.contactDecision) && !rules.contains(.referrerFeedback))
        }
    }

    @Test func aReReferralIsFlaggedOnTheReferralAndInTheChronology() async throws {
        try await withTestApp { app, demo in
            let child = try await JourneyTests.child(app, demo)
            var worker = try await Visitor.signedIn(app, as: "social.worker")
            let path = "/children/\(child.id!)/record/referrals"
            _ = try await worker.get(path)
            _ = try await worker.post(path, JourneyTests.date("received", "2025-06-02"))
            _ = try await worker.get(path)
            let second = try #require(try await worker.post(path, JourneyTests.date("received", "2026-03-02")).location)
            #expect(try await worker.get(second).body.string.contains("Re-referral"))
            let chronology = try await worker.get("/children/\(child.id!)/chronology").body.string
            #expect(chronology.contains("Within 12 months of the referral received on 2 June 2025"))
        }
    }

    @Test func theAPIRefusesAManagersAnswerFromAWorker() async throws {
        try await withTestApp { app, demo in
            let child = try await JourneyTests.child(app, demo)
            let token = try await JourneyAPITests.token(app, "social.worker")
            let path = "/api/v1/children/\(child.id!)/journey/contacts"
            let body = #"{"received": "2026-03-02", "source": "6", "decided": "2026-03-02", "outcome": "advice"}"#
            let (status, text) = try await JourneyAPITests.send(app, .POST, path, token: token, json: body)
            #expect(status == .unprocessableEntity)
            #expect(text.contains("$.decided") && text.contains("only a team manager, head of service or director may record this"))
            let fine = #"{"received": "2026-03-02", "source": "6", "receivedTime": "23:59"}"#
            #expect(try await JourneyAPITests.send(app, .POST, path, token: token, json: fine).0 == .created)
        }
    }

    @Test func twoManagersDecidingAtOnceNeverBothSave() async throws {
        try await withTestApp { app, demo in
            let child = try await JourneyTests.child(app, demo)
            var worker = try await Visitor.signedIn(app, as: "social.worker")
            let path = "/children/\(child.id!)/record/contacts"
            _ = try await worker.get(path)
            let event = try #require(try await worker.post(path, Self.contact).location)
            let manager = try await Visitor.signedIn(app, as: "team.manager")
            let statuses = try await manager.postAtOnce(event + "/steps/decide", ["2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"].map(Self.decision))
            #expect(statuses.filter { $0 == .seeOther }.count == 1, "\(statuses)")
            #expect(statuses.filter { $0 == .unprocessableEntity }.count == 3, "the others are told someone else changed it")
            #expect(try await AuditEvent.query(on: app.db).filter(\.$detail == "Next step for the contact authorised").count() == 1)
            let stored = try #require(try await StoredEvent.find(UUID(uuidString: String(event.split(separator: "/").last!)), on: app.db))
            #expect(stored.version == 2)
        }
    }
}
