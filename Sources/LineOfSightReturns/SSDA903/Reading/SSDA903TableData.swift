/// One table of a return, column by column: each cell trimmed and upper-cased, stored as a
/// number into the column's distinct values, and each date column also parsed (once per
/// distinct value) into `FieldDate`s, so rules loop over plain arrays and never parse a cell or
/// look one up by name. A class, though nothing in it changes: rules take a table out of the
/// return hundreds of times for each validation, and a struct of this many arrays is retained
/// field by field at every copy (a tenth of checking one child's record at a time).
public final class SSDA903TableData: Sendable {
    public let table: SSDA903Table
    /// The file it was read from, as given to the reader.
    public let file: String
    /// The line in the file where each data row starts (row 0 is the first row after the header).
    public let lines: [Int]
    /// The columns held, in the order of `columns`: the table's own, then (read from XML) its
    /// `xmlOnlyColumns`.
    public let layout: [SSDA903Column]
    private let columns: [SSDA903Cells]
    /// The columns in the order of the file's header row; empty when read from XML, whose
    /// fields are named rather than numbered.
    private let fileOrder: [SSDA903Column]
    private let parsedDates: [[FieldDate]]
    /// Each row's CHILD grouped (rows by distinct value), and the CHILD column's interner kept
    /// from reading to find a CHILD's number by its bytes: for every join between tables
    /// (`ChildJoin`), without hashing a `String` again.
    let childGroups: SSDA903RowGroups
    let childNumbers: CellInterner
    /// Its joins to other tables, worked out when a rule first needs each (`ChildJoin`).
    let joins = ChildJoins()

    /// `childNumbers` is the interner that numbered the CHILD column's values.
    init(table: SSDA903Table, file: String, lines: [Int], columns: [SSDA903Cells], childNumbers: CellInterner,
         layout: [SSDA903Column]? = nil, fileOrder: [SSDA903Column] = []) {
        self.table = table
        self.fileOrder = fileOrder
        self.file = file
        self.lines = lines
        self.layout = layout ?? table.columns
        self.columns = columns
        parsedDates = zip(self.layout, columns).map { column, cells in
            guard column.isDate else { return [] }
            let byValue = cells.values.map { FieldDate(cell: $0.utf8) }
            return cells.ids.map { byValue[Int($0)] }
        }
        let children = columns[self.layout.firstIndex(of: .child)!]
        childGroups = children.rowsByValue()
        self.childNumbers = childNumbers
    }

    public var rowCount: Int { lines.count }
    public var rows: Range<Int> { 0..<lines.count }

    /// The cells of `column`.
    public subscript(column: SSDA903Column) -> SSDA903Cells {
        columns[position(of: column)]
    }

    /// The parsed dates of a date column, one per row.
    public func dates(_ column: SSDA903Column) -> [FieldDate] {
        precondition(column.isDate, "\(column.rawValue) is not a date column")
        return parsedDates[position(of: column)]
    }

    /// Whether the table holds `column` (an XML-only column is held only when read from XML).
    public func has(_ column: SSDA903Column) -> Bool { layout.contains(column) }

    /// The 1-based field of `column` in each line of a CSV file; nil when read from XML.
    public func fieldNumber(of column: SSDA903Column) -> Int? {
        fileOrder.firstIndex(of: column).map { $0 + 1 }
    }

    /// Each row's CHILD.
    public var children: SSDA903Cells { self[.child] }

    /// The number of `child` among the CHILD column's values (0: blank), nil when no row holds it.
    func childNumber(of child: String) -> Int? {
        var child = child
        return child.withUTF8 { childNumbers.existingID(of: $0) }.map(Int.init)
    }

    private func position(of column: SSDA903Column) -> Int {
        guard let index = layout.firstIndex(of: column) else {
            preconditionFailure("\(table.rawValue) has no column \(column.rawValue)")
        }
        return index
    }
}
