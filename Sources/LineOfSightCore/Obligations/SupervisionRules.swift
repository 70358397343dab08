/// Supervision obligations for one staff member, keyed on the staff member: sessions chained
/// from the actual date of the previous one. Newly qualified workers: weekly, then fortnightly,
/// then monthly, by their time in post on the day of the previous session.
public func deriveSupervision(_ record: StaffSupervision, standards: LocalStandards,
                              calendar: WorkingDayCalendar) -> [Obligation] {
    let p = standards.parameters
    var context = DerivationContext(journey: Journey(childID: record.staffID), parameters: p, calendar: calendar)
    let sessions = context.facts.dated(record.sessions, .supervision)
    let weeklyUntil = record.start.adding(weeks: p.asyeWeeklyWeeks)
    let fortnightlyUntil = record.start.adding(months: p.asyeFortnightlyMonths)
    let newlyQualified = record.newlyQualified == true
    func link(after date: CivilDate) -> Link {
        guard newlyQualified else { return Link(rule: .supervision, due: date.adding(days: p.supervisionIntervalDays)) }
        if date < weeklyUntil { return Link(rule: .supervisionNewlyQualified, due: date.adding(days: 7)) }
        if date < fortnightlyUntil { return Link(rule: .supervisionNewlyQualified, due: date.adding(days: 14)) }
        return Link(rule: .supervisionNewlyQualified, due: date.adding(months: 1))
    }
    context.chain(id: "supervision:\(record.staffID)", subject: Subject(.staffMember, record.staffID), first: link(after: record.start),
                  startedBy: EventRef(.supervision, "started in post", record.start), events: sessions[...],
                  end: record.end, endReason: "left post",
                  responsible: .named(Responsibility(teamID: record.teamID, workerID: record.managerID))) { previous, _ in
        link(after: previous.date)
    }
    return context.obligations
}
