import Fluent
import Foundation
import LineOfSightCore
import SQLKit

final class StaffMember: Model, Versioned, @unchecked Sendable {
    static let schema = "staff"

    @ID(key: .id) var id: UUID?
    @Field(key: "first_name") var firstName: String
    @Field(key: "last_name") var lastName: String
    @Enum(key: "job_role") var jobRole: JobRole
    @OptionalParent(key: "team_id") var team: Team?
    @OptionalParent(key: "manager_id") var manager: StaffMember?
    @Field(key: "fte") var fte: Double
    @Field(key: "agency") var agency: Bool
    @Field(key: "newly_qualified") var newlyQualified: Bool
    @Field(key: "active") var active: Bool
    /// The SSDA903 social worker ID (SW_ID) the council's returns name them by.
    @OptionalField(key: "sw_id") var socialWorkerID: String?
    /// Started in post: supervision is due from here, and the workforce trend counts them from here.
    @OptionalField(key: "start_date") var startDate: CivilDate?
    /// Their last day, once known: a leaver from the day after.
    @OptionalField(key: "leaving_date") var leavingDate: CivilDate?
    @Field(key: "version") var version: Int

    init() {}

    init(id: UUID? = nil, firstName: String, lastName: String, jobRole: JobRole, teamID: UUID?, managerID: UUID?,
         fte: Double, agency: Bool, newlyQualified: Bool, active: Bool = true, startDate: CivilDate? = nil, leavingDate: CivilDate? = nil) {
        self.id = id
        self.firstName = firstName
        self.lastName = lastName
        self.jobRole = jobRole
        $team.id = teamID
        $manager.id = managerID
        self.fte = fte
        self.agency = agency
        self.newlyQualified = newlyQualified
        self.active = active
        self.startDate = startDate
        self.leavingDate = leavingDate
        version = 1
    }

    var fullName: String { firstName + " " + lastName }
}

extension QueryBuilder where Model == StaffMember {
    /// Staff in the one order every list uses: by surname, then first name, then a tiebreaker, so
    /// two people with the same name appear in the same order on SQLite and PostgreSQL.
    func sortedByName() -> Self {
        sort(\.$lastName).sort(\.$firstName).sort(\.$id)
    }
}

extension StaffMember {
    /// Staff in `sortedByName`'s order, read column by column rather than through Fluent, which
    /// finds a model's fields by reflection for every row: My work reads its team's staff and the
    /// manager's supervisees on every request. Each is marked as stored, as Fluent marks the
    /// models it reads, so saving one updates its row.
    static func read(on db: any SQLDatabase, where narrow: (SQLSelectBuilder) -> SQLSelectBuilder) async throws -> [StaffMember] {
        try await read(on: db, where: narrow, reading: StaffMember.init)
    }

    /// The same, each row read by `read` (a `Record`, say).
    static func read<Row>(on db: any SQLDatabase, where narrow: (SQLSelectBuilder) -> SQLSelectBuilder,
                          reading read: (Columns) throws -> Row) async throws -> [Row] {
        try await narrow(db.select().column(SQLLiteral.all).from(schema))
            .orderBy("last_name").orderBy("first_name").orderBy("id")
            .all(reading: read)
    }

    /// The active staff of these teams and those `manager` manages (their supervisees), in one
    /// statement.
    static func active(inTeams teams: Set<UUID>, orManagedBy manager: UUID?, on db: any SQLDatabase) async throws -> [StaffMember] {
        try await active(inTeams: teams, orManagedBy: manager, on: db, reading: StaffMember.init)
    }

    /// The same, each row read by `read`.
    static func active<Row>(inTeams teams: Set<UUID>, orManagedBy manager: UUID?, on db: any SQLDatabase,
                            reading read: (Columns) throws -> Row) async throws -> [Row] {
        guard !teams.isEmpty || manager != nil else { return [] }
        return try await self.read(on: db, where: { query in
            query.where("active", .equal, true).where { either in
                if !teams.isEmpty { either.orWhere("team_id", .in, SQLBind.group(teams.sorted())) }
                if let manager { either.orWhere("manager_id", .equal, SQLBind(manager)) }
                return either
            }
        }, reading: read)
    }

    /// A member of staff as a page reads them: a plain value. Each read of a model's field finds
    /// its value by a cast, and making one sets every field so: for the dozen staff of a manager's
    /// My work, on every view, a tenth of its CPU (docs/performance.md).
    struct Record: Sendable {
        let id: UUID
        let firstName: String
        let lastName: String
        let jobRole: JobRole
        let teamID: UUID?
        let managerID: UUID?
        let newlyQualified: Bool
        /// Started in post, and their last day once known (the model's `startDate`, `leavingDate`).
        let startDate: CivilDate?
        let leavingDate: CivilDate?

        var fullName: String { firstName + " " + lastName }

        /// A row of `staff`, read column by column.
        init(_ columns: Columns) throws {
            id = try columns.uuid("id")
            firstName = try columns.text("first_name")
            lastName = try columns.text("last_name")
            jobRole = try columns.code("job_role", as: JobRole.self)
            teamID = try columns.uuid(ifAny: "team_id")
            managerID = try columns.uuid(ifAny: "manager_id")
            newlyQualified = try columns.bool("newly_qualified")
            startDate = try columns.date(ifAny: "start_date")
            leavingDate = try columns.date(ifAny: "leaving_date")
        }

        /// A stored member's (a stored model always has its id).
        init?(_ member: StaffMember) {
            guard let id = member.id else { return nil }
            self.id = id
            firstName = member.firstName
            lastName = member.lastName
            jobRole = member.jobRole
            teamID = member.$team.id
            managerID = member.$manager.id
            newlyQualified = member.newlyQualified
            startDate = member.startDate
            leavingDate = member.leavingDate
        }
    }

    /// A row of `staff`, read column by column: a `Record`'s columns and the rest.
    convenience init(_ columns: Columns) throws {
        let record = try Record(columns)
        self.init(id: record.id, firstName: record.firstName, lastName: record.lastName, jobRole: record.jobRole, teamID: record.teamID,
                  managerID: record.managerID, fte: try columns.double("fte"), agency: try columns.bool("agency"),
                  newlyQualified: record.newlyQualified, active: try columns.bool("active"), startDate: record.startDate,
                  leavingDate: record.leavingDate)
        socialWorkerID = try columns.text(ifAny: "sw_id")
        version = try columns.int("version")
        $id.exists = true
    }
}
