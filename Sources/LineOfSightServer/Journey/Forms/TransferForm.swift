import Fluent
import Foundation
import LineOfSightCore
import Vapor

/// A transfer of the child's case to another team: requested by the team holding it, decided by
/// the receiving team's manager, whose acceptance allocates the child to their team.
enum TransferForm {
    /// The records that can make a transfer due.
    static let prompts: [JourneyList] = [.assessments, .cpPlans, .cinPlans, .periodsOfCare]

    static let form = EventForm(list: .transfers, name: "transfer", title: "Transfer to another team", dateKey: "requested", fields: [
        EventField(key: "requested", label: "Date of the request", input: .date, required: "Enter the date of the request"),
        EventField(key: "fromTeam", label: "Team the case moves from", hint: "The team the child is allocated to", input: .team,
                   required: "Select the team the case moves from"),
        EventField(key: "toTeam", label: "Team the case moves to", input: .team, required: "Select the team the case moves to"),
        EventField(key: "grounds", label: "Why the case is moving", input: .notes, required: "Enter why the case is moving"),
        EventField(key: "promptedByID", label: "The record that makes the transfer due",
                   hint: "For example, the assessment authorised with a child in need outcome, or the child protection plan",
                   input: .event(prompts)),
        EventField(key: "decision", label: "Decision", input: .choice([
            .init(TransferRecord.Decision.accepted.rawValue, "Accept the transfer"),
            .init(TransferRecord.Decision.rejected.rawValue, "Reject the transfer"),
        ])),
        EventField(key: "decided", label: "Date of the decision", input: .date),
        EventField(key: "workerID", label: "Worker in your team", hint: "Leave empty to allocate a worker later", input: .staff,
                   shownWhen: ("decision", TransferRecord.Decision.accepted.rawValue)),
        EventField(key: "delayReason", label: "Why it was accepted later than the local standard", hint: "Only if it was", input: .notes,
                   shownWhen: ("decision", TransferRecord.Decision.accepted.rawValue)),
        EventField(key: "rejectionReason", label: "Why the transfer is rejected", input: .notes, required: "Enter why the transfer is rejected",
                   shownWhen: ("decision", TransferRecord.Decision.rejected.rawValue)),
    ], steps: [
        EventStep(id: "decide", title: "Accept or reject this transfer", done: "Decision on the transfer recorded",
                  fields: ["decision", "decided", "workerID", "delayReason", "rejectionReason"],
                  required: ["decision": "Select whether you accept or reject the transfer", "decided": "Enter the date of your decision"],
                  roles: Role.allocators, pending: "decided", team: "toTeam", effect: allocateOnAcceptance),
    ])

    /// Accepting allocates the child to the receiving team, and to the worker chosen if any, from
    /// the day of acceptance, so the allocation history shows the move.
    static let allocateOnAcceptance: StepEffect = { req, childID, record, db in
        guard let transfer = record as? TransferRecord, transfer.decision == .accepted, let accepted = transfer.decided,
              let teamID = UUID(text: transfer.toTeam) else { return }
        let workerID = transfer.workerID.flatMap(UUID.init(text:))
        if let workerID {
            guard let worker = try await StaffMember.find(workerID, on: db), worker.active, worker.$team.id == teamID else {
                throw RecordRefused(problems: [RecordProblem("workerID", "Select a worker who is a member of your team, or leave it empty")])
            }
        }
        let current = try await Allocating.current(of: childID, on: db)
        if let current, accepted <= current.startDate {
            throw RecordRefused(problems: [RecordProblem("decided",
                "The date of the decision must be after the child’s current allocation started, on \(DateText.long(current.startDate))")])
        }
        try await Allocating.move(req, childID: childID, from: current, teamID: teamID, workerID: workerID, start: accepted,
                                  detail: "Allocated to the receiving team on accepting a transfer", on: db)
    }
}
