import SQLKit

/// Tables of record that must never be rewritten (the audit trail): besides the application only
/// inserting, triggers in the database refuse UPDATE and DELETE, so not even a bug can rewrite history.
enum AppendOnly {
    static let functionName = "refuse_append_only_change"

    static func protect(_ table: String, on sql: any SQLDatabase) async throws {
        switch sql.dialect.name {
        case "postgresql":
            try await sql.raw("""
                CREATE OR REPLACE FUNCTION \(unsafeRaw: functionName)() RETURNS trigger AS $$
                BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END; $$ LANGUAGE plpgsql
                """).run()
            try await sql.raw("CREATE TRIGGER \(unsafeRaw: table)_append_only BEFORE UPDATE OR DELETE ON \(unsafeRaw: table) FOR EACH ROW EXECUTE FUNCTION \(unsafeRaw: functionName)()").run()
        default:
            for operation in ["UPDATE", "DELETE"] {
                try await sql.raw("CREATE TRIGGER \(unsafeRaw: table)_no_\(unsafeRaw: operation.lowercased()) BEFORE \(unsafeRaw: operation) ON \(unsafeRaw: table) BEGIN SELECT RAISE(ABORT, '\(unsafeRaw: table) is append-only'); END").run()
            }
        }
    }

    static func removeFunction(on sql: any SQLDatabase) async throws {
        if sql.dialect.name == "postgresql" {
            try await sql.raw("DROP FUNCTION IF EXISTS \(unsafeRaw: functionName)() CASCADE").run()
        }
    }
}
