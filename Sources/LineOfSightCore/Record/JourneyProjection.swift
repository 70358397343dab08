import Foundation

/// A stored event: its server id and its record.
public struct RecordedEvent: Sendable {
    public let id: String
    public let record: any JourneyRecord

    public init(id: String, record: any JourneyRecord) {
        self.id = id; self.record = record
    }
}

extension JourneyList {
    /// The record type of this list: the one place a new kind of event is registered.
    public var recordType: any JourneyRecord.Type {
        switch self {
        case .contacts: ContactRecord.self
        case .referrals: ReferralRecord.self
        case .assessments: AssessmentRecord.self
        case .strategyDiscussions: StrategyDiscussionRecord.self
        case .s47Enquiries: S47EnquiryRecord.self
        case .conferences: ConferenceRecord.self
        case .cpPlans: CPPlanRecord.self
        case .coreGroups: CoreGroupRecord.self
        case .cinPlans: CINPlanRecord.self
        case .visits: VisitRecord.self
        case .periodsOfCare: PeriodOfCareRecord.self
        case .placements: PlacementRecord.self
        case .legalStatuses: LegalStatusRecord.self
        case .lacReviews: LACReviewRecord.self
        case .carePlans: CarePlanRecord.self
        case .healthAssessments: HealthAssessmentRecord.self
        case .peps: PEPRecord.self
        case .missingEpisodes: MissingEpisodeRecord.self
        case .returnInterviews: ReturnInterviewRecord.self
        case .iroEscalations: IROEscalationRecord.self
        case .permanencePlans: PermanencePlanRecord.self
        case .permanenceOptions: PermanenceOptionRecord.self
        case .permanenceDecisions: PermanenceDecisionRecord.self
        case .temporaryApprovals: TemporaryApprovalRecord.self
        case .preProceedings: PreProceedingsRecord.self
        case .careProceedings: CareProceedingsRecord.self
        case .hearings: HearingRecord.self
        case .ploReviews: PLOReviewRecord.self
        case .adoptions: AdoptionRecord.self
        case .adoptionReviews: AdoptionReviewRecord.self
        case .needsAssessments: NeedsAssessmentRecord.self
        case .pathwayPlans: PathwayPlanRecord.self
        case .personalAdvisers: PersonalAdviserRecord.self
        case .careLeaverContacts: CareLeaverContactRecord.self
        case .stayingPut: StayingPutRecord.self
        case .parenthood: ParenthoodRecord.self
        case .convictions: ConvictionRecord.self
        case .previousPermanence: PreviousPermanenceRecord.self
        case .uasc: UASCRecord.self
        case .deprivationsOfLiberty: DeprivationOfLibertyRecord.self
        case .transfers: TransferRecord.self
        case .actions: ActionRecord.self
        case .caseDiscussions: CaseDiscussionRecord.self
        case .significantEvents: SignificantEventRecord.self
        }
    }

    /// Reads a record of this list from its JSON; the error names the JSON path at fault.
    public func decode(_ data: Data) throws(JourneyDocumentError) -> any JourneyRecord {
        do {
            return try JSONDecoder().decode(recordType, from: data)
        } catch let error as DecodingError {
            throw JourneyDocument.explain(error)
        } catch {
            throw JourneyDocumentError(path: "$", message: "not a record: \(error)")
        }
    }
}

extension JourneyList {
    /// Reads a record of this list as this application stored it (`encoded()`), the quick way
    /// (`StoredRecordDecoder`); what that leaves unread, Foundation reads, and explains.
    public func decode(stored text: String) throws(JourneyDocumentError) -> any JourneyRecord {
        if let record = try? StoredRecordDecoder.decode(recordType, from: text) { return record }
        return try decode(Data(text.utf8))
    }
}

extension JourneyRecord {
    /// The record as stored: JSON with sorted keys, so an unchanged record gives the same bytes.
    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Records hold strings, booleans, dates and enums: encoding cannot fail.
        return (try? encoder.encode(self)) ?? Data("{}".utf8)
    }
}

extension Journey {
    /// The one projection from a child's stored events (withdrawn ones already left out) and
    /// allocation history to the journey the core derives obligations from. Nested events (a
    /// change of placement) go in after every event they could belong to, whatever their dates.
    public init(childID: String, dateOfBirth: CivilDate?, events: [RecordedEvent], allocations: [Allocation]) {
        self.init(childID: childID, dateOfBirth: dateOfBirth, allocations: allocations)
        for event in events where type(of: event.record).list.parent == nil { event.record.project(id: event.id, into: &self) }
        for event in events where type(of: event.record).list.parent != nil { event.record.project(id: event.id, into: &self) }
    }
}
