import Fluent
import Foundation
import LineOfSightCore
@testable import LineOfSightServer
import SQLKit
import Testing
import Vapor
import VaporTesting

/// Validating while recording (issue 12 item 4): a child's page shows the errors their record
/// would raise in this year's SSDA903 return, worked out when the record is saved.
@Suite(.serialized) struct ReturnErrorsTests {
    static let heading = "Errors this record would raise in the SSDA903 return"

    static func storedFindings(_ app: Application, _ child: Child) async throws -> [String] {
        struct Row: Decodable { let rule_code: String }
        return try await app.db.sql.select().column("rule_code").from(ReturnFindingRows.findings)
            .where("child_id", .equal, SQLBind(child.requireID())).orderBy("position").all(decoding: Row.self).map(\.rule_code)
    }

    static func checkedYear(_ app: Application, _ child: Child) async throws -> Int? {
        struct Row: Decodable { let collection_year: Int }
        return try await app.db.sql.select().column("collection_year").from(ReturnFindingRows.checks)
            .where("child_id", .equal, SQLBind(child.requireID())).first(decoding: Row.self)?.collection_year
    }

    @Test func aPlacementItsProviderCannotGiveShowsItsReturnErrorOnTheChildsPage() async throws {
        try await withTestApp { app, demo in
            let child = try await JourneyTests.child(app, demo)
            var worker = try await Visitor.signedIn(app, as: "social.worker")
            let page = "/children/\(child.id!)"
            #expect(!(try await worker.get(page).body.string.contains(Self.heading)), "no section without a looked-after record")

            let path = "/children/\(child.id!)/record/periodsOfCare"
            _ = try await worker.get(path)
            // Placed with parents (P1) by a provider the DfE says cannot place there (PR1): rule 527.
            let saved = try await worker.post(path, LookedAfterTests.period.merging(["placementType": "P1"]) { $1 })
            #expect(saved.status == .seeOther)
            // Worked out when the record was saved, for the collection year ending 31 March 2026.
            #expect(try await Self.checkedYear(app, child) == 2026)
            #expect(try await Self.storedFindings(app, child).contains("527"))

            let shown = try await worker.get(page).body.string
            #expect(shown.contains(Self.heading))
            #expect(shown.contains("A placement provider code of PR1 cannot be associated with placements P1, R2 or R5."))
            #expect(shown.contains("DfE rule 527"))
            #expect(shown.contains("Episode of care from 2 March 2026"))
            #expect(!shown.contains("No return errors."))

            // Checked before the year turned (or never): worked out when the page is shown.
            try await app.db.sql.delete(from: ReturnFindingRows.checks).run()
            try await app.db.sql.delete(from: ReturnFindingRows.findings).run()
            #expect(try await worker.get(page).body.string.contains("DfE rule 527"))
        }
    }

    @Test func aCleanLookedAfterRecordShowsNoReturnErrors() async throws {
        try await withTestApp { app, demo in
            let child = try await JourneyTests.child(app, demo)
            // What the return needs and the demo child lacks: a UPN, and the placement's postcode.
            child.upn = "A123456789012"
            try await child.save(on: app.db)
            var worker = try await Visitor.signedIn(app, as: "social.worker")
            let path = "/children/\(child.id!)/record/periodsOfCare"
            _ = try await worker.get(path)
            let period = LookedAfterTests.period.merging(["postcode": "L8"]) { $1 }
            #expect(try await worker.post(path, period).status == .seeOther)
            #expect(try await Self.checkedYear(app, child) == 2026)
            #expect(try await Self.storedFindings(app, child) == [])
            let shown = try await worker.get("/children/\(child.id!)").body.string
            #expect(shown.contains(Self.heading))
            #expect(shown.contains("No return errors."))
        }
    }

    @Test func aChildsRecordIsCheckedAgainOnlyWhenWhatTheCheckReadsChanged() async throws {
        try await withTestApp { app, demo in
            let child = try await JourneyTests.child(app, demo)
            var worker = try await Visitor.signedIn(app, as: "social.worker")
            let path = "/children/\(child.id!)/record/periodsOfCare"
            _ = try await worker.get(path)
            #expect(try await worker.post(path, LookedAfterTests.period.merging(["placementType": "P1"]) { $1 }).status == .seeOther)
            #expect(try await Self.storedFindings(app, child).contains("527"))
            func removeFindings() async throws {
                try await app.db.sql.delete(from: ReturnFindingRows.findings).where("child_id", .equal, SQLBind(try child.requireID())).run()
            }
            func rederiveEveryone() async throws {
                try await Rederivation.all(setup: app.standards, today: app.clock.today, on: app.db)
            }
            // Findings removed behind the application's back stay removed while nothing the check
            // reads has changed (every child checked again would bring them back) …
            try await removeFindings()
            try await rederiveEveryone()
            #expect(try await Self.storedFindings(app, child) == [])
            #expect(try await Self.checkedYear(app, child) == 2026)
            // … and are found again once the child's details change …
            child.upn = "A123456789012"
            try await child.save(on: app.db)
            try await rederiveEveryone()
            #expect(try await Self.storedFindings(app, child).contains("527"))
            // … or their social worker's ID …
            try await removeFindings()
            let allocatedWorker = app.db.sql.select().column("worker_id").from(StoredAllocation.schema)
                .where("child_id", .equal, SQLBind(try child.requireID())).where("end_date", .is, SQLLiteral.null)
            try await app.db.sql.update(StaffMember.schema).set("sw_id", to: SQLBind("SW9876543"))
                .where("id", .in, SQLGroupExpression(allocatedWorker.select)).run()
            try await rederiveEveryone()
            #expect(try await Self.storedFindings(app, child).contains("527"))
            // … or an event the return reads is stored otherwise (here the same period of care, spaced out).
            try await removeFindings()
            try await app.db.sql.update(StoredEvent.schema).set("record", to: SQLRaw("'{ ' || substr(record, 2)"))
                .where("child_id", .equal, SQLBind(try child.requireID())).where("list", .equal, SQLBind(JourneyList.periodsOfCare.rawValue)).run()
            try await rederiveEveryone()
            #expect(try await Self.storedFindings(app, child).contains("527"))
        }
    }
}
