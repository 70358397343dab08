import Foundation
import LineOfSightCore
import SQLKit

/// The adoption scorecard over the council's adopted children (A1, A2, A3, A10 in
/// shared/reference/timescales.md §5): three rolling three-year periods ending 31 March, each
/// against the thresholds in the council's standards. Aggregates only: no child is named.
enum AdoptionScorecardView {
    /// The scorecards of the three latest complete periods, newest first.
    static func load(today: CivilDate, on sql: any SQLDatabase) async throws -> [AdoptionMeasures.Scorecard] {
        let adopted = try await sql.select().distinct().column("child_id").from(StoredEvent.schema)
            .where("list", .equal, SQLBind(JourneyList.adoptions.rawValue)).where("withdrawn_reason", .is, SQLLiteral.null)
            .all(decodingColumn: "child_id", as: UUID.self)
        let events = try await JourneyRows.eventsByChild(of: adopted, on: sql)
        let journeys = try events.map { try ChildDerivation.journey(of: $0.key, dateOfBirth: nil, events: $0.value, allocations: []) }
        let lastMarch = today.month > 3 ? today.year : today.year - 1
        return (0..<3).map { AdoptionMeasures.scorecard(journeys, period: AdoptionMeasures.scorecardPeriod(endingMarch: lastMarch - $0)) }
    }

    static func node(_ scorecards: [AdoptionMeasures.Scorecard], standards: LocalStandards) -> Node {
        let (matchDays, placedDays) = (standards.adoptionMatchDays, standards.adoptionPlacedDays)
        func days(_ value: Double?, threshold: Int) -> Node {
            guard let value else { return .text("No adoptions") }
            let text = "\(Int(value.rounded())) days"
            return value > Double(threshold) ? fragment { text; " "; tag("Above threshold", .red) } : .text(text)
        }
        let rows: [[Node]] = [
            [.text("Children adopted"), .text("")] + scorecards.map { .text("\($0.adopted)") },
            [.text("A1: average days from entering care to moving in with the adoptive family"), .text("\(placedDays) days")]
                + scorecards.map { days($0.a1AverageDays, threshold: placedDays) },
            [.text("A10: as A1, counting a foster carer adoption from moving in with the carers"), .text("\(placedDays) days")]
                + scorecards.map { days($0.a10AverageDays, threshold: placedDays) },
            [.text("A2: average days from authority to place to the match"), .text("\(matchDays) days")]
                + scorecards.map { days($0.a2AverageDays, threshold: matchDays) },
            [.text("A3: children who moved in within 14 months of entering care"), .text("")]
                + scorecards.map { .text($0.a3Percent.map { "\(Int($0.rounded()))%" } ?? "No adoptions") },
        ]
        return table(caption: "Adoption scorecard", columns: [TableColumn(header: "Measure"), TableColumn(header: "Threshold")]
                     + scorecards.map { TableColumn(header: "\($0.period.lowerBound.year) to \($0.period.upperBound.year)") }, rows: rows)
    }
}
