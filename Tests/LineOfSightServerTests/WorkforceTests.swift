import Fluent
import Foundation
import LineOfSightCore
@testable import LineOfSightServer
import Testing
import Vapor
import VaporTesting

/// Staff records and funded posts, and the caseload and workforce page (issue 11 item 4): an FTE
/// outside (0, 1] is refused next to the field with nothing saved, a stale edit is refused with the
/// typed values kept, and the page counts caseloads, vacancies, leavers and changes of worker.
@Suite(.serialized) struct WorkforceTests {
    static func staffFields(_ fte: String, first: String = "Robin", start: String = "2025-09-01") -> [String: String] {
        ["first-name": first, "last-name": "Okafor", "job-role": "social_worker", "fte": fte]
            .merging(JourneyTests.date("start-date", start)) { $1 }
    }

    @Test func anFTEOutsideZeroToOneIsRefusedNextToTheFieldAndNothingIsSaved() async throws {
        try await withTestApp { app, _ in
            var admin = try await Visitor.signedIn(app, as: "admin")
            let before = try await StaffMember.query(on: app.db).count()
            for (fte, message) in [("1.2", "more than 0 and no more than 1"), ("-0.5", "more than 0 and no more than 1"),
                                   ("0", "more than 0 and no more than 1"), ("half", "must be a number"), ("", "Enter their full-time equivalent")] {
                _ = try await admin.get("/staff/new")
                let response = try await admin.post("/staff/new", Self.staffFields(fte))
                #expect(response.status == .unprocessableEntity, "FTE \(fte)")
                let html = response.body.string
                #expect(html.contains("id=\"fte-error\"") && html.contains(message), "FTE \(fte)")
                #expect(html.contains("value=\"Robin\""), "what was typed is kept")
            }
            // A leaving date before the start, and a start more than a year ahead.
            _ = try await admin.get("/staff/new")
            let dates = try await admin.post("/staff/new", Self.staffFields("1").merging(JourneyTests.date("leaving-date", "2025-08-01")) { $1 })
            #expect(dates.status == .unprocessableEntity && dates.body.string.contains("Leaving date must be on or after the start date"))
            #expect(try await StaffMember.query(on: app.db).count() == before)

            _ = try await admin.get("/staff/new")
            let saved = try await admin.post("/staff/new", Self.staffFields("0.6"))
            #expect(saved.status == .seeOther)
            let member = try #require(try await StaffMember.query(on: app.db).filter(\.$firstName == "Robin").first())
            #expect(member.fte == 0.6 && member.startDate == d("2025-09-01") && member.active && member.version == 1)
            let audit = try await AuditEvent.query(on: app.db).filter(\.$entity == "staff").filter(\.$entityID == member.id?.uuidString).count()
            #expect(audit == 1)
        }
    }

    @Test func aStaleStaffEditIsRefusedWithWhatWasTypedKept() async throws {
        try await withTestApp { app, demo in
            let worker = try #require(demo.account(.socialWorker).staffID)
            var head = try await Visitor.signedIn(app, as: "head.of.service")
            var admin = try await Visitor.signedIn(app, as: "admin")
            let path = "/staff/\(worker)/edit"
            #expect(try await head.get(path).status == .ok)
            #expect(try await admin.get(path).status == .ok)
            let member = try #require(try await StaffMember.find(worker, on: app.db))
            var fields = StaffForm(member).values.fields
            fields["fte"] = "0.8"
            #expect(try await admin.post(path, fields).status == .seeOther)
            fields["fte"] = "0.5"
            let stale = try await head.post(path, fields)
            #expect(stale.status == .unprocessableEntity)
            #expect(stale.body.string.contains("Someone else changed this staff record") && stale.body.string.contains("value=\"0.5\""))
            #expect(try await StaffMember.find(worker, on: app.db)?.fte == 0.8)
            // Saving again, knowingly (the form now carries the current version), replaces the other change.
            fields["version"] = nil
            #expect(try await head.post(path, fields).status == .seeOther)
            #expect(try await StaffMember.find(worker, on: app.db)?.fte == 0.5)
            // A leaving date in the past makes them inactive.
            fields.merge(JourneyTests.date("leaving-date", "2026-03-01")) { $1 }
            _ = try await head.get(path)
            #expect(try await head.post(path, fields).status == .seeOther)
            let left = try #require(try await StaffMember.find(worker, on: app.db))
            #expect(!left.active && left.leavingDate == d("2026-03-01"))
        }
    }

    @Test func theCaseloadPageCountsCaseloadsAgainstThresholdsVacanciesLeaversAndChangesOfWorker() async throws {
        try await withTestApp { app, demo in
            // Funded posts: the team's establishment, set by an administrator.
            let team = demo.team(named: "Safeguarding Team 1")
            var admin = try await Visitor.signedIn(app, as: "admin")
            _ = try await admin.get("/admin/teams/\(team.id)/edit")
            let bad = try await admin.post("/admin/teams/\(team.id)/edit", ["name": team.name, "service": team.service.rawValue, "funded-posts": "-3"])
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("Funded posts must be between 0 and 500"))
            let inPost = try await StaffMember.query(on: app.db).filter(\.$team.$id == team.id).filter(\.$active == true).all().reduce(0) { $0 + $1.fte }
            #expect(try await admin.post("/admin/teams/\(team.id)/edit", ["name": team.name, "service": team.service.rawValue,
                                                                          "funded-posts": String(inPost + 2)]).status == .seeOther)

            let loads = try await CaseloadQueries.caseloads(byStage: false, on: app.db.sql)
            let worker = try #require(demo.account(.socialWorker).staffID)
            let expected = demo.allocations.filter { $0.workerID == worker && $0.end == nil }.count
            #expect(loads.first { $0.worker_id == worker }?.n == expected)

            let report = try await WorkforceReport.load(standards: .defaults, today: testToday, on: app.db)
            let row = try #require(report.teams.first { $0.summary.team.id == team.id })
            #expect(abs(row.vacancies - 2) < 0.001)
            #expect(report.months.count == 12 && report.months.last?.month.last == testToday)
            // Leavers: the demo's, whose last day is in the last 12 months.
            let leavers = demo.staff.filter { $0.leavingDate.map { $0 >= d("2025-04-01") && $0 <= testToday } ?? false }.count
            #expect(report.leavers == leavers && leavers > 0)
            // Over threshold: a worker with more children than their service's limit (18 on CIN/CP, full time).
            if let cinWorker = report.workers.first(where: { $0.team?.id == team.id && $0.fte == 1 && !$0.newlyQualified }) {
                #expect(cinWorker.threshold == 18)
                #expect(cinWorker.overThreshold == (cinWorker.caseload > 18))
            }

            var head = try await Visitor.signedIn(app, as: "head.of.service")
            let page = try await head.get("/workforce")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("Caseloads and workforce") && html.contains("Leavers in the last 12 months") && html.contains("Changes of social worker"))
            // The trend as a chart with its table: an SVG named by its title and description, the series told apart in words.
            for part in ["<svg", "role=\"img\"", "aria-labelledby=\"workforce-trend-title workforce-trend-desc\"",
                         "<title id=\"workforce-trend-title\">Agency share and vacancy rate, last 12 months</title>",
                         "Vacancies as a share of funded posts", "Agency share of staff in post", "Funded posts"] {
                #expect(html.contains(part), "\(part)")
            }
            #expect(html.range(of: "<svg")!.lowerBound < html.range(of: "The last 12 months (at the end of each month")!.lowerBound)
            let csv = try await head.get("/workforce?format=csv")
            #expect(csv.headers.contentType?.description.hasPrefix("text/csv") == true)
            #expect(csv.body.string.hasPrefix("Worker,Role,Team,Service,Full-time equivalent"))
            // The head of service's download has their own service's case holders (the teams they head).
            // (as stored: the team form above, posted without a head of service, took Safeguarding Team 1 from them).
            let headID = try #require(demo.account(.headOfService).staffID)
            let service = Set(try await Team.query(on: app.db).filter(\.$headOfService.$id == headID).all().compactMap(\.id))
            let theirs = try await WorkforceReport.load(standards: .defaults, today: testToday, authority: WorkforceAuthority(teams: service), on: app.db)
            #expect(csv.body.string.split(separator: "\r\n").count == theirs.workers.count + 1 && theirs.workers.count < report.workers.count)
        }
    }

    @Test func aHeadOfServiceSeesAndKeepsOnlyTheirOwnServicesStaffAndTeams() async throws {
        try await withTestApp { app, demo in
            let own = demo.team(named: "Safeguarding Team 1")
            let other = demo.team(named: "Children in Care Team")
            #expect(own.headOfServiceID == demo.account(.headOfService).staffID && other.headOfServiceID != own.headOfServiceID)
            let theirs = try #require(try await StaffMember.query(on: app.db).filter(\.$team.$id == other.id).first())
            let id = try theirs.requireID()
            var head = try await Visitor.signedIn(app, as: "head.of.service")

            // Another service's staff record: not found to change, and no change offered on it.
            #expect(try await head.get("/staff/\(id)/edit").status == .notFound)
            var fields = StaffForm(theirs).values.fields
            fields["fte"] = "0.3"
            #expect(try await head.post("/staff/\(id)/edit", fields).status == .notFound)
            #expect(try await StaffMember.find(id, on: app.db)?.fte == theirs.fte)
            let shown = try await head.get("/staff/\(id)")
            #expect(shown.status == .ok && !shown.body.string.contains("Change staff record"))

            // Another service's team, or none, is refused next to the field with nothing saved; their own is taken.
            let before = try await StaffMember.query(on: app.db).count()
            for team in [other.id.uuidString, ""] {
                let form = try await head.get("/staff/new")
                #expect(!form.body.string.contains(other.id.uuidString), "another service's team is not offered")
                let refused = try await head.post("/staff/new", Self.staffFields("1").merging(["team": team]) { $1 })
                #expect(refused.status == .unprocessableEntity, "team \(team)")
                #expect(refused.body.string.contains("id=\"team-error\"") && refused.body.string.contains("your service"), "team \(team)")
            }
            #expect(try await StaffMember.query(on: app.db).count() == before)
            _ = try await head.get("/staff/new")
            #expect(try await head.post("/staff/new", Self.staffFields("1").merging(["team": own.id.uuidString]) { $1 }).status == .seeOther)
            // Nor can they move one of their own staff into another service.
            let ownMember = try #require(try await StaffMember.query(on: app.db).filter(\.$team.$id == own.id).first())
            var move = StaffForm(ownMember).values.fields
            move["team"] = other.id.uuidString
            _ = try await head.get("/staff/\(try ownMember.requireID())/edit")
            let moved = try await head.post("/staff/\(try ownMember.requireID())/edit", move)
            #expect(moved.status == .unprocessableEntity && moved.body.string.contains("id=\"team-error\""))
            #expect(try await StaffMember.find(ownMember.requireID(), on: app.db)?.$team.id == own.id)
            // An administrator keeps the whole authority's records.
            var admin = try await Visitor.signedIn(app, as: "admin")
            #expect(try await admin.get("/staff/\(id)/edit").status == .ok)

            // The caseload page and its download: their service's teams and workers only; a director's, every team.
            let page = try await head.get("/workforce").body.string
            #expect(page.contains(own.name) && !page.contains(other.name))
            let csv = try await head.get("/workforce?format=csv").body.string
            #expect(csv.contains(own.name) && !csv.contains(other.name))
            var director = try await Visitor.signedIn(app, as: "director")
            let whole = try await director.get("/workforce").body.string
            #expect(whole.contains(own.name) && whole.contains(other.name))

            // Its figures: the service's own allocations, month by month.
            let service = Set(demo.teams.filter { $0.headOfServiceID == own.headOfServiceID }.map(\.id))
            let report = try await WorkforceReport.load(standards: .defaults, today: testToday, authority: WorkforceAuthority(teams: service), on: app.db)
            let open = demo.allocations.filter { $0.end == nil && service.contains($0.teamID) }
            #expect(report.allocated == open.filter { $0.workerID != nil }.count && report.unallocated == open.filter { $0.workerID == nil }.count)
            #expect(report.months.last?.allocated == report.allocated)
            let all = try await WorkforceReport.load(standards: .defaults, today: testToday, on: app.db)
            #expect(report.allocated < all.allocated && report.changes <= all.changes)
        }
    }

    @Test func pastMonthsCountVacanciesAgainstThePostsFundedThen() async throws {
        try await withTestApp { app, demo in
            let team = demo.team(named: "Safeguarding Team 1")
            // Each team starts with one undated row: its funded posts from its creation.
            let start = try await FundedPostsChange.query(on: app.db).filter(\.$team.$id == team.id).all()
            #expect(start.count == 1 && start.first?.from == nil && start.first?.fundedFTE == team.fundedFTE)
            let before = try await WorkforceReport.load(standards: .defaults, today: testToday, on: app.db)

            // Changed today (31 March 2026), twice: the second replaces the first.
            var admin = try await Visitor.signedIn(app, as: "admin")
            for extra in [3.0, 5.0] {
                _ = try await admin.get("/admin/teams/\(team.id)/edit")
                let saved = try await admin.post("/admin/teams/\(team.id)/edit", [
                    "name": team.name, "service": team.service.rawValue, "head-of-service": team.headOfServiceID.uuidString,
                    "funded-posts": StaffForm.fteText(team.fundedFTE + extra)])
                #expect(saved.status == .seeOther)
            }
            let history = try await FundedPostsChange.query(on: app.db).filter(\.$team.$id == team.id).all()
            #expect(history.count == 2 && abs((history.first { $0.from == testToday }?.fundedFTE ?? 0) - (team.fundedFTE + 5)) < 0.001)

            // March counts the new establishment; February and earlier the one funded then.
            let after = try await WorkforceReport.load(standards: .defaults, today: testToday, on: app.db)
            #expect(abs(after.months[11].fundedPosts - before.months[11].fundedPosts - 5) < 0.001)
            #expect(after.months.prefix(11).map(\.fundedPosts) == before.months.prefix(11).map(\.fundedPosts))
            #expect(after.months.prefix(11).map(\.vacancies) == before.months.prefix(11).map(\.vacancies))
        }
    }

    @Test func theFundedPostsInForceOnADayAreTheLatestChangeByThen() {
        let (a, b) = (UUID(), UUID())
        let history = FundedPostsHistory([
            .init(team_id: a, from_date: "2025-06-15", funded_fte: 12), .init(team_id: a, from_date: nil, funded_fte: 10),
            .init(team_id: a, from_date: "2026-01-01", funded_fte: 8), .init(team_id: b, from_date: "2025-09-01", funded_fte: 4),
        ])
        #expect(history.fundedFTE(of: a, on: d("2025-06-14")) == 10 && history.fundedFTE(of: a, on: d("2025-06-15")) == 12)
        #expect(history.fundedFTE(of: a, on: d("2025-12-31")) == 12 && history.fundedFTE(of: a, on: d("2026-03-31")) == 8)
        // A team created on 1 September 2025 had no posts before it.
        #expect(history.fundedFTE(of: b, on: d("2025-08-31")) == 0 && history.fundedFTE(of: b, on: d("2025-09-01")) == 4)
        #expect(history.fundedFTE(of: UUID(), on: d("2026-03-31")) == 0)
    }

    @Test func changesOfSocialWorkerAndMonthEndCaseloadsAreCountedFromTheAllocationHistory() async throws {
        try await withTestApp { app, demo in
            let team = demo.team(named: "Safeguarding Team 1")
            let workers = try await StaffMember.query(on: app.db).filter(\.$team.$id == team.id).filter(\.$jobRole == .socialWorker).all()
            let (first, second) = (try workers[0].requireID(), try workers[1].requireID())
            let open = demo.children.filter { !$0.restricted }.map(\.id)
            let (a, b) = (open[0], open[1])
            try await StoredAllocation.query(on: app.db).delete()
            // A: a first worker (not a change), a month unallocated, the same worker again (not a change), then someone else (a change).
            // B: one worker, another (a change), then the first again (a change).
            for (child, worker, start, end) in [
                (a, first, "2025-01-10", "2025-06-30"), (a, nil, "2025-07-01", "2025-07-31"), (a, first, "2025-08-01", "2025-12-31"),
                (a, second, "2026-01-01", nil),
                (b, first, "2025-05-01", "2025-09-30"), (b, second, "2025-10-01", "2025-12-31"), (b, first, "2026-01-01", nil),
            ] as [(UUID, UUID?, String, String?)] {
                try await StoredAllocation(childID: child, teamID: team.id, workerID: worker, startDate: d(start), endDate: end.map(d)).create(on: app.db)
            }
            // Written as the allocation form, the importer and the demo do: each change marked.
            try await AllocationHistory.markChangesOfWorker(children: [a, b], on: app.db.sql)
            let changes = try await CaseloadQueries.workerChanges(since: d("2025-04-01"), yearFrom: d("2025-04-01"), on: app.db.sql)
            #expect(changes.total == 3 && changes.children == 2 && changes.repeated == 1)
            #expect(changes.byMonth == ["2025-10": 1, "2026-01": 2])
            // On the last day of each month from April 2025: A's unallocated month is July.
            let months = try await CaseloadQueries.allocatedAtMonthEnds(TrendMonth.lastTwelve(endingOn: testToday), on: app.db.sql)
            #expect(months.map(\.allocated) == [1, 2, 2, 1, 2, 2, 2, 2, 2, 2, 2, 2])
            #expect(months.map(\.unallocated) == [0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0])
        }
    }
}

extension FormValues {
    /// The values as a form posts them (dates as their three parts).
    var fields: [String: String] {
        var fields: [String: String] = [:]
        for field in Field.allCases {
            let date = self[date: field]
            if date.isEmpty {
                fields[field.rawValue] = self[field]
            } else {
                fields[field.rawValue + "-day"] = date.day; fields[field.rawValue + "-month"] = date.month; fields[field.rawValue + "-year"] = date.year
            }
        }
        return fields
    }
}
