import Fluent
import Foundation
import LineOfSightCore
import SQLKit

/// Case discussions as recorded in supervision sessions, with the actions each set: read from the
/// children's journeys (withdrawn discussions and actions left out), through the sessions' links.
enum SupervisionRecords {
    struct Discussion: Sendable {
        let eventID: UUID
        let childID: UUID
        let record: CaseDiscussionRecord
        let actions: [(id: UUID, record: ActionRecord)]

        /// Neither a decision nor an action: a discussion that changed nothing on the record.
        var isEmpty: Bool { (record.decision ?? "").isEmpty && actions.isEmpty }
    }

    /// The discussions these events hold, each with its actions, in date order.
    static func discussions(_ eventIDs: [UUID], on sql: any SQLDatabase) async throws -> [Discussion] {
        guard !eventIDs.isEmpty else { return [] }
        struct Row: Decodable { let child_id: UUID }
        let children = try await sql.select().distinct().column("child_id").from(StoredEvent.schema)
            .where("id", .in, SQLBind.group(eventIDs)).all(decoding: Row.self).map(\.child_id)
        let wanted = Set(eventIDs)
        var discussions: [(UUID, UUID, CaseDiscussionRecord)] = []
        var actions: [String: [(id: UUID, record: ActionRecord)]] = [:]
        for event in try await JourneyRows.events(of: children, lists: [.caseDiscussions, .actions], on: sql) {
            let record = try event.decodedRecord()
            if let discussion = record as? CaseDiscussionRecord, wanted.contains(event.id) {
                discussions.append((event.id, event.child_id, discussion))
            } else if let action = record as? ActionRecord, let source = action.sourceID {
                actions[source, default: []].append((event.id, action))
            }
        }
        return discussions.map { Discussion(eventID: $0.0, childID: $0.1, record: $0.2, actions: actions[$0.0.text] ?? []) }
    }

    /// The events recorded as discussions of these sessions, by session.
    static func links(of sessionIDs: [UUID], on sql: any SQLDatabase) async throws -> [UUID: [UUID]] {
        guard !sessionIDs.isEmpty else { return [:] }
        struct Row: Decodable { let session_id: UUID; let event_id: UUID }
        let rows = try await sql.select().columns("session_id", "event_id").from(SupervisionDiscussion.schema)
            .where("session_id", .in, SQLBind.group(sessionIDs)).all(decoding: Row.self)
        return Dictionary(grouping: rows, by: \.session_id).mapValues { $0.map(\.event_id) }
    }

    /// Per team of the worker supervised, the case discussions in sessions since `from` and how
    /// many recorded neither a decision nor an action: "tick-box" supervision, made visible.
    struct TeamCount: Sendable {
        let teamID: UUID
        var discussions = 0
        var empty = 0
    }

    static func teamCounts(since from: CivilDate, on sql: any SQLDatabase) async throws -> [UUID: TeamCount] {
        struct Row: Decodable { let event_id: UUID; let team_id: UUID? }
        let rows = try await sql.raw("""
            SELECT d.event_id, st.team_id FROM \(ident: SupervisionDiscussion.schema) d
            JOIN \(ident: SupervisionSession.schema) s ON s.id = d.session_id
            JOIN \(ident: StaffMember.schema) st ON st.id = s.supervisee_id
            WHERE s.date >= \(bind: from.iso)
            """).all(decoding: Row.self)
        let teams = Dictionary(rows.map { ($0.event_id, $0.team_id) }) { first, _ in first }
        var counts: [UUID: TeamCount] = [:]
        for discussion in try await discussions(rows.map(\.event_id), on: sql) {
            guard let team = teams[discussion.eventID] ?? nil else { continue }
            counts[team, default: TeamCount(teamID: team)].discussions += 1
            if discussion.isEmpty { counts[team, default: TeamCount(teamID: team)].empty += 1 }
        }
        return counts
    }
}
