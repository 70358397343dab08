/// For each row of one table, the rows of another with the same CHILD: the join the DfE tool
/// makes with `merge(on="CHILD")`, where a blank CHILD matches a blank CHILD and a child in
/// several rows of the other table matches all of them. One dictionary look-up per distinct
/// child, then array look-ups.
public struct ChildJoin: Sendable {
    private let target: [Int]
    private let groups: SSDA903RowGroups

    public init(from source: SSDA903TableData, to other: SSDA903TableData) {
        let number = other.childNumbers
        let sourceChildren = source.children
        let byValue = sourceChildren.values.map { number[$0] ?? -1 }
        target = sourceChildren.ids.map { byValue[Int($0)] }
        groups = other.childGroups
    }

    /// The other table's rows for `row`'s child (empty when it has none).
    public subscript(row: Int) -> ArraySlice<Int> {
        let id = target[row]
        return id < 0 ? [] : groups[id]
    }
}
