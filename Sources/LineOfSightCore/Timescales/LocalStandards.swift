/// The council's values for every named standard (defaults from `definitions`), checked once
/// when set and then read as typed fields by the rules.
public struct LocalStandards: Sendable {
    /// Every standard's current value, by key.
    public let values: [String: StandardValue]
    let parameters: StandardParameters

    public static let defaults = LocalStandards(
        values: Dictionary(uniqueKeysWithValues: definitions.map { ($0.key, $0.defaultValue) }))

    private init(values: [String: StandardValue]) {
        self.values = values
        self.parameters = StandardParameters(values)
    }

    /// These standards with some values replaced. Unknown keys and values of the wrong type or
    /// outside the allowed range are refused with a message naming the key.
    public func overriding(_ overrides: [String: StandardValue]) throws(StandardsError) -> LocalStandards {
        var merged = values
        for key in overrides.keys.sorted() {
            guard let definition = LocalStandards.definitionsByKey[key] else {
                throw StandardsError(key: key, message: "unknown standard \(key)")
            }
            let value = overrides[key]!
            try definition.validate(value)
            merged[key] = value
        }
        return LocalStandards(values: merged)
    }

    public static func definition(_ key: String) -> StandardDefinition? {
        definitionsByKey[key]
    }

    /// The due-soon window, in days (`status.due_soon_days`).
    public var dueSoonDays: Int { parameters.dueSoonDays }
    /// Weeks without progress after which a child's permanence counts as drifting.
    public var noProgressWeeks: Int { parameters.noProgressWeeks }
    public var preProceedingsWeeks: Int { parameters.preProceedingsWeeks }
    /// The adoption scorecard's thresholds: A2 (authority to match) and A1/A10 (care to moving in).
    public var adoptionMatchDays: Int { parameters.adoptionMatchDays }
    public var adoptionPlacedDays: Int { parameters.adoptionPlacedDays }

    private static let definitionsByKey = Dictionary(uniqueKeysWithValues: definitions.map { ($0.key, $0) })
}

/// The standards as typed values, read once so that deriving a child's obligations does no
/// dictionary look-ups.
struct StandardParameters: Sendable {
    enum Reg28Boundary: Sendable { case previousVisit, dueDate }

    let dueSoonDays: Int
    let contactDecisionWD, referrerFeedbackWD, referralDecisionWD, assessmentWD: Int
    let icpcWD, cpFirstReviewMonths, cpReviewMonths, firstCoreGroupWD, coreGroupIntervalDays: Int
    let cpVisitWD, cinVisitWD: Int
    let cpVisitRequiresSeenAlone, visitRequiresChildSeen: Bool
    let lateLocalVisitRestart: ChainRestart
    let claFirstReviewWD, claSecondReviewMonths, claReviewMonths: Int
    let carePlanWD, placementPlanWD, permanencePlanByReview: Int
    let shortBreakFirstReviewMonths, shortBreakReviewMonths, shortBreakFirstVisitMonths, shortBreakVisitMonths: Int
    let reg28FirstVisitDays, reg28FirstYearDays, reg28LongTermMonths, reg28OtherDays: Int
    let reg28WeeklyDays, reg28ConnectedDays, reg28WithParentsDays, reg28LongTermFosterMonths: Int
    let reg28Boundary: Reg28Boundary
    let ihaWD, rhaUnder5Months, rhaFrom5Months, rhaAgeThreshold: Int
    let returnInterviewDays: Int
    let pepInitialWD, pepReviewMonths, pepFromAge: Int
    let permanenceOptionsWeeks, viabilityWD, sgoAssessmentMonths, longTermFosteringMatchMonths, permanenceAmberDays, noProgressWeeks: Int
    let proceedingsLimitWeeks, proceedingsMaxExtensionWeeks, preProceedingsWeeks, ploReviewWeeks: Int
    let temporaryApprovalWeeks, temporaryApprovalMaxExtensionWeeks: Int
    let adoptionDecisionWD, familyFindingWD, adoptionMatchDays, adoptionPlacedDays: Int
    let adoptionFirstReviewMonths, adoptionReviewMonths, adoptionPlacedFirstReviewWeeks: Int
    let adoptionPlacedSecondReviewMonths, adoptionVisitFirstDays, adoptionVisitWeeklyDays, adoptionVisitAfterReviewWeeks: Int
    let eligibleWeeksSince14, needsAssessmentMonths, pathwayReviewMonths, pathwayUntilAge: Int
    let ladoFirstMonths, ladoSecondMonths, ladoFinalMonths: Int
    let transferAcceptanceWD, transferFirstVisitWD: Int
    let supervisionIntervalDays, asyeWeeklyWeeks, asyeFortnightlyMonths: Int

    init(_ values: [String: StandardValue]) {
        func int(_ key: String) -> Int {
            guard case .integer(let value) = values[key] else { preconditionFailure("standard \(key) is not an integer") }
            return value
        }
        func bool(_ key: String) -> Bool {
            guard case .boolean(let value) = values[key] else { preconditionFailure("standard \(key) is not a boolean") }
            return value
        }
        func word(_ key: String) -> String {
            guard case .choice(let value) = values[key] else { preconditionFailure("standard \(key) is not a choice") }
            return value
        }
        dueSoonDays = int("status.due_soon_days")
        contactDecisionWD = int("front_door.contact_decision_working_days")
        referrerFeedbackWD = int("front_door.referrer_feedback_working_days")
        referralDecisionWD = int("front_door.referral_decision_working_days")
        assessmentWD = int("assessment.working_days")
        icpcWD = int("cp.icpc_working_days")
        cpFirstReviewMonths = int("cp.first_review_months")
        cpReviewMonths = int("cp.review_interval_months")
        firstCoreGroupWD = int("cp.first_core_group_working_days")
        coreGroupIntervalDays = 7 * int("cp.core_group_interval_weeks")
        cpVisitWD = int("visits.cp.interval_working_days")
        cinVisitWD = int("visits.cin.interval_working_days")
        cpVisitRequiresSeenAlone = bool("visits.cp.require_seen_alone")
        lateLocalVisitRestart = word("visits.late_visit_restarts_from") == "due_date" ? .dueDate : .actualEvent
        visitRequiresChildSeen = bool("visits.require_child_seen")
        claFirstReviewWD = int("cla.first_review_working_days")
        claSecondReviewMonths = int("cla.second_review_months")
        claReviewMonths = int("cla.review_interval_months")
        carePlanWD = int("cla.care_plan_working_days")
        placementPlanWD = int("cla.placement_plan_working_days")
        permanencePlanByReview = int("cla.permanence_plan_by_review")
        shortBreakFirstReviewMonths = int("cla.short_breaks.first_review_months")
        shortBreakReviewMonths = int("cla.short_breaks.review_interval_months")
        shortBreakFirstVisitMonths = int("visits.short_breaks.first_visit_months")
        shortBreakVisitMonths = int("visits.short_breaks.interval_months")
        reg28FirstVisitDays = int("visits.reg28.first_visit_days")
        reg28FirstYearDays = 7 * int("visits.reg28.first_year_interval_weeks")
        reg28LongTermMonths = int("visits.reg28.long_term_interval_months")
        reg28OtherDays = 7 * int("visits.reg28.other_interval_weeks")
        reg28WeeklyDays = int("visits.reg28.weekly_interval_days")
        reg28ConnectedDays = 7 * int("visits.reg28.connected_interval_weeks")
        reg28WithParentsDays = 7 * int("visits.reg28.with_parents_interval_weeks")
        reg28LongTermFosterMonths = int("visits.reg28.long_term_foster_interval_months")
        reg28Boundary = word("visits.reg28.first_year_boundary") == "due_date" ? .dueDate : .previousVisit
        ihaWD = int("health.iha_working_days")
        returnInterviewDays = int("missing.return_interview_days")
        rhaUnder5Months = int("health.rha_under_5_months")
        rhaFrom5Months = int("health.rha_from_5_months")
        rhaAgeThreshold = int("health.rha_age_threshold")
        pepInitialWD = int("education.pep_initial_working_days")
        pepReviewMonths = int("education.pep_review_months")
        pepFromAge = int("education.pep_from_age")
        proceedingsLimitWeeks = int("proceedings.limit_weeks")
        proceedingsMaxExtensionWeeks = int("proceedings.max_extension_weeks")
        preProceedingsWeeks = int("plo.pre_proceedings_weeks")
        ploReviewWeeks = int("plo.review_interval_weeks")
        permanenceOptionsWeeks = int("permanence.options_considered_weeks")
        viabilityWD = int("permanence.viability_working_days")
        permanenceAmberDays = int("permanence.amber_within_days")
        noProgressWeeks = int("permanence.no_progress_weeks")
        sgoAssessmentMonths = int("permanence.sgo_assessment_months")
        longTermFosteringMatchMonths = int("permanence.long_term_fostering_match_months")
        adoptionDecisionWD = int("adoption.agency_decision_working_days")
        familyFindingWD = int("adoption.family_finding_working_days")
        adoptionMatchDays = int("adoption.match_days")
        adoptionPlacedDays = int("adoption.placed_days")
        temporaryApprovalWeeks = int("connected_person.temporary_approval_weeks")
        temporaryApprovalMaxExtensionWeeks = int("connected_person.max_extension_weeks")
        adoptionFirstReviewMonths = int("adoption.first_review_months")
        adoptionReviewMonths = int("adoption.review_interval_months")
        adoptionPlacedFirstReviewWeeks = int("adoption.placed_first_review_weeks")
        adoptionPlacedSecondReviewMonths = int("adoption.placed_second_review_months")
        adoptionVisitFirstDays = int("adoption.visit_first_days")
        adoptionVisitWeeklyDays = int("adoption.visit_weekly_days")
        adoptionVisitAfterReviewWeeks = int("adoption.visit_after_review_weeks")
        eligibleWeeksSince14 = int("care_leavers.eligible_weeks_since_14")
        needsAssessmentMonths = int("care_leavers.needs_assessment_months")
        pathwayReviewMonths = int("care_leavers.pathway_review_months")
        pathwayUntilAge = int("care_leavers.pathway_until_age")
        ladoFirstMonths = int("lado.first_target_months")
        ladoSecondMonths = int("lado.second_target_months")
        ladoFinalMonths = int("lado.final_target_months")
        transferAcceptanceWD = int("transfers.acceptance_working_days")
        transferFirstVisitWD = int("transfers.first_visit_working_days")
        supervisionIntervalDays = 7 * int("supervision.interval_weeks")
        asyeWeeklyWeeks = int("supervision.asye_weekly_weeks")
        asyeFortnightlyMonths = int("supervision.asye_fortnightly_months")
    }
}
