import Fluent
import Foundation
import SQLKit
import LineOfSightCore
@testable import LineOfSightServer
import Testing
import Vapor
import VaporTesting

/// Recording a child's journey through the forms: the obligations each event starts or meets
/// appear at once, bad input is refused next to its field with nothing saved, corrections and
/// withdrawals keep history, and concurrent writes never leave stale obligations.
@Suite(.serialized) struct JourneyTests {
    /// The social worker's own child, born in 2018 so every date in March 2026 is after birth, with
    /// the demo's history taken away so each test starts from an empty journey.
    static func child(_ app: Application, _ demo: DemoAuthority) async throws -> Child {
        let child = try #require(try await Child.find(demo.socialWorkersChild.id, on: app.db))
        child.dateOfBirth = d("2018-05-01")
        child.expectedDateOfBirth = nil
        try await child.save(on: app.db)
        try await StoredEvent.query(on: app.db).filter(\.$child.$id == child.requireID()).delete()
        try await ChildDerivation(setup: .defaults).rederive(childID: child.requireID(), dateOfBirth: child.dateOfBirth, on: app.db)
        return child
    }

    @Test func theDemoHistoryIsPossibleAndShowsTheDriftInspectorsFind() async throws {
        try await withTestApp { app, demo in
            #expect(demo.events.count > demo.children.count * 3)
            let children = Dictionary(uniqueKeysWithValues: demo.children.map { ($0.id, $0) })
            var statuses: [RuleID: [ObligationStatus: Int]] = [:]
            for (childID, events) in Dictionary(grouping: demo.events, by: \.childID) {
                let born = children[childID]?.dateOfBirth
                let recorded = events.map { RecordedEvent(id: $0.id.uuidString, record: $0.record) }
                for event in recorded {
                    let others = Journey(childID: childID.uuidString, dateOfBirth: born, events: recorded.filter { $0.id != event.id }, allocations: [])
                    let problems = event.record.validate(in: RecordContext(today: testToday, dateOfBirth: born, journey: others))
                    #expect(problems.isEmpty, "demo \(type(of: event.record).list) for \(childID): \(problems)")
                }
                for obligation in try await DerivedRows.obligations(of: childID, on: app.db.sql) {
                    statuses[obligation.ruleID, default: [:]][obligation.status(asOf: testToday, dueSoonDays: 7), default: 0] += 1
                }
            }
            // About a third of the authority's children are looked after or have left care, with years of history.
            let lookedAfter = Dictionary(grouping: demo.events.filter { $0.record is PeriodOfCareRecord }, by: \.childID)
            #expect(lookedAfter.count * 4 > demo.children.count, "\(lookedAfter.count) of \(demo.children.count) looked after")
            #expect(demo.events.contains { $0.record is PlacementRecord } && demo.events.contains { $0.record is LegalStatusRecord })
            for rule in [RuleID.referralDecision, .assessment, .icpc, .cpVisit, .cinVisit, .action, .claFirstReview, .claReview,
                         .initialHealthAssessment, .pepInitial, .reg28FirstWeek, .placementPlan, .returnInterview, .needsAssessment, .pathwayReview] {
                #expect((statuses[rule]?[.overdue] ?? 0) + (statuses[rule]?[.metLate] ?? 0) > 0, "some \(rule) drift: \(statuses[rule] ?? [:])")
                #expect((statuses[rule]?[.metOnTime] ?? 0) > 0, "most \(rule) on time: \(statuses[rule] ?? [:])")
            }
        }
    }

    static func date(_ key: String, _ iso: String) -> [String: String] {
        let date = d(iso)
        return ["\(key)-day": String(date.day), "\(key)-month": String(date.month), "\(key)-year": String(date.year)]
    }

    static func stored(_ app: Application, _ child: Child) async throws -> [Obligation] {
        try await DerivedRows.obligations(of: child.requireID(), on: app.db.sql)
    }

    @Test func aStrategyDiscussionThatStartsEnquiriesPutsTheConferenceDueDateOnTheChildsPage() async throws {
        try await withTestApp { app, demo in
            let child = try await Self.child(app, demo)
            var worker = try await Visitor.signedIn(app, as: "social.worker")
            let path = "/children/\(child.id!)/record/strategyDiscussions"
            #expect(try await worker.get(path).status == .ok)
            let saved = try await worker.post(path, Self.date("date", "2026-03-20").merging(["agencies": "police", "s47Initiated": "yes",
                                                                                             "rationale": "Bruising seen at school"]) { $1 })
            #expect(saved.status == .seeOther)
            let event = try await worker.get(try #require(saved.location))
            #expect(event.body.string.contains("Strategy discussion recorded"))
            #expect(event.body.string.contains("Timescales this started"))
            let page = try await worker.get("/children/\(child.id!)").body.string
            // 15 working days after Friday 20 March 2026, Good Friday and Easter Monday not counted.
            #expect(page.contains("Initial child protection conference"))
            #expect(page.contains("14 April 2026"))
            #expect(page.contains("15 working days after the strategy discussion on Friday 20 March 2026; Friday 3 April 2026 (bank holiday), Monday 6 April 2026 (bank holiday) not counted."))
            #expect(page.contains("Section 47 enquiry"), "the stage follows the record")
            let icpc = try await Self.stored(app, child).first { $0.ruleID == .icpc }
            #expect(icpc?.due == d("2026-04-14"))
        }
    }

    @Test func aVisitWithTheChildSeenMeetsTheVisitThatWasDue() async throws {
        try await withTestApp { app, demo in
            let child = try await Self.child(app, demo)
            var worker = try await Visitor.signedIn(app, as: "social.worker")
            _ = try await worker.get("/children/\(child.id!)/record/cinPlans")
            #expect(try await worker.post("/children/\(child.id!)/record/cinPlans", Self.date("start", "2026-02-02")).status == .seeOther)
            let due = try #require(try await Self.stored(app, child).first { $0.ruleID == .cinVisit && $0.metBy == nil })
            _ = try await worker.get("/children/\(child.id!)/record/visits")
            let saved = try await worker.post("/children/\(child.id!)/record/visits", Self.date("date", "2026-02-20").merging([
                "kind": "planned", "location": "home", "seen": "yes", "seenAlone": "yes", "childsViews": "I like my new bedroom",
            ]) { $1 })
            #expect(saved.status == .seeOther)
            let page = try await worker.get(try #require(saved.location)).body.string
            #expect(page.contains("Timescales this met"))
            let met = try #require(try await Self.stored(app, child).first { $0.id == due.id })
            #expect(met.metBy?.date == d("2026-02-20"))
            #expect(met.status(asOf: testToday, dueSoonDays: 7) == .metOnTime)
        }
    }

    @Test func eachFormSaysBeforeSavingWhatItCanStartAndMeet() async throws {
        try await withTestApp { app, demo in
            let child = try await Self.child(app, demo)
            var worker = try await Visitor.signedIn(app, as: "social.worker")
            _ = try await worker.get("/children/\(child.id!)/record/cpPlans")
            #expect(try await worker.post("/children/\(child.id!)/record/cpPlans", Self.date("start", "2026-03-02")).status == .seeOther)
            let visitDue = try #require(try await Self.stored(app, child).first { $0.ruleID == .cpVisit && $0.metBy == nil })
            #expect(visitDue.due == d("2026-03-16"), "10 working days after Monday 2 March 2026")

            // The visit form names the child's open child protection visit with its stored due date,
            // and not the review conference that is also open, which a visit cannot meet.
            let form = try await worker.get("/children/\(child.id!)/record/visits").body.string
            let panel = try #require(Self.section(of: form, from: "For \(child.firstName), this can meet:", to: "Recording this can start:"))
            #expect(panel.contains("Child protection visit, due 16 March 2026"))
            #expect(!panel.contains("child protection review conference"))
            let starts = try #require(Self.section(of: form, from: "Recording this can start:", to: "It can meet:"))
            #expect(starts.contains("Child protection visit — due 10 working days after"))
            #expect(form.contains("Visit within a week of a placement starting"), "what a visit can meet, for any child")

            // A strategy discussion can start the initial conference; this child has nothing open it meets.
            let discussion = try await worker.get("/children/\(child.id!)/record/strategyDiscussions").body.string
            #expect(discussion.contains("Initial child protection conference — due 15 working days after"))
            #expect(!discussion.contains("this can meet:") && !discussion.contains("It can meet:"))

            // A significant event starts and meets nothing: no panel at all.
            let significant = try await worker.get("/children/\(child.id!)/record/significantEvents")
            #expect(significant.status == .ok)
            #expect(!significant.body.string.contains("Recording this can start") && !significant.body.string.contains("It can meet"))
            #expect(!significant.body.string.contains(">Timescales</h2>"))
        }
    }

    /// The part of a page between two pieces of text, if both are there in that order.
    static func section(of page: String, from start: String, to end: String) -> String? {
        guard let from = page.range(of: start), let to = page.range(of: end, range: from.upperBound..<page.endIndex) else { return nil }
        return String(page[from.upperBound..<to.lowerBound])
    }

    @Test func badInputIsRefusedNextToItsFieldAndNothingIsSaved() async throws {
        try await withTestApp { app, demo in
            let child = try await Self.child(app, demo)
            var worker = try await Visitor.signedIn(app, as: "social.worker")
            let visits = "/children/\(child.id!)/record/visits"
            _ = try await worker.get(visits)
            let cases: [([String: String], String)] = [
                ([:], "Enter the date of the visit"),
                (Self.date("date", "2026-04-01").merging(["kind": "planned", "location": "home", "seen": "yes"]) { $1 },
                 "The date of the visit must be today or in the past"),
                (Self.date("date", "2017-01-01").merging(["kind": "planned", "location": "home", "seen": "yes"]) { $1 },
                 "The date of the visit must be on or after the child’s date of birth"),
                (["date-day": "31", "date-month": "2", "date-year": "2026", "kind": "planned", "location": "home", "seen": "yes"],
                 "Date of the visit must be a real date"),
                (Self.date("date", "2026-03-01").merging(["kind": "sometimes", "location": "home", "seen": "yes"]) { $1 },
                 "Select one of the options"),
                (Self.date("date", "2026-03-01").merging(["kind": "planned", "location": "home", "seen": "no", "seenAlone": "yes"]) { $1 }, ""),
            ]
            for (fields, message) in cases {
                let response = try await worker.post(visits, fields)
                if message.isEmpty {
                    // Seen alone is asked only when the child was seen: the answer is ignored, not refused.
                    #expect(response.status == .seeOther)
                    continue
                }
                #expect(response.status == .unprocessableEntity, "\(fields)")
                #expect(response.body.string.contains(message), "\(fields) should say “\(message)”")
                #expect(response.body.string.contains("govuk-error-summary"))
            }
            let events = try await StoredEvent.query(on: app.db).filter(\.$child.$id == child.requireID()).all()
            #expect(events.count == 1)
            #expect(try (events[0].decodedRecord() as? VisitRecord)?.seenAlone == nil)

            // A conference before the strategy discussion that started the enquiries.
            _ = try await worker.get("/children/\(child.id!)/record/strategyDiscussions")
            _ = try await worker.post("/children/\(child.id!)/record/strategyDiscussions",
                                      Self.date("date", "2026-03-10").merging(["agencies": "police", "s47Initiated": "yes"]) { $1 })
            _ = try await worker.get("/children/\(child.id!)/record/conferences")
            let early = try await worker.post("/children/\(child.id!)/record/conferences",
                                              Self.date("date", "2026-03-05").merging(["kind": "initial", "planNeeded": "no"]) { $1 })
            #expect(early.status == .unprocessableEntity)
            #expect(early.body.string.contains("must be on or after the strategy discussion that started the enquiries"))
            #expect(try await worker.get("/children/\(child.id!)/record/nonsense").status == .notFound)
        }
    }

    @Test func aCorrectionKeepsHistoryAndAStaleOneIsRefusedWithTheInputKept() async throws {
        try await withTestApp { app, demo in
            let child = try await Self.child(app, demo)
            var worker = try await Visitor.signedIn(app, as: "social.worker")
            let record = "/children/\(child.id!)/record/strategyDiscussions"
            _ = try await worker.get(record)
            let saved = try await worker.post(record, Self.date("date", "2026-03-20").merging(["agencies": "police", "s47Initiated": "yes"]) { $1 })
            let eventPath = try #require(saved.location)
            var manager = try await Visitor.signedIn(app, as: "team.manager")
            // Both open the correction form at the same version.
            _ = try await worker.get(eventPath + "/correct")
            _ = try await manager.get(eventPath + "/correct")
            let first = try await worker.post(eventPath + "/correct", Self.date("date", "2026-03-19").merging(
                ["agencies": "police", "s47Initiated": "yes", "reason": "Wrong day typed"]) { $1 })
            #expect(first.status == .seeOther)
            let second = try await manager.post(eventPath + "/correct", Self.date("date", "2026-03-18").merging(
                ["agencies": "health", "s47Initiated": "no", "reason": "Checked the minutes"]) { $1 })
            #expect(second.status == .unprocessableEntity)
            #expect(second.body.string.contains("Someone else changed this record"))
            #expect(second.body.string.contains("Checked the minutes"), "what they typed is kept")
            let icpc = try await Self.stored(app, child).first { $0.ruleID == .icpc }
            #expect(icpc?.startedBy.date == d("2026-03-19"), "obligations follow the correction")
            let audit = try await AuditEvent.query(on: app.db).filter(\.$entity == "event").filter(\.$action == .update).all()
            #expect(audit.count == 1)
            #expect(audit.first?.detail.contains("Wrong day typed") == true)
            #expect(audit.first?.before?.contains("2026-03-20") == true && audit.first?.after?.contains("2026-03-19") == true)

            // A correction needs a reason.
            _ = try await worker.get(eventPath + "/correct")
            let noReason = try await worker.post(eventPath + "/correct", Self.date("date", "2026-03-19").merging(["agencies": "police", "s47Initiated": "yes"]) { $1 })
            #expect(noReason.status == .unprocessableEntity)
            #expect(noReason.body.string.contains("Enter why you are correcting it"))
        }
    }

    @Test func aWithdrawnEventLeavesTheJourneyButIsKept() async throws {
        try await withTestApp { app, demo in
            let child = try await Self.child(app, demo)
            var worker = try await Visitor.signedIn(app, as: "social.worker")
            let record = "/children/\(child.id!)/record/strategyDiscussions"
            _ = try await worker.get(record)
            let eventPath = try #require(try await worker.post(record, Self.date("date", "2026-03-20").merging(["agencies": "police", "s47Initiated": "yes"]) { $1 }).location)
            #expect(try await Self.stored(app, child).contains { $0.ruleID == .icpc })
            _ = try await worker.get(eventPath + "/withdraw")
            #expect(try await worker.post(eventPath + "/withdraw", [:]).status == .unprocessableEntity)
            #expect(try await worker.post(eventPath + "/withdraw", ["reason": "Recorded on the wrong child"]).status == .seeOther)
            #expect(try await Self.stored(app, child).contains { $0.ruleID == .icpc } == false)
            let page = try await worker.get(eventPath).body.string
            #expect(page.contains("This record was withdrawn: Recorded on the wrong child"))
            #expect(try await StoredEvent.query(on: app.db).filter(\.$child.$id == child.requireID()).count() == 1)
            #expect(try await worker.get(eventPath + "/correct").status == .notFound, "a withdrawn record cannot be corrected")
        }
    }

    @Test func theChronologyListsEveryEventAndPrintsWithoutNavigation() async throws {
        try await withTestApp { app, demo in
            let child = try await Self.child(app, demo)
            var worker = try await Visitor.signedIn(app, as: "social.worker")
            _ = try await worker.get("/children/\(child.id!)/record/visits")
            let visit = try #require(try await worker.post("/children/\(child.id!)/record/visits", Self.date("date", "2026-03-02").merging(
                ["kind": "unannounced", "location": "school", "seen": "yes", "seenAlone": "yes", "childsViews": "I want to see my brother more"]) { $1 }).location)
            _ = try await worker.get("/children/\(child.id!)/record/significantEvents")
            _ = try await worker.post("/children/\(child.id!)/record/significantEvents", Self.date("date", "2026-03-05").merging(
                ["event": "Father sentenced to 18 months", "analysis": "Loss of contact; watch for changes at school"]) { $1 })
            _ = try await worker.get(visit)
            #expect(try await worker.post(visit + "/significant", ["significant": "yes"]).status == .seeOther)
            // A second click asks for the same, and leaves it marked.
            _ = try await worker.get(visit)
            _ = try await worker.post(visit + "/significant", ["significant": "yes"])
            // An answer naming a member of staff is shown with their name (only the staff a page names are read).
            let owner = demo.account(.socialWorker)
            let ownerID = try #require(owner.staffID)
            _ = try await worker.get("/children/\(child.id!)/record/actions")
            let action = try #require(try await worker.post("/children/\(child.id!)/record/actions", Self.date("raised", "2026-03-05")
                .merging(Self.date("due", "2026-03-20")) { $1 }
                .merging(["description": "Ask the school about attendance", "ownerID": ownerID.uuidString]) { $1 }).location)
            #expect(try await worker.get(action).body.string.contains(owner.displayName))
            let all = try await worker.get("/children/\(child.id!)/chronology").body.string
            #expect(all.contains("I want to see my brother more") && all.contains("Father sentenced to 18 months"))
            #expect(all.contains("Ask the school about attendance") && all.contains(owner.displayName))
            let significant = try await worker.get("/children/\(child.id!)/chronology?significant=yes").body.string
            #expect(significant.contains("2 entries"))
            let visitsOnly = try await worker.get("/children/\(child.id!)/chronology?type=significantEvents").body.string
            #expect(visitsOnly.contains("1 entry") && !visitsOnly.contains("I want to see my brother more"))
            let print = try await worker.get("/children/\(child.id!)/chronology/print?significant=yes").body.string
            #expect(print.contains("Father sentenced") && !print.contains("app-navigation") && !print.contains("Sign out"))
            let page = try await worker.get("/children/\(child.id!)").body.string
            #expect(page.contains("Voice of the child") && page.contains("I want to see my brother more"))
        }
    }

    @Test func aChangeOfStandardsReDerivesEveryChildAtStartUpAndOnlyThen() async throws {
        try await withTestApp { app, demo in
            try await Rederivation.all(setup: .defaults, on: app.db)
            // A demo child on a child protection plan, whose visits the new standard spaces out.
            struct Row: Decodable { let child_id: UUID }
            let child = try #require(try await app.db.sql.select().column("child_id").from(DerivedRows.obligations)
                .where("rule", .equal, SQLBind(RuleID.cpVisit.rawValue)).first(decoding: Row.self)).child_id
            let before = try await DerivedRows.obligations(of: child, on: app.db.sql)
            #expect(before.contains { $0.ruleID == .cpVisit })
            // Derived again on the same basis, every child's obligations come out the same and are kept as they are.
            try await Rederivation.all(setup: .defaults, on: app.db)
            #expect(try await DerivedRows.obligations(of: child, on: app.db.sql) == before)
            // Rows removed behind the application's back stay removed while the basis is unchanged …
            try await app.db.sql.delete(from: DerivedRows.obligations).where("child_id", .equal, SQLBind(child)).run()
            try await Rederivation.ifBasisChanged(setup: .defaults, on: app.db, logger: app.logger)
            #expect(try await DerivedRows.obligations(of: child, on: app.db.sql).isEmpty)
            // … and a council's new visiting standard re-derives everyone with it.
            let slower = try StandardsFile.parse("standards:\n  visits.cp.interval_working_days: 15\n", path: "standards.yaml")
            try await Rederivation.ifBasisChanged(setup: slower, on: app.db, logger: app.logger)
            let after = try await DerivedRows.obligations(of: child, on: app.db.sql)
            let visit = { (list: [Obligation]) in list.filter { $0.ruleID == .cpVisit }.map(\.due) }
            #expect(!visit(after).isEmpty && visit(after) != visit(before))
        }
    }

    @Test func aChildsSummariesAreWrittenAgainOnlyWhenTheyComeOutDifferently() async throws {
        try await withTestApp { app, demo in
            try await Rederivation.all(setup: .defaults, on: app.db)
            struct Row: Decodable { let child_id: UUID; let stage: String }
            let child = try #require(try await app.db.sql.select().columns("child_id", "stage").from(DerivedRows.states)
                .where("stage", .equal, SQLBind(ChildState.Stage.childProtectionPlan.rawValue)).first(decoding: Row.self)).child_id
            func stage() async throws -> String? {
                let row = try await app.db.sql.select().columns("child_id", "stage").from(DerivedRows.states).where("child_id", .equal, SQLBind(child))
                    .first(decoding: Row.self)
                return row?.stage
            }
            let obligations = try await DerivedRows.obligations(of: child, on: app.db.sql)
            // A stage written behind the application's back stays while the child's summaries come out as stored …
            try await app.db.sql.update(DerivedRows.states).set("stage", to: SQLBind("noOpenWork")).where("child_id", .equal, SQLBind(child)).run()
            try await Rederivation.all(setup: .defaults, on: app.db)
            #expect(try await stage() == "noOpenWork")
            // … and once they differ from those the stored rows were written from, they are written again,
            // the obligations (the same) with them.
            try await app.db.sql.update(DerivedRows.states).set("summaries_digest", to: SQLBind("worked out otherwise"))
                .where("child_id", .equal, SQLBind(child)).run()
            try await Rederivation.all(setup: .defaults, on: app.db)
            #expect(try await stage() == ChildState.Stage.childProtectionPlan.rawValue)
            #expect(try await DerivedRows.obligations(of: child, on: app.db.sql) == obligations)
        }
    }

    @Test func aManagerAuthorisesAnAssessmentAndTheTimescaleIsMet() async throws {
        try await withTestApp { app, demo in
            let child = try await Self.child(app, demo)
            var worker = try await Visitor.signedIn(app, as: "social.worker")
            _ = try await worker.get("/children/\(child.id!)/record/referrals")
            _ = try await worker.post("/children/\(child.id!)/record/referrals", Self.date("received", "2026-02-02").merging(["decided-day": "3", "decided-month": "2", "decided-year": "2026", "noFurtherAction": "no"]) { $1 })
            _ = try await worker.get("/children/\(child.id!)/record/assessments")
            let assessment = try #require(try await worker.post("/children/\(child.id!)/record/assessments", Self.date("start", "2026-02-04").merging(
                Self.date("completed", "2026-03-20")) { $1 }).location)
            #expect(!(try await worker.get(assessment).body.string.contains("Authorise this assessment")), "only a manager authorises")
            var manager = try await Visitor.signedIn(app, as: "team.manager")
            #expect(try await manager.get("/my-work").body.string.contains(assessment), "waiting for the manager's authorisation")
            #expect(try await manager.get(assessment).body.string.contains("Authorise this assessment"))
            _ = try await manager.get(assessment + "/steps/authorise")
            let empty = try await manager.post(assessment + "/steps/authorise", [:])
            #expect(empty.status == .unprocessableEntity && empty.body.string.contains("Enter the date you authorised the assessment"))
            let done = try await manager.post(assessment + "/steps/authorise", Self.date("authorised", "2026-03-23").merging(["outcome": "childInNeedPlan"]) { $1 })
            #expect(done.status == .seeOther)
            let met = try #require(try await Self.stored(app, child).first { $0.ruleID == .assessment })
            #expect(met.metBy?.date == d("2026-03-23"))
            let audit = try await AuditEvent.query(on: app.db).filter(\.$detail == "Assessment authorised").count()
            #expect(audit == 1)
            #expect(try await worker.post(assessment + "/steps/authorise", [:]).status == .forbidden)
        }
    }

    @Test func otherTeamsChildrenAndTheirEventsStayHidden() async throws {
        try await withTestApp { app, demo in
            let child = try await Self.child(app, demo)
            var worker = try await Visitor.signedIn(app, as: "social.worker")
            _ = try await worker.get("/children/\(child.id!)/record/coreGroups")
            let eventPath = try #require(try await worker.post("/children/\(child.id!)/record/coreGroups", Self.date("date", "2026-03-02")).location)
            let eventID = try #require(eventPath.split(separator: "/").last)
            // The same event under another child's id is not found.
            let other = try #require(demo.children.first { $0.id != child.id })
            #expect(try await worker.get("/children/\(other.id)/events/\(eventID)").status == .notFound)
            var board = try await Visitor.signedIn(app, as: "board")
            #expect(try await board.get(eventPath).status == .forbidden)
            var iro = try await Visitor.signedIn(app, as: "iro")
            #expect(try await iro.get(eventPath + "/correct").status == .forbidden)
        }
    }

    @Test func everyViewOfTheChildIsOnTheVoiceOfTheChildPage() async throws {
        try await withTestApp { app, demo in
            let child = try await Self.child(app, demo)
            var worker = try await Visitor.signedIn(app, as: "social.worker")
            let path = "/children/\(child.id!)/record/visits"
            for day in 2...8 {
                _ = try await worker.get(path)
                _ = try await worker.post(path, Self.date("date", "2026-03-0\(day)").merging(
                    ["kind": "planned", "location": "home", "seen": "yes", "childsViews": "Said on day \(day)"]) { $1 })
            }
            let page = try await worker.get("/children/\(child.id!)").body.string
            #expect(page.contains("Said on day 8") && !page.contains("Said on day 2"), "the child's page shows the latest five")
            #expect(page.contains("All 7 views, wishes and feelings of \(child.firstName)"))
            let voice = try await worker.get("/children/\(child.id!)/voice").body.string
            #expect((2...8).allSatisfy { voice.contains("Said on day \($0)") })
            #expect(voice.range(of: "Said on day 8")!.lowerBound < voice.range(of: "Said on day 2")!.lowerBound, "newest first")
            #expect(try await AuditEvent.query(on: app.db).filter(\.$detail == "Viewed the voice of the child").count() == 1)
            var board = try await Visitor.signedIn(app, as: "board")
            #expect(try await board.get("/children/\(child.id!)/voice").status == .forbidden)
        }
    }

    /// Re-deriving everyone reads and derives each batch while the one before is written: a child
    /// whose record changed after their batch was read is derived again, in the transaction that
    /// writes the batch, from their record as it is then. Derived on other standards than the
    /// saves' own, so neither the stale derivation nor the one the save stored can pass for it.
    @Test func aChildChangedAfterTheirBatchWasReadIsStoredAsTheirRecordIsNow() async throws {
        try await withTestApp { app, demo in
            let child = try await Self.child(app, demo)
            let slower = try StandardsFile.parse("standards:\n  visits.cp.interval_working_days: 15\n", path: "standards.yaml")
            let derivation = ChildDerivation(setup: slower)
            let read = try await Rederivation.read([child.requireID()], derivation: derivation, on: app.db)
            var worker = try await Visitor.signedIn(app, as: "social.worker")
            _ = try await worker.get("/children/\(child.id!)/record/cpPlans")
            let saved = try await worker.post("/children/\(child.id!)/record/cpPlans", Self.date("start", "2026-01-05").merging(["category": "neglect"]) { $1 })
            #expect(saved.status == .seeOther)
            let savedRows = Set(try await Self.stored(app, child))
            try await app.db.transaction { db in try await Rederivation.write(read, derivation: derivation, today: nil, on: db) }
            let journey = try await ChildDerivation.journey(of: child.requireID(), dateOfBirth: child.dateOfBirth, on: app.db)
            let now = derive(journey, standards: slower.standards, calendar: slower.calendar).obligations.filter { $0.subject.kind == .child }
            let stale = try #require(read.first).derived.derivation.obligations.filter { $0.subject.kind == .child }
            #expect(Set(stale) != Set(now) && savedRows != Set(now), "the plan and the standard each change what is due")
            #expect(Set(try await Self.stored(app, child)) == Set(now))
        }
    }

    /// In batches, each read (on a second connection, where the database has one) while the one
    /// before is written: every child's stored obligations are what deriving their record gives.
    @Test func reDerivingEveryoneBatchByBatchStoresWhatEachRecordGives() async throws {
        try await withTestApp { app, _ in
            let slower = try StandardsFile.parse("standards:\n  visits.cp.interval_working_days: 15\n", path: "standards.yaml")
            var progress: [Int] = []
            try await Rederivation.all(setup: slower, on: app.db, reading: app.databaseBeside(app.db), batchSize: 50) { done, _ in progress.append(done) }
            let children = try await Child.query(on: app.db).sort(\.$id).all()
            #expect(progress == [50, 100, children.count])
            for child in children {
                let journey = try await ChildDerivation.journey(of: child.requireID(), dateOfBirth: child.dateOfBirth, on: app.db)
                let derived = derive(journey, standards: slower.standards, calendar: slower.calendar).obligations.filter { $0.subject.kind == .child }
                #expect(Set(try await Self.stored(app, child)) == Set(derived), "\(child.laChildID)")
            }
        }
    }

    @Test func concurrentRecordingLeavesObligationsThatMatchEveryEvent() async throws {
        try await withTestApp { app, demo in
            let child = try await Self.child(app, demo)
            var worker = try await Visitor.signedIn(app, as: "social.worker")
            _ = try await worker.get("/children/\(child.id!)/record/cpPlans")
            _ = try await worker.post("/children/\(child.id!)/record/cpPlans", Self.date("start", "2026-01-05").merging(["category": "neglect"]) { $1 })
            let path = "/children/\(child.id!)/record/visits"
            let days = Array(6...25)
            let opened = try await worker.opening(path, days.count)
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for (day, visitor) in zip(days, opened) {
                    var visitor = visitor
                    group.addTask {
                        try await visitor.post(path, Self.date("date", String(format: "2026-02-%02d", day)).merging(
                            ["kind": "planned", "location": "home", "seen": "yes"]) { $1 }).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == .seeOther }, "\(statuses)")
            #expect(try await StoredEvent.query(on: app.db).filter(\.$child.$id == child.requireID()).filter(\.$list == .visits).count() == days.count)
            // What is stored is exactly what deriving the whole journey now gives.
            let journey = try await ChildDerivation.journey(of: child.requireID(), dateOfBirth: child.dateOfBirth, on: app.db)
            let derived = derive(journey, standards: .defaults, calendar: .englandAndWales).obligations.filter { $0.subject.kind == .child }
            let stored = try await Self.stored(app, child)
            #expect(Set(stored) == Set(derived))
        }
    }
}

/// `d("2026-03-20")`: a date literal for tests; a typo stops the run at once.
func d(_ iso: String) -> CivilDate {
    guard let date = CivilDate(iso: iso) else { preconditionFailure("bad test date literal \(iso)") }
    return date
}
