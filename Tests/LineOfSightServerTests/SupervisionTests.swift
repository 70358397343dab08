import Fluent
import Foundation
import LineOfSightCore
@testable import LineOfSightServer
import Testing
import Vapor
import VaporTesting

/// Supervision as a record (issue 11 item 3): a manager records a session with a worker they
/// supervise and a case discussion per child, which is an event on the child's record and sets an
/// action in the one action model; the worker and manager see it, other workers do not; a session
/// in the future or a child of another team is refused; supervision overdue is flagged to the manager.
@Suite(.serialized) struct SupervisionTests {
    /// The demo social worker with no supervision recorded, started in post on `start`.
    static func unsupervised(_ app: Application, _ demo: DemoAuthority, start: String) async throws -> StaffMember {
        try await SupervisionDiscussion.query(on: app.db).delete()
        try await SupervisionSession.query(on: app.db).delete()
        let worker = try #require(try await StaffMember.find(demo.account(.socialWorker).staffID, on: app.db))
        worker.startDate = d(start)
        worker.newlyQualified = false
        try await worker.save(on: app.db)
        return worker
    }

    static func session(_ supervisee: UUID, _ date: String, kind: String = "individual") -> [String: String] {
        ["supervisee": supervisee.uuidString, "kind": kind].merging(JourneyTests.date("date", date)) { $1 }
    }

    @Test func aSessionInTheFutureOrWithSomeoneTheyDoNotSuperviseIsRefusedAndNothingSaved() async throws {
        try await withTestApp { app, demo in
            let worker = try await Self.unsupervised(app, demo, start: "2025-06-02")
            var manager = try await Visitor.signedIn(app, as: "team.manager")
            let form = try await manager.get("/supervision/new")
            #expect(form.status == .ok && form.body.string.contains(worker.fullName))
            let future = try await manager.post("/supervision/new", Self.session(try worker.requireID(), "2026-04-01"))
            #expect(future.status == .unprocessableEntity)
            #expect(future.body.string.contains("id=\"date-error\"") && future.body.string.contains("Date of the session must be today or in the past"))
            let stranger = try #require(demo.staff.first { $0.active && $0.jobRole.holdsCases && $0.managerID != demo.account(.teamManager).staffID })
            let notTheirs = try await manager.post("/supervision/new", Self.session(stranger.id, "2026-03-30"))
            #expect(notTheirs.status == .unprocessableEntity && notTheirs.body.string.contains("Select someone you supervise from the list"))
            let noKind = try await manager.post("/supervision/new", Self.session(try worker.requireID(), "2026-03-30", kind: "weekly"))
            #expect(noKind.status == .unprocessableEntity && noKind.body.string.contains("Select the kind of session"))
            #expect(try await SupervisionSession.query(on: app.db).count() == 0)
        }
    }

    @Test func aCaseDiscussionWithAnActionIsOnTheChildsRecordAndTheWorkersWork() async throws {
        try await withTestApp { app, demo in
            let worker = try await Self.unsupervised(app, demo, start: "2025-06-02")
            let workerID = try worker.requireID()
            let child = try await JourneyTests.child(app, demo)
            var manager = try await Visitor.signedIn(app, as: "team.manager")
            _ = try await manager.get("/supervision/new")
            let created = try await manager.post("/supervision/new", Self.session(workerID, "2026-03-30"))
            #expect(created.status == .seeOther)
            let session = try #require(try await SupervisionSession.query(on: app.db).first())
            let discuss = "/supervision/\(try session.requireID())/discuss"
            #expect(try await manager.get(discuss).body.string.contains("\(child.firstName) \(child.lastName)"))

            // Another team's child cannot be discussed, even in a forged form.
            let restricted = Set(demo.children.filter(\.restricted).map(\.id))
            let other = try #require(demo.allocations.first { $0.end == nil && $0.workerID != workerID && !restricted.contains($0.childID) }).childID
            let forged = try await manager.post(discuss, ["child": other.uuidString, "decision": "Close the case"])
            #expect(forged.status == .unprocessableEntity && forged.body.string.contains("only children allocated to the worker"))
            // An action needs its owner and due date.
            let half = try await manager.post(discuss, ["child": try child.requireID().uuidString, "description": "Visit at school"])
            #expect(half.status == .unprocessableEntity && half.body.string.contains("id=\"ownerID-error\""))
            #expect(try await StoredEvent.query(on: app.db).filter(\.$child.$id == child.requireID()).count() == 0)

            // A discussion with nothing decided: allowed, and shown as such.
            #expect(try await manager.post(discuss, ["child": try child.requireID().uuidString, "reflection": "Talked it through"]).status == .seeOther)
            // One with a decision and an action.
            let fields = ["child": try child.requireID().uuidString, "reflection": "School attendance is falling",
                          "decision": "Meet the school this week", "description": "Meet the designated safeguarding lead",
                          "ownerID": workerID.uuidString].merging(JourneyTests.date("due", "2026-04-10")) { $1 }
            _ = try await manager.get(discuss)
            #expect(try await manager.post(discuss, fields).status == .seeOther)

            let events = try await StoredEvent.query(on: app.db).filter(\.$child.$id == child.requireID()).all()
            let discussions = events.filter { $0.list == .caseDiscussions }
            let links = try await SupervisionDiscussion.query(on: app.db).count()
            #expect(discussions.count == 2 && links == 2)
            let action = try #require(try events.first { $0.list == .actions }?.decodedRecord() as? ActionRecord)
            let decided = try #require(try discussions.first { try ($0.decodedRecord() as? CaseDiscussionRecord)?.decision != nil })
            #expect(action.sourceID == decided.id?.uuidString && action.raised == d("2026-03-30") && action.ownerID == workerID.uuidString)

            let page = try await manager.get("/supervision/\(try session.requireID())").body.string
            #expect(page.contains("No decision or action recorded") && page.contains("Meet the designated safeguarding lead"))

            // The worker sees the session, the action in their work and the discussion on the child's record.
            var social = try await Visitor.signedIn(app, as: "social.worker")
            #expect(try await social.get("/supervision/\(try session.requireID())").status == .ok)
            // My work lists the worker's open actions by child and due date.
            let work = try await social.get("/my-work").body.string
            let actions = try #require(work.components(separatedBy: "id=\"actions\"").last)
            #expect(actions.contains("\(child.firstName) \(child.lastName)") && actions.contains("10 April 2026"))
            let record = try await social.get("/children/\(try child.requireID())/chronology").body.string
            #expect(record.contains("Management oversight: case discussion"))
            #expect(try await social.get("/supervision/\(try session.requireID())/discuss").status == .forbidden)

            // Another worker of the team does not see it, nor can they record one.
            let colleague = try #require(try await StaffMember.query(on: app.db).filter(\.$team.$id == worker.$team.id!).filter(\.$jobRole == .socialWorker)
                .filter(\.$id != workerID).first())
            try await User(username: "colleague", displayName: colleague.fullName, passwordHash: try Bcrypt.hash(DemoAuthority.password, cost: 4),
                           role: .socialWorker, staffID: colleague.id).create(on: app.db)
            var colleagueVisitor = try await Visitor.signedIn(app, as: "colleague")
            #expect(try await colleagueVisitor.get("/supervision/\(try session.requireID())").status == .notFound)

            // A head of service sees the teams' discussions counted, the empty one among them.
            var head = try await Visitor.signedIn(app, as: "head.of.service")
            let counts = try await head.get("/supervision").body.string
            #expect(counts.contains("With no decision or action recorded") && counts.contains("1 (50%)"))
        }
    }

    @Test func overdueSupervisionIsFlaggedToTheManagerUntilASessionIsRecorded() async throws {
        try await withTestApp { app, demo in
            // Started 5 January 2026, never supervised: the first session was due 4 weeks on, 2 February.
            let worker = try await Self.unsupervised(app, demo, start: "2026-01-05")
            var manager = try await Visitor.signedIn(app, as: "team.manager")
            let work = try await manager.get("/my-work").body.string
            #expect(work.contains("Supervision you lead") && work.contains("People you supervise (") && work.contains("2 February 2026"))
            let staffPage = try await manager.get("/staff/\(try worker.requireID())").body.string
            #expect(staffPage.contains("At least every 4 weeks") && staffPage.contains("2 February 2026") && staffPage.contains("Overdue"))
            // A group session does not meet the standard; an individual one does: next due 4 weeks after it.
            _ = try await manager.get("/supervision/new")
            #expect(try await manager.post("/supervision/new", Self.session(try worker.requireID(), "2026-03-20", kind: "group")).status == .seeOther)
            #expect(try await manager.get("/staff/\(try worker.requireID())").body.string.contains("2 February 2026"))
            _ = try await manager.get("/supervision/new")
            #expect(try await manager.post("/supervision/new", Self.session(try worker.requireID(), "2026-03-23")).status == .seeOther)
            let after = try await manager.get("/staff/\(try worker.requireID())").body.string
            #expect(after.contains("20 April 2026") && after.contains("23 March 2026") && !after.contains(">Overdue<"))
            // Nobody else's supervision is on the page of a colleague who does not manage them.
            var qa = try await Visitor.signedIn(app, as: "qa.lead")
            #expect(!(try await qa.get("/staff/\(try worker.requireID())").body.string.contains("Supervision standard")))
        }
    }
}
