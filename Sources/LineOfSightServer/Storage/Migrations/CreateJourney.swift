import Fluent

/// The record as events (one `journey_events` table, each event its kind's own JSON), and what is
/// derived from it: every child's obligations and a small snapshot of their current state for lists.
/// Derived rows are replaced per child in the transaction that changes the child's events.
struct CreateJourney: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(StoredEvent.schema)
            .id()
            .field("child_id", .uuid, .required, .references(Child.schema, .id))
            .field("list", .string, .required)
            .field("date", .string, .required)
            .field("record", .string, .required)
            .field("significant", .bool, .required, .sql(.default(false)))
            .field("version", .int, .required)
            .field("recorded_by", .uuid, .required, .references(User.schema, .id))
            .field("recorded_at", .datetime, .required)
            .field("changed_by", .uuid, .references(User.schema, .id))
            .field("changed_at", .datetime)
            .field("withdrawn_reason", .string)
            .create()
        // Raised by every change to a child's events: the first write of each such transaction, so
        // changes to one child's journey are serialised and each derivation sees the one before.
        try await database.schema(Child.schema).field("journey_version", .int, .required, .sql(.default(0))).update()
        try await database.schema(DerivedRows.obligations)
            .field("child_id", .uuid, .required)
            .field("id", .string, .required)
            .field("rule", .string, .required)
            .field("sequence", .int, .required)
            .field("started_kind", .string, .required)
            .field("started_event", .string, .required)
            .field("started_date", .string, .required)
            .field("due", .string, .required)
            .field("provisional", .bool, .required)
            .field("met_kind", .string)
            .field("met_event", .string)
            .field("met_date", .string)
            .field("team_id", .string)
            .field("worker_id", .string)
            .field("not_applicable_reason", .string)
            .field("not_applicable_since", .string)
            .unique(on: "child_id", "id")
            .create()
        try await database.schema(DerivedRows.states)
            .field("child_id", .uuid, .identifier(auto: false))
            .field("stage", .string, .required)
            .field("plans", .string, .required)
            .field("last_seen", .string)
            .field("next_due", .string)
            .field("open_obligations", .int, .required)
            .field("findings", .int, .required)
            .create()
        try await database.schema(DerivedRows.basis)
            .field("id", .int, .identifier(auto: false))
            .field("fingerprint", .string, .required)
            .create()
        try await Indexes.create(on: database, [
            ("journey_events_child", StoredEvent.schema, ["child_id", "date"]),
            ("obligations_worker_due", DerivedRows.obligations, ["worker_id", "due"]),
            ("obligations_team_due", DerivedRows.obligations, ["team_id", "due"]),
        ])
    }

    func revert(on database: any Database) async throws {
        for table in [DerivedRows.basis, DerivedRows.states, DerivedRows.obligations] {
            try await database.schema(table).delete()
        }
        try await database.schema(StoredEvent.schema).delete()
        try await database.schema(Child.schema).deleteField("journey_version").update()
    }
}
