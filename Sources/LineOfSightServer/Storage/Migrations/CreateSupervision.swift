import Fluent

/// Supervision as a record (M9): each session between a manager and the worker they supervise,
/// a staff-level record, and the link from a session to each case discussion recorded in it (an
/// event of that child's journey, so it sits on the child's record and chronology).
struct CreateSupervision: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SupervisionSession.schema)
            .id()
            .field("supervisor_id", .uuid, .required, .references(StaffMember.schema, .id))
            .field("supervisee_id", .uuid, .required, .references(StaffMember.schema, .id))
            .field("date", .string, .required)
            .field("kind", .string, .required)
            .field("recorded_by", .uuid, .required, .references(User.schema, .id))
            .field("recorded_at", .datetime, .required)
            .create()
        try await database.schema(SupervisionDiscussion.schema)
            .id()
            .field("session_id", .uuid, .required, .references(SupervisionSession.schema, .id))
            // Events are withdrawn, never deleted; should one be deleted (a test emptying a record), its link goes with it.
            .field("event_id", .uuid, .required, .references(StoredEvent.schema, .id, onDelete: .cascade))
            .unique(on: "event_id")
            .create()
        try await Indexes.create(on: database, [
            ("supervision_supervisee_date", SupervisionSession.schema, ["supervisee_id", "date"]),
            ("supervision_supervisor_date", SupervisionSession.schema, ["supervisor_id", "date"]),
            ("supervision_discussions_session", SupervisionDiscussion.schema, ["session_id"]),
        ])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SupervisionDiscussion.schema).delete()
        try await database.schema(SupervisionSession.schema).delete()
    }
}
