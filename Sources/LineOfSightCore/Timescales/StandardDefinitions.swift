/// Every named standard, its default and its source (shared/reference/timescales.md).
/// Statutory values are listed too, so that a council can follow a change in the law before
/// a release does; values the reference marks ☑️, ⚠️, ❓ or local *must* be overridable.
extension LocalStandards {
    public static let definitions: [StandardDefinition] = [
        // Status
        count("status.due_soon_days", 7, "days", 0...90, .local,
              "An open obligation is 'due soon' when its due date is no more than this many days after the as-of date.",
              "LineOfSight default; a council sets its own window."),

        // Front door and assessment
        count("front_door.referral_decision_working_days", 1, "working days", 1...10, .secondary,
              "Decision on next steps after a referral is received.",
              "Working Together 2023 ch.3 'Referral' (paragraph not verified)."),
        count("assessment.working_days", 45, "working days", 1...120, .secondary,
              "Maximum time from referral to the assessment being completed and authorised.",
              "Working Together 2023 ch.3 'Assessment of children in need' (unchanged since 2013)."),

        // Child protection
        count("cp.icpc_working_days", 15, "working days", 1...60, .confirmed,
              "Initial child protection conference after the (last) strategy discussion at which s47 enquiries were initiated.",
              "Working Together 2023 ch.3; CIN census target ICPC date; validator rule 8675Q."),
        count("cp.first_review_months", 3, "months", 1...12, .secondary,
              "First child protection review conference after the initial conference.",
              "Working Together 2023 ch.3 'Child protection review conference'."),
        count("cp.review_interval_months", 6, "months", 1...12, .secondary,
              "Later review conferences: not more than this after the previous one.",
              "Working Together 2023 ch.3."),
        count("cp.first_core_group_working_days", 10, "working days", 1...30, .secondary,
              "First core group meeting after the initial conference.",
              "Working Together (2018 wording carried into LA procedures updated for 2023); Sefton 6.1.4, Newcastle 1.4.5."),
        count("cp.core_group_interval_weeks", 4, "weeks", 1...12, .local,
              "Later core group meetings: not more than this after the previous one.",
              "Local practice: commonly 4-weekly (Sefton, Newcastle), or monthly and no more than 6-weekly."),
        count("visits.cp.interval_working_days", 10, "working days", 1...60, .local,
              "Child on a CP plan seen at least this often (first visit counted from the plan start).",
              "Local practice standard; no national frequency."),
        flag("visits.cp.require_seen_alone", false, .local,
             "Whether a CP visit meets the standard only when the child was seen alone.",
             "Local practice; seen-alone is reported as a measure either way."),
        count("visits.cin.interval_working_days", 20, "working days", 1...60, .local,
              "Child on a child-in-need plan seen at least this often.",
              "Local practice standard; no national frequency."),
        flag("visits.require_child_seen", true, .local,
             "Whether a visit where the child was recorded as not seen meets a visiting standard.",
             "LineOfSight judgement: the purpose of a statutory visit is to see the child (docs/timescales.md)."),

        // Looked-after reviews and plans
        count("cla.first_review_working_days", 20, "working days", 1...60, .secondary,
              "First looked-after review after the child becomes looked after.",
              "CPPCR 2010 reg 33(1); Volume 2 ch.4 (regulation text not verified)."),
        count("cla.second_review_months", 3, "months", 1...12, .secondary,
              "Second review: not more than this after the first.", "CPPCR 2010 reg 33(2)."),
        count("cla.review_interval_months", 6, "months", 1...12, .secondary,
              "Later reviews: not more than this after the previous one.", "CPPCR 2010 reg 33(2)–(3)."),
        count("cla.care_plan_working_days", 10, "working days", 1...30, .secondary,
              "Care plan prepared before the first placement or within this many working days of its start.",
              "CPPCR 2010 reg 4; LA procedures."),
        count("cla.placement_plan_working_days", 5, "working days", 0...30, .partial,
              "Placement plan before the placement or, for an emergency placement, within this many working days.",
              "CPPCR 2010 reg 9 (value not verified)."),
        count("cla.permanence_plan_by_review", 2, "review number", 1...6, .secondary,
              "The care plan includes the permanence plan by this looked-after review.",
              "Volume 2 ch.2 'Permanence planning' (paragraph not verified); Kirklees, Benecare procedures."),

        // Short breaks (CPPCR reg 48)
        count("cla.short_breaks.first_review_months", 3, "months", 1...12, .secondary,
              "Series of short breaks: first review of the child's case after the start of the first break.",
              "CPPCR 2010 reg 48, replacing reg 33 for short breaks (regulation text not verified); Waltham Forest procedure: 'within three months of the first short break and at least six monthly from then on'."),
        count("cla.short_breaks.review_interval_months", 6, "months", 1...12, .secondary,
              "Series of short breaks: later reviews, not more than this after the previous one.",
              "CPPCR 2010 reg 48, replacing reg 33 (regulation text not verified); Waltham Forest procedure."),
        count("visits.short_breaks.first_visit_months", 3, "months", 1...12, .local,
              "Series of short breaks: first visit, on a day the child is placed, after the start of the first break.",
              "CPPCR 2010 reg 48(3)(c), replacing reg 28(2): visits at intervals agreed with the IRO and the parents and recorded in the care plan; default the outer limit (3 months) as commonly summarised, text not verified."),
        count("visits.short_breaks.interval_months", 6, "months", 1...12, .local,
              "Series of short breaks: later visits, on days the child is placed, not more than this after the previous one.",
              "CPPCR 2010 reg 48(3)(c): intervals agreed with the IRO and the parents; default the outer limit (6 months) as commonly summarised, text not verified."),

        // Regulation 28 visits
        count("visits.reg28.first_visit_days", 7, "days", 1...28, .confirmed,
              "First visit within one week of the start of any placement (or of a care order with the child at home).",
              "CPPCR 2010 reg 28(2)(a), 28(5)."),
        count("visits.reg28.first_year_interval_weeks", 6, "weeks", 1...26, .confirmed,
              "Intervals between visits in the first year of a placement.", "CPPCR 2010 reg 28(2)(b)."),
        count("visits.reg28.long_term_interval_months", 3, "months", 1...12, .confirmed,
              "Intervals after the first year when the placement is intended to last until the child is 18.",
              "CPPCR 2010 reg 28(2)(b)(i)."),
        count("visits.reg28.other_interval_weeks", 6, "weeks", 1...26, .confirmed,
              "Intervals after the first year for other placements.", "CPPCR 2010 reg 28(2)(b)(ii)."),
        count("visits.reg28.weekly_interval_days", 7, "days", 1...28, .confirmed,
              "'At least weekly until the first review' (placed with parents before assessment, connected-person temporary approval, interim care order at home).",
              "CPPCR 2010 reg 28(3), 28(4)."),
        count("visits.reg28.connected_interval_weeks", 4, "weeks", 1...26, .confirmed,
              "After the first review: connected-person temporary approval or interim care order with the child at home.",
              "CPPCR 2010 reg 28(4)."),
        count("visits.reg28.with_parents_interval_weeks", 6, "weeks", 1...26, .confirmed,
              "Placed with parents: after the first review (reg 19 placements), and under a full care order.",
              "CPPCR 2010 reg 28(3), 28(5)."),
        count("visits.reg28.long_term_foster_interval_months", 6, "months", 1...12, .partial,
              "Designated long-term foster placement of at least a year, where the child agrees.",
              "CPPCR 2010 reg 28(3A), inserted 2015 (Hertfordshire procedure)."),
        choice("visits.late_visit_restarts_from", "actual_visit", ["actual_visit", "due_date"], .local,
               "After a late CP or CIN visit (local visiting standards): 'actual_visit' counts the next interval from the late visit; 'due_date' keeps the original rhythm, counting from the missed due date. Statutory chains (reviews, regulation 28 visits) always count from the actual event.",
               "LineOfSight judgement (docs/timescales.md): local practice standards differ; the regulations restart only statutory clocks at the actual event."),
        choice("visits.reg28.first_year_boundary", "previous_visit", ["previous_visit", "due_date"], .local,
               "At the first anniversary of a placement: 'previous_visit' applies the interval in force on the day of the previous visit (a visit in the first year is followed within 6 weeks); 'due_date' applies the longer interval once the 6-week due date would fall after the anniversary.",
               "LineOfSight judgement (docs/timescales.md): the regulation is silent on the boundary."),

        // Health and education
        count("health.iha_working_days", 20, "working days", 1...60, .secondary,
              "Initial health assessment done and health plan available after the child becomes looked after.",
              "Promoting the health and wellbeing of looked-after children (2015, updated 2022); CPPCR reg 7."),
        count("health.rha_under_5_months", 6, "months", 1...12, .secondary,
              "Review health assessment interval while the child is under the age threshold.", "Same guidance."),
        count("health.rha_from_5_months", 12, "months", 1...24, .secondary,
              "Review health assessment interval from the age threshold.", "Same guidance."),
        count("health.rha_age_threshold", 5, "years", 1...18, .secondary,
              "Age (on the date the next assessment would be due) from which the longer interval applies.",
              "Same guidance; evaluating age on the due date is an interpretation (⚠️)."),
        count("education.pep_initial_working_days", 20, "working days", 1...60, .partial,
              "Personal education plan initiated after the child becomes looked after (school days fall back to working days).",
              "Promoting the education of looked-after children (2018); sources disagree (20 school days / 20 working days / 10 days)."),
        count("education.pep_from_age", 3, "years", 0...18, .local,
              "Age from which a looked-after child has a PEP (early-years PEPs are local practice; the duty covers school age).",
              "Local practice; virtual school guidance (Gateshead, Cumberland, BANES)."),
        count("education.pep_review_months", 4, "months", 1...12, .partial,
              "PEP reviewed each school term; without a term calendar, at least this often.",
              "Same guidance ('termly'); three terms a year taken as 4 months."),

        // Proceedings and connected persons
        count("proceedings.limit_weeks", 26, "weeks", 1...104, .confirmed,
              "Care proceedings disposed of within this many weeks beginning with the day of issue.",
              "Children Act 1989 s32(1)(a), inserted by Children and Families Act 2014 s14."),
        count("proceedings.max_extension_weeks", 8, "weeks", 1...26, .secondary,
              "Longest single extension of the time limit.", "Children Act 1989 s32(8)."),
        count("plo.pre_proceedings_weeks", 16, "weeks", 1...52, .notFound,
              "Pre-proceedings concluded (issue or step down) within this many weeks of the letter before proceedings.",
              "Public Law Working Group best-practice guidance (reported ~16 weeks; not confirmed)."),
        count("connected_person.temporary_approval_weeks", 16, "weeks", 1...52, .partial,
              "Temporary approval of a connected person as foster carer lasts up to this long.",
              "CPPCR 2010 reg 24 (16 weeks from domain knowledge)."),
        count("connected_person.max_extension_weeks", 8, "weeks", 1...26, .confirmed,
              "One extension of temporary approval, of up to this long.", "CPPCR 2010 reg 25."),

        // Adoption
        count("adoption.first_review_months", 3, "months", 1...12, .confirmed,
              "First review after the agency first has authority to place, while not yet placed.",
              "Adoption Agencies Regulations 2005 reg 36(1)."),
        count("adoption.review_interval_months", 6, "months", 1...12, .confirmed,
              "Later reviews (before placement, and after the second post-placement review).", "AAR 2005 reg 36(1), 36(3)."),
        count("adoption.placed_first_review_weeks", 4, "weeks", 1...26, .confirmed,
              "First review after the child is placed for adoption.", "AAR 2005 reg 36(3)."),
        count("adoption.placed_second_review_months", 3, "months", 1...12, .confirmed,
              "Second review after placement: not more than this after the first.", "AAR 2005 reg 36(3)."),
        count("adoption.visit_first_days", 7, "days", 1...28, .confirmed,
              "Child and prospective adopters visited within one week of placement.", "AAR 2005 reg 36(4)."),
        count("adoption.visit_weekly_days", 7, "days", 1...28, .confirmed,
              "Then at least weekly until the first review.", "AAR 2005 reg 36(4)."),
        count("adoption.visit_after_review_weeks", 6, "weeks", 1...26, .local,
              "Visits after the first review, at the frequency the review sets; this is the frequency assumed.",
              "AAR 2005 reg 36(4) leaves it to each review; local default."),

        // Care leavers
        count("care_leavers.eligible_weeks_since_14", 13, "weeks", 1...52, .confirmed,
              "An eligible child has been looked after this long in total since age 14, with the period ending after 16.",
              "CPPCR 2010 reg 40; Children Act 1989 Sch 2 para 19B."),
        count("care_leavers.needs_assessment_months", 3, "months", 1...12, .confirmed,
              "Needs assessment of an eligible child after the 16th birthday (or after becoming eligible, if later).",
              "CPPCR 2010 reg 42(1)."),
        count("care_leavers.pathway_review_months", 6, "months", 1...12, .secondary,
              "Pathway plan reviewed at least this often.", "CPPCR 2010 reg 43; Care Leavers (England) Regulations 2010."),
        count("care_leavers.pathway_until_age", 21, "years", 18...25, .local,
              "Pathway plan reviews tracked until this birthday.",
              "Former relevant children to 21 (25 when in education or on request): local choice of tracking age."),

        // LADO
        count("lado.first_target_months", 1, "months", 1...12, .confirmed,
              "Allegation resolved within this long (KCSIE: 80% of cases).", "KCSIE Part 4 (para 174, text of its era; currency not confirmed)."),
        count("lado.second_target_months", 3, "months", 1...12, .confirmed,
              "Allegation resolved within this long (KCSIE: 90% of cases).", "KCSIE Part 4 para 174."),
        count("lado.final_target_months", 12, "months", 1...36, .confirmed,
              "All but the most exceptional cases completed within this long.", "KCSIE Part 4 para 174."),

        // Supervision
        count("supervision.interval_weeks", 4, "weeks", 1...12, .notFound,
              "Case-holding social workers supervised at least this often.",
              "No national standard: LA practice is every 4–6 weeks (LGA employer standard 5 asks for regular supervision)."),
        count("supervision.asye_weekly_weeks", 6, "weeks", 0...26, .secondary,
              "Newly qualified (ASYE) workers: weekly supervision for this many weeks from starting.",
              "Skills for Care ASYE framework as implemented by Suffolk."),
        count("supervision.asye_fortnightly_months", 6, "months", 0...12, .secondary,
              "Then at least fortnightly until this many months from starting, and monthly after.",
              "Skills for Care ASYE framework as implemented by Suffolk."),

        // Transfers
        count("transfers.acceptance_working_days", 5, "working days", 1...60, .local,
              "Receiving team accepts a transfer within this many working days of the request.",
              "Local practice (case transfer tracker; St Helens ILACS 2019 found delays of up to two months)."),
        count("transfers.first_visit_working_days", 10, "working days", 1...60, .local,
              "The receiving team visits the child within this many working days of accepting the transfer.",
              "Local practice."),
    ]

    private static func count(_ key: String, _ value: Int, _ unit: String, _ range: ClosedRange<Int>,
                              _ confidence: Confidence, _ description: String, _ source: String) -> StandardDefinition {
        StandardDefinition(key: key, defaultValue: .integer(value), domain: .integer(range), unit: unit,
                           description: description, source: source, confidence: confidence)
    }

    private static func flag(_ key: String, _ value: Bool, _ confidence: Confidence,
                             _ description: String, _ source: String) -> StandardDefinition {
        StandardDefinition(key: key, defaultValue: .boolean(value), domain: .boolean, unit: "",
                           description: description, source: source, confidence: confidence)
    }

    private static func choice(_ key: String, _ value: String, _ words: [String], _ confidence: Confidence,
                               _ description: String, _ source: String) -> StandardDefinition {
        StandardDefinition(key: key, defaultValue: .choice(value), domain: .choice(words), unit: "",
                           description: description, source: source, confidence: confidence)
    }
}
