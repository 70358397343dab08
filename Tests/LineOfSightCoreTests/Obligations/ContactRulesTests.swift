import LineOfSightCore
import Testing

/// The front door before a referral: a manager decides each contact's next step, the person who
/// made it is told, and a referral within 12 months of another is a re-referral.
@Suite struct ContactRulesTests {
    @Test func aContactIsDecidedOneWorkingDayLaterOnTheCouncilsCalendar() throws {
        let journey = Journey(childID: "C", contacts: [Contact(id: "CT", date: d("2025-12-24"))])
        #expect(obligations(.contactDecision, journey).first?.due == d("2025-12-29"), "over Christmas and Boxing Day")
        let closed = england.withLocalClosures([d("2025-12-29")])
        #expect(obligations(.contactDecision, journey, calendar: closed).first?.due == d("2025-12-30"), "a closure day is not counted")
        let slower = try LocalStandards.defaults.overriding(["front_door.contact_decision_working_days": .integer(3)])
        #expect(obligations(.contactDecision, journey, standards: slower).first?.due == d("2025-12-31"))
    }

    @Test func theDecisionMeetsItAndStartsTheClockForTellingTheReferrer() {
        let decided = Contact(id: "CT", date: d("2026-03-02"), outcome: "advice", decided: d("2026-03-04"), source: "2A")
        let decision = obligations(.contactDecision, Journey(childID: "C", contacts: [decided]))
        #expect(status(decision.first, asOf: "2026-03-10") == .metLate)
        let feedback = obligations(.referrerFeedback, Journey(childID: "C", contacts: [decided]))
        #expect(feedback.map(\.due) == [d("2026-03-05")])
        #expect(feedback.first?.startedBy == EventRef(.contact, "CT", d("2026-03-04")))
        #expect(status(feedback.first, asOf: "2026-03-10") == .overdue)

        var told = decided
        told.referrerInformed = d("2026-03-05")
        #expect(status(obligations(.referrerFeedback, Journey(childID: "C", contacts: [told])).first, asOf: "2026-03-10") == .metOnTime)
    }

    @Test func nobodyIsToldAboutAnAnonymousContactOrBeforeTheDecision() {
        let anonymous = Contact(id: "CT", date: d("2026-03-02"), outcome: "noFurtherAction", decided: d("2026-03-02"), source: "9")
        #expect(obligations(.referrerFeedback, Journey(childID: "C", contacts: [anonymous])).isEmpty)
        let undecided = Contact(id: "CT", date: d("2026-03-02"), source: "6")
        #expect(obligations(.referrerFeedback, Journey(childID: "C", contacts: [undecided])).isEmpty)
    }

    @Test func aContactDecidedAsAReferralWithNoReferralIsAFinding() {
        let contact = Contact(id: "CT", date: d("2026-03-02"), outcome: "referral", decided: d("2026-03-02"))
        let without = derive(Journey(childID: "C", contacts: [contact]), standards: .defaults, calendar: england)
        #expect(without.findings.map(\.field) == ["$.contacts[0].outcome"])
        let with = derive(Journey(childID: "C", contacts: [contact], referrals: [Referral(id: "R", received: d("2026-03-03"))]),
                          standards: .defaults, calendar: england)
        #expect(with.findings.isEmpty)
    }

    @Test(arguments: [
        ("2025-03-03", "2026-03-02", true),   // 12 months less a day: a re-referral
        ("2025-03-02", "2026-03-02", true),   // exactly 12 months
        ("2025-03-01", "2026-03-02", false),  // more than 12 months
        ("2026-03-02", "2026-03-02", true),   // the same day, recorded first
    ])
    func aReferralWithin12MonthsOfAnotherIsAReReferral(earlier: String, later: String, reReferral: Bool) {
        let journey = Journey(childID: "C", referrals: [Referral(id: "R1", received: d(earlier)), Referral(id: "R2", received: d(later))])
        #expect((journey.previousReferral(within12MonthsOf: journey.referrals[1]) != nil) == reReferral)
        #expect(journey.previousReferral(within12MonthsOf: journey.referrals[0]) == nil, "the first referral is not a re-referral")
        let remarks = ReferralRecord(received: d(later)).remarks(id: "R2", in: journey)
        #expect(remarks.map(\.label) == (reReferral ? ["Re-referral"] : []))
        #expect(remarks.first?.date == (reReferral ? d(earlier) : nil))
    }

    @Test func aContactRecordRefusesWhatCannotBeTrue() {
        let context = RecordContext(today: d("2026-03-10"), dateOfBirth: d("2018-01-01"), journey: Journey(childID: "C"))
        func fields(_ record: ContactRecord) -> [String] { record.validate(in: context).map(\.field) }
        #expect(fields(ContactRecord(received: d("2026-03-02"), receivedTime: "09:05", source: "2A")).isEmpty)
        for time in ["9:05", "24:00", "12:60", "1230", "12:3", "١٢:٣٠", "", "12:30:00"] {
            #expect(fields(ContactRecord(received: d("2026-03-02"), receivedTime: time)) == ["receivedTime"], "\(time)")
        }
        #expect(fields(ContactRecord(received: d("2026-03-02"), source: "11")) == ["source"])
        #expect(fields(ContactRecord(received: d("2026-03-02"), consent: .overridden)) == ["consentRationale"])
        #expect(fields(ContactRecord(received: d("2026-03-02"), outcome: .advice)) == ["decided"])
        #expect(fields(ContactRecord(received: d("2026-03-02"), decided: d("2026-03-03"))) == ["outcome"])
        #expect(fields(ContactRecord(received: d("2026-03-02"), decided: d("2026-03-01"), outcome: .advice)) == ["decided"])
        #expect(fields(ContactRecord(received: d("2026-03-02"), referrerInformed: d("2026-03-03"))) == ["referrerInformed"])
        #expect(fields(ContactRecord(received: d("2026-03-02"), decided: d("2026-03-04"), outcome: .advice, referrerInformed: d("2026-03-03")))
                == ["referrerInformed"])
        #expect(fields(ContactRecord(received: d("2026-03-11"))) == ["received"], "not in the future")
    }

    @Test func aChildWithOnlyAnUndecidedContactIsAtTheContactStage() {
        let journey = Journey(childID: "C", contacts: [Contact(id: "CT", date: d("2026-03-02"))])
        let state = ChildState(journey: journey, derivation: derive(journey, standards: .defaults, calendar: england))
        #expect(state.stage == .contact)
        #expect(state.nextDue == d("2026-03-03"))
    }
}
