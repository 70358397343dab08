/// A child's adoption, from the agency decision maker's decision that they should be placed for
/// adoption to the adoption order (or the plan changing away from adoption): each milestone is a
/// later step of this one record, as the SSDA903 AD1 and PlacedAdoption tables hold them.
public struct AdoptionRecord: JourneyRecord {
    public static let list = JourneyList.adoptions

    /// SSDA903 `REASON_PLACED_CEASED`: why the child is no longer placed for adoption.
    public static let reasonsNoLongerPlaced: CodeList = [
        ("RD1", "The child’s needs changed after the decision"),
        ("RD2", "The court did not make a placement order"),
        ("RD3", "Prospective adopters could not be found"),
        ("RD4", "Any other reason"),
    ]
    /// SSDA903 `SEX_ADOPTR`: who adopted the child.
    public static let adoptersSexes: CodeList = [
        ("M1", "A single man"), ("F1", "A single woman"), ("MM", "A male couple"), ("FF", "A female couple"),
        ("MF", "A male and female couple"),
    ]
    /// SSDA903 `LS_ADOPTR`: the adopters' legal status.
    public static let adoptersLegalStatuses: CodeList = [
        ("L0", "A single adopter"), ("L11", "A married couple of different genders"), ("L12", "A married couple of the same gender"),
        ("L2", "A couple in a civil partnership"), ("L3", "An unmarried couple of different genders"),
        ("L4", "A couple of the same gender, not married or in a civil partnership"),
    ]

    public var panelRecommendation: CivilDate?
    /// The agency decision maker's decision that the child should be placed for adoption (AAR 2005 reg 19).
    public var agencyDecision: CivilDate
    public var familyFindingStarted: CivilDate?
    /// Authority to place: a placement order (ACA 2002 s21) or parents' consent (s19).
    public var placementOrder: CivilDate?
    public var consentToPlacement: CivilDate?
    public var matched: CivilDate?
    public var placed: CivilDate?
    public var adoptedByFosterCarer: Bool?
    /// For a foster carer adoption: when the child moved in with the carers (A10 counts from it).
    public var movedInWithFosterCarer: CivilDate?
    public var adoptionOrder: CivilDate?
    /// The plan changed away from adoption, or the adoptive placement ended without an order.
    public var decisionReversed: CivilDate?
    public var reversedReason: String?
    public var notes: String?
    public var childsViews: String?
    /// The adopters, as the SSDA903 AD1 table describes them: how many (1 or 2, `NB_ADOPTR`),
    /// `adoptersSexes` (`SEX_ADOPTR`) and `adoptersLegalStatuses` (`LS_ADOPTR`).
    public var numberOfAdopters: Int?
    public var adoptersSex: String?
    public var adoptersLegalStatus: String?

    public init(panelRecommendation: CivilDate? = nil, agencyDecision: CivilDate, familyFindingStarted: CivilDate? = nil,
                placementOrder: CivilDate? = nil, consentToPlacement: CivilDate? = nil, matched: CivilDate? = nil, placed: CivilDate? = nil,
                adoptedByFosterCarer: Bool? = nil, movedInWithFosterCarer: CivilDate? = nil, adoptionOrder: CivilDate? = nil,
                decisionReversed: CivilDate? = nil, reversedReason: String? = nil, notes: String? = nil, childsViews: String? = nil,
                numberOfAdopters: Int? = nil, adoptersSex: String? = nil, adoptersLegalStatus: String? = nil) {
        self.panelRecommendation = panelRecommendation; self.agencyDecision = agencyDecision; self.familyFindingStarted = familyFindingStarted
        self.placementOrder = placementOrder; self.consentToPlacement = consentToPlacement; self.matched = matched; self.placed = placed
        self.adoptedByFosterCarer = adoptedByFosterCarer; self.movedInWithFosterCarer = movedInWithFosterCarer
        self.adoptionOrder = adoptionOrder; self.decisionReversed = decisionReversed; self.reversedReason = reversedReason
        self.notes = notes; self.childsViews = childsViews
        self.numberOfAdopters = numberOfAdopters; self.adoptersSex = adoptersSex; self.adoptersLegalStatus = adoptersLegalStatus
    }

    public var date: CivilDate { agencyDecision }
    public var dates: [RecordDate] {
        [RecordDate("panelRecommendation", "The date of the panel’s recommendation", panelRecommendation),
         RecordDate("agencyDecision", "The date of the agency decision", agencyDecision),
         RecordDate("familyFindingStarted", "The date family finding started", familyFindingStarted),
         RecordDate("placementOrder", "The date of the placement order", placementOrder),
         RecordDate("consentToPlacement", "The date of consent", consentToPlacement),
         RecordDate("matched", "The date of the match", matched), RecordDate("placed", "The date the child was placed", placed),
         RecordDate("movedInWithFosterCarer", "The date the child moved in with the foster carers", movedInWithFosterCarer),
         RecordDate("adoptionOrder", "The date of the adoption order", adoptionOrder),
         RecordDate("decisionReversed", "The date the plan changed", decisionReversed)]
    }

    public func project(id: String, into journey: inout Journey) {
        journey.adoption = Adoption(panelRecommendation: panelRecommendation, agencyDecision: agencyDecision, familyFindingStarted: familyFindingStarted,
                                    placementOrder: placementOrder, consentToPlacement: consentToPlacement, matched: matched, placed: placed,
                                    adoptionOrder: adoptionOrder, adoptedByFosterCarer: adoptedByFosterCarer,
                                    movedInWithFosterCarer: movedInWithFosterCarer, placementEnded: decisionReversed)
    }

    public func problems(in context: RecordContext) -> [RecordProblem] {
        var problems = context.journey.lookedAfterProblem(on: agencyDecision, field: "agencyDecision", what: "an agency decision that they should be placed for adoption")
        if let open = context.journey.adoption, open.adoptionOrder == nil, open.placementEnded == nil {
            problems.append(RecordProblem("agencyDecision", "An adoption plan is already recorded for this child: record its milestones on it"))
        }
        if let recommendation = panelRecommendation, recommendation > agencyDecision {
            problems.append(RecordProblem("panelRecommendation", "The panel’s recommendation comes before the agency decision"))
        }
        if let matched, let placed, placed < matched {
            problems.append(RecordProblem("placed", "The child is placed after the match: the date placed must be on or after \(matched.long)"))
        }
        if let adoptionOrder {
            if placementOrder == nil && consentToPlacement == nil {
                problems.append(RecordProblem("adoptionOrder", "An adoption order needs the authority to place first: record the placement order or the parents’ consent"))
            }
            if let placed, adoptionOrder < placed {
                problems.append(RecordProblem("adoptionOrder", "The adoption order must be on or after the date the child was placed, \(placed.long)"))
            } else if placed == nil {
                problems.append(RecordProblem("adoptionOrder", "Record the date the child was placed with the adopters first"))
            }
        }
        // Family finding may start before the decision (early permanence planning); a match may not.
        for (field, date) in [("matched", matched), ("placed", placed)] {
            if let date, date < agencyDecision {
                problems.append(RecordProblem(field, "This must be on or after the agency decision, \(agencyDecision.long)"))
            }
        }
        if adoptedByFosterCarer == true, movedInWithFosterCarer == nil {
            problems.append(RecordProblem("movedInWithFosterCarer", "Enter the date the child moved in with the foster carers"))
        }
        if (decisionReversed == nil) != (reversedReason == nil) {
            problems.append(decisionReversed == nil ? RecordProblem("decisionReversed", "Enter the date the plan changed")
                                                    : RecordProblem("reversedReason", "Select why the plan changed"))
        }
        if let reason = reversedReason, !Self.reasonsNoLongerPlaced.contains(reason) {
            problems.append(RecordProblem("reversedReason", "Select why the plan changed from the list"))
        }
        if let number = numberOfAdopters, !(1...2).contains(number) {
            problems.append(RecordProblem("numberOfAdopters", "Enter 1 or 2 adopters"))
        }
        if let sex = adoptersSex, !Self.adoptersSexes.contains(sex) {
            problems.append(RecordProblem("adoptersSex", "Select who the adopters are from the list"))
        }
        if let status = adoptersLegalStatus, !Self.adoptersLegalStatuses.contains(status) {
            problems.append(RecordProblem("adoptersLegalStatus", "Select the adopters’ legal status from the list"))
        }
        if decisionReversed != nil, adoptionOrder != nil {
            problems.append(RecordProblem("decisionReversed", "The child was adopted: the plan cannot also have changed away from adoption"))
        }
        return problems
    }
}

/// A review of a child's adoption plan while the agency is authorised to place them, and after
/// they are placed (AAR 2005 reg 36).
public struct AdoptionReviewRecord: JourneyRecord {
    public static let list = JourneyList.adoptionReviews

    public var date: CivilDate
    public var chairID: String?
    public var recommendations: String?
    public var childsViews: String?

    public init(date: CivilDate, chairID: String? = nil, recommendations: String? = nil, childsViews: String? = nil) {
        self.date = date; self.chairID = chairID; self.recommendations = recommendations; self.childsViews = childsViews
    }

    public var dates: [RecordDate] { [RecordDate("date", "The date of the review", date)] }

    public func project(id: String, into journey: inout Journey) {
        journey.adoptionReviews.append(DatedRecord(id: id, date: date))
    }

    public func problems(in context: RecordContext) -> [RecordProblem] {
        context.journey.adoption?.agencyDecision.map { $0 <= date } == true ? []
            : [RecordProblem("date", "An adoption review follows the decision that the child should be placed for adoption: record that first")]
    }
}
