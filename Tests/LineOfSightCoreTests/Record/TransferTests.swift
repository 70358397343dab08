import LineOfSightCore
import Testing

/// Transfers between teams: the record, its obligations, the tracker's steps and days, and the
/// rule for children waiting in duty. Dates worked by hand on the England and Wales calendar
/// (Christmas Day, Boxing Day and New Year's Day 2026 are bank holidays).
@Suite struct TransferTests {
    let duty = Allocation(teamID: "DUTY", workerID: "W1", start: d("2025-11-03"))

    func context(_ journey: Journey, today: String = "2026-02-27") -> RecordContext {
        RecordContext(today: d(today), dateOfBirth: d("2015-05-05"), journey: journey)
    }

    func request(_ requested: String, to team: String = "CP", from: String = "DUTY") -> TransferRecord {
        TransferRecord(requested: d(requested), fromTeam: from, toTeam: team, grounds: "Child protection plan made")
    }

    @Test func aRejectedTransferIsNoLongerAwaitedForAcceptance() {
        let journey = Journey(childID: "C", transfers: [Transfer(id: "TR", fromTeam: "T1", toTeam: "T2", requested: d("2025-12-19"),
                                                                 rejected: d("2025-12-22"), rejectionReason: "Not meeting threshold")])
        let acceptance = obligations(.transferAcceptance, journey).first
        #expect(acceptance?.notApplicable == NotApplicable(reason: "transfer rejected by the receiving team", since: d("2025-12-22")))
        #expect(status(acceptance, asOf: "2026-02-01") == .notApplicable)
        #expect(obligations(.transferFirstVisit, journey).isEmpty)
    }

    @Test func theRecordProjectsItsDecisionAndTheDayThatMadeItDue() {
        var journey = Journey(childID: "C", assessments: [Assessment(id: "A1", start: d("2025-11-03"), authorised: d("2025-12-12"))],
                              allocations: [duty])
        var record = request("2025-12-19")
        record.promptedByID = "A1"
        record.decision = .accepted
        record.decided = d("2025-12-30")
        record.project(id: "TR", into: &journey)
        #expect(journey.transfers == [Transfer(id: "TR", fromTeam: "DUTY", toTeam: "CP", assessmentCompleted: d("2025-12-12"),
                                               requested: d("2025-12-19"), accepted: d("2025-12-30"), grounds: "Child protection plan made")])
        record.decision = .rejected
        record.rejectionReason = "Threshold not met"
        journey.transfers = []
        record.project(id: "TR", into: &journey)
        #expect(journey.transfers.first?.accepted == nil)
        #expect(journey.transfers.first?.rejected == d("2025-12-30"))
    }

    @Test func badRequestsAreRefusedAtTheirField() {
        let journey = Journey(childID: "C", allocations: [duty])
        #expect(request("2025-12-19", to: "DUTY").validate(in: context(journey)).map(\.field) == ["toTeam"])
        #expect(request("2026-03-02").validate(in: context(journey)).map(\.message) == ["The date of the request must be today or in the past"])
        // Not the team the child was allocated to that day.
        #expect(request("2025-12-19", from: "CIC").validate(in: context(journey)).map(\.field) == ["fromTeam"])
        var decided = request("2025-12-19")
        decided.decision = .accepted
        decided.decided = d("2025-12-18")
        #expect(decided.validate(in: context(journey)).map(\.message)
            == ["The date of the decision must be on or after the date of the request"])
        decided.decision = .rejected
        decided.decided = d("2025-12-22")
        #expect(decided.validate(in: context(journey)).map(\.field) == ["rejectionReason"])
        // One transfer awaiting a decision at a time.
        let pending = Journey(childID: "C", transfers: [Transfer(id: "T0", fromTeam: "DUTY", toTeam: "CIN", requested: d("2025-12-01"))],
                              allocations: [duty])
        #expect(request("2025-12-19").validate(in: context(pending)).map(\.message) == ["A transfer of this child is already waiting for a decision"])
        #expect(request("2025-12-19").validate(in: context(journey)).isEmpty)
    }

    @Test func aPromptMustBeTheChildsAndNoLaterThanTheRequest() {
        let journey = Journey(childID: "C", cpPlans: [CPPlan(id: "P1", start: d("2025-12-22"))], allocations: [duty])
        var record = request("2025-12-19")
        record.promptedByID = "P1"
        #expect(record.validate(in: context(journey)).map(\.field) == ["promptedByID"])
        record.promptedByID = "someone else's"
        #expect(record.validate(in: context(journey)).map(\.message) == ["Select one of this child’s records from the list"])
    }

    /// Requested Fri 19 Dec 2025; 5 working days (22, 23, 24, 29, 30 Dec) → due Tue 30 Dec.
    /// Accepted 30 Dec; a worker from Fri 2 Jan (31 Dec, 2 Jan: 2 working days); first visit
    /// due 10 working days after acceptance, Wed 14 Jan (31 Dec, 2, 5–9, 12–14 Jan), made that day.
    @Test func theTrackerCountsWorkingDaysAtEachStep() {
        let journey = Journey(childID: "C",
                              visits: [Visit(id: "V1", date: d("2026-01-14"), seen: true, teamID: "CP")],
                              transfers: [Transfer(id: "TR", fromTeam: "DUTY", toTeam: "CP", requested: d("2025-12-19"), accepted: d("2025-12-30"))],
                              allocations: [Allocation(teamID: "DUTY", workerID: "W1", start: d("2025-11-03"), end: d("2025-12-29")),
                                            Allocation(teamID: "CP", start: d("2025-12-30"), end: d("2026-01-01")),
                                            Allocation(teamID: "CP", workerID: "W2", start: d("2026-01-02"))])
        let summary = TransferSummary(journey: journey, derivation: derive(journey, standards: .defaults, calendar: england), events: [],
                                      calendar: england)
        let transfer = summary.transfers[0]
        #expect(transfer.acceptanceDue == d("2025-12-30"))
        #expect(transfer.allocated == d("2026-01-02"))
        #expect(transfer.firstVisitDue == d("2026-01-14"))
        #expect(transfer.firstVisit == d("2026-01-14"))
        #expect(transfer.stage == .completed)
        #expect(!transfer.breached(asOf: d("2026-02-01")))
        #expect(transfer.days(asOf: d("2026-02-01"), calendar: england)
            == TransferProgress.StepDays(toDecision: 5, toAllocation: 2, toFirstVisit: 10))
        #expect(summary.acceptanceDays == ["TR": 5])
        // As it stood on 13 Jan: accepted, awaiting its first visit, 9 working days so far, not late.
        let then = transfer.asOf(d("2026-01-13"))
        #expect(then.stage == .awaitingVisit)
        #expect(then.days(asOf: d("2026-01-13"), calendar: england).toFirstVisit == 9)
        #expect(!then.breached(asOf: d("2026-01-13")))
    }

    @Test func breachesAreLateStepsOrOverdueOnes() {
        // Due 30 Dec; accepted Fri 2 Jan, late. Undecided, it is overdue from 31 Dec.
        let late = TransferProgress(id: "T", fromTeam: "A", toTeam: "B", requested: d("2025-12-19"), acceptanceDue: d("2025-12-30"),
                                    accepted: d("2026-01-02"))
        #expect(late.acceptanceBreached(asOf: d("2026-01-05")))
        #expect(late.asOf(d("2025-12-30")).acceptanceBreached(asOf: d("2025-12-30")) == false)
        #expect(late.asOf(d("2025-12-31")).acceptanceBreached(asOf: d("2025-12-31")))
        // December: overdue at its end. January: accepted late in it. February: nothing late in it.
        #expect(late.breached(from: d("2025-12-01"), to: d("2025-12-31")))
        #expect(late.breached(from: d("2026-01-01"), to: d("2026-01-31")))
        var visited = late
        visited.firstVisitDue = d("2026-01-16")
        visited.firstVisit = d("2026-01-15")
        #expect(!visited.breached(from: d("2026-02-01"), to: d("2026-02-28")))
        var rejected = late
        rejected.accepted = nil
        rejected.rejected = d("2026-01-02")
        #expect(!rejected.breached(asOf: d("2026-01-05")))
    }

    @Test func eachStepKeptItsStandardOrNot() {
        // Due Tue 30 Dec, accepted Fri 2 Jan: late. Visit due 16 Jan, made 15 Jan: on time.
        let late = TransferProgress(id: "1", fromTeam: "A", toTeam: "B", requested: d("2025-12-19"), acceptanceDue: d("2025-12-30"),
                                    accepted: d("2026-01-02"), firstVisitDue: d("2026-01-16"), firstVisit: d("2026-01-15"))
        #expect(late.acceptedOnTime == false)
        #expect(late.visitedOnTime == true)
        // Accepted on its due day; visited the day after the visit's.
        let onTheDay = TransferProgress(id: "2", fromTeam: "A", toTeam: "B", requested: d("2026-01-05"), acceptanceDue: d("2026-01-12"),
                                        accepted: d("2026-01-12"), firstVisitDue: d("2026-01-23"), firstVisit: d("2026-01-24"))
        #expect(onTheDay.acceptedOnTime == true)
        #expect(onTheDay.visitedOnTime == false)
        // Undecided, or rejected: no step to judge. A visit with no standard is not counted.
        let open = TransferProgress(id: "3", fromTeam: "A", toTeam: "C", requested: d("2026-01-20"), acceptanceDue: d("2026-01-27"))
        #expect(open.acceptedOnTime == nil && open.visitedOnTime == nil)
        var rejected = open
        rejected.rejected = d("2026-01-21")
        #expect(rejected.acceptedOnTime == nil)
        var unmeasured = onTheDay
        unmeasured.firstVisitDue = nil
        #expect(unmeasured.visitedOnTime == nil)
    }

    @Test func theTrendCountsEachStepInTheMonthItHappened() {
        // As the database counts them, by day; days outside the 3 months are left out.
        let trend = TransferMonth.trend([
            TransferStepCount(step: .accepted, day: d("2026-01-31"), keptStandard: true, transfers: 3),
            TransferStepCount(step: .accepted, day: d("2026-01-01"), keptStandard: false, transfers: 2),
            TransferStepCount(step: .visited, day: d("2026-01-15"), keptStandard: true, transfers: 1),
            TransferStepCount(step: .visited, day: d("2026-02-02"), keptStandard: false, transfers: 4),
            TransferStepCount(step: .rejected, day: d("2026-01-21"), keptStandard: nil, transfers: 1),
            TransferStepCount(step: .rejected, day: d("2025-11-30"), keptStandard: nil, transfers: 7),
        ], endingWith: d("2026-02-10"), count: 3)
        #expect(trend.map(\.month) == [d("2025-12-01"), d("2026-01-01"), d("2026-02-01")])
        #expect(trend.map(\.accepted) == [0, 5, 0])
        #expect(trend.map(\.acceptedOnTime) == [0, 3, 0])
        #expect(trend.map(\.acceptedOnTimePercent) == [nil, 60, nil])
        #expect(trend.map(\.visited) == [0, 1, 4])
        #expect(trend.map(\.visitedOnTimePercent) == [nil, 100, 0])
        #expect(trend.map(\.rejected) == [0, 1, 0])
    }

    /// A month's completed transfers by team pair, from the database's counts by pair, standards
    /// kept and days to acceptance: the median is the middle transfer's days (the upper middle of an
    /// even number), transfers with no days stored are left out of it, and a step with no judgement
    /// stored counts as kept.
    @Test func eachPairsTimelinessComesFromTheCountsOfItsTransfers() {
        func count(_ from: String, _ to: String, accepted: Bool?, visited: Bool?, days: Int?, _ transfers: Int) -> TransferPairTimeliness.Count {
            .init(fromTeam: from, toTeam: to, acceptedOnTime: accepted, visitedOnTime: visited, acceptanceDays: days, transfers: transfers)
        }
        let pairs = TransferPairTimeliness.byPair([
            // Days 1, 2, 3, 4: the upper middle is 3.
            count("DUTY", "CP", accepted: true, visited: true, days: 1, 1),
            count("DUTY", "CP", accepted: true, visited: false, days: 2, 1),
            count("DUTY", "CP", accepted: false, visited: true, days: 4, 1),
            count("DUTY", "CP", accepted: true, visited: nil, days: 3, 1),
            // Five transfers of 5 days and none stored for one more.
            count("CP", "CIC", accepted: nil, visited: true, days: 5, 5),
            count("CP", "CIC", accepted: false, visited: false, days: nil, 1),
            count("DUTY", "CIC", accepted: true, visited: true, days: nil, 2),
        ])
        let byPair = Dictionary(uniqueKeysWithValues: pairs.map { ("\($0.fromTeam)→\($0.toTeam)", $0) })
        #expect(byPair.count == 3)
        let duty = byPair["DUTY→CP"], care = byPair["CP→CIC"], none = byPair["DUTY→CIC"]
        #expect(duty?.completed == 4 && duty?.acceptedOnTime == 3 && duty?.visitedOnTime == 3 && duty?.medianDaysToAcceptance == 3)
        #expect(care?.completed == 6 && care?.acceptedOnTime == 5 && care?.visitedOnTime == 5 && care?.medianDaysToAcceptance == 5)
        #expect(none?.completed == 2 && none?.medianDaysToAcceptance == nil)
    }

    @Test func aChildWaitsInDutyFromWhatSaysTheirCaseShouldMove() {
        let plan = CPPlan(id: "P1", start: d("2026-01-12"))
        var journey = Journey(childID: "C", cpPlans: [plan], allocations: [duty])
        #expect(TransferSummary.waiting(journey, assessmentOutcomes: [:]) == TransferWait(since: d("2026-01-12"), eventID: "P1"))
        // A request in flight: not waiting.
        journey.transfers = [Transfer(id: "T1", fromTeam: "DUTY", toTeam: "CP", requested: d("2026-01-14"))]
        #expect(TransferSummary.waiting(journey, assessmentOutcomes: [:]) == nil)
        // Rejected: waiting again, from the plan.
        journey.transfers[0].rejected = d("2026-01-16")
        #expect(TransferSummary.waiting(journey, assessmentOutcomes: [:])?.since == d("2026-01-12"))
        // Accepted after the plan: what came before moved with it.
        journey.transfers[0].rejected = nil
        journey.transfers[0].accepted = d("2026-01-16")
        #expect(TransferSummary.waiting(journey, assessmentOutcomes: [:]) == nil)
        // An ended plan says nothing.
        journey = Journey(childID: "C", cpPlans: [CPPlan(id: "P1", start: d("2025-06-01"), end: d("2025-12-01"))], allocations: [duty])
        #expect(TransferSummary.waiting(journey, assessmentOutcomes: [:]) == nil)
    }

    @Test func onlyTheLatestAssessmentsOutcomeCounts() {
        let assessments = [Assessment(id: "A1", start: d("2025-11-03"), authorised: d("2025-12-12")),
                           Assessment(id: "A2", start: d("2026-01-05"), authorised: d("2026-02-02"))]
        let journey = Journey(childID: "C", assessments: assessments, allocations: [duty])
        #expect(TransferSummary.waiting(journey, assessmentOutcomes: ["A1": .childInNeedPlan, "A2": .lookedAfter])
            == TransferWait(since: d("2026-02-02"), eventID: "A2"))
        #expect(TransferSummary.waiting(journey, assessmentOutcomes: ["A1": .childInNeedPlan, "A2": .noFurtherAction]) == nil)
        #expect(TransferSummary.waiting(journey, assessmentOutcomes: ["A2": .earlyHelp]) == nil)
    }
}
