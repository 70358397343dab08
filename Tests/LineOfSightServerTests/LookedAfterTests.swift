import Fluent
import Foundation
import LineOfSightCore
@testable import LineOfSightServer
import Testing
import Vapor
import VaporTesting

/// A looked-after child's journey through the forms and the API: becoming looked after starts the
/// reviews, health, education and visiting timescales; a move starts its own; leaving care ends
/// them; what cannot be true is refused next to its field and nothing is saved.
@Suite(.serialized) struct LookedAfterTests {
    static let period = JourneyTests.date("start", "2026-03-02").merging([
        "legalStatus": "C1", "categoryOfNeed": "N1", "placementType": "U6", "provider": "PR1", "carers": "Mr and Mrs Lane",
        "homePostcode": "WA10", "reason": "Interim care order made at the first hearing.",
    ]) { $1 }
    static let move = JourneyTests.date("start", "2026-03-20").merging([
        "reasonForChange": "CREQB", "placementType": "K2", "provider": "PR4", "urn": "SC123456", "postcode": "L8",
    ]) { $1 }

    static func events(_ app: Application, _ child: Child) async throws -> Int {
        try await StoredEvent.query(on: app.db).filter(\.$child.$id == child.requireID()).count()
    }

    @Test func aWorkerRecordsAChildBecomingLookedAfterAMoveAndLeavingCare() async throws {
        try await withTestApp { app, demo in
            let child = try await JourneyTests.child(app, demo)
            var worker = try await Visitor.signedIn(app, as: "social.worker")
            let path = "/children/\(child.id!)/record/periodsOfCare"
            let form = try await worker.get(path).body.string
            #expect(form.contains("Interim care order (C1)") && form.contains("Foster placement with other foster carers: long-term fostering (U4)"))

            let saved = try await worker.post(path, Self.period)
            let event = try #require(saved.location)
            let due = Dictionary(try await JourneyTests.stored(app, child).map { ($0.ruleID, $0.due) }) { first, _ in first }
            #expect(due[.claFirstReview] == d("2026-03-30") && due[.initialHealthAssessment] == d("2026-03-30"))
            #expect(due[.pepInitial] == d("2026-03-30") && due[.reg28FirstWeek] == d("2026-03-09"))
            let page = try await worker.get("/children/\(child.id!)").body.string
            #expect(page.contains("Looked after") && page.contains("First looked-after review"))
            let shown = try await worker.get(event).body.string
            #expect(shown.contains("Interim care order (C1)") && shown.contains("Record that the child left care"))
            #expect(PermanenceTests.row(of: child, in: try await worker.get("/permanence").body.string) != nil)

            let moved = try await worker.post("/children/\(child.id!)/record/placements", Self.move)
            #expect(moved.status == .seeOther)
            let visits = try await JourneyTests.stored(app, child).filter { $0.ruleID == .reg28FirstWeek }.map(\.due).sorted()
            #expect(visits == [d("2026-03-09"), d("2026-03-27")], "the new placement's first-week visit")

            _ = try await worker.get(event + "/steps/left-care")
            let left = try await worker.post(event + "/steps/left-care", JourneyTests.date("end", "2026-03-25").merging(["endReason": "E4A"]) { $1 })
            #expect(left.status == .seeOther)
            let review = try await JourneyTests.stored(app, child).first { $0.ruleID == .claFirstReview }
            #expect(review?.notApplicable != nil, "no review is due for a child who has left care")
            #expect(PermanenceTests.row(of: child, in: try await worker.get("/permanence").body.string) == nil,
                    "the tracker lists children looked after now")
            #expect(!(try await worker.get("/children/\(child.id!)").body.string.contains("Stage</dt><dd class=\"govuk-summary-list__value\">Looked after")))
        }
    }

    /// A placement's distance from home is measured between the centres of the two postcode
    /// districts (the council's table of centres): a move recorded without the home's district is
    /// measured from the one recorded when the child became looked after.
    @Test func aPlacementShowsHowFarItIsFromHome() async throws {
        try await withTestApp { app, demo in
            app.standards.districtCentres = DemoAuthority.districtCentres
            let child = try await JourneyTests.child(app, demo)
            var worker = try await Visitor.signedIn(app, as: "social.worker")
            let period = try #require(try await worker.post("/children/\(child.id!)/record/periodsOfCare", Self.period).location)
            #expect(!(try await worker.get(period).body.string.contains("Distance from home")), "no placement postcode recorded")
            let moved = try await worker.post("/children/\(child.id!)/record/placements", Self.move.merging(["postcode": "M28"]) { $1 })
            let page = try await worker.get(try #require(moved.location)).body.string
            #expect(page.contains("Distance from home</dt><dd class=\"govuk-summary-list__value\">15.3 miles"), "WA10 to M28")
            _ = try await worker.get("/children/\(child.id!)/record/placements")
            let elsewhere = try await worker.post("/children/\(child.id!)/record/placements",
                                                  JourneyTests.date("start", "2026-03-26").merging(["reasonForChange": "CREQB", "placementType": "K2", "postcode": "L8"]) { $1 })
            #expect(!(try await worker.get(try #require(elsewhere.location)).body.string.contains("Distance from home")), "L8 is not in the table")
        }
    }

    @Test func whatCannotBeTrueIsRefusedAndNothingSaved() async throws {
        try await withTestApp { app, demo in
            let child = try await JourneyTests.child(app, demo)
            var worker = try await Visitor.signedIn(app, as: "social.worker")
            let placements = "/children/\(child.id!)/record/placements"
            _ = try await worker.get(placements)
            let orphan = try await worker.post(placements, Self.move)
            #expect(orphan.status == .unprocessableEntity)
            #expect(orphan.body.string.contains("The child was not looked after on 20 March 2026: record the period of care first"))
            #expect(orphan.body.string.contains("value=\"SC123456\""), "what was typed is kept")

            let periods = "/children/\(child.id!)/record/periodsOfCare"
            _ = try await worker.get(periods)
            let backwards = try await worker.post(periods, Self.period.merging(JourneyTests.date("end", "2026-02-01")) { $1 }.merging(["endReason": "E4A"]) { $1 })
            #expect(backwards.body.string.contains("The date the child stopped being looked after must be on or after the date they became looked after"))
            let code = try await worker.post(periods, Self.period.merging(["legalStatus": "C9"]) { $1 })
            #expect(code.status == .unprocessableEntity && code.body.string.contains("Select from the list"))
            #expect(try await Self.events(app, child) == 0)

            _ = try await worker.post(periods, Self.period)
            _ = try await worker.get(periods)
            let overlap = try await worker.post(periods, Self.period.merging(JourneyTests.date("start", "2026-03-10")) { $1 })
            #expect(overlap.body.string.contains("The child was looked after from 2 March 2026, and still is: periods of care cannot overlap"))
            #expect(try await Self.events(app, child) == 1)
        }
    }

    /// Two overlapping periods of care saved at the same moment each pass the form's check against
    /// the journey as it was read; the second to take the child's lock must still be refused, with
    /// what was typed kept, and the API the same with 422.
    @Test func overlappingPeriodsSavedAtOnceNeverBothSave() async throws {
        try await withTestApp { app, demo in
            let child = try await JourneyTests.child(app, demo)
            let worker = try await Visitor.signedIn(app, as: "social.worker")
            let path = "/children/\(child.id!)/record/periodsOfCare"
            let token = try await JourneyAPITests.token(app, "social.worker")
            let api = "/api/v1/children/\(child.id!)/journey/periodsOfCare"
            let body = #"{"start": "2026-03-05", "legalStatus": "C2", "categoryOfNeed": "N1", "placementType": "U6", "provider": "PR1"}"#
            let starts = ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-06"]
            let visitors = try await worker.opening(path, starts.count)
            let statuses = try await withThrowingTaskGroup(of: (HTTPStatus, String).self) { group in
                for (start, opened) in zip(starts, visitors) {
                    var visitor = opened
                    group.addTask {
                        let response = try await visitor.post(path, Self.period.merging(JourneyTests.date("start", start)) { $1 })
                        return (response.status, response.body.string)
                    }
                }
                group.addTask {
                    let (status, problems) = try await JourneyAPITests.send(app, .POST, api, token: token, json: body)
                    return (status, problems)
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0.0 == .seeOther || $0.0 == .created }.count == 1, "\(statuses.map { ($0.0, $0.1.prefix(300)) })")
            let refused = statuses.filter { $0.0 == .unprocessableEntity }
            #expect(refused.count == starts.count, "\(statuses.map { ($0.0, $0.1.prefix(600)) })")
            #expect(refused.allSatisfy { $0.1.contains("periods of care cannot overlap") })
            #expect(refused.filter { $0.1.contains("Mr and Mrs Lane") }.count >= starts.count - 1, "the form keeps what was typed")
            #expect(try await Self.events(app, child) == 1)
        }
    }

    @Test func anIRORecordsAReviewButNotAPlacement() async throws {
        try await withTestApp { app, demo in
            let child = try await JourneyTests.child(app, demo)
            var worker = try await Visitor.signedIn(app, as: "social.worker")
            _ = try await worker.get("/children/\(child.id!)/record/periodsOfCare")
            _ = try await worker.post("/children/\(child.id!)/record/periodsOfCare", Self.period)

            var iro = try await Visitor.signedIn(app, as: "iro")
            let page = try await iro.get("/children/\(child.id!)").body.string
            #expect(page.contains("Record a looked-after review") && !page.contains("Record a change of placement"))
            #expect(try await iro.get("/children/\(child.id!)/record/placements").status == .forbidden)
            let reviews = "/children/\(child.id!)/record/lacReviews"
            _ = try await iro.get(reviews)
            let review = try await iro.post(reviews, JourneyTests.date("date", "2026-03-27").merging([
                "participation": "PN1", "childsViews": "I want to see my brother more.", "planEndorsed": "yes",
            ]) { $1 })
            #expect(review.status == .seeOther)
            let first = try await JourneyTests.stored(app, child).first { $0.ruleID == .claFirstReview }
            #expect(first?.metBy?.date == d("2026-03-27"))
            #expect(try await JourneyTests.stored(app, child).first { $0.ruleID == .claSecondReview }?.due == d("2026-06-27"))
        }
    }

    @Test func theAPIRecordsAMoveUnderItsPeriodOfCare() async throws {
        try await withTestApp { app, demo in
            let child = try await JourneyTests.child(app, demo)
            let token = try await JourneyAPITests.token(app, "social.worker")
            let base = "/api/v1/children/\(child.id!)/journey"
            let (created, body) = try await JourneyAPITests.send(app, .POST, base + "/periodsOfCare", token: token, json: """
                {"start": "2026-03-02", "legalStatus": "V2", "categoryOfNeed": "N4", "placementType": "U6"}
                """)
            #expect(created == .created, "\(body)")
            let stored = try JSONDecoder().decode([String: JSONValue].self, from: Data(body.utf8))
            guard case let .string(period)? = stored["id"] else { Issue.record("no id in \(body)"); return }

            let move = #"{"start": "2026-03-20", "reasonForChange": "CARPL", "placementType": "U4", "intendedUntil18": true}"#
            let (nested, moved) = try await JourneyAPITests.send(app, .POST, base + "/periodsOfCare/\(period)/placements", token: token, json: move)
            #expect(nested == .created, "\(moved)")
            #expect(moved.contains("\"periodOfCareID\":\"\(period)\""))
            let (other, _) = try await JourneyAPITests.send(app, .POST, base + "/periodsOfCare/\(period)/placements", token: token,
                                                            json: #"{"periodOfCareID": "\#(UUID())", "start": "2026-03-21", "reasonForChange": "CARPL", "placementType": "U4"}"#)
            #expect(other == .unprocessableEntity)
            let (wrongList, _) = try await JourneyAPITests.send(app, .POST, base + "/periodsOfCare/\(period)/visits", token: token, json: move)
            #expect(wrongList == .notFound)
            let (badCode, problems) = try await JourneyAPITests.send(app, .POST, base + "/periodsOfCare/\(period)/legalStatuses", token: token,
                                                                     json: #"{"date": "2026-03-25", "legalStatus": "Z9"}"#)
            #expect(badCode == .unprocessableEntity && problems.contains("$.legalStatus"))

            let document = try JourneyDocument.decode(Data(try await JourneyAPITests.send(app, .GET, base, token: token).1.utf8))
            #expect(document.periodsOfCare.first?.placements.map(\.type) == ["U6", "U4"])
            #expect(document.periodsOfCare.first?.placements.first?.end == d("2026-03-20"))

            // The period cannot be withdrawn while the move belongs to it.
            let (blocked, why) = try await JourneyAPITests.send(app, .DELETE, base + "/periodsOfCare/\(period)?reason=wrong%20child", token: token)
            #expect(blocked == .conflict && why.contains("1 record (change of placement) belongs to this period of care. Withdraw it first."))
            let moveID = try #require(moved.firstMatch(of: /"id":"([0-9A-F-]{36})"/)?.1)
            #expect(try await JourneyAPITests.send(app, .DELETE, base + "/placements/\(moveID)?reason=wrong%20child", token: token).0 == .noContent)
            #expect(try await JourneyAPITests.send(app, .DELETE, base + "/periodsOfCare/\(period)?reason=wrong%20child", token: token).0 == .noContent)
        }
    }

    @Test func aTimeMissingThenEveryReturnInterviewOffer() async throws {
        try await withTestApp { app, demo in
            let child = try await JourneyTests.child(app, demo)
            var worker = try await Visitor.signedIn(app, as: "social.worker")
            let path = "/children/\(child.id!)/record/missingEpisodes"
            _ = try await worker.get(path)
            let saved = try await worker.post(path, JourneyTests.date("start", "2026-03-20").merging([
                "kind": "missing", "startTime": "22:15", "reportedToPolice": "yes", "policeReference": "MP-2026-0412",
            ]) { $1 })
            let event = try #require(saved.location)
            #expect(try await JourneyTests.stored(app, child).allSatisfy { $0.ruleID != .returnInterview }, "nothing due while still missing")
            _ = try await worker.get(event + "/steps/returned")
            #expect(try await worker.post(event + "/steps/returned", JourneyTests.date("end", "2026-03-22")).status == .seeOther)
            #expect(try await JourneyTests.stored(app, child).first { $0.ruleID == .returnInterview }?.due == d("2026-03-25"))

            let token = try await JourneyAPITests.token(app, "social.worker")
            let episode = try #require(event.split(separator: "/").last)
            let base = "/api/v1/children/\(child.id!)/journey/missingEpisodes/\(episode)/returnInterviews"
            let (declined, body) = try await JourneyAPITests.send(app, .POST, base, token: token,
                                                                  json: #"{"offered": "2026-03-23", "offeredBy": "Return interview service", "response": "declined"}"#)
            #expect(declined == .created, "\(body)")
            let (accepted, _) = try await JourneyAPITests.send(app, .POST, base, token: token,
                                                               json: #"{"offered": "2026-03-27", "response": "accepted", "held": "2026-03-30"}"#)
            #expect(accepted == .created)
            let interview = try await JourneyTests.stored(app, child).first { $0.ruleID == .returnInterview }
            #expect(interview?.metBy?.date == d("2026-03-23"), "the first offer meets it, accepted or not")
            let document = try JourneyDocument.decode(Data(try await JourneyAPITests.send(app, .GET, "/api/v1/children/\(child.id!)/journey", token: token).1.utf8))
            #expect(document.missingEpisodes.first?.interviewOffers.count == 2, "every offer is kept")
        }
    }

    @Test func anIRORaisesAnEscalationAndRecordsItResolved() async throws {
        try await withTestApp { app, demo in
            let child = try await JourneyTests.child(app, demo)
            var iro = try await Visitor.signedIn(app, as: "iro")
            let path = "/children/\(child.id!)/record/iroEscalations"
            _ = try await iro.get(path)
            let saved = try await iro.post(path, JourneyTests.date("raised", "2026-03-10").merging([
                "stage": "2", "concern": "The sibling assessment recommended at the last review has not started.",
            ]) { $1 })
            let event = try #require(saved.location)
            #expect(try await iro.get(event).body.string.contains("Record that the escalation was resolved"))
            _ = try await iro.get(event + "/steps/resolve")
            let resolved = try await iro.post(event + "/steps/resolve", JourneyTests.date("resolved", "2026-03-24").merging([
                "outcome": "Assessment allocated and started.",
            ]) { $1 })
            #expect(resolved.status == .seeOther)
            #expect(try await iro.get(event).body.string.contains("Assessment allocated and started."))
        }
    }

    /// Every kind of event, for every role: the form opens for those who record it and no one else,
    /// and an empty submission names every required answer next to its field and saves nothing.
    @Test func everyFormOpensForItsRolesAndRefusesAnEmptySubmission() async throws {
        try await withTestApp { app, demo in
            let child = try await JourneyTests.child(app, demo)
            for role in Role.allCases where Role.childReaders.contains(role) {
                var visitor = try await Visitor.signedIn(app, as: demo.account(role).username)
                for list in JourneyList.allCases {
                    let path = "/children/\(child.id!)/record/\(list.rawValue)"
                    let form = list.form.answerable(by: role)
                    guard list.form.roles.contains(role) else {
                        #expect(try await visitor.get(path).status == .forbidden, "\(role) \(list)")
                        continue
                    }
                    #expect(try await visitor.get(path).status == .ok, "\(role) \(list)")
                    let empty = try await visitor.post(path, [:])
                    #expect(empty.status == .unprocessableEntity, "\(role) \(list)")
                    for field in form.fields where field.shownWhen == nil {
                        if let message = field.required { #expect(empty.body.string.contains(message), "\(list): \(message)") }
                    }
                }
            }
            #expect(try await LookedAfterTests.events(app, child) == 0)
        }
    }
}

