import ConsoleKit
import LineOfSightCore

/// `lineofsight calendar add-working-days 2025-12-19 15` → `2026-01-14`
/// `lineofsight calendar working-days-between 2025-12-19 2026-01-14` → `15`
struct CalendarCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "operation", help: "add-working-days or working-days-between")
        var operation: String
        @Argument(name: "date", help: "A date, YYYY-MM-DD")
        var date: String
        @Argument(name: "operand", help: "A number of working days, or a second date")
        var operand: String
    }

    var help: String { "Working-day arithmetic for England and Wales (X itself never counts: the Nth working day strictly after X)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let date = CivilDate(iso: signature.date) else { throw UsageError("“\(signature.date)” is not a real date in the form YYYY-MM-DD") }
        let calendar = WorkingDayCalendar.englandAndWales
        switch signature.operation {
        case "add-working-days":
            guard let days = Int(signature.operand) else { throw UsageError("“\(signature.operand)” is not a whole number of working days") }
            let result = calendar.adding(workingDays: days, to: date)
            print(result.iso)
            if calendar.isProvisional(result) {
                context.console.error("provisional: \(result.year) is beyond the bank holidays this calendar knows", newLine: true)
            }
        case "working-days-between":
            guard let end = CivilDate(iso: signature.operand) else { throw UsageError("“\(signature.operand)” is not a real date in the form YYYY-MM-DD") }
            print(calendar.workingDays(from: date, to: end))
        default:
            throw UsageError("unknown operation “\(signature.operation)”: use add-working-days or working-days-between")
        }
    }
}
