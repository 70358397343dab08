import LineOfSightCore

/// What the tracker and the review pack say about a transfer, the same on the page and in the CSV:
/// each step's day, its working days (so far, for the step in progress) and whether it kept to the
/// local standard. Breaches are the core's (`TransferProgress`); this only words them.
struct TransferText {
    let today: CivilDate
    let calendar: WorkingDayCalendar
    let teams: [String: String]

    func team(_ id: String) -> String { teams[id] ?? "A team that no longer exists" }

    /// Children waiting in duty, longest first as given: the tracker's list and the review pack's.
    func waitingTable(_ rows: [WaitingRow], caption: String) -> Node {
        table(caption: caption, captionVisible: false, columns: [
            TableColumn(header: "Child"), TableColumn(header: "Team"), TableColumn(header: "Should have moved since"),
            TableColumn(header: "Working days waiting", numeric: true),
        ], rows: rows.map { row in
            [link(row.child.fullName, .child(.value(row.child.id))), .text(row.child.teamName ?? ""), .text(DateText.long(row.wait.since)),
             .text(String(row.wait.workingDaysWaiting(on: today, calendar: calendar)))]
        })
    }

    static func stage(_ stage: TransferProgress.Stage) -> String {
        switch stage {
        case .awaitingDecision: "Awaiting decision"
        case .awaitingVisit: "Accepted, awaiting first visit"
        case .completed: "Completed"
        case .rejected: "Rejected"
        }
    }

    static let stageOptions: [(id: String, label: String)] = [("inFlight", "In flight")]
        + TransferProgress.Stage.allCases.map { ($0.rawValue, stage($0)) }

    /// Within the standard, late, overdue, or still due: how a step stands.
    enum Standing {
        case withinStandard, late, overdue, due(CivilDate), notApplicable

        var text: String {
            switch self {
            case .withinStandard: "Within standard"
            case .late: "Late"
            case .overdue: "Overdue"
            case let .due(date): "Due by \(DateText.long(date))"
            case .notApplicable: ""
            }
        }

        var isBreach: Bool {
            switch self {
            case .late, .overdue: true
            default: false
            }
        }
    }

    func acceptance(_ t: TransferProgress) -> Standing {
        if t.rejected != nil { return .notApplicable }
        if t.accepted != nil { return t.acceptanceBreached(asOf: today) ? .late : .withinStandard }
        return t.acceptanceBreached(asOf: today) ? .overdue : .due(t.acceptanceDue)
    }

    func firstVisit(_ t: TransferProgress) -> Standing {
        guard let due = t.firstVisitDue else { return .notApplicable }
        if t.firstVisit != nil { return t.visitBreached(asOf: today) ? .late : .withinStandard }
        return t.visitBreached(asOf: today) ? .overdue : .due(due)
    }

    func decision(_ t: TransferProgress) -> String {
        if let accepted = t.accepted { return "Accepted on \(DateText.long(accepted))" }
        if let rejected = t.rejected { return "Rejected on \(DateText.long(rejected))" }
        return "Not decided"
    }

    /// "4 working days", "3 working days so far".
    func days(_ count: Int?, done: Bool) -> String {
        guard let count else { return "" }
        return "\(count) working day\(count == 1 ? "" : "s")" + (done ? "" : " so far")
    }

    /// The reason given for a breach or a rejection.
    func reason(_ t: TransferProgress) -> String {
        if let rejection = t.rejectionReason { return rejection }
        if let delay = t.delayReason { return delay }
        return t.breached(asOf: today) ? "No reason recorded" : ""
    }

    /// A step after acceptance: its day ("Not yet" until it happens) and its working days since.
    private func afterAcceptance(_ title: String, _ daysTitle: String, day: KeyPath<TransferProgress, CivilDate?>,
                                 days count: KeyPath<TransferProgress.StepDays, Int?>) -> [(header: String, text: (TransferRow) -> String)] {
        [(title, { row in
            guard row.progress.accepted != nil else { return "" }
            return row.progress[keyPath: day].map(DateText.long) ?? "Not yet"
        }),
         (daysTitle, { row in
             days(row.progress.days(asOf: today, calendar: calendar)[keyPath: count], done: row.progress[keyPath: day] != nil)
         })]
    }

    /// The columns of the tracker, on the page and in the CSV.
    var columns: [(header: String, text: (TransferRow) -> String)] {
        [
            ("Child", { $0.childName }),
            ("Child’s ID", { $0.laChildID }),
            ("From", { team($0.progress.fromTeam) }),
            ("To", { team($0.progress.toTeam) }),
            ("Stage", { Self.stage($0.progress.stage) }),
            ("Requested", { DateText.long($0.progress.requested) }),
            ("Decision", { decision($0.progress) }),
            ("Days to decision", { row in
                let t = row.progress
                return days(t.days(asOf: today, calendar: calendar).toDecision, done: t.decided != nil)
            }),
            ("Acceptance", { acceptance($0.progress).text }),
        ] + afterAcceptance("Worker allocated", "Days to allocation", day: \.allocated, days: \.toAllocation)
          + afterAcceptance("First visit", "Days to first visit", day: \.firstVisit, days: \.toFirstVisit) + [
            ("First visit standard", { firstVisit($0.progress).text }),
            ("Reason for delay or rejection", { reason($0.progress) }),
        ]
    }
}
