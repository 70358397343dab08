import Foundation

/// For each row of one table, the rows of another with the same CHILD: the join the DfE tool
/// makes with `merge(on="CHILD")`, where a blank CHILD matches a blank CHILD and a child in
/// several rows of the other table matches all of them. One look-up per distinct child in the
/// other table's CHILD interner (by bytes, as the files were read), then array look-ups; and
/// each pair of tables joined once, however many rules join them (`SSDA903TableData.joins`).
public struct ChildJoin: Sendable {
    private let target: [Int]
    private let groups: SSDA903RowGroups

    public init(from source: SSDA903TableData, to other: SSDA903TableData) {
        target = source.joins.target(to: other.joins) {
            let sourceChildren = source.children
            // The empty value is number 0 in both, so a blank CHILD matches a blank CHILD.
            let byValue = sourceChildren.values.map { other.childNumber(of: $0) ?? -1 }
            return sourceChildren.ids.map { byValue[Int($0)] }
        }
        groups = other.childGroups
    }

    /// The other table's rows for `row`'s child (empty when it has none).
    public subscript(row: Int) -> ArraySlice<Int> {
        let id = target[row]
        return id < 0 ? [] : groups[id]
    }
}

/// A table's joins to others, kept with the table. Tables are told apart by a number each, never
/// by address, so a table read later at the address of one gone never finds its joins.
final class ChildJoins: @unchecked Sendable {
    private static let counter = NSLock()
    nonisolated(unsafe) private static var made = 0

    private let number: Int
    private let lock = NSLock()
    private var targets: [Int: [Int]] = [:]

    init() {
        Self.counter.lock()
        Self.made += 1
        number = Self.made
        Self.counter.unlock()
    }

    func target(to other: ChildJoins, _ make: () -> [Int]) -> [Int] {
        lock.lock()
        defer { lock.unlock() }
        if let target = targets[other.number] { return target }
        let target = make()
        targets[other.number] = target
        return target
    }
}
