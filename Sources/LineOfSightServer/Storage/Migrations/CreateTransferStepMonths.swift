import Fluent
import SQLKit

/// The review pack's trend counted by month and kept with the transfers (`TransferStepMonths`),
/// counted here from the transfers already stored.
struct CreateTransferStepMonths: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(TransferStepMonths.table)
            .field("month", .string, .required)
            .field("step", .string, .required)
            .field("kept", .bool, .required)
            .field("transfers", .int, .required)
            .create()
        try await Indexes.create(on: database, [("transfer_step_months_month", TransferStepMonths.table, ["month"])])
        try await TransferStepMonths.recount(on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(TransferStepMonths.table).delete()
    }
}
