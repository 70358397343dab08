import Fluent

struct CreateOrganisation: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(StaffMember.schema)
            .id()
            .field("first_name", .string, .required)
            .field("last_name", .string, .required)
            .field("job_role", .string, .required)
            .field("team_id", .uuid)
            .field("manager_id", .uuid, .references(StaffMember.schema, .id))
            .field("fte", .double, .required)
            .field("agency", .bool, .required)
            .field("newly_qualified", .bool, .required)
            .field("active", .bool, .required)
            .create()
        try await database.schema(Team.schema)
            .id()
            .field("name", .string, .required)
            .field("service", .string, .required)
            .field("head_of_service_id", .uuid, .references(StaffMember.schema, .id))
            .unique(on: "name")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Team.schema).delete()
        try await database.schema(StaffMember.schema).delete()
    }
}

struct CreateChildren: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Child.schema)
            .id()
            .field("la_child_id", .string, .required)
            .field("first_name", .string, .required)
            .field("last_name", .string, .required)
            .field("date_of_birth", .string)
            .field("expected_date_of_birth", .string)
            .field("sex", .string, .required)
            .field("ethnicity", .string, .required)
            .field("upn", .string)
            .field("nhs_number", .string)
            .field("restricted", .bool, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "la_child_id")
            .create()
        try await database.schema(StoredAllocation.schema)
            .id()
            .field("child_id", .uuid, .required, .references(Child.schema, .id))
            .field("team_id", .uuid, .required, .references(Team.schema, .id))
            .field("worker_id", .uuid, .references(StaffMember.schema, .id))
            .field("start_date", .string, .required)
            .field("end_date", .string)
            .create()
        try await Indexes.create(on: database, [
            ("allocations_child", StoredAllocation.schema, ["child_id", "end_date"]),
            ("allocations_team", StoredAllocation.schema, ["team_id", "end_date"]),
            ("allocations_worker", StoredAllocation.schema, ["worker_id", "end_date"]),
            ("children_names", Child.schema, ["last_name", "first_name"]),
        ])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(StoredAllocation.schema).delete()
        try await database.schema(Child.schema).delete()
    }
}
