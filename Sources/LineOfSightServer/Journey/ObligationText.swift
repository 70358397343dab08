import LineOfSightCore

/// Obligations in words for the people responsible for them: the rule's title, a status tag, and
/// why the due date is what it is (M24).
enum ObligationText {
    static func tag(_ status: ObligationStatus) -> Node {
        switch status {
        case .overdue: LineOfSightServer.tag("Overdue", .red)
        case .dueSoon: LineOfSightServer.tag("Due soon", .orange)
        case .upcoming: LineOfSightServer.tag("Due", .blue)
        case .metOnTime: LineOfSightServer.tag("Met", .green)
        case .metLate: LineOfSightServer.tag("Met late", .yellow)
        case .notApplicable: LineOfSightServer.tag("No longer needed", .grey)
        }
    }

    static func title(_ obligation: Obligation) -> String {
        RuleCatalogue.rule(obligation.ruleID)?.title ?? "Timescale no longer in use"
    }

    /// "15 working days after the strategy discussion on Friday 28 August 2026; Monday 31 August
    /// 2026 (bank holiday) not counted."
    static func arithmetic(_ obligation: Obligation, calendar: WorkingDayCalendar) -> String {
        guard let explanation = DueDateExplanation(obligation, calendar: calendar) else { return "" }
        let interval: String = switch explanation.interval {
        case let .workingDays(n): plural(n, "working day")
        case let .months(n): plural(n, "month")
        case let .weeks(n): plural(n, "week")
        case let .days(n): plural(n, "day")
        }
        var text = "\(interval) after the \(eventName(obligation.startedBy.kind)) on \(DateText.withWeekday(obligation.startedBy.date))"
        if !explanation.notCounted.isEmpty {
            let days = explanation.notCounted.map { skipped in
                DateText.withWeekday(skipped.date) + (skipped.reason == .bankHoliday ? " (bank holiday)" : " (council closure day)")
            }
            text += "; " + days.joined(separator: ", ") + " not counted"
        }
        return text + "."
    }

    /// Why it is due then, in a details element: the rule, its source, what started the clock and
    /// the arithmetic.
    static func why(_ obligation: Obligation, calendar: WorkingDayCalendar) -> Node {
        guard let rule = RuleCatalogue.rule(obligation.ruleID) else { return .empty }
        return el("details", .class("govuk-details")) {
            el("summary", .class("govuk-details__summary")) {
                el("span", .class("govuk-details__summary-text")) { "Why it is due then" }
            }
            el("div", .class("govuk-details__text")) {
                paragraph("Due \(DateText.withWeekday(obligation.due)): \(arithmetic(obligation, calendar: calendar))")
                paragraph("What starts the clock: \(rule.clockStarts). What meets it: \(rule.metBy).")
                paragraph("Source: \(rule.source)" + (rule.confidence == .local ? " (a local standard this council sets)." : "."))
                if obligation.provisional {
                    paragraph("This date may move: the bank holidays for that year are not yet published.")
                }
            }
        }
    }

    /// The kind of event that starts or meets a clock, in words.
    static func eventName(_ kind: EventKind) -> String {
        switch kind {
        case .contact: "contact"
        case .referral: "referral"
        case .assessment: "assessment"
        case .strategyDiscussion: "strategy discussion"
        case .s47Enquiry: "section 47 enquiry"
        case .conference: "child protection conference"
        case .cpPlan: "start of the child protection plan"
        case .coreGroup: "core group meeting"
        case .cinPlan: "start of the child in need plan"
        case .visit: "visit"
        case .periodOfCare: "child becoming looked after"
        case .placement: "placement"
        case .lacReview: "looked-after review"
        case .carePlan: "care plan"
        case .placementPlan: "placement plan"
        case .healthAssessment: "health assessment"
        case .pep: "personal education plan"
        case .missingEpisode: "child coming back from being missing or away"
        case .returnInterview: "return home interview offer"
        case .legalStatus: "change of legal status"
        case .permanencePlan: "permanence plan"
        case .temporaryApproval: "temporary approval"
        case .preProceedings: "start of pre-proceedings"
        case .ploReview: "pre-proceedings review"
        case .careProceedings: "start of care proceedings"
        case .permanenceOption: "way to permanence considered"
        case .permanenceDecision: "permanence decision"
        case .adoptionRecommendation: "adoption panel’s recommendation"
        case .agencyDecision: "agency decision on adoption"
        case .familyFinding: "start of family finding"
        case .adoptionMatch: "match with adopters"
        case .authorityToPlace: "authority to place for adoption"
        case .adoptionPlacement: "adoption placement"
        case .adoptionReview: "adoption review"
        case .eligibility: "birthday or eligibility as a care leaver"
        case .needsAssessment: "needs assessment"
        case .pathwayPlan: "pathway plan"
        case .allegation: "allegation"
        case .transfer: "transfer request"
        case .action: "action being set"
        case .supervision: "supervision"
        }
    }

    private static func plural(_ n: Int, _ unit: String) -> String {
        "\(n) \(unit)\(n == 1 ? "" : "s")"
    }
}
