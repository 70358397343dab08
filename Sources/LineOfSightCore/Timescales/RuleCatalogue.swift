/// Every timescale the system derives, as data (shared/reference/timescales.md). The
/// computation of each lives in Obligations/; this is what it means and where it comes from.
public enum RuleCatalogue {
    public static func rule(_ id: RuleID) -> Rule? { byID[id] }

    private static let byID = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

    public static let all: [Rule] = [
        rule(.contactDecision, "Contact decision", .frontDoor,
             startedBy: [.contact], metBy: [.contact],
             source: "Local practice standard: the next step for a contact authorised by a manager", .local,
             starts: "contact received", due: "1 working day after", met: "a manager authorises the next step",
             .localWorkingDays, ["front_door.contact_decision_working_days"]),
        rule(.referrerFeedback, "Person who made the contact told the outcome", .frontDoor,
             startedBy: [.contact], metBy: [.contact],
             source: "Working Together 2023 ch.3 'Referral' (the referrer is told the decision); the timescale is local", .local,
             starts: "the decision on the contact (not for an anonymous contact)", due: "1 working day after",
             met: "the date they were told recorded",
             .localWorkingDays, ["front_door.referrer_feedback_working_days"]),
        rule(.referralDecision, "Referral decision", .frontDoor,
             startedBy: [.referral], metBy: [.referral],
             source: "Working Together 2023 ch.3 'Referral' (from WT2018 ch.1)", .secondary,
             starts: "referral received", due: "1 working day after", met: "decision on next steps recorded",
             .nationalWorkingDays, ["front_door.referral_decision_working_days"]),
        rule(.assessment, "Assessment completed and authorised", .assessment,
             startedBy: [.referral, .assessment], metBy: [.assessment],
             source: "Working Together 2023 ch.3 'Assessment of children in need'", .secondary,
             starts: "the referral the assessment answers (named, else the latest received on or before its start); with none, the assessment's start",
             due: "45 working days after", met: "assessment authorised by the team manager",
             .nationalWorkingDays, ["assessment.working_days"]),

        rule(.icpc, "Initial child protection conference", .childProtection,
             startedBy: [.strategyDiscussion], metBy: [.conference],
             source: "Working Together 2023 ch.3 'Initial child protection conferences'; CIN census target ICPC date (rule 8675Q)", .confirmed,
             starts: "the last strategy discussion at which section 47 enquiries were initiated (before the conference)",
             due: "15 working days after", met: "initial conference held",
             .nationalWorkingDays, ["cp.icpc_working_days"]),
        rule(.cpFirstReview, "First child protection review conference", .childProtection,
             startedBy: [.conference, .cpPlan], metBy: [.conference],
             source: "Working Together 2023 ch.3 'Child protection review conference'", .secondary,
             starts: "the child protection plan's start (initial conference)", due: "3 months after", met: "review conference held",
             .calendar, ["cp.first_review_months"]),
        rule(.cpReview, "Child protection review conference", .childProtection,
             startedBy: [.conference], metBy: [.conference],
             source: "Working Together 2023 ch.3", .secondary,
             starts: "the previous review conference", due: "6 months after", met: "review conference held",
             .calendar, ["cp.review_interval_months"], recurring: true),
        rule(.cpFirstCoreGroup, "First core group meeting", .childProtection,
             startedBy: [.conference, .cpPlan], metBy: [.coreGroup],
             source: "Working Together (2018 wording in LA procedures updated for 2023); Sefton 6.1.4, Newcastle 1.4.5", .secondary,
             starts: "the child protection plan's start (initial conference)", due: "10 working days after", met: "core group held",
             .nationalWorkingDays, ["cp.first_core_group_working_days"]),
        rule(.cpCoreGroup, "Core group meeting", .childProtection,
             startedBy: [.coreGroup], metBy: [.coreGroup],
             source: "Local practice (Sefton, Newcastle: 4-weekly)", .local,
             starts: "the previous core group", due: "4 weeks after", met: "core group held",
             .calendar, ["cp.core_group_interval_weeks"], recurring: true),
        rule(.cpVisit, "Child protection visit", .visits,
             startedBy: [.conference, .cpPlan, .visit], metBy: [.visit],
             source: "Local practice standard (no national frequency)", .local,
             starts: "the child protection plan's start, then each visit", due: "10 working days after",
             met: "visit with the child seen (and seen alone, if the standard requires)",
             .localWorkingDays, ["visits.cp.interval_working_days", "visits.cp.require_seen_alone", "visits.require_child_seen"],
             recurring: true),
        rule(.cinVisit, "Child in need visit", .visits,
             startedBy: [.cinPlan, .visit], metBy: [.visit],
             source: "Local practice standard (no national frequency)", .local,
             starts: "the child in need plan's start, then each visit", due: "20 working days after", met: "visit with the child seen",
             .localWorkingDays, ["visits.cin.interval_working_days", "visits.require_child_seen"], recurring: true),

        rule(.claFirstReview, "First looked-after review", .lookedAfter,
             startedBy: [.periodOfCare], metBy: [.lacReview],
             source: "CPPCR 2010 reg 33(1); Volume 2 ch.4 'Timing of reviews'", .secondary,
             starts: "the child becomes looked after", due: "20 working days after", met: "review held",
             .nationalWorkingDays, ["cla.first_review_working_days"]),
        rule(.claSecondReview, "Second looked-after review", .lookedAfter,
             startedBy: [.lacReview], metBy: [.lacReview],
             source: "CPPCR 2010 reg 33(2)", .secondary,
             starts: "the first review", due: "3 months after", met: "review held",
             .calendar, ["cla.second_review_months"]),
        rule(.claReview, "Looked-after review", .lookedAfter,
             startedBy: [.lacReview], metBy: [.lacReview],
             source: "CPPCR 2010 reg 33(2)–(3)", .secondary,
             starts: "the previous review", due: "6 months after", met: "review held",
             .calendar, ["cla.review_interval_months"], recurring: true),
        rule(.carePlan, "Care plan", .lookedAfter,
             startedBy: [.periodOfCare], metBy: [.carePlan],
             source: "CPPCR 2010 reg 4", .secondary,
             starts: "the start of the first placement of the period of care", due: "10 working days after",
             met: "care plan recorded (before the placement also meets it)",
             .nationalWorkingDays, ["cla.care_plan_working_days"]),
        rule(.placementPlan, "Placement plan", .lookedAfter,
             startedBy: [.placement], metBy: [.placementPlan],
             source: "CPPCR 2010 reg 9", .partial,
             starts: "the start of each placement", due: "5 working days after (emergency placements)",
             met: "placement plan agreed (before the placement also meets it)",
             .nationalWorkingDays, ["cla.placement_plan_working_days"]),
        rule(.permanencePlan, "Permanence plan by the second review", .permanence,
             startedBy: [.periodOfCare], metBy: [.permanencePlan],
             source: "Children Act 1989 Volume 2 ch.2 'Permanence planning'", .secondary,
             starts: "the child becomes looked after",
             due: "the date of the second review (as held, or as due while not yet held)",
             met: "permanence plan recorded", .calendar, ["cla.permanence_plan_by_review"]),
        rule(.permanenceOptions, "Permanence options considered", .permanence,
             startedBy: [.periodOfCare], metBy: [.permanenceOption],
             source: "Local standard: options considered at the earliest opportunity (Ofsted ILACS)", .local,
             starts: "the child becomes looked after", due: "8 weeks after",
             met: "a way to permanence recorded as considered (one considered since any earlier period of care ended, before this one, also meets it)",
             .calendar, ["permanence.options_considered_weeks"]),
        rule(.viabilityAssessment, "Viability assessment", .permanence,
             startedBy: [.permanenceOption], metBy: [.permanenceOption],
             source: "Local standard; no national timescale", .local,
             starts: "a viability assessment of a relative or friend starts", due: "10 working days after",
             met: "the assessment completed", .localWorkingDays, ["permanence.viability_working_days"]),
        rule(.sgoAssessment, "Special guardianship assessment", .permanence,
             startedBy: [.permanenceOption], metBy: [.permanenceOption],
             source: "Children Act 1989 s14A(7)–(8); Special Guardianship Regulations 2005 reg 21", .partial,
             starts: "a special guardianship assessment starts", due: "3 months after",
             met: "the assessment completed", .calendar, ["permanence.sgo_assessment_months"]),
        rule(.returnHomeRiskAssessment, "Risk assessment before a return home", .permanence,
             startedBy: [.periodOfCare], metBy: [.permanenceOption],
             source: "Children Act 1989 Volume 2 ch.2 (planning a return home); Ofsted found returns home without one", .secondary,
             starts: "the child leaves care to go home (reasons E4A, E4B, E13)", due: "the day they leave",
             met: "a risk assessment of the return home completed during the period of care", .calendar, []),
        rule(.longTermFosteringMatch, "Long-term fostering match approved", .permanence,
             startedBy: [.permanencePlan], metBy: [.permanenceDecision],
             source: "Local standard: a long-term foster placement is approved by a nominated officer (CPPCR 2010 as amended in 2015); no national timescale", .local,
             starts: "a permanence plan of long-term fostering agreed", due: "6 months after",
             met: "the match approved by a nominated officer or the agency decision maker in the period of care (before the plan also meets it)",
             .calendar, ["permanence.long_term_fostering_match_months"]),

        rule(.shortBreakFirstReview, "First review, series of short breaks", .lookedAfter,
             startedBy: [.periodOfCare], metBy: [.lacReview],
             source: "CPPCR 2010 reg 48 (replacing reg 33 for short breaks)", .secondary,
             starts: "the start of the first short break of the series", due: "3 months after", met: "review held",
             .calendar, ["cla.short_breaks.first_review_months"]),
        rule(.shortBreakReview, "Review, series of short breaks", .lookedAfter,
             startedBy: [.lacReview], metBy: [.lacReview],
             source: "CPPCR 2010 reg 48 (replacing reg 33 for short breaks)", .secondary,
             starts: "the previous review", due: "6 months after", met: "review held",
             .calendar, ["cla.short_breaks.review_interval_months"], recurring: true),
        rule(.shortBreakFirstVisit, "First visit, series of short breaks", .visits,
             startedBy: [.periodOfCare], metBy: [.visit],
             source: "CPPCR 2010 reg 48(3)(c) (replacing reg 28(2)): intervals agreed with the IRO and parents", .local,
             starts: "the start of the first short break of the series", due: "3 months after",
             met: "visit with the child seen, on a day of a break", .calendar,
             ["visits.short_breaks.first_visit_months", "visits.require_child_seen"]),
        rule(.shortBreakVisit, "Visit, series of short breaks", .visits,
             startedBy: [.visit], metBy: [.visit],
             source: "CPPCR 2010 reg 48(3)(c) (replacing reg 28(2)): intervals agreed with the IRO and parents", .local,
             starts: "the previous visit", due: "6 months after", met: "visit with the child seen, on a day of a break",
             .calendar, ["visits.short_breaks.interval_months", "visits.require_child_seen"], recurring: true),

        rule(.reg28FirstWeek, "Visit within a week of a placement starting", .visits,
             startedBy: [.placement], metBy: [.visit],
             source: "CPPCR 2010 reg 28(2)(a)", .confirmed,
             starts: "the start of the placement", due: "7 days after", met: "visit with the child seen",
             .calendar, ["visits.reg28.first_visit_days", "visits.require_child_seen"]),
        rule(.reg28CareOrderAtHome, "Visit within a week of a care order made while the child lives with a parent", .visits,
             startedBy: [.legalStatus], metBy: [.visit],
             source: "CPPCR 2010 reg 28(5)", .confirmed,
             starts: "the care order (legal status C2) made during a placement with parents", due: "7 days after",
             met: "visit with the child seen", .calendar, ["visits.reg28.first_visit_days", "visits.require_child_seen"]),
        rule(.reg28FirstYear, "Visit, first year of placement (6-weekly)", .visits,
             startedBy: [.visit], metBy: [.visit],
             source: "CPPCR 2010 reg 28(2)(b)", .confirmed,
             starts: "the previous visit", due: "6 weeks after", met: "visit with the child seen",
             .calendar, ["visits.reg28.first_year_interval_weeks", "visits.reg28.first_year_boundary"], recurring: true),
        rule(.reg28LongTerm, "Visit, long-term placement after the first year (3-monthly)", .visits,
             startedBy: [.visit], metBy: [.visit],
             source: "CPPCR 2010 reg 28(2)(b)(i)", .confirmed,
             starts: "the previous visit", due: "3 months after", met: "visit with the child seen",
             .calendar, ["visits.reg28.long_term_interval_months"], recurring: true),
        rule(.reg28Other, "Visit, other placement after the first year (6-weekly)", .visits,
             startedBy: [.visit], metBy: [.visit],
             source: "CPPCR 2010 reg 28(2)(b)(ii)", .confirmed,
             starts: "the previous visit", due: "6 weeks after", met: "visit with the child seen",
             .calendar, ["visits.reg28.other_interval_weeks"], recurring: true),
        rule(.reg28WeeklyUntilReview, "Visit weekly until the first review", .visits,
             startedBy: [.visit], metBy: [.visit],
             source: "CPPCR 2010 reg 28(3) (placed with parents before assessment), 28(4) (connected person, interim care order at home)", .confirmed,
             starts: "the previous visit, before the first looked-after review", due: "7 days after",
             met: "visit with the child seen", .calendar, ["visits.reg28.weekly_interval_days"], recurring: true),
        rule(.reg28Connected, "Visit, connected person or interim care order at home (4-weekly)", .visits,
             startedBy: [.visit], metBy: [.visit],
             source: "CPPCR 2010 reg 28(4)", .confirmed,
             starts: "the previous visit, after the first review", due: "4 weeks after", met: "visit with the child seen",
             .calendar, ["visits.reg28.connected_interval_weeks"], recurring: true),
        rule(.reg28WithParents, "Visit, placed with parents (6-weekly)", .visits,
             startedBy: [.visit], metBy: [.visit],
             source: "CPPCR 2010 reg 28(3) after the first review; 28(5) care order with the child at home", .confirmed,
             starts: "the previous visit", due: "6 weeks after", met: "visit with the child seen",
             .calendar, ["visits.reg28.with_parents_interval_weeks"], recurring: true),
        rule(.reg28LongTermFoster, "Visit, long-term foster placement with the child's agreement (6-monthly)", .visits,
             startedBy: [.visit], metBy: [.visit],
             source: "CPPCR 2010 reg 28(3A), inserted 2015", .partial,
             starts: "the previous visit, once the placement has lasted a year", due: "6 months after",
             met: "visit with the child seen", .calendar, ["visits.reg28.long_term_foster_interval_months"], recurring: true),

        rule(.returnInterview, "Return home interview offered", .lookedAfter,
             startedBy: [.missingEpisode], metBy: [.returnInterview],
             source: "Children who run away or go missing from home or care (DfE, 2014): within 72 hours of return", .local,
             starts: "the child comes back from being missing or away", due: "3 days after",
             met: "a return home interview offered (whether or not it is accepted)",
             .calendar, ["missing.return_interview_days"]),
        rule(.initialHealthAssessment, "Initial health assessment", .health,
             startedBy: [.periodOfCare], metBy: [.healthAssessment],
             source: "CPPCR 2010 reg 7; Promoting the health and wellbeing of looked-after children (2015, updated 2022)", .secondary,
             starts: "the child becomes looked after", due: "20 working days after", met: "a health assessment recorded as initial (a review does not meet it)",
             .nationalWorkingDays, ["health.iha_working_days"]),
        rule(.reviewHealthAssessment, "Review health assessment", .health,
             startedBy: [.healthAssessment], metBy: [.healthAssessment],
             source: "Promoting the health and wellbeing of looked-after children", .secondary,
             starts: "the previous health assessment",
             due: "6 months after if the child is under 5 on that date, otherwise 12 months after",
             met: "health assessment", .calendar,
             ["health.rha_under_5_months", "health.rha_from_5_months", "health.rha_age_threshold"], recurring: true),
        rule(.pepInitial, "Personal education plan initiated", .education,
             startedBy: [.periodOfCare, .eligibility], metBy: [.pep],
             source: "Promoting the education of looked-after and previously looked-after children (DfE, 2018)", .partial,
             starts: "the child becomes looked after (school age)", due: "20 working days after", met: "personal education plan recorded",
             .nationalWorkingDays, ["education.pep_initial_working_days"]),
        rule(.pepReview, "Personal education plan reviewed", .education,
             startedBy: [.pep], metBy: [.pep],
             source: "Promoting the education of looked-after children (2018): reviewed each term", .partial,
             starts: "the previous personal education plan", due: "4 months after", met: "personal education plan review recorded",
             .calendar, ["education.pep_review_months"], recurring: true),

        rule(.careProceedings, "Care proceedings concluded within 26 weeks", .proceedings,
             startedBy: [.careProceedings], metBy: [.careProceedings],
             source: "Children Act 1989 s32(1)(a), (5)–(8) (Children and Families Act 2014 s14)", .confirmed,
             starts: "the application is issued",
             due: "the last day of 26 weeks beginning with the issue date (issue + 181 days), plus each extension of up to 8 weeks",
             met: "final order or other disposal", .calendar, ["proceedings.limit_weeks", "proceedings.max_extension_weeks"]),
        rule(.preProceedings, "Pre-proceedings concluded", .proceedings,
             startedBy: [.preProceedings], metBy: [.preProceedings],
             source: "Public Law Working Group pre-proceedings best-practice guidance (2021, revised 2023)", .notFound,
             starts: "the letter before proceedings", due: "16 weeks after", met: "proceedings issued or stepped down",
             .calendar, ["plo.pre_proceedings_weeks"]),
        rule(.ploReview, "Pre-proceedings review", .proceedings,
             startedBy: [.preProceedings, .ploReview], metBy: [.ploReview],
             source: "Local standard: pre-proceedings reviewed regularly (Public Law Working Group best-practice guidance, 2021, revised 2023); no national interval", .local,
             starts: "the letter before proceedings, then each review", due: "6 weeks after", met: "a pre-proceedings review held",
             .calendar, ["plo.review_interval_weeks"], recurring: true),
        rule(.temporaryApproval, "Connected person temporary approval resolved", .permanence,
             startedBy: [.temporaryApproval], metBy: [.temporaryApproval],
             source: "CPPCR 2010 reg 24 (16 weeks), reg 25 (one extension of up to 8 weeks)", .partial,
             starts: "temporary approval", due: "16 weeks after, plus one extension of up to 8 weeks granted while the approval is current",
             met: "approved as a foster carer (or the arrangement ended)", .calendar,
             ["connected_person.temporary_approval_weeks", "connected_person.max_extension_weeks"]),
        rule(.connectedPersonAssessment, "Connected person full assessment concluded", .permanence,
             startedBy: [.temporaryApproval], metBy: [.permanenceDecision, .temporaryApproval],
             source: "CPPCR 2010 reg 24 (16 weeks), reg 25 (one extension of up to 8 weeks, while the full assessment is completed)", .partial,
             starts: "temporary approval",
             due: "when the temporary approval runs out: 16 weeks after, plus one extension of up to 8 weeks granted while the approval is current",
             met: "the fostering panel's or agency decision maker's decision on the carers' full assessment (approval as foster carers also meets it)",
             .calendar, ["connected_person.temporary_approval_weeks", "connected_person.max_extension_weeks"]),

        rule(.adoptionDecision, "Agency decision on adoption", .adoption,
             startedBy: [.adoptionRecommendation], metBy: [.agencyDecision],
             source: "Adoption Agencies Regulations 2005 reg 19, as amended", .partial,
             starts: "the adoption panel recommends that the child should be placed for adoption", due: "7 working days after",
             met: "the agency decision maker's decision", .nationalWorkingDays, ["adoption.agency_decision_working_days"]),
        rule(.familyFinding, "Family finding started", .adoption,
             startedBy: [.agencyDecision], metBy: [.familyFinding],
             source: "Local standard: family finding at the earliest opportunity (Ofsted ILACS)", .local,
             starts: "the agency decision that the child should be placed for adoption", due: "10 working days after",
             met: "family finding started (before the decision also meets it)", .localWorkingDays, ["adoption.family_finding_working_days"]),
        rule(.adoptionMatch, "Matched with adopters", .adoption,
             startedBy: [.authorityToPlace], metBy: [.adoptionMatch],
             source: "Adoption scorecard A2 threshold (4 months)", .secondary,
             starts: "the agency first has authority to place (placement order or consent)", due: "121 days after",
             met: "the match decided (before the authority also meets it)", .calendar, ["adoption.match_days"]),
        rule(.adoptionPlaced, "Moved in with the adoptive family", .adoption,
             startedBy: [.periodOfCare], metBy: [.adoptionPlacement],
             source: "Adoption scorecard A1 and A10 threshold (14 months)", .secondary,
             starts: "the child becomes looked after (for a child with an adoption plan)", due: "426 days after",
             met: "placed with the adopters, or for a foster carer adoption moving in with the carers",
             .calendar, ["adoption.placed_days"]),
        rule(.adoptionFirstReview, "Adoption review after authority to place", .adoption,
             startedBy: [.authorityToPlace], metBy: [.adoptionReview],
             source: "Adoption Agencies Regulations 2005 reg 36(1)", .confirmed,
             starts: "the agency first has authority to place", due: "3 months after", met: "review held (while not placed)",
             .calendar, ["adoption.first_review_months"]),
        rule(.adoptionReview, "Adoption review while waiting for placement", .adoption,
             startedBy: [.adoptionReview], metBy: [.adoptionReview],
             source: "AAR 2005 reg 36(1)", .confirmed,
             starts: "the previous review", due: "6 months after", met: "review held", .calendar,
             ["adoption.review_interval_months"], recurring: true),
        rule(.adoptionPlacedFirstReview, "Adoption review after placement", .adoption,
             startedBy: [.adoptionPlacement], metBy: [.adoptionReview],
             source: "AAR 2005 reg 36(3)", .confirmed,
             starts: "placement for adoption", due: "4 weeks after", met: "review held", .calendar,
             ["adoption.placed_first_review_weeks"]),
        rule(.adoptionPlacedSecondReview, "Second adoption review after placement", .adoption,
             startedBy: [.adoptionReview], metBy: [.adoptionReview],
             source: "AAR 2005 reg 36(3)", .confirmed,
             starts: "the first post-placement review", due: "3 months after", met: "review held", .calendar,
             ["adoption.placed_second_review_months"]),
        rule(.adoptionPlacedReview, "Adoption review until the adoption order", .adoption,
             startedBy: [.adoptionReview], metBy: [.adoptionReview],
             source: "AAR 2005 reg 36(3)", .confirmed,
             starts: "the previous review", due: "6 months after", met: "review held", .calendar,
             ["adoption.review_interval_months"], recurring: true),
        rule(.adoptionVisitFirstWeek, "Adoption visit within a week of placement", .adoption,
             startedBy: [.adoptionPlacement], metBy: [.visit],
             source: "AAR 2005 reg 36(4)", .confirmed,
             starts: "placement for adoption", due: "7 days after", met: "visit", .calendar, ["adoption.visit_first_days"]),
        rule(.adoptionVisitWeekly, "Adoption visit weekly until the first review", .adoption,
             startedBy: [.visit], metBy: [.visit],
             source: "AAR 2005 reg 36(4)", .confirmed,
             starts: "the previous visit", due: "7 days after", met: "visit", .calendar,
             ["adoption.visit_weekly_days"], recurring: true),
        rule(.adoptionVisitAfterReview, "Adoption visit at the frequency set by review", .adoption,
             startedBy: [.visit], metBy: [.visit],
             source: "AAR 2005 reg 36(4); frequency is a local standard", .local,
             starts: "the previous visit", due: "6 weeks after", met: "visit", .calendar,
             ["adoption.visit_after_review_weeks"], recurring: true),

        rule(.needsAssessment, "Care leaver needs assessment", .careLeavers,
             startedBy: [.eligibility], metBy: [.needsAssessment],
             source: "CPPCR 2010 reg 42(1); eligibility reg 40 and CA 1989 Sch 2 para 19B", .confirmed,
             starts: "the 16th birthday, or the day the child becomes eligible if later", due: "3 months after",
             met: "needs assessment completed", .calendar,
             ["care_leavers.needs_assessment_months", "care_leavers.eligible_weeks_since_14"]),
        rule(.pathwayReview, "Pathway plan review", .careLeavers,
             startedBy: [.pathwayPlan], metBy: [.pathwayPlan],
             source: "CPPCR 2010 reg 43; Care Leavers (England) Regulations 2010", .secondary,
             starts: "the previous pathway plan or review", due: "6 months after", met: "pathway plan review",
             .calendar, ["care_leavers.pathway_review_months", "care_leavers.pathway_until_age"], recurring: true),

        rule(.ladoOneMonth, "Allegation resolved within one month", .lado,
             startedBy: [.allegation], metBy: [.allegation],
             source: "KCSIE Part 4 para 174: 80% within one month", .confirmed,
             starts: "referral to the LADO", due: "1 month after", met: "allegation concluded",
             .calendar, ["lado.first_target_months"], subject: .allegation),
        rule(.ladoThreeMonths, "Allegation resolved within three months", .lado,
             startedBy: [.allegation], metBy: [.allegation],
             source: "KCSIE Part 4 para 174: 90% within three months", .confirmed,
             starts: "referral to the LADO", due: "3 months after", met: "allegation concluded",
             .calendar, ["lado.second_target_months"], subject: .allegation),
        rule(.ladoTwelveMonths, "Allegation completed within twelve months", .lado,
             startedBy: [.allegation], metBy: [.allegation],
             source: "KCSIE Part 4 para 174: all but the most exceptional within 12 months", .confirmed,
             starts: "referral to the LADO", due: "12 months after", met: "allegation concluded",
             .calendar, ["lado.final_target_months"], subject: .allegation),

        rule(.transferAcceptance, "Transfer accepted", .transfers,
             startedBy: [.transfer], metBy: [.transfer],
             source: "Local practice (case transfer tracker)", .local,
             starts: "transfer requested", due: "5 working days after", met: "receiving team accepts",
             .localWorkingDays, ["transfers.acceptance_working_days"]),
        rule(.transferFirstVisit, "First visit by the receiving team", .transfers,
             startedBy: [.transfer], metBy: [.visit],
             source: "Local practice (case transfer tracker)", .local,
             starts: "transfer accepted", due: "10 working days after", met: "visit by the receiving team, child seen",
             .localWorkingDays, ["transfers.first_visit_working_days", "visits.require_child_seen"]),
        rule(.supervision, "Case supervision", .supervision,
             startedBy: [.supervision], metBy: [.supervision],
             source: "Local practice (no national standard; LGA employer standards 3 and 5)", .notFound,
             starts: "starting in post, then each session", due: "4 weeks after", met: "supervision session",
             .calendar, ["supervision.interval_weeks"], recurring: true, subject: .staffMember),
        rule(.supervisionNewlyQualified, "Supervision, newly qualified worker (ASYE)", .supervision,
             startedBy: [.supervision], metBy: [.supervision],
             source: "Skills for Care ASYE framework (Suffolk): weekly for 6 weeks, fortnightly to 6 months, then monthly", .secondary,
             starts: "starting in post, then each session",
             due: "7 days, 14 days or 1 month after, by time in post on the day of the previous session",
             met: "supervision session", .calendar,
             ["supervision.asye_weekly_weeks", "supervision.asye_fortnightly_months"], recurring: true, subject: .staffMember),
        rule(.action, "Action", .actions,
             startedBy: [.action], metBy: [.action],
             source: "The action's own due date (plan, meeting, supervision or audit)", .local,
             starts: "the action is set", due: "its due date", met: "action done", .calendar, []),
    ]

    private static func rule(_ id: RuleID, _ title: String, _ family: RuleFamily, startedBy: [EventKind], metBy: [EventKind],
                             source: String, _ confidence: Confidence,
                             starts: String, due: String, met: String, _ calendar: CalendarBasis, _ standards: [String],
                             recurring: Bool = false, subject: Subject.Kind = .child) -> Rule {
        Rule(id: id, title: title, family: family, subject: subject, source: source, confidence: confidence,
             clockStarts: starts, dueDate: due, metBy: met, startingKinds: startedBy, meetingKinds: metBy,
             calendar: calendar, standards: standards, recurring: recurring)
    }
}

extension RuleID {
    public static let contactDecision: RuleID = "front_door.contact_decision"
    public static let referrerFeedback: RuleID = "front_door.referrer_feedback"
    public static let referralDecision: RuleID = "front_door.referral_decision"
    public static let assessment: RuleID = "assessment.completion"
    public static let icpc: RuleID = "cp.icpc"
    public static let cpFirstReview: RuleID = "cp.first_review"
    public static let cpReview: RuleID = "cp.review"
    public static let cpFirstCoreGroup: RuleID = "cp.first_core_group"
    public static let cpCoreGroup: RuleID = "cp.core_group"
    public static let cpVisit: RuleID = "cp.visit"
    public static let cinVisit: RuleID = "cin.visit"
    public static let claFirstReview: RuleID = "cla.first_review"
    public static let claSecondReview: RuleID = "cla.second_review"
    public static let claReview: RuleID = "cla.review"
    public static let carePlan: RuleID = "cla.care_plan"
    public static let placementPlan: RuleID = "cla.placement_plan"
    public static let permanencePlan: RuleID = "cla.permanence_plan"
    public static let permanenceOptions: RuleID = "permanence.options_considered"
    public static let viabilityAssessment: RuleID = "permanence.viability_assessment"
    public static let sgoAssessment: RuleID = "permanence.sgo_assessment"
    public static let returnHomeRiskAssessment: RuleID = "permanence.return_home_risk_assessment"
    public static let longTermFosteringMatch: RuleID = "permanence.long_term_fostering_match"
    public static let shortBreakFirstReview: RuleID = "cla.short_breaks.first_review"
    public static let shortBreakReview: RuleID = "cla.short_breaks.review"
    public static let shortBreakFirstVisit: RuleID = "cla.visit.short_breaks_first"
    public static let shortBreakVisit: RuleID = "cla.visit.short_breaks"
    public static let reg28FirstWeek: RuleID = "cla.visit.first_week"
    public static let reg28CareOrderAtHome: RuleID = "cla.visit.care_order_at_home"
    public static let reg28FirstYear: RuleID = "cla.visit.first_year"
    public static let reg28LongTerm: RuleID = "cla.visit.long_term"
    public static let reg28Other: RuleID = "cla.visit.other"
    public static let reg28WeeklyUntilReview: RuleID = "cla.visit.weekly_until_review"
    public static let reg28Connected: RuleID = "cla.visit.connected_or_interim_at_home"
    public static let reg28WithParents: RuleID = "cla.visit.with_parents"
    public static let reg28LongTermFoster: RuleID = "cla.visit.long_term_foster"
    public static let returnInterview: RuleID = "missing.return_interview"
    public static let initialHealthAssessment: RuleID = "health.initial"
    public static let reviewHealthAssessment: RuleID = "health.review"
    public static let pepInitial: RuleID = "education.pep_initial"
    public static let pepReview: RuleID = "education.pep_review"
    public static let careProceedings: RuleID = "proceedings.conclusion"
    public static let preProceedings: RuleID = "plo.pre_proceedings"
    public static let ploReview: RuleID = "plo.review"
    public static let temporaryApproval: RuleID = "connected_person.temporary_approval"
    public static let connectedPersonAssessment: RuleID = "connected_person.full_assessment"
    public static let adoptionDecision: RuleID = "adoption.agency_decision"
    public static let familyFinding: RuleID = "adoption.family_finding"
    public static let adoptionMatch: RuleID = "adoption.match"
    public static let adoptionPlaced: RuleID = "adoption.placed"
    public static let adoptionFirstReview: RuleID = "adoption.review_before_placement_first"
    public static let adoptionReview: RuleID = "adoption.review_before_placement"
    public static let adoptionPlacedFirstReview: RuleID = "adoption.review_after_placement_first"
    public static let adoptionPlacedSecondReview: RuleID = "adoption.review_after_placement_second"
    public static let adoptionPlacedReview: RuleID = "adoption.review_after_placement"
    public static let adoptionVisitFirstWeek: RuleID = "adoption.visit_first_week"
    public static let adoptionVisitWeekly: RuleID = "adoption.visit_weekly"
    public static let adoptionVisitAfterReview: RuleID = "adoption.visit_after_review"
    public static let needsAssessment: RuleID = "care_leavers.needs_assessment"
    public static let pathwayReview: RuleID = "care_leavers.pathway_review"
    public static let ladoOneMonth: RuleID = "lado.one_month"
    public static let ladoThreeMonths: RuleID = "lado.three_months"
    public static let ladoTwelveMonths: RuleID = "lado.twelve_months"
    public static let transferAcceptance: RuleID = "transfers.acceptance"
    public static let transferFirstVisit: RuleID = "transfers.first_visit"
    public static let action: RuleID = "action.due"
    public static let supervision: RuleID = "supervision.case_holder"
    public static let supervisionNewlyQualified: RuleID = "supervision.newly_qualified"
}
