/// Where a child is in their journey now, in a few facts a list can show and filter on. Derived
/// with the obligations and stored beside them; nothing in it changes with the passing of days
/// (lists judge "overdue" by comparing `nextDue` with today).
public struct ChildState: Sendable, Hashable, Codable {
    /// The furthest point the child has reached and not left, most involved first.
    public enum Stage: String, Sendable, Hashable, Codable, CaseIterable {
        case lookedAfter, careLeaver, childProtectionPlan, childInNeedPlan, s47Enquiry, assessment, referral, contact, noOpenWork
    }

    public enum Plan: String, Sendable, Hashable, Codable, CaseIterable {
        case childProtection, childInNeed, care
    }

    public var stage: Stage
    /// The plans in force, in `Plan` order.
    public var plans: [Plan]
    /// The last visit at which the child was seen.
    public var lastSeen: CivilDate?
    /// The earliest due date of an obligation still open.
    public var nextDue: CivilDate?
    public var openObligations: Int
    public var findings: Int

    /// Section 47 enquiries are open while an enquiry has no end, or once a strategy discussion
    /// started them until an enquiry ends or a conference is held after it.
    static func enquiriesOpen(_ journey: Journey) -> Bool {
        if journey.s47Enquiries.contains(where: { $0.end == nil }) { return true }
        guard let started = journey.strategyDiscussions.filter(\.s47Initiated).map(\.date).max() else { return false }
        return !journey.s47Enquiries.contains { ($0.end ?? $0.start) >= started } && !journey.conferences.contains { $0.date >= started }
    }

    public init(journey: Journey, derivation: Derivation) {
        var plans: [Plan] = []
        if journey.cpPlans.contains(where: { $0.end == nil }) { plans.append(.childProtection) }
        if journey.cinPlans.contains(where: { $0.end == nil }) { plans.append(.childInNeed) }
        if journey.periodsOfCare.contains(where: { $0.end == nil }) { plans.append(.care) }
        self.plans = plans
        if plans.contains(.care) {
            stage = .lookedAfter
        } else if derivation.obligations.contains(where: { $0.ruleID == .needsAssessment }) {
            // Eligible while looked after (the needs assessment is due only then): a care leaver now.
            stage = .careLeaver
        } else if plans.contains(.childProtection) {
            stage = .childProtectionPlan
        } else if plans.contains(.childInNeed) {
            stage = .childInNeedPlan
        } else if Self.enquiriesOpen(journey) {
            stage = .s47Enquiry
        } else if journey.assessments.contains(where: { $0.authorised == nil }) {
            stage = .assessment
        } else if journey.referrals.contains(where: { $0.decided == nil }) {
            stage = .referral
        } else if journey.contacts.contains(where: { $0.decided == nil }) {
            stage = .contact
        } else {
            stage = .noOpenWork
        }
        lastSeen = journey.visits.filter { $0.seen != false }.map(\.date).max()
        let open = derivation.obligations.filter { $0.metBy == nil && $0.notApplicable == nil }
        nextDue = open.map(\.due).min()
        openObligations = open.count
        findings = derivation.findings.count
    }
}
