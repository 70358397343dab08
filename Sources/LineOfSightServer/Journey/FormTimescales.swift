import LineOfSightCore

/// Beside an event's form, before anything is saved: the timescales recording it can start and
/// meet (from the rules' own declarations in the core), and which of the child's open ones it
/// can meet, with their stored due dates. The event's page says what it actually did once saved.
enum FormTimescales {
    /// Nothing for a kind of event that starts and meets no timescale.
    static func panel(_ list: JourneyList, open: [Obligation], firstName: String, today: CivilDate, dueSoonDays: Int) -> Node {
        let timescales = EventTimescales(recording: list)
        guard !timescales.isEmpty else { return .empty }
        let meetable = Set(timescales.meets.map(\.id))
        let childs = open.filter { meetable.contains($0.ruleID) }
        return fragment {
            el("h2", .class("govuk-heading-m")) { "Timescales" }
            if !childs.isEmpty {
                el("div", .class("govuk-inset-text")) {
                    paragraph("For \(firstName), this can meet:")
                    el("ul", .class("govuk-list govuk-list--bullet")) {
                        for obligation in childs {
                            el("li") {
                                ObligationText.tag(obligation.status(asOf: today, dueSoonDays: dueSoonDays))
                                " " + ObligationText.title(obligation) + ", due " + DateText.long(obligation.due)
                            }
                        }
                    }
                }
            }
            // Every rule the kind of event touches can be a long list (a visit: a dozen of each), so
            // it is there for whoever wants it, under what matters for this child.
            el("details", .class("govuk-details")) {
                el("summary", .class("govuk-details__summary")) {
                    el("span", .class("govuk-details__summary-text")) { "Every timescale this can start or meet" }
                }
                el("div", .class("govuk-details__text")) {
                    if !timescales.starts.isEmpty {
                        paragraph("Recording this can start:")
                        el("ul", .class("govuk-list govuk-list--bullet")) {
                            for rule in timescales.starts { el("li") { "\(rule.title) — due \(rule.dueDate)" } }
                        }
                    }
                    if !timescales.meets.isEmpty {
                        paragraph("It can meet:")
                        el("ul", .class("govuk-list govuk-list--bullet")) {
                            for rule in timescales.meets { el("li") { rule.title } }
                        }
                    }
                }
            }
        }
    }
}
