import Fluent
import Foundation
import LineOfSightCore
import Vapor

/// The child's chronology (M10): every recorded event, in order, with the significant ones marked;
/// filtered by kind and significance; and a print view to hand to a conference.
struct ChronologyController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.chronology(.key), use: { try await show($0, printable: false) }).allow(Role.childReaders)
        routes.get(SiteURL.chronologyPrint(.key), use: { try await show($0, printable: true) }).allow(Role.childReaders)
        routes.post(SiteURL.eventSignificance(child: .key, event: .key), use: markSignificance).allow(Role.childEditors)
        routes.get(SiteURL.voiceOfTheChild(.key), use: voice).allow(Role.childReaders)
    }

    /// Voice of the child (M11): every view, wish and feeling recorded on any event, newest first.
    func voice(req: Request) async throws -> Response {
        let child = try await req.visibleChild()
        let views = try await JourneyRows.withChildsViews(of: child.requireID(), on: req.sql)
        try await req.audit(.read, entity: "child", entityID: child.id, childID: child.id, detail: "Viewed the voice of the child")
        let said = views.compactMap { event -> (JourneyRows.Event, String)? in
            guard let text = (try? event.decodedRecord())?.childsViews, !text.isEmpty else { return nil }
            return (event, text)
        }
        return Layout.page(title: "Voice of the child – \(child.fullName)", context: PageContext(req), backLink: .child(child.parameter)) {
            heading("Voice of the child", caption: child.fullName)
            paragraph("Every view, wish and feeling of \(child.firstName) recorded on a visit, an assessment, a conference or a plan, newest first, with the record it was part of.")
            if said.isEmpty {
                paragraph("None is recorded yet.")
            } else {
                for (event, text) in said { ChildJourneySummary.view(text, event: event, child: child) }
            }
        }
    }

    struct Filter {
        var list: JourneyList?
        var significantOnly: Bool

        init(_ query: FormInput) {
            list = query["type"].flatMap(JourneyList.init(rawValue:))
            significantOnly = query["significant"] == "yes"
        }

        var query: [(String, String)] {
            (list.map { [("type", $0.rawValue)] } ?? []) + (significantOnly ? [("significant", "yes")] : [])
        }
    }

    func show(_ req: Request, printable: Bool) async throws -> Response {
        let child = try await req.visibleChild()
        let filter = Filter(req.queryParameters)
        let childID = try child.requireID()
        var query = StoredEvent.query(on: req.db).filter(\.$child.$id == childID).filter(\.$withdrawnReason == nil)
        if let list = filter.list { query = query.filter(\.$list == list) }
        if filter.significantOnly { query = query.filter(\.$significant == true) }
        let events = try await query.sort(\.$date).sort(\.$recordedAt).sort(\.$id).all()
        try await req.audit(.read, entity: "child", entityID: child.id, childID: child.id,
                            detail: printable ? "Printed the child’s chronology" : "Viewed the child’s chronology")
        let journey = try await ChildDerivation.journey(of: childID, dateOfBirth: child.dateOfBirth, on: req.db)
        // Each record read once, for its answers and for the names they refer to.
        let entries = events.map { (event: $0, record: try? $0.decodedRecord()) }
        let people = try await People.load(naming: entries.compactMap { entry in entry.record.map { (entry.event.list.form, $0) } }, on: req.db)
        return ChronologyPages.chronology(context: PageContext(req), child: child, entries: entries, journey: journey, filter: filter,
                                          people: people, printable: printable, today: req.today)
    }

    func markSignificance(req: Request) async throws -> Response {
        let child = try await req.visibleChild()
        let event = try await req.changeableEvent(of: child)
        // An explicit value, never a toggle: a double click leaves what was asked for.
        let significant = req.form["significant"] == "yes"
        if event.significant != significant {
            event.significant = significant
            try await req.db.transaction { db in
                try await event.save(on: db)
                try await req.audit(.update, entity: "event", entityID: event.id, childID: child.id,
                                    detail: significant ? "Marked \(event.list.form.withArticle) as significant" : "Removed the significant mark from \(event.list.form.withArticle)",
                                    on: db)
            }
        }
        req.flash(significant ? "Marked as significant in the chronology" : "No longer marked as significant")
        return req.redirect(to: .event(child: child.parameter, event: event.parameter))
    }
}

enum ChronologyPages {
    static func chronology(context: PageContext, child: Child, entries: [(event: StoredEvent, record: (any JourneyRecord)?)], journey: Journey, filter: ChronologyController.Filter, people: People,
                           printable: Bool, today: CivilDate) -> Response {
        let title = "Chronology"
        return Layout.page(title: "\(title) – \(child.fullName)", context: context, backLink: printable ? nil : .child(child.parameter), printable: printable) {
            heading(title, caption: "\(child.fullName), LA child ID \(child.laChildID)")
            if printable {
                paragraph("Printed \(DateText.long(today))" + (filter.significantOnly ? ": significant events only" : "")
                          + (filter.list.map { ", \($0.form.title.lowercased()) only" } ?? "") + ".")
            } else {
                el("form", .attribute("method", "get"), .attribute("action", SiteURL.chronology(child.parameter).path), .class("app-filter app-no-print")) {
                    el("div", .class("app-filter__row")) {
                        SelectField(id: "type", label: "Type of event", options: [("", "All events")] + JourneyList.allCases.map { ($0.rawValue, $0.form.title) },
                                    selected: filter.list?.rawValue ?? "").node
                    }
                    CheckboxField(id: "significant", label: "Only significant events", checked: filter.significantOnly).node
                    button("Show")
                }
                el("div", .class("govuk-button-group app-no-print")) {
                    el("a", .class("govuk-button govuk-button--secondary"), .href(SiteURL.chronologyPrint(child.parameter).path(query: filter.query))) { "Print view" }
                    if let principal = context.principal, Role.childEditors.contains(principal.role) {
                        el("a", .class("govuk-link"), .href(SiteURL.recordEvent(child: child.parameter, list: .value(.significantEvents)))) { "Add a significant event" }
                    }
                }
            }
            if entries.isEmpty {
                paragraph("Nothing matches. Clear the filters to see every event.")
            } else {
                table(caption: "\(entries.count) \(entries.count == 1 ? "entry" : "entries"), oldest first", columns: [
                    .init(header: "Date"), .init(header: "Event"), .init(header: "What was recorded"),
                ], rows: entries.map { event, record in [
                    .text(DateText.long(event.date)),
                    fragment {
                        if printable { event.list.form.title } else { link(event.list.form.title, .event(child: child.parameter, event: event.parameter)) }
                        if event.significant { " "; tag("Significant", .purple) }
                    },
                    details(event, record: record, journey: journey, people: people),
                ] })
            }
        }
    }

    private static func details(_ event: StoredEvent, record: (any JourneyRecord)?, journey: Journey, people: People) -> Node {
        guard let record, let id = event.id else { return .empty }
        let form = event.list.form
        let remarks = record.remarks(id: id.text, in: journey)
        return fragment {
            if !remarks.isEmpty { EventPages.remarkList(remarks) }
            el("ul", .class("app-chronology__details govuk-body-s")) {
            for row in EventPages.answers(form, record: record, people: people) where row.key != form.field(form.dateKey)?.label {
                el("li") { el("strong") { row.key + ": " }; row.value }
            }
            }
        }
    }
}
