import Fluent
import Foundation
import LineOfSightCore
import SQLKit
@testable import LineOfSightServer
import Testing
import Vapor
import VaporTesting

/// The lists of children in care, reviews due, care leavers and missing episodes over the demo
/// authority: filters narrow them, the reader's scope bounds them, an IRO starts from their own
/// reviews, and every export is the same rows as CSV, audited.
@Suite(.serialized) struct CareListsTests {
    static func rows(_ html: String) -> Int { html.components(separatedBy: "<tr class=\"govuk-table__row\">").count - 2 }

    /// The count in the bold line above a list: "1,234 children".
    static func count(_ html: String) -> Int? {
        html.firstMatch(of: /([\d,]+) child(ren)?</).flatMap { Int($0.1.replacingOccurrences(of: ",", with: "")) }
    }

    @Test func filtersNarrowTheChildrenInCareAndTheExportIsTheSameRows() async throws {
        try await withTestApp { app, demo in
            app.standards.homeDistricts = DemoAuthority.homeDistricts
            var director = try await Visitor.signedIn(app, as: "director")
            let all = try await director.get("/children-in-care").body.string
            let total = try #require(Self.count(all))
            #expect(total * 5 > demo.children.count, "about a fifth or more of the authority is in care now")

            let orders = try await director.get("/children-in-care?legalStatus=C2").body.string
            #expect(orders.contains("Full care order") && !orders.contains("Interim care order</td>"))
            let out = try await director.get("/children-in-care?area=out").body.string
            let inArea = try await director.get("/children-in-care?area=in").body.string
            #expect(Self.rows(out) > 0 && Self.rows(inArea) > 0)
            let young = try await director.get("/children-in-care?age=0-4&inCare=0-1").body.string
            #expect(!young.contains("16 years old"))

            // The worker filter offers the chosen team's workers, and narrows to one of them.
            #expect(!all.contains("id=\"worker\"") && all.contains("Choose a team to filter by worker."))
            let team = demo.team(named: "Children in Care Team").id
            let worker = try #require(demo.staff.first { $0.teamID == team && $0.jobRole == .socialWorker })
            #expect(try await director.get("/children-in-care?team=\(team)").body.string.contains("id=\"worker\""))
            let theirs = try await director.get("/children-in-care?team=\(team)&worker=\(worker.id)").body.string
            let name = worker.firstName + " " + worker.lastName
            #expect(Self.rows(theirs) > 0 && Self.rows(theirs) == theirs.components(separatedBy: "<td class=\"govuk-table__cell\">\(name)</td>").count - 1)

            let csv = try await director.get("/children-in-care?legalStatus=C2&format=csv")
            #expect(csv.headers.contentType?.description.hasPrefix("text/csv") == true)
            let lines = csv.body.string.split(separator: "\r\n")
            #expect(lines.first == "Name,Age,Legal status,Placement,Placements in the last 12 months,In this placement since,Looked after since,Next review due,Allocated worker")
            let shown = try #require(Self.count(orders))
            #expect(lines.count - 1 == shown, "the export holds every matching child, not one page")
            #expect(try await AuditEvent.query(on: app.db).filter(\.$detail == "Exported children in care as CSV: \(shown) rows").count() == 1)
        }
    }

    @Test func aWorkerSeesOnlyTheirScopeAndAnIROStartsFromTheReviewsTheyChair() async throws {
        try await withTestApp { app, demo in
            var director = try await Visitor.signedIn(app, as: "director")
            var worker = try await Visitor.signedIn(app, as: "social.worker")
            let everyone = try #require(Self.count(try await director.get("/children-in-care").body.string))
            let theirs = try #require(Self.count(try await worker.get("/children-in-care").body.string))
            #expect(theirs < everyone)

            var iro = try await Visitor.signedIn(app, as: "iro")
            let staffID = try #require(demo.account(.iro).staffID)
            let reviews = try await iro.get("/reviews-due").body.string
            #expect(reviews.contains("<option value=\"\(staffID.uuidString)\" selected>"), "their own reviews first")
            let officer = try #require(demo.staff.first { $0.id == staffID })
            let name = officer.firstName + " " + officer.lastName
            #expect(Self.rows(reviews) > 0 && reviews.contains(name))
            let anyChair = try await iro.get("/reviews-due?chair=").body.string
            #expect(Self.rows(anyChair) >= Self.rows(reviews))
        }
    }

    @Test func careLeaversAndMissingEpisodesAreListedWithWhatIsStillToDo() async throws {
        try await withTestApp { app, _ in
            var director = try await Visitor.signedIn(app, as: "director")
            let leavers = try await director.get("/care-leavers").body.string
            #expect(Self.rows(leavers) > 0 && leavers.contains("Left care on") && leavers.contains("Latest pathway plan"))
            let missing = try await director.get("/missing?period=12").body.string
            #expect(Self.rows(missing) > 0 && missing.contains("Return home interview"))
            let notOffered = try await director.get("/missing?period=12&status=notOffered").body.string
            #expect(!notOffered.contains("Offered once") && !notOffered.contains("times, first on"))
            let csv = try await director.get("/missing?period=12&format=csv").body.string
            #expect(csv.hasPrefix("Name,Missing or away,From,Back,Reported to police,Return home interview,Offered within 72 hours\r\n"))
            // The page says how many episodes match; the export holds every one of them.
            let episodes = try #require(missing.firstMatch(of: /([\d,]+) episodes?</).flatMap { Int($0.1.replacingOccurrences(of: ",", with: "")) })
            #expect(csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == episodes + 1)
            #expect(Self.rows(missing) == min(episodes, CareQueries.pageSize))
            // A page past the last (or not a number) shows the last, never an error.
            for page in ["99999999999999999999999", "-5", "x"] {
                let response = try await director.get("/missing?period=12&page=\(page)")
                #expect(response.status == .ok && Self.rows(response.body.string) == Self.rows(missing), "page \(page)")
            }
        }
    }

    @Test func aListWorkedOutInMemoryIsPagedAsTheOthersAre() {
        let all = Array(1...120)
        let first = Paged(slicing: all, page: 1, size: 50)
        #expect(first.rows == Array(1...50) && first.total == 120 && first.pageCount == 3)
        #expect(Paged(slicing: all, page: 3, size: 50).rows == Array(101...120))
        #expect(Paged(slicing: all, page: Int.max, size: 50).number == 3, "past the last: the last")
        #expect(Paged(slicing: all, page: Int.min, size: 50).number == 1)
        let none = Paged(slicing: [Int](), page: 7, size: 50)
        #expect(none.rows.isEmpty && none.number == 1 && none.pageCount == 1)
    }

    @Test func aCareLeaverIsShownAsAFormerCareLeaverFromTheir25thBirthday() async throws {
        try await withTestApp { app, _ in
            struct Row: Decodable { let child_id: UUID }
            // The stored stage is derived without a "today": the page applies the 25th birthday.
            let leaver = try #require(try await app.db.sql.raw("""
                SELECT s.child_id FROM \(ident: DerivedRows.states) s JOIN \(ident: Child.schema) c ON c.id = s.child_id
                WHERE s.stage = \(bind: ChildState.Stage.careLeaver.rawValue) AND c.restricted = \(bind: false)
                """).first(decoding: Row.self)).child_id
            var director = try await Visitor.signedIn(app, as: "director")
            for (born, stage) in [("2001-03-30", "Former care leaver (aged 25 or over)"), ("2001-03-31", "Former care leaver (aged 25 or over)"),
                                  ("2001-04-01", "Care leaver")] {
                // testToday is 31 March 2026: 25 yesterday, 25 today, 25 tomorrow.
                try await Child.query(on: app.db).filter(\.$id == leaver).set(\.$dateOfBirth, to: d(born)).update()
                let page = try await director.get("/children/\(leaver)").body.string
                #expect(page.contains("<dd class=\"govuk-summary-list__value\">\(stage)</dd>"), "born \(born)")
            }
        }
    }

    @Test func aCSVCellCanNeverRunAsAFormula() {
        #expect(CSV.cell("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"")
        #expect(CSV.cell("+44 1744") == "'+44 1744" && CSV.cell("-1") == "'-1" && CSV.cell("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSV.cell("Lane, Ava") == "\"Lane, Ava\"" && CSV.cell("plain") == "plain")
        // A line break typed as CR LF is one Swift character, and still two bytes a CSV must quote.
        #expect(CSV.cell("Seen at school\r\nand at home") == "\"Seen at school\r\nand at home\"")
        #expect(CSV.cell("\r\n=1+1") == "\"'\r\n=1+1\"")
        #expect(CSV.cell("Zoë, née O’Brien") == "\"Zoë, née O’Brien\"")
    }
}
