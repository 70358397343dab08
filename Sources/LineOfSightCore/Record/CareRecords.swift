/// A looked-after review chaired by the child's independent reviewing officer: it meets the
/// review timescale, and the next is due from its date.
public struct LACReviewRecord: JourneyRecord {
    public static let list = JourneyList.lacReviews

    public var date: CivilDate
    /// The IRO who chaired it (a member of staff).
    public var chairID: String?
    /// How the child took part: `LookedAfterCodes.reviewParticipation`.
    public var participation: String?
    public var childsViews: String?
    /// What the review recommended; each recommendation to be carried out is also an action.
    public var recommendations: String?
    /// Whether the IRO is satisfied that the care plan meets the child's needs.
    public var planEndorsed: Bool?

    public init(date: CivilDate, chairID: String? = nil, participation: String? = nil, childsViews: String? = nil,
                recommendations: String? = nil, planEndorsed: Bool? = nil) {
        self.date = date; self.chairID = chairID; self.participation = participation; self.childsViews = childsViews
        self.recommendations = recommendations; self.planEndorsed = planEndorsed
    }

    public var dates: [RecordDate] { [RecordDate("date", "The date of the review", date)] }

    public func project(id: String, into journey: inout Journey) {
        journey.lacReviews.append(DatedRecord(id: id, date: date))
    }

    public func problems(in context: RecordContext) -> [RecordProblem] {
        var problems = context.journey.lookedAfterProblem(on: date, field: "date", what: "a review")
        if let participation {
            if !LookedAfterCodes.reviewParticipation.contains(participation) {
                problems.append(RecordProblem("participation", "Select how the child took part from the list"))
            } else if participation == "PN0", let born = context.dateOfBirth, born.age(on: date) >= 4 {
                problems.append(RecordProblem("participation", "The child was 4 or older on the date of the review: select how they took part"))
            }
        }
        return problems
    }
}

/// The child's care plan, made before they are first placed (or within 10 working days) and
/// revised as their needs change.
public struct CarePlanRecord: JourneyRecord {
    public static let list = JourneyList.carePlans

    public var date: CivilDate
    /// The plan for the child's permanence and their needs: health, education, identity, family time.
    public var summary: String?
    public var contingency: String?
    public var childsViews: String?

    public init(date: CivilDate, summary: String? = nil, contingency: String? = nil, childsViews: String? = nil) {
        self.date = date; self.summary = summary; self.contingency = contingency; self.childsViews = childsViews
    }

    public var dates: [RecordDate] { [RecordDate("date", "The date the care plan was agreed", date)] }

    public func project(id: String, into journey: inout Journey) {
        journey.carePlans.append(DatedRecord(id: id, date: date))
    }
}

/// A statutory health assessment of a looked-after child, with the health facts the return
/// reports (SSDA903 OC2): immunisations, the latest dental check, the strengths and difficulties
/// score, a young child's developmental checks and whether a substance misuse problem was found
/// and an intervention received or offered.
public struct HealthAssessmentRecord: JourneyRecord {
    public static let list = JourneyList.healthAssessments

    public var kind: HealthAssessment.Kind
    public var date: CivilDate
    /// Who carried it out (an initial assessment is by a registered medical practitioner).
    public var carriedOutBy: String?
    public var immunisationsUpToDate: Bool?
    public var dentalCheck: CivilDate?
    /// The carer's strengths and difficulties questionnaire total, 0–40.
    public var sdqScore: Int?
    /// Why there is no score: `HealthAssessmentRecord.sdqReasons`.
    public var sdqReason: String?
    /// For a child under 5: whether their health surveillance and development checks are up to
    /// date (OC2 `HEALTH_CHECK`).
    public var developmentChecksUpToDate: Bool?
    /// Whether the child was identified as having a substance misuse problem (`SUBSTANCE_MISUSE`).
    public var substanceMisuse: Bool?
    /// With a substance misuse problem: whether the child received an intervention for it
    /// (`INTERVENTION_RECEIVED`), and if not whether one was offered (`INTERVENTION_OFFERED`).
    public var interventionReceived: Bool?
    public var interventionOffered: Bool?
    public var recommendations: String?
    public var childsViews: String?

    public static let sdqReasons: CodeList = [
        ("SDQ1", "The child was under 4 or over 16"),
        ("SDQ2", "The carers refused to complete it"),
        ("SDQ3", "Not possible because of the severity of the child’s disability"),
        ("SDQ5", "The child refused to allow it"),
        ("SDQ4", "Another reason"),
    ]

    public init(kind: HealthAssessment.Kind, date: CivilDate, carriedOutBy: String? = nil, immunisationsUpToDate: Bool? = nil,
                dentalCheck: CivilDate? = nil, sdqScore: Int? = nil, sdqReason: String? = nil,
                developmentChecksUpToDate: Bool? = nil, substanceMisuse: Bool? = nil, interventionReceived: Bool? = nil,
                interventionOffered: Bool? = nil, recommendations: String? = nil, childsViews: String? = nil) {
        self.kind = kind; self.date = date; self.carriedOutBy = carriedOutBy; self.immunisationsUpToDate = immunisationsUpToDate
        self.dentalCheck = dentalCheck; self.sdqScore = sdqScore; self.sdqReason = sdqReason
        self.developmentChecksUpToDate = developmentChecksUpToDate; self.substanceMisuse = substanceMisuse
        self.interventionReceived = interventionReceived; self.interventionOffered = interventionOffered
        self.recommendations = recommendations; self.childsViews = childsViews
    }

    public var dates: [RecordDate] {
        [RecordDate("date", "The date of the health assessment", date), RecordDate("dentalCheck", "The date of the latest dental check", dentalCheck)]
    }

    public func project(id: String, into journey: inout Journey) {
        journey.healthAssessments.append(HealthAssessment(id: id, kind: kind, date: date))
    }

    public func problems(in context: RecordContext) -> [RecordProblem] {
        var problems = context.journey.lookedAfterProblem(on: date, field: "date", what: "a health assessment")
        if let sdqScore, !(0...40).contains(sdqScore) {
            problems.append(RecordProblem("sdqScore", "The score must be a whole number from 0 to 40"))
        }
        if let sdqReason {
            if !Self.sdqReasons.contains(sdqReason) {
                problems.append(RecordProblem("sdqReason", "Select why there is no score from the list"))
            } else if sdqScore != nil {
                problems.append(RecordProblem("sdqReason", "Give either the score or why there is none, not both"))
            }
        }
        return problems
    }
}

/// A personal education plan meeting: the initial plan, or a termly review.
public struct PEPRecord: JourneyRecord {
    public static let list = JourneyList.peps

    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case initial, review
    }

    public var kind: Kind
    public var date: CivilDate
    public var school: String?
    /// Targets agreed and the support that will meet them.
    public var targets: String?
    public var childsViews: String?

    public init(kind: Kind, date: CivilDate, school: String? = nil, targets: String? = nil, childsViews: String? = nil) {
        self.kind = kind; self.date = date; self.school = school; self.targets = targets; self.childsViews = childsViews
    }

    public var dates: [RecordDate] { [RecordDate("date", "The date of the meeting", date)] }

    public func project(id: String, into journey: inout Journey) {
        journey.peps.append(DatedRecord(id: id, date: date))
    }

    public func problems(in context: RecordContext) -> [RecordProblem] {
        context.journey.lookedAfterProblem(on: date, field: "date", what: "a personal education plan meeting")
    }
}

extension Journey {
    /// A review, assessment or meeting of a looked-after child can only be held while they are.
    func lookedAfterProblem(on date: CivilDate, field: String, what: String) -> [RecordProblem] {
        periodsOfCare.contains { $0.contains(date) } ? []
            : [RecordProblem(field, "The child was not looked after on \(date.long), so this cannot be \(what)")]
    }
}
