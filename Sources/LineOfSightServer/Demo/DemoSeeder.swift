import Fluent
import Foundation
import LineOfSightCore
import SQLKit
import Vapor

/// Writes a generated demo authority into an empty database, in one transaction.
enum DemoSeeder {
    /// The account the demo's recorded history is attributed to: it cannot sign in.
    static let historyUsername = "demo.history"

    /// `today` decides the collection year whose return errors are stored (`ReturnFindingRows`).
    /// The history is recorded at noon on each event's date, or when it is loaded (`now`) for
    /// events of today, so that what someone records after loading is the latest of its day.
    static func seed(_ authority: DemoAuthority, today: CivilDate? = nil, now: Date, on db: any Database, passwordCost: Int = 12,
                     standards: StandardsFile = .defaults) async throws {
        let hash = try Bcrypt.hash(DemoAuthority.password, cost: passwordCost)
        try await db.transaction { db in
            // Staff reference their managers and teams reference their heads, so staff go in first
            // (in generation order: heads, then managers, then members), then teams.
            for member in authority.staff {
                try await StaffMember(id: member.id, firstName: member.firstName, lastName: member.lastName, jobRole: member.jobRole,
                                      teamID: member.teamID, managerID: member.managerID, fte: member.fte, agency: member.agency,
                                      newlyQualified: member.newlyQualified, active: member.active, startDate: member.startDate,
                                      leavingDate: member.leavingDate).create(on: db)
            }
            try await authority.teams.map { Team(id: $0.id, name: $0.name, service: $0.service, headOfServiceID: $0.headOfServiceID, fundedFTE: $0.fundedFTE) }.create(on: db)
            // The demo's establishments have not changed: each team's funded posts from its creation.
            try await authority.teams.map { FundedPostsChange(teamID: $0.id, from: nil, fundedFTE: $0.fundedFTE) }.create(on: db)
            try await Child.insert(authority.children.map {
                Child(id: $0.id, laChildID: $0.laChildID, firstName: $0.firstName, lastName: $0.lastName, dateOfBirth: $0.dateOfBirth,
                      expectedDateOfBirth: $0.expectedDateOfBirth, sex: $0.sex, ethnicity: $0.ethnicity, upn: $0.upn,
                      nhsNumber: $0.nhsNumber, restricted: $0.restricted)
            }, at: now, on: db)
            try await StoredAllocation.insert(authority.allocations.map {
                StoredAllocation(id: $0.id, childID: $0.childID, teamID: $0.teamID, workerID: $0.workerID, startDate: $0.start, endDate: $0.end)
            }, on: db)
            try await AllocationHistory.markChangesOfWorker(children: nil, on: db.sql)
            try await authority.accounts.map { User(id: $0.id, username: $0.username, displayName: $0.displayName, passwordHash: hash, role: $0.role, staffID: $0.staffID) }
                .create(on: db)
            let history = User(username: historyUsername, displayName: "Demo history (loaded with the demo data)", passwordHash: hash,
                               role: .analyst, staffID: nil, active: false)
            try await history.create(on: db)
            let recordedBy = try history.requireID()
            try await StoredEvent.insert(authority.events.map { ($0.id, $0.childID, $0.record, min($0.record.date.noonInLondon, now)) },
                                         recordedBy: recordedBy, on: db)
            for batch in authority.supervisionSessions.chunked(300) {
                try await batch.map { SupervisionSession(id: $0.id, supervisorID: $0.supervisorID, superviseeID: $0.superviseeID, date: $0.date,
                                                         kind: $0.kind, recordedBy: recordedBy, at: min($0.date.noonInLondon, now)) }.create(on: db)
            }
            for batch in authority.discussionLinks.chunked(300) {
                try await batch.map { SupervisionDiscussion(sessionID: $0.sessionID, eventID: $0.eventID) }.create(on: db)
            }
        }
        try await Rederivation.all(setup: standards, today: today, on: db)
    }
}

extension CivilDate {
    /// Midday on this day in England: when the demo says its history was recorded.
    var noonInLondon: Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London") ?? .gmt
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 12)) ?? Date(timeIntervalSince1970: 0)
    }
}
