/// Temporary approval of a relative, friend or other connected person as the child's foster carer
/// (CPPCR 2010 reg 24), its one extension (reg 25), and how it ended: full approval as a foster
/// carer, or the arrangement ending without it.
public struct TemporaryApprovalRecord: JourneyRecord {
    public static let list = JourneyList.temporaryApprovals

    public var start: CivilDate
    /// The placement made under it: a period of care's first placement or a move (a stored event id).
    public var placementID: String?
    public var carers: String?
    /// The nominated officer who approved it.
    public var approvedByID: String?
    /// The one extension regulation 25 allows: when, for how many weeks, by whom.
    public var extended: CivilDate?
    public var extensionWeeks: Int?
    public var extendedByID: String?
    /// The fostering panel's views, sought before extending.
    public var fosteringPanelViews: String?
    public var iroInformed: Bool?
    /// Approved as a foster carer: the temporary approval is no longer needed.
    public var approved: CivilDate?
    /// The arrangement ended without approval.
    public var ended: CivilDate?
    public var endReason: String?

    public init(start: CivilDate, placementID: String? = nil, carers: String? = nil, approvedByID: String? = nil,
                extended: CivilDate? = nil, extensionWeeks: Int? = nil, extendedByID: String? = nil, fosteringPanelViews: String? = nil,
                iroInformed: Bool? = nil, approved: CivilDate? = nil, ended: CivilDate? = nil, endReason: String? = nil) {
        self.start = start; self.placementID = placementID; self.carers = carers; self.approvedByID = approvedByID
        self.extended = extended; self.extensionWeeks = extensionWeeks; self.extendedByID = extendedByID
        self.fosteringPanelViews = fosteringPanelViews; self.iroInformed = iroInformed
        self.approved = approved; self.ended = ended; self.endReason = endReason
    }

    public var date: CivilDate { start }
    public var dates: [RecordDate] {
        [RecordDate("start", "The date of temporary approval", start), RecordDate("extended", "The date it was extended", extended),
         RecordDate("approved", "The date they were approved as foster carers", approved), RecordDate("ended", "The date it ended", ended)]
    }

    public func project(id: String, into journey: inout Journey) {
        var extensions: [Extension] = []
        if let extended, let extensionWeeks { extensions.append(Extension(granted: extended, weeks: extensionWeeks)) }
        journey.temporaryApprovals.append(TemporaryApproval(id: id, placementID: placementID, start: start, extensions: extensions,
                                                            approved: approved, ended: ended))
    }

    public func problems(in context: RecordContext) -> [RecordProblem] {
        var problems = context.journey.lookedAfterProblem(on: start, field: "start", what: "placed with temporarily approved carers")
        if let placementID, !context.journey.periodsOfCare.contains(where: { $0.placements.contains { $0.id == placementID } }) {
            problems.append(RecordProblem("placementID", "Choose a placement recorded for this child"))
        }
        if (extended == nil) != (extensionWeeks == nil) {
            problems.append(RecordProblem(extended == nil ? "extended" : "extensionWeeks",
                                          extended == nil ? "Enter the date it was extended" : "Enter how many weeks it was extended by"))
        }
        if let extended, extended < start {
            problems.append(RecordProblem("extended", "The date it was extended must be on or after the date of temporary approval"))
        }
        for (field, date) in [("approved", approved), ("ended", ended)] {
            if let date, date < start { problems.append(RecordProblem(field, "This date must be on or after the date of temporary approval")) }
        }
        if approved != nil, ended != nil {
            problems.append(RecordProblem("ended", "The carers were either approved or the arrangement ended without approval, not both"))
        }
        return problems
    }
}

/// A legal planning (gateway) meeting's decision and, when it is to start pre-proceedings under
/// the Public Law Outline, the letter before proceedings, the first meeting and how they ended.
public struct PreProceedingsRecord: JourneyRecord {
    public static let list = JourneyList.preProceedings

    public enum Decision: String, Sendable, Hashable, Codable, CaseIterable {
        case issue, preProceedings, stepDown, noFurtherAction
    }

    public enum Outcome: String, Sendable, Hashable, Codable, CaseIterable {
        case issued, steppedDown
    }

    /// The date of the legal planning meeting.
    public var date: CivilDate
    public var decision: Decision
    public var reason: String?
    public var chairID: String?
    public var letterSent: CivilDate?
    public var initialMeeting: CivilDate?
    /// The date pre-proceedings ended (proceedings issued, or stepped down).
    public var end: CivilDate?
    public var outcome: Outcome?
    public var childsViews: String?

    public init(date: CivilDate, decision: Decision, reason: String? = nil, chairID: String? = nil, letterSent: CivilDate? = nil,
                initialMeeting: CivilDate? = nil, end: CivilDate? = nil, outcome: Outcome? = nil, childsViews: String? = nil) {
        self.date = date; self.decision = decision; self.reason = reason; self.chairID = chairID; self.letterSent = letterSent
        self.initialMeeting = initialMeeting; self.end = end; self.outcome = outcome; self.childsViews = childsViews
    }

    public var dates: [RecordDate] {
        [RecordDate("date", "The date of the meeting", date), RecordDate("letterSent", "The date of the letter", letterSent),
         RecordDate("initialMeeting", "The date of the first meeting", initialMeeting), RecordDate("end", "The date it ended", end)]
    }

    /// Pre-proceedings start with the letter before proceedings, or with the decision when no
    /// letter is recorded yet.
    public var start: CivilDate { letterSent ?? date }

    public func project(id: String, into journey: inout Journey) {
        guard decision == .preProceedings else { return }
        journey.preProceedings.append(PreProceedings(id: id, start: start, end: end, outcome: outcome?.rawValue))
    }

    public func problems(in context: RecordContext) -> [RecordProblem] {
        var problems: [RecordProblem] = []
        if decision != .preProceedings {
            for (field, value) in [("letterSent", letterSent), ("initialMeeting", initialMeeting), ("end", end)] where value != nil {
                problems.append(RecordProblem(field, "Only pre-proceedings have a letter, meetings and an end: the decision was not to start them"))
            }
        }
        if let letterSent, letterSent < date {
            problems.append(RecordProblem("letterSent", "The letter must be on or after the date of the meeting that decided to send it"))
        }
        if let initialMeeting, initialMeeting < start {
            problems.append(RecordProblem("initialMeeting", "The first meeting must be on or after the letter before proceedings"))
        }
        if let end, end < start {
            problems.append(RecordProblem("end", "The date pre-proceedings ended must be on or after \(start.long), when they started"))
        }
        if (end == nil) != (outcome == nil) {
            problems.append(end == nil ? RecordProblem("end", "Enter the date pre-proceedings ended")
                                       : RecordProblem("outcome", "Select how pre-proceedings ended"))
        }
        if let open = context.journey.preProceedings.first(where: { $0.end == nil }), decision == .preProceedings, open.start <= start {
            problems.append(RecordProblem("decision", "Pre-proceedings started on \(open.start.long) have not ended: record how they ended first"))
        }
        return problems
    }
}

/// A care or supervision application under Part IV of the Children Act 1989: issue, court, the
/// care plans, and the final order. Hearings are recorded in it (`HearingRecord`).
public struct CareProceedingsRecord: JourneyRecord {
    public static let list = JourneyList.careProceedings

    public enum FinalOrder: String, Sendable, Hashable, Codable, CaseIterable {
        case careOrder, supervisionOrder, placementOrder, specialGuardianshipOrder, childArrangementsOrder, noOrder, withdrawn
    }

    public var issued: CivilDate
    public var court: String?
    public var caseNumber: String?
    public var initialCarePlan: String?
    public var concluded: CivilDate?
    public var finalOrder: FinalOrder?
    public var finalCarePlan: String?
    public var childsViews: String?

    public init(issued: CivilDate, court: String? = nil, caseNumber: String? = nil, initialCarePlan: String? = nil, concluded: CivilDate? = nil,
                finalOrder: FinalOrder? = nil, finalCarePlan: String? = nil, childsViews: String? = nil) {
        self.issued = issued; self.court = court; self.caseNumber = caseNumber; self.initialCarePlan = initialCarePlan
        self.concluded = concluded; self.finalOrder = finalOrder; self.finalCarePlan = finalCarePlan; self.childsViews = childsViews
    }

    public var date: CivilDate { issued }
    public var dates: [RecordDate] {
        [RecordDate("issued", "The date the application was issued", issued), RecordDate("concluded", "The date of the final order", concluded)]
    }

    public func project(id: String, into journey: inout Journey) {
        journey.careProceedings.append(CareProceedings(id: id, issued: issued, concluded: concluded, outcome: finalOrder?.rawValue))
    }

    public func problems(in context: RecordContext) -> [RecordProblem] {
        var problems: [RecordProblem] = []
        if let concluded, concluded < issued {
            problems.append(RecordProblem("concluded", "The date of the final order must be on or after the date the application was issued"))
        }
        if (concluded == nil) != (finalOrder == nil) {
            problems.append(concluded == nil ? RecordProblem("concluded", "Enter the date of the final order")
                                             : RecordProblem("finalOrder", "Select the final order"))
        }
        if let open = context.journey.careProceedings.first(where: { $0.concluded == nil }), open.issued <= issued {
            problems.append(RecordProblem("issued", "Proceedings issued on \(open.issued.long) have not concluded: record the final order first"))
        }
        return problems
    }
}

/// A hearing in care proceedings, with any extension of the 26-week limit the court granted
/// (each of up to 8 weeks, Children Act 1989 s32(5)–(8)) and the next hearing listed.
public struct HearingRecord: NestedRecord {
    public static let list = JourneyList.hearings

    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case caseManagement, furtherCaseManagement, issuesResolution, finalHearing, other
    }

    /// The proceedings (a stored event id); when absent, the latest issued by the hearing's date.
    public var careProceedingsID: String?
    public var date: CivilDate
    public var kind: Kind
    public var outcome: String?
    public var extensionWeeks: Int?
    public var extensionReason: String?
    public var nextHearing: CivilDate?

    public init(careProceedingsID: String? = nil, date: CivilDate, kind: Kind, outcome: String? = nil, extensionWeeks: Int? = nil,
                extensionReason: String? = nil, nextHearing: CivilDate? = nil) {
        self.careProceedingsID = careProceedingsID; self.date = date; self.kind = kind; self.outcome = outcome
        self.extensionWeeks = extensionWeeks; self.extensionReason = extensionReason; self.nextHearing = nextHearing
    }

    public var dates: [RecordDate] {
        [RecordDate("date", "The date of the hearing", date), RecordDate("nextHearing", "The date of the next hearing", nextHearing, mayBeFuture: true)]
    }

    public func parentID(in journey: Journey) -> String? {
        journey.careProceedings(careProceedingsID, on: date).map { journey.careProceedings[$0].id }
    }

    public func project(id: String, into journey: inout Journey) {
        guard let index = journey.careProceedings(careProceedingsID, on: date), let weeks = extensionWeeks, weeks > 0 else { return }
        journey.careProceedings[index].extensions.append(Extension(granted: date, weeks: weeks))
    }

    public func problems(in context: RecordContext) -> [RecordProblem] {
        var problems: [RecordProblem] = []
        if let id = careProceedingsID, !context.journey.careProceedings.contains(where: { $0.id == id }) {
            problems.append(RecordProblem("careProceedingsID", "Choose care proceedings recorded for this child"))
        } else if let index = context.journey.careProceedings(careProceedingsID, on: date) {
            let proceedings = context.journey.careProceedings[index]
            if date < proceedings.issued {
                problems.append(RecordProblem("date", "The hearing must be on or after \(proceedings.issued.long), when the application was issued"))
            } else if let concluded = proceedings.concluded, date > concluded {
                problems.append(RecordProblem("date", "The proceedings concluded on \(concluded.long): a hearing after that belongs to other proceedings"))
            }
        } else {
            problems.append(RecordProblem("date", "No care proceedings are recorded as issued on or before \(date.long): record them first"))
        }
        if let weeks = extensionWeeks, weeks > 0, (extensionReason ?? "").isEmpty {
            problems.append(RecordProblem("extensionReason", "Enter why the court extended the time limit"))
        }
        if let next = nextHearing, next <= date {
            problems.append(RecordProblem("nextHearing", "The next hearing must be after this one"))
        }
        return problems
    }
}

extension Journey {
    /// The proceedings a hearing belongs to: the ones with `id`, or else the latest issued on or before `date`.
    func careProceedings(_ id: String?, on date: CivilDate) -> Int? {
        Self.named(id, or: date, in: careProceedings, id: \.id, start: \.issued)
    }
}
