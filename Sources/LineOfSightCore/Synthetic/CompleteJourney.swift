extension SyntheticJourneys {
    /// One journey that fills every list, and every optional field in at least one entry: for
    /// round-trip and format tests, where a field the JSON form drops or the documentation misses
    /// must show up. Its stages follow one another (front door, CIN, CP, an earlier short period
    /// of care, care to adoption, care-leaver plans), but it is not meant to be a likely child.
    public static func complete(seed: UInt64, today: CivilDate) -> Journey {
        var builder = Builder(id: "SYN-COMPLETE-\(seed)", today: today, random: SeededGenerator(seed: seed))
        return builder.everything()
    }
}

extension SyntheticJourneys.Builder {
    mutating func everything() -> Journey {
        let start = today.adding(days: -random.int(1500...1800))
        let born = start.adding(days: -(13 * 365 + random.int(0...300)))
        journey.dateOfBirth = born
        let team = "T\(random.int(1...40))", worker = "W\(random.int(1...600))"

        frontDoor(on: start, assessed: true)
        journey.contacts[0].outcome = "referral"
        journey.contacts[0].decided = journey.contacts[0].date
        journey.contacts[0].source = "2A"
        journey.contacts[0].referrerInformed = journey.contacts[0].date
        journey.referrals[0].source = "school"
        journey.assessments[0].referralID = journey.referrals[0].id
        journey.allocations = [Allocation(teamID: "T0", workerID: worker, start: start, end: start.adding(days: 60)),
                               Allocation(teamID: team, start: start.adding(days: 61))]

        childInNeed(from: start.adding(days: 10))
        journey.cinPlans.append(CINPlan(id: next("CIN"), start: start.adding(days: 12), end: start.adding(days: 40)))
        childProtection(from: start.adding(days: 20))
        journey.cpPlans.append(CPPlan(id: next("CPP"), start: start.adding(days: 50), end: start.adding(days: 90), category: .physical))
        journey.visits.append(Visit(id: next("V"), date: start.adding(days: 30), seen: true, seenAlone: false,
                                    teamID: team, workerID: worker))

        // A short period of care that ended, with a connected-person placement, then care to adoption.
        let earlier = start.adding(days: 100)
        let placement = Placement(id: next("PL"), start: earlier, end: earlier.adding(days: 60), type: "U1", provider: "PR1",
                                  intendedUntil18: false, sixMonthlyVisitsAgreed: false, placementPlan: earlier.adding(days: 2))
        journey.periodsOfCare.append(PeriodOfCare(id: next("POC"), start: earlier, end: placement.end, endReason: "E4A",
                                                  legalStatuses: [LegalStatusChange(date: earlier, code: "V2")], placements: [placement]))
        journey.temporaryApprovals = [
            TemporaryApproval(id: next("TA"), placementID: placement.id, start: earlier,
                              extensions: [Extension(granted: earlier.adding(weeks: 15), weeks: 8)], approved: earlier.adding(weeks: 20)),
            TemporaryApproval(id: next("TA"), start: earlier, ended: placement.end),
        ]
        inCare(from: earlier.adding(days: 90), adoption: true)
        let missing = earlier.adding(days: 20)
        journey.missingEpisodes = [
            MissingEpisode(id: next("MIS"), kind: .missing, start: missing, end: missing.adding(days: 1),
                           interviewOffers: [InterviewOffer(id: next("RHI"), offered: missing.adding(days: 2)),
                                             InterviewOffer(id: next("RHI"), offered: missing.adding(days: 5), held: missing.adding(days: 6))]),
            MissingEpisode(id: next("MIS"), kind: .away, start: missing.adding(days: 30)),
        ]
        journey.permanencePlans.append(PermanencePlan(id: next("PP"), date: earlier.adding(days: 150), plans: ["ADOPTION"]))
        journey.permanenceOptions.append(PermanenceOption(id: next("PO"), route: .connectedPerson, considered: earlier.adding(days: 95),
                                                          assessment: .viability, assessmentStarted: earlier.adding(days: 96),
                                                          assessmentCompleted: earlier.adding(days: 110), outcome: .ruledOut,
                                                          decided: earlier.adding(days: 112)))
        // In the short period: a long-term fostering plan and its match, and the fostering panel's
        // decision on the connected carers while their approvals last; later, another panel decision.
        journey.permanencePlans.append(PermanencePlan(id: next("PP"), date: earlier.adding(days: 10), plans: ["LTFOST18"]))
        journey.permanenceMeetings.append(PermanenceDecision(id: next("PM"), date: earlier.adding(days: 40), concludes: .longTermFosteringMatch))
        journey.permanenceMeetings.append(PermanenceDecision(id: next("PM"), date: earlier.adding(days: 50), concludes: .connectedPersonAssessment))
        journey.permanenceMeetings.append(PermanenceDecision(id: next("PM"), date: earlier.adding(days: 120),
                                                             concludes: .connectedPersonAssessment))
        journey.preProceedings.append(PreProceedings(id: next("PLO"), start: earlier.adding(days: 70), end: earlier.adding(days: 95),
                                                     outcome: "issued", reviews: [DatedRecord(id: next("PLOR"), date: earlier.adding(days: 90))]))
        journey.careProceedings.append(CareProceedings(id: next("PROC"), issued: earlier.adding(days: 95),
                                                       extensions: [Extension(granted: earlier.adding(days: 270), weeks: 4)],
                                                       concluded: earlier.adding(days: 300), outcome: "placement order"))
        let order = earlier.adding(days: 300)
        journey.adoption = Adoption(panelRecommendation: order.adding(days: -65), agencyDecision: order.adding(days: -60),
                                    familyFindingStarted: order.adding(days: -55), placementOrder: order, consentToPlacement: order.adding(days: -20),
                                    matched: order.adding(days: 90), placed: order.adding(days: 120), adoptionOrder: order.adding(days: 400),
                                    adoptedByFosterCarer: true, movedInWithFosterCarer: earlier.adding(days: 90),
                                    placementEnded: order.adding(days: 500))
        journey.adoptionReviews.append(DatedRecord(id: next("AR"), date: order.adding(days: 80)))

        journey.needsAssessments.append(DatedRecord(id: next("NA"), date: born.birthday(age: 16).adding(days: 60)))
        journey.pathwayPlans.append(DatedRecord(id: next("PW"), date: born.birthday(age: 16).adding(days: 90)))
        journey.allegations.append(Allegation(id: next("AL"), referred: start.adding(days: 200), concluded: start.adding(days: 230),
                                              outcome: "unsubstantiated", officerID: "LADO1"))
        journey.transfers.append(Transfer(id: next("TR"), fromTeam: "T0", toTeam: team, assessmentCompleted: start.adding(days: 55),
                                          requested: start.adding(days: 56), accepted: start.adding(days: 61),
                                          rejected: start.adding(days: 60), grounds: "Child protection plan made",
                                          rejectionReason: "Synthetic rejection", delayReason: "Synthetic delay"))
        journey.actions.append(Action(id: next("ACT"), description: "Synthetic action", ownerID: worker, teamID: team,
                                      raised: start.adding(days: 30), due: start.adding(days: 45), done: start.adding(days: 44),
                                      cancelled: start.adding(days: 50)))
        return journey
    }
}
