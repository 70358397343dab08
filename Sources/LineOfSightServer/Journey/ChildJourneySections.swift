import Fluent
import Foundation
import LineOfSightCore
import Vapor

/// What the child's page shows of their journey: the stage they are at, what is due and overdue
/// with why, the forms to record what happened next, and the events recorded so far.
struct ChildJourneySummary {
    let state: DerivedRows.StateRow?
    /// The obligations open today.
    let obligations: [Obligation]
    /// The latest events, newest first.
    let events: [JourneyRows.Recent]
    /// The latest events in the journey that record the child's views, newest first (not
    /// decoded), and how many there are in all.
    let views: (latest: [JourneyRows.Event], total: Int)
    let people: People
    let calendar: WorkingDayCalendar
    let today: CivilDate
    /// The child's date of birth: whether a care leaver is still one today depends on it.
    let born: CivilDate?
    let dueSoonDays: Int
    /// The kinds of event this person may record.
    let recordable: [JourneyList]
    /// The errors the record would raise in this year's SSDA903 return; nil when it holds no
    /// looked-after or care-leaver record.
    let returnErrors: ReturnFindingRows.Checked?

    /// What the page reads with the child (`Request.visibleChild(reading:)`): their stored state
    /// and return check.
    static let storedAlongside = DerivedRows.stateAlongside.and(ReturnFindingRows.storedCheckAlongside)

    /// The rest of what the page shows, beside the child and what was read with them. The people
    /// responsible for what is due are nearly always among the child's allocations, already read
    /// with their names; only any others are read.
    static func load(for child: Child, stored: (state: DerivedRows.StateRow?, check: ReturnFindingRows.StoredCheck?),
                     allocations: [AllocationHistoryRow], req: Request) async throws -> ChildJourneySummary {
        let childID = try child.requireID()
        let standards = req.application.standards
        let open = try await DerivedRows.obligations(of: childID, openToday: StatusBounds(asOf: req.today, dueSoonDays: standards.standards.dueSoonDays),
                                                     on: req.sql)
        return ChildJourneySummary(
            state: stored.state,
            obligations: open,
            events: try await JourneyRows.recent(of: childID, limit: recentCount, on: req.sql),
            views: try await JourneyRows.latestWithChildsViews(of: childID, limit: viewsShown, on: req.sql),
            people: try await People.load(responsibleFor: open, knowing: People(allocations), on: req.db), calendar: standards.calendar,
            today: req.today, born: child.dateOfBirth, dueSoonDays: standards.standards.dueSoonDays,
            recordable: JourneyList.recordable(by: try req.requirePrincipal().role),
            returnErrors: try await ReturnFindingRows.load(childID: childID, stored: stored.check, today: req.today, on: req.sql))
    }

    /// Stage and plans, as the header of the page shows them.
    var stageRows: [SummaryRow] {
        let stage = state?.stageValue ?? .noOpenWork
        let plans = state?.planValues ?? []
        // The stored stage is derived without a "today": at 25 a care leaver's support ends (the core's CareLeaving rule).
        let formerCareLeaver = stage == .careLeaver && !CareLeaving.stillCareLeaver(born: born, on: today)
        return [
            SummaryRow("Stage", formerCareLeaver ? "Former care leaver (aged 25 or over)" : Self.title(stage)),
            SummaryRow("Plans in force", plans.isEmpty ? "None" : plans.map(Self.title).joined(separator: ", ")),
            SummaryRow("Last seen", state?.last_seen.flatMap(CivilDate.init(iso:)).map(DateText.long) ?? "No visit with the child seen is recorded"),
        ]
    }

    func sections(child: Child) -> Node {
        let open = obligations
        return fragment {
            el("h2", .class("govuk-heading-m"), .id("due")) { "Due and overdue" }
            if open.isEmpty {
                paragraph("Nothing is due. Timescales appear here when you record the events that start them.")
            } else {
                EventPages.obligationsTable("Due and overdue for \(child.firstName)", open, people: people, calendar: calendar, today: today,
                                            dueSoonDays: dueSoonDays)
            }
            if !recordable.isEmpty {
                el("h2", .class("govuk-heading-m")) { "Record" }
                for part in JourneyList.Part.allCases {
                    let lists = recordable.filter { $0.part == part }
                    if !lists.isEmpty {
                        el("h3", .class("govuk-heading-s")) { part.title }
                        el("ul", .class("govuk-list")) {
                            for list in lists {
                                el("li") { link("Record \(list.form.withArticle)", .recordEvent(child: child.parameter, list: .value(list))) }
                            }
                        }
                    }
                }
            }
            voiceOfTheChild(child)
            if let returnErrors { ReturnErrorsSection.node(returnErrors) }
            el("h2", .class("govuk-heading-m")) { "Recently recorded" }
            if events.isEmpty {
                paragraph("Nothing has been recorded yet.")
            } else {
                table(caption: "The latest recorded events", captionVisible: false,
                      columns: [.init(header: "Date"), .init(header: "Event"), .init(header: "Recorded by")],
                      rows: events.map { event in [
                          .text(CivilDate(iso: event.date).map(DateText.long) ?? event.date),
                          fragment {
                              link(JourneyList(rawValue: event.list)?.form.title ?? "Event", .event(child: child.parameter, event: .value(event.id)))
                              if event.withdrawn { " "; tag("Withdrawn", .grey) }
                          },
                          .text(event.recorded_by),
                      ] })
            }
            el("p", .class("govuk-body")) { link("The child’s full chronology", .chronology(child.parameter)) }
        }
    }

    static let recentCount = 10
    static let viewsShown = 5

    /// Voice of the child (M11): what they said, wished and felt, wherever it was recorded, newest
    /// first, each with the event that recorded it (and so what it informed).
    func voiceOfTheChild(_ child: Child) -> Node {
        let latest = views.latest.compactMap { event -> (JourneyRows.Event, String)? in
            guard let said = (try? event.decodedRecord())?.childsViews, !said.isEmpty else { return nil }
            return (event, said)
        }
        return fragment {
            el("h2", .class("govuk-heading-m")) { "Voice of the child" }
            if views.total == 0 {
                paragraph("No views, wishes or feelings of \(child.firstName) are recorded yet. Record them on a visit, an assessment, a conference or a plan.")
            } else {
                for (event, said) in latest { Self.view(said, event: event, child: child) }
                el("p", .class("govuk-body")) {
                    link(views.total > Self.viewsShown ? "All \(views.total) views, wishes and feelings of \(child.firstName)" : "The voice of the child on one page",
                         .voiceOfTheChild(child.parameter))
                }
            }
        }
    }

    /// One thing the child said, with the record it was part of (and so what it informed).
    static func view(_ said: String, event: JourneyRows.Event, child: Child) -> Node {
        el("div", .class("govuk-inset-text")) {
            el("p", .class("govuk-body")) { "“" + said + "”" }
            el("p", .class("govuk-body-s")) {
                link(JourneyList(rawValue: event.list)?.form.title ?? "Event", .event(child: child.parameter, event: .value(event.id)))
                ", \(event.date.flatMap(CivilDate.init(iso:)).map(DateText.long) ?? "")"
            }
        }
    }

    static func title(_ stage: ChildState.Stage) -> String {
        switch stage {
        case .lookedAfter: "Looked after"
        case .careLeaver: "Care leaver"
        case .childProtectionPlan: "Child protection plan"
        case .childInNeedPlan: "Child in need plan"
        case .s47Enquiry: "Section 47 enquiry"
        case .assessment: "Assessment"
        case .referral: "Referral awaiting a decision"
        case .contact: "Contact awaiting a decision"
        case .noOpenWork: "No open work recorded"
        }
    }

    static func title(_ plan: ChildState.Plan) -> String {
        switch plan {
        case .childProtection: "Child protection plan"
        case .childInNeed: "Child in need plan"
        case .care: "Care plan (looked after)"
        }
    }
}
