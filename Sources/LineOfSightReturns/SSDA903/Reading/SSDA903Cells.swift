/// One column of a table: each row's value as a number into `values`, the column's distinct
/// values (0 is the empty cell, read as nil).
public struct SSDA903Cells: Sendable {
    public let ids: [Int32]
    public let values: [String]

    init(ids: [Int32], values: [String]) {
        self.ids = ids
        self.values = values
    }

    public var count: Int { ids.count }

    /// The row's value, nil when the cell is empty.
    @inlinable public subscript(row: Int) -> String? {
        let id = Int(ids[row])
        return id == 0 ? nil : values[id]
    }

    @inlinable public func isBlank(_ row: Int) -> Bool { ids[row] == 0 }

    /// Which rows hold one of `codes`: decided once per distinct value, then one look-up a row.
    public func matching(_ codes: Set<String>) -> SSDA903Match {
        SSDA903Match(ids: ids, hits: values.indices.map { $0 != 0 && codes.contains(values[$0]) })
    }

    public func matching(_ code: String) -> SSDA903Match { matching([code]) }
}

/// The rows of a column that hold one of a set of codes.
public struct SSDA903Match: Sendable {
    @usableFromInline let ids: [Int32]
    @usableFromInline let hits: [Bool]

    @inlinable public subscript(row: Int) -> Bool { hits[Int(ids[row])] }
}

extension SSDA903Cells {
    /// The rows holding each distinct value, found in one pass (a counting sort, no hashing).
    public func rowsByValue() -> SSDA903RowGroups {
        var starts = Array(repeating: 0, count: values.count + 1)
        for id in ids { starts[Int(id) + 1] += 1 }
        for id in 0..<values.count { starts[id + 1] += starts[id] }
        var next = starts
        var rows = Array(repeating: 0, count: ids.count)
        for (row, id) in ids.enumerated() {
            rows[next[Int(id)]] = row
            next[Int(id)] += 1
        }
        return SSDA903RowGroups(rows: rows, starts: starts)
    }
}

/// The rows of a table grouped by the value of one column, each group in file order.
public struct SSDA903RowGroups: Sendable {
    let rows: [Int]
    let starts: [Int]

    /// The rows whose cell holds value number `id` (0: the empty cells).
    public subscript(id: Int) -> ArraySlice<Int> { rows[starts[id]..<starts[id + 1]] }

    /// The groups of present values (not the empty cells), in order of first appearance of no
    /// particular meaning.
    public var present: some Sequence<ArraySlice<Int>> { (1..<(starts.count - 1)).lazy.map { self[$0] } }
}
