import Foundation
import LineOfSightCore
import SQLKit

/// What leaders watch for drift in permanence: each is a count on the home page and a filter of the
/// permanence tracker, from the same condition, so the number and the children behind it agree.
enum PermanenceDrift: String, CaseIterable, Sendable {
    case noPlan = "no-plan", stalled, approval, plo, proceedings

    func label(_ standards: LocalStandards) -> String {
        switch self {
        case .noPlan: "in care over \(DriftStatus.noPlanMonths) months without an agreed permanence plan"
        case .stalled: "whose permanence has not moved on for \(standards.noProgressWeeks) weeks or more"
        case .approval: "with family or friends past the end of their temporary approval"
        case .plo: "in pre-proceedings past \(standards.preProceedingsWeeks) weeks"
        case .proceedings: "in care proceedings past 26 weeks and any extension"
        }
    }

    /// The overdue milestone that makes a child count, for those counted by one.
    private var rule: RuleID? {
        switch self {
        case .approval: .temporaryApproval
        case .plo: .preProceedings
        case .proceedings: .careProceedings
        case .noPlan, .stalled: nil
        }
    }

    /// The condition over a tracker query (`c` the child, `cs` their care summary, `ps` their
    /// permanence summary).
    func condition(today: CivilDate, standards: LocalStandards) -> any SQLExpression {
        if let rule { return Self.overdue([rule], today: today, standards: standards) }
        switch self {
        case .noPlan:
            return SQLBinaryExpression(
                SQLBinaryExpression(SQLColumn("plans", table: "ps"), .equal, SQLBind("")), .and,
                SQLBinaryExpression(SQLColumn("period_start", table: "cs"), .lessThanOrEqual, SQLBind(DriftStatus.noPlanSince(today: today).iso)))
        default:
            let since = SQLFunction("COALESCE", args: SQLColumn("last_progress", table: "ps"), SQLColumn("period_start", table: "cs"))
            return SQLBinaryExpression(since, .lessThanOrEqual, SQLBind(DriftStatus.stalledSince(today: today, standards: standards).iso))
        }
    }

    /// Every milestone of the tracker (`PermanenceSummary.isMilestone`).
    static let milestones: [RuleID] = RuleCatalogue.all.map(\.id).filter(PermanenceSummary.isMilestone)

    /// The child (`c`) has one of `rules` overdue by the core's status rule: the drift counted by a
    /// milestone, and a panel pack's "every child with an overdue milestone".
    static func overdue(_ rules: [RuleID], today: CivilDate, standards: LocalStandards) -> any SQLExpression {
        let bounds = StatusBounds(asOf: today, dueSoonDays: standards.dueSoonDays)
        let overdue = Subquery.select("child_id", from: DerivedRows.obligations, where: [
            SQLBinaryExpression(SQLColumn("rule", table: DerivedRows.obligations), .in, SQLBind.group(rules.map(\.rawValue))),
            StatusSQL.condition(.overdue, bounds: bounds, columns: .obligations(table: DerivedRows.obligations)),
        ])
        return SQLBinaryExpression(SQLColumn("id", table: "c"), .in, overdue)
    }
}
