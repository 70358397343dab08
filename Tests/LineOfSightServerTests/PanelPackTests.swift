import Fluent
import Foundation
import LineOfSightCore
@testable import LineOfSightServer
import Testing
import Vapor
import VaporTesting

/// Panel packs: a team manager prepares a pack for a permanence panel or legal gateway meeting from
/// the tracker (the children chosen, or every child with an overdue milestone), prints it, and
/// records every child's decision and action in one form: all saved, or none with each problem next
/// to its child's field. Nobody outside the reader's scope appears in a pack or can be recorded for.
@Suite(.serialized) struct PanelPackTests {
    /// The three children of these tests, each with no events of their own: two in the demo team
    /// manager's team (the first is the demo social worker's), and one in another team.
    struct Children {
        let first: Child, second: Child, otherTeams: Child
    }

    static func children(_ app: Application, _ demo: DemoAuthority) async throws -> Children {
        let first = try await JourneyTests.child(app, demo)
        let team = try #require(demo.allocations.first { $0.childID == first.id && $0.end == nil }).teamID
        let restricted = Set(demo.children.filter(\.restricted).map(\.id))
        let open = demo.allocations.filter { $0.end == nil && !restricted.contains($0.childID) }
        let second = try #require(open.first { $0.teamID == team && $0.childID != first.id }).childID
        let other = try #require(open.first { $0.teamID != team }).childID
        return Children(first: first, second: try await fresh(app, second), otherTeams: try await fresh(app, other))
    }

    /// The child with no events and a date of birth well before any of the tests' dates.
    static func fresh(_ app: Application, _ id: UUID) async throws -> Child {
        let child = try #require(try await Child.find(id, on: app.db))
        child.dateOfBirth = d("2015-06-01")
        child.expectedDateOfBirth = nil
        try await child.save(on: app.db)
        try await StoredEvent.query(on: app.db).filter(\.$child.$id == id).delete()
        try await ChildDerivation(setup: .defaults).rederive(childID: id, dateOfBirth: child.dateOfBirth, on: app.db)
        return child
    }

    /// Records the child coming into care on `start` (the director may record for anyone).
    static func lookedAfter(_ child: Child, from start: String, _ director: inout Visitor) async throws {
        let path = "/children/\(child.id!)/record/periodsOfCare"
        _ = try await director.get(path)
        #expect(try await director.post(path, LookedAfterTests.period.merging(JourneyTests.date("start", start)) { $1 }).status == .seeOther)
    }

    static func records(_ app: Application, _ child: Child) async throws -> [any JourneyRecord] {
        try await StoredEvent.query(on: app.db).filter(\.$child.$id == child.requireID()).all().map { try $0.decodedRecord() }
    }

    static func decisionsPath(_ meeting: PanelMeeting, _ date: String, _ children: [Child]) -> String {
        let day = d(date)
        return "/permanence/panel/decisions?meeting=\(meeting.rawValue)&date-day=\(day.day)&date-month=\(day.month)&date-year=\(day.year)&children="
            + children.map { $0.id!.uuidString }.joined(separator: "+")
    }

    static func field(_ child: Child, _ name: String) -> String { "child-\(child.id!.uuidString)-\(name)" }

    static func sections(_ html: String) -> Int { html.components(separatedBy: "<section class=\"app-pack-child\"").count - 1 }

    @Test func thePackListsTheChosenChildrenOrEveryOverdueOneAndNobodyOutsideTheReadersScope() async throws {
        try await withTestApp { app, demo in
            let children = try await Self.children(app, demo)
            var director = try await Visitor.signedIn(app, as: "director")
            for child in [children.first, children.second, children.otherTeams] { try await Self.lookedAfter(child, from: "2026-03-02", &director) }
            // A viability assessment started on 10 March was due on 24 March (10 working days): overdue.
            var worker = try await Visitor.signedIn(app, as: "social.worker")
            let record = "/children/\(children.first.id!)/record/permanenceOptions"
            _ = try await worker.get(record)
            #expect(try await worker.post(record, JourneyTests.date("considered", "2026-03-09").merging([
                "route": "connectedPerson", "who": "Maternal grandmother", "assessment": "viability",
            ]) { $1 }.merging(JourneyTests.date("assessmentStarted", "2026-03-10")) { $1 }).status == .seeOther)
            let actions = "/children/\(children.first.id!)/record/actions"
            _ = try await worker.get(actions)
            #expect(try await worker.post(actions, JourneyTests.date("raised", "2026-03-10").merging(JourneyTests.date("due", "2026-03-20")) { $1 }
                .merging(["description": "Book the family group conference", "ownerID": try #require(demo.account(.socialWorker).staffID).uuidString]) { $1 })
                .status == .seeOther)

            var manager = try await Visitor.signedIn(app, as: "team.manager")
            let tracker = try await manager.get("/permanence").body.string
            #expect(tracker.contains("href=\"/permanence/panel\""), "the tracker links to preparing a pack")
            let choosing = try await manager.get("/permanence/panel").body.string
            #expect(choosing.contains("Prepare a panel pack") && choosing.contains("value=\"\(children.first.id!.uuidString)\""))
            #expect(!choosing.contains(children.otherTeams.id!.uuidString), "only the reader's children are offered")

            let date = "meeting=permanence-panel&date-day=14&date-month=4&date-year=2026"
            let chosen = try await manager.get("/permanence/panel/pack?\(date)&which=chosen&child=\(children.first.id!)&child=\(children.otherTeams.id!)")
            #expect(chosen.status == .ok)
            let pack = chosen.body.string
            #expect(pack.contains("Permanence panel, Tuesday 14 April 2026") && Self.sections(pack) == 1)
            #expect(pack.contains(children.first.firstName + " " + children.first.lastName))
            #expect(!pack.contains(children.otherTeams.id!.uuidString), "another team's child is not in the pack, even when asked for by id")
            #expect(pack.contains("Maternal grandmother") && pack.contains("Viability assessment, started 10 March 2026"))
            #expect(pack.contains("Viability assessment: overdue since 24 March 2026"), "the overdue milestone is a decision needed")
            #expect(pack.contains("Agree a permanence plan: none is agreed") && pack.contains("govuk-tag--red\">Overdue"))
            #expect(pack.contains("Action: Book the family group conference, due 20 March 2026"), "an overdue action is named")
            #expect(pack.contains("Pursue or rule out living with family or friends (connected person) (Maternal grandmother)"))
            #expect(!pack.contains("app-navigation"), "a print view")
            #expect(pack.contains("/permanence/panel/decisions?meeting=permanence-panel"), "a manager can record the decisions from it")
            #expect(try await AuditEvent.query(on: app.db)
                .filter(\.$detail == "Printed a panel pack for the permanence panel on 14 April 2026: 1 child").count() == 1)

            // Every overdue child is every child the tracker shows red.
            let printed = try await manager.get("/permanence?format=print").body.string
            let red = printed.components(separatedBy: "<td class=\"govuk-table__cell\">Red</td>").count - 1
            let overdue = try await manager.get("/permanence/panel/pack?\(date)&which=overdue").body.string
            #expect(red > 0 && Self.sections(overdue) == red)
            #expect(overdue.contains(children.first.lastName) && overdue.contains("every child with an overdue milestone"))
            #expect(!overdue.contains(children.otherTeams.id!.uuidString))
            let otherTeam = try #require(demo.allocations.first { $0.childID == children.otherTeams.id && $0.end == nil }).teamID
            let filtered = try await manager.get("/permanence/panel/pack?\(date)&which=overdue&team=\(otherTeam)")
            #expect(filtered.status == .unprocessableEntity && filtered.body.string.contains("No child among these has an overdue milestone"))

            var iro = try await Visitor.signedIn(app, as: "iro")
            let read = try await iro.get("/permanence/panel/pack?\(date)&which=chosen&child=\(children.first.id!)").body.string
            #expect(read.contains(children.first.lastName) && !read.contains("/permanence/panel/decisions"), "an IRO reads the pack, a manager records")
        }
    }

    @Test func aPackThatCannotBePreparedSaysWhyNextToEachField() async throws {
        try await withTestApp { app, _ in
            var manager = try await Visitor.signedIn(app, as: "team.manager")
            let empty = try await manager.get("/permanence/panel/pack")
            #expect(empty.status == .unprocessableEntity)
            for message in ["Select the meeting", "Enter the date of the meeting", "Select which children the pack is for"] {
                #expect(empty.body.string.contains(message))
            }
            let many = (0...PanelPackQuery.maximumChildren).map { _ in "child=\(UUID())" }.joined(separator: "&")
            let tooMany = try await manager.get("/permanence/panel/pack?meeting=legal-gateway&date-day=31&date-month=2&date-year=2026&which=chosen&\(many)")
            #expect(tooMany.body.string.contains("The date of the meeting must be a real date"))
            #expect(tooMany.body.string.contains("A pack holds up to 50 children: you selected 51"))
            #expect(tooMany.body.string.contains("id=\"child-error\""), "next to the children")
        }
    }

    @Test func theMeetingsDecisionsAndActionsAreRecordedForEveryChildInOneForm() async throws {
        try await withTestApp { app, demo in
            let children = try await Self.children(app, demo)
            var director = try await Visitor.signedIn(app, as: "director")
            for child in [children.first, children.second, children.otherTeams] { try await Self.lookedAfter(child, from: "2026-03-02", &director) }
            let otherBefore = try await Self.records(app, children.otherTeams).count

            var manager = try await Visitor.signedIn(app, as: "team.manager")
            let path = Self.decisionsPath(.permanencePanel, "2026-03-24", [children.first, children.second, children.otherTeams])
            let form = try await manager.get(path).body.string
            #expect(form.contains(children.first.firstName + " " + children.first.lastName) && form.contains(children.second.lastName))
            #expect(!form.contains(children.otherTeams.id!.uuidString), "another team's child is not on the form")
            #expect(form.contains("name=\"date-day\"") && form.contains("value=\"24\""), "the meeting's date from the pack")

            let owner = try #require(demo.account(.socialWorker).staffID).uuidString
            let saved = try await manager.post("/permanence/panel/decisions", JourneyTests.date("date", "2026-03-24").merging([
                // Posted as a forged form would: the other team's child named, with a decision.
                "children": [children.first, children.second, children.otherTeams].map { $0.id!.uuidString }.joined(separator: " "),
                Self.field(children.first, "decision"): "Full connected person assessment of the grandmother to start now.",
                Self.field(children.first, "route"): "connectedPerson",
                Self.field(children.first, "description"): "Start the full assessment of the grandmother",
                Self.field(children.first, "ownerID"): owner,
                Self.field(children.second, "decision"): "Long-term fostering with the current carers.",
                Self.field(children.otherTeams, "decision"): "Adoption.",
            ]) { $1 }.merging(JourneyTests.date(Self.field(children.first, "due"), "2026-04-07")) { $1 })
            #expect(saved.status == .seeOther && saved.location == "/permanence")

            let first = try await Self.records(app, children.first)
            let decision = try #require(first.compactMap { $0 as? PermanenceDecisionRecord }.first)
            #expect(decision.forum == .permanencePanel && decision.date == d("2026-03-24") && decision.route == .connectedPerson)
            let action = try #require(first.compactMap { $0 as? ActionRecord }.first)
            #expect(action.raised == d("2026-03-24") && action.due == d("2026-04-07") && action.ownerID == owner)
            let decisionEvent = try #require(try await StoredEvent.query(on: app.db).filter(\.$child.$id == children.first.requireID())
                .filter(\.$list == .permanenceDecisions).first())
            #expect(action.sourceID == decisionEvent.id?.uuidString, "the action is the decision's")
            let second = try await Self.records(app, children.second)
            #expect(second.compactMap { $0 as? PermanenceDecisionRecord }.first?.decision == "Long-term fostering with the current carers.")
            #expect(second.compactMap { $0 as? ActionRecord }.isEmpty)
            #expect(try await Self.records(app, children.otherTeams).count == otherBefore, "nothing is recorded for a child outside the scope")

            let tracker = try await manager.get("/permanence").body.string
            #expect(tracker.contains("The permanence panel’s decisions are recorded for 2 children"))
            let row = try #require(PermanenceTests.row(of: children.first, in: tracker))
            #expect(row.contains("Permanence panel, 24 March 2026"))
            let page = try await manager.get("/children/\(children.first.id!)/events/\(decisionEvent.id!)").body.string
            #expect(page.contains("Actions it set") && page.contains("Start the full assessment of the grandmother"))
            #expect(try await AuditEvent.query(on: app.db).filter(\.$detail == "Recorded a permanence decision")
                .filter(\.$childID == children.first.requireID()).count() == 1)
        }
    }

    @Test func badInputIsShownNextToEachChildsAnswersAndNothingIsSaved() async throws {
        try await withTestApp { app, demo in
            let children = try await Self.children(app, demo)
            var director = try await Visitor.signedIn(app, as: "director")
            try await Self.lookedAfter(children.first, from: "2026-03-02", &director)
            try await Self.lookedAfter(children.second, from: "2026-03-20", &director)
            let before = (try await Self.records(app, children.first).count, try await Self.records(app, children.second).count)

            var manager = try await Visitor.signedIn(app, as: "team.manager")
            let path = Self.decisionsPath(.permanencePanel, "2026-03-10", [children.first, children.second])
            _ = try await manager.get(path)
            let owner = try #require(demo.account(.socialWorker).staffID).uuidString
            let secondName = children.second.firstName + " " + children.second.lastName
            // An action without its decision; a decision dated before the second child came into care.
            let refused = try await manager.post("/permanence/panel/decisions", JourneyTests.date("date", "2026-03-10").merging([
                Self.field(children.first, "description"): "Book the family group conference",
                Self.field(children.first, "ownerID"): owner,
                Self.field(children.second, "decision"): "Long-term fostering with the current carers.",
            ]) { $1 }.merging(JourneyTests.date(Self.field(children.first, "due"), "2026-03-31")) { $1 })
            #expect(refused.status == .unprocessableEntity)
            let page = refused.body.string
            #expect(page.contains("id=\"\(Self.field(children.first, "decision"))-error\"") && page.contains("Enter the decision"))
            #expect(page.contains("id=\"\(Self.field(children.second, "decision"))-error\""))
            #expect(page.contains("\(secondName): The child was not looked after on 10 March 2026"), "the summary names the child")
            #expect(page.contains("Long-term fostering with the current carers.") && page.contains("value=\"Book the family group conference\""),
                    "everything typed is kept")

            // The first child's record is fine on its own, but the second's is not: neither is saved.
            let oneBad = try await manager.post("/permanence/panel/decisions", JourneyTests.date("date", "2026-03-10").merging([
                Self.field(children.first, "decision"): "Consider special guardianship with the aunt.",
                Self.field(children.second, "decision"): "Long-term fostering with the current carers.",
            ]) { $1 })
            #expect(oneBad.status == .unprocessableEntity)

            let badDate = try await manager.post("/permanence/panel/decisions", [
                "date-day": "31", "date-month": "2", "date-year": "2026", Self.field(children.first, "decision"): "Consider special guardianship.",
            ])
            #expect(badDate.body.string.contains("id=\"date-error\"") && badDate.body.string.contains("The date of the meeting must be a real date"))
            let future = try await manager.post("/permanence/panel/decisions", JourneyTests.date("date", "2026-04-14").merging([
                Self.field(children.first, "decision"): "Consider special guardianship.",
            ]) { $1 })
            #expect(future.body.string.contains("The date of the meeting must be today or in the past"))

            let early = try await manager.post("/permanence/panel/decisions", JourneyTests.date("date", "2026-03-24").merging([
                Self.field(children.first, "decision"): "Consider special guardianship.",
                Self.field(children.first, "description"): "Ask the aunt to be assessed",
                Self.field(children.first, "ownerID"): owner,
            ]) { $1 }.merging(JourneyTests.date(Self.field(children.first, "due"), "2026-03-01")) { $1 })
            #expect(early.body.string.contains("id=\"\(Self.field(children.first, "due"))-error\""))
            #expect(early.body.string.contains("The due date must be on or after the date the action was set"))

            let nothing = try await manager.post("/permanence/panel/decisions", JourneyTests.date("date", "2026-03-24"))
            #expect(nothing.body.string.contains("Enter the decision for at least one child"))
            #expect((try await Self.records(app, children.first).count, try await Self.records(app, children.second).count) == before)
        }
    }

    @Test func aLegalGatewayMeetingRecordsEachChildsLegalPlanningDecision() async throws {
        try await withTestApp { app, demo in
            let children = try await Self.children(app, demo)
            var director = try await Visitor.signedIn(app, as: "director")
            try await Self.lookedAfter(children.first, from: "2026-03-02", &director)
            var manager = try await Visitor.signedIn(app, as: "team.manager")
            let form = try await manager.get(Self.decisionsPath(.legalGateway, "2026-03-30", [children.first])).body.string
            #expect(form.contains("Start pre-proceedings (Public Law Outline)") && form.contains("The reasons"))
            let saved = try await manager.post("/permanence/panel/decisions", JourneyTests.date("date", "2026-03-30").merging([
                Self.field(children.first, "decision"): "preProceedings",
                Self.field(children.first, "reason"): "Neglect continuing despite the plan.",
            ]) { $1 })
            #expect(saved.status == .seeOther)
            let meeting = try #require(try await Self.records(app, children.first).compactMap { $0 as? PreProceedingsRecord }.first)
            #expect(meeting.decision == .preProceedings && meeting.date == d("2026-03-30") && meeting.reason == "Neglect continuing despite the plan.")
            #expect(PermanenceTests.row(of: children.first, in: try await manager.get("/pre-proceedings").body.string) != nil)
        }
    }

    @Test func onlyThoseWhoSitOnPanelsPrepareAPackAndOnlyManagersRecordItsDecisions() async throws {
        try await withTestApp { app, demo in
            let child = demo.socialWorkersChild.id
            let pack = "/permanence/panel/pack?meeting=permanence-panel&date-day=14&date-month=4&date-year=2026&which=chosen&child=\(child)"
            let decisions = "/permanence/panel/decisions?meeting=permanence-panel&date-day=14&date-month=4&date-year=2026&children=\(child)"
            for username in ["social.worker", "board", "analyst"] {
                var visitor = try await Visitor.signedIn(app, as: username)
                #expect(try await visitor.get("/permanence/panel").status == .forbidden, "\(username)")
                #expect(try await visitor.get(pack).status == .forbidden, "\(username)")
                #expect(try await visitor.get(decisions).status == .forbidden, "\(username)")
                #expect(try await visitor.post("/permanence/panel/decisions", ["meeting": "permanence-panel", "children": child.uuidString]).status == .forbidden)
            }
            var worker = try await Visitor.signedIn(app, as: "social.worker")
            #expect(!(try await worker.get("/permanence").body.string.contains("/permanence/panel")), "no link to what they may not open")
            for username in ["iro", "qa.lead"] {
                var visitor = try await Visitor.signedIn(app, as: username)
                #expect(try await visitor.get("/permanence/panel").status == .ok)
                #expect(try await visitor.get(decisions).status == .forbidden, "\(username) reads the pack but does not record decisions")
            }
        }
    }
}
