import Foundation
import LineOfSightCore
import SQLKit

/// A child in a care list: as the register lists them, with their care summary (`CareSummary`,
/// stored by `DerivedRows`). Read column by column (`Columns`): an export reads thousands.
struct CareRow: Sendable {
    let child: ChildListRow
    /// The child's latest period of care; nil on the proceedings lists for a child never looked after.
    let period: Period?
    /// Placements, reviews and leaving care: on the lists that show them (`Kind.showsCare`).
    let care: Summary?
    /// On the permanence tracker only.
    let permanence: Permanence?
    /// On the proceedings lists only.
    let legal: LegalSummary?

    /// The columns of the care summary every care list reads; an export of the others reads only
    /// these (an export of 4,000 children, each value read and made a string, is cheaper by a third).
    struct Period: Sendable {
        static let columns = ["looked_after", "period_start", "period_end", "legal_status"]

        let looked_after: Bool
        let period_start: String
        let period_end: String?
        let legal_status: String?

        init(_ c: Columns) throws {
            looked_after = try c.bool("looked_after"); period_start = try c.text("period_start"); period_end = try c.text(ifAny: "period_end")
            legal_status = try c.text(ifAny: "legal_status")
        }

        var periodStart: CivilDate? { CivilDate(iso: period_start) }
    }

    struct Summary: Sendable {
        let placement_type: String?
        let placement_postcode: String?
        let placement_start: String?
        let placement_starts: String
        let last_review: String?
        let review_chair_id: String?
        let next_review_due: String?
        let open_escalations: Int
        let last_pathway_plan: String?
        let next_pathway_plan_due: String?
        let personal_adviser_id: String?
        let last_contact: String?
        let in_touch: String?
        let accommodation: String?
        let accommodation_suitable: Bool?
        let activity: String?
        let staying_put: Bool

        init(_ c: Columns) throws {
            placement_type = try c.text(ifAny: "placement_type"); placement_postcode = try c.text(ifAny: "placement_postcode")
            placement_start = try c.text(ifAny: "placement_start"); placement_starts = try c.text("placement_starts")
            last_review = try c.text(ifAny: "last_review"); review_chair_id = try c.text(ifAny: "review_chair_id")
            next_review_due = try c.text(ifAny: "next_review_due"); open_escalations = try c.int("open_escalations")
            last_pathway_plan = try c.text(ifAny: "last_pathway_plan"); next_pathway_plan_due = try c.text(ifAny: "next_pathway_plan_due")
            personal_adviser_id = try c.text(ifAny: "personal_adviser_id"); last_contact = try c.text(ifAny: "last_contact")
            in_touch = try c.text(ifAny: "in_touch"); accommodation = try c.text(ifAny: "accommodation")
            accommodation_suitable = try c.bool(ifAny: "accommodation_suitable"); activity = try c.text(ifAny: "activity")
            staying_put = try c.bool("staying_put")
        }

        var placementStart: CivilDate? { placement_start.flatMap(CivilDate.init(iso:)) }
        var nextReviewDue: CivilDate? { next_review_due.flatMap(CivilDate.init(iso:)) }

        /// Placements that started in the 12 months to `today` (the core's measure).
        func placements(inYearTo today: CivilDate) -> Int {
            CareSummary.placements(startingOn: placement_starts.split(separator: " ").compactMap { CivilDate(iso: String($0)) }, inYearTo: today)
        }
    }

    /// The stored `PermanenceSummary`.
    struct Permanence: Sendable {
        let plans: String
        let plan_agreed: String?
        let plan_due: String?
        let routes_considered: String
        let next_milestone: String?
        let next_milestone_due: String?
        let last_decision: String?
        let last_decision_forum: String?
        let last_progress: String?
        let agency_decision: String?
        let authority_to_place: String?
        let matched: String?
        let placed_for_adoption: String?

        init(_ c: Columns) throws {
            plans = try c.text("plans"); plan_agreed = try c.text(ifAny: "plan_agreed"); plan_due = try c.text(ifAny: "plan_due")
            routes_considered = try c.text("routes_considered"); next_milestone = try c.text(ifAny: "next_milestone")
            next_milestone_due = try c.text(ifAny: "next_milestone_due"); last_decision = try c.text(ifAny: "last_decision")
            last_decision_forum = try c.text(ifAny: "last_decision_forum"); last_progress = try c.text(ifAny: "last_progress")
            agency_decision = try c.text(ifAny: "agency_decision"); authority_to_place = try c.text(ifAny: "authority_to_place")
            matched = try c.text(ifAny: "matched"); placed_for_adoption = try c.text(ifAny: "placed_for_adoption")
        }

        var planCodes: [String] { plans.split(separator: " ").map(String.init) }
        var routes: [PermanenceOption.Route] { routes_considered.split(separator: " ").compactMap { PermanenceOption.Route(rawValue: String($0)) } }
        var nextDue: CivilDate? { next_milestone_due.flatMap(CivilDate.init(iso:)) }
        var lastProgress: CivilDate? { last_progress.flatMap(CivilDate.init(iso:)) }
    }

    init(_ columns: Columns) throws {
        child = try ChildListRow(columns)
        // Each part only where its table was joined and has a row for the child (a column that is
        // never null says so).
        period = try columns.has("looked_after") ? Period(columns) : nil
        care = try columns.has("placement_starts") ? Summary(columns) : nil
        permanence = try columns.has("routes_considered") ? Permanence(columns) : nil
        legal = try columns.has("extensions") ? LegalSummary(stored: columns) : nil
    }
}

/// The rows of the care lists, always inside the reader's `ChildScope`.
enum CareQueries {
    static let pageSize = 50
    /// The most rows a CSV export holds.
    static let exportLimit = 100_000

    enum Kind: Sendable {
        /// Looked after now.
        case inCare
        /// Looked after with a review due, soonest first.
        case reviewsDue
        /// Eligible, relevant and former relevant young people, until they are 25 (`CareLeaving`).
        case careLeavers
        /// Looked after, with their permanence, the most overdue milestone first.
        case permanence
        /// Looked after with adoption the plan being carried out: an agency decision, no order yet.
        case adoption
        /// In pre-proceedings or care proceedings now (looked after or not), nearest their limit first.
        case preProceedings, proceedings

        var isLegal: Bool { self == .preProceedings || self == .proceedings }
        /// Whether its rows show placements, reviews or leaving care (`CareRow.Summary`).
        var showsCare: Bool { self == .inCare || self == .reviewsDue || self == .careLeavers }
    }

    /// What a list is read against besides its filters: who reads it, today, and the council's setup.
    struct Setting: Sendable {
        let scope: ChildScope
        let today: CivilDate
        let homeDistricts: Set<String>
        let standards: LocalStandards
    }

    /// One page, in one statement: the page's children chosen, counted and sorted reading only
    /// what the list filters and sorts by (`keys`), and only those fifty joined to their names and
    /// summaries.
    static func page(_ kind: Kind, _ query: CareListQuery, _ setting: Setting, on db: any SQLDatabase) async throws -> Paged<CareRow> {
        try await Paged.read(page: query.page, size: pageSize, on: db, orderIndexed: kind == .permanence, rows: { page, total in
            let pageOfChildren = keys(kind, query, setting, page: page, total: total, on: db)
            return try await ordered(kind, summaryColumns(kind, joinSummaries(kind, ChildDirectory.named(pageOfChildren, on: db))))
                .all { columns in (row: try CareRow(columns), total: try columns.int("total")) }
        }, count: {
            countQuery(kind, query, setting, on: db)
        })
    }

    /// One page's children in the list's order (`ChildDirectory.pageColumns`), with how many match.
    static func keys(_ kind: Kind, _ query: CareListQuery, _ setting: Setting, page: Int, total: PageTotal,
                     on db: any SQLDatabase) -> SQLSelectBuilder {
        let keys = select(kind, query, setting, names: false, ChildDirectory.pageColumns(db.select(), total: total))
        return ordered(kind, keys).limit(pageSize).offset((page - 1) * pageSize)
    }

    /// Every matching row (up to `limit`), for a CSV export or a print view; `extra` narrows the
    /// list further (a panel pack's chosen or overdue children).
    static func all(_ kind: Kind, _ query: CareListQuery, _ setting: Setting, where extra: (any SQLExpression)? = nil, limit: Int = exportLimit,
                    on db: any SQLDatabase) async throws -> [CareRow] {
        let builder = select(kind, query, setting, columns(kind, db.select()))
        if let extra { builder.where(extra) }
        return try await ordered(kind, builder).limit(limit).all(reading: CareRow.init)
    }

    /// How many children match.
    static func count(_ kind: Kind, _ query: CareListQuery, _ setting: Setting, where extra: (any SQLExpression)? = nil,
                      on db: any SQLDatabase) async throws -> Int {
        try await countQuery(kind, query, setting, where: extra, on: db).first(decodingColumn: "n", as: Int.self) ?? 0
    }

    /// `count`'s statement, its one column `n`.
    static func countQuery(_ kind: Kind, _ query: CareListQuery, _ setting: Setting, where extra: (any SQLExpression)? = nil,
                           on db: any SQLDatabase) -> SQLSelectBuilder {
        let builder = select(kind, query, setting, names: false, db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n"))
        if let extra { builder.where(extra) }
        return builder
    }

    private static func columns(_ kind: Kind, _ builder: SQLSelectBuilder) -> SQLSelectBuilder {
        summaryColumns(kind, ChildDirectory.selectColumns(builder))
    }

    private static func summaryColumns(_ kind: Kind, _ builder: SQLSelectBuilder) -> SQLSelectBuilder {
        if kind.showsCare {
            builder.column(SQLColumn(SQLLiteral.all, table: SQLIdentifier("cs")))
        } else {
            for name in CareRow.Period.columns { builder.column(SQLColumn(name, table: "cs")) }
        }
        switch kind {
        case .permanence, .adoption: return builder.column(SQLColumn(SQLLiteral.all, table: SQLIdentifier("ps")))
        case .preProceedings, .proceedings: return builder.column(SQLColumn(SQLLiteral.all, table: SQLIdentifier("ls")))
        default: return builder
        }
    }

    private static func select(_ kind: Kind, _ query: CareListQuery, _ setting: Setting, names: Bool = true,
                               _ builder: SQLSelectBuilder) -> SQLSelectBuilder {
        let (scope, today, homeDistricts) = (setting.scope, setting.today, setting.homeDistricts)
        let filter = ChildFilter(teamID: UUID(text: query.team), workerID: UUID(text: query.worker))
        let builder = joinSummaries(kind, ChildDirectory.scoped(builder, filter, scope, names: names))
        func column(_ name: String) -> SQLColumn { SQLColumn(name, table: "cs") }
        switch kind {
        case .inCare:
            builder.where(column("looked_after"), .equal, SQLBind(true))
        case .reviewsDue:
            builder.where(column("looked_after"), .equal, SQLBind(true)).where(column("next_review_due"), .isNot, SQLLiteral.null)
            if !query.chair.isEmpty { builder.where(column("review_chair_id"), .equal, SQLBind(query.chair)) }
        case .careLeavers:
            builder.where(column("care_leaver"), .equal, SQLBind(true))
                .where(SQLColumn("date_of_birth", table: "c"), .greaterThanOrEqual, SQLBind(CareLeaving.earliestBirthStillSupported(on: setting.today).iso))
        case .adoption:
            builder.where(SQLColumn("agency_decision", table: "ps"), .isNot, SQLLiteral.null)
        case .permanence:
            if query.plan == CareListQuery.noPlan {
                builder.where(SQLColumn("plans", table: "ps"), .equal, SQLBind(""))
            } else if PermanenceCodes.plans.contains(query.plan) {
                builder.where(SQLColumn("plans", table: "ps"), .like, SQLBind("%\(query.plan)%"))
            }
            if let drift = PermanenceDrift(rawValue: query.drift) { builder.where(drift.condition(today: today, standards: setting.standards)) }
        case .preProceedings:
            builder.where(SQLColumn("pre_proceedings_start", table: "ls"), .isNot, SQLLiteral.null)
        case .proceedings:
            builder.where(SQLColumn("issued", table: "ls"), .isNot, SQLLiteral.null)
        }
        if !query.legalStatus.isEmpty { builder.where(column("legal_status"), .equal, SQLBind(query.legalStatus)) }
        if !query.placementType.isEmpty { builder.where(column("placement_type"), .equal, SQLBind(query.placementType)) }
        let districts = SQLBind.group(homeDistricts.sorted())
        switch query.area {
        case "in" where !homeDistricts.isEmpty: builder.where(column("placement_postcode"), .in, districts)
        case "out" where !homeDistricts.isEmpty:
            builder.where(column("placement_postcode"), .notIn, districts).where(column("placement_postcode"), .isNot, SQLLiteral.null)
        default: break
        }
        // Born between these days is aged within the band today.
        if let band = CareListQuery.ageBands.first(where: { $0.id == query.age }) {
            builder.where(SQLColumn("date_of_birth", table: "c"), .greaterThan, SQLBind(today.adding(years: -(band.ages.upperBound + 1)).iso))
                .where(SQLColumn("date_of_birth", table: "c"), .lessThanOrEqual, SQLBind(today.adding(years: -band.ages.lowerBound).iso))
        }
        if let band = CareListQuery.timeInCare.first(where: { $0.id == query.inCare }) {
            builder.where(column("period_start"), .lessThanOrEqual, SQLBind(today.adding(years: -band.years.lowerBound).iso))
                .where(column("period_start"), .greaterThan, SQLBind(today.adding(years: -band.years.upperBound).iso))
        }
        return builder
    }

    /// The summaries a list reads, each `c`'s: its care summary `cs` (every child's on the lists of
    /// looked-after children and care leavers), its legal summary `ls`, its permanence summary `ps`.
    private static func joinSummaries(_ kind: Kind, _ builder: SQLSelectBuilder) -> SQLSelectBuilder {
        func join(_ table: String, as alias: String, _ method: SQLJoinMethod) {
            builder.join(SQLAlias(SQLIdentifier(table), as: SQLIdentifier(alias)), method: method,
                         on: SQLColumn("child_id", table: alias), .equal, SQLColumn("id", table: "c"))
        }
        join(DerivedRows.care, as: "cs", kind.isLegal ? .left : .inner)
        if kind.isLegal { join(DerivedRows.legal, as: "ls", .inner) }
        // A child has a permanence summary only while looked after (`PermanenceSummary`), so the
        // tracker is read from its index in the order of drift (`IndexPermanenceByDrift`) without
        // asking the care summary whether the child is looked after.
        if kind == .permanence || kind == .adoption { join(DerivedRows.permanence, as: "ps", .inner) }
        return builder
    }

    private static func ordered(_ kind: Kind, _ builder: SQLSelectBuilder) -> SQLSelectBuilder {
        if kind == .reviewsDue { builder.orderBy(SQLColumn("next_review_due", table: "cs")) }
        if kind == .adoption { builder.orderBy(SQLColumn("agency_decision", table: "ps")) }
        if kind == .preProceedings { builder.orderBy(SQLColumn("pre_proceedings_due", table: "ls")) }
        if kind == .proceedings { builder.orderBy(SQLColumn("proceedings_due", table: "ls")) }
        if kind == .permanence {
            // Risk of drift: the most overdue milestone first, those with none last; then the
            // longest without progress. `IndexPermanenceByDrift` indexes these terms as written.
            let due = SQLColumn("next_milestone_due", table: "ps"), progress = SQLColumn("last_progress", table: "ps")
            builder.orderBy(SQLBinaryExpression(due, .is, SQLLiteral.null)).orderBy(due)
                .orderBy(SQLBinaryExpression(progress, .isNot, SQLLiteral.null)).orderBy(progress)
        }
        return builder.orderBy(SQLColumn("last_name", table: "c")).orderBy(SQLColumn("first_name", table: "c"))
            .orderBy(SQLColumn("la_child_id", table: "c"))
    }
}
